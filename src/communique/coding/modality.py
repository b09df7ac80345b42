"""Modality of a trigger: asserted, intended (future), obliged, refused, hypothetical or negated."""

WINDOW = 5
ORDER = ("negation", "hypothetical", "refusal", "obligation", "future")
KINDS = frozenset(ORDER) | {"precondition"}
NAMES = {"negation": "negated", "hypothetical": "hypothetical", "refusal": "refused", "obligation": "obliged",
         "future": "intent"}


def modality(lang, lowers, trigger_start, clause_start, inside=(0, 0), trigger_end=None):
    """The modality of a trigger from the function words before it in its clause; words inside
    the span of the trigger before it ("agreed to a ceasefire | brokered by") belong to that one.
    In a language whose negation stands inside the verb's bracket (grammar `negation_in_gap`), a
    negation inside the trigger's span negates it ("hat Putin nicht getroffen")."""
    if trigger_end is not None and lang.negation_in_gap and _negated_inside(lang, lowers, trigger_start, trigger_end):
        return "negated"
    found = set()
    j = max(clause_start, trigger_start - WINDOW)
    while j < trigger_start:
        hit = lang.kinds_at(lowers, j)
        if hit and hit[0] <= trigger_start:
            if not (inside[0] <= j and hit[0] <= inside[1]):
                found |= hit[1] & KINDS
            j = hit[0]
        else:
            j += 1
    if "precondition" in found and _obliged_after(lang, lowers, trigger_start):
        return "hypothetical"   # "before starting talks, X must ...": the talks are still to come
    for kind in ORDER:
        if kind in found:
            return NAMES[kind]
    return "asserted"


def _negated_inside(lang, lowers, start, end):
    """Whether a negation word stands inside a trigger's span, after its first word."""
    for j in range(start + 1, end):
        hit = lang.kinds_at(lowers, j) if lowers[j] in lang.starts else None
        if hit and "negation" in hit[1] and hit[0] <= end:
            return True
    return False


def _obliged_after(lang, lowers, trigger_start):
    """Whether an obligation or future word ("must", "perlu", "will") follows a trigger in its sentence."""
    for j in range(trigger_start + 1, len(lowers)):
        hit = lang.kinds_at(lowers, j) if lowers[j] in lang.starts else None
        if hit and hit[1] & {"obligation", "future"}:
            return True
    return False


def modal_spans(lang, lowers):
    """(start, end) token spans of the modality phrases of a sentence."""
    spans, j, starts = [], 0, lang.starts
    while j < len(lowers):
        hit = lang.kinds_at(lowers, j) if lowers[j] in starts else None
        if hit and hit[1] & set(ORDER):
            spans.append((j, hit[0]))
            j = hit[0]
        else:
            j += 1
    return spans
