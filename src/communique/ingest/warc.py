"""Documents from WARC web archives (as crawlers and Common Crawl write them, gzipped or not): the
HTML and plain-text pages of response, resource and conversion (WET) records. Requests, metadata,
redirects, failed fetches and media are not articles and are passed over; a broken archive gives
a ReadError saying where, after the documents before it."""

import gzip
import io
import re
import zlib
from datetime import date
from urllib.parse import urlsplit

from communique.documents import Document, ReadError

KEPT = {"response", "resource", "conversion"}
MEDIA = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
MAX_RECORD = 20 * 1024 * 1024
MAX_LINE = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class WarcError(ValueError):
    """The archive itself is broken: the records after this point cannot be found."""


def is_warc(name, head=b""):
    """Whether an input is a WARC file, by its name (.warc, .warc.gz) or its first bytes."""
    lower = str(name).lower()
    if lower.endswith((".warc", ".warc.gz")):
        return True
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(name, stream, date=None, lang=None):
    """Documents (or ReadErrors) of the pages archived in a binary stream, in record order."""
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
    source = gzip.GzipFile(fileobj=buffered) if buffered.peek(2)[:2] == GZIP_MAGIC else buffered
    number = 0
    try:
        for number, headers, body in _records(source):
            doc = _document(name, number, headers, body, date, lang)
            if doc is not None:
                yield doc
    except WarcError as exc:
        yield ReadError(f"{name}, record {number + 1}", f"broken WARC file: {exc}; the records before it were read")
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(f"{name}, record {number + 1}", f"broken WARC file ({exc}); the records before it were read")


def _records(stream):
    """(number, headers, body or None when too large) of each record of an uncompressed stream."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE)
        if not line:
            return
        if not line.strip():
            continue
        if not line.startswith(b"WARC/"):
            raise WarcError(f"expected a 'WARC/1.x' line, found {line[:40]!r}")
        number += 1
        headers = _headers(stream)
        try:
            length = int(headers["content-length"])
        except (KeyError, ValueError):
            raise WarcError("a record without a valid Content-Length") from None
        if length > MAX_RECORD:
            _skip(stream, length)
            yield number, headers, None
            continue
        body = stream.read(length)
        if len(body) < length:
            raise WarcError(f"the file ends inside a record ({len(body)} of {length} bytes)")
        yield number, headers, body


def _headers(stream):
    """Header fields (lower-case names) up to the blank line that ends them."""
    lines = []
    for line in iter(lambda: stream.readline(MAX_LINE), b""):
        if not line.strip():
            return _fields(line.decode("utf-8", "replace") for line in lines)
        lines.append(line)
    raise WarcError("the file ends inside a record's headers")


def _fields(lines):
    """{lower-case name: value} of "Name: value" lines (WARC or HTTP headers)."""
    fields = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    return fields


def _skip(stream, length):
    """Read past length bytes without keeping them."""
    while length > 0:
        chunk = stream.read(min(length, 1 << 20))
        if not chunk:
            raise WarcError("the file ends inside a record")
        length -= len(chunk)


def _document(name, number, headers, body, date, lang):
    """The Document of an archived page, a ReadError, or None for a record that is no article."""
    if headers.get("warc-type") not in KEPT:
        return None
    origin = f"{name}, record {number}"
    if body is None:
        return ReadError(origin, f"record larger than {MAX_RECORD // 1048576} MB: not read")
    content_type = headers.get("content-type", "")
    if headers["warc-type"] == "response" and content_type.startswith("application/http"):
        page = _http_payload(body)
        if page is None:
            return None
        content_type, body = page
    kind = MEDIA.get(content_type.split(";")[0].strip().lower())
    if kind is None or not body.strip():
        return None
    url = headers.get("warc-target-uri") or None
    text = _decode(body, content_type)
    return Document(id=_record_id(headers, name, number), text=text if kind == "text" else None,
                    html=text if kind == "html" else None, date=date, url=url, lang=lang,
                    source=_host(url), origin=origin, crawl_date=_crawl_date(headers))


def _http_payload(body):
    """(content type, decoded payload) of a successful HTTP response, or None."""
    head, sep, payload = body.partition(b"\r\n\r\n")
    if not sep:
        head, sep, payload = body.partition(b"\n\n")
    lines = head.decode("latin-1").splitlines()
    status = lines[0].split() if lines else []
    if len(status) < 2 or not status[1].startswith("2"):
        return None
    fields = _fields(lines[1:])
    if "chunked" in fields.get("transfer-encoding", "").lower():
        payload = _dechunk(payload)
    return fields.get("content-type", ""), _decompress(payload, fields.get("content-encoding", "").lower())


def _dechunk(payload):
    """A chunked HTTP body joined; the body as it is when it is not chunked after all."""
    out, at = [], 0
    while True:
        end = payload.find(b"\r\n", at)
        try:
            size = int(payload[at:end].split(b";")[0], 16) if end >= 0 else -1
        except ValueError:
            return payload
        if size < 0:
            return payload
        if size == 0:
            return b"".join(out)
        out.append(payload[end + 2:end + 2 + size])
        at = end + 2 + size + 2


def _decompress(payload, encoding):
    """A gzip- or deflate-encoded body decoded; as it is when the archive already decoded it."""
    try:
        if "gzip" in encoding and payload.startswith(GZIP_MAGIC):
            return gzip.decompress(payload)
        if "deflate" in encoding:
            return zlib.decompress(payload)
    except (OSError, EOFError, zlib.error):
        return payload
    return payload


def _decode(body, content_type):
    """Text of a page: the declared charset, else UTF-8, else the page's <meta charset>, else cp1252."""
    declared = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    candidates = [declared.group(1)] if declared else []
    candidates.append("utf-8")
    meta = META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    for charset in candidates:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", "replace")


def _record_id(headers, name, number):
    """The record's WARC-Record-ID without its <urn:uuid:...> wrapping, else file and number."""
    found = headers.get("warc-record-id", "").strip("<>")
    return found.removeprefix("urn:uuid:") or f"{name}-{number}"


def _host(url):
    """The site of a URL without 'www.', as the outlet; None without one."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _crawl_date(headers):
    """The day the page was fetched (WARC-Date), or None."""
    try:
        return date.fromisoformat(headers.get("warc-date", "")[:10])
    except ValueError:
        return None
