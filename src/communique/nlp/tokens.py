"""Tokens with character offsets; one tokenizer for every space-delimited language."""

import re
import unicodedata
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"          # initialisms: U.S., p.m., U.N.
    r"|\d+(?:[.,:]\d+)+"          # numbers and times: 3.5, 10:30, 1,000
    r"|\w[\w\u064b-\u065f\u0670]*"    # words, Arabic vowel marks inside them
    r"|[^\w\s]",                   # any other single character
    re.UNICODE,
)
def _latin_base(char):
    """A Latin letter without its accent ("é" -> "e", "ñ" -> "n"); letters with no base stay."""
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() and base.isalpha() else char


# Latin letters match without their accents: wire archives and social media drop them
# ("carcel", "Jerico", "motin"); Cyrillic (й, ё), Greek and other scripts keep theirs
ACCENTS = {c: _latin_base(c) for c in map(chr, range(0xC0, 0x250)) if c.isalpha() and _latin_base(c) != c}
APOSTROPHES = str.maketrans({**ACCENTS, "’": "'", "‘": "'", "`": "'",
                             "،": ",", "؛": ";", "؟": "?",                      # Arabic punctuation
                             **{chr(0x660 + d): str(d) for d in range(10)},     # Arabic-Indic digits
                             **{chr(0x6F0 + d): str(d) for d in range(10)},     # Persian digits
                             **{chr(c): None for c in (*range(0x64B, 0x660), 0x670, 0x640)}})  # vowel marks, tatweel


class Token(NamedTuple):
    """One token: its text, character offsets in the document and lower-cased form."""

    text: str
    start: int
    end: int
    lower: str

    @property
    def is_title(self):
        """Whether the token starts with an upper-case letter, or its script has no case."""
        first = self.text[0]
        return first.isupper() or (first.isalpha() and first == first.lower() == first.upper())


def normalize(text):
    """The matching form of a token: lower-cased, with one kind of apostrophe, ASCII digits, Latin
    letters without accents and no Arabic vowel marks."""
    return text.translate(APOSTROPHES).lower()


def tokenize(text, offset=0):
    """Split text into tokens whose offsets are relative to the document (text starts at offset)."""
    new, folds = tuple.__new__, APOSTROPHES
    return [new(Token, (m.group(), m.start() + offset, m.end() + offset, m.group().translate(folds).lower()))
            for m in TOKEN_RE.finditer(text)]


def span_text(tokens, start, end):
    """The original text of tokens[start:end], joined with single spaces where they had space."""
    out = tokens[start].text
    for prev, token in zip(tokens[start:end], tokens[start + 1:end]):
        out += (" " if token.start > prev.end else "") + token.text
    return out


SIMPLE_RE = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*$")


def phrase_key(phrase):
    """The token tuple a data-file phrase matches."""
    if SIMPLE_RE.match(phrase):
        return tuple(phrase.translate(APOSTROPHES).lower().split(" "))
    return tuple(t.lower for t in tokenize(phrase))
