"""The store: one real event across articles and languages, idempotent ingestion, versions, errors."""

import json
import sqlite3
from datetime import date
from itertools import chain

import pytest

from communique.cli import main
from communique.documents import Document
from communique.ingest.readers import read_inputs
from communique.store.ingest import ingest
from communique.store.query import events, resolve_party, timeline
from communique.store.schema import StoreError, connect
from tests.conftest import ROOT

WEEK = ROOT / "examples" / "news_week_2021_12.jsonl"


def _inputs(shared):
    """The seed and the two example articles about the same December 2021 contacts (English and
    Indonesian, from two outlets)."""
    week = [d for d in read_inputs([str(WEEK)]) if "donfried" in d.id]
    assert len(week) == 2
    return chain(read_inputs([str(shared / "seeds" / "000_934587f4c626a00e.txt")], date=date(2021, 12, 16)), week)


@pytest.fixture(scope="module")
def week_db(tmp_path_factory, shared):
    db = tmp_path_factory.mktemp("store") / "week.db"
    tally = ingest(db, _inputs(shared), workers=1)
    assert (tally.stored, tally.failed) == (3, 0)
    return db


def _one(rows, code, *names):
    found = [r for r in rows if r["code"].startswith(code)
             and {(r["source"] or {}).get("name"), (r["target"] or {}).get("name")} >= set(names)]
    assert len(found) == 1, f"{code} {names}: {len(found)} events"
    return found[0]


def test_each_contact_is_one_event_counted_by_article(week_db):
    con = connect(week_db)
    rows = timeline(con, "RUS", "USA")
    assert _one(rows, "041", "Vladimir Putin", "Joe Biden")["num_articles"] == 3
    assert _one(rows, "040", "Karen Donfried", "Sergei Ryabkov")["num_articles"] == 3
    assert _one(rows, "040", "Karen Donfried", "Dmitry Kozak")["num_articles"] == 3
    assert _one(rows, "041", "Yuri Ushakov", "Jake Sullivan")["num_articles"] == 2
    kyiv = timeline(con, "United States", "Ukraine")
    meeting = _one(kyiv, "040", "Karen Donfried", "Dmytro Kuleba")
    assert meeting["num_articles"] == 3 and meeting["date"] == "2021-12-13"
    assert len(meeting["doc_ids"]) == 3


def test_an_event_keeps_the_most_precise_date(week_db):
    call = _one(timeline(connect(week_db), "Putin", "Biden"), "041", "Vladimir Putin", "Joe Biden")
    assert call["date"] == "2021-12-07" and call["date_basis"] == "explicit"


def test_ingesting_again_changes_nothing(week_db, shared):
    con = connect(week_db)
    before = con.execute("SELECT COUNT(*), SUM(num_mentions) FROM events").fetchone()
    tally = ingest(week_db, _inputs(shared), workers=1)
    assert (tally.stored, tally.unchanged) == (0, 3)
    assert connect(week_db).execute("SELECT COUNT(*), SUM(num_mentions) FROM events").fetchone() == before


def test_filters(week_db):
    con = connect(week_db)
    assert {r["code"][:2] for r in events(con, root="04")} == {"04"}
    assert all(r["date"] >= "2021-12-15" for r in events(con, since="2021-12-15"))
    assert events(con, person="Ryabkov") and all(
        "Ryabkov" in json.dumps(r) for r in events(con, person="Ryabkov"))
    indonesian = {"000_934587f4c626a00e", "warta-dunia-2021-12-17-donfried-moskow"}
    in_id = events(con, lang="id")
    assert in_id and all(indonesian & set(r["doc_ids"]) for r in in_id)
    in_en = events(con, lang="en")
    assert in_en and all("baltic-wire-2021-12-16-donfried-moscow" in r["doc_ids"] for r in in_en)
    assert len(in_en) < len(in_id)
    assert events(con, text="video") and events(con, text="no such words anywhere") == []
    with pytest.raises(StoreError):
        events(con, since="15/12/2021")
    with pytest.raises(StoreError):
        events(con, code="4x")


def test_parties_are_resolved_from_names():
    assert resolve_party("Russia").code == "RUS"
    assert resolve_party("Rusia").code == "RUS"
    assert resolve_party("NATO").code == "NATO"
    assert resolve_party("USA").code == "USA"
    assert resolve_party("Ryabkov").name == "Sergei Ryabkov"     # a known person by surname
    assert resolve_party("Quentin Zorbamel").name == "Quentin Zorbamel"


def _doc(doc_id, text):
    return Document(id=doc_id, text=text, date=date(2024, 3, 9), lang="en", origin=doc_id)


def test_a_new_version_replaces_the_events_of_the_old(tmp_path):
    db = tmp_path / "v.db"
    ingest(db, [_doc("a", "Kenya closed its border with Somalia on Monday.")], workers=1)
    tally = ingest(db, [_doc("a", "Egypt offered its troops to the Sudanese government.")], workers=1)
    assert (tally.stored, tally.replaced) == (1, 1)
    codes = [r["code"] for r in events(connect(db))]
    assert codes == ["0332"]


