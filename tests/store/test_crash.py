"""A killed ingestion leaves the store consistent, and the rerun completes it exactly."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.store.corpus import write_jsonl

DOCS = 400


def _ingest(jsonl, db):
    """Start `communique ingest` with two workers in its own process group."""
    return subprocess.Popen([sys.executable, "-m", "communique.cli", "ingest", str(jsonl), "--db", str(db),
                             "--workers", "2"], stderr=subprocess.DEVNULL, start_new_session=True)


def _stored(db):
    try:
        return sqlite3.connect(db, timeout=5).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _snapshot(db):
    """Everything the store says about events and documents, without the times it was written."""
    con = sqlite3.connect(db)
    events = con.execute("SELECT event_id, code, root, pair, source_party, target_party, date, date_lo, date_hi, "
                         "num_mentions, num_sources, num_articles, row FROM events ORDER BY event_id").fetchall()
    reports = con.execute("SELECT event_id, doc_id, merge_reason, row FROM reports ORDER BY report_id").fetchall()
    docs = con.execute("SELECT doc_id, content_hash, n_events FROM documents ORDER BY doc_id").fetchall()
    return events, reports, docs


def test_kill_during_ingestion_then_rerun(tmp_path):
    jsonl = write_jsonl(tmp_path / "docs.jsonl", DOCS)
    whole, broken = tmp_path / "whole.db", tmp_path / "broken.db"
    assert _ingest(jsonl, whole).wait(timeout=600) == 0

    run = _ingest(jsonl, broken)
    deadline = time.monotonic() + 300
    while _stored(broken) == 0 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    partial = _stored(broken)
    assert 0 < partial < DOCS, f"the kill came too late or too early ({partial} of {DOCS} stored)"

    con = sqlite3.connect(broken)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert _ingest(jsonl, broken).wait(timeout=600) == 0
    assert sqlite3.connect(broken).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _stored(broken) == DOCS
    assert _snapshot(broken) == _snapshot(whole)
