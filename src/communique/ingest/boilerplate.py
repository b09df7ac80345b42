"""Dropping the boilerplate lines of scraped pages: per-language data plus general heuristics."""

import re
from functools import lru_cache

from communique.resources import load_yaml

SHORT_LINE = 200
URL_RE = re.compile(r"https?://|www\.", re.I)
WORD_RE = re.compile(r"\w+", re.UNICODE)
CJK_RE = re.compile(r"[\u3400-\u9fff]{3}")   # three Chinese characters: words of an unspaced line
CJK_CHAR_RE = re.compile(r"[\u3400-\u9fff]")
FLAGS_RE = re.compile(r"^\(\?[aiLmsux]+\)")   # inline flags; every pattern is case-insensitive anyway
END_PUNCT = (".", "!", "?", '"', "”", "»", "。", "！", "？", ":")


@lru_cache(maxsize=None)
def _rules(langs):
    """(lines, prefixes, patterns) of the boilerplate files of some languages."""
    lines, prefixes, patterns = set(), [], []
    for iso in langs:
        data = load_yaml("lang", iso, "boilerplate.yaml", default={})
        lines.update(_fold(x) for x in data.get("lines") or [])
        prefixes.extend(_fold(x) for x in data.get("prefixes") or [])
        patterns.extend(f"(?:{FLAGS_RE.sub('', p)})" for p in data.get("patterns") or [])
    combined = re.compile("|".join(patterns), re.I) if patterns else None
    return frozenset(lines), tuple(prefixes), combined


def _fold(text):
    """A line's comparison form: trimmed, lower-cased, single-spaced."""
    return " ".join(str(text).split()).lower()


def is_boilerplate(line, langs=("en",)):
    """Whether a line of a scraped page is boilerplate rather than article text."""
    folded = _fold(line)
    if not folded:
        return True
    lines, prefixes, patterns = _rules(tuple(langs))
    if folded in lines or (patterns is not None and patterns.search(line.strip())):
        return True
    if len(folded) < SHORT_LINE and prefixes and folded.startswith(prefixes):
        return True
    words = WORD_RE.findall(folded)
    if not any(w.isalpha() or CJK_RE.search(w) for w in words):
        return True     # no word of letters ("12月7日电" and other unspaced text have digits inside)
    if _word_count(words) <= 2 and not folded.endswith(END_PUNCT):
        return True
    return ("://" in line or "www." in folded) and len(URL_RE.findall(line)) * 8 > len(words)


def _word_count(words):
    """How many words a line holds; an unspaced Chinese run counts one word per two characters."""
    return sum(max(1, len(CJK_CHAR_RE.findall(w)) // 2) for w in words)


def kept_spans(text, langs=("en",)):
    """(start, end) of the lines of text that are article text, in order."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not is_boilerplate(line, langs):
            body = line.rstrip("\r\n")
            spans.append((start, start + len(body)))
    return spans
