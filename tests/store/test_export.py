"""Exports check out: GDELT tables with GDELT's columns and valid values, Parquet that reads back
with the store's rows, PLOVER records; and the notebook API."""

import csv
import json
from datetime import date

import pyarrow.parquet as pq
import pytest

import communique
from communique.cli import EXPORTS, main
from communique.export.gdelt import MENTION_COLUMNS
from communique.ontology.cameo import is_code
from communique.output.formats import GDELT_COLUMNS
from communique.store.schema import StoreError, connect
from tests.conftest import ROOT

PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    base = tmp_path_factory.mktemp("export")
    db, out = base / "x.db", base / "out"
    assert main(["ingest", str(ROOT / "examples"), "--date", "2025-03-12", "--db", str(db), "--workers", "1"]) == 0
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    return db, out


def _tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_events_table(exported):
    db, out = exported
    header, *rows = _tsv(out / "gdelt.export.tsv")
    assert header == GDELT_COLUMNS and len(header) == 61
    ids = {str(r[0]) for r in connect(db).execute("SELECT event_id FROM events")}
    assert {r[0] for r in rows} == ids
    for r in rows:
        col = dict(zip(header, r))
        assert len(r) == 61
        assert is_code(col["EventCode"]) and col["EventRootCode"] == col["EventCode"][:2]
        assert col["QuadClass"] in {"1", "2", "3", "4"}
        assert -10.0 <= float(col["GoldsteinScale"]) <= 10.0
        assert date(int(col["SQLDATE"][:4]), int(col["SQLDATE"][4:6]), int(col["SQLDATE"][6:]))
        assert col["MonthYear"] == col["SQLDATE"][:6] and col["Year"] == col["SQLDATE"][:4]
        assert int(col["NumArticles"]) >= 1 and int(col["NumMentions"]) >= int(col["NumArticles"])
        assert len(col["DATEADDED"]) == 14 and col["DATEADDED"].isdigit()


def test_gdelt_mentions_table(exported):
    db, out = exported
    header, *rows = _tsv(out / "gdelt.mentions.tsv")
    assert header == MENTION_COLUMNS
    events = {r[0]: r for r in _tsv(out / "gdelt.export.tsv")[1:]}
    assert rows and all(len(r) == 16 and r[0] in events for r in rows)
    for event_id, event in events.items():
        assert sum(1 for r in rows if r[0] == event_id) == int(event[GDELT_COLUMNS.index("NumMentions")])


def test_parquet_reads_back_the_stores_rows(exported):
    db, out = exported
    con = connect(db)
    table = pq.read_table(out / "events.parquet")
    stored = con.execute("SELECT event_id, code, num_articles FROM events ORDER BY event_id").fetchall()
    assert table.num_rows == len(stored)
    assert list(zip(table.column("event_id").to_pylist(), table.column("code").to_pylist(),
                    table.column("num_articles").to_pylist())) == [(str(i), c, n) for i, c, n in stored]
    mentions = pq.read_table(out / "mentions.parquet")
    assert mentions.num_rows == len(_tsv(out / "gdelt.mentions.tsv")) - 1
    with open(out / "events.csv", encoding="utf-8") as f:
        assert sum(1 for _ in csv.DictReader(f)) == len(stored)


def test_plover_records(exported):
    _, out = exported
    records = [json.loads(line) for line in open(out / "plover.jsonl", encoding="utf-8")]
    assert records
    for rec in records:
        assert rec["id"].startswith("communique-") and rec["actor"] and rec["event"]
        assert set(rec["event"]) <= PLOVER_EVENTS
        assert rec["quad_code"] in (1, 2, 3, 4) and rec["num_articles"] >= 1 and rec["event_text"]


def test_export_rejects_unknown_formats(exported, tmp_path, capsys):
    db, _ = exported
    assert main(["export", "--db", str(db), "--out", str(tmp_path), "--formats", "excel"]) == 2
    assert ", ".join(EXPORTS) in capsys.readouterr().err


def test_the_notebook_api(exported):
    db, _ = exported
    events = communique.code_text("Kenya closed its border with Somalia on Monday.", lang="en", date="2024-03-09")
    assert [(e["source"]["country"], e["target"]["country"], e["code"]) for e in events] == [("KEN", "SOM", "191")]
    with communique.open_store(str(db)) as store:
        frame = store.dataframe(since="2021-12-01", until="2021-12-31")
        assert len(frame) == len(store.events(since="2021-12-01", until="2021-12-31")) > 0
        assert {"event_id", "code", "num_articles", "source_country"} <= set(frame.columns)
        assert store.mentions().num_rows >= len(frame)
        assert store.timeline("Russia", "United States")
    with pytest.raises(StoreError):
        communique.open_store(str(db) + ".missing")
