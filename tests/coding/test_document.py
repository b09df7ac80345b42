"""Document-level coding: what one sentence cannot tell (trips, places beside participants)."""

from tests.conftest import code_text


def _by_target_name(events, name):
    return [e for e in events if e["target"] and e["target"]["name"] == name]


def test_document_trip_dates_an_undated_meeting_and_places_it():
    events = code_text("Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri Jepang Takeshi Iwaya "
                       "di Tokyo pada 10 Maret.\n\nSugiono juga bertemu Perdana Menteri Jepang Shigeru Ishiba.",
                       "id", "2025-03-14")
    (meeting,) = _by_target_name(events, "Shigeru Ishiba")
    assert meeting["date"] == "2025-03-10" and meeting["date_basis"] == "relative"
    assert meeting["location"]["name"] == "Tokyo"


def test_document_a_phone_call_is_not_dated_by_a_trip():
    events = code_text("Indonesian Foreign Minister Sugiono met Japanese Foreign Minister Takeshi Iwaya in Tokyo "
                       "on 10 March.\n\nSugiono also spoke by phone with Japanese Prime Minister Shigeru Ishiba.",
                       "en", "2025-03-14")
    calls = [e for e in _by_target_name(events, "Shigeru Ishiba") if e["code"] == "041"]
    assert calls and all(e["date_basis"] == "publication" for e in calls)


def test_document_meeting_on_a_visit_stays_its_own_event():
    events = code_text("Sugiono visited Tokyo on 10 March and met Japanese Prime Minister Shigeru Ishiba there.",
                       "en", "2025-03-14")
    assert {e["code"] for e in events if e["source"]["name"] == "Sugiono"} >= {"042", "040"}


def test_document_bare_country_participant_yields_to_the_place_after_in():
    (event,) = code_text("Iran said it would not attend the talks with the United States in Oman.", "en", "2025-04-02")
    assert event["code"] == "125" and event["location"]["name"] == "Oman"


def test_document_before_her_arrival_bounds_the_date_by_the_visit():
    events = code_text("US envoy Karen Donfried arrived in Moscow on 15 December.\n\nBefore her arrival in Russia, "
                       "Donfried met Ukrainian Foreign Minister Dmytro Kuleba in Kyiv.", "en", "2021-12-17")
    (meeting,) = _by_target_name(events, "Dmytro Kuleba")
    assert meeting["date"] == "2021-12-15" and meeting["date_range"][1] == "2021-12-15"
    assert meeting["date_range"][0] < "2021-12-15" and meeting["date_precision"] == "week"
