"""The people of a store: who appears how often, who was discovered from the text and awaits review,
and a user's confirmations, renames and merges."""

from communique.store.store import now

SIDES = ("source", "target")


def _side_select(side):
    return (f"SELECT json_extract(row, '$.{side}.name') AS name, json_extract(row, '$.{side}.country') AS country, "
            f"json_extract(row, '$.{side}.org') AS org, json_extract(row, '$.{side}.sector') AS sector, "
            f"json_extract(row, '$.{side}.role') AS role, "
            f"COALESCE(json_extract(row, '$.{side}.discovered'), 0) AS discovered FROM events")


def people(con, review_only=False):
    """Named people with their party, sector, role, number of events and status (known, discovered
    (to review) or confirmed), most frequent first."""
    rows = con.execute(
        f"SELECT name, MAX(country), MAX(org), MAX(sector), MAX(role), MAX(discovered), COUNT(*) AS n "
        f"FROM ({_side_select('source')} UNION ALL {_side_select('target')}) WHERE name IS NOT NULL "
        f"GROUP BY name ORDER BY n DESC, name").fetchall()
    confirmed = {r[0] for r in con.execute("SELECT name FROM confirmed")}
    out = []
    for name, country, org, sector, role, discovered, n in rows:
        status = "confirmed" if name in confirmed else ("discovered" if discovered else "known")
        if review_only and status != "discovered":
            continue
        out.append({"name": name, "party": org or country, "sector": sector, "role": role, "events": n,
                    "status": status})
    return out


def confirm(store, name):
    """Mark a discovered person as reviewed."""
    with store.transaction():
        store.con.execute("INSERT OR REPLACE INTO confirmed (name, at) VALUES (?, ?)", (name, now()))


def rename(store, old, new):
    """Rename a person everywhere in the store, and in reports still to come; renaming to a name
    already there merges the two, and events that become the same event are merged too.
    Returns the number of events changed."""
    if not new.strip() or old == new:
        raise ValueError("give a new name different from the old one")
    con = store.con
    with store.transaction():
        con.execute("INSERT OR REPLACE INTO aliases (name, canonical, at) VALUES (?, ?, ?)", (old, new, now()))
        con.execute("UPDATE aliases SET canonical = ? WHERE canonical = ?", (new, old))
        touched = set()
        for side in SIDES:
            touched |= {r[0] for r in con.execute(
                f"SELECT event_id FROM events WHERE json_extract(row, '$.{side}.name') = ?", (old,))}
            con.execute(f"UPDATE reports SET row = json_set(row, '$.{side}.name', ?) "
                        f"WHERE json_extract(row, '$.{side}.name') = ?", (new, old))
            con.execute(f"UPDATE events SET row = json_set(row, '$.{side}.name', ?) "
                        f"WHERE json_extract(row, '$.{side}.name') = ?", (new, old))
        if con.execute("SELECT 1 FROM confirmed WHERE name = ?", (old,)).fetchone():
            con.execute("INSERT OR REPLACE INTO confirmed (name, at) VALUES (?, ?)", (new, now()))
        for event_id in sorted(touched):
            store.recluster(event_id)
    return len(touched)
