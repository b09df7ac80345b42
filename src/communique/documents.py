"""Input documents and the problems met while reading them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class Document:
    """One article: its text (or HTML), publication date, language and provenance."""

    id: str
    text: str | None = None
    html: str | None = None
    date: date | None = None
    url: str | None = None
    lang: str | None = None
    source: str | None = None
    origin: str = ""              # file and line it came from, for messages
    crawl_date: date | None = None    # the day a crawler fetched it (WARC): the date when none is given or found


@dataclass
class ReadError:
    """A document that could not be read, with a message a person can act on."""

    origin: str
    message: str

    def __str__(self):
        return f"{self.origin}: {self.message}"
