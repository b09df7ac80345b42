"""The coder: a document in, its events out, one engine for every language."""

from dataclasses import dataclass, replace

from communique.actors.context import DocContext
from communique.actors.mentions import MentionFinder
from communique.actors.records import Actor
from communique.actors.world import load_world
from communique.coding.arguments import STATE_ORGANS, ArgumentFinder
from communique.coding.merge import merge_events
from communique.coding.modality import modal_spans, modality
from communique.coding.patterns import load_patterns
from communique.events import Event, EventMention
from communique.ingest.boilerplate import kept_spans
from communique.language import load_language
from communique.nlp.segment import Segmenter
from communique.nlp.sentences import split_sentences
from communique.ontology.cameo import (appeal_code, demand_code, governing_codes, intent_code, place_target_roots,
                                       refusal_code, unattributed_roots)
from communique.places.locate import locate
from communique.time.expressions import DateFinder, time_tokens
from communique.time.narrative import Narrative, bound_by_arrival, date_by_trip
from communique.time.resolve import choose, date_event, publication_date

MAX_SENTENCE = 2000
GOVERNED_GAP = 3
INTENT_ROOT = "03"
# bare intent, appeal and demand words, and how each takes the code of what it governs
BARE_CODES = {"030": intent_code, "020": appeal_code, "100": demand_code}
DEMAND_ROOT = "10"
PROTEST_ROOT = "14"
DISAPPROVE_ROOT = "11"
VIOLENT_ROOTS = ("18", "19", "20")
CONTENT_GAP = 10
# a country and its own state organs are one party: "Russia deployed Russian troops" is no event,
# "Croatia is investigating Croatian extremists" is
STATE_SECTORS = STATE_ORGANS | {None}
PLACE_TARGET_GAP = 5   # tokens from a trigger to the place that may stand in for its target
CONTINUATION_AT = 4     # tokens from the start of a sentence a continuation phrase may stand at


def _segmenter(lang, world, verbs, verb_starts):
    """The language's tokenizer, knowing every word its data files write (when it needs them)."""
    if not (lang.segmenter or lang.clitics or lang.endings):
        return Segmenter(lang, ())
    names = world.names.tokens() | lang.roles.tokens()
    words = names | lang.grammar.tokens() | time_tokens(lang.time) | verbs
    return Segmenter(lang, words, verb_starts, names)


