"""The event filter: a small logistic model over the rules' signals decides which incidents are
real, new events, and gives each a calibrated confidence.

The model is a versioned JSON file shipped in the package (``models/event_filter.json``), trained
offline by ``tools/train_event_filter.py`` on the annotated real articles of ``eval/real/dev``.
It is deterministic and needs nothing at run time but this file. Without the file (or with
``RASD_EVENT_FILTER=off``) every incident is kept with the rules' own confidence.

The same file holds per-field calibration (Platt scaling of the rules' confidence for
fatalities, location and actor1), so that a field at confidence c is right about c of the time.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("models") / "event_filter.json"
SWITCH_ENV = "RASD_EVENT_FILTER"


@dataclass(frozen=True, slots=True)
class EventFilter:
    version: str
    weights: dict[str, float]
    threshold: float
    fields: dict[str, tuple[float, float]] = field(default_factory=dict)  # field -> (a, b) Platt

    def probability(self, signals: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in signals.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def field_confidence(self, name: str, raw: float) -> float:
        if name not in self.fields:
            return raw
        a, b = self.fields[name]
        raw = min(max(raw, 1e-3), 1 - 1e-3)
        z = a * math.log(raw / (1 - raw)) + b
        return 1.0 / (1.0 + math.exp(-z))


def parse_model(data: dict[str, Any]) -> EventFilter:
    return EventFilter(
        version=str(data["version"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        fields={str(k): (float(v[0]), float(v[1])) for k, v in (data.get("fields") or {}).items()},
    )


@cache
def load_filter(path: Path = MODEL_PATH) -> EventFilter | None:
    if not path.is_file():
        return None
    return parse_model(json.loads(path.read_text(encoding="utf-8")))


def active_filter() -> EventFilter | None:
    if os.environ.get(SWITCH_ENV, "").lower() in ("off", "0", "no"):
        return None
    return load_filter()
