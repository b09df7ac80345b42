"""Cross-lingual agreement: one news item written in several languages must give one set of events."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

import yaml

from communique.documents import Document
from communique.pipeline import code_document
from communique.store.cluster import SYMMETRIC_ROOTS

BASE = "en"


def _party(actor):
    """An actor's party (event contract dict): its country, else its organisation ("Houthis" are
    Yemen's, the UN is the UN; None for none)."""
    return (actor.get("country") or actor.get("org")) if actor else None


def _key(source, target, root, day):
    """An event as compared across languages; a mutual event (meet, negotiate, cooperate: "A met B"
    and "A and B met" are one real event, as in the store) has its two sides in either order."""
    if root in SYMMETRIC_ROOTS and target is not None:
        source, target = sorted((source or "", target), key=str)
    return source, target, root, day


def event_set(text, lang, day):
    """(source, target, root, date) of the events coded from one text."""
    events, error = code_document(Document(id=f"{lang}:{day}", text=text, date=day, lang=lang), lang)
    if error is not None:
        raise ValueError(f"{lang}: {error}")
    found = [e.to_json() for e in events]
    return {_key(_party(e["source"]), _party(e["target"]), e["code"][:2], e["date"]) for e in found}


def expected_set(item):
    """The (source, target, root, date) set an item's table row expects."""
    return {_key(e.get("source"), e.get("target"), str(e["code"])[:2], str(e["date"]) if e.get("date") else None)
            for e in item.get("events") or []}


@dataclass
class Overlap:
    """Events two sets share, and the events of either."""

    shared: int = 0
    either: int = 0

    def add(self, ours, theirs):
        self.shared += len(ours & theirs)
        self.either += len(ours | theirs)

    @property
    def ratio(self):
        """Shared over either (1.0 when both are empty)."""
        return self.shared / self.either if self.either else 1.0


@dataclass
class AgreementReport:
    """Per language: agreement with the base language's version and with the expected events."""

    name: str
    items: int = 0
    with_base: dict = field(default_factory=lambda: defaultdict(Overlap))
    with_expected: dict = field(default_factory=lambda: defaultdict(Overlap))
    differences: list = field(default_factory=list)

    def scores(self):
        """The numbers the gate compares with floors: agreement with the base version, per language."""
        return {f"agree_{lang}": round(o.ratio, 4) for lang, o in sorted(self.with_base.items())}


def load_items(path):
    """The items of a cross-lingual table."""
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    for item in items:
        if BASE not in (item.get("versions") or {}):
            raise ValueError(f"{path}: item {item.get('id')!r} has no {BASE!r} version")
    return items


def score_table(path, name):
    """Code every version of every item and compare each with the base language's version."""
    report = AgreementReport(name)
    for item in load_items(path):
        day = item["date"] if isinstance(item["date"], Date) else Date.fromisoformat(str(item["date"]))
        sets = {lang: event_set(text, lang, day) for lang, text in item["versions"].items()}
        wanted = expected_set(item)
        report.items += 1
        for lang, found in sets.items():
            report.with_expected[lang].add(found, wanted)
            if lang != BASE:
                report.with_base[lang].add(found, sets[BASE])
                if found != sets[BASE]:
                    report.differences.append((item.get("id"), lang, sorted(sets[BASE] - found, key=str),
                                               sorted(found - sets[BASE], key=str)))
    return report


def format_agreement(report):
    """Lines of text describing an agreement report."""
    lines = [f"{report.name}: {report.items} items, agreement with the {BASE} version "
             f"(shared / either, events) and with the expected events"]
    for lang in sorted(report.with_expected):
        base = report.with_base.get(lang)
        against = f"{base.ratio:.3f} ({base.shared}/{base.either})" if base else "   -   "
        exp = report.with_expected[lang]
        lines.append(f"  [{lang}] with {BASE} {against}   expected {exp.ratio:.3f} ({exp.shared}/{exp.either})")
    return lines
