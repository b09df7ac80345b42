"""Offline language identification over the languages communique knows of."""

from functools import lru_cache

from communique.resources import cached

KNOWN = ["id", "en", "ms", "ru", "uk", "fr", "de", "es", "ar", "zh", "pt", "it", "nl", "tr", "pl", "ja", "ko",
         "fa", "vi", "th", "hi"]
SAMPLE = 4000


def _build():
    """A py3langid identifier restricted to the known languages."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(KNOWN)
    # keep only the restricted model: the full one (97 languages) made the cached pickle 73 MB
    identifier._full_model = (identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes)
    return identifier


@lru_cache(maxsize=1)
def _identifier():
    """The identifier, loaded once per process; its unpacked model is cached on disk (1 s saved)."""
    from importlib.metadata import version

    return cached(f"langid-{version('py3langid')}-{'-'.join(KNOWN)}", (), _build, code=(__file__,))


def detect(text):
    """(ISO code, probability) of a text's language, from its first characters."""
    lang, prob = _identifier().classify(text[:SAMPLE])
    return lang, float(prob)
