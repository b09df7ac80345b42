"""Event trigger patterns: compiled from a language's events.yaml, matched on tokens."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from communique.nlp.phrases import PhraseIndex
from communique.nlp.tokens import normalize, tokenize
from communique.resources import DataError, cached, load_yaml

GAP = 3          # words a "..." may skip
LEMMA_HEAD = 3   # letters a word shares with its lemma, checked before lemmatizing it
PREFIX_KEY = 3   # letters of a prefix trigger (x*) it is indexed by
PARTY = "<party>"  # the item for one actor's name
LONG_GAP = 7     # words a "...." may skip ("provided | nearly 25,000 tons of emergency food | aid")
HEAVY = 24       # a word starting more triggers than this gets them indexed by their second word
ACTOR_GAP = 4    # actor words it may skip besides ("accused Russia of", "expelled two Russian diplomats")
# punctuation a "..." gap may not cross; hyphens, currency signs and possessive endings it may, and
# they cost nothing ("secured a $3 billion loan from", "fired anti-aircraft batteries at",
# "welcomed Reagan's latest policy statement")
PUNCT_RE = re.compile(r"^[^\w\-–'’/&$€£¥₹\"„“”«»‚‘「」]+$")
FREE_IN_GAP = frozenset("$€£¥₹-–'’s\"„“”«»‚‘「」")    # "s" alone is only ever a possessive ending;
# quotation marks around a phrase inside a verb's bracket ("mit „militärisch-technischen“ Maßnahmen gedroht")
COMMAS = frozenset(",،、")


@dataclass(frozen=True)
class Item:
    """One position of a trigger: alternatives of literals, prefixes (x*) and lemmas (@x)."""

    literals: frozenset = frozenset()
    prefixes: tuple = ()
    lemmas: frozenset = frozenset()
    optional: bool = False
    gap: bool = False
    reach: int = 0              # plain words a gap may skip
    party: bool = False         # one actor's name, whole ("wants | Putin | to")
    heads: tuple = ()           # first letters of the lemmas: a word not starting so is not lemmatized

    def matches(self, lower, lemma):
        """Whether a token (lower form, lemma thunk) fits this item."""
        if lower in self.literals or any(lower.startswith(p) for p in self.prefixes):
            return True
        return bool(self.lemmas) and lower.startswith(self.heads) and lemma() in self.lemmas


@dataclass(frozen=True, eq=False)
class Pattern:
    """An event pattern: its code, rule id, trigger variants and argument hints (each pattern is
    one object, compared and hashed by identity)."""

    id: str
    code: str
    triggers: tuple
    symmetric: bool = False
    target_preps: PhraseIndex | None = None
    source_after: bool = False
    target_place: bool = False
    target_optional: bool = False
    passive: bool = False
    target_needs_prep: bool = False
    target_after: bool = False
    transitive: bool = False    # its verb takes an object: a bare participle of it after a noun is passive
    future: bool = False        # the trigger is a future form ("встретится", "wird ... treffen"): a weekday is the planned day


@dataclass(frozen=True)
class Trigger:
    """A pattern that fired, over tokens [start, end)."""

    pattern: Pattern
    start: int
    end: int


def _parse_alternative(text):
    """Split one alternative into (literals, prefixes, lemmas) contributions."""
    if text.startswith("@"):
        return set(), [], {normalize(text[1:])}
    if text.endswith("*") and len(text) > 1:
        return set(), [normalize(text[:-1])], set()
    return {normalize(text)}, [], set()


@lru_cache(maxsize=None)
def compile_item(word):
    """Compile one space-separated trigger item (one shared Item per distinct word, which keeps
    the compiled lexicon and its cache small)."""
    if word in ("...", "...."):
        return Item(gap=True, optional=True, reach=GAP if word == "..." else LONG_GAP)
    if word == PARTY:
        return Item(party=True)
    optional = word.endswith("?") and len(word) > 1
    word = word[:-1] if optional else word
    alternatives = word[1:-1].split("|") if word.startswith("(") and word.endswith(")") else [word]
    literals, prefixes, lemmas = set(), [], set()
    for alt in alternatives:
        lit, pre, lem = _parse_alternative(alt.strip())
        literals |= lit
        prefixes += pre
        lemmas |= lem
    return Item(frozenset(literals), tuple(prefixes), frozenset(lemmas), optional,
                heads=tuple(sorted({lem[:LEMMA_HEAD] for lem in lemmas})))


def _split_trigger(trigger):
    """Trigger items, with literal words tokenized the way text is ("Russia's" -> 3 tokens)."""
    items = []
    if any(w.count("(") != w.count(")") for w in str(trigger).split()):
        raise DataError(f"trigger {trigger!r}: an (a|b) alternative must be one token, with no space inside")
    for word in str(trigger).split():
        plain = not re.search(r"[()|*@?]", word) and word not in ("...", "....", PARTY)
        if plain:
            items.extend(compile_item(t.text) for t in tokenize(word))
        elif re.fullmatch(r"[^()|*@?]+\*", word) and len(tokenize(word[:-1])) > 1:
            parts = [t.text for t in tokenize(word[:-1])]      # "co-operat*": co - operat*
            items.extend(compile_item(t) for t in parts[:-1])
            items.append(compile_item(parts[-1] + "*"))
        else:
            items.append(compile_item(word))
    return tuple(items)


def compile_pattern(row, where):
    """A Pattern from one events.yaml entry; DataError names the file and entry when it is wrong."""
    if not isinstance(row, dict) or not row.get("id") or not row.get("code") or not row.get("triggers"):
        raise DataError(f"{where}: an event pattern needs id, code and triggers: {row!r}")
    triggers = tuple(t for t in (_split_trigger(x) for x in row["triggers"]) if t)
    for items in triggers:
        if items[0].optional or items[0].party or items[-1].gap:
            raise DataError(f"{where}: pattern {row['id']}: a trigger may not start optional or with "
                            f"{PARTY}, nor end in '...'")
    preps = None
    if row.get("target_preps"):
        preps = PhraseIndex()
        for prep in row["target_preps"]:
            preps.add(str(prep), True)
    return Pattern(id=str(row["id"]), code=str(row["code"]), triggers=triggers,
                   symmetric=bool(row.get("symmetric")), target_preps=preps,
                   source_after=row.get("source") == "after", target_place=bool(row.get("target_place")),
                   target_optional=bool(row.get("target_optional")), passive=bool(row.get("passive")),
                   target_needs_prep=bool(row.get("target_needs_prep")),
                   target_after=bool(row.get("target_after")), transitive=bool(row.get("transitive")),
                   future=bool(row.get("future")))


@dataclass
class PatternSet:
    """All event patterns of a language, indexed by what their first item can be."""

    patterns: list
    by_literal: dict = field(default_factory=dict)
    by_lemma: dict = field(default_factory=dict)
    by_prefix: list = field(default_factory=list)

    def __post_init__(self):
        for pattern in self.patterns:
            for items in pattern.triggers:
                # words the trigger cannot do without: a sentence lacking one is skipped at once
                required = tuple(it.literals for it in items[1:] if not it.optional and not it.gap
                                 and it.literals and not it.prefixes and not it.lemmas)
                entry = (pattern, items, required)
                first = items[0]
                for lit in first.literals:
                    self.by_literal.setdefault(lit, []).append(entry)
                for lem in first.lemmas:
                    self.by_lemma.setdefault(lem, []).append(entry)
                for pre in first.prefixes:
                    self.by_prefix.append((pre, entry))
        self._prefixes = tuple(pre for pre, _ in self.by_prefix)
        # prefix triggers by their first letters (up to PREFIX_KEY), in file order within each key
        self._by_head = {}
        for order, (pre, entry) in enumerate(self.by_prefix):
            self._by_head.setdefault(pre[:PREFIX_KEY], []).append((order, pre, entry))
        # the first letters of trigger lemmas: only a word starting so is lemmatized ("зустрівся" for
        # @зустрітися), which spares the lemmatizer every other word of the sentence
        self._lemma_heads = tuple(sorted({lem[:LEMMA_HEAD] for lem in self.by_lemma}))
        self._heavy = {lit: _second_word_index(entries) for lit, entries in self.by_literal.items()
                       if len(entries) > HEAVY}

    def literals(self):
        """Every literal word of every trigger."""
        return {lit for p in self.patterns for items in p.triggers for it in items for lit in it.literals}

    def prefixes(self):
        """Every word start (x*) of every trigger."""
        return {pre for p in self.patterns for items in p.triggers for it in items for pre in it.prefixes}

    def candidates(self, lower, lemma, present):
        """(pattern, items, required words) whose first item may match a token, in file order; for
        a word that starts many triggers, only those the sentence's words (present) can complete."""
        heavy = self._heavy.get(lower)
        found = _by_second_word(heavy, present, self.by_literal[lower]) if heavy \
            else list(self.by_literal.get(lower, ()))
        if self._lemma_heads and lower.startswith(self._lemma_heads):
            found += self.by_lemma.get(lemma(), ())
        found += self._prefixed(lower)
        return found

    def _prefixed(self, lower):
        """The entries of prefix triggers (x*) a word starts with, in file order."""
        keys = {lower[:n] for n in range(1, PREFIX_KEY + 1)}     # a short prefix is its own key
        hits = [hit for key in keys for hit in self._by_head.get(key, ()) if lower.startswith(hit[1])]
        return [entry for _, _, entry in sorted(hits, key=lambda h: h[0])]

    def find(self, lowers, lemma_of, blocked, stops=frozenset(), joins=frozenset(), auxiliaries=frozenset()):
        """Non-overlapping triggers in a sentence; blocked holds the token indices of actor names,
        which no trigger word may match but a "..." gap may skip; stops the words (complementizers) a
        gap may only start with ("demanded | that Russia release", but "announced on Monday that he will
        withdraw | weapons" is no arms delivery); joins ("und") and auxiliaries ("hat") let two
        participles share one auxiliary (see _shared_auxiliaries)."""
        hits = []
        present = set(lowers)
        literal, prefixes = self.by_literal, self._prefixes
        heads = self._lemma_heads
        starts = [i for i, lower in enumerate(lowers)
                  if lower in literal or (prefixes and lower.startswith(prefixes)) or (heads and lower.startswith(heads))]
        for i in starts:
            if i in blocked:
                continue
            for pattern, items, required in self.candidates(lowers[i], lambda: lemma_of(i), present):
                for need in required:
                    if present.isdisjoint(need):
                        break
                else:
                    end = _match(items, 0, lowers, i, lemma_of, blocked, stops)
                    if end > i:
                        hits.append(Trigger(pattern, i, end))
        return _non_overlapping(_shared_auxiliaries(hits, lowers, joins, blocked, auxiliaries))


