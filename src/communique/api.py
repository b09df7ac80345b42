"""The Python API for notebooks: code a text in one call, open a store, query it into pandas or Arrow.

    import communique
    events = communique.code_text("Putin met Xi in Beijing on Monday.", lang="en", date="2024-05-20")
    store = communique.open_store("communique.db")
    df = store.dataframe(dyad=("Russia", "China"), since="2024-01-01")
"""

from datetime import date as Date

from communique.documents import Document
from communique.ingest.readers import parse_date, read_inputs
from communique.pipeline import code_document
from communique.store import query
from communique.store.ingest import ingest as _ingest
from communique.store.schema import StoreError, connect


def code_text(text, lang=None, date=None, doc_id="text"):
    """The events of one text as event contract dicts; the language is identified when not given."""
    day = date if isinstance(date, Date) or date is None else parse_date(date, "date")
    events, error = code_document(Document(id=doc_id, text=text, date=day, lang=lang, origin=doc_id), lang)
    if error is not None:
        raise ValueError(str(error))
    return [e.to_json() for e in events]


def ingest(paths, db="communique.db", workers=None, date=None, lang=None):
    """Code files or folders into a store; returns the tally of what was done."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    day = date if isinstance(date, Date) or date is None else parse_date(date, "date")
    return _ingest(db, read_inputs([str(p) for p in paths], date=day, lang=lang), workers=workers)


class StoreHandle:
    """An open store: events as dicts, an Arrow table or a pandas DataFrame."""

    def __init__(self, path):
        self.con = connect(path)

    def events(self, limit=query.MAX_LIMIT, **filters):
        """Stored events (contract dicts with num_mentions, num_sources, num_articles, doc_ids)."""
        return query.events(self.con, limit=limit, **filters)

    def timeline(self, first, second):
        """The contacts between two actors, in date order."""
        return query.timeline(self.con, first, second)

    def arrow(self, **filters):
        """Stored events as an Arrow table, one flat row each."""
        from communique.export.tables import events_table

        return events_table(self.con, **filters)

    def mentions(self, **filters):
        """The sentences reporting stored events, as an Arrow table."""
        from communique.export.tables import mentions_table

        return mentions_table(self.con, **filters)

    def dataframe(self, **filters):
        """Stored events as a pandas DataFrame (needs pandas)."""
        return self.arrow(**filters).to_pandas()

    def close(self):
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_store(path="communique.db"):
    """Open an existing store."""
    from pathlib import Path

    if not Path(path).is_file():
        raise StoreError(f"{path}: no such store")
    return StoreHandle(path)
