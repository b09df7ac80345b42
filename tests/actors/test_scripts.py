"""One person, every script: the forms of a name in each language resolve to one actor."""

import pytest

from communique.pipeline import coder_for

FORMS = [
    ("Vladimir Putin", [("en", "Putin"), ("ru", "Путин"), ("ru", "Путиным"), ("ru", "у Путина"),
                        ("uk", "Путіна"), ("ar", "بوتين"), ("ar", "وبوتين"), ("zh", "普京"), ("de", "Putin")]),
    ("Sergei Ryabkov", [("en", "Ryabkov"), ("ru", "Рябков"), ("ru", "Рябковым"), ("de", "Rjabkow"),
                        ("zh", "里亚布科夫"), ("ar", "ريابكوف")]),
    ("Sergei Lavrov", [("en", "Lavrov"), ("ru", "Лавров"), ("ru", "с Лавровым"), ("uk", "Лавров"),
                       ("de", "Lawrow"), ("ar", "لافروف"), ("zh", "拉夫罗夫")]),
    ("Nancy Pelosi", [("en", "Pelosi"), ("zh", "佩洛西"), ("ru", "Пелоси"), ("ar", "بيلوسي")]),
]


def _people(lang, text):
    """The people a text names, by the language's own tokenizer and world dictionary."""
    coder = coder_for(lang)
    lowers = [t.lower for t in coder.segmenter.tokenize(text)]
    found = set()
    for i in range(len(lowers)):
        hit = coder.world.names.match_at(lowers, i)
        if hit:
            found |= {entity.name for entity, _ in hit[1] if entity.kind == "person"}
    return found


@pytest.mark.parametrize("name,lang,text", [(n, lang, text) for n, forms in FORMS for lang, text in forms])
def test_every_form_names_the_same_person(name, lang, text):
    assert name in _people(lang, text)


def test_discovered_in_a_caseless_script():
    """An unknown person right after a title is found in Chinese as in English."""
    from tests.conftest import code_text
    events = code_text("外交部 发言人 李明华 昨天 谴责 日本。".replace(" ", ""), "zh", "2024-03-09")
    names = {e["source"]["name"] for e in events if e["source"]}
    assert "李明华" in names, events
