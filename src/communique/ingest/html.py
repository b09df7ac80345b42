"""Article text and publication date from HTML, with trafilatura favouring precision."""

from datetime import date


def extract(html):
    """(text, date or None) of the article in an HTML page; text is '' when none is found."""
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    text = trafilatura.extract(html, favor_precision=True, include_comments=False,
                               include_tables=False) or ""
    found = None
    try:
        meta = trafilatura.extract_metadata(html)
        if meta is not None and meta.date:
            found = date.fromisoformat(meta.date[:10])
    except (ValueError, TypeError):
        found = None
    return text, found
