"""The trigger search: its shortcut for words that start many triggers finds exactly what the plain search does."""

from copy import copy
from pathlib import Path

import yaml

from communique.coding.patterns import load_patterns
from communique.language import load_language
from communique.nlp.tokens import tokenize

TABLES = Path(__file__).resolve().parent.parent / "lang"


def test_patterns_second_word_index_finds_the_same_triggers():
    for iso in ("en", "id"):
        indexed, lang = load_patterns(iso), load_language(iso)
        plain = copy(indexed)
        plain._heavy = {}
        assert indexed._heavy, "no word starts enough triggers to be indexed"
        rows = yaml.safe_load((TABLES / iso / "sentences.yaml").read_text(encoding="utf-8"))
        for row in rows:
            lowers = [t.lower for t in tokenize(row["text"])]
            lemma = lambda j: lang.lemma(lowers[j])  # noqa: E731
            found = [(t.pattern.id, t.start, t.end) for t in indexed.find(lowers, lemma, set())]
            assert found == [(t.pattern.id, t.start, t.end) for t in plain.find(lowers, lemma, set())], row["text"]


def _trigger_ends(trigger, text, blocked):
    """End token index of one trigger matched at the first token of a text, or -1."""
    from communique.coding.patterns import PatternSet, compile_pattern

    patterns = PatternSet([compile_pattern({"id": "t.one", "code": "020", "triggers": [trigger]}, "test")])
    lowers = [t.lower for t in tokenize(text)]
    found = patterns.find(lowers, lambda j: lowers[j], blocked)
    return found[0].end if found else -1


def test_party_item_needs_a_whole_actor_name():
    assert _trigger_ends("wants the? <party> to", "wants Vladimir Putin to attack", {1, 2}) == 4
    assert _trigger_ends("wants the? <party> to", "wants the Kremlin to act", {2}) == 4
    assert _trigger_ends("wants the? <party> to", "wants to attack", set()) == -1
    assert _trigger_ends("wants the? <party> to", "wants peace to return", set()) == -1


def test_long_gap_reaches_further_than_a_short_one():
    text = "provided nearly 25,000 tons of emergency food aid"
    assert _trigger_ends("provided .... aid", text, set()) == 8
    assert _trigger_ends("provided ... aid", text, set()) == -1


def test_possessive_ending_costs_a_gap_nothing():
    assert _trigger_ends("welcomed ... statement", "welcomed Lula's latest peace statement", {1}) == 7


def test_an_alternative_with_a_space_inside_is_refused():
    import pytest

    from communique.coding.patterns import compile_pattern
    from communique.resources import DataError

    with pytest.raises(DataError):
        compile_pattern({"id": "t.bad", "code": "020", "triggers": ["(demanded|asked) ... (withdrawal|troops out)"]}, "t")
