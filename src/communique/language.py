"""One language's knowledge, loaded from its data folder: function words, roles, abbreviations."""

from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from communique.nlp.phrases import PhraseIndex
from communique.resources import DataError, cached, load_yaml

_MISSING = object()
GRAMMAR_KINDS = ("coordination", "between", "negation", "future", "hypothetical", "passive_aux",
                 "passive_agent", "locative", "directional", "pronouns_person", "pronouns_group",
                 "possessive", "reporting", "clause_break", "relative", "counterpart", "of", "articles",
                 "honorifics", "name_particles", "institution_words", "topic", "stance", "place_modifiers",
                 "continuation", "refusal", "precondition", "obligation", "dual", "role_modifiers",
                 "partitives", "not_object", "before_verb", "participles", "stance_after",
                 "place_relatives", "subject_group")


@dataclass(frozen=True)
class Role:
    """A role word: what a person is, and the sector it puts an actor in."""

    phrase: str
    role: str | None
    sector: str | None
    country: str | None = None
    exact: bool = False         # match only with the same capitals ("General", not "general")


@dataclass(eq=False)
class Language:
    """The data of one language, ready for matching."""

    iso: str
    grammar: PhraseIndex = field(default_factory=PhraseIndex)
    roles: PhraseIndex = field(default_factory=PhraseIndex)
    abbreviations: frozenset = frozenset()
    time: dict = field(default_factory=dict)
    boilerplate: dict = field(default_factory=dict)
    not_passive_suffixes: tuple = ()
    role_head: str = "last"        # which of several role words heads a title: "last" or "first"
    adjectives_first: bool = False  # adjectives stand before their noun ("Israeli shelling")
    participle_suffixes: tuple = ()  # endings of past participles ("brokered by Qatar" is passive)
    complementizers: frozenset = frozenset()  # "that", "bahwa": a trigger's "..." gap may open with one, not cross it
    joins: frozenset = frozenset()  # one-word coordination ("und"): two verbs may share an auxiliary across it
    auxiliaries: frozenset = frozenset()  # "hat", "a": the finite verb of a verb bracket, shared by coordinated participles
    negation_in_gap: bool = False   # negation stands inside the verb's bracket: "hat Putin nicht getroffen"
    segmenter: str | None = None    # "jieba": words of unspaced text come from a segmenter (Chinese)
    clitics: tuple = ()             # proclitics split off a word the vocabulary lacks (Arabic و ب ل ال)
    clitic_restore: dict = field(default_factory=dict)  # "لل" -> "ال": ل + the article's full form
    endings: tuple = ()             # case endings: an unknown word reads as the known word of its stem
    verb_first: bool = False        # a clause may open with its verb, the subject after it (Arabic VSO)
    _lemmas: dict = field(default_factory=dict)
    _memo_tokens: list | None = None
    _memo: dict = field(default_factory=dict)
    starts: frozenset = frozenset()   # tokens some function-word phrase starts with

    def __post_init__(self):
        self.starts = self.grammar.first_tokens()

    def lemma(self, lower):
        """The lemma of a lower-cased token (simplemma, cached); the token itself when unknown."""
        found = self._lemmas.get(lower)
        if found is None:
            try:
                found = simplemma.lemmatize(lower, lang=self.iso).lower()
            except (ValueError, KeyError):
                found = lower
            self._lemmas[lower] = found
        return found

    def kinds_before(self, lowers, index):
        """The grammar kinds of the function-word phrase that ends right before token index
        ("where", "di mana"), or an empty set."""
        if index <= 0:
            return frozenset()
        hit = self.kinds_at(lowers, index - 1)
        if hit and hit[0] == index:
            return hit[1]
        hit = self.grammar.ends_before(lowers, index)
        return frozenset(hit[1]) if hit else frozenset()

    def kinds_at(self, lowers, i):
        """(end, set of grammar kinds) of the longest function-word phrase at token i, or None;
        remembered for the sentence being read (the same list of tokens)."""
        if self._memo_tokens is not lowers:
            self._memo_tokens, self._memo = lowers, {}
        found = self._memo.get(i, _MISSING)
        if found is _MISSING:
            hit = self.grammar.match_at(lowers, i)
            found = self._memo[i] = (hit[0], frozenset(hit[1])) if hit else None
        return found


def _grammar_index(iso):
    """The function-word index of a language: phrase -> kinds."""
    grammar = load_yaml("lang", iso, "grammar.yaml", default={})
    index = PhraseIndex()
    for kind in GRAMMAR_KINDS:
        for phrase in grammar.get(kind) or []:
            index.add(str(phrase), kind)
    return index


def _role_index(iso):
    """The role-word index of a language: phrase -> Role."""
    index = PhraseIndex()
    for row in load_yaml("lang", iso, "roles.yaml", default=[]):
        if not isinstance(row, dict) or not row.get("phrase"):
            raise DataError(f"lang/{iso}/roles.yaml: every entry needs a phrase: {row!r}")
        index.add(str(row["phrase"]), Role(str(row["phrase"]), row.get("role"), row.get("sector"),
                                           row.get("country"), bool(row.get("exact"))))
    return index


@lru_cache(maxsize=None)
def load_language(iso):
    """The Language for an ISO code, loaded once per process (and cached on disk)."""
    return cached(f"language-{iso}", (f"lang/{iso}",), lambda: build_language(iso), code=(__file__,))


def build_language(iso):
    """The Language for an ISO code, built from its data folder."""
    abbrevs = load_yaml("lang", iso, "abbreviations.yaml", default={}).get("abbreviations") or []
    grammar = load_yaml("lang", iso, "grammar.yaml", default={})
    return Language(
        iso=iso,
        grammar=_grammar_index(iso),
        roles=_role_index(iso),
        abbreviations=frozenset(a.lower() for a in abbrevs),
        time=load_yaml("lang", iso, "time.yaml", default={}),
        boilerplate=load_yaml("lang", iso, "boilerplate.yaml", default={}),
        not_passive_suffixes=tuple(grammar.get("not_passive_suffixes") or ()),
        role_head=grammar.get("role_head", "last"),
        adjectives_first=bool(grammar.get("adjectives_first")),
        participle_suffixes=tuple(grammar.get("participle_suffixes") or ()),
        complementizers=frozenset(str(w).lower() for w in grammar.get("complementizers") or ()),
        joins=frozenset(str(w).lower() for w in grammar.get("coordination") or () if " " not in str(w)),
        auxiliaries=frozenset(str(w).lower() for w in grammar.get("auxiliaries") or ()),
        negation_in_gap=bool(grammar.get("negation_in_gap")),
        segmenter=grammar.get("segmenter"),
        verb_first=bool(grammar.get("verb_first")),
        clitics=tuple(sorted((str(c) for c in grammar.get("clitics") or ()), key=len, reverse=True)),
        clitic_restore={str(k): str(v) for k, v in (grammar.get("clitic_restore") or {}).items()},
        endings=tuple(sorted((str(e) for e in grammar.get("endings") or ()), key=len, reverse=True)),
    )
