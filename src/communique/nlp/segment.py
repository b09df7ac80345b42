"""A language's own tokenizer: the shared one, plus what its grammar asks for -- a word segmenter
for unspaced scripts (jieba), proclitics split off (Arabic), inflected forms read as the known name
or role word of the same stem (Russian, Ukrainian, German genitives). The vocabulary is every token
of the language's data. No lemmatizer: its dictionaries cost 100-180 MB a language."""

import logging
import re
from functools import lru_cache

from communique.nlp.tokens import Token, tokenize

CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MIN_STEM = 3        # letters a stem keeps after its ending is cut ("москв" of "Москве")
MIN_INFLECTED = 4   # shorter words are never read as another word
MIN_REST = 2        # letters a word keeps after a clitic is split off
MAX_CLITICS = 3     # "وبال" + word: and + with + the
READ_CACHE = 200_000  # inflected words remembered with their readings
HEAVY_WORD = 10 ** 7   # jieba frequency of a vocabulary word: it always comes out whole


class Segmenter:
    """Tokenizes the sentences of one language the way its data files were written."""

    def __init__(self, lang, vocabulary, prefixes=(), inflected=None):
        """vocabulary: every word of the language's data; prefixes: trigger word starts; inflected:
        the words an inflected form may be read as (names and roles; function, time and trigger
        words list their forms or match them by prefix or lemma themselves)."""
        self.lang = lang
        self.vocabulary = frozenset(vocabulary)
        self.inflected = self.vocabulary if inflected is None else frozenset(inflected)
        self.prefixes = tuple(p for p in prefixes if len(p) >= MIN_REST)
        # one-character names and roles stay jieba's to judge: forced whole, 法 (France) would cut
        # 方法 (method); one-character function and trigger words (同, 了) are forced
        forced = (w for w in self.vocabulary if CJK_RE.search(w) and (len(w) > 1 or w not in self.inflected))
        self.jieba = _jieba(tuple(sorted(forced))) if lang.segmenter == "jieba" else None
        self.stems = _stems(self.inflected, lang.endings) if lang.endings else {}
        self._read = {}
        self.units = {w for forms in (lang.time.get("units") or {}).values() for w in forms if len(w) == 1}
        self.plain = self.jieba is None and not lang.clitics and not lang.endings

    def tokenize(self, text, offset=0):
        """The tokens of text (offsets relative to the document, text starting at offset)."""
        tokens = tokenize(text, offset)
        if self.plain:
            return tokens
        out = []
        for token in tokens:
            if self.jieba is not None and CJK_RE.search(token.text):
                out.extend(self._segment(token))
            elif token.lower in self.vocabulary or not token.text[0].isalpha():
                out.append(token)
            elif self.lang.clitics:
                out.extend(self._split(token, MAX_CLITICS) or (token,))
            else:
                out.append(self._inflected(token))
        return out

    def _segment(self, token):
        """The words jieba finds in one unspaced run; a date unit after a number stands alone
        ("7日同" is 7 | 日 | 同, not 7 | 日同)."""
        base, lower, out = token.start, token.lower, []
        for word, s, e in self.jieba.tokenize(token.text, HMM=True):
            if word.isspace():
                continue
            cut = s + 1 if (len(word) > 1 and word[0] in self.units and out and out[-1].lower.isdigit()) else s
            if cut > s:
                out.append(tuple.__new__(Token, (token.text[s:cut], base + s, base + cut, lower[s:cut])))
            out.append(tuple.__new__(Token, (token.text[cut:e], base + cut, base + e, lower[cut:e])))
        return out

    def _split(self, token, depth):
        """The clitics and the word of a token the vocabulary lacks (None when no split reads)."""
        lower = token.lower
        for clitic in self.lang.clitics:
            if not lower.startswith(clitic) or len(lower) - len(clitic) < MIN_REST:
                continue
            restore = self.lang.clitic_restore.get(clitic)
            cut = 1 if restore else len(clitic)
            rest_lower = restore + lower[len(clitic):] if restore else lower[cut:]
            head = tuple.__new__(Token, (token.text[:cut], token.start, token.start + cut, lower[:cut]))
            rest = tuple.__new__(Token, (token.text[cut:], token.start + cut, token.end, rest_lower))
            if self._known(rest_lower):
                return [head, rest]
            if depth > 1:
                deeper = self._split(rest, depth - 1)
                if deeper:
                    return [head] + deeper
        return None

    def _known(self, lower):
        """Whether a word is in the vocabulary or starts a trigger written as a prefix."""
        return lower in self.vocabulary or lower.startswith(self.prefixes)

    def _inflected(self, token):
        """The token read as the name or role word of its stem, or as it is."""
        lower = token.lower
        if len(lower) < MIN_INFLECTED:
            return token
        found = self._read.get(lower, False)
        if found is False:
            if len(self._read) >= READ_CACHE:
                self._read.clear()      # a long corpus meets words without end; keep memory flat
            found = self._read[lower] = self._reading(lower)
        return token if found is None else token._replace(lower=found)

    def _reading(self, lower):
        """The vocabulary word an inflected word stands for, or None."""
        for stem in _cuts(lower, self.lang.endings):
            if stem in self.stems:
                return self.stems[stem]
        return None


def _cuts(word, endings):
    """The stems of a word: the word itself, then without each ending it has (longest first)."""
    yield word
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            yield word[:-len(ending)]


def _stems(vocabulary, endings):
    """Stem -> vocabulary word, for the words of letters long enough to inflect (first word wins)."""
    stems = {}
    for word in sorted(vocabulary):
        if len(word) >= MIN_INFLECTED and word.isalpha():
            for stem in _cuts(word, endings):
                stems.setdefault(stem, word)
    return stems


@lru_cache(maxsize=4)
def _jieba(words):
    """A jieba tokenizer that keeps every vocabulary word whole (built once per process)."""
    import jieba
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    for word in words:
        segmenter.add_word(word, freq=HEAVY_WORD)
    return segmenter
