"""A language's own tokenizer: jieba words, Arabic proclitics, Russian and Ukrainian inflection."""

from datetime import date

from communique.language import Language
from communique.nlp.segment import Segmenter
from communique.nlp.tokens import tokenize
from communique.time.expressions import DateFinder


def _words(segmenter, text):
    """(text, lower) of each token, after checking every token's offsets point at its text."""
    tokens = segmenter.tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    return [(t.text, t.lower) for t in tokens]


def test_jieba_keeps_vocabulary_words_whole():
    lang = Language(iso="zh", segmenter="jieba")
    words = _words(Segmenter(lang, {"普京", "拜登", "举行", "视频", "会晤"}), "普京同拜登举行视频会晤。")
    assert [w for w, _ in words] == ["普京", "同", "拜登", "举行", "视频", "会晤", "。"]


def test_jieba_splits_dates_and_leaves_latin_words():
    lang = Language(iso="zh", segmenter="jieba")
    words = [w for w, _ in _words(Segmenter(lang, {"普京"}), "NATO 12月7日普京")]
    assert words == ["NATO", "12", "月", "7", "日", "普京"]


ARABIC = Language(iso="ar", clitics=("لل", "ال", "و", "ب", "ل"), clitic_restore={"لل": "ال"})


def test_clitics_split_off_when_the_rest_is_known():
    seg = Segmenter(ARABIC, {"التقى", "بوتين", "الرئيس"}, prefixes={"اجتمع"})
    assert _words(seg, "والتقى") == [("و", "و"), ("التقى", "التقى")]
    assert _words(seg, "وبوتين") == [("و", "و"), ("بوتين", "بوتين")]
    assert _words(seg, "واجتمعا") == [("و", "و"), ("اجتمعا", "اجتمعا")]


def test_clitic_restore_reads_the_article_whole():
    seg = Segmenter(ARABIC, {"الرئيس"})
    assert _words(seg, "للرئيس") == [("ل", "ل"), ("لرئيس", "الرئيس")]
    assert _words(seg, "وبالرئيس") == [("و", "و"), ("ب", "ب"), ("الرئيس", "الرئيس")]


def test_known_words_and_unknown_rests_stay_whole():
    seg = Segmenter(ARABIC, {"بوتين", "زيارة"})
    assert _words(seg, "بوتين وزير لزيارة") == [("بوتين", "بوتين"), ("وزير", "وزير"), ("ل", "ل"),
                                               ("زيارة", "زيارة")]


RUSSIAN = Language(iso="ru", endings=("ого", "ом", "ым", "ой", "ий", "а", "у", "е", "ы", "я"))


def test_inflected_forms_read_as_the_known_word():
    seg = Segmenter(RUSSIAN, {"путин", "москва", "российский", "министр"})
    lowers = [low for _, low in _words(seg, "Путиным в Москве российского министра")]
    assert lowers == ["путин", "в", "москва", "российский", "министр"]


def test_unrelated_words_keep_their_form():
    seg = Segmenter(RUSSIAN, {"путин", "москва"})
    assert [low for _, low in _words(seg, "мама пошла домой")] == ["мама", "пошла", "домой"]


def test_arabic_indic_digits_match_as_digits():
    assert [t.lower for t in tokenize("١٥ ديسمبر ۲۰۲۱")] == ["15", "ديسمبر", "2021"]


def test_unit_dates():
    lang = Language(iso="zh", segmenter="jieba", time={"units": {"year": ["年"], "month": ["月"], "day": ["日", "号"]}})
    seg = Segmenter(lang, {"年", "月", "日", "号"})
    finder = DateFinder(lang)
    for text, expected in (("2021年12月7日", date(2021, 12, 7)), ("12月7号", date(2021, 12, 7)),
                           ("2020年3月", date(2020, 3, 1))):
        tokens = seg.tokenize(text)
        found = finder.find(tokens, [t.lower for t in tokens], date(2021, 12, 9))
        assert [e.value for e in found] == [expected], text


def test_a_bare_day_is_the_nearest_such_day():
    lang = Language(iso="zh", segmenter="jieba", time={"units": {"year": ["年"], "month": ["月"], "day": ["日"]}})
    seg, finder = Segmenter(lang, {"年", "月", "日", "王毅"}), DateFinder(lang)
    for text, pub, expected in (("王毅7日", date(2021, 12, 9), date(2021, 12, 7)),
                                ("王毅28日", date(2021, 12, 9), date(2021, 11, 28)),
                                ("王毅4日", date(2021, 12, 3), date(2021, 12, 4))):
        tokens = seg.tokenize(text)
        assert [e.value for e in finder.find(tokens, [t.lower for t in tokens], pub)] == [expected], text


def test_latin_accents_fold_and_other_scripts_keep_theirs():
    lowers = [t.lower for t in tokenize("Motín en la cárcel de Jericó; Außenminister, Китай, ёлка")]
    assert lowers[:6] == ["motin", "en", "la", "carcel", "de", "jerico"]
    assert "außenminister" in lowers and "китай" in lowers and "ёлка" in lowers


def test_one_character_names_do_not_cut_words():
    lang = Language(iso="zh", segmenter="jieba")
    seg = Segmenter(lang, {"法", "同", "普京"}, inflected={"法", "普京"})
    assert [w for w, _ in _words(seg, "普京同法国谈方法")][:2] == ["普京", "同"]
    assert "方法" in [w for w, _ in _words(seg, "这个方法")]
