"""Actor mentions in a sentence: dictionary names, roles, discovered people, pronouns, places."""

from dataclasses import dataclass, field

from communique.actors.records import Actor
from communique.actors.world import KIND_PRIORITY
from communique.nlp.tokens import phrase_key, span_text, tokenize

PLACE_KINDS = {"city", "country"}
GENERIC_ROLES = {"official", "diplomat", "minister", "counterpart", "lawmaker", "envoy", "ambassador"}
COUNTRYISH = {"country", "seat", "city"}
NAMED_ROLES = {"president", "prime_minister", "chancellor", "foreign_minister", "defence_minister",
               "national_security_adviser", "secretary_general", "head_of_state", "head_of_government",
               "vice_president", "high_representative", "commission_president", "monarch"}

LOWER_ATOM_KINDS = {"counterpart", "pronouns_person", "pronouns_group", "dual"}
HYPHENS = frozenset("-‐")
CASELESS_NAME = 3   # tokens a name in a script without capitals may have after its title ("王毅")
PRONOUNS = frozenset({"pronoun", "they"})     # atoms that point back to an actor named before
SLOT_KINDS = {"countryish": COUNTRYISH, "person": {"person", "cap"} | PRONOUNS, "org": {"org"}, "role": {"role"}}


@dataclass
class Atom:
    """One dictionary hit or capitalised name in a sentence, by token indices."""

    kind: str            # person | org | seat | country | city | role | cap | pronoun | group
    start: int
    end: int
    entity: object = None
    role: object = None
    actor: Actor | None = None   # a recalled person or a pronoun's referent


@dataclass
class Mention:
    """A run of atoms naming one actor, or a place."""

    start: int
    end: int
    atoms: list = field(default_factory=list)
    actor: Actor | None = None
    place: object = None          # the city or country entity when the mention names a place
    prep: str | None = None       # "locative" or "directional" when a preposition introduces it; "dateline"
    text: str = ""
    span: tuple = (0, 0)          # character offsets in the document
    pair_second: bool = False     # the second party of "the two leaders" (coordinated with the first)

    def slot(self, kind):
        """The first atom of a kind-group in the mention, or None."""
        group = SLOT_KINDS[kind]
        return next((a for a in self.atoms if a.kind in group), None)


MAX_PREP_WORDS = 3      # the longest place preposition looked for before a mention ("in der nähe von")


