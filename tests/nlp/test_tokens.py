"""Tokens keep document offsets and split clitics and hyphens the same way data files do."""

from communique.nlp.tokens import phrase_key, tokenize


def test_tokens_offsets_point_into_the_document():
    text = "Kata Rusia-nya: U.S. pada 16/6/2021."
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text


def test_tokens_split_hyphen_possessive_and_dates():
    assert [t.lower for t in tokenize("Rusia-nya Russia’s U.S. 16/6/2021 16.06.2021")] == [
        "rusia", "-", "nya", "russia", "'", "s", "u.s.", "16", "/", "6", "/", "2021", "16.06.2021"]


def test_tokens_phrase_key_matches_text_tokens():
    assert phrase_key("Russia's") == ("russia", "'", "s")
