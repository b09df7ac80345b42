"""CAMEO codes: names, QuadClass, Goldstein, PLOVER mapping, and intentions for future events."""

from functools import lru_cache

from communique.resources import load_json, load_yaml


@lru_cache(maxsize=None)
def codes():
    """code -> {name, root, quad_class, goldstein, plover}."""
    return load_json("ontology", "cameo.json")["codes"]


def info(code):
    """The table row of a code, falling back to its parent codes."""
    table = codes()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    raise KeyError(f"unknown CAMEO code {code!r}")


def is_code(code):
    """Whether a string is a CAMEO code of the table."""
    return code in codes()


@lru_cache(maxsize=None)
def _code_table(key):
    """code prefix -> code, one table of data/ontology/intent.yaml."""
    return {str(k).zfill(2): str(v) for k, v in (load_yaml("ontology", "intent.yaml").get(key) or {}).items()}


def _longest(table, code):
    """The value of the longest prefix of code in a table, or None."""
    return next((table[code[:n]] for n in range(len(code), 1, -1) if code[:n] in table), None)


def intent_code(code):
    """The code for an intention to do what code names (will meet -> 036); the code when none."""
    return _longest(_code_table("by_code"), code) or code


def demand_code(code):
    """The code for demanding that another party do what code names ("must release" -> 1053),
    or None when that is no demand ("must attack")."""
    intent = code if code.startswith("03") else intent_code(code)
    if not intent.startswith("03"):
        return None
    return _code_table("demand_of_intent").get(intent) or "10" + intent[2:]


def appeal_code(code):
    """The code for appealing to another party to do what code names ("urged ... to release" ->
    0253), or None when that is no cooperative appeal ("wants Putin to attack")."""
    intent = code if code.startswith("03") else intent_code(code)
    if not intent.startswith("03"):
        return None
    return _code_table("appeal_of_intent").get(intent) or "02" + intent[2:]


def refusal_code(code):
    """The rejection code for a stated refusal to do what code names ("will not attend talks"
    -> 125), or None when refusing it is no event."""
    return _longest(_code_table("refusal_by_code"), code)


@lru_cache(maxsize=None)
def governing_codes():
    """Code prefixes whose trigger governs the event after it (appeals, intentions, demands,
    accusations, threats), as a tuple for str.startswith."""
    return tuple(str(r).zfill(2) for r in load_yaml("ontology", "intent.yaml")["governing_codes"])


@lru_cache(maxsize=None)
def unattributed_roots():
    """Roots whose events are output with no source when the text names no one who did them."""
    return frozenset(str(r).zfill(2) for r in load_yaml("ontology", "conventions.yaml")["unattributed_roots"])


@lru_cache(maxsize=None)
def place_target_roots():
    """Roots whose events with no named target are aimed at the country where they happened."""
    return frozenset(str(r).zfill(2) for r in load_yaml("ontology", "conventions.yaml")["place_target_roots"])


@lru_cache(maxsize=None)
def trip_codes():
    """Codes of making or hosting a visit."""
    return frozenset(str(c) for c in load_yaml("ontology", "conventions.yaml")["trip_codes"])


@lru_cache(maxsize=None)
def meeting_codes():
    """Codes of meeting in person, which an article's trips date."""
    return frozenset(str(c) for c in load_yaml("ontology", "conventions.yaml")["meeting_codes"])
