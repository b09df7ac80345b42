"""Date expressions in a sentence, found with a language's month, weekday and relative-date words."""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from communique.nlp.phrases import PhraseIndex
from communique.nlp.tokens import phrase_key, span_text

NUMERIC_RE = re.compile(r"^([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{2,4})$")
YEAR_RE = re.compile(r"^(1[89][0-9][0-9]|20[0-9][0-9])$")
DAY_RE = re.compile(r"^([0-3]?[0-9])(?:st|nd|rd|th|er|e|\.)?$")
DIGITS_RE = re.compile(r"^[0-9]+$")
FUTURE_SLACK = timedelta(days=31)


@dataclass
class DateExpr:
    """A date expression: where it is, what it says, and how it is anchored."""

    start: int
    end: int
    text: str
    kind: str                    # explicit | weekday | relative
    value: date | None = None
    precision: str = "day"
    days: int = 0
    anchor: str | None = None    # publication | narrative | following (relative only)
    base: date | None = None     # for "following" with no date after it: the earlier event's date


@dataclass
class TimeWords:
    """A language's time vocabulary, indexed."""

    months: PhraseIndex
    weekdays: PhraseIndex
    relative: PhraseIndex
    preps: PhraseIndex
    order: str
    units: dict            # unit word -> year | month | day ("年", "月", "日")


def _time_words(lang):
    """The indexed time vocabulary of a Language."""
    return _time_words_for(lang.iso, lang)


@lru_cache(maxsize=None)
def _time_words_for(iso, lang):
    """The indexed time vocabulary of a Language, cached by its ISO code."""
    data = lang.time
    months, weekdays, relative, preps = PhraseIndex(), PhraseIndex(), PhraseIndex(), PhraseIndex()
    for number, forms in (data.get("months") or {}).items():
        for form in forms:
            months.add(str(form), int(number))
    for number, forms in (data.get("weekdays") or {}).items():
        for form in forms:
            weekdays.add(str(form), int(number))
    for row in data.get("relative") or []:
        relative.add(str(row["phrase"]), row)
    for prep in data.get("date_preps") or []:
        preps.add(str(prep), True)
    units = {phrase_key(str(form))[0]: kind for kind, forms in (data.get("units") or {}).items()
             for form in forms if phrase_key(str(form))}
    return TimeWords(months, weekdays, relative, preps, data.get("date_order", "dmy"), units)


def _phrases(data):
    """The token keys of every month, weekday, relative-date phrase and unit word of a language."""
    phrases = [f for forms in (data.get("months") or {}).values() for f in forms]
    phrases += [f for forms in (data.get("weekdays") or {}).values() for f in forms]
    phrases += [row["phrase"] for row in data.get("relative") or []]
    phrases += [f for forms in (data.get("units") or {}).values() for f in forms]
    return [key for key in (phrase_key(str(p)) for p in phrases) if key]


def _first_tokens(data):
    """The first tokens of every month, weekday and relative-date phrase of a language."""
    return frozenset(key[0] for key in _phrases(data))


def time_tokens(data):
    """Every token of a language's time words."""
    return {token for key in _phrases(data) for token in key}


def _safe_date(year, month, day):
    """A date, or None when the numbers make no calendar day."""
    try:
        return date(year, month, day)
    except (ValueError, TypeError):
        return None


def _recent_day(day, pub):
    """The date nearest publication with this day of the month: this month's, or the month
    before's when that is nearer ("28日" read on the 9th is last month's, "4日" read on the 3rd
    tomorrow)."""
    if pub is None:
        return None
    this = _safe_date(pub.year, pub.month, day)
    last = pub.replace(day=1) - timedelta(days=1)
    before = _safe_date(last.year, last.month, day)
    found = [d for d in (this, before) if d is not None]
    return min(found, key=lambda d: abs((d - pub).days)) if found else None


def _fit_year(month, day, pub):
    """The date of a day and month without a year: the publication's year, or the year before
    when that would put it more than a month after publication."""
    if pub is None:
        return None
    found = _safe_date(pub.year, month, day)
    if found and found > pub + FUTURE_SLACK:
        found = _safe_date(pub.year - 1, month, day)
    return found


