"""What a document has told so far about its people: discovered names and the last person named."""

from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

FUZZY_MIN = 85
RECENT = 8          # actors remembered for "the two sides"


@dataclass
class DocContext:
    """Per-document memory for discovery and coreference."""

    day: date | None = None
    people: dict = field(default_factory=dict)     # full name -> Actor template
    surnames: dict = field(default_factory=dict)   # surname -> full name
    given: dict = field(default_factory=dict)      # first word of a name -> the full names it starts
    last_person: object = None
    countries: set = field(default_factory=set)   # countries the document has named so far
    subject: object = None          # the first person named in the sentence being read
    last_subject: object = None     # ... and in the last sentence that named one
    party: object = None            # the first actor with a country or organisation in the sentence
    recent: list = field(default_factory=list)   # actors with a party, in reading order (the last few)
    last_party: object = None       # ... and in the last sentence that had one
    prev_subject: object = None     # the subject and first party of the sentence just before
    prev_party: object = None

    def start_sentence(self):
        """Forget the sentence subject, keeping it as the last one."""
        self.last_subject = self.subject or self.last_subject
        self.last_party = self.party or self.last_party
        self.prev_subject, self.prev_party = self.subject, self.party
        self.subject = self.party = None

    def owner(self):
        """Whose "its forces", "their ambassador": this sentence's first party, else the last one's."""
        return self.party or self.last_party

    def antecedent(self):
        """Whom "he", "she", "ia" refers to: this sentence's subject, else the last sentence's."""
        return self.subject or self.last_subject or self.last_person

    def group_antecedent(self):
        """Whom a sentence-opening "they" refers to: the sentence before's first party, when that
        sentence had no named person as its subject (a group: "Polish farmers blocked roads. They
        protested ..."); else None."""
        return self.prev_party if self.prev_subject is None else None

    def pair(self):
        """Whom "the two leaders", "kedua pihak" refer to: the last two parties named, each by its
        latest named person (else its latest mention), or None."""
        latest = {}
        for actor in self.recent:
            known = latest.pop(actor.key, None)
            latest[actor.key] = known if known is not None and known.name and not actor.name else actor
        return tuple(latest.values())[-2:] if len(latest) >= 2 else None

    def note(self, actor, located=False, place=False):
        """Take in an actor just read: its country, and (unless it only names where something
        happened) the sentence's first party and subject, and the people named."""
        if actor.country:
            self.countries.add(actor.country)
        if located:
            return
        if actor.key is not None:
            self.party = self.party or actor
            if not place:       # a sea or a city named as a place is no side of "the two sides"
                self.recent = (self.recent + [actor])[-RECENT:]
        if actor.name:
            self.remember(actor)
            self.last_person = actor
            self.subject = self.subject or actor

    def remember(self, actor):
        """Register a named person (known or discovered) for later mentions by surname."""
        if not actor.name:
            return
        known = self.people.get(actor.name)
        if known is None or (actor.country and not known.country) or (actor.role and not known.role):
            self.people[actor.name] = actor
        parts = actor.name.split()
        if len(parts) > 1:
            self.surnames.setdefault(parts[-1].lower(), actor.name)
            self.given.setdefault(parts[0].lower(), set()).add(actor.name)

    def recall(self, name):
        """The registered person a written name refers to: exact, by surname, by a first word only
        one of them has, or by a close spelling."""
        if name in self.people:
            return self.people[name]
        parts = name.split()
        full = self.surnames.get(parts[-1].lower()) if parts else None
        if full and (len(parts) == 1 or parts[0] == full.split()[0]):
            return self.people[full]
        owners = self.given.get(name.lower(), ()) if len(parts) == 1 else ()
        if len(owners) == 1:        # "Anwar", "Prabowo", "Xi": a name's first word, when only one has it
            return self.people[next(iter(owners))]
        for known in self.people:
            target = known if len(parts) > 1 else known.split()[-1]
            if len(name) >= 5 and fuzz.ratio(name.lower(), target.lower()) >= FUZZY_MIN:
                return self.people[known]
        return None
