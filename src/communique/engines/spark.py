"""Coding a corpus on Apache Spark: documents are read and coded on the executors (each Python
worker builds a language's coder once, then reuses it), and the events, their mentions and the
documents that could not be coded are written as Parquet, partitioned by event date.

    from communique.engines.spark import code_on_spark
    code_on_spark(["s3a://bucket/news/*.jsonl"], "s3a://bucket/events", master="yarn")
"""

import json
import os
import sys
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
PARQUET = (".parquet", ".parq")


def code_on_spark(inputs, output, master=None, date=None, lang=None, partitions=None, spark=None):
    """Code the documents of inputs (JSON Lines, CSV, text, HTML or Parquet; any path Spark reads)
    into output/events, output/mentions and output/errors (Parquet). A rerun over the same output
    replaces what it wrote. Returns {"events", "mentions", "errors"} counts."""
    session = spark or spark_session(master)
    docs = _documents(session, inputs, date, lang)
    coded = docs.repartition(partitions or session.sparkContext.defaultParallelism).mapPartitions(_code_partition)
    coded.cache()
    counts = {}
    for kind, ddl in (("events", EVENT_DDL), ("mentions", MENTION_DDL), ("errors", ERROR_DDL)):
        rows = coded.filter(lambda item, k=kind: item[0] == k).map(lambda item: item[1])
        frame = session.read.schema(ddl).json(rows) if not rows.isEmpty() else session.createDataFrame([], ddl)
        writer = frame.write.mode("overwrite")
        if kind != "errors":
            writer = writer.partitionBy("date")
        writer.parquet(f"{str(output).rstrip('/')}/{kind}")
        counts[kind] = frame.count()
    coded.unpersist()
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

    return list(read_source(PurePosixPath(uri.split(":", 1)[-1]).name, data, date, lang))


def _read_row(path, index, fields, date, lang):
    """A Document from one Parquet row (the fields of the input contract)."""
    from communique.ingest.readers import read_record

    name = PurePosixPath(path.rstrip("/")).stem
    return read_record({k: v for k, v in fields.items() if v is not None}, f"{name}:{index + 1}",
                       {"id": f"{name}-{index + 1}", "date": date, "lang": lang})


def _code_partition(items):
    """("events" | "mentions" | "errors", JSON row) for each document of a partition; a document
    that cannot be coded, for any reason, is an error row and never stops the job."""
    from communique.documents import ReadError
    from communique.store.ingest import code_one

    for doc in items:
        if isinstance(doc, ReadError):
            yield "errors", json.dumps({"origin": doc.origin, "doc_id": None, "reason": doc.message})
            continue
        _, _, rows, error = code_one((doc, None))
        if error:
            yield "errors", json.dumps({"origin": doc.origin or doc.id, "doc_id": doc.id, "reason": error})
            continue
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
