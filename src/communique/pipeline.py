"""From read documents to events: extraction, language, the coder of each language."""

import gc
from dataclasses import replace
from functools import lru_cache

from communique.documents import ReadError
from communique.resources import languages

MAX_CHARS = 5_000_000
MIN_LANG_PROB = 0.5


@lru_cache(maxsize=None)
def coder_for(iso):
    """The Coder of a language, built once per process; its tables are then left out of garbage
    collection passes, which would otherwise walk them again and again."""
    from communique.coding.coder import Coder

    coder = Coder(iso)
    gc.freeze()
    return coder


def prepare(doc, lang=None):
    """The document ready to code (text, date, language), or a ReadError saying why not."""
    if doc.text is None and doc.html:
        from communique.ingest.html import extract

        text, found = extract(doc.html)
        if not text.strip():
            return ReadError(doc.origin, "no article text found in the HTML")
        doc = replace(doc, text=text, date=doc.date or found)
    if doc.date is None and doc.crawl_date:
        doc = replace(doc, date=doc.crawl_date)
    if len(doc.text) > MAX_CHARS:
        return ReadError(doc.origin, f"document too long ({len(doc.text):,} characters > {MAX_CHARS:,}): "
                                     "split it into articles")
    iso = lang or doc.lang
    if not iso:
        from communique.nlp.langid import detect

        iso, prob = detect(doc.text)
        if prob < MIN_LANG_PROB:
            return ReadError(doc.origin, f"language unclear (best guess {iso}, p={prob:.2f}): give --lang")
    iso = iso.lower().split("-")[0]
    if iso not in languages():
        return ReadError(doc.origin, f"language '{iso}' cannot be coded yet (coded: {', '.join(languages())}); "
                                     "not coded")
    return replace(doc, lang=iso)


def code_document(doc, lang=None):
    """(events, None) for a document, or ([], ReadError) when it cannot be coded."""
    ready = prepare(doc, lang)
    if isinstance(ready, ReadError):
        return [], ready
    return coder_for(ready.lang).code(ready), None
