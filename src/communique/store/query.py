"""Questions to the store: events by actor, dyad, code, date, language, place and words."""

import json
import re
from dataclasses import dataclass

from communique.store.schema import StoreError

CODE_RE = re.compile(r"^\d{2,4}$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTY_RE = re.compile(r"^[A-Z]{3}$")
MAX_LIMIT = 100_000


@dataclass
class Party:
    """What a user named: a party code (country or organisation) or a person's name."""

    code: str | None = None
    name: str | None = None

    def sql(self, side):
        """(SQL condition, parameters) for this party on one side of an event."""
        if self.code:
            return f"{side}_party = ?", [self.code]
        return f"{side}_name LIKE ? ESCAPE '\\' COLLATE NOCASE", [f"%{literal(self.name)}%"]


def resolve_party(text):
    """The Party a user means by a string: an ISO code or organisation ("RUS", "NATO"), a country or
    organisation name ("Russia", "Rusia"), else part of a person's name ("Ryabkov")."""
    text = (text or "").strip()
    if not text:
        raise StoreError("empty actor name")
    if PARTY_RE.match(text):
        return Party(code=text)
    from communique.actors.world import load_world
    from communique.nlp.tokens import tokenize
    from communique.resources import languages

    lowers = [t.lower for t in tokenize(text)]
    for iso in languages():
        hit = load_world(iso).names.match_at(lowers, 0)
        if hit and hit[0] == len(lowers):
            entity = hit[1][0][0]
            if entity.kind == "country":
                return Party(code=entity.country)
            if entity.kind == "org":
                return Party(code=entity.org)
            if entity.kind == "person":
                return Party(name=entity.name)
    return Party(name=text)


def literal(text):
    """Text for a LIKE pattern that matches itself only: % and _ are not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _day(value, flag):
    """A YYYY-MM-DD filter value, checked."""
    if value is not None and not DAY_RE.match(value):
        raise StoreError(f"{flag}: expected a date YYYY-MM-DD, got {value!r}")
    return value


def where(actor=None, country=None, person=None, dyad=None, code=None, root=None, plover=None,
          since=None, until=None, lang=None, place=None, text=None):
    """(SQL WHERE clause, parameters) for event filters; StoreError for a malformed one."""
    conds, params = [], []
    for value, kind in ((actor, "actor"), (country, "country"), (person, "person")):
        if value:
            party = resolve_party(value) if kind != "person" else Party(name=value)
            if kind == "country" and not party.code:
                raise StoreError(f"--country: no country or organisation called {value!r}")
            (a, pa), (b, pb) = party.sql("source"), party.sql("target")
            conds.append(f"({a} OR {b})")
            params += pa + pb
    if dyad:
        first, second = (resolve_party(p) for p in dyad)
        if first.code and second.code:     # two parties: the indexed pair, in date order
            conds.append("pair = ?")
            params.append("|".join(sorted((first.code, second.code))))
        else:
            (a1, p1), (b1, q1) = first.sql("source"), second.sql("target")
            (a2, p2), (b2, q2) = second.sql("source"), first.sql("target")
            conds.append(f"(({a1} AND {b1}) OR ({a2} AND {b2}))")
            params += p1 + q1 + p2 + q2
    if code:
        if not CODE_RE.match(code):
            raise StoreError(f"--code: expected a CAMEO code of 2-4 digits, got {code!r}")
        conds.append("code LIKE ?")
        params.append(code + "%")
    if root:
        if not CODE_RE.match(root) or len(root) != 2:
            raise StoreError(f"--root: expected a two-digit CAMEO root, got {root!r}")
        conds.append("root = ?")
        params.append(root)
    if plover:
        conds.append("plover = ? COLLATE NOCASE")
        params.append(plover)
    if since:
        conds.append("date >= ?")
        params.append(_day(since, "--since"))
    if until:
        conds.append("date <= ?")
        params.append(_day(until, "--until"))
    if lang:
        conds.append("(',' || langs || ',') LIKE ? ESCAPE '\\'")
        params.append(f"%,{literal(lang.lower())},%")
    if place:
        conds.append("(place LIKE ? ESCAPE '\\' COLLATE NOCASE OR place_country = ?)")
        params += [f"%{literal(place)}%", place.upper()]
    if text:
        conds.append("EXISTS (SELECT 1 FROM reports r WHERE r.event_id = events.event_id AND r.row LIKE ? ESCAPE '\\' COLLATE NOCASE)")
        params.append(f"%{literal(text)}%")
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def events(con, limit=1000, offset=0, **filters):
    """Stored events matching filters, by date: the event contract plus num_mentions,
    num_sources, num_articles and doc_ids."""
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise StoreError(f"limit must be 1..{MAX_LIMIT} and offset at least 0")
    clause, params = where(**filters)
    rows = con.execute(f"SELECT event_id, row, num_mentions, num_sources, num_articles FROM events{clause} "
                       "ORDER BY date IS NULL, date, event_id LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
    docs = _doc_ids(con, [r[0] for r in rows])
    return [_event(con, r, docs.get(r[0], [])) for r in rows]


def _doc_ids(con, event_ids):
    """event id -> its documents' ids, for many events in one query."""
    found = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for event_id, doc_id in con.execute(f"SELECT DISTINCT event_id, doc_id FROM reports WHERE event_id IN ({marks}) "
                                            "ORDER BY event_id, doc_id", chunk):
            found.setdefault(event_id, []).append(doc_id)
    return found


def iter_events(con, batch=2000, **filters):
    """Every stored event matching filters, in store order, a batch at a time (for exports)."""
    clause, params = where(**filters)
    joiner = " AND " if clause else " WHERE "
    last = 0
    while True:
        rows = con.execute(f"SELECT event_id, row, num_mentions, num_sources, num_articles FROM events{clause}"
                           f"{joiner}event_id > ? ORDER BY event_id LIMIT ?", params + [last, batch]).fetchall()
        if not rows:
            return
        for found in rows:
            yield _event(con, found)
        last = rows[-1][0]


def reports(con, event_id):
    """The reports of one stored event with their documents: (row, doc_id, url, source, pub_date,
    ingested_at, n_chars)."""
    return [(json.loads(r[0]), *r[1:]) for r in con.execute(
        "SELECT r.row, r.doc_id, d.url, d.source, d.pub_date, d.ingested_at, d.n_chars FROM reports r "
        "JOIN documents d ON d.doc_id = r.doc_id WHERE r.event_id = ? ORDER BY r.report_id", (event_id,))]


def sentences(con, event_id):
    """Each sentence reporting a stored event once (the two directions of a mutual event share
    theirs): (report row, doc_id, url, source, pub_date, ingested_at, n_chars, mention)."""
    seen = set()
    for found in reports(con, event_id):
        row, doc_id = found[0], found[1]
        for mention in row.get("mentions") or []:
            if (doc_id, mention["start"]) not in seen:
                seen.add((doc_id, mention["start"]))
                yield (*found, mention)


def first_seen(con, event_id):
    """When the store first saw an event (ISO time)."""
    return con.execute("SELECT first_seen FROM events WHERE event_id = ?", (event_id,)).fetchone()[0]


def _event(con, found, doc_ids=None):
    """One stored event in its JSON form."""
    event_id, row, mentions, sources, articles = found
    if doc_ids is None:
        doc_ids = _doc_ids(con, [event_id]).get(event_id, [])
    out = json.loads(row)
    out.update(event_id=str(event_id), num_mentions=mentions, num_sources=sources, num_articles=articles,
               doc_ids=doc_ids)
    return out


TIMELINE_PAGE = 500     # events a timeline returns unless asked for more


def timeline(con, first, second, limit=TIMELINE_PAGE, **filters):
    """The contacts between two parties, in date order, a page at a time."""
    return events(con, limit=limit, dyad=(first, second), **filters)


def errors(con):
    """The documents the store could not take, with why."""
    return [dict(r) for r in con.execute("SELECT origin, doc_id, message, at FROM errors ORDER BY at, origin")]
