"""What the API tests share: the sample articles and walking every page of events."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_helpers import generated_articles, read_jsonl

API = "/api/v1"
SCRIPT = "<script>alert('x')</script>"


def sample_records() -> list[dict]:
    records = generated_articles(60, copies_every=10)
    records += read_jsonl("articles.jsonl")
    hostile = dict(records[0], id="hostile-1", source="Outlet <b>bold</b>",
                   text=records[0]["text"] + f"\n{SCRIPT}<img src=x onerror=alert(1)>")
    return [*records, hostile]


def all_events(client: TestClient, **params) -> list[dict]:
    """Every event the filters select, page after page."""
    found: list[dict] = []
    cursor = None
    while True:
        answer = client.get(f"{API}/events", params={**params, "limit": 1000, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        found += body["events"]
        cursor = body["next_cursor"]
        if not cursor:
            return found
