"""Source and target of a trigger: frame hints first, then position, voice and coordination."""

from dataclasses import dataclass, field, replace

from communique.coding.patterns import COMMAS

TARGET_WINDOW = 12
VERB_SUBJECT_GAP = 2   # words between a clause-opening verb and its subject (Arabic VSO)
JOINERS = {",", "-", "–", "/", "&"}
CALL = "041"        # discuss by telephone: a contact with exactly two sides
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# function words after which a participle is a verb with its subject, not a relative clause
VERB_BEFORE = frozenset({"coordination", "relative", "pronouns_person", "pronouns_group", "before_verb",
                         "passive_aux", "future", "negation", "hypothetical", "obligation", "refusal",
                         "reporting", "clause_break"})


@dataclass
class Group:
    """Coordinated mentions ("Putin and Biden") that share one argument position."""

    members: list = field(default_factory=list)

    @property
    def start(self):
        return self.members[0].start

    @property
    def end(self):
        return self.members[-1].end

    @property
    def is_place(self):
        """Whether the group names places after "in"/"at", or a dateline (a location, not a participant)."""
        return self.members[0].place is not None and self.members[0].prep in ("locative", "dateline")

    @property
    def is_venue(self):
        """Whether the group names an organisation after "at"/"in" ("accused, at the UN Security
        Council, Rwanda"): a party only when no other one is there."""
        first = self.members[0]
        return first.place is None and first.prep == "locative" and _venue(first)

    @property
    def is_directional(self):
        return self.members[0].prep == "directional"


@dataclass
class Arguments:
    """The participants found for one trigger."""

    pairs: list                 # (source Mention, target Mention | None)
    reciprocal: bool = False
    passive: bool = False
    source: object = None       # the source Group, when one was found before or after the trigger
    target: object = None       # the target Group, when one was found


