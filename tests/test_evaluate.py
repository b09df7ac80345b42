"""The evaluator: how gold parties are read and how coded events are matched with gold ones."""

from communique.evaluate import gold_events, gold_key, match


def test_gold_key_reads_the_party_of_an_actor_code():
    assert gold_key("RUSGOV") == "RUS"
    assert gold_key("IGOUNO") == "IGO"
    assert gold_key("---GOV") is None
    assert gold_key(None) is None


def test_gold_key_maps_legacy_country_codes_to_iso():
    assert gold_key("JAPGOV") == "JPN"
    assert gold_key("ITL") == "ITA"
    assert gold_key("VTNMIL") == "VNM"


def test_gold_events_of_a_record_with_legacy_codes():
    record = {"expected": [{"source": "ITLGOV", "target": "SRB", "code": "160"}]}
    assert gold_events(record) == [("ITA", "SRB", "160")]


def test_match_counts_each_gold_event_once():
    golds = [("USA", "RUS", "042")]
    preds = [("USA", "RUS", "040"), ("USA", "RUS", "043"), ("RUS", "USA", "040")]
    tally = match(golds, preds, full=False)
    assert (tally.tp, tally.dup, tally.fp, tally.fn) == (1, 1, 1, 0)
    assert match(golds, preds, full=True).tp == 0


def test_a_null_gold_party_matches_any():
    tally = match([("SYR", None, "112")], [("SYR", "ISR", "112")], full=True)
    assert (tally.tp, tally.fp, tally.fn) == (1, 0, 0)
