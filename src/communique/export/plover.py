"""PLOVER JSON records of stored events, with the field names of the PLOVER manual (chapter 6)."""

import json
from datetime import date

from communique import __version__
from communique.store.query import iter_events, reports

CODEBOOK = "plover-2021 (from CAMEO 1.1b3 by cameo2plover)"


def _entity(actor):
    """A PLOVER entity object."""
    if not actor:
        return None
    return {"code": actor.get("org") or actor.get("country"), "sector": actor.get("sector"),
            "entity_text": actor.get("text"), "identifier_text": actor.get("name"),
            "office": actor.get("role"), "cameo_code": actor.get("code")}


def _location(location):
    """A PLOVER location object."""
    if not location:
        return None
    return {"extracted_place": location.get("text"), "resolved_place": location.get("name"),
            "geonameid": location.get("geonames_id"), "lat": location.get("lat"), "lon": location.get("lon"),
            "country_code": location.get("country"), "resolution": 4 if location.get("geonames_id") else 1}


def record(event, found):
    """The PLOVER record of one stored event and its reports."""
    plover = event.get("plover") or {}
    first = found[0] if found else None
    recipient = _entity(event.get("target"))
    return {
        "id": f"communique-{event['event_id']}",
        "date": event.get("date"),
        "enddate": (event.get("date_range") or [None, None])[1] if event.get("date_precision") != "day" else None,
        "actor": [_entity(event.get("source"))],
        "recipient": [recipient] if recipient else [],
        "event": [plover["event"]] if plover.get("event") else [],
        "mode": [plover["mode"]] if plover.get("mode") else [],
        "context": [plover["context"]] if plover.get("context") else [],
        "event_loc": _location(event.get("location")),
        "event_text": sorted({" ".join(m["text"].split()) for row, *_ in found for m in row.get("mentions") or []}),
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("goldstein"),
        "cameo_code": event["code"],
        "date_precision": event.get("date_precision"),
        "num_mentions": event["num_mentions"], "num_sources": event["num_sources"],
        "num_articles": event["num_articles"], "doc_ids": event["doc_ids"],
        "cite_info": {"url": first[2] if first else None, "language": event.get("lang"),
                      "publication": first[3] if first else None},
        "coder": f"communique {__version__}",
        "codebook": CODEBOOK,
        "coded_date": date.today().isoformat(),
    }


def records(con, **filters):
    """PLOVER records of the stored events matching filters that PLOVER has a type for (it drops
    CAMEO's plain statements, 01x)."""
    for event in iter_events(con, **filters):
        if (event.get("plover") or {}).get("event"):
            yield record(event, reports(con, int(event["event_id"])))


def write_plover(con, out, **filters):
    """PLOVER records as JSON Lines."""
    for rec in records(con, **filters):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