def test_the_same_content_under_another_id_is_stored_once(tmp_path):
    db = tmp_path / "d.db"
    text = "Kenya closed its border with Somalia on Monday."
    tally = ingest(db, [_doc("a", text), _doc("b", text)], workers=1)
    assert (tally.stored, tally.duplicates) == (1, 1)
    assert connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_bad_documents_are_recorded_and_the_rest_stored(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "1", "text": "Kenya closed its border with Somalia on Monday.", "date": "2024-03-09"}\n'
                     '{"id": "2", "text": broken\n'
                     '{"id": "3", "text": "Egypt offered its troops to the Sudanese government.", "date": "2024-03-09"}\n',
                     encoding="utf-8")
    db = tmp_path / "e.db"
    assert main(["ingest", str(batch), "--db", str(db), "--workers", "1"]) == 1
    assert "batch.jsonl:2" in capsys.readouterr().err
    assert main(["errors", "--db", str(db)]) == 0
    assert "batch.jsonl:2" in capsys.readouterr().out
    assert connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2


def test_cli_formats(week_db, capsys):
    assert main(["events", "--db", str(week_db), "--dyad", "RUS,USA", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("event_id,date,") and len(lines) > 4
    assert main(["events", "--db", str(week_db), "--root", "04", "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert {"num_mentions", "num_sources", "num_articles", "doc_ids", "code", "source", "mentions"} <= set(row)
    assert main(["timeline", "Russia", "United States", "--db", str(week_db)]) == 0
    assert "Karen Donfried (USA) -> Sergei Ryabkov (RUS)" in capsys.readouterr().out


def test_cli_rejects_bad_requests_clearly(week_db, tmp_path, capsys):
    assert main(["events", "--db", str(week_db), "--since", "yesterday"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["events", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such store" in capsys.readouterr().err
    assert main(["events", "--db", str(week_db), "--dyad", "RUS"]) == 2
    assert main(["events", "--db", str(week_db), "--limit", "0"]) == 2


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        connect(bad)


def test_store_is_in_wal_mode(week_db):
    assert sqlite3.connect(week_db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _report(day, basis, rng=None, precision="day"):
    return {"code": "040", "root": "04", "plover": {"event": "CONSULT"}, "lang": "en",
            "source": {"country": "USA", "org": None, "name": "Karen Donfried"},
            "target": {"country": "RUS", "org": None, "name": "Sergei Ryabkov"},
            "date": day, "date_basis": basis, "date_precision": precision, "date_range": rng,
            "location": None, "mentions": [{"start": 0, "text": "..."}]}


def test_a_more_precise_report_refines_the_date_and_splits_a_wrong_merge(tmp_path):
    from communique.store.store import Store

    store = Store(tmp_path / "split.db")
    vague_early = _report("2021-12-13", "relative", ["2021-12-10", "2021-12-16"], "week")
    vague_late = _report("2021-12-17", "relative", ["2021-12-14", "2021-12-20"], "week")
    precise = _report("2021-12-11", "explicit")
    for doc_id, row in (("early", vague_early), ("late", vague_late), ("precise", precise)):
        with store.transaction():
            store.add_document(_doc(doc_id, doc_id), doc_id, [row])
        if doc_id == "late":        # the two vague reports overlap: one event so far
            assert len(events(store.con)) == 1
    found = sorted((e["date"], e["num_articles"], e["doc_ids"]) for e in events(store.con))
    assert found == [("2021-12-11", 2, ["early", "precise"]), ("2021-12-17", 1, ["late"])]
    reasons = [r[0] for r in store.con.execute("SELECT merge_reason FROM reports WHERE doc_id = 'late'")]
    assert reasons[0].startswith("moved after a more precise report")


def _fight(code, day, rng, basis, place, reverse=False):
    source, target = {"country": "RUS", "org": None, "name": None}, {"country": "UKR", "org": None, "name": None}
    return {"code": code, "root": code[:2], "lang": "en", "source": target if reverse else source,
            "target": source if reverse else target, "date": day, "date_basis": basis,
            "date_precision": "week" if rng else "day", "date_range": rng,
            "location": {"name": place, "country": "UKR"} if place else None, "mentions": [{"start": 0}]}


def test_reports_that_fit_only_in_a_circle_are_grouped_without_endless_moves(tmp_path):
    """Vague reports at different places, where each better report splits off another that then fits
    elsewhere: moves must end, and every event's reports agree with its most precise one."""
    from communique.store.cluster import better, same_event
    from communique.store.store import Store

    docs = [("a", [_fight("195", "2021-05-24", ["2021-05-18", "2021-05-24"], "publication", None)]),
            ("b", [_fight("192", "2021-05-19", ["2021-05-13", "2021-05-19"], "publication", "Donetsk"),
                   _fight("1952", "2021-05-19", ["2021-05-13", "2021-05-19"], "publication", None)]),
            ("c", [_fight("195", "2021-05-23", ["2021-05-17", "2021-05-23"], "publication", "Kyiv")]),
            ("d", [_fight("1952", "2021-05-22", ["2021-05-16", "2021-05-22"], "publication", "Lviv"),
                   _fight("194", "2021-05-22", ["2021-05-16", "2021-05-22"], "publication", "Sumy", reverse=True),
                   _fight("190", "2021-05-22", ["2021-05-16", "2021-05-22"], "publication", "Odesa")]),
            ("e", [_fight("190", "2021-05-17", None, "relative", "Kharkiv")])]
    store = Store(tmp_path / "circle.db")
    with store.transaction():
        for doc_id, rows in docs:
            store.add_document(_doc(doc_id, doc_id), doc_id, rows)
    grouped = {}
    for event_id, row in store.con.execute("SELECT event_id, row FROM reports"):
        grouped.setdefault(event_id, []).append(json.loads(row))
    assert sum(len(rows) for rows in grouped.values()) == 8 and 1 < len(grouped) < 8
    for rows in grouped.values():
        best = rows[0]
        for row in rows[1:]:
            best = better(best, row)
        assert all(row is best or same_event(best, row) for row in rows)