class ArgumentFinder:
    """Assigns sources and targets with one language's function words."""

    def __init__(self, lang):
        self.lang = lang
        self._breaks_for = None
        self._break_list = []

    def groups(self, mentions, lowers):
        """Coordinated groups of mentions, left to right."""
        groups = []
        for mention in mentions:
            last = groups[-1] if groups else None
            if last and (mention.pair_second or self._coordinated(last.members[-1], mention, lowers)):
                last.members.append(mention)
            else:
                groups.append(Group([mention]))
        for group in groups:
            _distribute_role(group)
            _share_country(group)
            _drop_described(group)
        return groups

    def _coordinated(self, left, right, lowers):
        """Whether only coordination words, commas or hyphens stand between two mentions;
        a place joined to a place after "in" is a location too ("in Kyiv and Moscow")."""
        if "dateline" in (left.prep, right.prep):
            return False        # "MOSKOW - Asisten Menteri ...": where it was filed, then the subject
        left_place = left.prep == "locative"
        if left_place and right.place is None:
            return False
        if right.prep == "locative" and not left_place:
            return False
        gap = range(left.end, right.start)
        if gap and lowers[left.end] == "," and "," in lowers[left.start:left.end]:
            gap = range(left.end + 1, right.start)   # "el presidente ruso, Vladímir Putin, | y ...": the comma closes an apposition
        elif not gap or (lowers[left.end] == "," and len(gap) > 1 and not self._in_list(left, lowers)
                         and not self._article_list(gap, right, lowers)):
            return False
        if [lowers[j] for j in gap] == [","] and not self._list_goes_on(right, lowers):
            return False        # "after leaving Kuala Lumpur, Thailand's ministry said": no list
        j, joined = gap.start, False
        while j < gap.stop:
            kinds = self.lang.kinds_at(lowers, j)
            if lowers[j] in JOINERS:
                j, joined = j + 1, True
            elif kinds and kinds[0] <= gap.stop and kinds[1] & {"coordination", "articles", "partitives"}:
                joined = joined or "coordination" in kinds[1]
                j = kinds[0]        # "X and | a group of | deputies"
            else:
                return False
        if not joined:
            return False            # "griff Russland | die | Ukraine an": an article alone joins no one
        if left_place:
            right.prep = "locative"
        return True

    def _in_list(self, left, lowers):
        """Whether a mention already follows another after a comma ("A, B, and C"): then ", and"
        continues the list; after a single mention it joins clauses ("..., and Russia accused ...")."""
        j = left.start - 1
        return j >= 0 and lowers[j] == ","

    def _article_list(self, gap, right, lowers):
        """Whether ", <article> B" starts a list that goes on ("le Brésil, la Colombie et le
        Mexique"), not a clause after a single mention."""
        j = gap.start + 1
        while j < gap.stop:
            kinds = self.lang.kinds_at(lowers, j)
            if not (kinds and kinds[0] <= gap.stop and "articles" in kinds[1]):
                return False
            j = kinds[0]
        return self._list_goes_on(right, lowers)

    def _list_goes_on(self, mention, lowers):
        """Whether a comma or a coordination word follows a mention, as in a list ("A, B and C")."""
        j = mention.end
        if j >= len(lowers):
            return False
        kinds = self.lang.kinds_at(lowers, j)
        return lowers[j] == "," or bool(kinds and "coordination" in kinds[1])

    def clause(self, lowers, start, end):
        """(first, last) token bounds of the clause around tokens [start, end); a clause opened by
        a break phrase ("di mana", "where") starts after the whole phrase."""
        breaks = self._break_points(lowers)
        first = max((stop for j, stop in breaks if stop <= start), default=0)
        last = min((j for j, _ in breaks if j >= end), default=len(lowers))
        return first, last

    def _break_points(self, lowers):
        """(start, end) of the phrases that end a clause in a sentence, computed once per sentence."""
        if self._breaks_for is not lowers:
            self._breaks_for = lowers
            self._break_list = []
            for j, lower in enumerate(lowers):
                if lower in (";", ":"):
                    self._break_list.append((j, j + 1))
                elif lower in self.lang.starts:
                    kinds = self.lang.kinds_at(lowers, j)
                    if kinds and kinds[1] & {"clause_break", "relative"}:
                        self._break_list.append((j, kinds[0]))
        return self._break_list

    def find(self, trigger, groups, lowers, previous=None):
        """The Arguments of a trigger; previous are those of the sentence's trigger before it,
        whose source (and, failing its own, target) a verb coordinated with it shares ("arrested
        X and deported them", "summoned the ambassador and demanded an explanation")."""
        shared = previous if previous is not None and self._verb_coordinated(lowers, trigger.start) else None
        found = self._find(trigger, groups, lowers, shared.source if shared else None)
        if shared is not None and shared.target is not None and found.target is None \
                and found.source is shared.source:
            return self._pairs(trigger.pattern, found.source, shared.target)
        return found

    def _find(self, trigger, groups, lowers, subject):
        """The Arguments of a trigger; subject is the source of the verb it is coordinated with."""
        pattern = trigger.pattern
        first, last = self.clause(lowers, trigger.start, trigger.end)
        if self._is_passive(trigger, lowers):
            return self._passive(trigger, groups, lowers, first, last)
        between = self._between_group(trigger, groups, lowers, last)
        if between is not None:
            mediator = None if pattern.symmetric else self._before(groups, trigger.start, first, lowers)
            if mediator is None:
                return self._reciprocal(between.members)
            return Arguments([(s, t) for s in mediator.members for t in between.members])
        if self.lang.verb_first and subject is None and not self._has_subject(groups, trigger.start, first) \
                and not self.lang.kinds_before(lowers, trigger.start) & {"relative", "place_relatives"}:
            found = self._verb_subject(trigger, groups, lowers, last)
            if found is not None:
                return found
        source, target = None, None
        if pattern.source_after and not self._prep_follows(pattern, lowers, trigger.end, groups):
            agent = self._agent(groups, trigger, lowers, last)
            source = agent or self._after(groups, trigger.end, last, lowers, places=False, max_gap=3)
            start = trigger.end if agent or not source else source.end
            target = self._target(pattern, groups, start, last, lowers)
            if target is agent:
                target = None
        if source is None and not self._has_subject(groups, trigger.start, first):
            source = self._agent(groups, trigger, lowers, last)     # "after a visit to Minsk by X"
            if source is not None:
                others = [g for g in groups if g is not source]
                target = self._target(pattern, others, trigger.end, last, lowers)
        if source is None:
            source = subject if subject is not None else self._before(groups, trigger.start, first, lowers)
            prep = self._adjunct(lowers, trigger.start, first) if subject is None else None
            adjunct = prep is not None and not any(prep < g.start < trigger.start for g in groups)
            if adjunct:         # "in Russian shelling" keeps its own actor
                source = self._subject(groups, trigger.start, first) or source
            inside = None if pattern.target_after else self._inside(groups, trigger)
            if inside is not None and source is not None and self._own_people(inside, source, lowers):
                inside = None       # "recalled its ambassador from ...": the source's own people
            if pattern.symmetric and source is not None and len(source.members) > 1 and not (target or inside):
                # "Israel and Hamas agreed to a ceasefire brokered by Qatar": between the subjects,
                # unless the pattern's own preposition names another side ("... held talks with Iran")
                target = self._prep_target(pattern, groups, trigger.end, last, lowers)
            else:
                target = target or inside or self._target(pattern, groups, trigger.end, last, lowers)
            if target is None and adjunct and pattern.code.startswith(CALL) and source is not None:
                # a call has two sides: "X warned Y ... during a video call" (a summit has more)
                target = self._object(groups, source, trigger.start)
        return self._pairs(pattern, source, target)

    def _verb_subject(self, trigger, groups, lowers, last):
        """Arguments of a verb that opens its clause, in a language that puts the verb before its
        subject (Arabic "التقى بوتين بايدن"): the party inside the trigger or right after it is
        the source, the next one the target; None when no party follows."""
        pattern = trigger.pattern
        source = self._inside(groups, trigger) or self._after(groups, trigger.end, last, lowers, places=False,
                                                              max_gap=VERB_SUBJECT_GAP)
        if source is None or not _has_party(source):
            return None
        others = [g for g in groups if g is not source]
        second = self._inside(others, trigger)      # "سلّمت بولندا، الخميس، أوكرانيا ... مقاتلات": both inside
        if second is not None and second.start > source.start:
            return self._pairs(pattern, source, second)
        if pattern.symmetric and len(source.members) > 1:
            target = self._prep_target(pattern, others, source.end, last, lowers)
        else:
            target = self._target(pattern, others, max(source.end, trigger.end), last, lowers)
        return self._pairs(pattern, source, target)

    @staticmethod
    def _object(groups, source, start):
        """The party between a clause's subject and a trigger, another party than the subject's."""
        return next((g for g in groups if source.end <= g.start and g.end <= start and not g.is_place
                     and _has_party(g) and not _same_party(g, source)), None)

    def demanded(self, found, trigger, groups, lowers):
        """The Arguments of a demand that another party act ("Russia said Sudan must return the
        helicopter"): who says it, before that party or reporting at the end, of that party."""
        subject = found.source
        if subject is None:
            return replace(found, pairs=[])
        speaker = next((g for g in reversed(groups) if g.end <= subject.start and _has_party(g)
                        and not g.is_place and not _same_party(g, subject)), None)
        if speaker is not None and not self.reports_between(lowers, speaker.end, subject.start):
            speaker = None
        if speaker is None:
            speaker = next((g for g in groups if g.start >= trigger.end and _has_party(g)
                            and self._speaker(g, lowers) and not _same_party(g, subject)), None)
        if speaker is None:
            return replace(found, pairs=[])
        return Arguments([(s, t) for s in speaker.members for t in subject.members], source=speaker, target=subject)

    def reports_between(self, lowers, start, end):
        """Whether a reporting word stands between two tokens ("Russia said | Sudan must ...")."""
        return any((hit := self.lang.kinds_at(lowers, j)) and "reporting" in hit[1]
                   for j in range(start, min(end, len(lowers))))

    def _own_people(self, group, source, lowers):
        """Whether a group inside a trigger is the source's own ("recalled its ambassador", "warned
        Americans against travel"), not whom the event is aimed at."""
        if not _same_party(group, source):
            return False
        owned = "pronouns_group" in self.lang.kinds_before(lowers, group.start)
        return owned or _unnamed_civilians(group)

    def _verb_coordinated(self, lowers, start):
        """Whether a coordination word stands right before a trigger ("expelled X and | recalled")."""
        kinds = self.lang.kinds_before(lowers, start)
        return "coordination" in kinds

    @staticmethod
    def _has_subject(groups, start, first):
        """Whether an actor stands before a token inside its clause."""
        for g in groups:
            if g.end > start:
                return False
            if first <= g.start and _has_actor(g) and not g.is_place:
                return True
        return False

    def _agent(self, groups, trigger, lowers, last):
        """The group after "by" shortly after a nominal trigger ("a visit to Minsk by Kellogg")."""
        for j in range(trigger.end, min(trigger.end + 6, last)):
            kinds = self.lang.kinds_at(lowers, j)
            if kinds and "passive_agent" in kinds[1]:
                return self._after(groups, kinds[0], last, lowers, places=False, max_gap=2)
        return None

    @staticmethod
    def _inside(groups, trigger):
        """A group the trigger spans ("expelled | two Russian diplomats", "accused | Russia | of"): the
        target; a place after "in" only for a pattern whose target may be a place ("ist | in Peking |
        gelandet", but "hat | in Jakarta den Premier | empfangen")."""
        return next((g for g in groups if trigger.start < g.start < trigger.end and _has_party(g)
                     and (trigger.pattern.target_place or not g.is_place)), None)

    def _pairs(self, pattern, source, target):
        """Expand coordinated groups into (source, target) pairs."""
        if source is None:
            return Arguments([])
        if target is None:
            if pattern.symmetric and len(source.members) > 1:
                return replace(self._reciprocal(source.members), source=source)
            return Arguments([(s, None) for s in source.members], source=source)
        return Arguments([(s, t) for s in source.members for t in target.members], source=source, target=target)

    @staticmethod
    def _reciprocal(members):
        """Every ordered pair of distinct members: "A and B met" is A->B and B->A."""
        return Arguments([(a, b) for a in members for b in members if a is not b], reciprocal=True)

    def _before(self, groups, start, first, lowers=None):
        """The nearest participant group before a token: after the clause's last comma if one is
        there ("On 7 December, Washington sent ..."), else inside the clause, else the sentence's
        first; a bare capital gives way to a named subject ("Donfried left Moscow for Brussels")."""
        candidates = [g for g in groups if g.end <= start and not g.is_place and not g.is_directional
                      and _has_actor(g)]
        inside = [g for g in candidates if g.start >= first]
        comma = max((j for j in range(first, start) if lowers and lowers[j] == ","), default=None)
        tail = [g for g in inside if comma is not None and g.start > comma]
        if not tail and inside and self._participial(lowers, comma, start):
            # "X held talks ..., offering support to Lebanon": X offers; "..., the Taliban said,
            # condemning the raids": the speaker condemns
            speakers = [g for g in inside if g.end < comma <= g.end + 3 and self.reports_between(lowers, g.end, comma)]
            return speakers[-1] if speakers else inside[0]
        if not tail and comma is not None:
            inside = self._without_apposition(inside, lowers, first, comma)
        for pool in (tail, inside):
            if pool:
                pool = [g for g in pool if not g.is_venue] or pool
                preferred = [g for g in pool if not _bare_capital(g)] or pool
                return preferred[-1]
        if not candidates:
            return None
        # no subject in the clause: a relative clause takes its antecedent ("Zelensky, who asked
        # ..."); any other clause the sentence's subject ("... during a visit to Shanghai")
        kinds = self.lang.kinds_before(lowers, first) if lowers is not None else frozenset()
        if "relative" in kinds and not ("place_relatives" in kinds and candidates[-1].members[0].place is not None):
            return candidates[-1]
        return candidates[0]    # "visitó Israel, donde se reunió": the place is where, not who

    def _adjunct(self, lowers, start, first):
        """The position of the preposition when a trigger is the noun of a phrase after a preposition, articles, numbers and
        adjectives between ("killed three Albanians | in a | gunbattle", "| during a two-hour |
        video call"): an adjunct of the clause's verb; else None."""
        for j in range(start - 1, max(first - 2, start - 6, -1), -1):
            kinds = self.lang.kinds_at(lowers, j)
            if kinds is None or "articles" in kinds[1]:
                continue        # articles, numbers, adjectives: "in a fierce", "during a two-hour"
            adjunct = kinds[0] <= start and bool(kinds[1] & {"locative", "not_object"}) \
                and "directional" not in kinds[1]      # "prompting Lima | to | break off": a verb
            return j if adjunct else None
        return None

    @staticmethod
    def _subject(groups, start, first):
        """The first party of a clause before a token, not a place: the clause's subject."""
        return next((g for g in groups if first <= g.start and g.end <= start and not g.is_place
                     and not g.is_directional and _has_actor(g)), None)

    def _participial(self, lowers, comma, start):
        """Whether the words after a clause's last comma open with an active participle that leads
        to the trigger ("..., expanding its campaign"): a phrase whose subject is the clause's."""
        active = self.lang.not_passive_suffixes
        return comma is not None and comma + 1 <= start and bool(active) \
            and lowers[comma + 1].endswith(active) and lowers[comma + 1].isalpha()

    @staticmethod
    def _without_apposition(groups, lowers, first, comma):
        """"Pakistan, a key U.S. ally, has refused ...": the groups inside a comma-enclosed phrase
        after the subject give way to the subject before it."""
        opening = max((j for j in range(first, comma) if lowers[j] == ","), default=None)
        if opening is None:
            return groups
        subject = [g for g in groups if g.end == opening]
        if not subject:
            return groups
        return [g for g in groups if not opening < g.start < comma]

    def _after(self, groups, start, last, lowers, places, max_gap=TARGET_WINDOW, first_only=False):
        """The first group starting after a token within the clause, speakers ("X said") left out;
        a bare sector word ("military exercises") gives way to a named party after it."""
        found = {}
        for group in groups:
            if group.start < start or group.start >= last or group.start - start > max_gap:
                continue
            if (group.is_place and not places) or self._speaker(group, lowers, last):
                continue
            if _is_place_only(group):
                if places and group.members[0].place.country:
                    if first_only:
                        return group
                    found.setdefault("locative" if group.is_place else "place", group)
            elif group.is_venue and not first_only:
                found.setdefault("venue", group)
            elif _has_party(group) or (first_only and _has_actor(group)):
                return group
            elif _has_actor(group):
                found.setdefault("sector", group)
        return found.get("venue") or found.get("place") or found.get("sector") or found.get("locative")

    def later_target(self, trigger, groups, lowers):
        """The first party after a governing trigger anywhere in its clause, a destination
        included but not a place after "in" ("threatened to cut gas supplies to Moldova"), for
        when the nearby search found none."""
        _, last = self.clause(lowers, trigger.start, trigger.end)
        return next((g for g in groups if trigger.end <= g.start < last and g.start - trigger.end <= TARGET_WINDOW
                     and not g.is_place and _has_party(g) and not self._speaker(g, lowers, last)), None)

    def _target(self, pattern, groups, start, last, lowers):
        """The target group: after a target preposition when the pattern names one, else the first
        (unless the pattern needs the preposition: "discussed X with Y")."""
        found = self._prep_target(pattern, groups, start, last, lowers)
        if found is not None or pattern.target_needs_prep:
            return found
        return self._after(groups, start, last, lowers, pattern.target_place)

    def _prep_target(self, pattern, groups, start, last, lowers):
        """The target a pattern's own preposition introduces ("met with X", "fired shots at X"), or None."""
        if pattern.target_preps is not None:
            ending = pattern.target_preps.ends_before(lowers, start, max_len=2)
            if ending and ending[0] >= start - 2:   # the trigger ends in its own preposition: "fired shots at"
                found = self._after(groups, start, last, lowers, True, first_only=True)
                if found:
                    return found
            reach = last if pattern.target_needs_prep else min(start + TARGET_WINDOW, last)
            actor_starts = {g.start for g in groups if _has_actor(g) and not g.is_place}
            for j in range(start, reach):
                if j in actor_starts and not pattern.target_needs_prep:
                    break           # "used gas against civilians in Douma": the actor comes first
                hit = pattern.target_preps.match_at(lowers, j)
                if hit and (j - start < 4 or pattern.target_needs_prep):
                    # the pattern's own preposition ("fired at", "met in") introduces the target,
                    # even where the same word elsewhere marks a place
                    # the first such preposition decides: "closer relations with | Western
                    # neighbors ... with Russia" has no target
                    return self._after(groups, hit[0], last, lowers, True, max_gap=3, first_only=True)
        return None

    @staticmethod
    def _prep_follows(pattern, lowers, end, groups):
        """Whether a target preposition stands right after a nominal trigger, no actor between
        ("meeting with X", not "a visit by Modi to Paris"): then X is the target and the source
        stands before."""
        if pattern.target_preps is None:
            return False
        for j in range(end, min(end + 3, len(lowers))):
            if any(end <= g.start < j for g in groups):
                return False
            if pattern.target_preps.match_at(lowers, j) is not None:
                return True
        return False

    def _speaker(self, group, lowers, last=None):
        """Whether a group is who reports ("X said ...", "..., said X" at the end of a clause,
        "tulis X"), not who is acted upon."""
        after = self.lang.kinds_at(lowers, group.end) if group.end < len(lowers) else None
        if after and "reporting" in after[1]:
            return True
        ends_clause = group.end >= (last or len(lowers)) or lowers[group.end] in (",", ".", ";", "!", "?")
        return ends_clause and "reporting" in self.lang.kinds_before(lowers, group.start)

    def _between_group(self, trigger, groups, lowers, last):
        """The group after a "between" word right after the trigger (no comma before it), when it
        has two members or more."""
        for j in range(trigger.end, min(trigger.end + 3, len(lowers))):
            if lowers[j] in COMMAS:         # "una conversación telefónica, | mediar entre A y B": another clause's
                return None
            kinds = self.lang.kinds_at(lowers, j)
            if kinds and "between" in kinds[1]:
                group = self._after(groups, kinds[0], last, lowers, places=False, max_gap=2)
                return group if group and len(group.members) > 1 else None
        return None

    def _is_passive(self, trigger, lowers):
        """Whether a trigger is passive: a di- form by its pattern, or an auxiliary before a verb
        that is not in an active form ("was attacked", not "is attacking")."""
        if trigger.pattern.passive:
            return True
        participle = self.lang.participle_suffixes
        if participle and lowers[trigger.end - 1].endswith(participle) and trigger.end < len(lowers) \
                and "passive_agent" in (self.lang.kinds_at(lowers, trigger.end) or (0, ()))[1]:
            return True     # a participle right before its agent: "a ceasefire brokered by Qatar"
        if trigger.pattern.transitive and self._reduced_relative(trigger, lowers):
            return True
        active = self.lang.not_passive_suffixes
        return self._passive_aux_before(lowers, trigger.start) and not (
            active and lowers[trigger.start].endswith(active))

    def _reduced_relative(self, trigger, lowers):
        """Whether a one-word participle of a verb that takes an object follows a noun with no
        object after it: a passive relative clause ("two men | sought | in the killing", "a member
        of Hamas | jailed | over a year ago"), not "Israel released | the mayor"."""
        start, suffixes = trigger.start, self.lang.participle_suffixes
        if not suffixes or trigger.end != start + 1 or start == 0:
            return False
        if not lowers[start].endswith(suffixes) and "participles" not in (self.lang.kinds_at(lowers, start) or (0, ()))[1]:
            return False
        if not lowers[start - 1].isalpha() or self.lang.kinds_before(lowers, start) & VERB_BEFORE:
            return False        # "who jailed", "and jailed", "they jailed", "has jailed"
        if trigger.end == len(lowers) or not lowers[trigger.end][:1].isalnum():
            return True
        kinds = self.lang.kinds_at(lowers, trigger.end)
        own = trigger.pattern.target_preps is not None and trigger.pattern.target_preps.match_at(lowers, trigger.end)
        return bool(kinds and "not_object" in kinds[1]) and not own

    def _passive_aux_before(self, lowers, start):
        """Whether a passive auxiliary stands within two tokens before the trigger."""
        for j in range(max(0, start - 2), start):
            kinds = self.lang.kinds_at(lowers, j)
            if kinds and "passive_aux" in kinds[1]:
                return True
        return False

    def _passive(self, trigger, groups, lowers, first, last):
        """Passive voice: the subject is the target, the agent after "by"/"oleh" the source."""
        target = self._before(groups, trigger.start, first, lowers)
        source = None
        for j in range(trigger.end, min(trigger.end + 6, last)):
            kinds = self.lang.kinds_at(lowers, j)
            if kinds and "passive_agent" in kinds[1]:
                source = self._after(groups, kinds[0], last, lowers, places=False, max_gap=2)
                break
        if source is None and trigger.pattern.passive:
            source = self._after(groups, trigger.end, last, lowers, places=False, max_gap=1)
        if source is None:
            return Arguments([], passive=True)
        pairs = [(s, t) for s in source.members for t in (target.members if target else [None])]
        return Arguments(pairs, passive=True)


