"""Questions a browser asks of the store: a sorted page of events, one event with its evidence, the
network of who deals with whom, the parties in the store, one document and its events."""

import json

from communique.store.query import _event, where
from communique.store.schema import StoreError

# sort keys a client may name -> ORDER BY terms (never built from what the client sent)
SORTS = {
    "date": "date, event_id",                 # the indexes on (party, date) serve these two
    "-date": "date DESC, event_id DESC",
    "code": "code, date, event_id",
    "-code": "code DESC, date, event_id",
    "source": "source_party IS NULL, source_party, date, event_id",
    "-source": "source_party IS NULL, source_party DESC, date, event_id",
    "target": "target_party IS NULL, target_party, date, event_id",
    "-target": "target_party IS NULL, target_party DESC, date, event_id",
    "sources": "num_sources, date, event_id",
    "-sources": "num_sources DESC, date DESC, event_id DESC",
}
INDEXED = {"date", "-date", "sources", "-sources"}      # other sorts need the matches counted exactly
COUNT_CAP = 10_000          # a page counts matching events up to this many, then says "at least"
NETWORK_EVENTS = 20_000     # the network is drawn from the latest this many matching events
COLUMNS = "event_id, row, num_mentions, num_sources, num_articles"
# an event of a list as JSON text made by SQLite: the contract without its mentions (the event view
# has them), with the store's id, counts and documents; no row is parsed in Python
LISTED = ("json_set(json_remove(row, '$.mentions'), '$.event_id', CAST(event_id AS TEXT), "
          "'$.num_mentions', num_mentions, '$.num_sources', num_sources, '$.num_articles', num_articles, "
          "'$.langs', json('[\"' || replace(langs, ',', '\",\"') || '\"]'), "
          "'$.doc_ids', (SELECT json_group_array(doc_id) FROM (SELECT DISTINCT doc_id FROM reports r "
          "WHERE r.event_id = events.event_id ORDER BY doc_id)))")


def page(con, sort="-date", limit=50, offset=0, **filters):
    """{"events", "total", "total_exact"}: one sorted page of the events matching filters, each event
    as JSON text; the total is exact up to COUNT_CAP."""
    if sort not in SORTS:
        raise StoreError(f"sort: expected one of {', '.join(SORTS)}, got {sort!r}")
    clause, params = where(**filters)
    counted = con.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events{clause} LIMIT ?)",
                          params + [COUNT_CAP + 1]).fetchone()[0]
    if counted > COUNT_CAP and sort not in INDEXED:
        raise StoreError(f"sort: over {COUNT_CAP:,} events match; narrow the filters to sort by {sort.lstrip('-')}, "
                         "or sort by date or sources")
    rows = con.execute(f"SELECT {LISTED} FROM events{clause} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
                       params + [limit, offset]).fetchall()
    return {"events": [r[0] for r in rows], "total": min(counted, COUNT_CAP), "total_exact": counted <= COUNT_CAP}


def page_json(found, **extra):
    """The JSON text of a page from page(), with extra fields, its events spliced in as they are."""
    head = json.dumps({"total": found["total"], "total_exact": found["total_exact"], **extra})
    return '{"events": [' + ", ".join(found["events"]) + "], " + head[1:]


def detail(con, event_id):
    """One stored event with its evidence: every report's mentions, each with its document, or None."""
    found = con.execute(f"SELECT {COLUMNS} FROM events WHERE event_id = ?", (event_id,)).fetchone()
    if found is None:
        return None
    event = _event(con, found)
    event["evidence"] = list(_evidence(con, event_id))
    return event


