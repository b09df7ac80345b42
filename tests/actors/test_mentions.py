"""Actor mentions: shared names by date, discovery, appositives, pronouns."""

from datetime import date

from communique.actors.context import DocContext
from communique.actors.mentions import MentionFinder
from communique.actors.world import Entity, Term, World, load_world
from communique.language import load_language
from communique.nlp.tokens import tokenize


def _actors(text, lang="en", world=None, day=None):
    finder = MentionFinder(load_language(lang), world or load_world(lang))
    tokens = tokenize(text)
    ctx = DocContext(day=day)
    return [m.actor for m in finder.find(text, tokens, [t.lower for t in tokens], ctx) if m.actor]


def _two_presidents():
    world = World("en")
    for name, country, start, end in (("Ana Smith", "AAA", date(1990, 1, 1), date(1999, 12, 31)),
                                      ("Bea Smith", "BBB", date(2010, 1, 1), None)):
        person = Entity("person", name, name, country=country,
                        terms=(Term("president", "GOV", start, end, country, None),))
        world.add_form(name, person)
        world.add_form("Smith", person)
    return world


def test_mentions_shared_name_is_whoever_held_office_that_day():
    world = _two_presidents()
    assert _actors("Smith spoke.", world=world, day=date(1995, 5, 1))[0].name == "Ana Smith"
    assert _actors("Smith spoke.", world=world, day=date(2015, 5, 1))[0].name == "Bea Smith"
    assert _actors("Smith spoke.", world=world, day=date(2005, 5, 1)) == []


def test_mentions_role_country_name_is_discovered():
    (actor,) = _actors("Tanzanian Foreign Minister Amina Kolwe arrived.")
    assert (actor.name, actor.country, actor.sector, actor.discovered) == ("Amina Kolwe", "TZA", "GOV", True)


def test_mentions_appositive_gives_the_person_a_role():
    actors = _actors("Amina Kolwe, the foreign minister of Tanzania, arrived.")
    assert [(a.name, a.country) for a in actors] == [("Amina Kolwe", "TZA")]


def test_mentions_institution_is_not_a_person():
    actors = _actors("Asisten Sekretaris Biro Urusan Eropa dan Eurasia tiba.", lang="id")
    assert all(a.name is None for a in actors)


def test_mentions_role_names_the_holder_on_the_day():
    (actor,) = _actors("Presiden AS tiba.", lang="id", day=date(2019, 6, 1))
    assert actor.name == "Donald Trump"
    (actor,) = _actors("Presiden AS tiba.", lang="id", day=date(2022, 6, 1))
    assert actor.name == "Joe Biden"


def test_mentions_its_forces_take_the_owner_or_stay_unowned():
    actors = _actors("Russia said its forces crossed the river.")
    assert [(a.country, a.sector) for a in actors] == [("RUS", None), ("RUS", "MIL")]
    (alone,) = _actors("Its forces crossed the river.")
    assert alone.country is None and alone.sector == "MIL"


def _sentences_actors(sentences, lang="en"):
    """The actors of each sentence, read in order with one document context."""
    finder = MentionFinder(load_language(lang), load_world(lang))
    ctx, out = DocContext(day=date(2025, 3, 12)), []
    for text in sentences:
        tokens = tokenize(text)
        out.append([m.actor for m in finder.find(text, tokens, [t.lower for t in tokens], ctx) if m.actor])
    return out


def test_mentions_the_two_leaders_are_the_last_two_parties_named():
    _, pair = _sentences_actors(["Norwegian Foreign Minister Espen Barth Eide met Alexander Grushko of Russia.",
                                 "The two diplomats later spoke to the press."])
    assert [(a.name, a.country) for a in pair] == [("Espen Barth Eide", "NOR"), ("Alexander Grushko", "RUS")]


def test_mentions_kedua_pihak_prefers_the_people_over_a_later_ministry():
    _, _, pair = _sentences_actors(["Menlu Sugiono bertemu Menlu Jepang Takeshi Iwaya di Tokyo.",
                                    "Kementerian Luar Negeri Indonesia menyebut pertemuan itu produktif.",
                                    "Kedua pihak sepakat memperkuat kerja sama maritim."], lang="id")
    assert {a.name for a in pair} == {"Sugiono", "Takeshi Iwaya"}


def test_mentions_the_two_sides_need_two_parties():
    (first, second) = _sentences_actors(["Russia said on Monday it was ready for talks.",
                                         "Both sides are expected in Geneva."])
    assert [a.country for a in first] == ["RUS"] and second == []


def test_mentions_a_speaker_after_a_comma_is_no_apposition():
    (actors,) = _sentences_actors(["Eide discussed fishing quotas in the Barents Sea, the Norwegian foreign ministry said."])
    assert not any(a.name == "Barents Sea" for a in actors)


def test_mentions_a_city_inside_a_longer_compass_name_is_no_place():
    finder = MentionFinder(load_language("en"), load_world("en"))
    for text in ("Storms hit South Carolina on Monday.", "Storms hit North Carolina on Monday."):
        tokens = tokenize(text)
        found = finder.find(text, tokens, [t.lower for t in tokens], DocContext())
        assert not any(m.place is not None and m.place.country == "PRI" for m in found), text


def _places(text, lang="en"):
    finder = MentionFinder(load_language(lang), load_world(lang))
    tokens = tokenize(text)
    found = finder.find(text, tokens, [t.lower for t in tokens], DocContext())
    return [(m.text, m.place.country if m.place else None, m.prep) for m in found]


def test_mentions_short_country_name_before_a_function_word_is_a_place():
    assert ("Bosnia", "BIH", "directional") in _places("Canada sent engineers to Bosnia on Monday.")
    assert ("Israeli", None, None) in _places("Two died in Israeli shelling.")
