"""One event, many mentions: merging the reports of the same event within a document."""

BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2}


def _people_agree(a, b):
    """Whether two actors can be the same participant: same party, and no two different names."""
    if a is None or b is None:
        return a is b
    if a.key != b.key:
        return False
    return not (a.name and b.name and a.name != b.name)


def _dates_agree(a, b):
    """Whether two event dates can be the same day."""
    if "publication" in (a.basis, b.basis) or a.value is None or b.value is None:
        return True
    if a.value == b.value:
        return True
    for x, y in ((a, b), (b, a)):
        if x.range and x.range[0] <= y.value <= x.range[1]:
            return True
    return False


def same_event(a, b):
    """Whether two coded events report the same real event."""
    return (a.code[:3] == b.code[:3] and _people_agree(a.source, b.source) and _people_agree(a.target, b.target)
            and _dates_agree(a.date, b.date))


def _absorb(kept, other):
    """Fold another report of the same event into the kept one: mentions, names, date, place."""
    kept.mentions.extend(other.mentions)
    if len(other.code) > len(kept.code) or (kept.code.endswith("0") and not other.code.endswith("0")
                                            and len(other.code) == len(kept.code)):
        kept.code = other.code
    if BASIS_RANK[other.date.basis] < BASIS_RANK[kept.date.basis]:
        kept.date = other.date
    for side in ("source", "target"):
        mine, theirs = getattr(kept, side), getattr(other, side)
        if mine is not None and theirs is not None:
            mine.name = mine.name or theirs.name
            mine.role = mine.role or theirs.role
            mine.sector = mine.sector or theirs.sector
    kept.location = kept.location or other.location
    kept.reciprocal = kept.reciprocal or other.reciprocal


def merge_events(events):
    """Events with every report of the same event folded into its first report."""
    kept = []
    for event in events:
        match = next((k for k in kept if same_event(k, event)), None)
        if match is None:
            kept.append(event)
        else:
            _absorb(match, event)
    return kept
