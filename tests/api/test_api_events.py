"""GET /events (filters, fields, sorts, cursor pages), /events/{id}, /events.geojson, /export,
/changes and /stats on a database of generated incidents."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pyarrow.parquet as pq
import pytest
from api_helpers import API, all_events


def test_pages_follow_one_another_without_gaps_or_repeats_in_every_sort(client):
    everything = all_events(client)
    assert len(everything) >= 20
    ids = {e["event_id"] for e in everything}
    for sort in ("-event_date", "event_date", "-fatalities", "fatalities", "-updated_at", "updated_at"):
        seen, cursor = [], None
        while True:
            params = {"sort": sort, "limit": 7, **({"cursor": cursor} if cursor else {})}
            body = client.get(f"{API}/events", params=params).json()
            seen += body["events"]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert [e["event_id"] for e in seen if e["event_id"] in ids] == [e["event_id"] for e in seen]
        assert len(seen) == len(ids) and {e["event_id"] for e in seen} == ids, sort
        column, descending = sort.lstrip("-"), sort.startswith("-")
        valued = [e[column] for e in seen if e[column] is not None]
        assert valued == sorted(valued, reverse=descending)
        assert all(e[column] is None for e in seen[len(valued):])  # the events without one come last


@pytest.mark.parametrize(("params", "keep"), [
    ({"country": "syria"}, lambda e: e["country"] == "Syria"),
    ({"admin1": "Idlib"}, lambda e: (e["admin1"] or "").lower() == "idlib"),
    ({"event_type": "Battles"}, lambda e: e["event_type"] == "Battles"),
    ({"min_fatalities": 6}, lambda e: (e["fatalities"] or -1) >= 6),
    ({"since": "2020-01-10", "until": "2020-01-20"},
     lambda e: e["event_date"] is not None and "2020-01-10" <= e["event_date"] <= "2020-01-20"),
    ({"source": "wakala beta"}, lambda e: "Wakala Beta" in e["outlets"]),
    ({"q": "air"}, lambda e: "air" in (e["notes"] or "").lower()),
    ({"bbox": "36,35,37.5,36.5"}, lambda e: e["longitude"] is not None and 36 <= e["longitude"] <= 37.5
     and 35 <= e["latitude"] <= 36.5),
])
def test_each_filter_selects_what_it_says(client, params, keep):
    everything = all_events(client)
    expected = {e["event_id"] for e in everything if keep(e)}
    assert expected, f"the sample has no event for {params}"
    assert {e["event_id"] for e in all_events(client, **params)} == expected


def test_grading_and_updated_since_filters(client):
    everything = all_events(client)
    grading = everything[0]["grading"]
    assert {e["event_id"] for e in all_events(client, grading=grading)} == \
        {e["event_id"] for e in everything if e["grading"] == grading}
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    assert all_events(client, updated_since=future) == []
    assert len(all_events(client, updated_since="2000-01-01T00:00:00Z")) == len(everything)


def test_fields_selects_the_fields_and_an_unknown_field_is_refused(client):
    body = client.get(f"{API}/events", params={"fields": "event_date,fatalities", "limit": 3}).json()
    assert all(set(e) == {"event_id", "event_date", "fatalities"} for e in body["events"])
    refused = client.get(f"{API}/events", params={"fields": "event_date,password"})
    assert refused.status_code == 400 and "password" in refused.json()["message"]


def test_an_event_has_every_report_with_its_outlet_and_evidence(client):
    event = max(all_events(client), key=lambda e: e["source_count"] or 0)
    detail = client.get(f"{API}/events/{event['event_id']}").json()
    assert detail["event_id"] == event["event_id"] and len(detail["reports"]) >= 2
    assert {r["outlet"] for r in detail["reports"]} == set(detail["outlets"])
    for report in detail["reports"]:
        article = client.get(f"{API}/articles/{report['article_id']}").json()
        for span in report["evidence"]:
            assert article["text"][span["start"]:span["end"]] == span["text"]
        assert any(r["fused_event_id"] == event["event_id"] for r in article["reports"])
    missing = client.get(f"{API}/events/ev-nothing")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


def test_geojson_has_a_point_for_each_located_event(client):
    located = [e for e in all_events(client, country="Syria") if e["latitude"] is not None]
    answer = client.get(f"{API}/events.geojson", params={"country": "Syria", "fields": "fatalities,event_type"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/geo+json")
    body = answer.json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == len(located)
    feature = body["features"][0]
    assert feature["geometry"]["type"] == "Point" and set(feature["properties"]) == {"event_id", "fatalities",
                                                                                     "event_type"}
    default = client.get(f"{API}/events.geojson", params={"limit": 1}).json()["features"][0]["properties"]
    assert {"event_date", "event_type", "fatalities", "location"} <= set(default) and "notes" not in default
    every = client.get(f"{API}/events.geojson", params={"limit": 1, "fields": "all"}).json()["features"][0]
    assert "notes" in every["properties"] and "outlets" in every["properties"]


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl", "parquet"])
def test_export_streams_the_filtered_events_in_each_format(client, fmt):
    expected = {e["event_id"] for e in all_events(client, country="Yemen")}
    answer = client.get(f"{API}/export", params={"format": fmt, "country": "Yemen"})
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    if fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8"))))
        assert len(rows) == len(expected) and {r["country"] for r in rows} == {"Yemen"}
    elif fmt == "geojson":
        assert {f["id"] for f in json.loads(answer.content)["features"]} == expected
    elif fmt == "jsonl":
        assert {json.loads(line)["event_id"] for line in answer.content.splitlines()} == expected
    else:
        assert set(pq.read_table(io.BytesIO(answer.content)).column("event_id").to_pylist()) == expected


def test_changes_since_a_time(client):
    everything = {e["event_id"] for e in all_events(client)}
    body = client.get(f"{API}/changes", params={"since": "2000-01-01"}).json()
    live = {c["event_id"] for c in body["changes"] if c["change"] in ("created", "updated")}
    assert everything <= live and body["next_since"] is None
    assert client.get(f"{API}/changes", params={"since": "2999-01-01T00:00:00+03:00"}).json()["changes"] == []
    assert client.get(f"{API}/changes", params={"since": "yesterday"}).status_code == 400
    assert client.get(f"{API}/changes").status_code == 400  # since is required


def test_stats_add_up_per_period_and_group(client):
    everything = all_events(client)
    for period in ("day", "week", "month"):
        body = client.get(f"{API}/stats", params={"period": period}).json()
        assert body["total"]["events"] == len(everything)
        dated = [e for e in everything if e["event_date"]]
        assert sum(s["events"] for s in body["series"]) == len(dated)
        assert sum(s["fatalities"] for s in body["series"]) == sum(e["fatalities"] or 0 for e in dated)
        assert sum(g["events"] for g in body["by_country"]) == len(everything)
    weeks = client.get(f"{API}/stats", params={"period": "week"}).json()["series"]
    assert all(datetime.fromisoformat(s["start"]).weekday() == 0 for s in weeks)
    syria = client.get(f"{API}/stats", params={"country": "Syria"}).json()
    assert [g["value"] for g in syria["by_country"]] == ["Syria"]
    assert client.get(f"{API}/stats", params={"period": "year"}).status_code == 400


def test_map_cells_hold_every_located_event_once_at_any_zoom(client):
    located = client.get(f"{API}/events.geojson", params={"limit": 100000}).json()["features"]
    for zoom in (0, 3, 8, 16):
        body = client.get(f"{API}/map", params={"zoom": zoom}).json()
        assert sum(c["count"] for c in body["cells"]) == len(located) and not body["truncated"]
        singles = [c for c in body["cells"] if c["count"] == 1]
        assert all(c["event_id"] and c["event_type"] for c in singles)
    coarse = client.get(f"{API}/map", params={"zoom": 0}).json()["cells"]
    fine = client.get(f"{API}/map", params={"zoom": 16}).json()["cells"]
    assert len(coarse) <= len(fine)
    syria = client.get(f"{API}/map", params={"zoom": 5, "country": "Syria"}).json()["cells"]
    assert sum(c["count"] for c in syria) == len([f for f in located if f["properties"]["country"] == "Syria"])
    assert client.get(f"{API}/map", params={"zoom": 40}).status_code == 400


def test_stats_count_only_the_groups_asked_for(client):
    body = client.get(f"{API}/stats", params={"groups": "country,event_type"}).json()
    assert "by_country" in body and "by_event_type" in body and "by_actor1" not in body
    assert client.get(f"{API}/stats", params={"groups": "password"}).status_code == 400
