"""WARC files built for tests: records of our own pages, written as crawlers write them."""

import gzip
import uuid


def record(kind, body, uri=None, content_type=None, day="2024-03-11"):
    """One WARC/1.1 record of a type with a body (bytes)."""
    headers = [f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind}{uri}{len(body)}')}>",
               f"WARC-Date: {day}T08:15:00Z", f"Content-Length: {len(body)}"]
    if uri:
        headers.insert(2, f"WARC-Target-URI: {uri}")
    if content_type:
        headers.append(f"Content-Type: {content_type}")
    return ("WARC/1.1\r\n" + "\r\n".join(headers) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


def response(uri, page, status="200 OK", media="text/html; charset=utf-8", extra=(), day="2024-03-11"):
    """A response record holding an HTTP response with its headers and payload (bytes)."""
    head = [f"HTTP/1.1 {status}", f"Content-Type: {media}", *extra]
    http = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + page
    return record("response", http, uri, "application/http; msgtype=response", day)


def html_page(text, published=None):
    """An article page as a news site serves it; the text in paragraphs."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>News</title>{meta}</head><body><nav>Home | World</nav>"
            f"<article><h1>World news</h1>{paragraphs}</article><footer>Contact us</footer></body></html>")


def write(path, records, compress=None):
    """Write records to path; each record its own gzip member when compress (as .warc.gz is)."""
    compress = path.name.endswith(".gz") if compress is None else compress
    with open(path, "wb") as out:
        for item in records:
            out.write(gzip.compress(item) if compress else item)
    return path
