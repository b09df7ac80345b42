"""Coding a corpus on Apache Spark: documents are read and coded on the executors (each Python
worker builds a language's coder once, then reuses it), and the events, their mentions, the
clusters of reports that are one real event, and the documents that could not be coded are
written as Parquet (all but the errors partitioned by event date).

    from communique.engines.spark import code_on_spark
    code_on_spark(["s3a://bucket/news/*.jsonl"], "s3a://bucket/events", master="yarn")
"""

import json
import logging
import os
import sys
import time
from pathlib import PurePosixPath

# The event contract of DESIGN.md as a Spark schema; mentions are their own table.
ACTOR = ("struct<code:string,country:string,org:string,sector:string,name:string,role:string,"
         "text:string,discovered:boolean>")
EVENT_DDL = (
    "event_id string, doc_id string, code string, root string, name string, quad_class int, "
    "goldstein double, plover struct<event:string,mode:string,context:string>, "
    f"source {ACTOR}, target {ACTOR}, date string, date_precision string, date_range array<string>, "
    "date_text string, date_basis string, "
    "location struct<name:string,country:string,lat:double,lon:double,text:string,geonames_id:long>, "
    "modality string, lang string, reciprocal boolean, confidence double")
MENTION_DDL = ("event_id string, doc_id string, date string, sentence int, start long, end long, text string, "
               "trigger string, rule string, trigger_span array<long>, source_span array<long>, "
               "target_span array<long>")
ERROR_DDL = "origin string, doc_id string, reason string"
CLUSTER_DDL = ("cluster_id string, event_ids array<string>, doc_ids array<string>, code string, root string, "
               "source_party string, target_party string, date string, num_mentions int, num_sources int, "
               "num_articles int, event string")
PARQUET = (".parquet", ".parq")
log = logging.getLogger("communique.spark")


def code_on_spark(inputs, output, master=None, date=None, lang=None, partitions=None, spark=None):
    """Code the documents of inputs (JSON Lines, CSV, text, HTML or Parquet; any path Spark reads)
    into output/events, output/mentions, output/errors and output/clusters (Parquet; the real events
    across documents, as the local store clusters them). A rerun over the same output replaces
    what it wrote. Returns the number of rows of each."""
    session = spark or spark_session(master)
    docs = _documents(session, inputs, date, lang).zipWithIndex()       # the index: input order
    base = docs.repartition(partitions or session.sparkContext.defaultParallelism).mapPartitions(_code_partition)
    base.cache()
    reports = base.filter(lambda item: item[0] == "reports").map(lambda item: item[1])
    clusters = reports.groupByKey().flatMap(_cluster_block).map(lambda row: ("clusters", row)).cache()
    started = time.perf_counter()
    tally = base.map(lambda item: (item[0], 1)).countByKey()       # codes every document, once (cached)
    counts = {kind: tally.get(kind, 0) for kind in ("events", "mentions", "errors")}
    log.info("coded: %d events, %d errors in %.1f s", counts["events"], counts["errors"],
             time.perf_counter() - started)
    width = session.sparkContext.defaultParallelism
    for kind, ddl, rdd in (("events", EVENT_DDL, base), ("mentions", MENTION_DDL, base),
                           ("errors", ERROR_DDL, base), ("clusters", CLUSTER_DDL, clusters)):
        started = time.perf_counter()
        rows = rdd.filter(lambda item, k=kind: item[0] == k).map(lambda item: item[1])
        frame = session.read.schema(ddl).json(rows)
        if kind != "errors":        # each day's rows in one task: one file per day, days written in parallel
            writer = frame.repartition(width, "date").write.mode("overwrite").partitionBy("date")
        else:
            writer = frame.coalesce(1).write.mode("overwrite")
        writer.parquet(f"{str(output).rstrip('/')}/{kind}")
        log.info("wrote %s in %.1f s", kind, time.perf_counter() - started)
    counts["clusters"] = clusters.count()
    base.unpersist()
    clusters.unpersist()
    return counts


