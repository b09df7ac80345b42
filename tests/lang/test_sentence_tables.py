"""Every language's table of test sentences: sentence -> exactly the expected events."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import code_text

HERE = Path(__file__).resolve().parent


def _rows():
    """(lang, index, row) for every row of every tests/lang/<iso>/sentences.yaml."""
    for table in sorted(HERE.glob("*/sentences.yaml")):
        lang = table.parent.name
        for i, row in enumerate(yaml.safe_load(table.read_text(encoding="utf-8")) or []):
            marks = [pytest.mark.xfail(reason=row["known_gap"], strict=True)] if row.get("known_gap") else []
            yield pytest.param(lang, row, id=f"{lang}-{i:03d}", marks=marks)


def _expected(row):
    """Expected (source, target, code) triples and dates of a table row."""
    out = []
    for e in row.get("events") or []:
        out.append((e.get("source"), e.get("target"), str(e["code"]), e.get("date")))
    return out


def party(actor):
    """The party a table names: the organisation's short name, else the country (None if neither)."""
    return (actor["org"] or actor["country"]) if actor else None


def _fits(expect, event):
    """Whether a coded event is the expected one (two-digit code: any code of the root)."""
    source, target, code, day = expect
    got_code = event["code"]
    if (len(code) == 2 and got_code[:2] != code) or (len(code) > 2 and got_code != code):
        return False
    if day is not None and event["date"] != str(day):
        return False
    return party(event["source"]) == source and party(event["target"]) == target


@pytest.mark.parametrize("lang,row", list(_rows()))
def test_sentence_table(lang, row):
    """The coder finds exactly the events a careful coder would, with their dates and people."""
    day = row.get("date")
    events = code_text(row["text"], lang, day if isinstance(day, date) or day is None else str(day))
    expected = _expected(row)
    unmatched = list(events)
    for expect in expected:
        hit = next((e for e in unmatched if _fits(expect, e)), None)
        assert hit is not None, f"missing {expect}; got {[_brief(e) for e in events]}"
        unmatched.remove(hit)
    assert not unmatched, f"unexpected {[_brief(e) for e in unmatched]}"
    names = {a["name"] for e in events for a in (e["source"], e["target"]) if a and a["name"]}
    for person in row.get("people") or []:
        assert person in names, f"person {person!r} not found; names: {sorted(names)}"


def _brief(event):
    """A short description of an event for failure messages."""
    return (party(event["source"]), party(event["target"]), event["code"], event["date"], event["mentions"][0]["rule"])
