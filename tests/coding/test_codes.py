"""How an event's code turns into the code of an intention, an appeal, a demand or a refusal."""

from communique.ontology.cameo import appeal_code, demand_code, intent_code, is_code, refusal_code


def test_intentions_keep_the_last_digits_where_cameo_does():
    assert intent_code("0841") == "0353"      # release -> intend to release
    assert intent_code("042") == "036"        # visit -> intend to meet


def test_appeals_and_demands_mirror_the_intention():
    assert appeal_code("0841") == "0253"
    assert demand_code("0841") == "1053"
    assert appeal_code("0874") == "0256"
    assert demand_code("0874") == "1056"
    assert appeal_code("039") == "028"        # mediate -> appeal for mediation
    assert demand_code("039") == "108"


def test_no_appeal_or_demand_to_attack():
    assert appeal_code("190") is None
    assert demand_code("190") is None


def test_every_mirrored_code_is_in_the_cameo_table():
    for code in ("0311", "0314", "0331", "0334", "0341", "0344", "0351", "0356", "036", "037", "038", "039"):
        assert is_code(appeal_code(code)), code
        assert is_code(demand_code(code)), code


def test_refusals_go_by_the_longest_prefix():
    assert refusal_code("042") == "125"       # will not attend -> reject a meeting
    assert refusal_code("062") == "1212"      # will not cooperate militarily
    assert refusal_code("057") == "127"