def _shared_auxiliaries(hits, lowers, joins, blocked, auxiliaries):
    """A trigger whose gap holds a whole other trigger, with a name of its own and followed by
    "and", is a second verb sharing the first one's auxiliary ("hat mit X telefoniert und Y
    gewürdigt", "hat den Botschafter einbestellt und Moskau kritisiert"): it starts after the
    "and", so that both verbs are found. Two triggers opening on the same word share it only when
    it is an auxiliary ("providing images and intelligence" is one verb)."""
    if not joins:
        return hits
    out = []
    for hit in hits:
        cuts = [h.end for h in hits if h is not hit and h.end < hit.end - 1 and lowers[h.end] in joins
                and (hit.start < h.start or (hit.start == h.start and lowers[h.start] in auxiliaries))
                and not blocked.isdisjoint(range(h.start, h.end))]
        out.append(Trigger(hit.pattern, max(cuts) + 1, hit.end) if cuts else hit)
    return out


def _second_word_index(entries):
    """For a word that starts many triggers: (positions of entries needing no further word,
    {word: positions of entries whose first required word set holds it})."""
    free, by_word = [], {}
    for k, (_, _, required) in enumerate(entries):
        if not required:
            free.append(k)
        for word in required[0] if required else ():
            by_word.setdefault(word, []).append(k)
    return free, by_word


