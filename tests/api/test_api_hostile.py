"""Hostile requests get a 4xx with a JSON reason, never a 5xx; SQL in filters is data."""

from __future__ import annotations

import base64
import json

import pytest
from api_helpers import API, all_events


@pytest.mark.parametrize("value", ["x' OR 1=1 --", "Syria'; DROP TABLE events; --", "%", "_", "\\", "\x00"])
def test_sql_in_a_filter_is_only_text(client, value):
    for name in ("country", "actor", "q", "source", "admin1"):
        answer = client.get(f"{API}/events", params={name: value})
        assert answer.status_code in (200, 400), answer.text
        if answer.status_code == 200:
            assert answer.json()["events"] == [] or (name == "q" and value in ("%", "_"))
    assert len(all_events(client)) > 0  # nothing was dropped


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 100_000}, {"limit": "many"}, {"min_fatalities": -1}, {"since": "2020-13-01"},
    {"since": "2020-02-01", "until": "2020-01-01"}, {"bbox": "1,2,3"}, {"bbox": "0,95,1,96"},
    {"sort": "password"}, {"cursor": "not-a-cursor"}, {"cursor": "%%%"}, {"updated_since": "soon"},
    {"country": "x" * 500}, {"fields": ","},
])
def test_bad_parameters_are_a_400_with_a_reason(client, params):
    answer = client.get(f"{API}/events", params=params)
    if params == {"fields": ","}:
        assert answer.status_code == 200
        return
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["error"] == "bad_request" and body["message"]


def test_forged_cursors_are_refused(client):
    def forged(payload) -> str:
        return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")

    first = client.get(f"{API}/events", params={"limit": 2}).json()
    assert first["next_cursor"]
    other_sort = client.get(f"{API}/events", params={"sort": "fatalities", "cursor": first["next_cursor"]})
    assert other_sort.status_code == 400 and "sorted by" in other_sort.json()["message"]
    for payload in (["-event_date", "not a date", "ev-1"], ["-event_date", {"a": 1}, "ev-1"], ["-event_date"],
                    {"sort": 1}, ["nope", None, "ev"], ["-fatalities", "ten", "ev-1"]):
        sort = payload[0] if isinstance(payload, list) else "-event_date"
        answer = client.get(f"{API}/events", params={"cursor": forged(payload), "sort": sort})
        assert answer.status_code == 400, (payload, answer.text)


def test_unknown_routes_and_methods_are_json_errors(client):
    missing = client.get(f"{API}/nothing")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    wrong = client.delete(f"{API}/events")
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed"


def test_no_cross_origin_headers_by_default(client):
    answer = client.get(f"{API}/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize("ident", ["ev-%00", "x" * 5000, "..%2F..%2Fetc", "ev-1'--", "%00", "\u202e"])
def test_odd_ids_are_not_found(client, ident):
    for path in (f"{API}/events/{ident}", f"{API}/articles/{ident}"):
        answer = client.get(path)
        assert answer.status_code == 404, (path, answer.text)
        assert answer.json()["error"] == "not_found"


def test_a_database_that_cannot_be_reached_is_a_503_with_a_reason():
    from fastapi.testclient import TestClient

    from rasd.api.app import create_app

    app = create_app("postgresql://nobody@127.0.0.1:1/rasd", read_only=True)
    with TestClient(app) as down:
        answer = down.get(f"{API}/events")
        assert answer.status_code == 503 and answer.json()["error"] == "database_unavailable"
        assert answer.json()["message"]
