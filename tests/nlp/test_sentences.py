"""Sentence splitting: abbreviations, initials, glued sentences, line breaks."""

from communique.nlp.sentences import split_sentences

ABBREVIATIONS = {"dr.", "u.s.", "p.m.", "pk.", "tgl.", "mr."}


def _split(text):
    return [text[s:e] for s, e in split_sentences(text, ABBREVIATIONS)]


def test_sentences_glued_sentence_is_split():
    assert _split("Ia menyerahkan kredensialnya.Dalam pertemuan itu ia bicara.") == [
        "Ia menyerahkan kredensialnya.", "Dalam pertemuan itu ia bicara."]


def test_sentences_abbreviations_do_not_end_a_sentence():
    text = "Dr. Rina Wati tiba pk. 10.00 WIB. U.S. officials met at 3 p.m. Tuesday in Rome."
    assert _split(text) == ["Dr. Rina Wati tiba pk. 10.00 WIB.", "U.S. officials met at 3 p.m. Tuesday in Rome."]


def test_sentences_glued_title_is_not_split():
    assert _split("Dr.Karen Smith meninggalkan Moskow.") == ["Dr.Karen Smith meninggalkan Moskow."]


def test_sentences_initials_and_quotes():
    assert _split('J. Smith said "We agree." Then they left.') == ['J. Smith said "We agree."', "Then they left."]


def test_sentences_line_breaks_end_sentences():
    assert _split("Headline without stop\nBody sentence here.") == ["Headline without stop", "Body sentence here."]
