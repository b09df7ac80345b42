"""Giving each event a date: the expression nearest its trigger, resolved against an anchor."""

from dataclasses import dataclass
from datetime import date, timedelta

PUBLICATION_WINDOW = 6
BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2}   # how firmly the text dates an event


@dataclass
class EventDate:
    """An event's date as the contract reports it."""

    value: date | None
    precision: str
    basis: str                      # explicit | relative | publication
    text: str | None = None
    range: tuple | None = None
    carried: bool = False           # taken from an earlier sentence of the story

    def to_json(self):
        """The date fields of the event contract."""
        return {"date": self.value.isoformat() if self.value else None,
                "date_precision": self.precision,
                "date_range": [d.isoformat() for d in self.range] if self.range else None,
                "date_text": self.text, "date_basis": self.basis}


def publication_date(pub):
    """The date of an event the text does not date: the publication, within the week before it."""
    if pub is None:
        return EventDate(None, "unknown", "publication")
    return EventDate(pub, "week", "publication", None, (pub - timedelta(days=PUBLICATION_WINDOW), pub))


def _resolve(expr, exprs, pub, narrative):
    """The EventDate an expression gives."""
    if expr.kind != "relative":
        return EventDate(expr.value, expr.precision if expr.value else "unknown", "explicit", expr.text)
    if expr.anchor == "following":
        anchor = following_anchor(expr, exprs)
        base = anchor.value if anchor else (expr.base or narrative or pub)
    elif expr.anchor == "narrative":     # "... on 14 October, and X responded the same day": that day
        earlier = [e for e in exprs if e.end <= expr.start and e.kind != "relative" and e.value]
        base = earlier[-1].value if earlier else (narrative or pub)
    else:
        base = pub
    if base is None:
        return EventDate(None, "unknown", "relative", expr.text)
    value = base + timedelta(days=expr.days)
    span = None
    if expr.precision == "week":
        span = (value - timedelta(days=3), value + timedelta(days=3))
    elif expr.precision == "month":
        span = (value - timedelta(days=15), value + timedelta(days=15))
    return EventDate(value, expr.precision, "relative", expr.text, span)


def following_anchor(expr, exprs):
    """For "a week after <event> on <date>": the dated explicit expression the phrase points to."""
    return next((e for e in exprs if e.start >= expr.end and e.kind != "relative" and e.value), None)


def choose(trigger_start, trigger_end, exprs, clause=None):
    """The date expression that dates a trigger: inside a "X after <event> on <date>" phrase the
    anchor date, elsewhere in that sentence the phrase itself; else the nearest expression in the
    trigger's clause (first, last), else the nearest in the sentence."""
    for expr in exprs:
        if expr.kind == "relative" and expr.anchor == "following":
            anchor = following_anchor(expr, exprs)
            if anchor:
                return anchor if expr.end <= trigger_start < anchor.end else expr
    if clause is not None:
        exprs = [e for e in exprs if clause[0] <= e.start and e.end <= clause[1]] or exprs
    if not exprs:
        return None
    return min(exprs, key=lambda e: (max(e.start - trigger_end, trigger_start - e.end, 0), e.start))


def date_event(trigger_start, trigger_end, exprs, pub, narrative, clause=None):
    """The EventDate of a trigger in a sentence with these date expressions."""
    expr = choose(trigger_start, trigger_end, exprs, clause)
    if expr is None:
        return publication_date(pub)
    return _resolve(expr, exprs, pub, narrative)
