"""Shared fixtures: coding a text in one call, the shared corpora folder."""

import os
from datetime import date
from pathlib import Path

import pytest

from communique.documents import Document
from communique.pipeline import code_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def need(what, present):
    """Skip a test whose tool is not installed here; in CI (CI set), .ci/run installs it, so its
    absence fails the test instead."""
    if not present:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing: .ci/run installs it")
        pytest.skip(f"{what} is not installed")


def code_text(text, lang, day=None, doc_id="t"):
    """The events (as contract dicts) of one text."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    events, error = code_document(Document(id=doc_id, text=text, date=day, lang=lang), lang)
    assert error is None, str(error)
    return [e.to_json() for e in events]


@pytest.fixture
def code():
    """The code_text helper."""
    return code_text


@pytest.fixture(scope="session")
def shared():
    """The shared folder beside the checkout; skips the test when it is absent."""
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
