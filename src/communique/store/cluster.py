"""One real event across many articles: when two coded reports (event contract rows) are the same event."""

import unicodedata
from datetime import date, timedelta

from communique.ontology.cameo import trip_codes
from communique.time.resolve import BASIS_RANK

HOST, VISIT = "043", "042"
# codes whose two sides do the same thing: "A met B" and "B met A" are one meeting
SYMMETRIC_ROOTS = ("03", "04", "05", "06")


def party(actor):
    """The party of an actor (its organisation, else its country), or None."""
    if not actor:
        return None
    return actor.get("org") or actor.get("country")


def oriented(row):
    """(code, source, target) with a hosted visit turned into the visit it is ("B hosted A" is
    "A visited B"), so that both reports of one trip compare alike."""
    code, source, target = row["code"], row.get("source"), row.get("target")
    if code[:3] == HOST and target:
        return VISIT + code[3:], target, source
    return code, source, target


def pair_key(row):
    """The blocking key of a report: its root and its two parties, unordered."""
    code, source, target = oriented(row)
    parties = sorted(p or "-" for p in (party(source), party(target)))
    return code[:2], "|".join(parties)


def date_bounds(row):
    """(first, last) ISO days the report's date may stand for, or (None, None) when undated."""
    if row.get("date_range"):
        return tuple(row["date_range"])
    if row.get("date"):
        day = date.fromisoformat(row["date"])
        widen = {"week": 3, "month": 15, "year": 182}.get(row.get("date_precision"), 0)
        return (day - timedelta(days=widen)).isoformat(), (day + timedelta(days=widen)).isoformat()
    return None, None


def _actors_agree(a, b):
    """Same party, and no two different names ("Biden" and "the US" agree; "Biden" and "Harris" do
    not); a name found in the text, not in the dictionary, cannot differ from one in another script
    ("Эван Гершкович" and "Evan Gershkovich" may be one man)."""
    if party(a) != party(b):
        return False
    if a and b and a.get("name") and b.get("name") and a["name"] != b["name"]:
        return (a.get("discovered") or b.get("discovered")) and _script(a["name"]) != _script(b["name"])
    return True


def _script(name):
    """The script a name is written in: the first word of its first letter's Unicode name (LATIN,
    CYRILLIC, ARABIC, CJK)."""
    letter = next((c for c in name if c.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0]


def _codes_agree(a, b):
    """Same three-digit code, or a root's generic code (040) beside a specific one (041); a visit
    and a meeting stay apart."""
    if a[:3] == b[:3]:
        return True
    if a[:2] != b[:2] or (a[:3] in trip_codes()) != (b[:3] in trip_codes()):
        return False
    return a[2] == "0" or b[2] == "0"


def _dates_agree(a, b):
    """Whether the days two reports may stand for overlap (an undated report agrees with none)."""
    (a_lo, a_hi), (b_lo, b_hi) = date_bounds(a), date_bounds(b)
    if a_lo is None or b_lo is None:
        return False
    return a_lo <= b_hi and b_lo <= a_hi


def _places_agree(a, b):
    """Whether two reports' places can be one: unknown on either side, or the same country and name."""
    x, y = a.get("location"), b.get("location")
    if not x or not y:
        return True
    return x.get("country") == y.get("country") and (x.get("name") == y.get("name") or not (x.get("name") and y.get("name")))


def same_event(a, b):
    """The reason two reports are the same real event, or None when they are not."""
    code_a, source_a, target_a = oriented(a)
    code_b, source_b, target_b = oriented(b)
    if not (_codes_agree(code_a, code_b) and _dates_agree(a, b) and _places_agree(a, b)):
        return None
    if _actors_agree(source_a, source_b) and _actors_agree(target_a, target_b):
        direction = "same direction"
    elif code_a[:2] in SYMMETRIC_ROOTS and _actors_agree(source_a, target_b) and _actors_agree(target_a, source_b):
        direction = "reverse direction of a mutual event"
    else:
        return None
    return f"{direction}; codes {code_a}~{code_b}; dates {_span(a)} and {_span(b)} overlap"


def _span(row):
    """A date span as text."""
    lo, hi = date_bounds(row)
    return lo if lo == hi else f"{lo}..{hi}"


def better(a, b):
    """The report that describes the event more precisely: firmer date, narrower range, finer code,
    named people."""
    return min((a, b), key=_precision)


def _precision(row):
    """Sort key: lower is more precise."""
    lo, hi = date_bounds(row)
    width = (date.fromisoformat(hi) - date.fromisoformat(lo)).days if lo else 10_000
    names = sum(1 for side in ("source", "target") if (row.get(side) or {}).get("name"))
    return BASIS_RANK.get(row.get("date_basis"), 3), width, -len(row["code"]), -names
