"""Events and their mentions, with the JSON form of the event contract."""

import hashlib
from dataclasses import dataclass, field

from communique.ontology import cameo


@dataclass
class EventMention:
    """One place in a document that reports an event."""

    sentence: int            # index of the sentence in the document
    start: int               # character offsets of the sentence in the document
    end: int
    text: str                # the sentence
    trigger: str
    trigger_span: tuple
    rule: str
    source_span: tuple | None = None
    target_span: tuple | None = None

    def to_json(self):
        """The mention in the contract's form (spans are document character offsets)."""
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "text": self.text,
                "trigger": self.trigger, "trigger_span": list(self.trigger_span), "rule": self.rule,
                "source_span": list(self.source_span) if self.source_span else None,
                "target_span": list(self.target_span) if self.target_span else None}


@dataclass
class Event:
    """A coded event: who did what to whom, when, where, and where the text says so."""

    doc_id: str
    code: str
    source: object
    target: object
    date: object                    # time.resolve.EventDate
    location: dict | None = None
    modality: str = "asserted"
    lang: str = ""
    reciprocal: bool = False
    mentions: list = field(default_factory=list)

    @property
    def root(self):
        """The two-digit CAMEO root."""
        return self.code[:2]

    @property
    def event_id(self):
        """A stable id from the document, code, participants and date."""
        parts = [self.doc_id, self.code, self.source.code if self.source else "",
                 str(self.source.identity if self.source else ""),
                 self.target.code if self.target else "", str(self.target.identity if self.target else ""),
                 str(self.date.value)]
        return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]

    @property
    def confidence(self):
        """A rough 0-1 score: more mentions, named people and an explicit date raise it."""
        score = 0.5 + 0.1 * min(len(self.mentions) - 1, 2)
        score += 0.1 if self.target is not None else 0
        score += 0.1 if self.date.basis != "publication" else 0
        return round(min(score, 1.0), 2)

    def to_json(self):
        """The event in the contract of DESIGN.md."""
        row = cameo.info(self.code)
        out = {"event_id": self.event_id, "doc_id": self.doc_id, "code": self.code, "root": self.root,
               "name": row["name"], "quad_class": row["quad_class"], "goldstein": row["goldstein"],
               "plover": row["plover"],
               "source": self.source.to_json() if self.source else None,
               "target": self.target.to_json() if self.target else None}
        out.update(self.date.to_json())
        out.update({"location": self.location, "modality": self.modality, "lang": self.lang,
                    "reciprocal": self.reciprocal, "confidence": self.confidence,
                    "mentions": [m.to_json() for m in self.mentions]})
        return out
