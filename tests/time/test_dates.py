"""Date expressions and their resolution against the publication date and the narrative."""

from datetime import date

import pytest

from communique.language import load_language
from communique.nlp.tokens import tokenize
from communique.time.expressions import DateFinder
from communique.time.resolve import date_event

PUB = date(2021, 12, 16)   # a Thursday


def _dates(text, lang, pub=PUB, narrative=None):
    tokens = tokenize(text)
    lowers = [t.lower for t in tokens]
    exprs = DateFinder(load_language(lang)).find(tokens, lowers, pub)
    return exprs, [date_event(e.start, e.end, exprs, pub, narrative) for e in exprs]


@pytest.mark.parametrize("text,lang,expected", [
    ("pada 7 Desember", "id", date(2021, 12, 7)),
    ("pada Rabu (16/6/2021)", "id", date(2021, 6, 16)),
    ("Senin (13/12)", "id", date(2021, 12, 13)),
    ("on December 7", "en", date(2021, 12, 7)),
    ("on Dec. 7, 2020", "en", date(2020, 12, 7)),
    ("on 7 December 2021", "en", date(2021, 12, 7)),
    ("on Monday", "en", date(2021, 12, 13)),
    ("pada hari Kamis", "id", date(2021, 12, 16)),
    ("on December 30", "en", date(2021, 12, 30)),
])
def test_dates_explicit(text, lang, expected):
    _, (when,) = _dates(text, lang)
    assert when.value == expected and when.basis == "explicit"


@pytest.mark.parametrize("text,lang,narrative,expected", [
    ("kemarin", "id", None, date(2021, 12, 15)),
    ("yesterday", "en", None, date(2021, 12, 15)),
    ("keesokan harinya", "id", date(2021, 12, 7), date(2021, 12, 8)),
    ("the next day", "en", date(2021, 12, 7), date(2021, 12, 8)),
    ("sehari sebelumnya", "id", date(2021, 12, 10), date(2021, 12, 9)),
    ("pada hari yang sama", "id", date(2021, 12, 10), date(2021, 12, 10)),
])
def test_dates_relative(text, lang, narrative, expected):
    _, (when,) = _dates(text, lang, narrative=narrative)
    assert when.value == expected and when.basis == "relative" and when.text


def test_dates_week_after_an_explicit_date():
    text = "Seminggu setelah panggilan video pada 7 Desember, Washington mengirim utusan."
    tokens = tokenize(text)
    lowers = [t.lower for t in tokens]
    exprs = DateFinder(load_language("id")).find(tokens, lowers, PUB)
    call = lowers.index("panggilan")
    send = lowers.index("mengirim")
    assert date_event(call, call + 1, exprs, PUB, None).value == date(2021, 12, 7)
    assert date_event(send, send + 1, exprs, PUB, None).value == date(2021, 12, 14)


def test_dates_day_month_long_after_publication_is_last_year():
    _, (when,) = _dates("on December 30", "en", pub=date(2022, 1, 5))
    assert when.value == date(2021, 12, 30)


def test_dates_none_in_text_is_publication_basis():
    assert date_event(0, 1, [], PUB, None).basis == "publication"
