"""The JSON API in-process against a real SQLite store: answers, filters, paging, evidence, posting."""

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.web.app import STATIC, create_app
from tests.web.conftest import build_store

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(store_path):
    return TestClient(create_app(store_path))


def _events(client, **params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_about_counts_the_store(client):
    about = client.get("/api/about").json()
    assert about["documents"] == 6 and about["events"] >= 20
    assert about["posting"] is False
    assert about["roots"]["04"] == "Consult" and len(about["roots"]) == 20
    assert "CONSULT" in about["plover"] and "zh" in about["languages"]


def test_dyad_filter_keeps_only_that_pair(client):
    found = _events(client, a="RUS", b="USA", limit=500)
    pairs = {tuple(sorted((e["source"]["country"], e["target"]["country"]))) for e in found["events"]}
    assert pairs == {("RUS", "USA")}
    assert found["total"] == len(found["events"]) and found["total_exact"]


def test_sorting_and_paging(client):
    everything = _events(client, sort="date", limit=500)["events"]
    dates = [e["date"] for e in everything if e["date"]]
    assert dates == sorted(dates)
    first = _events(client, sort="date", limit=5, offset=0)["events"]
    second = _events(client, sort="date", limit=5, offset=5)["events"]
    assert [e["event_id"] for e in first + second] == [e["event_id"] for e in everything[:10]]
    newest = _events(client, sort="-date", limit=1)["events"][0]
    assert newest["date"] == max(dates)
    by_sources = [e["num_sources"] for e in _events(client, sort="-sources", limit=500)["events"]]
    assert by_sources == sorted(by_sources, reverse=True) and by_sources[0] >= 2


def test_root_date_language_and_plover_filters(client):
    calls = _events(client, root="04", since="2021-12-07", until="2021-12-31")["events"]
    assert calls and all(e["root"] == "04" and "2021-12-07" <= e["date"] <= "2021-12-31" for e in calls)
    indonesian = _events(client, lang="id")["events"]
    assert indonesian and all(e["lang"] == "id" or "id" in e.get("langs", ["id"]) for e in indonesian)
    consult = _events(client, plover="consult")["events"]
    assert consult and all(e["plover"]["event"] == "CONSULT" for e in consult)
    assert _events(client, root="19")["total"] == 0


def test_timeline_has_the_december_call(client):
    found = client.get("/api/timeline", params={"a": "Russia", "b": "USA"}).json()
    call = [e for e in found["events"] if e["date"] == "2021-12-07" and e["code"] == "041"]
    assert len(call) == 1 and call[0]["num_articles"] == 3
    assert [e["date"] for e in found["events"]] == sorted(e["date"] for e in found["events"])


def test_event_view_highlights_trigger_and_actors(client):
    found = client.get("/api/timeline", params={"a": "RUS", "b": "USA"}).json()["events"]
    call = next(e for e in found if e["date"] == "2021-12-07" and e["code"] == "041")
    event = client.get(f"/api/events/{call['event_id']}").json()
    assert len({m["doc_id"] for m in event["evidence"]}) == 3
    for mention in event["evidence"]:
        kinds = {kind: mention["sentence"][start:end] for kind, start, end in mention["highlights"]}
        assert kinds["trigger"] == mention["trigger"]
        assert "Biden" in kinds["source"] and "Putin" in kinds["target"]
        assert mention["rule"] and mention["doc_id"] and mention["url"].startswith("https://")


def test_network_weights_pairs(client):
    net = client.get("/api/network").json()
    edge = next(e for e in net["edges"] if (e["a"], e["b"]) == ("RUS", "USA"))
    dyad = [e for e in _events(client, a="RUS", b="USA", limit=500)["events"]]
    assert edge["events"] == len(dyad) == edge["cooperation"] + edge["conflict"]
    assert edge["conflict"] >= 1 and edge["cooperation"] >= 1
    assert {"RUS", "USA"} <= {n["id"] for n in net["nodes"]}


def test_actors_and_documents(client):
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0]["party"] == "RUS" and actors[0]["events"] >= actors[-1]["events"]
    assert all(a["party"].startswith("U") for a in client.get("/api/actors?prefix=u").json()["actors"])
    doc = client.get("/api/documents/markup-test").json()
    assert doc["url"] == "javascript:alert(1)" and len(doc["event_ids"]) == 1
    assert client.get(f"/api/events/{doc['event_ids'][0]}").json()["evidence"][0]["sentence"].count("<b>") == 1


@pytest.mark.parametrize("url, status, words", [
    ("/api/events?since=2021-02-30", 422, "since"),
    ("/api/events?since=yesterday", 422, "since"),
    ("/api/events?since=2022-01-02&until=2022-01-01", 400, "after until"),
    ("/api/events?limit=-1", 422, "limit"),
    ("/api/events?limit=100000000", 422, "limit"),
    ("/api/events?offset=-5", 422, "offset"),
    ("/api/events?limit=ten", 422, "limit"),
    ("/api/events?colour=red", 400, "unknown parameter"),
    ("/api/events?root=04&root=05", 400, "more than once"),
    ("/api/events?root=21", 422, "root"),
    ("/api/events?code=04%27%20OR%201=1", 422, "code"),
    ("/api/events?sort=date%3B%20DROP%20TABLE%20events", 422, "sort"),
    ("/api/events?plover=BOMB", 400, "plover"),
    ("/api/events?lang=xx", 400, "lang"),
    ("/api/events?a=RUS", 400, "both sides"),
    ("/api/events?actor=%3Cscript%3E", 422, "actor"),
    ("/api/timeline", 400, "two parties"),
    ("/api/actors?prefix=R%25", 422, "prefix"),
    ("/api/network?edges=0", 422, "edges"),
    ("/api/events/abc", 422, "event_id"),
    ("/api/events/-1", 422, "event_id"),
    ("/api/events/1%20OR%201=1", 422, "event_id"),
    ("/api/events/99999999", 404, "no event"),
    ("/api/documents/nope", 404, "no document"),
    ("/api/documents/..%2F..%2Fetc%2Fpasswd", 404, "Not Found"),
    ("/api/documents/..%5C..%5Cwindows", 422, "doc_id"),
    ("/static/..%2F..%2Fapp.py", 404, "Not Found"),
])
def test_malformed_requests_get_a_clear_4xx(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]