class MentionFinder:
    """Finds actor mentions with one language's data and one world dictionary."""

    def __init__(self, lang, world, verbs=frozenset(), verb_starts=()):
        self.lang = lang
        self.world = world
        self.verbs, self.verb_starts = frozenset(verbs), tuple(verb_starts)   # trigger words: never names
        self.time_words = _time_words(lang.time)
        # lower-case words that may start an atom: role words, counterparts, pronouns and the
        # lower-case forms of names (adjectives: "tropas rusas")
        self.starts = lang.roles.first_tokens() | lang.grammar.first_tokens(LOWER_ATOM_KINDS) \
            | {form[0] for form in world.lowercase}

    def find(self, text, tokens, lowers, ctx, dates=()):
        """Mentions in a sentence of a document text, left to right; updates the document context.
        dates: (start, end) token spans of date expressions, which hold no names ("3月7日": no Japan)."""
        ctx.start_sentence()
        atoms = [a for a in self._atoms(tokens, lowers, ctx)
                 if not any(start < a.end and a.start < end for start, end in dates)]
        mentions = self._group(atoms, tokens, lowers)
        mentions = self._appositives(mentions, lowers)
        resolved = []
        for mention in mentions:
            if mention.atoms[0].kind == "dual":
                resolved += _pair_mentions(mention, text, tokens, ctx)
                continue
            self._resolve(mention, text, tokens, lowers, ctx)
            resolved.append(mention)
        return [m for m in resolved if m.actor is not None or m.place is not None]

    # -- atoms ---------------------------------------------------------------------------------

    def _atoms(self, tokens, lowers, ctx):
        """Dictionary, role, name and pronoun atoms, longest match first."""
        atoms, i = [], 0
        while i < len(tokens):
            if not tokens[i].is_title and lowers[i] not in self.starts:
                i += 1          # a lower-case word that starts no role or function word: no atom
                continue
            atom = self._atom_at(tokens, lowers, i, ctx)
            if atom is None and _caseless(tokens[i]) and _after_title(atoms, i):
                atom = self._caseless_name(tokens, lowers, i, ctx)
            if atom:
                atoms.append(atom)
                i = atom.end
            else:
                i += 1
        return atoms

    def _atom_at(self, tokens, lowers, i, ctx):
        """The best atom starting at token i, or None."""
        name = self._name_at(tokens, lowers, i, ctx)
        if name and (self._inside_name(name, tokens, lowers) or self._stance_before(lowers, i)
                     or self._stance_after(tokens, lowers, name.end)):
            name = None
        role = self.lang.roles.match_at(lowers, i)
        if role and role[1][0].exact and " ".join(t.text for t in tokens[i:role[0]]) != " ".join(
                t.text for t in tokenize(role[1][0].phrase)):
            role = None
        if role and (not name or role[0] > name.end):
            return Atom("role", i, role[0], role=role[1][0])
        if name:
            return name
        kinds = self.lang.kinds_at(lowers, i)
        if kinds and "dual" in kinds[1]:
            return Atom("dual", i, kinds[0])
        if kinds and "counterpart" in kinds[1]:
            return Atom("role", i, kinds[0], role=_COUNTERPART)
        if kinds and kinds[1] & {"pronouns_person", "pronouns_group"} and kinds[0] == i + 1:
            return self._pronoun(i, kinds[1], ctx)
        return self._cap_at(tokens, lowers, i, ctx)

    def _name_at(self, tokens, lowers, i, ctx):
        """A world-dictionary name starting at token i, case rules applied; among places of one
        name, the one in a country the document has named wins, then the most populous."""
        hit = self.world.names.match_at(lowers, i)
        if not hit or not (tokens[i].is_title or tuple(lowers[i:hit[0]]) in self.world.lowercase):
            return None
        end, forms = hit
        if len(forms) == 1 and forms[0][1] is None:     # one entity, any spelling: the common case
            entity = forms[0][0]
            return Atom(entity.kind, i, end, entity=entity)
        text = " ".join(t.text for t in tokens[i:end])
        entities = list(dict.fromkeys(entity for entity, exact in forms
                                      if exact is None or exact == text.replace(" ", "") or exact == text))
        people = [e for e in entities if e.kind == "person"]
        if len(people) > 1:         # a shared name: whoever was in office on the document's date
            in_office = [p for p in people if ctx.day and any(t.holds(ctx.day) for t in p.terms)]
            entities = [e for e in entities if e.kind != "person"] + (in_office if len(in_office) == 1 else [])
        if not entities:
            return None
        # a capital before a bigger city that bears its name too ("New Delhi" is also Delhi's alias)
        best = min(entities, key=lambda e: (KIND_PRIORITY[e.kind], e.country not in ctx.countries,
                                            not e.capital, -e.population))
        return Atom(best.kind, i, end, entity=best)

    def _inside_name(self, atom, tokens, lowers):
        """Whether a non-capital city hit is really a word of a longer capitalised name
        ("Biro Urusan Eropa", "Alexi Ivanov"): a capitalised word stands right before or after it."""
        if atom.kind != "city" or atom.entity.capital:
            return False
        if atom.start > 0 and (self.lang.roles.ends_before(lowers, atom.start)
                               or self._honorific_before(lowers, atom.start)):
            return True
        for j in (atom.start - 1, atom.end):
            kinds = self.lang.kinds_at(lowers, j) if 0 <= j < len(tokens) else None
            if 0 <= j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].text.isalpha() \
                    and (not kinds or kinds[1] <= {"place_modifiers"}) and not self.lang.roles.match_at(lowers, j) \
                    and not self.world.names.match_at(lowers, j):
                return True     # "Biro Urusan Eropa", "South Carolina" (a capitalised "South" is a name)
        return False

    def _owned(self, lowers, start):
        """Whether a possessive pronoun ("its", "their") stands right before a mention."""
        kinds = self.lang.kinds_at(lowers, start - 1) if start else None
        return bool(kinds and "pronouns_group" in kinds[1])

    def _stance_before(self, lowers, start):
        """Whether "anti-"/"pro-" stands right before a name ("anti-Syria journalist"): the name
        is then a stance, not an actor."""
        if start < 2 or lowers[start - 1] not in ("-", "‐"):
            return False
        kinds = self.lang.kinds_at(lowers, start - 2)
        return bool(kinds and "stance" in kinds[1])

    def _stance_after(self, tokens, lowers, end):
        """Whether a glued hyphen and a relation word follow a name ("Syrian-backed militia",
        "Russian-made rockets"): the name is then a relation, not an actor."""
        if end + 1 >= len(lowers) or lowers[end] not in ("-", "‐") or tokens[end].start != tokens[end - 1].end:
            return False
        kinds = self.lang.kinds_at(lowers, end + 1)
        return bool(kinds and "stance_after" in kinds[1])

    def _honorific_before(self, lowers, start):
        """Whether an honorific (Dr., Mr.) stands right before a token."""
        return "honorifics" in self.lang.kinds_before(lowers, start) or (
            start > 0 and lowers[start - 1] == "." and "honorifics" in self.lang.kinds_before(lowers, start - 1))

    def _pronoun(self, i, kinds, ctx):
        """A pronoun atom; whom it names is settled in reading order (see DocContext.antecedent); a
        sentence-opening "they" after a sentence about a group is that group."""
        if i == 0 and "subject_group" in kinds and ctx.group_antecedent() is not None:
            return Atom("they", i, i + 1)
        return Atom("pronoun", i, i + 1) if "pronouns_person" in kinds else None

    def _cap_at(self, tokens, lowers, i, ctx):
        """A run of capitalised words that may be an unknown or remembered person's name."""
        end = i
        while end < len(tokens) and (self._name_token(tokens, lowers, end, end == i)
                                     or (end > i and _joins_name(tokens, end))):
            end += 1
        while end > i and self.lang.kinds_at(lowers, end - 1):
            end -= 1
        if end == i:
            return None
        if any(self._institution(lowers, j) for j in range(i, end)):
            return Atom("institution", i, end)
        name = " ".join(t.text for t in tokens[i:end])
        return Atom("cap", i, end, actor=ctx.recall(name))

    def _caseless_name(self, tokens, lowers, i, ctx):
        """In a script without capitals, the words right after a title that may be a person's name:
        up to CASELESS_NAME words that are no function, time, trigger or dictionary word."""
        end = i
        while end < len(tokens) and end - i < CASELESS_NAME and self._caseless_word(tokens, lowers, end, end == i):
            end += 1
        if end == i:
            return None
        return Atom("cap", i, end, actor=ctx.recall(span_text(tokens, i, end)))

    def _caseless_word(self, tokens, lowers, j, first):
        """Whether token j may be a word of a name in a script without capitals."""
        if not _caseless(tokens[j]) or not tokens[j].text.isalpha() or lowers[j] in self.time_words:
            return False
        kinds = self.lang.kinds_at(lowers, j)
        if kinds:       # a particle inside a name ("بن"), never a function word
            return "name_particles" in kinds[1] and not first and j + 1 < len(tokens) and _caseless(tokens[j + 1])
        return not (self.world.names.match_at(lowers, j) or self.lang.roles.match_at(lowers, j)
                    or self._verb(lowers[j]))

    def _verb(self, lower):
        """Whether a word is, or starts like, an event trigger word."""
        return lower in self.verbs or lower.startswith(self.verb_starts)

    def _institution(self, lowers, j):
        """Whether a word marks a capitalised run as an institution, not a person (Bureau, Biro)."""
        kinds = self.lang.kinds_at(lowers, j)
        return bool(kinds and "institution_words" in kinds[1])

    def _name_token(self, tokens, lowers, j, first):
        """Whether token j can be part of a capitalised name."""
        token = tokens[j]
        if lowers[j] in self.time_words or not token.text.isalpha():
            return False
        kinds = self.lang.kinds_at(lowers, j)
        if kinds and "name_particles" in kinds[1] and not first:
            return j + 1 < len(tokens) and tokens[j + 1].is_title
        if kinds and "institution_words" in kinds[1]:
            return token.text[0].isupper()
        if kinds and "coordination" in kinds[1] and not first and self._institution_before(lowers, j):
            return j + 1 < len(tokens) and tokens[j + 1].is_title
        if kinds or self._world_name_at(lowers, j) or self._verb(lowers[j]):
            return False        # German capitalises nouns: "Luftangriffe" is a trigger, no name
        role = self.lang.roles.match_at(lowers, j)
        if role:        # a one-word title ending a name is a surname: "Tom King", not King Tom
            return not first and role[0] == j + 1 and token.is_title and (
                j + 1 == len(tokens) or not tokens[j + 1].text[:1].isupper())
        return token.text[0].isupper()

    def _institution_before(self, lowers, j):
        """Whether an institution word stands shortly before token j ("Biro Urusan Eropa dan Eurasia")."""
        return any(self._institution(lowers, k) for k in range(max(0, j - 4), j))

    def _world_name_at(self, lowers, j):
        """Whether a dictionary name other than a non-capital city starts at token j."""
        hit = self.world.names.match_at(lowers, j)
        return bool(hit) and any(e.kind != "city" or e.capital for e, _ in hit[1])

    # -- grouping ------------------------------------------------------------------------------

    def _group(self, atoms, tokens, lowers):
        """Join adjacent compatible atoms (role, country, name) into mentions."""
        mentions = []
        for atom in atoms:
            last = mentions[-1] if mentions else None
            if last and self._joins(last, atom, lowers):
                last.atoms.append(atom)
                last.end = atom.end
            elif atom.kind != "institution":
                mentions.append(Mention(atom.start, atom.end, [atom]))
        return mentions

    def _joins(self, mention, atom, lowers):
        """Whether an atom continues a mention: only glue between, and its slot still free."""
        if not self._glue(lowers, mention.end, atom.start):
            return False
        kinds = {a.kind for a in mention.atoms}
        if atom.kind in PRONOUNS | {"dual"} or kinds & (PRONOUNS | {"dual"}):
            return False
        if atom.kind == "institution":
            return "role" in kinds and not kinds & {"person", "cap"}
        if atom.kind == "role":     # "прийняв у Стамбулі | Президента України": a city, then the guest;
            #                           "الرئيس الفنلندي | الأمين العام": a whole title, then another
            whole = bool(kinds & (COUNTRYISH | {"org"})) and _post(atom) and any(_post(a) for a in mention.atoms)
            return not (kinds & {"person", "cap"}) and not whole \
                and not (kinds <= {"city", "seat"} and self._after_prep(mention, lowers))
        if atom.kind in COUNTRYISH:     # never after a name: "زار بلينكن مصر" (Blinken visited Egypt)
            return not (kinds & COUNTRYISH) and not (kinds & {"person", "cap"})
        if atom.kind == "org":
            return "org" not in kinds
        if kinds <= COUNTRYISH | {"org"} and self._bare_article(lowers, mention.end, atom.start):
            return False        # "Russland die Freilassung": a country, then a capitalised noun
        if kinds <= COUNTRYISH and atom.kind in ("person", "cap") and self._after_prep(mention, lowers):
            return False        # "візиту до Вашингтона | Зеленський": a place, then the subject
        return not (kinds & {"person", "cap"}) and bool(kinds & ({"role"} | COUNTRYISH | {"org"}))

    def _after_prep(self, mention, lowers):
        """Whether a mention stands right after a place preposition ("in", "до", "в")."""
        return bool(self.lang.kinds_before(lowers, mention.start) & {"locative", "directional"})

    def _bare_article(self, lowers, start, end):
        """Whether the glue between two atoms holds an article with no "of" before it."""
        for j in range(start, end):
            kinds = self.lang.kinds_at(lowers, j)
            if kinds and "of" in kinds[1]:
                return False
            if kinds and "articles" in kinds[1]:
                return True
        return False

    def _glue(self, lowers, start, end):
        """Whether the tokens between two atoms only glue a name together (of, 's, the, Dr.)."""
        j = start
        while j < end:
            kinds = self.lang.kinds_at(lowers, j)
            if kinds and kinds[0] <= end and kinds[1] & {"possessive", "of", "articles", "honorifics", "role_modifiers"}:
                j = kinds[0]
            elif (lowers[j] == "." and j > start) or (lowers[j] in HYPHENS and start == j == end - 1):
                j += 1          # "Dr. X"; a hyphen alone joins compounds: "US-Präsident", "Nato-Chef"
            else:
                return False
        return True

    def _appositives(self, mentions, lowers):
        """Merge "Name, role of country" and "role of country, Name," into one person's mention."""
        merged = []
        for mention in mentions:
            prev = merged[-1] if merged else None
            if prev and lowers[prev.end:prev.end + 1] == [","] and self._only_articles(lowers, prev.end + 1, mention.start) \
                    and not self._reports(lowers, mention.end) \
                    and (_describes(mention, prev) or _describes(prev, mention)):
                prev.atoms.extend(mention.atoms)
                prev.end = mention.end
                continue
            merged.append(mention)
        return merged

    def _reports(self, lowers, end):
        """Whether a reporting word follows a mention ("..., the foreign ministry said"): it is
        then the speaker, not an apposition of the name before the comma."""
        kinds = self.lang.kinds_at(lowers, end) if end < len(lowers) else None
        return bool(kinds and "reporting" in kinds[1])

    def _only_articles(self, lowers, start, end):
        """Whether tokens [start, end) are all articles ("the")."""
        for j in range(start, end):
            kinds = self.lang.kinds_at(lowers, j)
            if not kinds or "articles" not in kinds[1]:
                return False
        return True

    # -- actors --------------------------------------------------------------------------------

    def _resolve(self, mention, text, tokens, lowers, ctx):
        """Turn a mention's atoms into an Actor (or a place) and update the document context."""
        place_atom = mention.slot("countryish")
        mention.span = (tokens[mention.start].start, tokens[mention.end - 1].end)
        mention.text = text[mention.span[0]:mention.span[1]]
        adjective = self.lang.adjectives_first and _modifies_noun(tokens, mention, self.lang.starts)
        prep = None if adjective else self._prep_before(lowers, mention.start)
        if place_atom and _dateline(tokens, mention):
            prep = "dateline"       # "MOSKOW - ...", "MOSCOW (Wire) - ...": where the report was filed
        mention.prep = prep
        only_place = place_atom and len(mention.atoms) == 1 and place_atom.kind in PLACE_KINDS
        if only_place:
            mention.place = None if adjective else place_atom.entity
            ctx.countries.add(place_atom.entity.country)
            if place_atom.kind == "city" and not place_atom.entity.capital:
                return
        actor = self._actor(mention, tokens, ctx)
        if actor is None:
            return
        actor.start, actor.end = tokens[mention.start].start, tokens[mention.end - 1].end
        actor.text = text[actor.start:actor.end]
        owner = ctx.owner() if actor.key is None and not actor.name and self._owned(lowers, mention.start) else None
        if owner is not None:
            actor.country, actor.org, actor.cameo = owner.country, owner.org, owner.cameo
        mention.actor = actor
        ctx.note(actor, located=mention.place is not None and prep == "locative",
                 place=mention.place is not None and mention.place.kind != "country")

    def _actor(self, mention, tokens, ctx):
        """The Actor a mention names, or None when it names nobody."""
        person = mention.slot("person")
        role_atom = mention.slot("role")
        place = mention.slot("countryish")
        org = mention.slot("org")
        if person and person.kind in PRONOUNS:
            referent = ctx.group_antecedent() if person.kind == "they" else ctx.antecedent()
            return referent.copy() if referent is not None else None
        actor = Actor()
        if place:
            actor.country = place.entity.country
            actor.sector = place.entity.sector or ("GOV" if place.kind == "city" else None)
        if org:
            actor.org = None if (place and role_atom) else org.entity.org
            actor.cameo = org.entity.cameo if actor.org else None
            actor.country = actor.country or org.entity.country     # a national group: its country
            actor.sector = actor.sector or org.entity.sector
        self._apply_roles(actor, mention)
        if person:
            self._person_into(actor, person, tokens, ctx)
        elif actor.role in NAMED_ROLES and (actor.country or actor.org):
            holder = self.world.holder(actor.country or actor.org, actor.role, ctx.day)
            actor.name = holder.name if holder else None
        elif actor.role and not (actor.country or actor.org):
            self._role_reference(actor, ctx)
        if actor.org and not actor.cameo and actor.org in self.world.orgs:
            actor.cameo = self.world.orgs[actor.org].cameo
        if not (actor.country or actor.org or actor.sector or actor.name):
            return None
        return actor

    def _apply_roles(self, actor, mention):
        """Role, sector and country from a mention's role words; the head word wins
        ("presidential press secretary", Indonesian "sekretaris pers presiden")."""
        roles = [a.role for a in mention.atoms if a.kind == "role"]
        if self.lang.role_head == "first":
            roles.reverse()
        for role in roles:
            actor.role = role.role or actor.role
            actor.sector = role.sector or actor.sector
            actor.country = actor.country or role.country

    @staticmethod
    def _role_reference(actor, ctx):
        """A bare role ("the Assistant Secretary") names the document's last person with that role."""
        for known in reversed(list(ctx.people.values())):
            if known.role == actor.role and actor.role not in GENERIC_ROLES:
                actor.name, actor.country, actor.org = known.name, known.country, known.org
                actor.sector = actor.sector or known.sector
                return

    def _person_into(self, actor, atom, tokens, ctx):
        """Fill an actor from a known, recalled or newly discovered person."""
        if atom.kind == "person":
            term = atom.entity.term_at(ctx.day)
            actor.name = atom.entity.name
            if term is not None and not actor.country and not actor.org:
                actor.country, actor.org = term.country, term.org
            actor.country = actor.country or (None if actor.org else atom.entity.country)
            actor.org = actor.org or (None if actor.country else atom.entity.org)
            actor.role = actor.role or (term.role if term else None)
            actor.sector = actor.sector or (term.sector if term else None)
            return
        known = atom.actor
        name = " ".join(t.text for t in tokens[atom.start:atom.end])
        if known is not None:
            actor.name = known.name
            actor.country = actor.country or known.country
            actor.org = actor.org or known.org
            actor.sector = actor.sector or known.sector
            actor.role = actor.role or known.role
            actor.discovered = known.discovered
        elif actor.role or actor.country:
            actor.name = name
            actor.discovered = True
            actor.sector = actor.sector or "GOV"

    def _prep_before(self, lowers, start):
        """'locative' or 'directional' when such a preposition stands right before a mention,
        articles and place modifiers between ("in northern Nigeria")."""
        end = start         # where the preposition must end: at the mention, or at the articles before it
        for j in range(start - 1, max(start - 4, -1), -1):
            kinds = self.lang.kinds_at(lowers, j)
            if kinds and kinds[0] == end and kinds[1] & {"articles", "place_modifiers"}:
                end = j
                continue
            # the preposition may be one word or several ending here ("на заседании", "near to")
            for k in range(j, max(j - MAX_PREP_WORDS, -1), -1):
                kinds = self.lang.kinds_at(lowers, k)
                if kinds and kinds[0] == end and kinds[1] & {"locative", "directional"}:
                    return "locative" if "locative" in kinds[1] else "directional"
            return None
        return None


