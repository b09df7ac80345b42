"""The store, measured: ingestion speed with 2 workers, a kill -9 and rerun over 2,000 documents,
and query latency on a store of 1,000,000 events. Prints numbers; asserts nothing about time.

Run: python benchmarks/bench_store.py [--docs 2000] [--events 1000000] [--skip-crash] [--skip-queries]
The ingested articles are built from the project's own sentences (as bench_coding.py builds them);
the 1,000,000-event store is synthetic (realistic fields, no coding) so that it builds in a minute.
"""

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def write_documents(path, count):
    """count JSON Lines documents of mixed Indonesian and English news."""
    from bench_coding import corpus

    docs, _ = corpus(count / 800)
    with open(path, "w", encoding="utf-8") as out:
        for k, (lang, text, day) in enumerate((docs * (1 + count // max(len(docs), 1)))[:count]):
            out.write(json.dumps({"id": f"doc-{k:06d}", "lang": lang, "date": day.isoformat(), "text": text,
                                  "source": f"outlet{k % 13}"}, ensure_ascii=False) + "\n")


def ingest_cmd(jsonl, db, workers=2):
    return [sys.executable, "-m", "communique.cli", "ingest", str(jsonl), "--db", str(db), "--workers", str(workers)]


def snapshot(db):
    """What the store says about events, reports and documents, without the times it was written."""
    con = sqlite3.connect(db)
    return (con.execute("SELECT event_id, code, pair, date, num_mentions, num_sources, num_articles, row "
                        "FROM events ORDER BY event_id").fetchall(),
            con.execute("SELECT event_id, doc_id, merge_reason, row FROM reports ORDER BY report_id").fetchall(),
            con.execute("SELECT doc_id, content_hash FROM documents ORDER BY doc_id").fetchall())


def count(db, table="documents"):
    try:
        return sqlite3.connect(db, timeout=5).execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def bench_ingest(work, docs):
    """Ingestion speed with 2 workers, then a kill -9 mid-run and a rerun compared with the whole run."""
    jsonl, whole, broken = work / "docs.jsonl", work / "whole.db", work / "broken.db"
    write_documents(jsonl, docs)
    started = time.perf_counter()
    subprocess.run(ingest_cmd(jsonl, whole), check=True, stderr=subprocess.DEVNULL)
    took = time.perf_counter() - started
    print(f"ingest: {docs} documents with 2 workers in {took:.1f} s = {docs / took:.1f} documents/s "
          f"(start-up included), {count(whole, 'events')} events, "
          f"{os.path.getsize(whole) / 1e6:.1f} MB store")
    return jsonl, whole, broken


def bench_crash(jsonl, whole, broken, docs):
    """kill -9 during ingestion, then rerun."""
    run = subprocess.Popen(ingest_cmd(jsonl, broken), stderr=subprocess.DEVNULL, start_new_session=True)
    while count(broken) < docs // 3 and run.poll() is None:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    stored = count(broken)
    check = sqlite3.connect(broken).execute("PRAGMA integrity_check").fetchone()[0]
    subprocess.run(ingest_cmd(jsonl, broken), check=True, stderr=subprocess.DEVNULL)
    final = sqlite3.connect(broken).execute("PRAGMA integrity_check").fetchone()[0]
    print(f"crash: killed (SIGKILL) with {stored} of {docs} documents stored; integrity_check after kill: "
          f"{check}; after rerun: {final}; documents stored once each: {count(broken) == docs}; "
          f"events equal to the uninterrupted run: {snapshot(broken) == snapshot(whole)}")


COUNTRIES = ["USA", "RUS", "CHN", "UKR", "IDN", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "TUR", "IND", "PAK",
             "JPN", "KOR", "PRK", "SYR", "IRQ", "EGY", "SAU", "BRA", "MEX", "NGA", "ZAF", "ETH", "SDN", "AFG"]
CODES = ["010", "012", "020", "036", "040", "041", "042", "043", "046", "051", "057", "061", "070", "112",
         "120", "130", "138", "163", "173", "190", "193", "195"]


def build_large_store(db, events):
    """A store of synthetic events spread over ten years, about two reports each."""
    from communique.store.schema import connect

    con = connect(db)
    rng = random.Random(5)
    start = date(2015, 1, 1)
    con.execute("BEGIN")
    docs = max(events // 4, 1)
    con.executemany("INSERT INTO documents (doc_id, content_hash, url, source, lang, pub_date, ingested_at, "
                    "n_chars, n_events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ((f"d{k}", f"h{k}", f"https://news{k % 50}.example/{k}", f"news{k % 50}", rng.choice(["en", "id"]),
                      None, "2025-01-01T00:00:00+00:00", 4000, 8) for k in range(docs)))
    batch = []
    for k in range(1, events + 1):
        a, b = rng.sample(COUNTRIES, 2)
        code = rng.choice(CODES)
        day = (start + timedelta(days=rng.randint(0, 3650))).isoformat()
        row = {"code": code, "root": code[:2], "name": "event", "quad_class": 1, "goldstein": 1.0,
               "plover": {"event": "CONSULT", "mode": None, "context": None},
               "source": {"code": a + "GOV", "country": a, "org": None, "sector": "GOV", "name": None, "role": None,
                          "text": a}, "target": {"code": b, "country": b, "org": None, "sector": None, "name": None,
                                                 "role": None, "text": b},
               "date": day, "date_precision": "day", "date_range": None, "date_text": None, "date_basis": "explicit",
               "location": None, "modality": "asserted", "lang": "en", "reciprocal": False, "confidence": 0.7,
               "mentions": [{"sentence": 0, "start": 0, "end": 80, "text": "A sentence of eighty characters.",
                             "trigger": "met", "rule": "en.consult.meet"}]}
        batch.append((k, code, code[:2], a, b, "|".join(sorted((a, b))), day, day, day, "en", 2, 2, 2,
                      "2025-01-01T00:00:00+00:00", json.dumps(row)))
        if len(batch) == 20_000:
            _flush(con, batch, docs, rng)
            batch = []
    _flush(con, batch, docs, rng)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    return con


def _flush(con, batch, docs, rng):
    con.executemany("INSERT INTO events (event_id, code, root, source_party, target_party, pair, date, date_lo, "
                    "date_hi, langs, num_mentions, num_sources, num_articles, first_seen, row) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    con.executemany("INSERT INTO reports (event_id, doc_id, merge_reason, row) VALUES (?, ?, 'synthetic', '{}')",
                    [(b[0], f"d{rng.randrange(docs)}") for b in batch for _ in range(2)])


def p95(times):
    return sorted(times)[int(len(times) * 0.95) - 1] * 1000


def bench_queries(work, events, runs=100):
    """Latency of a dyad timeline and of a filtered event query on a large store."""
    from communique.store.query import events as query_events
    from communique.store.query import timeline

    db = work / "large.db"
    started = time.perf_counter()
    con = build_large_store(db, events)
    print(f"large store: {events:,} events built in {time.perf_counter() - started:.0f} s, "
          f"{os.path.getsize(db) / 1e6:.0f} MB")
    rng = random.Random(9)
    dyads = [rng.sample(COUNTRIES, 2) for _ in range(runs)]
    t_timeline, t_filter, sizes = [], [], []
    for a, b in dyads:
        t = time.perf_counter()
        sizes.append(len(timeline(con, a, b)))
        t_timeline.append(time.perf_counter() - t)
        since = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3500))
        t = time.perf_counter()
        query_events(con, limit=100, country=a, root="04", since=since.isoformat(),
                     until=(since + timedelta(days=90)).isoformat())
        t_filter.append(time.perf_counter() - t)
    print(f"timeline A B (a page of up to 500 events, median {statistics.median(sizes):.0f} returned): "
          f"p50 {statistics.median(t_timeline) * 1000:.1f} ms, p95 {p95(t_timeline):.1f} ms over {runs} dyads")
    print(f"filtered events (country, root 04, 90 days, 100 rows): p50 {statistics.median(t_filter) * 1000:.1f} ms, "
          f"p95 {p95(t_filter):.1f} ms over {runs} queries")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--skip-crash", action="store_true")
    parser.add_argument("--skip-queries", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        jsonl, whole, broken = bench_ingest(work, args.docs)
        if not args.skip_crash:
            bench_crash(jsonl, whole, broken, args.docs)
        if not args.skip_queries:
            bench_queries(work, args.events)


if __name__ == "__main__":
    main()
