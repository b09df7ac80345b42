"""The SQLite store: its tables, and opening it safely (WAL, foreign keys, a schema version)."""

import sqlite3
from pathlib import Path

VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- one row per stored document version; content_hash makes a re-ingest a no-op
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    url TEXT, source TEXT, lang TEXT, pub_date TEXT,
    ingested_at TEXT NOT NULL,
    n_chars INTEGER NOT NULL,
    n_events INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash);

-- one real event: the clusters of reports from many documents
CREATE TABLE IF NOT EXISTS events (
    event_id INTEGER PRIMARY KEY,
    code TEXT NOT NULL, root TEXT NOT NULL, plover TEXT,
    source_party TEXT, target_party TEXT, pair TEXT NOT NULL,
    source_name TEXT, target_name TEXT,
    date TEXT, date_lo TEXT, date_hi TEXT,
    place TEXT, place_country TEXT,
    langs TEXT NOT NULL,
    num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    row TEXT NOT NULL                       -- the event contract JSON of the most precise report
);
CREATE INDEX IF NOT EXISTS events_block ON events (root, pair, date_lo);
DROP INDEX IF EXISTS events_date;             -- events_recent serves what it did
-- (date, parties, root) covers the page's network of the latest events and any newest-first list
CREATE INDEX IF NOT EXISTS events_recent ON events (date, source_party, target_party, root);
CREATE INDEX IF NOT EXISTS events_root ON events (root, date);
CREATE INDEX IF NOT EXISTS events_sources ON events (num_sources, date);
CREATE INDEX IF NOT EXISTS events_pair ON events (pair, date);
CREATE INDEX IF NOT EXISTS events_source ON events (source_party, date);
CREATE INDEX IF NOT EXISTS events_target ON events (target_party, date);
CREATE INDEX IF NOT EXISTS events_code ON events (code, date);

-- one document's report of an event (its mentions are in row), and why it joined the event
CREATE TABLE IF NOT EXISTS reports (
    report_id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (event_id),
    doc_id TEXT NOT NULL REFERENCES documents (doc_id),
    merge_reason TEXT,
    row TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_event ON reports (event_id);
CREATE INDEX IF NOT EXISTS reports_doc ON reports (doc_id);

-- a person's name a user renamed or merged into another (applied to stored and new reports)
CREATE TABLE IF NOT EXISTS aliases (name TEXT PRIMARY KEY, canonical TEXT NOT NULL, at TEXT NOT NULL);
-- discovered people a user has reviewed and confirmed
CREATE TABLE IF NOT EXISTS confirmed (name TEXT PRIMARY KEY, at TEXT NOT NULL);

-- documents that could not be read or coded, with the reason
CREATE TABLE IF NOT EXISTS errors (
    origin TEXT PRIMARY KEY,
    doc_id TEXT,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


class StoreError(Exception):
    """A store that cannot be opened or used, with a message a person can act on."""


def connect(path):
    """A connection to the store at path, created when missing, in WAL mode."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    try:
        con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("PRAGMA foreign_keys=ON")
        con.executescript(SCHEMA)
        found = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a communique store ({exc})") from None
    if found is None:
        con.execute("INSERT INTO meta (key, value) VALUES ('version', ?)", (VERSION,))
    elif found[0] != VERSION:
        raise StoreError(f"{path}: store version {found[0]}, this communique reads version {VERSION}")
    con.row_factory = sqlite3.Row
    return con


def open_readonly(path):
    """A read-only connection to an existing store (for the web server), usable from any thread."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such store (create one with: communique ingest FILES --db {path})")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30, check_same_thread=False)
        found = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a communique store ({exc})") from None
    if found is None or found[0] != VERSION:
        con.close()
        raise StoreError(f"{path}: not a communique store of version {VERSION}")
    con.row_factory = sqlite3.Row
    return con
