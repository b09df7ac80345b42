"""Ingestion: read documents, code the new ones on every core, store them in input order."""

import os
import sys
import time
from dataclasses import dataclass
from multiprocessing import get_context

from communique.documents import ReadError
from communique.store.store import Store, content_hash

BATCH_DOCS = 50          # documents per transaction
BATCH_SECONDS = 2.0      # or this long, whichever comes first
CHUNK = 4                # documents a worker takes at a time
WINDOW = 256             # documents read ahead of the coders


@dataclass
class IngestTally:
    """What an ingestion did."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0


def code_one(item):
    """(document, digest, contract rows, error message) for one document; runs in a worker."""
    from communique.pipeline import code_document

    doc, digest = item
    try:
        events, error = code_document(doc)
    except Exception as exc:            # a coder bug must not stop the batch: record it, go on
        return doc, digest, [], f"internal error while coding: {type(exc).__name__}: {exc}"
    if error:
        return doc, digest, [], error.message
    return doc, digest, [e.to_json() for e in events], None


class Progress:
    """A one-line progress display on stderr (only on a terminal): documents per second, events,
    time left when the total is known."""

    def __init__(self, total=None, stream=sys.stderr):
        self.total, self.stream, self.live = total, stream, stream.isatty()
        self.start, self.shown = time.monotonic(), 0.0

    def show(self, tally, final=False):
        now = time.monotonic()
        if not self.live or (not final and now - self.shown < 0.5):
            return
        self.shown = now
        rate = tally.read / max(now - self.start, 1e-6)
        left = ""
        if self.total and rate > 0:
            secs = max(self.total - tally.read, 0) / rate
            left = f", {int(secs // 60)}:{int(secs % 60):02d} left"
        of = f"/{self.total}" if self.total else ""
        self.stream.write(f"\r{tally.read}{of} documents, {rate:.1f}/s, {tally.events} events, "
                          f"{tally.failed} failed{left}   ")
        if final:
            self.stream.write("\n")
        self.stream.flush()


def ingest(db, documents, workers=None, total=None, log=None):
    """Code and store documents (Documents or ReadErrors, in order); returns an IngestTally. Documents
    already stored are skipped before coding, so a rerun after an interruption finishes the job."""
    store, tally, progress = Store(db), IngestTally(), Progress(total)
    workers = max(1, workers or os.cpu_count() or 1)
    seen = set()
    try:
        if workers == 1:
            for window in _windows(documents):
                pending = _new_documents(store, window, tally, seen, log)
                _store_all(store, map(code_one, pending), tally, progress, log)
        else:
            # each worker builds a language's coder when it first meets a document in it
            with get_context("fork" if sys.platform != "win32" else "spawn").Pool(workers) as pool:
                for window in _windows(documents):
                    pending = _new_documents(store, window, tally, seen, log)
                    _store_all(store, pool.imap(code_one, pending, CHUNK), tally, progress, log)
    finally:
        progress.show(tally, final=True)
        store.close()
    return tally


def _windows(documents, size=WINDOW):
    """Lists of up to size documents, in order: the store is read and written by one thread only,
    and no more than a window of documents is held at once."""
    window = []
    for doc in documents:
        window.append(doc)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def _new_documents(store, window, tally, seen, log):
    """(document, digest) for each document of a window the store lacks or holds another version
    of; the same content twice in one run is stored once."""
    pending = []
    for doc in window:
        tally.read += 1
        if isinstance(doc, ReadError):
            tally.failed += 1
            store.add_error(doc.origin, doc.message)
            _say(log, str(doc))
            continue
        digest = content_hash(doc)
        state = store.status(doc, digest)
        if state == "stored":
            tally.unchanged += 1
        elif state == "duplicate" or (state == "new" and digest in seen):
            tally.duplicates += 1
        else:
            tally.replaced += state == "changed"
            seen.add(digest)
            pending.append((doc, digest))
    return pending


def _store_all(store, coded, tally, progress, log):
    """Store coded documents in batches, each batch one transaction."""
    batch, started = [], time.monotonic()
    for item in coded:
        batch.append(item)
        if len(batch) >= BATCH_DOCS or time.monotonic() - started > BATCH_SECONDS:
            _store_batch(store, batch, tally, log)
            batch, started = [], time.monotonic()
            progress.show(tally)
    if batch:
        _store_batch(store, batch, tally, log)


def _store_batch(store, batch, tally, log):
    """One transaction: every document of the batch with its events, or the errors met."""
    with store.transaction():
        for doc, digest, rows, error in batch:
            if error:
                tally.failed += 1
                store.add_error(doc.origin or doc.id, error, doc.id)
                _say(log, f"{doc.origin or doc.id}: {error}")
                continue
            store.add_document(doc, digest, rows)
            tally.stored += 1
            tally.events += len(rows)


def _say(log, message):
    """A message for the person running the ingestion."""
    if log is not None:
        print(f"communique: {message}", file=log)
