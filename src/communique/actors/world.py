"""The world dictionary: countries, organisations, seats of power, people and cities, per language."""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from communique.nlp.phrases import PhraseIndex
from communique.nlp.tokens import phrase_key
from communique.resources import DataError, cached, data_path, load_json, load_yaml

KIND_PRIORITY = {"person": 0, "org": 1, "seat": 2, "country": 3, "city": 4}
LATIN_LANGS = {"en", "id", "ms", "fr", "de", "es"}
SCRIPT_RES = {"ru": re.compile(r"[\u0400-\u04ff]"), "uk": re.compile(r"[\u0400-\u04ff]"),
              "ar": re.compile(r"[\u0600-\u06ff]"), "zh": re.compile(r"[\u4e00-\u9fff]")}
NON_LATIN_RE = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")


@dataclass(frozen=True)
class Term:
    """A person's post between two dates (end None while in office)."""

    role: str
    sector: str
    start: date | None
    end: date | None
    country: str | None = None     # whom the post was held for: a country ...
    org: str | None = None         # ... or an organisation

    def holds(self, day):
        """Whether the post was held on a day (any day when day is None)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entity:
    """Something a name in text can refer to."""

    kind: str                      # person | org | seat | country | city
    key: str                       # ISO3, org short name, person name or city id
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    cameo: str | None = None
    terms: tuple = ()
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False

    def __hash__(self):
        """Kind and key identify an entity; hashing them alone keeps lookups cheap."""
        return hash((self.kind, self.key))

    def term_at(self, day):
        """The person's post on a day, the latest one when the day is unknown or no post fits."""
        held = [t for t in self.terms if t.holds(day)]
        return (held or list(self.terms) or [None])[-1]


@dataclass
class World:
    """The entities of the world and the index of their names in one language."""

    lang: str
    names: PhraseIndex = field(default_factory=PhraseIndex)
    countries: dict = field(default_factory=dict)
    orgs: dict = field(default_factory=dict)
    people: list = field(default_factory=list)
    by_role: dict = field(default_factory=dict)
    lowercase: set = field(default_factory=set)     # country adjectives written in lower case ("rusas")

    def add_form(self, text, entity, lowercase_ok=False):
        """Index one written form of an entity as (entity, exact): short upper-case forms (AS, US)
        keep their exact text, which the match must equal; a country adjective or group name the data
        writes in lower case ("russes", "chilenische", "talibanes") matches lower-case text."""
        text = str(text).strip()
        if not text:
            return
        exact = text if text.isupper() and len(text) <= 4 else None
        self.names.add(text, (entity, exact))
        if lowercase_ok and text[:1].islower():
            self.lowercase.add(phrase_key(text))

    def holder(self, country, role, day):
        """The person who held a role in a country (or organisation) on a day, if exactly one did."""
        found = list(dict.fromkeys(p for p in self.by_role.get((country, role), ()) if any(
            t.role == role and t.holds(day) for t in p.terms)))
        return found[0] if len(found) == 1 else None


def _date(value):
    """A date from YAML (date object or ISO string), or None."""
    if value in (None, "", "null"):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _forms_for(names, lang):
    """The forms of a names-by-language dict that a document in lang may use."""
    langs = [lang, "en"] if lang != "en" else ["en"]
    if lang in LATIN_LANGS:
        langs += [x for x in ("id", "ms") if x != lang and lang in ("id", "ms")]
    forms = []
    for code in dict.fromkeys(langs):
        value = (names or {}).get(code) or []
        forms.extend([value] if isinstance(value, str) else value)
    return forms


def _own_names(lang):
    """The language's own names file (data/lang/<iso>/names.yaml): section -> key -> forms."""
    found = load_yaml("lang", lang, "names.yaml", default={})
    if not isinstance(found, dict):
        raise DataError(f"lang/{lang}/names.yaml: expected sections people, countries, orgs, seats, places")
    return {section: found.get(section) or {} for section in ("people", "countries", "orgs", "seats", "places")}


def _add_countries(world, own):
    """Countries: CLDR names plus the press forms and demonyms of country_forms.yaml."""
    extra = load_yaml("world", "country_forms.yaml", default={})
    for row in load_json("world", "countries.json"):
        entity = Entity("country", row["iso3"], row["names"].get("en", row["iso3"]), country=row["iso3"])
        world.countries[row["iso3"]] = entity
        for form in _forms_for(row["names"], world.lang):
            world.add_form(form, entity)
        for form in _forms_for(extra.get(row["iso3"]), world.lang) + list(own["countries"].get(row["iso3"], ())):
            world.add_form(form, entity, lowercase_ok=True)


def _add_orgs(world, own):
    """International organisations and armed groups."""
    isos = {row["iso3"] for row in load_json("world", "countries.json")}
    for row in load_yaml("world", "organizations.yaml", default=[]):
        home = (row.get("cameo") or "")[:3]      # a national group's CAMEO code starts with its country
        country = row.get("country") or (home if home in isos else None)
        entity = Entity("org", row["org"], row["org"], country=country, org=row["org"],
                        sector=row.get("sector", "IGO"), cameo=row.get("cameo"))
        world.orgs[row["org"]] = entity
        for form in [row["org"]] + _forms_for(row.get("names"), world.lang) + list(own["orgs"].get(row["org"], ())):
            world.add_form(form, entity, lowercase_ok=form == form.lower())   # "talibanes", not "the Alliance"


