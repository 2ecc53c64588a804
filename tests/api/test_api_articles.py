"""GET /articles/{id}, POST /extract and POST /articles (API key, read-only, bad bodies)."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_helpers import API, SCRIPT, all_events
from fastapi.testclient import TestClient

from rasd.api.app import create_app

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-article.ar.txt"
ARTICLE = {"id": "api-1", "source": "Outlet API", "published": "2020-05-02",
           "text": "تعز - قتل 4 مدنيين وأصيب 6 آخرون صباح اليوم في قصف مدفعي استهدف حيا سكنيا في مدينة تعز، "
                   "بحسب ما أفاد مصدر طبي."}


def test_an_article_has_its_text_mentions_reports_and_events(client):
    article = client.get(f"{API}/articles/gen-0000").json()
    assert article["text"].startswith("إدلب") and article["mentions"] and article["reports"]
    for mention in article["mentions"]:
        assert article["text"][mention["start"]:mention["end"]] == mention["text"]
    copy = client.get(f"{API}/articles/gen-0009-copy").json()
    assert copy["copy_of"] == "gen-0009" and copy["similarity"] >= 0.8
    missing = client.get(f"{API}/articles/../../etc/passwd")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


def test_article_text_with_markup_comes_back_as_the_same_text(client):
    article = client.get(f"{API}/articles/hostile-1").json()
    assert SCRIPT in article["text"] and article["outlet"] == "Outlet <b>bold</b>"


def test_extract_gives_events_and_highlights_and_stores_nothing(client):
    before = len(all_events(client))
    answer = client.post(f"{API}/extract", json={"text": SAMPLE.read_text(encoding="utf-8"), "published": "2019-03-14"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["events"] and body["mentions"] and body["article"]["published"] == "2019-03-14"
    text = SAMPLE.read_text(encoding="utf-8")
    for event in body["events"]:
        for span in event["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert len(all_events(client)) == before


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"text": "The army shelled the town and killed four people."}, 422, "not Arabic"),
    ({"text": ""}, 400, "text"),
    ({"title": "no text"}, 400, "text"),
    ({"text": ARTICLE["text"], "colour": "red"}, 400, "colour"),
    ({"text": ARTICLE["text"], "published": "the day before"}, 200, ""),
    ({"text": ["a", "list"]}, 400, "text"),
])
def test_extract_refuses_what_it_cannot_read_with_a_reason(client, body, status, words):
    answer = client.post(f"{API}/extract", json=body)
    assert answer.status_code == status, answer.text
    if status != 200:
        assert words in answer.json()["message"]


def test_extract_needs_json(client):
    answer = client.post(f"{API}/extract", content=ARTICLE["text"].encode(), headers={"content-type": "text/plain"})
    assert answer.status_code == 415 and answer.json()["error"] == "unsupported_media_type"
    broken = client.post(f"{API}/extract", content=b'{"text": "', headers={"content-type": "application/json"})
    assert broken.status_code == 400


@pytest.fixture()
def writable(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with TestClient(create_app(url, api_key="s3cret", max_body=64 * 1024)) as test_client:
        yield test_client


def test_posting_articles_needs_the_key_and_stores_them_as_ingest_does(writable):
    assert writable.post(f"{API}/articles", json=ARTICLE).status_code == 401
    wrong = writable.post(f"{API}/articles", json=ARTICLE, headers={"X-API-Key": "guess"})
    assert wrong.status_code == 401 and wrong.json()["error"] == "unauthorized"
    key = {"X-API-Key": "s3cret"}
    first = writable.post(f"{API}/articles", json=ARTICLE, headers=key).json()
    assert [a["outcome"] for a in first["articles"]] == ["new"] and first["articles"][0]["id"] == "api-1"
    again = writable.post(f"{API}/articles", json={"articles": [ARTICLE]}, headers=key).json()
    assert [a["outcome"] for a in again["articles"]] == ["unchanged"]
    mixed = writable.post(f"{API}/articles", headers=key, json={"articles": [
        {"text": "Only English here, nothing to read."}, dict(ARTICLE, id="api-2", source="Other")]}).json()
    assert [a["outcome"] for a in mixed["articles"]] == ["failed", "copied"]
    assert "not Arabic" in mixed["articles"][0]["error"]
    events = writable.get(f"{API}/events").json()["events"]
    assert len(events) == 1 and set(events[0]["outlets"]) == {"Outlet API", "Other"}


def test_bodies_over_the_limit_are_refused_before_they_are_read(writable):
    big = {"text": "قتل " * 40_000}
    answer = writable.post(f"{API}/articles", json=big, headers={"X-API-Key": "s3cret"})
    assert answer.status_code == 413 and answer.json()["error"] == "payload_too_large"
    assert writable.post(f"{API}/articles", json={"articles": [ARTICLE] * 101},
                         headers={"X-API-Key": "s3cret"}).status_code in (400, 413)


def test_a_read_only_server_refuses_writes(client):
    answer = client.post(f"{API}/articles", json=ARTICLE)
    assert answer.status_code == 403 and answer.json()["error"] == "read_only"
