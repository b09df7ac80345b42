"""The first real input: a machine-translated Indonesian page about Russia-US contacts (Dec 2021)."""

from dataclasses import replace
from datetime import date

import pytest

from communique.ingest.readers import read_inputs
from communique.pipeline import code_document

BOILERPLATE = ("Terhubung dengan kami", "SAHAM:", "iklan", "Bagikan artikel ini:", "Tren", "berhenti berlangganan",
               "belum tentu milik")


@pytest.fixture(scope="module")
def seed_events(request):
    shared = request.getfixturevalue("shared")
    (doc,) = list(read_inputs([str(shared / "seeds" / "000_934587f4c626a00e.txt")]))
    events, error = code_document(replace(doc, date=date(2021, 12, 16)))
    assert error is None
    return [e.to_json() for e in events]


def _find(events, code_prefix, a, b):
    return [e for e in events if e["code"].startswith(code_prefix) and e["target"]
            and {e["source"]["name"], e["target"]["name"]} >= {a, b}]


def test_seed_is_identified_as_indonesian(seed_events):
    assert {e["lang"] for e in seed_events} == {"id"}


def test_seed_putin_biden_video_call_on_7_december_once(seed_events):
    calls = _find(seed_events, "04", "Vladimir Putin", "Joe Biden")
    assert {(e["source"]["name"], e["date"]) for e in calls} == {("Vladimir Putin", "2021-12-07"),
                                                                  ("Joe Biden", "2021-12-07")}


def test_seed_kozak_meeting_on_15_december_in_moscow(seed_events):
    (meeting, *_) = _find(seed_events, "04", "Karen Donfried", "Dmitry Kozak")
    assert meeting["date"] == "2021-12-15" and meeting["location"]["name"] == "Moscow"
    assert len(meeting["mentions"]) >= 2


def test_seed_donfried_meets_kuleba_and_ryabkov(seed_events):
    assert _find(seed_events, "04", "Karen Donfried", "Dmytro Kuleba")
    assert _find(seed_events, "04", "Karen Donfried", "Sergei Ryabkov")


def test_seed_donfried_visits_kyiv_moscow_brussels(seed_events):
    visits = {e["target"]["country"] for e in seed_events if e["code"] == "042" and e["source"]["name"] == "Karen Donfried"}
    assert visits >= {"UKR", "RUS", "BEL"}


def test_seed_ushakov_sullivan_call_is_one_event_each_way(seed_events):
    calls = _find(seed_events, "041", "Yuri Ushakov", "Jake Sullivan")
    assert len(calls) == 2 and len({e["date"] for e in calls}) == 1


def test_seed_russian_offer_of_consultations_with_nato_is_an_intention(seed_events):
    offers = [e for e in seed_events if e["code"] == "036" and e["source"]["country"] == "RUS"
              and e["target"] and e["target"]["org"] == "NATO"]
    assert offers and offers[0]["modality"] == "intent"


def test_seed_nothing_from_boilerplate(seed_events):
    for event in seed_events:
        for mention in event["mentions"]:
            assert not any(b in mention["text"] for b in BOILERPLATE), mention["text"]


def test_seed_every_event_has_a_date_and_its_basis(seed_events):
    for event in seed_events:
        assert event["date"] and event["date_basis"] in ("explicit", "relative", "publication")


def test_seed_kuleba_meeting_is_in_kyiv_before_moscow(seed_events):
    (meeting,) = _find(seed_events, "04", "Karen Donfried", "Dmytro Kuleba")
    assert meeting["location"]["name"] == "Kyiv"
    assert meeting["date"] <= "2021-12-14" and meeting["date_basis"] == "relative"
    assert meeting["date_range"][1] == "2021-12-14"     # before her arrival in Moscow


def test_seed_offer_of_consultations_dated_the_day_after_donfried_left_moscow(seed_events):
    offers = [e for e in seed_events if e["code"] == "036" and e["source"]["country"] == "RUS"
              and e["target"] and e["target"]["org"] == "NATO"]
    assert [e["date"] for e in offers] == ["2021-12-16"]


def test_seed_leaders_dialogue_is_the_7_december_call_not_a_second_event(seed_events):
    leaders = [e for e in seed_events if e["root"] == "04" and e["target"]
               and {e["source"]["country"], e["target"]["country"]} == {"RUS", "USA"}
               and not e["source"]["name"] and not e["target"]["name"]]
    assert leaders == []


def test_seed_biden_concern_after_the_call_is_dated_by_its_paragraph(seed_events):
    concern = [e for e in seed_events if e["root"] == "01" and e["source"]["name"] == "Joe Biden"]
    assert concern and {e["date"] for e in concern} == {"2021-12-07"}


def test_seed_putin_accuses_ukraine_during_the_7_december_call(seed_events):
    accusations = [e for e in seed_events if e["root"] == "11" and e["source"]["name"] == "Vladimir Putin"
                   and e["target"] and e["target"]["country"] == "UKR"]
    assert [e["date"] for e in accusations] == ["2021-12-07"]


def test_seed_negotiations_that_must_wait_are_not_an_event(seed_events):
    assert not [e for e in seed_events if e["code"] == "046"]


def test_seed_visits_are_located_at_the_cities_visited(seed_events):
    visits = {e["target"]["country"]: e["location"]["name"] for e in seed_events
              if e["code"] == "042" and e["source"]["name"] == "Karen Donfried"}
    assert visits == {"UKR": "Kyiv", "RUS": "Moscow", "BEL": "Brussels"}


def test_seed_ryabkov_meeting_is_dated_by_the_moscow_trip(seed_events):
    (meeting,) = _find(seed_events, "04", "Karen Donfried", "Sergei Ryabkov")
    assert meeting["date"] == "2021-12-15" and meeting["location"]["name"] == "Moscow"
