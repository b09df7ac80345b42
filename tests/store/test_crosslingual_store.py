"""One event reported in nine languages is one stored event, with nine articles behind it."""

from datetime import date

import pytest
import yaml

from communique.documents import Document
from communique.store.ingest import ingest
from communique.store.query import timeline
from communique.store.schema import connect
from tests.conftest import ROOT

TABLE = ROOT / "tests" / "crosslingual" / "events.yaml"
ITEMS = {"xi-zelensky-phone-call": ("CHN", "UKR", "04"), "pelosi-taiwan-visit": ("USA", "TWN", "04"),
         "russia-detains-gershkovich": ("RUS", "USA", "17")}


@pytest.fixture(scope="module")
def nine_db(tmp_path_factory):
    items = [i for i in yaml.safe_load(TABLE.read_text(encoding="utf-8")) if i["id"] in ITEMS]
    docs = [Document(id=f"{item['id']}-{lang}", text=text, date=item["date"], lang=lang, source=f"outlet-{lang}")
            for item in items for lang, text in item["versions"].items()]
    db = tmp_path_factory.mktemp("nine") / "nine.db"
    tally = ingest(db, iter(docs), workers=1)
    assert (tally.stored, tally.failed) == (len(docs), 0)
    return db


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_nine_reports_are_one_event(nine_db, item):
    source, target, root = ITEMS[item]
    rows = [r for r in timeline(connect(nine_db), source, target) if r["code"].startswith(root)]
    assert len(rows) == 1, [(r["code"], r["date"], r["num_articles"]) for r in rows]
    assert rows[0]["num_articles"] == 9 and rows[0]["num_sources"] == 9
    assert {d.rsplit("-", 1)[1] for d in rows[0]["doc_ids"]} == {"en", "id", "ru", "uk", "fr", "de", "es", "ar", "zh"}
    assert isinstance(rows[0]["date"], str) and date.fromisoformat(rows[0]["date"])
