"""WARC archives: pages become documents, everything else in a crawl is passed over, and a broken
archive is reported after the documents before the break."""

import gzip
import io
import json
from datetime import date

from communique.cli import main
from communique.documents import Document, ReadError
from communique.ingest import warc
from communique.ingest.readers import read_inputs, read_source
from tests.ingest.warcs import html_page, record, response, write

ARTICLE = ("Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on Thursday.\n\n"
           "The two ministers discussed maritime security and trade, officials from both countries said "
           "after the talks, which lasted more than two hours.\n\n"
           "Wong also visited a school in the capital before flying on to Manila for further meetings.")


def _docs(items):
    return [d for d in items if isinstance(d, Document)]


def _errors(items):
    return [d for d in items if isinstance(d, ReadError)]


def _crawl():
    """A small crawl: one article page among the records a crawler also writes."""
    return [record("warcinfo", b"software: test-crawler\r\n", content_type="application/warc-fields"),
            record("request", b"GET /world/talks HTTP/1.1\r\nHost: news.example.org\r\n\r\n",
                   "https://www.news.example.org/world/talks", "application/http; msgtype=request"),
            response("https://www.news.example.org/world/talks", html_page(ARTICLE).encode()),
            response("https://news.example.org/missing", b"<html>gone</html>", status="404 Not Found"),
            response("https://news.example.org/old", b"", status="301 Moved Permanently"),
            response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", media="image/png"),
            record("metadata", b"fetchTimeMs: 212\r\n", "https://news.example.org/world/talks",
                   "application/warc-fields"),
            record("resource", "Putin met Xi in Beijing.".encode(), "file:///notes/brief.txt", "text/plain"),
            record("conversion", "Macron called Scholz on Monday.".encode(), "https://blog.example.net/a",
                   "text/plain")]


def test_warc_pages_become_documents_and_the_rest_is_passed_over(tmp_path):
    items = list(read_inputs([str(write(tmp_path / "crawl.warc", _crawl()))]))
    assert _errors(items) == []
    page, resource, converted = _docs(items)
    assert page.html and "Penny Wong" in page.html and page.text is None
    assert page.url == "https://www.news.example.org/world/talks" and page.source == "news.example.org"
    assert page.crawl_date == date(2024, 3, 11) and page.date is None
    assert page.origin.endswith("crawl.warc, record 3") and len(page.id) == 36
    assert resource.text == "Putin met Xi in Beijing." and resource.html is None
    assert converted.text.startswith("Macron") and converted.source == "blog.example.net"


def test_warc_gzip_members_read_as_the_plain_file(tmp_path):
    plain = _docs(read_inputs([str(write(tmp_path / "c.warc", _crawl()))]))
    packed = _docs(read_inputs([str(write(tmp_path / "c.warc.gz", _crawl()))]))
    assert [(d.id, d.html, d.text) for d in packed] == [(d.id, d.html, d.text) for d in plain]


def test_warc_chunked_and_gzip_encoded_payload_is_decoded(tmp_path):
    body = gzip.compress(html_page(ARTICLE).encode())
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100]) for i in range(0, len(body), 100))
    item = response("https://news.example.org/c", chunked + b"0\r\n\r\n",
                    extra=("Transfer-Encoding: chunked", "Content-Encoding: gzip"))
    (doc,) = _docs(read_inputs([str(write(tmp_path / "c.warc", [item]))]))
    assert "Retno Marsudi" in doc.html


def test_warc_charsets_declared_in_http_in_meta_or_not_at_all(tmp_path):
    russian = "<html><body><p>Лавров встретился с Блинкеном.</p></body></html>"
    meta = '<html><head><meta charset="koi8-r"></head><body><p>Встреча в Женеве.</p></body></html>'
    items = [response("https://a.example/1", russian.encode("cp1251"), media="text/html; charset=windows-1251"),
             response("https://a.example/2", meta.encode("koi8-r"), media="text/html"),
             response("https://a.example/3", "<p>Caf\u00e9 talks</p>".encode("cp1252"), media="text/html")]
    first, second, third = _docs(read_inputs([str(write(tmp_path / "c.warc", items))]))
    assert "Лавров встретился" in first.html and "Встреча в Женеве" in second.html and "Café" in third.html