class Coder:
    """Codes the documents of one language into events."""

    def __init__(self, iso):
        self.iso = iso
        self.lang = load_language(iso)
        self.world = load_world(iso)
        self.patterns = load_patterns(iso)
        verbs, verb_starts = self.patterns.literals(), self.patterns.prefixes()
        self.finder = MentionFinder(self.lang, self.world, verbs, verb_starts)
        self.arguments = ArgumentFinder(self.lang)
        self.dates = DateFinder(self.lang)
        self.boilerplate_langs = tuple(dict.fromkeys((iso, "en")))
        self.segmenter = _segmenter(self.lang, self.world, verbs, verb_starts)
        for lemma in list(self.patterns.by_lemma)[:1]:
            self.lang.lemma(lemma)      # load the lemmatizer's dictionary now, not inside the first article

    def sentences(self, text):
        """(start, end) of the article sentences of a text, boilerplate lines left out."""
        for line_start, line_end in kept_spans(text, self.boilerplate_langs):
            for start, end in split_sentences(text[line_start:line_end], self.lang.abbreviations):
                yield from _chunks(text, line_start + start, line_start + end)

    def code(self, doc):
        """The events of a document, each real event once with all its mentions."""
        text = doc.text or ""
        ctx = DocContext(day=doc.date)
        story = Narrative()
        events, paragraph, previous_end = [], 0, 0
        for index, (start, end) in enumerate(self.sentences(text)):
            paragraph += "\n" in text[previous_end:start]
            previous_end = end
            events.extend(self._sentence(doc, text, index, start, end, ctx, story, paragraph))
        date_by_trip(events)
        return merge_events(events)

    def _sentence(self, doc, text, index, start, end, ctx, story, paragraph):
        """The events of one sentence."""
        tokens = self.segmenter.tokenize(text[start:end], start)
        if not tokens:
            return []
        lowers = [t.lower for t in tokens]
        exprs = self.dates.find(tokens, lowers, doc.date)
        mentions = self.finder.find(text, tokens, lowers, ctx, [(e.start, e.end) for e in exprs])
        # names and dates are no trigger words, and a "..." gap skips them ("lifted Friday a blockade")
        blocked = {j for m in mentions for a in m.atoms if a.kind != "role" for j in range(a.start, a.end)}
        blocked |= self.dates.spans(exprs, lowers)
        triggers = self.patterns.find(lowers, lambda j: self.lang.lemma(lowers[j]), blocked, self.lang.complementizers,
                                      self.lang.joins, self.lang.auxiliaries)
        events = []
        if triggers:        # a sentence without a trigger only tells the story its dates
            triggers, contents = _drop_contents(_drop_governing(triggers, modal_spans(self.lang, lowers)),
                                                lambda g, t: self.arguments.clause(lowers, t.start, t.end)[0] <= g.start)
            sent = Sentence(index, start, end, text, tokens, lowers, mentions,
                            self.arguments.groups(mentions, lowers), exprs)
            story.anchor_events(exprs, mentions)
            carry = story.carry(paragraph, self._continues(lowers))
            events, previous, before = [], None, (0, 0)
            retold = _retold_attacks(triggers, mentions)
            for trigger in triggers:
                if trigger in retold.values():
                    continue        # "condemned the raids": the raids told before, not new ones
                aimed_at = _attacker(story.events + events) if trigger in retold else None
                found, previous = self._events(doc, sent, trigger, story.day, carry, contents.get(trigger),
                                               previous, before, aimed_at)
                events.extend(found)
                before = (trigger.start, trigger.end)
        events = _attributed_first(events)
        bound_by_arrival(events, self.lang, lowers, mentions, story.events)
        story.after_sentence(paragraph, exprs, events)
        return events

    def _continues(self, lowers):
        """Whether a sentence opens by continuing the story told before ("Putin, in turn, ...")."""
        starts = self.lang.starts
        return any(hit and "continuation" in hit[1]
                   for hit in (self.lang.kinds_at(lowers, j) for j in range(min(CONTINUATION_AT, len(lowers)))
                               if lowers[j] in starts))

    def _events(self, doc, sent, trigger, narrative, carry, content=None, previous=None, before=(0, 0),
                aimed_at=None):
        """The events one trigger gives (several with coordinated actors), and the arguments a
        verb coordinated with it may share; aimed_at, when given, is the target."""
        pattern, lowers = trigger.pattern, sent.lowers
        first, last = self.arguments.clause(lowers, trigger.start, trigger.end)
        mood = modality(self.lang, lowers, trigger.start, first, before, trigger.end)
        coded = _coded(_said_intent(pattern.code, content), mood)
        if coded is None:
            return [], previous
        code, mood = coded
        found = self.arguments.find(trigger, sent.groups, lowers, previous)
        if code[:2] == DEMAND_ROOT and not pattern.code.startswith(DEMAND_ROOT):
            found = self.arguments.demanded(found, trigger, sent.groups, lowers)
        if all(target is None for _, target in found.pairs) and pattern.code.startswith(governing_codes()):
            found = self._with_content_target(found, trigger, content, sent)
        said = lambda a, b: self.arguments.reports_between(lowers, a, b)
        when = _when(trigger, sent.exprs, doc.date, narrative, carry, mood, said, (first, last))
        out, unplaced = [], code[:2] in place_target_roots()
        # a riot, a strike or a bombing no one is named for is still an event ("a car bomb exploded")
        pairs = found.pairs or (self._unattributed_pairs(trigger, sent)
                                if code[:2] in unattributed_roots() and mood == "asserted" else [])
        for source_m, target_m in pairs:
            visited = None if found.reciprocal else target_m     # "A and B agreed": B is no place
            where = locate(trigger, sent.mentions, visited, self.lang, lowers, first)
            source = _placed(source_m.actor, where, None) if source_m else None
            target = aimed_at.copy() if aimed_at else _placed(_target_actor(target_m), where, source)
            if target is None and unplaced:
                target = _place_target(where, source, sent.mentions, trigger.end)
            if (_unattributed(where, target, code) if source_m is None
                    else _keep(source, target, pattern, _guessed_country(target_m, where), unplaced)):
                out.append(Event(doc_id=doc.id, code=code, source=source, target=target, date=when,
                                 location=where, modality=mood, lang=self.iso, reciprocal=found.reciprocal,
                                 mentions=[sent.mention(trigger, source, target)]))
        return out, found if found.source is not None else previous

    def _unattributed_pairs(self, trigger, sent):
        """(None, target) pairs of an event no one is named for: the party after it, if any
        ("mass protests shook Peru": against Peru)."""
        later = self.arguments.later_target(trigger, sent.groups, sent.lowers)
        return [(None, member) for member in later.members] if later is not None else [(None, None)]

    def _with_content_target(self, found, trigger, content, sent):
        """A governing trigger's arguments with the target of what it governs, else the first
        party later in its clause, when it has none of its own ("threatened to cut gas supplies
        to Moldova": Moldova)."""
        targets = []
        content_pairs = self.arguments.find(content, sent.groups, sent.lowers).pairs if content else []
        for _, target in content_pairs:
            if target is not None and not any(target is t for t in targets):
                targets.append(target)
        if not targets:
            later = self.arguments.later_target(trigger, sent.groups, sent.lowers)
            targets = list(later.members) if later is not None else []
        if not targets:
            return found
        pairs = [(s, t) for s, _ in found.pairs for t in targets if t is not s]
        return replace(found, pairs=pairs)