def spark_session(master=None):
    """A Spark session; on a local master the Python workers run this Python, which has communique
    (on a cluster, ship the package to the executors: see the README)."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("communique")
    if master or not SparkConf().contains("spark.master"):     # spark-submit sets the master itself
        master = master or "local[*]"
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def _documents(session, inputs, date, lang):
    """An RDD of Documents and ReadErrors from the inputs, read on the executors."""
    sc = session.sparkContext
    files = [p for p in inputs if not str(p).lower().rstrip("/").endswith(PARQUET)]
    tables = [p for p in inputs if str(p).lower().rstrip("/").endswith(PARQUET)]
    parts = []
    if files:
        raw = sc.union([sc.binaryFiles(str(p)) for p in files])
        parts.append(raw.flatMap(lambda item: _read_file(item[0], item[1], date, lang)))
    for path in tables:
        rows = session.read.parquet(str(path)).rdd.zipWithIndex()
        parts.append(rows.map(lambda item, p=str(path): _read_row(p, item[1], item[0].asDict(), date, lang)))
    return sc.union(parts) if len(parts) != 1 else parts[0]


def _read_file(uri, data, date, lang):
    """Documents of one input file, named as the local engine names it (its file name and stem)."""
    from communique.ingest.readers import read_source

    yield from read_source(PurePosixPath(uri.split(":", 1)[-1]).name, data, date, lang)


def _read_row(path, index, fields, date, lang):
    """A Document from one Parquet row (the fields of the input contract)."""
    from communique.ingest.readers import read_record

    name = PurePosixPath(path.rstrip("/")).stem
    return read_record({k: v for k, v in fields.items() if v is not None}, f"{name}:{index + 1}",
                       {"id": f"{name}-{index + 1}", "date": date, "lang": lang})


def _cluster_block(block):
    """The clusters of one block of reports (one CAMEO root and one pair of parties): the reports
    stored, in input order, into a store in memory, as the local store takes them; no report of
    another block could join them. JSON rows of CLUSTER_DDL."""
    from communique.documents import Document
    from communique.store.cluster import party
    from communique.store.store import Store

    _, reports = block
    store = Store(":memory:")
    by_doc = {}
    for order, doc_id, source, url, row in sorted(reports):
        by_doc.setdefault((order, doc_id, source, url), []).append(json.loads(row))
    with store.transaction():
        for (_, doc_id, source, url), rows in by_doc.items():
            store.add_document(Document(id=doc_id, source=source, url=url), doc_id, rows, when="-")
    for event_id, best, mentions, sources, articles in store.con.execute(
            "SELECT event_id, row, num_mentions, num_sources, num_articles FROM events ORDER BY event_id"):
        members = store.con.execute("SELECT row, doc_id FROM reports WHERE event_id = ? ORDER BY report_id",
                                    (event_id,)).fetchall()
        ids = [json.loads(r)["event_id"] for r, _ in members]
        event = json.loads(best)
        event.pop("mentions", None)
        yield json.dumps({"cluster_id": ids[0], "event_ids": ids, "doc_ids": sorted({d for _, d in members}),
                          "code": event["code"], "root": event["root"], "source_party": party(event.get("source")),
                          "target_party": party(event.get("target")), "date": event.get("date"),
                          "num_mentions": mentions, "num_sources": sources, "num_articles": articles,
                          "event": json.dumps(event, ensure_ascii=False)})
    store.close()


def _code_partition(items):
    """("events" | "mentions" | "errors", JSON row), and ("reports", (blocking key, (input order, doc
    id, source, url, JSON row))) for clustering, for each (document, input order) of a partition; a
    document that cannot be coded, for any reason, is an error row and never stops the job."""
    from communique.documents import ReadError
    from communique.store.cluster import pair_key
    from communique.store.ingest import code_one

    for doc, order in items:
        if isinstance(doc, ReadError):
            yield "errors", json.dumps({"origin": doc.origin, "doc_id": None, "reason": doc.message})
            continue
        _, _, rows, error = code_one((doc, None))
        if error:
            yield "errors", json.dumps({"origin": doc.origin or doc.id, "doc_id": doc.id, "reason": error})
            continue
        for row in rows:
            yield "reports", (pair_key(row), (order, doc.id, doc.source, doc.url, json.dumps(row)))
        for row in rows:
            for mention in row.pop("mentions"):
                yield "mentions", json.dumps({"event_id": row["event_id"], "doc_id": row["doc_id"],
                                              "date": row["date"], **mention})
            yield "events", json.dumps(row)


def main(argv=None):
    """spark-submit entry: INPUT... --output DIR [--date D] [--lang L] (the master comes from spark-submit)."""
    import argparse

    from communique.ingest.readers import parse_date

    parser = argparse.ArgumentParser(prog="communique.engines.spark", description=main.__doc__)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--output", required=True)
    parser.add_argument("--date")
    parser.add_argument("--lang")
    args = parser.parse_args(argv)
    counts = code_on_spark(args.inputs, args.output, date=parse_date(args.date, "--date"), lang=args.lang)
    print(json.dumps(counts))
    return 1 if counts["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
