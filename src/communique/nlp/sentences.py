"""Sentence splitting that survives abbreviations (Dr., U.S., p.m.) and glued sentences (nya.Dalam)."""

import re

END_RE = re.compile(r"[.!?。！？؟]+[\"”’»)\]」』]*")
FULL_WIDTH_ENDS = frozenset("。！？")     # end a sentence with no space after them (Chinese)
WORD_BEFORE_RE = re.compile(r"(\S+)$")
HARD_BREAK_RE = re.compile(r"\n\s*")


def _is_abbreviation(word, abbreviations):
    """Whether the word ending at a full stop (dot included) is an abbreviation or an initial."""
    bare = word.lstrip("(\"“'")
    if bare.lower() in abbreviations:
        return True
    letters = bare.rstrip(".")
    return len(letters) == 1 and letters.isalpha() and letters.isupper()


def _boundary(text, match, abbreviations):
    """Whether a run of end punctuation ends a sentence."""
    end = match.end()
    if end >= len(text) or FULL_WIDTH_ENDS & set(match.group()):
        return True
    nxt = text[end]
    word = WORD_BEFORE_RE.search(text[:match.start() + 1])
    word = word.group(1) if word else ""
    if nxt.isspace():
        rest = text[end:].lstrip()
        if not rest or rest[0].islower():
            return False
        return "." not in match.group() or not _is_abbreviation(word, abbreviations)
    if not nxt.isalpha() or not nxt.isupper() or match.group() != ".":
        return False
    stem = word.rstrip(".")
    if stem.endswith((")", "\"", "”")):
        return True
    return len(stem) >= 3 and stem.isalpha() and stem.islower() and not _is_abbreviation(word, abbreviations)


def split_sentences(text, abbreviations=frozenset()):
    """(start, end) character spans of the sentences of text; line breaks always end a sentence."""
    spans, line_start = [], 0
    for line in HARD_BREAK_RE.split(text):
        offset = text.index(line, line_start) if line else line_start
        line_start = offset + len(line)
        start = 0
        for match in END_RE.finditer(line):
            if _boundary(line, match, abbreviations):
                spans.append((offset + start, offset + match.end()))
                start = match.end()
        spans.append((offset + start, offset + len(line)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text, start, end):
    """A span without its surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