def _same_party(group, other):
    """Whether every actor of a group belongs to the party of another group's first actor."""
    key = other.members[0].actor.key if other.members[0].actor is not None else None
    return key is not None and all(m.actor is not None and m.actor.key == key for m in group.members)


def _unnamed_civilians(group):
    """Whether a group names only unnamed people without a sector or as civilians ("Americans")."""
    return all(m.actor is not None and not m.actor.name and m.actor.sector in (None, "CVL") for m in group.members)


def _distribute_role(group):
    """"The leaders of Russia and the United States", "Afghan and Pakistani forces": the role of the
    first or last member covers the bare countries beside it."""
    if len(group.members) < 2:
        return
    for head, rest in ((group.members[0], group.members[1:]), (group.members[-1], group.members[:-1])):
        kinds = {a.kind for a in head.atoms}
        if head.actor is None or not head.actor.sector or "role" not in kinds or kinds & {"org", "person", "cap"}:
            continue        # only role words spread ("Afghan and Pakistani forces"), not "Israel and Hamas"
        for member in rest:
            actor = member.actor
            if actor is not None and actor.country and not (actor.role or actor.name or actor.sector):
                actor.role, actor.sector = head.actor.role, head.actor.sector


def _share_country(group):
    """"Fabius and a group of deputies": a state organ with no country, listed with parties of one
    country, is of that country (not "Israeli troops and militants")."""
    countries = {m.actor.country for m in group.members if m.actor is not None and m.actor.country}
    if len(countries) != 1:
        return
    for member in group.members:
        actor = member.actor
        if actor is not None and not (actor.country or actor.org or actor.name) and actor.sector in STATE_ORGANS:
            actor.country = next(iter(countries))


