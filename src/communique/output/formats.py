"""Writing events: JSON Lines (the contract), a readable timeline table, GDELT 2.0 Events rows."""

import json
from datetime import date
from functools import lru_cache

from communique.resources import load_json

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
EVIDENCE_WIDTH = 110


def write_jsonl(rows, out):
    """One event contract object a line."""
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def who_label(actor):
    """A short human label for an actor: name (country sector), or country and role."""
    if actor is None:
        return "-"
    party = actor["org"] or actor["country"] or "?"
    detail = actor["name"] or (actor["role"] or "").replace("_", " ") or actor["sector"] or ""
    return f"{detail} ({party})" if detail else party


def _collapse_reciprocal(rows):
    """Rows with each reciprocal pair (A->B, B->A, same code and date) shown once."""
    seen, out = set(), []
    for row in rows:
        if row["reciprocal"] and row["target"]:
            key = (row["code"], row["date"], frozenset((who_label(row["source"]), who_label(row["target"]))))
            if key in seen:
                continue
            seen.add(key)
        out.append(row)
    return out


def table_lines(rows):
    """The timeline as lines of text: date, event, who, whom, where, evidence."""
    rows = sorted(_collapse_reciprocal(rows), key=lambda r: (r["date"] or "9999", r["code"]))
    lines = []
    for row in rows:
        arrow = "<->" if row["reciprocal"] else "->"
        when = row["date"] or "undated"
        if row["date_basis"] != "explicit":
            when += f" ({row['date_basis']}{': ' + row['date_text'] if row['date_text'] else ''})"
        where = row["location"]["name"] if row["location"] else ""
        lines.append(f"{when}  {row['code']} {row['name']}  [{row['modality']}]")
        lines.append(f"    {who_label(row['source'])} {arrow} {who_label(row['target'])}"
                     + (f"  @ {where}" if where else ""))
        for mention in row["mentions"]:
            evidence = " ".join(mention["text"].split())
            if len(evidence) > EVIDENCE_WIDTH:
                evidence = evidence[:EVIDENCE_WIDTH - 3] + "..."
            lines.append(f"    > {evidence}  [{mention['rule']}]")
        lines.append("")
    return lines


def write_table(rows, out):
    """The readable timeline."""
    for line in table_lines(rows):
        out.write(line + "\n")


@lru_cache(maxsize=1)
def _fips():
    """ISO3 -> FIPS 10-4 country code, as GDELT's geography columns use."""
    return {c["iso3"]: c["fips"] for c in load_json("world", "countries.json")}


def _actor_columns(actor):
    """GDELT's ten actor columns."""
    if actor is None:
        return [""] * 10
    sector = actor["sector"] or ""
    return [actor["code"], (actor["name"] or actor["org"] or actor["country"] or "").upper(),
            actor["country"] or "", actor["org"] or "", "", "", "", sector, "", ""]


def _geo_columns(location):
    """GDELT's eight geography columns for a location."""
    if not location:
        return ["0"] + [""] * 7
    kind = "4" if location.get("geonames_id") else "1"
    return [kind, location["name"], _fips().get(location["country"], ""), "", "",
            _num(location["lat"]), _num(location["lon"]), str(location.get("geonames_id") or "")]


def _num(value):
    return "" if value is None else str(value)


def gdelt_row(row, url="", global_id=None, counts=None, added=None):
    """One GDELT 2.0 Events row (61 columns) for an event; a stored event gives its own id, its
    (mentions, sources, articles) counts and when it was first seen (YYYYMMDDHHMMSS)."""
    day = date.fromisoformat(row["date"]) if row["date"] else None
    stamp = day.strftime("%Y%m%d") if day else ""
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    mentions, sources, articles = counts or (len(row["mentions"]), 1, 1)
    cols = [str(global_id if global_id is not None else int(row["event_id"][:12], 16)),
            stamp, stamp[:6], stamp[:4], fraction]
    cols += _actor_columns(row["source"]) + _actor_columns(row["target"])
    cols += ["1", row["code"], row["code"][:3], row["root"], str(row["quad_class"]), str(row["goldstein"]),
             str(mentions), str(sources), str(articles), ""]
    cols += _geo_columns(None) + _geo_columns(None) + _geo_columns(row["location"])
    cols += [added or (stamp + "000000" if stamp else ""), url or ""]
    return [c.replace("\t", " ").replace("\n", " ") for c in cols]


def write_gdelt(rows, out, urls=None, header=True):
    """GDELT 2.0 Events rows, tab-separated, with GDELT's column names as a header line."""
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    for row in rows:
        out.write("\t".join(gdelt_row(row, (urls or {}).get(row["doc_id"], ""))) + "\n")
