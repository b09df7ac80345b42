"""communique: dated, sourced political events from news articles in many languages."""

__version__ = "0.1.0"
__all__ = ["__version__"]
