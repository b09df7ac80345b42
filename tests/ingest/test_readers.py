"""Readers: every format, and bad input that never stops a batch."""

import json
from datetime import date

from communique.documents import Document, ReadError
from communique.ingest.readers import read_inputs, read_source


def _docs(items):
    return [d for d in items if isinstance(d, Document)]


def _errors(items):
    return [d for d in items if isinstance(d, ReadError)]


def test_readers_text_file_takes_date_and_name(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Putin met Biden.", encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], date=date(2021, 6, 16)))
    assert doc.id == "story" and doc.date == date(2021, 6, 16) and doc.text == "Putin met Biden."


def test_readers_jsonl_broken_line_in_the_middle_names_the_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": "One.", "date": "2021-01-02"}), "{not json", json.dumps({"id": "b", "text": "Two."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [d.id for d in _docs(items)] == ["a", "b"]
    (error,) = _errors(items)
    assert error.origin.endswith("batch.jsonl:2") and "broken JSON" in error.message


def test_readers_jsonl_empty_document_and_bad_date_are_reported(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "  "}) + "\n" + json.dumps({"id": "y", "text": "Hi.", "date": "16/6"}) + "\n")
    errors = _errors(list(read_inputs([str(path)])))
    assert "empty document" in errors[0].message and "bad date" in errors[1].message


def test_readers_csv_with_header(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text("id,text,date,lang\n1,\"Putin met Biden, officials said.\",2021-06-16,en\n", encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert doc.id == "1" and doc.lang == "en" and doc.date == date(2021, 6, 16)


def test_readers_csv_without_text_column_is_one_clear_error(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    (error,) = list(read_inputs([str(path)]))
    assert "no 'text' or 'html' column" in error.message


def test_readers_binary_and_invalid_utf8_and_empty(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "b.txt").write_bytes("Menteri bertemu ".encode() + b"\xff\xfe" + b" lagi.")
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "d.txt").write_text("Putin met Biden.")
    items = list(read_inputs([str(tmp_path)]))
    messages = {e.origin.rsplit("/", 1)[-1]: e.message for e in _errors(items)}
    assert "binary" in messages["a.bin"]
    assert "invalid UTF-8 at byte 16" in messages["b.txt"]
    assert "empty document" in messages["c.txt"]
    assert [d.id for d in _docs(items)] == ["d"]


def test_readers_sniff_jsonl_without_extension():
    items = list(read_source("stdin", json.dumps({"id": "s", "text": "Hi there."}).encode()))
    assert items[0].id == "s"


def test_readers_missing_file_is_reported(tmp_path):
    (error,) = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert "cannot read" in error.message
