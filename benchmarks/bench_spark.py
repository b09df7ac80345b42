"""Spark's overhead, measured: the same documents coded by the local engine with 2 worker processes
and by Spark on local[2] (reading, coding, clustering, writing Parquet). Prints documents per
second; asserts nothing about time.

Run: python benchmarks/bench_spark.py [--docs 10000]
The documents are built from the project's own sentences (as bench_store.py builds them).
"""

import argparse
import logging
import subprocess
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def local_rate(jsonl, workers=2):
    """(documents, events, seconds) of coding a file with the local engine's worker pool."""
    from communique.ingest.readers import read_inputs
    from communique.store.ingest import CHUNK, code_one

    docs = [(doc, None) for doc in read_inputs([str(jsonl)])]
    started = time.perf_counter()
    with get_context("fork").Pool(workers) as pool:
        events = sum(len(rows) for _, _, rows, _ in pool.imap(code_one, docs, CHUNK))
    return len(docs), events, time.perf_counter() - started


def store_rate(jsonl, db):
    """Seconds of `communique ingest` with 2 workers: coding, clustering and writing the SQLite store."""
    from bench_store import ingest_cmd

    started = time.perf_counter()
    subprocess.run(ingest_cmd(jsonl, db), check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


class Stages(logging.Handler):
    """The seconds of each stage the Spark engine logs ("coded: ... in S s", "wrote K in S s")."""

    def __init__(self):
        super().__init__()
        self.seconds = {}

    def emit(self, record):
        name = "coding" if record.msg.startswith("coded") else record.args[0]
        self.seconds[name] = record.args[-1]


def spark_rate(jsonl, out, stages, master="local[2]"):
    """(events, seconds of the job, seconds to start Spark, day partitions) on Spark."""
    from communique.engines.spark import code_on_spark, spark_session

    started = time.perf_counter()
    session = spark_session(master)
    session.sparkContext.setLogLevel("ERROR")
    ready = time.perf_counter()
    counts = code_on_spark([str(jsonl)], str(out), spark=session, partitions=8)
    done = time.perf_counter()
    session.stop()
    days = sum(1 for _ in (Path(out) / "events").glob("date=*"))
    return counts["events"], done - ready, ready - started, days


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    logging.basicConfig(format="  spark: %(message)s")
    stages = Stages()
    logging.getLogger("communique.spark").addHandler(stages)
    logging.getLogger("communique.spark").setLevel(logging.INFO)
    from bench_store import write_documents

    with tempfile.TemporaryDirectory() as work:
        jsonl = Path(work) / "docs.jsonl"
        write_documents(jsonl, args.docs)
        docs, events, seconds = local_rate(jsonl)
        print(f"local engine, 2 workers: {docs:,} documents, {events:,} events in {seconds:.1f} s "
              f"= {docs / seconds:,.0f} documents/s (coding only)")
        ingest = store_rate(jsonl, Path(work) / "store.db")
        print(f"local ingest, 2 workers: {ingest:.1f} s = {docs / ingest:,.0f} documents/s "
              f"(coding, clusters and the SQLite store; start-up included)")
        spark_events, job, start, days = spark_rate(jsonl, Path(work) / "out", stages)
        print(f"spark local[2]: {docs:,} documents, {spark_events:,} events in {job:.1f} s "
              f"= {docs / job:,.0f} documents/s (coding, clusters and Parquet; Spark started in {start:.1f} s)")
        print(f"the events fall on {days:,} days: events, mentions and clusters are each written as "
              f"{days:,} day partitions")
        print(f"Spark's overhead: coding {stages.seconds['coding'] / seconds:.2f}x the local engine's coding; "
              f"the whole job {job / ingest:.2f}x the local ingest ({job / seconds:.2f}x coding alone)")


if __name__ == "__main__":
    main()