class DateFinder:
    """Finds date expressions in the tokens of one sentence."""

    def __init__(self, lang):
        self.words = _time_words(lang)
        self.starts = _first_tokens(lang.time)

    def find(self, tokens, lowers, pub):
        """Date expressions in a sentence, left to right."""
        found, i = [], 0
        while i < len(lowers):
            if lowers[i] not in self.starts and not lowers[i][:1].isdigit():
                i += 1
                continue
            expr = self._at(tokens, lowers, i, pub)
            if expr:
                found.append(expr)
                i = expr.end
            else:
                i += 1
        for expr in found:
            expr.text = span_text(tokens, expr.start, expr.end)
        return found

    def spans(self, exprs, lowers):
        """Token indices of date expressions with the preposition right before each ("on Friday")."""
        out = set()
        for expr in exprs:
            out.update(range(expr.start, expr.end))
            hit = self.words.preps.ends_before(lowers, expr.start, max_len=2)
            if hit:
                out.update(range(hit[0], expr.start))
        return out

    def _at(self, tokens, lowers, i, pub):
        """The date expression starting at token i, or None."""
        for finder in (self._relative, self._weekday, self._units, self._day_month, self._month_day,
                       self._numeric, self._year):
            expr = finder(lowers, i, pub)
            if expr:
                return expr
        return None

    def _relative(self, lowers, i, pub):
        hit = self.words.relative.match_at(lowers, i)
        if not hit:
            return None
        row = hit[1][0]
        return DateExpr(i, hit[0], "", "relative", days=int(row.get("days", 0)),
                        precision=row.get("precision", "day"), anchor=row.get("anchor", "publication"))

    def _weekday(self, lowers, i, pub):
        hit = self.words.weekdays.match_at(lowers, i)
        if not hit:
            return None
        end, weekday = hit[0], hit[1][0]
        j = end + 1 if end < len(lowers) and lowers[end] in ("(", ",") else end
        numeric = self._numeric(lowers, j, pub, loose=True) or self._day_month(lowers, j, pub) \
            or self._month_day(lowers, j, pub)
        if numeric:
            numeric.start = i
            if end < len(lowers) and lowers[end] == "(" and numeric.end < len(lowers) and lowers[numeric.end] == ")":
                numeric.end += 1
            return numeric
        if pub is None:
            return DateExpr(i, end, "", "weekday", None, "unknown")
        back = (pub.weekday() - weekday) % 7
        return DateExpr(i, end, "", "weekday", pub - timedelta(days=back), "day")

    def _units(self, lowers, i, pub):
        """Numbers each followed by a unit word: "2021年12月7日", "12月7日", "2021年12月"."""
        units, parts, j = self.words.units, {}, i
        while (j + 1 < len(lowers) and DIGITS_RE.match(lowers[j]) and lowers[j + 1] in units
               and units[lowers[j + 1]] not in parts):
            parts[units[lowers[j + 1]]] = int(lowers[j])
            j += 2
        month, day, year = parts.get("month"), parts.get("day"), parts.get("year")
        if month is None and day is not None and year is None:
            value = _recent_day(day, pub)      # "7日": the 7th of the publication's month or the one before
            return DateExpr(i, j, "", "explicit", value, "day") if value else None
        if month is None or (day is None and year is None):
            return None
        if day is None:
            value = _safe_date(year, month, 1)
            return DateExpr(i, j, "", "explicit", value, "month") if value else None
        value = _safe_date(year, month, day) if year else _fit_year(month, day, pub)
        return DateExpr(i, j, "", "explicit", value, "day") if value else None

    def _day_month(self, lowers, i, pub):
        day = DAY_RE.match(lowers[i]) if i < len(lowers) else None
        if not day:
            return None
        j = i + 1 + (i + 1 < len(lowers) and lowers[i + 1] in (".", "de"))
        month = self.words.months.match_at(lowers, j) if j < len(lowers) else None
        if not month and i + 1 < len(lowers) and lowers[i + 1] == ".":
            month = self.words.months.match_at(lowers, i + 1)
            j = i + 1
        if not month:
            return None
        return self._dated(i, month[0], int(day.group(1)), month[1][0], lowers, pub)

    def _month_day(self, lowers, i, pub):
        month = self.words.months.match_at(lowers, i)
        if not month:
            return None
        j = month[0]
        day = DAY_RE.match(lowers[j]) if j < len(lowers) else None
        if day and not YEAR_RE.match(lowers[j]):
            return self._dated(i, j + 1, int(day.group(1)), month[1][0], lowers, pub)
        if j < len(lowers) and YEAR_RE.match(lowers[j]):
            return DateExpr(i, j + 1, "", "explicit", _safe_date(int(lowers[j]), month[1][0], 1), "month")
        return None

    def _dated(self, start, end, day, month, lowers, pub):
        """An explicit day-month expression, with the year that follows it if any."""
        k = end + (end < len(lowers) and lowers[end] == ",")
        if k < len(lowers) and YEAR_RE.match(lowers[k]):
            value, end = _safe_date(int(lowers[k]), month, day), k + 1
        else:
            value = _fit_year(month, day, pub)
        if value is None and pub is not None:
            return None
        return DateExpr(start, end, "", "explicit", value, "day" if value else "unknown")

    def _numeric(self, lowers, i, pub, loose=False):
        if i >= len(lowers):
            return None
        whole = NUMERIC_RE.match(lowers[i])
        if whole:
            a, b, year, end = int(whole.group(1)), int(whole.group(2)), int(whole.group(3)), i + 1
        else:
            parts = _slashed(lowers, i)
            if not parts or (len(parts[0]) == 2 and not loose):
                return None
            nums, end = parts
            a, b = nums[0], nums[1]
            year = nums[2] if len(nums) == 3 else None
        day, month = (a, b) if self.words.order == "dmy" else (b, a)
        if year is not None:
            year = year + 2000 if year < 100 else year
            value = _safe_date(year, month, day)
        else:
            value = _fit_year(month, day, pub)
        return DateExpr(i, end, "", "explicit", value, "day") if value else None

    def _year(self, lowers, i, pub):
        if not YEAR_RE.match(lowers[i]) or i == 0 or not self.words.preps.match_at(lowers, i - 1):
            return None
        return DateExpr(i, i + 1, "", "explicit", date(int(lowers[i]), 1, 1), "year")


def _slashed(lowers, i):
    """(numbers, end) for "16 / 6 / 2021" or "14 / 11" starting at token i, or None."""
    nums, j = [], i
    while j < len(lowers) and DIGITS_RE.match(lowers[j]) and len(nums) < 3:
        nums.append(int(lowers[j]))
        if j + 1 < len(lowers) and lowers[j + 1] == "/" and j + 2 < len(lowers) and DIGITS_RE.match(lowers[j + 2]):
            j += 2
        else:
            j += 1
            break
    if len(nums) < 2:
        return None
    return nums, j
