"""HTML pages: the article text and the page's publication date."""

from communique.documents import Document
from communique.pipeline import prepare

PAGE = """<!DOCTYPE html><html><head><title>Talks</title>
<meta property="article:published_time" content="2023-03-24T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Leaders meet</h1>
<p>Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday, the Kremlin said.</p>
<p>The two leaders discussed trade and energy over two days of talks, according to officials in both capitals.</p>
<p>Xi later travelled to St Petersburg for a meeting with business leaders from both countries.</p>
</article><footer>Share this article: Facebook Twitter</footer></body></html>"""


def test_html_article_text_and_date_are_taken_from_the_page():
    ready = prepare(Document(id="p", html=PAGE, lang="en"))
    assert "Putin met Chinese President Xi Jinping" in ready.text
    assert "Share this article" not in ready.text and "Home" not in ready.text.split()
    assert str(ready.date) == "2023-03-24"


def test_html_without_article_text_is_a_clear_error():
    error = prepare(Document(id="q", html="<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", lang="en", origin="q.html"))
    assert "no article text" in error.message
