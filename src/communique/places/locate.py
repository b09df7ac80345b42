"""Where an event happened: a place named after "in"/"at", or the place visited."""


def place_json(entity, text):
    """The location of the event contract for a city or country entity."""
    return {"name": entity.name, "country": entity.country, "lat": entity.lat, "lon": entity.lon,
            "text": text, "geonames_id": int(entity.key) if entity.key.isdigit() else None}


def locate(trigger, mentions, target_mention, lang, lowers, clause_start):
    """The location of an event: the visited place (unless it is a bare country beside an "in"
    place: "talks with the United States in Oman"); else the place a "where" clause hangs on
    ("visited Kyiv, where she met ..."); else the place after "in"/"at" nearest the trigger in its
    stretch of the clause (after the last comma before it), else a city visited earlier in that
    stretch, else the nearest "in" place anywhere; places that are a topic ("talks about the
    situation in Ukraine") are left out."""
    places = [m for m in mentions if m.place is not None and m.prep == "locative"
              and not _in_topic(lang, lowers, m.start)]
    if trigger.pattern.target_place and target_mention is not None and target_mention.place is not None \
            and (target_mention.prep is not None or target_mention.place.kind != "country" or not places):
        return place_json(target_mention.place, target_mention.text)
    antecedent = _where_antecedent(mentions, lang, lowers, clause_start)
    if antecedent is not None:
        return place_json(antecedent.place, antecedent.text)
    segment = max((j + 1 for j in range(clause_start, trigger.start) if lowers[j] == ","), default=clause_start)
    near = [m for m in places if m.start >= segment]
    visited = [m for m in mentions if m.place is not None and m.prep is None and m.place.kind != "country"
               and segment < m.start and m.end <= trigger.start]
    if not near and visited:        # "mengunjungi Kyiv dan bertemu dengan Kuleba": met in Kyiv
        return place_json(visited[-1].place, visited[-1].text)
    if not places:
        return None
    best = min(near or places, key=lambda m: abs(m.start - trigger.end))
    return place_json(best.place, best.text)


def _where_antecedent(mentions, lang, lowers, clause_start):
    """The place right before a relative word that opens the trigger's clause, if any."""
    if "relative" not in lang.kinds_before(lowers, clause_start):
        return None
    before = [m for m in mentions if m.end <= clause_start - 1 and m.place is not None]
    if before and clause_start - 1 - before[-1].end <= 2:
        return before[-1]
    return None


def _in_topic(lang, lowers, start):
    """Whether a topic word ("about", "tentang") stands shortly before a place."""
    for j in range(max(0, start - 4), start):
        kinds = lang.kinds_at(lowers, j)
        if kinds and "topic" in kinds[1]:
            return True
    return False