def _pair_mentions(mention, text, tokens, ctx):
    """ "The two leaders", "kedua pihak": two mentions over the same words, one for each of the last
    two parties the document named; none when it has not named two."""
    pair = ctx.pair()
    if pair is None:
        return []
    span = (tokens[mention.start].start, tokens[mention.end - 1].end)
    out = []
    for k, known in enumerate(pair):
        actor = known.copy()
        actor.start, actor.end, actor.text = span[0], span[1], text[span[0]:span[1]]
        out.append(Mention(mention.start, mention.end, list(mention.atoms), actor=actor, text=actor.text,
                           span=span, pair_second=k == 1))
    return out


def _dateline(tokens, mention):
    """Whether a place opens a sentence as a dateline: followed by a dash or an agency in brackets."""
    return mention.start == 0 and mention.end < len(tokens) and tokens[mention.end].text in ("-", "–", "—", "(")


def _modifies_noun(tokens, mention, function_words):
    """Whether a one-word country mention is an adjective before a lower-case noun ("in Israeli
    shelling"): then it names an actor, not a place (for languages whose adjectives come first).
    A function word after it is no noun ("to Bosnia on Monday")."""
    if len(mention.atoms) != 1 or mention.atoms[0].kind != "country" or mention.end - mention.start != 1:
        return False
    after = tokens[mention.end] if mention.end < len(tokens) else None
    return after is not None and after.text[:1].islower() and after.text.isalpha() \
        and after.lower not in function_words and tokens[mention.start].text != mention.atoms[0].entity.name