@dataclass
class Sentence:
    """One sentence being coded: where it is, its tokens, actors, groups and date expressions."""

    index: int
    start: int
    end: int
    text: str                 # the whole document text
    tokens: list
    lowers: list
    mentions: list
    groups: list
    exprs: list

    def mention(self, trigger, source, target):
        """The EventMention of a trigger with its source and target in this sentence."""
        first, last = self.tokens[trigger.start], self.tokens[trigger.end - 1]
        return EventMention(sentence=self.index, start=self.start, end=self.end,
                            text=self.text[self.start:self.end], trigger=self.text[first.start:last.end],
                            trigger_span=(first.start, last.end), rule=trigger.pattern.id,
                            source_span=(source.start, source.end) if source else None,
                            target_span=(target.start, target.end) if target else None)


def _coded(code, mood):
    """(code, modality) of a trigger's event in the mood its words give, or None when no event is
    output: negated and hypothetical events are not; "will not attend" is a rejection (12x);
    "must release" a demand (10x) of whoever must; a future or intended event is its intention
    (03x), as are intent words themselves."""
    if mood in ("negated", "hypothetical"):
        return None
    if mood in ("refused", "obliged"):
        changed = refusal_code(code) if mood == "refused" else demand_code(code)
        return (changed, "asserted") if changed else None
    code = code if mood == "asserted" else intent_code(code)
    return code, "intent" if code[:2] == INTENT_ROOT else mood


def _said_intent(code, content):
    """The code of a trigger; a bare intent, appeal or demand word ("ready to", "urged", "demanded",
    030/020/100) takes the intention, appeal or demand its content names ("ready to mediate" 039,
    "urged Russia to release" 0253, "demanded the withdrawal of" 1056)."""
    if content is None or code not in BARE_CODES:
        return code
    return BARE_CODES[code](content.pattern.code) or code


