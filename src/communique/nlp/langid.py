"""Offline language identification over the languages communique knows of."""

from functools import lru_cache

KNOWN = ["id", "en", "ms", "ru", "uk", "fr", "de", "es", "ar", "zh", "pt", "it", "nl", "tr", "pl", "ja", "ko",
         "fa", "vi", "th", "hi"]
SAMPLE = 4000


@lru_cache(maxsize=1)
def _identifier():
    """A py3langid identifier restricted to the known languages."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(KNOWN)
    return identifier


def detect(text):
    """(ISO code, probability) of a text's language, from its first characters."""
    lang, prob = _identifier().classify(text[:SAMPLE])
    return lang, float(prob)
