"""People in the store: discovered ones listed for review; confirming, renaming and merging them."""

from datetime import date

from communique.cli import main
from communique.documents import Document
from communique.store import actors
from communique.store.ingest import ingest
from communique.store.query import events
from communique.store.store import Store

FIRST = "Zambian Foreign Minister Mulambo Haimbe met Kenyan Foreign Minister Musalia Mudavadi in Lusaka on Monday."
SECOND = ("Zambia's top diplomat Mulambo Hambe held talks with Kenyan Foreign Minister Musalia Mudavadi "
          "in Lusaka on Monday.")
LATER = "Kenyan officials said Mulambo Hambe met Musalia Mudavadi in Nairobi on Friday."


def _doc(doc_id, text, source):
    return Document(id=doc_id, text=text, date=date(2024, 3, 9), lang="en", source=source, origin=doc_id)


def _store(tmp_path):
    db = tmp_path / "people.db"
    ingest(db, [_doc("a", FIRST, "Lusaka Times"), _doc("b", SECOND, "Nairobi Daily")], workers=1)
    return db


def test_discovered_people_are_listed_for_review(tmp_path):
    store = Store(_store(tmp_path))
    listed = {p["name"]: p for p in actors.people(store.con)}
    assert listed["Mulambo Haimbe"]["status"] == "discovered" and listed["Mulambo Haimbe"]["party"] == "ZMB"
    assert listed["Musalia Mudavadi"]["events"] == 2
    review = {p["name"] for p in actors.people(store.con, review_only=True)}
    assert "Mulambo Hambe" in review
    actors.confirm(store, "Mulambo Haimbe")
    assert {p["name"]: p["status"] for p in actors.people(store.con)}["Mulambo Haimbe"] == "confirmed"


def test_merging_a_misspelling_merges_the_events_it_split(tmp_path):
    db = _store(tmp_path)
    store = Store(db)
    assert len(events(store.con, root="04")) == 2       # "Haimbe" and "Hambe": two people, two meetings
    assert actors.rename(store, "Mulambo Hambe", "Mulambo Haimbe") == 1
    (meeting,) = events(store.con, root="04")
    assert meeting["num_articles"] == 2 and meeting["source"]["name"] == "Mulambo Haimbe"
    store.close()
    ingest(db, [_doc("c", LATER, "Kenya Wire")], workers=1)     # new reports take the new name
    names = {(e["source"] or {}).get("name") for e in events(Store(db).con, root="04")}
    assert names == {"Mulambo Haimbe"}


def test_actors_command(tmp_path, capsys):
    db = _store(tmp_path)
    assert main(["actors", "--db", str(db), "--review"]) == 0
    out = capsys.readouterr().out
    assert "Mulambo Hambe" in out and "<- review" in out
    assert main(["actors", "--db", str(db), "--merge", "Mulambo Hambe", "Mulambo Haimbe"]) == 0
    capsys.readouterr()
    assert main(["actors", "--db", str(db)]) == 0
    assert "Mulambo Hambe" not in capsys.readouterr().out
