"""Where an event happened: a place named after "in"/"at", or the place visited."""


def place_json(entity, text):
    """The location of the event contract for a city or country entity."""
    return {"name": entity.name, "country": entity.country, "lat": entity.lat, "lon": entity.lon,
            "text": text, "geonames_id": int(entity.key) if entity.kind == "city" else None}


def locate(trigger, mentions, target_mention):
    """The location of an event: the visited place, else the locative place nearest the trigger."""
    if trigger.pattern.target_place and target_mention is not None and target_mention.place is not None:
        return place_json(target_mention.place, target_mention.actor.text if target_mention.actor else "")
    places = [m for m in mentions if m.place is not None and m.prep == "locative"]
    if not places:
        return None
    best = min(places, key=lambda m: abs(m.start - trigger.end))
    return place_json(best.place, best.text)
