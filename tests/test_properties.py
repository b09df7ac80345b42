"""Property-based tests: arbitrary text and markup never crash the readers or the coder."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.documents import Document, ReadError
from communique.ingest.readers import read_source
from communique.pipeline import code_document

MARKUP = st.sampled_from(["<p>", "</p>", "<div class='x'>", "<script>var a=1;</script>", "&amp;", "<!--",
                          "-->", "<br/>", "\n", "\x00", "\ufeff", "(16/6/2021)", "Dr.", "U.S.", "Putin", "Rusia-nya",
                          "di Moskow", "met with", "bertemu dengan", "on Monday", ".", "?!", "“", "”",
                          "its forces", "he", "ia", "the President of", ", where", "by", "oleh", "Keesokan harinya"])
TEXT = st.lists(st.one_of(st.text(max_size=40), MARKUP), max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.jsonl", "a.csv", "a.html", "a"]))
def test_properties_readers_never_crash(data, name):
    for item in read_source(name, data):
        assert isinstance(item, (Document, ReadError))


@SETTINGS
@given(text=TEXT, lang=st.sampled_from(["en", "id"]))
def test_properties_coder_never_crashes_and_events_point_into_the_text(text, lang):
    events, error = code_document(Document(id="p", text=text, lang=lang), lang)
    assert error is None or isinstance(error, ReadError)
    for event in events:
        row = event.to_json()
        json.dumps(row)
        for mention in row["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
            start, end = mention["trigger_span"]
            assert text[start:end] == mention["trigger"]


@SETTINGS
@given(text=TEXT)
def test_properties_html_documents_never_crash(text):
    html = f"<html><body><article><p>{text}</p></article></body></html>"
    events, error = code_document(Document(id="h", html=html, lang="en"), "en")
    assert isinstance(events, list)