def _drop_described(group):
    """"The aides of Russia and the US, Ushakov and Sullivan": unnamed members give way to the named
    members of the same party."""
    named = {m.actor.key for m in group.members if m.actor is not None and m.actor.name}
    if named:
        group.members = [m for m in group.members
                         if m.actor is None or m.actor.name or m.actor.key not in named]


def _bare_capital(group):
    """Whether a group is only a capital city standing for its government ("left Moscow"), which
    a named subject earlier in the clause outranks as the source."""
    return all(m.place is not None and m.place.kind == "city" and len(m.atoms) == 1 for m in group.members)


def _venue(mention):
    """Whether a mention names an organisation as a body, with no person or role in it ("the UN
    Security Council", "ASEAN"): after "at" it is where something happens."""
    actor = mention.actor
    return actor is not None and bool(actor.org) and not actor.name and not actor.role \
        and all(a.kind == "org" for a in mention.atoms)


def _is_place_only(group):
    """Whether a group only names places (cities, countries after "in"/"to", landmarks) and no actor."""
    return all(m.place is not None and (m.actor is None or m.prep) for m in group.members)


def _has_party(group):
    """Whether a group names a country, an organisation or a person."""
    return any(m.actor is not None and (m.actor.key or m.actor.name) for m in group.members)


def _has_actor(group):
    """Whether any member of a group is an actor."""
    return any(m.actor is not None for m in group.members)
