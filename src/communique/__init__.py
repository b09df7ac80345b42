"""communique: dated, sourced political events from news articles in many languages."""

__version__ = "0.1.0"
__all__ = ["__version__", "code_text", "ingest", "open_store"]


def __getattr__(name):
    """The notebook API (communique.api), loaded on first use so the command line starts fast."""
    if name in ("code_text", "ingest", "open_store"):
        from communique import api

        return getattr(api, name)
    raise AttributeError(f"module 'communique' has no attribute {name!r}")
