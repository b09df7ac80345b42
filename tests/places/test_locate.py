"""Where an event happened: the place of its own stretch of the sentence, not of another clause."""

from tests.conftest import code_text


def _place(events, code):
    return next(e["location"]["name"] for e in events if e["code"] == code and e["location"])


def test_a_meeting_after_a_visit_happens_at_the_visited_city():
    events = code_text("Sebelum tiba di Jakarta, Menteri Luar Negeri Jepang mengunjungi Manila dan bertemu "
                       "dengan Presiden Filipina.", "id", "2021-12-16")
    assert _place(events, "040") == "Manila"


def test_an_in_place_of_an_earlier_clause_still_locates_a_later_event():
    events = code_text("In Geneva, the US envoy met the Russian deputy foreign minister on Monday.", "en", "2024-03-09")
    assert _place(events, "040") == "Geneva"


def test_a_dateline_is_not_where_the_event_happened():
    events = code_text("ANKARA (Wire) - Turkish Foreign Minister Hakan Fidan met his Iraqi counterpart on Monday.",
                       "en", "2024-03-09")
    assert all(e["location"] is None for e in events)
