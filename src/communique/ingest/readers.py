"""Reading documents from text, HTML, JSON Lines, CSV and WARC files or stdin; bad input never stops a batch."""

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

from communique.documents import Document, ReadError
from communique.ingest.warc import is_warc, read_warc

MAX_BYTES = 20 * 1024 * 1024
SNIFF = 8192
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "tsv",
           ".html": "html", ".htm": "html", ".txt": "text", ".text": "text"}
FIELDS = ("id", "text", "html", "date", "url", "lang", "source")


class InputError(ValueError):
    """A problem with one document, explained for a person."""


def parse_date(value, origin):
    """A publication date from YYYY-MM-DD (or a longer ISO timestamp); InputError when it is not one."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"bad date {text!r} in {origin}: use YYYY-MM-DD") from None


def _decode(data, origin):
    """Bytes as text; InputError for binary data or invalid UTF-8, saying where."""
    if b"\x00" in data[:SNIFF]:
        raise InputError("binary file (NUL bytes): give text, HTML, JSON Lines or CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"invalid UTF-8 at byte {exc.start} (line {line}): "
                         "convert the file to UTF-8 (e.g. iconv -f cp1252 -t utf-8)") from None


def _document(fields, origin, defaults):
    """A Document from a record's fields; InputError when it has no usable content."""
    unknown = set(fields) - set(FIELDS)
    text, html = fields.get("text"), fields.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        hint = f" (unknown fields: {', '.join(sorted(unknown))})" if unknown else ""
        raise InputError(f"empty document: no 'text' or 'html'{hint}")
    return Document(
        id=str(fields.get("id") or defaults["id"]),
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if isinstance(html, str) and html.strip() else None,
        date=parse_date(fields.get("date"), origin) or defaults.get("date"),
        url=fields.get("url") or None, lang=fields.get("lang") or defaults.get("lang"),
        source=fields.get("source") or None, origin=origin)


def read_record(fields, origin, defaults):
    """A Document from one record's fields (a Parquet row, a JSON object), or a ReadError."""
    try:
        return _document(fields, origin, defaults)
    except InputError as exc:
        return ReadError(origin, str(exc))


def _records_jsonl(text, name, defaults):
    """Documents or errors from JSON Lines, one per non-blank line."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            fields = json.loads(line)
            if not isinstance(fields, dict):
                raise InputError("a JSON Lines record must be an object {\"id\", \"text\", ...}")
            yield _document(fields, origin, dict(defaults, id=f"{Path(name).stem}-{number}"))
        except json.JSONDecodeError as exc:
            yield ReadError(origin, f"broken JSON ({exc.msg} at column {exc.colno}): fix or remove the line")
        except InputError as exc:
            yield ReadError(origin, str(exc))


def _records_csv(text, name, defaults, delimiter):
    """Documents or errors from CSV/TSV with a header row naming the fields."""
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
        yield ReadError(name, f"no 'text' or 'html' column in the header (found: {reader.fieldnames})")
        return
    for number, row in enumerate(reader, 2):
        origin = f"{name}:{number}"
        try:
            yield _document(row, origin, dict(defaults, id=f"{Path(name).stem}-{number}"))
        except InputError as exc:
            yield ReadError(origin, str(exc))


def _records_single(text, name, defaults, kind):
    """One document from a whole text or HTML file."""
    fields = {"html": text} if kind == "html" else {"text": text}
    try:
        yield _document(fields, name, dict(defaults, id=defaults.get("id") or Path(name).stem))
    except InputError as exc:
        yield ReadError(name, str(exc))


def _kind(name, text):
    """The format of an input by its extension, else by its first characters."""
    kind = FORMATS.get(Path(name).suffix.lower())
    if kind:
        return kind
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def read_source(name, data, date=None, lang=None, fmt=None):
    """Documents (or ReadErrors) from the bytes of one input named name."""
    defaults = {"date": date, "lang": lang}
    if fmt == "warc" or (fmt is None and is_warc(name, data[:SNIFF])):
        yield from read_warc(name, io.BytesIO(data), date, lang)
        return
    if len(data) > MAX_BYTES and (fmt or FORMATS.get(Path(name).suffix.lower(), "text")) in ("text", "html"):
        yield ReadError(name, f"document too large ({len(data) // 1048576} MB > {MAX_BYTES // 1048576} MB): "
                              "split it into articles, or give JSON Lines with one article a line")
        return
    try:
        text = _decode(data, name)
    except InputError as exc:
        yield ReadError(name, str(exc))
        return
    kind = fmt or _kind(name, text)
    if kind == "jsonl":
        yield from _records_jsonl(text, name, defaults)
    elif kind in ("csv", "tsv"):
        yield from _records_csv(text, name, defaults, "\t" if kind == "tsv" else ",")
    else:
        yield from _records_single(text, name, defaults, kind)


def read_inputs(paths, date=None, lang=None, fmt=None):
    """Documents and ReadErrors from files, folders and '-' (stdin), in order."""
    for path in paths:
        if path == "-":
            yield from read_source("<stdin>", sys.stdin.buffer.read(), date, lang, fmt)
            continue
        target = Path(path)
        files = _folder_files(target) if target.is_dir() else [target]
        for file in files:
            try:
                if fmt in (None, "warc") and is_warc(file):     # archives are streamed, not read whole
                    with open(file, "rb") as stream:
                        yield from read_warc(str(file), stream, date, lang)
                    continue
                data = file.read_bytes()
            except OSError as exc:
                yield ReadError(str(file), f"cannot read: {exc.strerror or exc}")
                continue
            yield from read_source(str(file), data, date, lang, fmt)


NOT_DOCUMENTS = {".md", ".rst"}


def _folder_files(folder):
    """The files of a folder, in name order, without hidden files and notes (README.md); any other
    file is read, and one that is not a document is reported."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() not in NOT_DOCUMENTS)