def _evidence(con, event_id):
    """The sentences reporting an event, once each, with the document that holds them."""
    seen = set()
    for row, doc_id, url, source, pub_date, lang in con.execute(
            "SELECT r.row, r.doc_id, d.url, d.source, d.pub_date, d.lang FROM reports r "
            "JOIN documents d ON d.doc_id = r.doc_id WHERE r.event_id = ? ORDER BY r.report_id", (event_id,)):
        report = json.loads(row)
        for mention in report.get("mentions") or []:
            if (doc_id, mention["start"]) in seen:
                continue
            seen.add((doc_id, mention["start"]))
            yield {"doc_id": doc_id, "url": url, "source": source, "pub_date": pub_date, "lang": lang,
                   "code": report.get("code"), "date_text": report.get("date_text"),
                   "date_basis": report.get("date_basis"), "sentence": mention["text"],
                   "rule": mention.get("rule"), "trigger": mention.get("trigger"),
                   "highlights": _highlights(mention)}


def _highlights(mention):
    """[kind, start, end] spans inside a mention's sentence: the trigger and the two actors."""
    out = []
    for kind in ("trigger", "source", "target"):
        span = mention.get(f"{kind}_span")
        if span:
            start, end = span[0] - mention["start"], span[1] - mention["start"]
            if 0 <= start < end <= len(mention["text"]):
                out.append([kind, start, end])
    return sorted(out, key=lambda h: h[1])


def network(con, limit_edges=150, **filters):
    """{"nodes", "edges", "events", "truncated"}: who deals with whom among the latest
    NETWORK_EVENTS matching events; an edge counts the events of a pair, cooperative and hostile."""
    clause, params = where(**filters)
    extra = " AND " if clause else " WHERE "
    rows = con.execute(
        f"SELECT source_party, target_party, root FROM (SELECT source_party, target_party, root FROM events"
        f"{clause}{extra}source_party IS NOT NULL AND target_party IS NOT NULL AND source_party != target_party "
        f"ORDER BY date DESC LIMIT ?)", params + [NETWORK_EVENTS + 1]).fetchall()
    truncated = len(rows) > NETWORK_EVENTS
    edges = {}
    for source, target, root in rows[:NETWORK_EVENTS]:
        key = tuple(sorted((source, target)))
        edge = edges.setdefault(key, {"a": key[0], "b": key[1], "events": 0, "cooperation": 0, "conflict": 0})
        edge["events"] += 1
        edge["conflict" if root >= "10" else "cooperation"] += 1
    kept = sorted(edges.values(), key=lambda e: (-e["events"], e["a"], e["b"]))[:limit_edges]
    weight = {}
    for edge in kept:
        for party in (edge["a"], edge["b"]):
            weight[party] = weight.get(party, 0) + edge["events"]
    nodes = [{"id": p, "events": n} for p, n in sorted(weight.items(), key=lambda x: (-x[1], x[0]))]
    return {"nodes": nodes, "edges": kept, "events": min(len(rows), NETWORK_EVENTS), "truncated": truncated}


def parties(con, prefix=None, limit=200):
    """The countries and organisations in the store, most events first: {"party", "events"}."""
    cond, params = "", []
    if prefix:
        cond, params = " AND party LIKE ?", [prefix.upper() + "%"]
    rows = con.execute(
        "SELECT party, SUM(n) FROM ("
        "SELECT source_party AS party, COUNT(*) AS n FROM events GROUP BY source_party UNION ALL "
        "SELECT target_party AS party, COUNT(*) AS n FROM events GROUP BY target_party) "
        f"WHERE party IS NOT NULL{cond} GROUP BY party ORDER BY SUM(n) DESC, party LIMIT ?",
        params + [limit]).fetchall()
    return [{"party": party, "events": n} for party, n in rows]


def document(con, doc_id):
    """One stored document's record and the ids of its events, or None."""
    found = con.execute("SELECT doc_id, url, source, lang, pub_date, ingested_at, n_chars, n_events "
                        "FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if found is None:
        return None
    out = dict(found)
    out["event_ids"] = [str(r[0]) for r in con.execute(
        "SELECT DISTINCT event_id FROM reports WHERE doc_id = ? ORDER BY event_id", (doc_id,))]
    return out
