"""Events and mentions of the store as Arrow tables, written as Parquet or CSV."""

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from communique.output.stored import CSV_COLUMNS, csv_row
from communique.store.query import iter_events, sentences

INT_COLUMNS = {"quad_class", "num_mentions", "num_sources", "num_articles"}
FLOAT_COLUMNS = {"goldstein", "lat", "lon"}
MENTION_SCHEMA = pa.schema([("event_id", pa.string()), ("doc_id", pa.string()), ("url", pa.string()),
                            ("source", pa.string()), ("pub_date", pa.string()), ("lang", pa.string()),
                            ("sentence", pa.int32()), ("start", pa.int64()), ("end", pa.int64()),
                            ("trigger", pa.string()), ("rule", pa.string()), ("text", pa.string())])


def _type(column):
    """The Arrow type of an events column."""
    if column in INT_COLUMNS:
        return pa.int32()
    if column in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


EVENT_SCHEMA = pa.schema([(c, _type(c)) for c in CSV_COLUMNS])


def _typed(column, value):
    """A CSV cell in its column's type (None for an empty one)."""
    if value in ("", None):
        return None
    if column in INT_COLUMNS:
        return int(value)
    if column in FLOAT_COLUMNS:
        return float(value)
    return str(value)


def events_table(con, **filters):
    """The stored events matching filters, one row each, as an Arrow table (the CSV columns)."""
    columns = {c: [] for c in CSV_COLUMNS}
    for event in iter_events(con, **filters):
        for column, value in zip(CSV_COLUMNS, csv_row(event)):
            columns[column].append(_typed(column, value))
    return pa.table(columns, schema=EVENT_SCHEMA)


def mentions_table(con, **filters):
    """Every sentence that reports a stored event matching filters, as an Arrow table."""
    rows = []
    for event in iter_events(con, **filters):
        for row, doc_id, url, source, pub_date, _, _, m in sentences(con, int(event["event_id"])):
            rows.append({"event_id": event["event_id"], "doc_id": doc_id, "url": url, "source": source,
                         "pub_date": pub_date, "lang": row.get("lang"), "sentence": m["sentence"],
                         "start": m["start"], "end": m["end"], "trigger": m["trigger"], "rule": m["rule"],
                         "text": m["text"]})
    return pa.Table.from_pylist(rows, schema=MENTION_SCHEMA)


def write(table, path):
    """Write an Arrow table as Parquet (.parquet) or CSV (any other suffix)."""
    if str(path).endswith(".parquet"):
        pq.write_table(table, path)
    else:
        pacsv.write_csv(table, path)
