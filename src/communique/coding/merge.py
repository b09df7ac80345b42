"""One event, many mentions: merging the reports of the same event within a document."""

from communique.actors.mentions import GENERIC_ROLES
from communique.ontology.cameo import trip_codes
from communique.time.resolve import BASIS_RANK

LEADER_ROLES = {"head_of_state", "head_of_government", "president", "prime_minister", "chancellor", "monarch"}


def _people_agree(a, b):
    """Whether two actors can be the same participant: same party, and no two different names."""
    if a is None or b is None:
        return a is b
    if a.key != b.key:
        return False
    if a.name and b.name:
        return a.name == b.name
    return not (a.role and b.role and _role_family(a.role) != _role_family(b.role)
                and not {a.role, b.role} & GENERIC_ROLES)


def _role_family(role):
    """Roles that can name the same post: every kind of leader is one family."""
    return "leader" if role in LEADER_ROLES else role


def _dates_agree(a, b):
    """Whether two event dates can be the same day."""
    if "publication" in (a.basis, b.basis) or a.value is None or b.value is None:
        return True
    if a.value == b.value:
        return True
    for x, y in ((a, b), (b, a)):
        if x.range and x.range[0] <= y.value <= x.range[1]:
            return True
    return False


def _codes_agree(a, b):
    """Same three-digit code; or a root's generic code (040) beside a specific one of that root
    (041) when both are dated by the text to the same day, or the generic one is not dated."""
    if a.code[:3] == b.code[:3]:
        return True
    if a.root != b.root or (a.code in trip_codes()) != (b.code in trip_codes()):
        return False        # a meeting is not the visit it happened on
    generic = a.code[:3] == a.root + "0" or b.code[:3] == b.root + "0"
    dated = "publication" not in (a.date.basis, b.date.basis) and a.date.value == b.date.value \
        and a.date.value is not None and not (a.date.carried or b.date.carried)
    same_sentence = {m.sentence for m in a.mentions} & {m.sentence for m in b.mentions}
    identical = _identity(a.source) == _identity(b.source) and _identity(a.target) == _identity(b.target)
    if a.root != b.root or not generic:
        return False
    if same_sentence:       # "visited Kyiv and met Kuleba": two events unless the very same parties
        return identical
    # "talks on 7 December" reported again as "a video call on 7 December", or as an undated
    # "the dialogue between the leaders"
    return dated or _undated_generic(a, b) or _undated_generic(b, a)


def _undated_generic(vague, precise):
    """Whether one report is a root's generic code the text does not date, beside a specific,
    dated code of that root between named people: a later, vaguer mention of the same contact
    ("the dialogue between the leaders"), naming each side as the precise one does or not at all."""
    return vague.code[:3] == vague.root + "0" and vague.date.basis == "publication" \
        and precise.code[:3] != precise.root + "0" and precise.date.basis != "publication" \
        and all(_names_or_refers(v, p) for v, p in ((vague.source, precise.source), (vague.target, precise.target)))


def _names_or_refers(vague, precise):
    """Whether a vague report's actor names the precise report's named person, or only refers to them."""
    return vague is not None and precise is not None and precise.name is not None \
        and vague.name in (None, precise.name)


def _identity(actor):
    """The finest identity of an actor, or None."""
    return actor.identity if actor is not None else None


def same_event(a, b):
    """Whether two coded events report the same real event."""
    return (_codes_agree(a, b) and _people_agree(a.source, b.source) and _people_agree(a.target, b.target)
            and _dates_agree(a.date, b.date))


def _absorb(kept, other):
    """Fold another report of the same event into the kept one: mentions, names, date, place."""
    kept.mentions.extend(other.mentions)
    if len(other.code) > len(kept.code) or (kept.code[2:] == "0" and other.code[2:] != "0"):
        kept.code = other.code
    if BASIS_RANK[other.date.basis] < BASIS_RANK[kept.date.basis]:
        kept.date = other.date
    for side in ("source", "target"):
        mine, theirs = getattr(kept, side), getattr(other, side)
        if mine is not None and theirs is not None:
            mine.name = mine.name or theirs.name
            mine.role = mine.role or theirs.role
            mine.sector = mine.sector or theirs.sector
    kept.location = kept.location or other.location
    kept.reciprocal = kept.reciprocal or other.reciprocal


def merge_events(events):
    """Events with every report of the same event folded into its first report; the two
    directions of a reciprocal event (A->B, B->A) then share the best date and place."""
    kept, by_root = [], {}
    for event in events:
        same_root = by_root.setdefault(event.root, [])
        match = next((k for k in same_root if same_event(k, event)), None)
        if match is None:
            kept.append(event)
            same_root.append(event)
        else:
            _absorb(match, event)
    for event in kept:
        if event.reciprocal:
            _share_with_reverse(event, kept)
    return kept


def _share_with_reverse(event, events):
    """Give the reverse direction of a reciprocal event its date and place, whichever is better."""
    for other in events:
        if other is event or not _codes_agree(event, other):
            continue
        if _people_agree(event.source, other.target) and _people_agree(event.target, other.source) \
                and _dates_agree(event.date, other.date):
            best = min((event, other), key=lambda e: BASIS_RANK[e.date.basis])
            event.date = other.date = best.date
            event.location = other.location = event.location or other.location
            event.reciprocal = other.reciprocal = True
