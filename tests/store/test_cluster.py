"""When two reports from different articles are the same real event."""

from communique.store.cluster import better, date_bounds, pair_key, same_event


def _row(code, source, target, day="2021-12-15", basis="explicit", precision="day", rng=None, place=None):
    return {"code": code, "source": source, "target": target, "date": day, "date_basis": basis,
            "date_precision": precision, "date_range": rng, "location": place, "mentions": [{}]}


DONFRIED = {"country": "USA", "org": None, "name": "Karen Donfried"}
RYABKOV = {"country": "RUS", "org": None, "name": "Sergei Ryabkov"}
KOZAK = {"country": "RUS", "org": None, "name": "Dmitry Kozak"}
US = {"country": "USA", "org": None, "name": None}
MOSCOW = {"name": "Moscow", "country": "RUS"}
KYIV = {"name": "Kyiv", "country": "UKR"}


def test_the_same_meeting_reported_twice():
    assert same_event(_row("040", DONFRIED, RYABKOV), _row("040", DONFRIED, RYABKOV))


def test_a_party_without_a_name_agrees_with_a_named_one():
    assert same_event(_row("040", US, RYABKOV), _row("040", DONFRIED, RYABKOV))


def test_different_people_are_different_meetings():
    assert same_event(_row("040", DONFRIED, RYABKOV), _row("040", DONFRIED, KOZAK)) is None


def test_a_mutual_event_matches_in_either_direction():
    reason = same_event(_row("041", DONFRIED, RYABKOV), _row("041", RYABKOV, DONFRIED))
    assert reason and "reverse" in reason


def test_an_accusation_is_not_mutual():
    assert same_event(_row("112", DONFRIED, RYABKOV), _row("112", RYABKOV, DONFRIED)) is None


def test_a_hosted_visit_is_the_visit():
    assert same_event(_row("042", DONFRIED, RYABKOV), _row("043", RYABKOV, DONFRIED))
    assert pair_key(_row("043", RYABKOV, DONFRIED)) == pair_key(_row("042", DONFRIED, RYABKOV))


def test_a_generic_code_joins_a_specific_one_but_a_visit_stays_apart():
    assert same_event(_row("040", DONFRIED, RYABKOV), _row("046", DONFRIED, RYABKOV))
    assert same_event(_row("040", DONFRIED, RYABKOV), _row("042", DONFRIED, RYABKOV)) is None


def test_dates_must_overlap_within_their_precision():
    week = _row("040", DONFRIED, RYABKOV, "2021-12-14", "relative", "week", ["2021-12-11", "2021-12-17"])
    assert same_event(week, _row("040", DONFRIED, RYABKOV, "2021-12-15"))
    assert same_event(_row("040", DONFRIED, RYABKOV, "2021-12-13"), _row("040", DONFRIED, RYABKOV, "2021-12-15")) is None
    assert same_event(_row("040", DONFRIED, RYABKOV, None), _row("040", DONFRIED, RYABKOV, None)) is None


def test_places_must_agree_when_both_are_known():
    assert same_event(_row("040", DONFRIED, RYABKOV, place=MOSCOW), _row("040", DONFRIED, RYABKOV))
    assert same_event(_row("040", DONFRIED, RYABKOV, place=MOSCOW), _row("040", DONFRIED, RYABKOV, place=KYIV)) is None


def test_the_most_precise_report_describes_the_event():
    vague = _row("040", US, RYABKOV, "2021-12-16", "publication", "week", ["2021-12-10", "2021-12-16"])
    precise = _row("040", DONFRIED, RYABKOV, "2021-12-15")
    assert better(vague, precise) is precise
    assert date_bounds(precise) == ("2021-12-15", "2021-12-15")
