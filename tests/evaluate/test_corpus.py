"""The project-written dev corpus (eval/dev/*.jsonl) is well-formed and self-consistent."""

from itertools import pairwise
from pathlib import Path

import pytest

from rasd.evaluate.gold import (
    DISORDER_TYPES,
    EVENT_TYPES,
    NOT_EVENT_REASONS,
    PLACE_KINDS,
    load_gold,
)
from rasd.evaluate.metrics import aggregate, score_article

DEV = Path(__file__).resolve().parents[2] / "eval" / "dev"
ARTICLES = load_gold(DEV)

EVENT_FIELDS = (
    "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2",
    "interaction", "civilian_targeting", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "fatalities_min", "fatalities_max", "fatalities_qualifier", "injured",
    "injured_min", "injured_max", "reported_by", "core",
)
COUNTRIES = {
    "Libya", "Syria", "Iraq", "Yemen", "Sudan", "Somalia", "Palestine", "Afghanistan", "Mali",
    "Burkina Faso", "Niger", "Nigeria", "Egypt",
}


def test_corpus_size_and_spread():
    assert len(ARTICLES) >= 60
    countries = {e["country"] for a in ARTICLES for e in a.events}
    assert countries >= COUNTRIES
    assert sum(1 for a in ARTICLES if not a.events) >= 8
    assert sum(1 for a in ARTICLES if a.not_events) >= 0.4 * len(ARTICLES)


def test_every_event_type_and_most_sub_event_types_twice():
    counts: dict[tuple[str, str], int] = {}
    for art in ARTICLES:
        for e in art.events:
            key = (e["event_type"], e["sub_event_type"])
            counts[key] = counts.get(key, 0) + 1
    for event_type in EVENT_TYPES:
        assert sum(v for (t, _), v in counts.items() if t == event_type) >= 2, event_type
    all_subs = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
    twice = [k for k in all_subs if counts.get(k, 0) >= 2]
    assert len(twice) >= 0.8 * len(all_subs)


@pytest.mark.parametrize("art", ARTICLES, ids=lambda a: a.id)
def test_article(art):
    meta = art.article
    assert meta["language"] == "ar"
    assert meta["published"][:4].isdigit() and meta["published"][4] == "-"
    assert meta["title"] and meta["source"]
    words = len(art.text.split())
    assert 80 <= words <= 350, words
    for event in art.events:
        check_event(art, event)
    for trap in art.not_events:
        assert trap["reason"] in NOT_EVENT_REASONS
        assert trap["text"] in art.text
        assert art.text[trap["start"] : trap["end"]] == trap["text"]
    for place in art.places:
        assert art.text[place["start"] : place["end"]] == place["text"], place
        assert place["kind"] in PLACE_KINDS
        assert place["name"] and place["country"]
        check_coordinates(place.get("latitude"), place.get("longitude"), allow_missing=True)
    spans = sorted((p["start"], p["end"]) for p in art.places)
    assert all(a[1] <= b[0] for a, b in pairwise(spans)), "overlapping place spans"


def check_event(art, event):
    missing = [f for f in EVENT_FIELDS if f not in event]
    assert not missing, missing
    assert event["sub_event_type"] in EVENT_TYPES[event["event_type"]]
    assert event["disorder_type"] in DISORDER_TYPES
    assert event["time_precision"] in (1, 2, 3)
    assert event["geo_precision"] in (1, 2, 3)
    assert isinstance(event["core"], bool)
    assert event["actor1"]
    assert len(event["event_date"]) == 10 and event["event_date"] <= art.article["published"][:10]
    check_coordinates(event["latitude"], event["longitude"])
    assert round(event["latitude"], 4) == event["latitude"]
    assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
    if event["fatalities_min"] is not None:
        assert event["fatalities_min"] <= event["fatalities"] or event["fatalities_qualifier"] == "more_than"
    if event["fatalities_max"] is not None:
        assert event["fatalities"] <= event["fatalities_max"]
    if event["event_type"] == "Violence against civilians":
        assert event["actor2"].startswith("Civilians ("), "civilians are actor2 in violence against civilians"
    if event.get("evidence_text"):
        assert event["evidence_text"] in art.text


def check_coordinates(lat, lon, allow_missing=False):
    if allow_missing and lat is None and lon is None:
        return
    assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_ids_unique_and_prefixed_by_file():
    ids = [a.id for a in ARTICLES]
    assert len(ids) == len(set(ids))


def gold_as_prediction(art):
    events = []
    for e in art.events:
        pred = dict(e)
        text = e.get("evidence_text")
        if text:
            start = art.text.index(text)
            pred["evidence"] = [{"field": "trigger", "start": start, "end": start + len(text), "text": text}]
        events.append(pred)
    mentions = [
        {"kind": "place", "start": p["start"], "end": p["end"], "text": p["text"],
         "value": {k: p.get(k) for k in ("name", "geonameid", "latitude", "longitude")}}
        for p in art.places
    ]
    return events, mentions


def test_gold_scored_against_itself_is_perfect():
    """The evaluator and the corpus agree: gold as prediction gives 1.0 everywhere, no trap hit."""
    results = [score_article(a, *gold_as_prediction(a)) for a in ARTICLES]
    report = aggregate(results)
    headline = report.headline()
    assert all(value == 1.0 for value in headline.values()), headline
