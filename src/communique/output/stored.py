"""Writing stored events (one real event, many reports): a table, CSV, JSON Lines, a timeline."""

import csv

from communique.output.formats import who_label, write_jsonl

CSV_COLUMNS = ["event_id", "date", "date_precision", "date_basis", "code", "root", "name", "quad_class",
               "goldstein", "plover_event", "source_code", "source_country", "source_org", "source_name",
               "target_code", "target_country", "target_org", "target_name", "place", "place_country",
               "lat", "lon", "num_mentions", "num_sources", "num_articles", "doc_ids", "evidence"]


def csv_row(row):
    """One stored event as a flat CSV record."""
    source, target, place = row.get("source") or {}, row.get("target") or {}, row.get("location") or {}
    mention = (row.get("mentions") or [{}])[0]
    return [row["event_id"], row.get("date") or "", row.get("date_precision") or "", row.get("date_basis") or "",
            row["code"], row["root"], row["name"], row["quad_class"], row["goldstein"],
            (row.get("plover") or {}).get("event") or "",
            source.get("code") or "", source.get("country") or "", source.get("org") or "", source.get("name") or "",
            target.get("code") or "", target.get("country") or "", target.get("org") or "", target.get("name") or "",
            place.get("name") or "", place.get("country") or "", place.get("lat") or "", place.get("lon") or "",
            row["num_mentions"], row["num_sources"], row["num_articles"], ";".join(row["doc_ids"]),
            " ".join((mention.get("text") or "").split())]


def write_csv(rows, out):
    """Stored events as CSV with a header line."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(csv_row(row))


def timeline_lines(rows):
    """One line per event: date, type, place, who and whom, number of sources and articles."""
    lines = []
    for row in rows:
        arrow = "<->" if row.get("reciprocal") else "->"
        place = (row.get("location") or {}).get("name") or ""
        when = row.get("date") or "undated"
        lines.append(f"{when:<10}  {row['code']:<4} {row['name'][:34]:<34}  {place[:16]:<16}  "
                     f"{who_label(row.get('source'))} {arrow} {who_label(row.get('target'))}  "
                     f"[{row['num_sources']} source{'s' if row['num_sources'] != 1 else ''}, "
                     f"{row['num_articles']} article{'s' if row['num_articles'] != 1 else ''}]")
    return lines


def write_events(rows, out, fmt):
    """Stored events in a format: table, csv or jsonl."""
    if fmt == "jsonl":
        write_jsonl(rows, out)
    elif fmt == "csv":
        write_csv(rows, out)
    else:
        for line in timeline_lines(rows):
            out.write(line + "\n")