def _by_second_word(index, present, entries):
    """The entries of a many-trigger word that the sentence's words can still complete, in order."""
    free, by_word = index
    keep = set(free)
    for word in present:
        more = by_word.get(word)
        if more:
            keep.update(more)
    return [entries[k] for k in sorted(keep)]


def _match(items, k, lowers, i, lemma_of, blocked, stops):
    """The furthest end index where items[k:] match from token i, or -1."""
    if k == len(items):
        return i
    item = items[k]
    best = -1
    if item.gap:
        plain = size = 0
        while plain <= item.reach and size <= item.reach + ACTOR_GAP:
            best = max(best, _match(items, k + 1, lowers, i + size, lemma_of, blocked, stops))
            j = i + size
            # punctuation inside a name or a date ("夏巴兹·谢里夫", "am 8. Juli") is no stop
            if j >= len(lowers) or (size and lowers[j] in stops) or (
                    PUNCT_RE.match(lowers[j]) and j not in blocked and not _aside(lowers, j, blocked)):
                break
            plain += j not in blocked and lowers[j] not in FREE_IN_GAP
            size += 1
        return best
    if item.party:
        j = i
        while j < len(lowers) and j in blocked and j - i < ACTOR_GAP:
            j += 1
        for end in range(j, i, -1):
            best = max(best, _match(items, k + 1, lowers, end, lemma_of, blocked, stops))
        return best
    if i < len(lowers) and i not in blocked and item.matches(lowers[i], lambda: lemma_of(i)):
        best = _match(items, k + 1, lowers, i + 1, lemma_of, blocked, stops)
    if item.optional:
        best = max(best, _match(items, k + 1, lowers, i, lemma_of, blocked, stops))
    return best


def _aside(lowers, j, blocked):
    """Whether the punctuation at j is a comma that sets off a date or a name inside a gap
    ("طردت بولندا، يوم الأربعاء، 45 دبلوماسيا": expelled Poland, on Wednesday, 45 diplomats)."""
    return lowers[j] in COMMAS and ((j - 1) in blocked or (j + 1) in blocked)


def _non_overlapping(hits):
    """Keep the longest triggers, then the earliest, dropping any that overlap a kept one."""
    kept, used = [], set()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        span = set(range(hit.start, hit.end))
        if not span & used:
            kept.append(hit)
            used |= span
    return sorted(kept, key=lambda h: h.start)


@lru_cache(maxsize=None)
def load_patterns(iso):
    """The compiled PatternSet of a language, once per process (and cached on disk)."""
    return cached(f"patterns-{iso}", (f"lang/{iso}",), lambda: build_patterns(iso), code=(__file__,))


def build_patterns(iso):
    """The compiled PatternSet of a language, from its events.yaml."""
    where = f"lang/{iso}/events.yaml"
    rows = load_yaml("lang", iso, "events.yaml", default=[])
    seen = set()
    patterns = []
    for row in rows:
        pattern = compile_pattern(row, where)
        if pattern.id in seen:
            raise DataError(f"{where}: duplicate pattern id {pattern.id}")
        seen.add(pattern.id)
        patterns.append(pattern)
    return PatternSet(patterns)