def _post(atom):
    """Whether an atom is a title of a post ("president"), not a group word ("hundreds", "activists")."""
    return atom.kind == "role" and getattr(atom.role, "role", None) is not None


def _after_title(atoms, i):
    """Whether token i follows a title directly, or a title and the country it names ("外长 王毅",
    "وزير الخارجية السعودي ...")."""
    if not atoms or atoms[-1].end != i:
        return False
    if atoms[-1].kind == "role":
        return True
    return atoms[-1].kind in COUNTRYISH and len(atoms) > 1 and atoms[-2].kind == "role" \
        and atoms[-2].end == atoms[-1].start


def _caseless(token):
    """Whether a token is written in a script without capital letters (Arabic, Chinese)."""
    first = token.text[:1]
    return first.isalpha() and first.lower() == first.upper()


def _joins_name(tokens, j):
    """Whether token j is a hyphen inside a name written without spaces ("Osei-Mensah")."""
    return (tokens[j].text in HYPHENS and j + 1 < len(tokens) and tokens[j - 1].end == tokens[j].start
            and tokens[j].end == tokens[j + 1].start and tokens[j + 1].text[:1].isupper())


def _describes(description, named):
    """Whether one mention describes the person another names: a role without a name, beside a
    name without a role."""
    person = named.slot("person")
    return (person is not None and person.kind not in PRONOUNS and not named.slot("role")
            and description.slot("role") is not None and description.slot("person") is None)


class _Counterpart:
    """The role of a counterpart word: a government peer."""

    role = "counterpart"
    sector = "GOV"
    country = None
    phrase = "counterpart"


_COUNTERPART = _Counterpart()


def _time_words(time):
    """Lower-cased month and weekday names and the first words of relative dates ("昨天",
    "yesterday"), which are never people."""
    words = set()
    for table in (time.get("months") or {}, time.get("weekdays") or {}):
        for forms in table.values():
            words.update(str(f).lower().rstrip(".") for f in forms)
    keys = (phrase_key(str(row["phrase"])) for row in time.get("relative") or [])
    words.update(key[0] for key in keys if key)
    return words
