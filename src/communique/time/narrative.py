"""What a story has dated so far: the anchor of "the next day", the date undated events of the
same paragraph share, the earlier events that "the day after <event>" points to, and the dates
of a traveller's contacts on one trip."""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from communique.ontology.cameo import meeting_codes, trip_codes
from communique.time.resolve import BASIS_RANK, EventDate, following_anchor

AFTER_WINDOW = 10     # tokens after "the day after" that may name the earlier event's people
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
WEEK = timedelta(days=7)


@dataclass
class Narrative:
    """The dates one document has given, in reading order."""

    day: date | None = None            # the last date the text gave ("keesokan harinya" counts from it)
    carried: EventDate | None = None   # the date of the last sentence that gave one
    paragraph: int = -1                # the paragraph of that sentence
    events: list = field(default_factory=list)   # the events coded so far

    def carry(self, paragraph, continues):
        """The date an undated event takes from the story: that of the last dated sentence when
        it is in the same paragraph, or in the one before and this sentence continues it ("in
        turn", "pada gilirannya"); else None."""
        if self.carried is None:
            return None
        if paragraph == self.paragraph or (continues and paragraph == self.paragraph + 1):
            return replace(self.carried, basis="relative")
        return None

    def after_sentence(self, paragraph, exprs, events):
        """Remember what a coded sentence dated."""
        self.events.extend(events)
        dated = [e.date for e in events if e.date.basis != "publication" and e.date.value
                 and not e.date.carried]
        explicit = [e for e in exprs if e.value and e.kind != "relative"]
        if dated:
            self.carried = replace(dated[-1], carried=True)
        elif explicit:
            self.carried = EventDate(explicit[-1].value, explicit[-1].precision, "explicit",
                                     explicit[-1].text, carried=True)
        else:
            return
        self.paragraph = paragraph
        self.day = self.carried.value

    def anchor_events(self, exprs, mentions):
        """Date the "following" expressions that have no date after them ("the day after Donfried
        left Moscow") by the earlier events of the people named after them, at the place named
        there when one is: the latest such event for "after", the earliest for "before"."""
        for expr in exprs:
            if expr.kind != "relative" or expr.anchor != "following" or following_anchor(expr, exprs):
                continue
            named = [m for m in mentions if expr.end <= m.start < expr.end + AFTER_WINDOW]
            people = {m.actor.name for m in named if m.actor is not None and m.actor.name}
            places = {m.place.name for m in named if m.place is not None}
            found = [e for e in self.events if e.date.value and e.date.basis != "publication"
                     and people & {a.name for a in (e.source, e.target) if a is not None}]
            at_place = [e for e in found if e.location and e.location.get("name") in places]
            found = at_place or found
            if found:
                pick = max if expr.days >= 0 else min
                expr.base = pick(e.date.value for e in found)


def bound_by_arrival(events, lang, lowers, mentions, story_events):
    """Events of a sentence that opens "Before her arrival in Russia, ..." happened before the
    story's latest visit to that country: their date is at most that visit's, their range ends
    there (the DESIGN example: Donfried met Kuleba in Kyiv before reaching Moscow)."""
    if not lowers or "precondition" not in (lang.kinds_at(lowers, 0) or (0, ()))[1]:
        return
    countries = {m.place.country for m in mentions if m.place is not None and m.start < AFTER_WINDOW}
    visits = [e for e in story_events if e.code in trip_codes() and e.target is not None
              and e.target.key in countries and e.date.value and e.date.basis != "publication"]
    if not visits:
        return
    arrival = max(visits, key=lambda e: e.date.value).date
    for event in events:
        when = event.date
        if when.value is None or when.value >= arrival.value or when.basis == "publication":
            start = when.range[0] if when.range and when.range[0] < arrival.value else arrival.value - WEEK
            event.date = replace(arrival, basis="relative", precision="week", range=(start, arrival.value),
                                 carried=True)


def date_by_trip(events):
    """Give an undated meeting of a named person with another country's party the date (and, if
    it has none, the place) of that person's best-dated visit or meeting in that country in the
    article ("met Ryabkov" on the Moscow trip whose meeting with Kozak is dated 15 December)."""
    dated = [e for e in events if e.date.basis != "publication" and e.date.value and e.source is not None
             and e.source.name and e.target is not None and e.target.key and e.location
             and e.location.get("country") == e.target.key and (e.code in meeting_codes() or e.code in trip_codes())]
    for event in events:
        if event.code not in meeting_codes() or event.date.basis != "publication" or event.source is None \
                or not event.source.name or event.target is None or event.target.key is None:
            continue
        trip = [e for e in dated if e.source.name == event.source.name and e.target.key == event.target.key]
        if trip:
            best = min(trip, key=lambda e: (BASIS_RANK[e.date.basis], PRECISION_ORDER.get(e.date.precision, 9)))
            event.date = replace(best.date, basis="relative", carried=True)
            event.location = event.location or best.location
