"""The event filter: a logistic model over the rules' signals gives each event a calibrated
confidence and may leave out the very unlikely ones."""

from __future__ import annotations

import json
import math

import pytest

from rasd.events import filter as F
from rasd.events.filter import EventFilter, parse_model
from rasd.pipeline import extract

TEXT = "قتل خمسة مدنيين وأصيب عشرة آخرون في غارة جوية استهدفت سوقا في مدينة الحديدة صباح اليوم الأحد."


def test_the_shipped_model_reads_and_covers_the_signals_the_stage_computes():
    model = F.load_filter()
    assert model is not None, "rasd/events/models/event_filter.json ships with the package"
    doc = extract(TEXT, published="2018-04-08")
    [event] = doc.events
    signals = {k for k in event.signals if not k.startswith("_")}
    assert set(model.weights) <= signals | {"bias"}, "the model names a signal the stage no longer computes"
    assert 0.0 < event.confidence["event"] < 1.0


def test_probability_is_the_logistic_of_the_weighted_signals():
    model = EventFilter("t", {"bias": -1.0, "has_killed": 2.0}, threshold=0.5)
    assert model.probability({"bias": 1.0, "has_killed": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert model.probability({"bias": 1.0, "unknown_signal": 5.0}) == pytest.approx(1 / (1 + math.exp(1.0)))


def test_field_confidence_is_platt_scaled():
    model = EventFilter("t", {}, 0.0, fields={"location": (1.0, 1.0)})
    raw = 0.5
    assert model.field_confidence("location", raw) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert model.field_confidence("actor1", 0.7) == 0.7  # no scaling known: unchanged


def _with_model(monkeypatch, tmp_path, threshold: float, bias: float) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"version": "t", "threshold": threshold, "weights": {"bias": bias}}), encoding="utf-8")
    monkeypatch.setattr(F, "active_filter", lambda: parse_model(json.loads(path.read_text(encoding="utf-8"))))
    monkeypatch.setattr("rasd.events.stage.active_filter", F.active_filter)


def test_events_below_the_threshold_become_unlikely_mentions(monkeypatch, tmp_path):
    _with_model(monkeypatch, tmp_path, threshold=0.5, bias=-3.0)
    doc = extract(TEXT, published="2018-04-08")
    assert doc.events == []
    dropped = [m for m in doc.mentions_of("non_event") if m.value["reason"] == "unlikely"]
    assert dropped and dropped[0].value["sub_event_type"] == "Air/drone strike"
    assert dropped[0].value["probability"] == pytest.approx(1 / (1 + math.exp(3.0)), abs=1e-3)


def test_events_above_the_threshold_take_the_probability_as_confidence(monkeypatch, tmp_path):
    _with_model(monkeypatch, tmp_path, threshold=0.5, bias=2.0)
    [event] = extract(TEXT, published="2018-04-08").events
    assert event.confidence["event"] == pytest.approx(1 / (1 + math.exp(-2.0)), abs=1e-3)
    assert event.event_id.endswith("-1")


def test_the_filter_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("RASD_EVENT_FILTER", "off")
    [event] = extract(TEXT, published="2018-04-08").events
    assert event.confidence["event"] >= 0.85  # the rules' own confidence for a strong trigger with a toll
