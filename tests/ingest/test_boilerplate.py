"""Boilerplate lines of scraped pages are dropped; article lines are kept."""

import pytest

from communique.ingest.boilerplate import is_boilerplate, kept_spans


@pytest.mark.parametrize("line,langs", [
    ("Terhubung dengan kami", ("id",)),
    ("SAHAM:", ("id",)),
    ("Diterbitkan", ("id",)),
    ("on", ("id",)),
    ("iklan", ("id",)),
    ("Bagikan artikel ini:", ("id",)),
    ("Tren", ("id",)),
    ("Share this article:", ("en",)),
    ("Advertisement", ("en",)),
    ("https://example.org/a https://example.org/b", ("en",)),
    ("* * *", ("en",)),
])
def test_boilerplate_lines_are_dropped(line, langs):
    assert is_boilerplate(line, langs)


@pytest.mark.parametrize("line,langs", [
    ("Menteri Luar Negeri Retno Marsudi bertemu dengan mitranya dari Jepang di Tokyo.", ("id",)),
    ("The two leaders spoke by phone on Tuesday, the Kremlin said.", ("en",)),
    ("Kontak diplomatik Rusia-Amerika berlanjut", ("id",)),
])
def test_boilerplate_article_lines_are_kept(line, langs):
    assert not is_boilerplate(line, langs)


def test_boilerplate_kept_spans_keep_document_offsets():
    text = "SAHAM:\n\nPutin dan Xi bertemu di Beijing.\niklan\n"
    (span,) = kept_spans(text, ("id",))
    assert text[span[0]:span[1]] == "Putin dan Xi bertemu di Beijing."
