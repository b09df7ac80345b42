"""The Spark engine on local[2] against the local engine: the same events (ids and fields), the same
mentions and the same clusters as the local store from a few hundred documents of our sentence
tables, errors written and not fatal, a rerun idempotent. Needs pyspark and Java 17: a failure in CI, a skip elsewhere."""

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
import yaml

from communique.documents import ReadError
from communique.ingest.readers import read_inputs
from communique.store.ingest import code_one
from tests.conftest import need

TABLES = Path(__file__).resolve().parents[1] / "lang"
PER_LANGUAGE = 35


def _corpus(folder):
    """JSON Lines files of table sentences (nine languages), one broken line, and a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = []
    for table in sorted(TABLES.glob("*/sentences.yaml")):
        rows = yaml.safe_load(table.read_text(encoding="utf-8"))[:PER_LANGUAGE]
        docs += [{"id": f"{table.parent.name}-{k}", "lang": table.parent.name, "text": row["text"],
                  "date": str(row.get("date") or "2024-03-09")} for k, row in enumerate(rows)]
    half = len(docs) // 2
    (folder / "a.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs[:half])
                                    + "\n{broken json\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs[half:-40]),
                                    encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(docs[-40:]), folder / "c.parquet")
    return docs


def _local(docs, folder):
    """Event rows (without mentions) and (event_id, mention start) pairs of the local engine."""
    folder.mkdir()
    everything = folder / "all.jsonl"
    everything.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
    events, mentions = {}, set()
    for doc in read_inputs([str(everything)]):
        assert not isinstance(doc, ReadError)
        _, _, rows, error = code_one((doc, None))
        assert error is None
        for row in rows:
            mentions |= {(row["event_id"], m["start"]) for m in row.pop("mentions")}
            events[row["event_id"]] = row
    return events, mentions


def _local_clusters(folder):
    """The real events of a local store of the same documents, as sets of report event ids."""
    from communique.store.schema import connect
    from communique.store.ingest import ingest

    ingest(folder / "store.db", read_inputs([str(folder / "all.jsonl")]), workers=1)
    con = connect(folder / "store.db")
    members = {}
    for event_id, row in con.execute("SELECT event_id, row FROM reports"):
        members.setdefault(event_id, set()).add(json.loads(row)["event_id"])
    con.close()
    return {frozenset(m) for m in members.values()}


@pytest.fixture(scope="module")
def spark():
    need("pyspark", importlib.util.find_spec("pyspark") is not None)
    need("java", shutil.which("java"))
    from communique.engines.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def test_spark_codes_what_the_local_engine_codes(spark, tmp_path):
    import pyarrow.parquet as pq

    from communique.engines.spark import code_on_spark

    docs = _corpus(tmp_path)
    assert len(docs) >= 300
    out = tmp_path / "out"
    counts = code_on_spark([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), str(tmp_path / "c.parquet")],
                           str(out), spark=spark)
    events, mentions = _local(docs, tmp_path / "local")
    stored = {r["event_id"]: r for r in pq.read_table(out / "events").to_pylist()}
    assert set(stored) == set(events) and counts["events"] == len(events) > 250
    for event_id, row in events.items():
        got = dict(stored[event_id], date=str(stored[event_id]["date"]) if stored[event_id]["date"] else None)
        assert {k: got[k] for k in row} == row, event_id
    got_mentions = {(r["event_id"], r["start"]) for r in pq.read_table(out / "mentions").to_pylist()}
    assert got_mentions == mentions
    errors = pq.read_table(out / "errors").to_pylist()
    assert [e["origin"] for e in errors] == [f"a.jsonl:{len(docs) // 2 + 1}"]
    assert "broken JSON" in errors[0]["reason"]
    partitions = {p.name for p in (out / "events").iterdir() if p.is_dir()}
    assert {f"date={e['date']}" for e in events.values() if e["date"]} == partitions

    clusters = {frozenset(r["event_ids"]) for r in pq.read_table(out / "clusters").to_pylist()}
    assert clusters == _local_clusters(tmp_path / "local") and len(clusters) < len(events)

    again = code_on_spark([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), str(tmp_path / "c.parquet")],
                          str(out), spark=spark)
    assert again == counts and pq.read_table(out / "events").num_rows == len(events)


def test_cli_needs_an_output(capsys):
    from communique.cli import main

    assert main(["code", "examples/", "--engine", "spark"]) == 2
    assert "--output" in capsys.readouterr().err


def test_spark_reads_warc_as_the_local_readers_do(spark, tmp_path):
    import pyarrow.parquet as pq

    from communique.engines.spark import code_on_spark
    from tests.ingest.warcs import html_page, record, response, write

    rows = yaml.safe_load((TABLES / "en" / "sentences.yaml").read_text(encoding="utf-8"))[:40]
    pages = [response(f"https://news.example.org/{k}", html_page("\n\n".join(r["text"] for r in rows[k:k + 4])).encode())
             for k in range(0, 20, 4)]
    texts = [record("conversion", r["text"].encode(), f"https://wire.example.net/{k}", "text/plain")
             for k, r in enumerate(rows[20:])]
    path = write(tmp_path / "crawl.warc.gz", pages + texts + [b"WARC/1.1\r\nWARC-Type: resource\r\n"])
    counts = code_on_spark([str(path)], str(tmp_path / "out"), date=None, lang="en", spark=spark)
    local = {}
    for doc in read_inputs([str(path)], lang="en"):
        if not isinstance(doc, ReadError):
            local |= {row["event_id"]: row["code"] for row in code_one((doc, None))[2]}
    got = {r["event_id"]: r["code"] for r in pq.read_table(tmp_path / "out" / "events").to_pylist()}
    assert got == local and counts["events"] == len(local) > 20
    (error,) = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert error["origin"] == "crawl.warc.gz, record 26" and "broken WARC file" in error["reason"]