def _add_seats(world, own):
    """Seats of power that stand for a government or one of its sectors."""
    for row in load_yaml("world", "seats.yaml", default=[]):
        english = ((row.get("names") or {}).get("en") or [None])[0]
        forms = _forms_for(row.get("names"), world.lang) + list(own["seats"].get(english, ()))
        if forms:
            entity = Entity("seat", forms[0], forms[0], country=row.get("country"), sector=row.get("sector"))
            for form in forms:
                world.add_form(form, entity)


def _term(row, person):
    """A post from people.yaml; a post's own country/org overrides the person's (Rutte: NLD, then NATO)."""
    own = "country" in row or "org" in row
    return Term(row["role"], row.get("sector", "GOV"), _date(row.get("start")), _date(row.get("end")),
                row.get("country") if own else person.get("country"),
                row.get("org") if own else person.get("org"))


PEOPLE_FILES = ("people.yaml", "people_historical.yaml")


def _add_people(world, own):
    """People with their posts (2015 on, and the historical file). A name several people share is
    kept for all of them; the mention finder picks the one in office on the document's date."""
    rows = [row for name in PEOPLE_FILES for row in load_yaml("world", name, default=[])]
    for row in rows:
        terms = tuple(_term(t, row) for t in row.get("roles") or [])
        entity = Entity("person", row["name"], row["name"], country=row.get("country"),
                        org=row.get("org"), terms=terms)
        world.people.append(entity)
        for term in terms:
            world.by_role.setdefault((term.country or term.org, term.role), []).append(entity)
        for form in [row["name"]] + list(row.get("aliases") or []) + _forms_for(row.get("names"), world.lang) \
                + list(own["people"].get(row["name"], ())):
            world.add_form(form, entity)


def _in_script(name, lang):
    """Whether a place name is written in Latin script or the language's own script."""
    own = SCRIPT_RES.get(lang)
    return not NON_LATIN_RE.search(name) or bool(own and own.search(name))


def _add_cities(world, own):
    """Cities of the gazetteer, under their main and alternate names in scripts of the language, and
    the language's own forms of a city's main name (the most populous city of that name)."""
    named = {}
    for row in load_json("world", "cities.json"):
        entity = Entity("city", str(row["id"]), row["name"], country=row["country"], lat=row["lat"],
                        lon=row["lon"], population=row["population"], capital=row["capital"])
        for form in [row["name"]] + row["names"]:
            if _in_script(form, world.lang):
                world.add_form(form, entity)
        if row["name"] in own["places"] and entity.population >= getattr(named.get(row["name"]), "population", -1):
            named[row["name"]] = entity
    for name, entity in named.items():
        for form in own["places"][name]:
            world.add_form(form, entity)


def _add_regions(world, own):
    """First-level regions (US states): places of their country, under their English name."""
    for row in load_json("world", "regions.json"):
        entity = Entity("city", f"region:{row['id']}", row["name"], country=row["country"])
        world.add_form(row["name"], entity)


def _add_landmarks(world, own):
    """Seas, regions and territories: places only, named so that no country swallows them."""
    for row in load_yaml("world", "landmarks.yaml", default=[]):
        forms = _forms_for(row.get("names"), world.lang)
        if forms:
            name = (row["names"].get("en") or forms)[0]
            entity = Entity("city", f"landmark:{name}", name, country=row.get("country"))
            for form in forms:
                world.add_form(form, entity)


def build_world(lang):
    """The World for documents in one language, built from the data files."""
    world, own = World(lang), _own_names(lang)
    for add in (_add_people, _add_orgs, _add_seats, _add_countries, _add_cities, _add_regions, _add_landmarks):
        add(world, own)
    _lowercase_seats(world, own)
    _check_own(world, own)
    return world


def _lowercase_seats(world, own):
    """A seat written after a lower-case country adjective ("das russische Außenministerium")
    matches in lower case too, as the adjective does; "militer China" does not ("militer" is no
    country's adjective, and "latihan militer" stays a trigger)."""
    for row in load_yaml("world", "seats.yaml", default=[]):
        english = ((row.get("names") or {}).get("en") or [None])[0]
        for form in _forms_for(row.get("names"), world.lang) + list(own["seats"].get(english, ())):
            key = phrase_key(form)
            if form[:1].islower() and len(key) > 1 and key[:1] in world.lowercase:
                world.lowercase.add(key)


def _check_own(world, own):
    """A names.yaml key that names nothing in the world files is a mistake the loader reports."""
    known = {"people": {p.name for p in world.people}, "countries": set(world.countries),
             "orgs": set(world.orgs), "places": {e[0].name for values in world.names.values() for e in values
                                                 if e[0].kind == "city"},
             "seats": {((row.get("names") or {}).get("en") or [None])[0]
                       for row in load_yaml("world", "seats.yaml", default=[])}}
    for section, keys in own.items():
        unknown = sorted(str(k) for k in keys if k not in known[section])
        if unknown:
            raise DataError(f"lang/{world.lang}/names.yaml: {section} not in the world files: {unknown[:5]}")


@lru_cache(maxsize=None)
def load_world(lang):
    """The World for documents in one language, once per process (and cached on disk)."""
    return cached(f"world-{lang}", ("world",), lambda: build_world(lang),
                  code=(__file__, data_path("lang", lang, "names.yaml")))
