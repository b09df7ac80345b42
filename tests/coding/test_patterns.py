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
