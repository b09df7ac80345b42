"""The store: documents in, one real event per cluster of reports out, every change atomic."""

import hashlib
import json
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from functools import reduce
from urllib.parse import urlparse

from communique.store.cluster import better, date_bounds, pair_key, party, same_event
from communique.store.schema import connect


def content_hash(doc):
    """A hash of what a document says (its text or HTML, whitespace-normalised)."""
    body = " ".join((doc.text or doc.html or "").split())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def now():
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Store:
    """A communique store file: documents, events with their reports, and errors."""

    def __init__(self, path):
        self.path = str(path)
        self.con = connect(path)
        self._widest = None         # days spanned by the widest stored event, read again when another
        self._version = None        # connection has written (PRAGMA data_version)

    def close(self):
        self.con.close()

    @contextmanager
    def transaction(self):
        """One atomic change: all of it is stored, or (on any error or a kill) none of it."""
        self.con.execute("BEGIN IMMEDIATE")
        version = self.con.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:         # another connection wrote: the widest span may have grown
            self._widest, self._version = None, version
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- documents ----------------------------------------------------------------------------

    def status(self, doc, digest):
        """'stored' (same id, same content), 'duplicate' (same content under another id),
        'changed' (same id, new content) or 'new'."""
        found = self.con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", (doc.id,)).fetchone()
        if found is not None:
            return "stored" if found[0] == digest else "changed"
        same = self.con.execute("SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1", (digest,)).fetchone()
        return "duplicate" if same else "new"

    def add_document(self, doc, digest, rows, when=None):
        """Store a document and its coded events (contract rows); a new version of a stored
        document replaces its events. Call inside a transaction."""
        if self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc.id,)).fetchone():
            self.remove_document(doc.id)
        self.con.execute(
            "INSERT INTO documents (doc_id, content_hash, url, source, lang, pub_date, ingested_at, n_chars, "
            "n_events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, digest, doc.url, doc.source, doc.lang, doc.date.isoformat() if doc.date else None,
             when or now(), len(doc.text or doc.html or ""), len(rows)))
        self.con.execute("DELETE FROM errors WHERE doc_id = ?", (doc.id,))
        kept = {}                           # event id -> whether its most precise report stayed the same
        for row in rows:
            event_id, same_best = self._report(doc.id, row, when or now())
            kept[event_id] = kept.get(event_id, True) and same_best
        for event_id in sorted(kept):
            if kept[event_id]:
                self._count_new_document(event_id, doc.id)
            else:
                self._refresh(event_id)

    def remove_document(self, doc_id):
        """Remove a document and its reports; events left without reports go too."""
        touched = [r[0] for r in self.con.execute("SELECT DISTINCT event_id FROM reports WHERE doc_id = ?", (doc_id,))]
        self.con.execute("DELETE FROM reports WHERE doc_id = ?", (doc_id,))
        self.con.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        for event_id in touched:
            self._refresh(event_id)

    def add_error(self, origin, message, doc_id=None, when=None):
        """Record why a document could not be stored (the latest reason per origin)."""
        self.con.execute("INSERT OR REPLACE INTO errors (origin, doc_id, message, at) VALUES (?, ?, ?, ?)",
                         (origin, doc_id, message, when or now()))

    # -- clustering ---------------------------------------------------------------------------

    def _report(self, doc_id, row, when):
        """Store one report under the event it reports (found or new); returns the event id and
        whether the event's most precise report is still the one it was."""
        self._apply_aliases(row)
        text = json.dumps(row, ensure_ascii=False)
        event_id, reason, stored = self._match(row)
        same_best = stored is not None and better(stored, row) is stored     # ties go to the first
        if event_id is None:
            event_id = self._new_event(row, when, text)
            reason = "first report"
        self.con.execute("INSERT INTO reports (event_id, doc_id, merge_reason, row) VALUES (?, ?, ?, ?)",
                         (event_id, doc_id, reason, text))
        return event_id, same_best

    def _apply_aliases(self, row):
        """Rename the people of an incoming report as the user renamed or merged them."""
        for side in ("source", "target"):
            actor = row.get(side)
            if actor and actor.get("name"):
                found = self.con.execute("SELECT canonical FROM aliases WHERE name = ?", (actor["name"],)).fetchone()
                if found:
                    actor["name"] = found[0]

    def _match(self, row, exclude=None, fits=None):
        """(event id, reason, its most precise report) of the stored event a report is about (and
        fits(event id) allows), or (None, None, None)."""
        lo, hi = date_bounds(row)
        if lo is None:
            return None, None, None
        root, pair = pair_key(row)
        earliest = (date.fromisoformat(lo) - timedelta(days=self._widest_span())).isoformat()
        candidates = self.con.execute(            # an event that reaches lo starts at most _widest days before it
            "SELECT event_id, row FROM events WHERE root = ? AND pair = ? AND date_lo BETWEEN ? AND ? "
            "AND date_hi >= ? ORDER BY event_id", (root, pair, earliest, hi, lo))
        for event_id, text in candidates:
            stored = json.loads(text)
            reason = same_event(stored, row) if event_id != exclude else None
            if reason and (fits is None or fits(event_id)):
                return event_id, reason, stored
        return None, None, None

    def _widest_span(self):
        """The most days any stored event spans (kept up to date as events are written)."""
        if self._widest is None:
            found = self.con.execute("SELECT MAX(julianday(date_hi) - julianday(date_lo)) FROM events").fetchone()[0]
            self._widest = int(found or 0)
        return self._widest

    def _widen(self, lo, hi):
        """Note the span of an event just written."""
        if lo and self._widest is not None:
            self._widest = max(self._widest, (date.fromisoformat(hi) - date.fromisoformat(lo)).days)

    def recluster(self, event_id):
        """Refresh an event after its reports changed, and fold it into another stored event that
        it now is the same as (after a rename or merge of people). Call inside a transaction."""
        self._refresh(event_id)
        found = self.con.execute("SELECT row FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if found is None:
            return
        other, reason, _ = self._match(json.loads(found[0]), exclude=event_id)
        if other is not None:
            self.con.execute("UPDATE reports SET event_id = ?, merge_reason = ? WHERE event_id = ?",
                             (other, f"merged after a rename: {reason}", event_id))
            self._refresh(event_id)
            self._refresh(other)

    def _new_event(self, row, when, text=None):
        """Insert an event from its first report; its fields are set by _refresh."""
        root, pair = pair_key(row)
        lo, hi = date_bounds(row)
        cur = self.con.execute(
            "INSERT INTO events (code, root, pair, date_lo, date_hi, langs, num_mentions, num_sources, "
            "num_articles, first_seen, row) VALUES (?, ?, ?, ?, ?, '', 0, 0, 0, ?, ?)",
            (row["code"], root, pair, lo, hi, when, text or json.dumps(row, ensure_ascii=False)))
        self._widen(lo, hi)
        return cur.lastrowid

    def _refresh(self, event_id):
        """Recompute an event from its reports: the most precise one describes it, the counts
        are GDELT's; an event with no report left is removed."""
        found = self.con.execute(
            "SELECT r.row, d.ingested_at, r.report_id FROM reports r "
            "JOIN documents d ON d.doc_id = r.doc_id WHERE r.event_id = ? ORDER BY r.report_id", (event_id,)).fetchall()
        if not found:
            self.con.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
            return
        rows = [json.loads(r[0]) for r in found]
        best, strays = _best_and_strays(rows)
        if strays:          # a more precise report shows they were never the same event: split them off
            for f, row in zip(found, rows):
                if any(row is stray for stray in strays):
                    self._move(f[2], row, event_id, f[1])
            self._refresh(event_id)
            return
        lo, hi = date_bounds(best)
        self._widen(lo, hi)
        location = best.get("location") or {}
        self.con.execute(
            "UPDATE events SET code = ?, plover = ?, source_party = ?, target_party = ?, source_name = ?, "
            "target_name = ?, date = ?, date_lo = ?, date_hi = ?, place = ?, place_country = ?, row = ? "
            "WHERE event_id = ?",
            (best["code"], (best.get("plover") or {}).get("event"), party(best.get("source")),
             party(best.get("target")), (best.get("source") or {}).get("name"),
             (best.get("target") or {}).get("name"), best.get("date"), lo, hi, location.get("name"),
             location.get("country"), next(f[0] for f, row in zip(found, rows) if row is best), event_id))
        self._recount(event_id)

    def _count_new_document(self, event_id, doc_id):
        """Add to an event's counts the reports of a document new to it (its most precise report
        unchanged): only this document's reports are decoded."""
        langs, mentions = self.con.execute("SELECT langs, num_mentions FROM events WHERE event_id = ?",
                                           (event_id,)).fetchone()
        mine = [json.loads(r[0]) for r in self.con.execute(
            "SELECT row FROM reports WHERE doc_id = ? AND event_id = ?", (doc_id, event_id))]
        self._set_counts(event_id, set(langs.split(",")) | {r.get("lang") or "" for r in mine},
                         mentions + len({m.get("start") for r in mine for m in r.get("mentions") or []}))

    def _recount(self, event_id):
        """Set an event's languages, first sighting and GDELT counts from its reports (in SQL: the
        reports are not decoded in Python)."""
        langs = {lang for (lang,) in self.con.execute(
            "SELECT DISTINCT COALESCE(json_extract(row, '$.lang'), '') FROM reports WHERE event_id = ?", (event_id,))}
        mentions = self.con.execute(
            "SELECT COUNT(*) FROM (SELECT DISTINCT r.doc_id, json_extract(m.value, '$.start') "
            "FROM reports r, json_each(r.row, '$.mentions') m WHERE r.event_id = ?)", (event_id,)).fetchone()[0]
        self._set_counts(event_id, langs, mentions)

    def _set_counts(self, event_id, langs, mentions):
        """Write an event's languages and mention count, and its sources, articles and first
        sighting from the documents that report it."""
        docs = self.con.execute("SELECT DISTINCT r.doc_id, d.source, d.url, d.ingested_at FROM reports r "
                                "JOIN documents d ON d.doc_id = r.doc_id WHERE r.event_id = ?", (event_id,)).fetchall()
        self.con.execute(
            "UPDATE events SET langs = ?, num_mentions = ?, num_sources = ?, num_articles = ?, first_seen = ? "
            "WHERE event_id = ?",
            (",".join(sorted(langs)), mentions, len({_outlet(source, url, d) for d, source, url, _ in docs}),
             len(docs), min(at for *_, at in docs), event_id))

    def _move(self, report_id, row, event_id, when):
        """Move a report that no longer fits its event to a stored event it fits without splitting
        that one in turn (so moves cannot go round in circles), or to a new event."""
        other, reason, _ = self._match(row, exclude=event_id, fits=lambda other: self._takes(other, report_id, row))
        if other is None:
            other, reason = self._new_event(row, when), "split off: first report"
        self.con.execute("UPDATE reports SET event_id = ?, merge_reason = ? WHERE report_id = ?",
                         (other, f"moved after a more precise report: {reason}", report_id))
        self._refresh(other)

    def _takes(self, event_id, report_id, row):
        """Whether an event can take one more report and still be one event: every report, the new
        one included, is the same event as the most precise of them."""
        found = self.con.execute("SELECT report_id, row FROM reports WHERE event_id = ?", (event_id,)).fetchall()
        rows = [r for _, r in sorted([(k, json.loads(r)) for k, r in found] + [(report_id, row)], key=lambda x: x[0])]
        return not _best_and_strays(rows)[1]


def _best_and_strays(rows):
    """The most precise of an event's reports (in report order; ties go to the first) and the
    reports that are not the same event as it."""
    best = reduce(better, rows)
    return best, [row for row in rows if row is not best and not same_event(best, row)]


def _outlet(source, url, doc_id):
    """Who published a document: its source field, else its web host, else the document itself."""
    if source:
        return source.strip().lower()
    host = urlparse(url).netloc.lower() if url else ""
    return host.removeprefix("www.") or f"doc:{doc_id}"