def _when(trigger, exprs, pub, narrative, carry, mood, said, clause):
    """The EventDate of a trigger: its clause's or sentence's date expression, else the date its
    paragraph carries, else the publication; an intention is dated when stated, not when planned."""
    when = date_event(trigger.start, trigger.end, exprs, pub, narrative, clause)
    future = mood == "intent" or trigger.pattern.future
    if future and when.value and pub and (when.value > pub or _weekday_of(trigger, exprs, said, clause)):
        # "will meet on Friday": next Friday, planned; the intention is dated when it was stated
        # ("..., the ministry said on Thursday"; "外交部4日宣布"), else when published
        stated = _statement_expr(exprs, said, choose(trigger.start, trigger.end, exprs, clause))
        when = date_event(stated.start, stated.end, [stated], pub, narrative) if stated else publication_date(pub)
        if when.value is None or when.value > pub:
            when = publication_date(pub)
    if when.basis == "publication" and carry is not None:
        when = carry
    return when


def _statement_expr(exprs, said, planned):
    """The date expression of a reporting verb in the sentence ("said on Thursday", "4日宣布",
    "в четверг заявил"): a reporting word within three tokens of it; None when there is none."""
    for expr in exprs:
        if expr is not planned and (said(max(expr.start - 3, 0), expr.start) or said(expr.end, expr.end + 3)):
            return expr
    return None


def _weekday_of(trigger, exprs, said, clause):
    """Whether a trigger is dated by a bare weekday name of the day planned: after it ("will meet
    Putin on Friday"; "agreed on Thursday to resume talks" dates the statement, as does "ready to
    mediate, its minister said on Tuesday"), or anywhere near a future form ("в пятницу
    встретится", "wird am Freitag ... zusammenkommen")."""
    expr = choose(trigger.start, trigger.end, exprs, clause)
    if expr is None or expr.kind != "weekday":
        return False
    if expr.start >= trigger.end:
        return not said(trigger.end, expr.start)
    return trigger.pattern.future


def _placed(actor, where, other):
    """A copy of an actor; a group with a sector but no country ("civilians", "gunmen") takes the
    country of the place of the event, else that of the other side ("police arrested protesters")."""
    if actor is None:
        return None
    actor = actor.copy()
    if actor.key is None and actor.sector and not actor.name:
        actor.country = (where or {}).get("country") or (other.country if other is not None else None)
    return actor


def _place_target(where, source, mentions, trigger_end):
    """The country where an event with no named target happened, as its target ("a protest in
    Beijing" is against China, "rebels attacked a base in Mali" against Mali), when the place
    closely follows the trigger and, for a state, is not its own country; an event no one is named
    for is aimed at the country where it happened, wherever the sentence names it."""
    if where is None or not where.get("country"):
        return None
    if source is not None and where["country"] == source.country and source.sector in STATE_SECTORS:
        return None     # a state acting in its own country names whom it acts on, or nobody
    reach = PLACE_TARGET_GAP if source is not None else MAX_SENTENCE
    mention = next((m for m in mentions if m.place is not None and m.text == where["text"]
                    and 0 <= m.start - trigger_end <= reach), None)
    if mention is None:
        return None
    return Actor(country=where["country"], text=mention.text, start=mention.span[0], end=mention.span[1])


def _drop_governing(triggers, spans):
    """Triggers without those that only govern another one ("agreed to | hold talks"): a trigger
    inside a modality phrase that another trigger follows closely is modality, not an event."""
    kept = []
    for trigger in triggers:
        span = next((s for s in spans if s[0] <= trigger.start and trigger.end <= s[1]), None)
        if span and any(0 <= other.start - span[1] <= GOVERNED_GAP for other in triggers if other is not trigger):
            continue
        kept.append(trigger)
    return kept


