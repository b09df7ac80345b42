"""The event filters the API takes, each checked, and the refusal of parameters it does not know."""

from datetime import date

from fastapi import HTTPException, Query, Request

from communique.ontology.cameo import codes
from communique.resources import languages

PARTY = dict(min_length=1, max_length=80, pattern=r"^[^\x00-\x1f<>]+$")


def _plover_types():
    """The PLOVER event types the CAMEO table maps to."""
    return {v["plover"]["event"] for v in codes().values() if (v.get("plover") or {}).get("event")}


class EventFilters:
    """Filters of /api/events, /api/timeline and /api/network (a FastAPI dependency)."""

    NAMES = {"actor", "a", "b", "root", "code", "plover", "since", "until", "lang", "place", "q"}
    PLOVER = _plover_types()
    LANGS = set(languages())

    def __init__(self,
                 actor: str | None = Query(None, description="a party (RUS, NATO, Russia) or a person", **PARTY),
                 a: str | None = Query(None, description="one side of a dyad (with b)", **PARTY),
                 b: str | None = Query(None, description="the other side of a dyad (with a)", **PARTY),
                 root: str | None = Query(None, pattern=r"^(0[1-9]|1[0-9]|20)$", description="CAMEO root 01-20"),
                 code: str | None = Query(None, pattern=r"^\d{2,4}$", description="a CAMEO code or its prefix"),
                 plover: str | None = Query(None, max_length=20, description="a PLOVER event type"),
                 since: date | None = Query(None, description="first day, YYYY-MM-DD"),
                 until: date | None = Query(None, description="last day, YYYY-MM-DD"),
                 lang: str | None = Query(None, max_length=8, description="a language reporting the event"),
                 place: str | None = Query(None, description="a place name or ISO3 country", **PARTY),
                 q: str | None = Query(None, min_length=2, max_length=100, description="words in the evidence")):
        if (a is None) != (b is None):
            raise HTTPException(400, "a and b: give both sides of the dyad, or neither")
        if since and until and since > until:
            raise HTTPException(400, f"since ({since}) is after until ({until})")
        if plover is not None and plover.upper() not in self.PLOVER:
            raise HTTPException(400, f"plover: expected one of {', '.join(sorted(self.PLOVER))}, got {plover!r}")
        if lang is not None and lang.lower() not in self.LANGS:
            raise HTTPException(400, f"lang: expected one of {', '.join(sorted(self.LANGS))}, got {lang!r}")
        self.actor, self.a, self.b, self.root, self.code = actor, a, b, root, code
        self.plover, self.since, self.until, self.lang, self.place, self.q = plover, since, until, lang, place, q

    def as_query(self):
        """These filters as keyword arguments of communique.store.query.where."""
        return {"actor": self.actor, "dyad": (self.a, self.b) if self.a else None, "root": self.root,
                "code": self.code, "plover": self.plover.upper() if self.plover else None,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "lang": self.lang, "place": self.place, "text": self.q}


def reject_unknown(allowed):
    """A dependency refusing query parameters outside allowed (a typo must not pass silently)."""
    def check(request: Request):
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise HTTPException(400, f"unknown parameter(s): {', '.join(unknown)}; known: {', '.join(sorted(allowed))}")
        repeated = sorted(k for k in set(request.query_params) if len(request.query_params.getlist(k)) > 1)
        if repeated:
            raise HTTPException(400, f"parameter(s) given more than once: {', '.join(repeated)}")
    return check
