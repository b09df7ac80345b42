"""A real store for the web tests: the bundled examples ingested once, plus one article whose text
looks like HTML (the page must show it as text)."""

import json
from datetime import date
from pathlib import Path

import pytest

from communique.ingest.readers import read_inputs, read_source
from communique.store.ingest import ingest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MARKUP_DOC = {"id": "markup-test", "date": "2024-05-10", "lang": "en", "url": "javascript:alert(1)",
              "text": "Norway's foreign minister met <b>Kenya's</b> president in Nairobi on Thursday "
                      "<img src=x onerror=alert(1)>."}


def build_store(path):
    """Ingest the examples and the markup article into a new store at path."""
    ingest(path, read_inputs([str(EXAMPLES)], date=date(2025, 3, 12)), workers=1)
    ingest(path, read_source("markup.jsonl", json.dumps(MARKUP_DOC).encode(), fmt="jsonl"), workers=1)
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "web.db")