def _drop_contents(triggers, same_clause):
    """Triggers without what an appeal, demand, threat, intention or accusation governs ("urged
    Israel to agree to a ceasefire", "invited Xi to visit", "alleged that Russia attacked"): the
    event after such a trigger in its clause has not happened, or is only alleged ("warned Putin of
    sanctions | during a video call": the call is another clause's). Also returns each governing
    trigger's first governed one."""
    kept, governor, contents = [], None, {}
    for trigger in triggers:
        if governor is not None and 0 <= trigger.start - governor.end <= CONTENT_GAP \
                and same_clause(governor, trigger):
            contents.setdefault(governor, trigger)
            continue
        kept.append(trigger)
        governor = trigger if trigger.pattern.code.startswith(governing_codes()) else None
    return kept, contents


RETOLD_GAP = 3      # tokens between "condemned" and "the raids" (articles, a preposition)
OWN_PARTY_AFTER = 2     # "el ataque | de Irán", "los bombardeos | israelíes": the attack's own party


def _retold_attacks(triggers, mentions):
    """{disapproval trigger: violent trigger} for "condemned the raids", "نددت بالغارات": an
    attack named by a bare noun right after a disapproval, no party between (not "condemned the
    Russian attack"), is one told before, aimed at whoever made it."""
    out = {}
    for left, right in zip(triggers, triggers[1:]):
        if left.pattern.code[:2] == DISAPPROVE_ROOT and right.pattern.code[:2] in VIOLENT_ROOTS \
                and 0 <= right.start - left.end <= RETOLD_GAP \
                and not any(left.end <= m.start < right.end + OWN_PARTY_AFTER
                            and (m.place is None or m.place.kind == "country") for m in mentions):
            out[left] = right       # not "el ataque de Irán", "les frappes israéliennes"
    return out


def _attacker(events):
    """The source of the latest attack told so far, or None."""
    return next((e.source for e in reversed(events) if e.root in VIOLENT_ROOTS and e.source is not None), None)


def _target_actor(mention):
    """The target Actor of a mention; a visited place stands for its country."""
    if mention is None:
        return None
    if mention.actor is not None:
        return mention.actor
    if mention.place is not None:
        return Actor(country=mention.place.country, text=mention.text, start=mention.span[0],
                     end=mention.span[1])
    return None


def _guessed_country(mention, where):
    """Whether a target group's country can only be guessed from the other side ("France criticised
    the detention of two citizens": not French citizens detained by France): neither the text nor
    the place names it."""
    actor = mention.actor if mention is not None else None
    return actor is not None and actor.country is None and not (where or {}).get("country")


def _keep(source, target, pattern, guessed=False, unplaced=False):
    """Whether a source-target pair makes an event worth reporting; one inside a country only when
    the text says so; a protest or an attack (unplaced) also between groups whose country the
    sentence does not name ("the unions called a national strike against the government")."""
    if source is None or (target is None and not pattern.target_optional):
        return False
    if target is not None and source.key == target.key and (
            (guessed and source.sector is None) or source.sector == target.sector
            or _one_state(source.sector, target.sector)):
        return False
    if target is not None and source.name and source.name == target.name:
        return False
    if unplaced and source.sector and (target is None or target.sector):
        return True
    return source.key is not None or (target is not None and target.key is not None)


def _attributed_first(events):
    """A sentence's events without the unattributed ones another trigger there gives a source
    ("a suicide bomber | blew himself up": one bombing, by the bomber)."""
    named = {e.code[:3] for e in events if e.source is not None}
    return [e for e in events if e.source is not None or e.code[:3] not in named]


def _unattributed(where, target, code):
    """Whether an event no one is named for is worth reporting: a protest always ("the strike
    paralysed the ports": the document's place and date still tell where and when); violence when
    the text says where it happened or against whom ("a car bomb exploded in Kabul"; a bare "the
    skirmish went wrong" is not)."""
    return code[:2] == PROTEST_ROOT or target is not None or bool(where and where.get("country"))


def _one_state(sector, other):
    """Whether a country and a sector of it are one party: one side names no sector, the other
    a state organ ("Russia" and "Russian troops")."""
    return None in (sector, other) and {sector, other} <= STATE_SECTORS


def _chunks(text, start, end):
    """Split an over-long sentence at spaces so no piece exceeds MAX_SENTENCE characters."""
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end