def test_sql_like_strings_are_data(client, store_path):
    before = _events(client, limit=500)["total"]
    for value in ("RUS' OR '1'='1", "USA; DROP TABLE events; --", "%", "_"):
        assert _events(client, actor=value)["total"] == 0
        assert _events(client, place=value)["total"] == 0
    assert _events(client, limit=500)["total"] == before


def test_every_answer_carries_safe_headers(client):
    for url in ("/", "/api/events", "/static/app.js", "/api/events/abc"):
        headers = client.get(url).headers
        assert headers["content-security-policy"].startswith("default-src 'self'")
        assert headers["x-content-type-options"] == "nosniff"


def test_page_and_assets_come_from_the_package():
    """No script, style or font of the page is fetched from elsewhere."""
    for path in Path(STATIC).iterdir():
        text = path.read_text()
        remote = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text)) - {"//www.w3.org/2000/svg"}
        assert not {r for r in remote if "w3.org/2000/svg" not in r}, (path.name, remote)
    assert {"index.html", "app.js", "style.css"} <= {p.name for p in Path(STATIC).iterdir()}


def test_openapi_schema_lists_the_api(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/timeline", "/api/actors", "/api/documents/{doc_id}",
            "/api/documents", "/api/network"} <= set(paths)


# -- posting articles

ARTICLE = {"id": "post-1", "date": "2024-06-01", "lang": "en",
           "text": "Kenyan President William Ruto met Chinese President Xi Jinping in Beijing on Friday."}


@pytest.fixture()
def writable(tmp_path):
    return build_store(tmp_path / "post.db")


def test_posting_is_off_without_a_token(writable):
    response = TestClient(create_app(writable)).post("/api/documents", json=ARTICLE)
    assert response.status_code == 403 and "--token" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_posting_needs_the_right_token(writable, headers):
    client = TestClient(create_app(writable, token=TOKEN))
    response = client.post("/api/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401 and "Bearer" in response.json()["detail"]
    assert client.get("/api/documents/post-1").status_code == 404


def test_posting_codes_and_stores_articles(writable):
    client = TestClient(create_app(writable, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/documents", json=[ARTICLE, {"id": "empty", "text": "  "}], headers=auth)
    assert response.status_code == 201, response.text
    done = response.json()
    assert (done["stored"], done["failed"], done["events"]) == (1, 1, 1)
    assert "empty document" in done["errors"][0]
    found = _events(client, a="KEN", b="CHN")["events"]
    assert [(e["code"], e["date"]) for e in found] == [("040", "2024-05-31")]
    again = client.post("/api/documents", json=ARTICLE, headers=auth).json()
    assert again["unchanged"] == 1 and again["stored"] == 0


@pytest.mark.parametrize("body, status", [(b"not json", 400), (b"[1, 2]", 400), (b"[]", 400),
                                          (json.dumps([ARTICLE] * 201).encode(), 413)])
def test_posting_malformed_bodies(writable, body, status):
    client = TestClient(create_app(writable, token=TOKEN))
    response = client.post("/api/documents", content=body, headers={"Authorization": f"Bearer {TOKEN}",
                                                                     "Content-Type": "application/json"})
    assert response.status_code == status, response.text


def test_a_missing_store_is_a_clear_error(tmp_path):
    from communique.store.schema import StoreError

    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "missing.db")


def test_unindexed_sorts_need_narrow_filters(client, monkeypatch):
    from communique.store import browse

    monkeypatch.setattr(browse, "COUNT_CAP", 5)
    response = client.get("/api/events", params={"sort": "code"})
    assert response.status_code == 400 and "narrow the filters" in response.json()["detail"]
    assert client.get("/api/events", params={"sort": "code", "a": "RUS", "b": "USA", "root": "01"}).status_code == 200
    assert client.get("/api/events", params={"sort": "-sources"}).status_code == 200


def test_people_and_languages_of_events(client):
    people = client.get("/api/actors", params={"kind": "people"}).json()["actors"]
    biden = next(p for p in people if p["name"] == "Joe Biden")
    assert biden["party"] == "USA" and biden["events"] >= 2
    call = next(e for e in _events(client, a="RUS", b="USA", root="04", limit=500)["events"]
                if e["date"] == "2021-12-07")
    assert sorted(call["langs"]) == ["en", "id"]
    assert client.get("/api/actors", params={"kind": "robots"}).status_code == 422


def test_posting_too_much_is_refused_before_coding(writable, monkeypatch):
    from communique.web import app as web

    monkeypatch.setattr(web, "MAX_POST_BYTES", 100)
    client = TestClient(create_app(writable, token=TOKEN))
    response = client.post("/api/documents", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413 and "per request" in response.json()["detail"]
    chunked = client.post("/api/documents", content=iter([json.dumps(ARTICLE).encode()] * 3),
                          headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert chunked.status_code == 413