def test_warc_truncated_archive_keeps_what_came_before(tmp_path):
    data = b"".join(_crawl())
    cut = data[:data.index(b"WARC-Type: conversion") + 200]
    items = list(read_inputs([str(write(tmp_path / "cut.warc", [cut]))]))
    assert len(_docs(items)) == 2
    (error,) = _errors(items)
    assert error.origin.endswith("cut.warc, record 9") and "ends inside a record" in error.message


def test_warc_garbage_between_records_is_reported(tmp_path):
    items = [response("https://a.example/1", html_page(ARTICLE).encode()), b"<html>stray bytes</html>\r\n",
             record("resource", b"Putin met Xi.", "file:///x.txt", "text/plain")]
    found = list(read_inputs([str(write(tmp_path / "bad.warc", items))]))
    assert len(_docs(found)) == 1
    assert "expected a 'WARC/1.x' line" in _errors(found)[0].message


def test_warc_broken_gzip_is_reported(tmp_path):
    packed = gzip.compress(b"".join(_crawl()))
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(packed[:len(packed) // 2])
    (error,) = _errors(read_inputs([str(path)]))
    assert "broken WARC file" in error.message


def test_warc_oversized_record_is_reported_and_the_next_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(warc, "MAX_RECORD", 1000)
    items = [record("resource", b"x" * 5000, "file:///big.txt", "text/plain"),
             record("resource", b"Putin met Xi.", "file:///small.txt", "text/plain")]
    found = list(read_inputs([str(write(tmp_path / "big.warc", items))]))
    assert [d.text for d in _docs(found)] == ["Putin met Xi."]
    assert "larger than" in _errors(found)[0].message


def test_warc_recognised_by_its_bytes_whatever_the_name(tmp_path):
    data = gzip.compress(b"".join(_crawl()))
    (tmp_path / "crawl.dat").write_bytes(data)
    assert len(_docs(read_inputs([str(tmp_path / "crawl.dat")]))) == 3
    assert len(_docs(read_source("<stdin>", data))) == 3
    assert warc.is_warc("notes.txt", b"WARC is a format") is False


def test_warc_pages_are_coded_with_the_page_date_else_the_crawl_date(tmp_path, capsys):
    items = [response("https://news.example.org/a", html_page(ARTICLE, published="2024-03-01").encode()),
             response("https://news.example.org/b", html_page(ARTICLE).encode(), day="2024-03-11")]
    path = write(tmp_path / "news.warc.gz", items)
    assert main(["code", str(path), "--lang", "en"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    meetings = {(e["doc_id"], e["date"]) for e in events if e["code"] == "040"}
    ids = [d.id for d in _docs(read_inputs([str(path)]))]
    assert meetings == {(ids[0], "2024-02-29"), (ids[1], "2024-03-07")}     # "on Thursday" before each date
    assert main(["code", str(path), "--lang", "en", "--date", "2024-01-20"]) == 0
    dates = {json.loads(line)["date"] for line in capsys.readouterr().out.splitlines()}
    assert "2024-01-18" in dates and "2024-03-07" not in dates


def test_warc_stream_without_peek_is_read():
    data = b"".join(_crawl())

    class Plain(io.RawIOBase):
        def __init__(self):
            self.inner = io.BytesIO(data)

        def readable(self):
            return True

        def readinto(self, buffer):
            chunk = self.inner.read(len(buffer))
            buffer[:len(chunk)] = chunk
            return len(chunk)

    assert len(_docs(warc.read_warc("raw", Plain()))) == 3
