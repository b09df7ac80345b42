"""GDELT 2.0 Events and Mentions tables of the store: GDELT's column names, order and value forms."""

from communique.output.formats import GDELT_COLUMNS, gdelt_row
from communique.store.query import first_seen, iter_events, reports, sentences

MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
WEB, OTHER = "1", "6"        # GDELT MentionType: web page; other (no URL)


def stamp(iso):
    """YYYYMMDDHHMMSS from an ISO date or time ("" when missing)."""
    digits = "".join(c for c in (iso or "")[:19] if c.isdigit())
    return (digits + "000000")[:14] if digits else ""


def event_rows(con, **filters):
    """GDELT 2.0 Events rows of the stored events matching filters."""
    for event in iter_events(con, **filters):
        found = reports(con, int(event["event_id"]))
        url = next((r[2] for r in found if r[2]), "")
        yield gdelt_row(event, url, global_id=event["event_id"],
                        counts=(event["num_mentions"], event["num_sources"], event["num_articles"]),
                        added=stamp(first_seen(con, int(event["event_id"]))))


def mention_rows(con, **filters):
    """GDELT 2.0 Mentions rows: one per sentence of a document reporting a stored event."""
    for event in iter_events(con, **filters):
        event_time = stamp(first_seen(con, int(event["event_id"])))
        for row, doc_id, url, source, _, ingested, n_chars, mention in sentences(con, int(event["event_id"])):
            yield _mention(event, event_time, stamp(ingested), (doc_id, url, source, n_chars), mention, row)


def _mention(event, event_time, mention_time, document, mention, row):
    """One Mentions row; the offsets are characters into the document, as GDELT's."""
    doc_id, url, source, n_chars = document
    offset = lambda span: str(span[0]) if span else "-1"  # noqa: E731
    return [event["event_id"], event_time, mention_time, WEB if url else OTHER,
            _outlet(source, url), url or doc_id, str(mention["sentence"] + 1),
            offset(mention.get("source_span")), offset(mention.get("target_span")),
            offset(mention.get("trigger_span")), "1", str(int(round(row.get("confidence", 0.5) * 100))),
            str(n_chars), "", "" if row.get("lang") == "en" else f"srclc:{row.get('lang')};eng:communique",
            ""]


def _outlet(source, url):
    """The publishing outlet as GDELT names it: its web host, else the source field."""
    if url and "//" in url:
        return url.split("//", 1)[1].split("/", 1)[0].removeprefix("www.")
    return source or ""


def write_tsv(rows, columns, out):
    """Tab-separated rows with a header line of GDELT's column names."""
    out.write("\t".join(columns) + "\n")
    for row in rows:
        out.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) + "\n")


def write_events(con, out, **filters):
    """The GDELT 2.0 Events table."""
    write_tsv(event_rows(con, **filters), GDELT_COLUMNS, out)


def write_mentions(con, out, **filters):
    """The GDELT 2.0 Mentions table."""
    write_tsv(mention_rows(con, **filters), MENTION_COLUMNS, out)
