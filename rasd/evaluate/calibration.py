"""Is a confidence a probability? Reliability tables and the expected calibration error.

For events: every prediction matched to a core gold event is real (1), every spurious one is not
(0); predictions matched to optional gold events are left out. For a field (fatalities, place,
actor1): every matched pair where the prediction gives the field, 1 when it is right.
Among predictions at confidence ≈ c, about c of them should be right.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

BIN_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)

# evaluated field -> the key of its confidence in an event's ``confidence`` dict
FIELD_CONFIDENCE = {"fatalities": "fatalities", "location_25km": "location", "actor1": "actor1"}


@dataclass(slots=True)
class Reliability:
    points: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, confidence: Any, right: bool) -> None:
        if isinstance(confidence, int | float):
            self.points.append((float(confidence), bool(right)))

    def extend(self, other: Reliability) -> None:
        self.points.extend(other.points)

    def bins(self) -> list[dict[str, Any]]:
        rows = []
        for lo, hi in itertools.pairwise(BIN_EDGES):
            inside = [(c, r) for c, r in self.points if lo <= c < hi]
            if inside:
                rows.append(
                    {
                        "low": lo,
                        "high": min(hi, 1.0),
                        "n": len(inside),
                        "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 4),
                        "share_right": round(sum(r for _, r in inside) / len(inside), 4),
                    }
                )
        return rows

    def ece(self) -> float:
        total = len(self.points)
        if not total:
            return 0.0
        return round(sum(b["n"] / total * abs(b["share_right"] - b["mean_confidence"]) for b in self.bins()), 4)

    def share_right_at(self, threshold: float) -> tuple[float, int]:
        above = [r for c, r in self.points if c >= threshold]
        return (round(sum(above) / len(above), 4) if above else 0.0), len(above)

    def to_dict(self) -> dict[str, Any]:
        at90, n90 = self.share_right_at(0.9)
        return {"n": len(self.points), "ece": self.ece(), "right_at_0.9": at90, "n_at_0.9": n90, "bins": self.bins()}


def event_points(
    predicted: Sequence[dict[str, Any]], pairs: Sequence[tuple[int, int]], spurious: Sequence[int]
) -> Reliability:
    rel = Reliability()
    for p, _ in pairs:
        rel.add((predicted[p].get("confidence") or {}).get("event"), True)
    for p in spurious:
        rel.add((predicted[p].get("confidence") or {}).get("event"), False)
    return rel
