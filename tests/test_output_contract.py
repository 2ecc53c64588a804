"""Pins the JSON output contract (docs/output.md) on a real run of the whole pipeline."""

import json
from pathlib import Path

from rasd.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample-article.ar.txt"

ARTICLE_KEYS = {"id", "url", "source", "published", "title", "language", "chars"}
EVENT_KEYS = {
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags",
    "fatalities_min", "fatalities_max", "fatalities_qualifier",
    "injured", "injured_min", "injured_max", "injured_qualifier",
    "victims", "reported_by", "confidence", "evidence", "claimed_by", "recap",
}
MENTION_KINDS = {"place", "actor", "number", "date", "trigger", "source", "casualty", "non_event"}
ACLED_TYPES = {
    "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
    "Strategic developments",
}


def run_sample(capsys) -> dict:
    assert main(["extract", str(SAMPLE), "--published", "2019-03-14", "--source", "Sample"]) == 0
    return json.loads(capsys.readouterr().out)


def test_top_level_and_article(capsys):
    doc = run_sample(capsys)
    assert set(doc) == {"article", "events", "mentions", "pipeline", "warnings"}
    assert set(doc["article"]) == ARTICLE_KEYS
    assert doc["pipeline"]["version"]
    assert list(doc["pipeline"]["stages"])[:2] == ["normalize", "tokenize"]


def test_events_have_exactly_the_contract_fields_and_valid_values(capsys):
    doc = run_sample(capsys)
    text = SAMPLE.read_text(encoding="utf-8")
    assert doc["events"], "the sample article reports incidents"
    for event in doc["events"]:
        assert set(event) == EVENT_KEYS
        assert event["event_type"] in ACLED_TYPES
        assert event["time_precision"] in (1, 2, 3, None)
        assert event["geo_precision"] in (1, 2, 3, None)
        for victim in event["victims"]:
            assert set(victim) == {"group", "min", "max"}
        assert isinstance(event["confidence"], dict)
        for ev in event["evidence"]:
            assert set(ev) == {"field", "start", "end", "text"}
            assert text[ev["start"] : ev["end"]] == ev["text"]
        if event["fatalities"] is not None and event["fatalities_max"] is not None:
            assert event["fatalities"] <= event["fatalities_max"]  # ACLED: the lowest credible figure
        if event["latitude"] is not None:
            assert -90 <= event["latitude"] <= 90 and -180 <= event["longitude"] <= 180


def test_mentions_shape(capsys):
    doc = run_sample(capsys)
    text = SAMPLE.read_text(encoding="utf-8")
    kinds = set()
    for mention in doc["mentions"]:
        assert {"kind", "start", "end", "text", "value", "confidence"} <= set(mention)
        assert mention["kind"] in MENTION_KINDS
        assert text[mention["start"] : mention["end"]] == mention["text"]
        kinds.add(mention["kind"])
    assert {"place", "number", "date", "trigger", "casualty"} <= kinds
