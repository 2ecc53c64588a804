"""One-to-one matching of predicted events to gold events of the same article.

A predicted event may match a gold event when all three hold:

- **type**: both event types fall in the same family (see :data:`TYPE_FAMILY`): every kind of
  violent or demonstration incident is one family (an air strike told as an "attack", a clash
  at a protest told as excessive force are one incident coded two ways: the type is then
  scored as wrong, but the detection counts); Strategic developments only match themselves
  (a foiled bomb is not an exploded one);
- **place**: the two points lie within :data:`MAX_KM` km, or the location names are equal
  (case-insensitive), or the prediction gives no place at all, or only the gold event's country,
  or the gold place has no coordinates and the countries agree (the location is then scored on
  its own, but the detection still counts);
- **date**: the dates differ by at most the window of the coarser of the two precisions
  (:data:`DATE_WINDOW_DAYS`); a missing date on either side does not block a match.

Among the allowed pairs the best-scoring ones are taken greedily (highest score first,
ties broken by order in the article); core gold events outrank optional ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

MAX_KM = 25.0

# time_precision -> how many days apart two dates may be and still be the same incident.
# 1 (day known): one day of slack for late-night events and "yesterday" published after midnight;
# 2 (week / few days): half a week around the midpoint plus a day; 3 (month): half a month plus a day.
DATE_WINDOW_DAYS: dict[int, int] = {1: 1, 2: 4, 3: 16}

TYPE_FAMILY: dict[str, str] = {
    "Battles": "incident",
    "Violence against civilians": "incident",
    "Explosions/Remote violence": "incident",
    "Protests": "incident",
    "Riots": "incident",
    "Strategic developments": "strategic",
}

# Whose actor order carries meaning (ACLED: civilians are actor2 in violence against civilians;
# demonstrators are actor1 in protests and riots).
ORDERED_ACTOR_TYPES = frozenset({"Violence against civilians", "Protests", "Riots"})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def event_distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    coords = (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude"))
    if any(c is None for c in coords):
        return None
    return haversine_km(*(float(c) for c in coords))


def _norm_name(value: Any) -> str:
    return str(value or "").strip().casefold()


def has_place(event: dict[str, Any]) -> bool:
    return bool(_norm_name(event.get("location"))) or event.get("latitude") is not None


def same_place(pred: dict[str, Any], gold: dict[str, Any], max_km: float = MAX_KM) -> bool:
    distance = event_distance_km(pred, gold)
    if distance is not None and distance <= max_km:
        return True
    name = _norm_name(pred.get("location"))
    return bool(name) and name == _norm_name(gold.get("location"))


def parse_day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_window(pred: dict[str, Any], gold: dict[str, Any]) -> int:
    precisions = [p for p in (pred.get("time_precision"), gold.get("time_precision")) if p in DATE_WINDOW_DAYS]
    return max((DATE_WINDOW_DAYS[p] for p in precisions), default=DATE_WINDOW_DAYS[1])


def dates_compatible(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    pday, gday = parse_day(pred.get("event_date")), parse_day(gold.get("event_date"))
    if pday is None or gday is None:
        return True
    return abs((pday - gday).days) <= date_window(pred, gold)


def types_compatible(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    pfam = TYPE_FAMILY.get(str(pred.get("event_type")))
    return pfam is not None and pfam == TYPE_FAMILY.get(str(gold.get("event_type")))


REGION_KM = 150.0


def place_unresolved(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Neither side pins a point to compare within one country: the prediction names only the
    country, or only a region (geo precision 3) the gold place lies in, or the gold place has no
    coordinates (a village missing from every gazetteer)."""
    country = _norm_name(gold.get("country"))
    if not country or country != _norm_name(pred.get("country")):
        return False
    if _norm_name(pred.get("location")) == country or gold.get("latitude") is None:
        return True
    distance = event_distance_km(pred, gold)
    return pred.get("geo_precision") == 3 and distance is not None and distance <= REGION_KM


def compatible(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if not types_compatible(pred, gold) or not dates_compatible(pred, gold):
        return False
    return same_place(pred, gold) or not has_place(pred) or place_unresolved(pred, gold)


def pair_score(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    """How well a compatible pair agrees; used only to choose among candidate pairs."""
    score = 4.0 if gold.get("core", True) else 0.0
    score += 1.0 if pred.get("event_type") == gold.get("event_type") else 0.0
    score += 0.5 if pred.get("sub_event_type") == gold.get("sub_event_type") else 0.0
    distance = event_distance_km(pred, gold)
    if distance is not None:
        score += max(0.0, 1.0 - distance / MAX_KM)
    if pred.get("event_date") and pred.get("event_date") == gold.get("event_date"):
        score += 1.0
    if count_value(pred.get("fatalities")) == count_value(gold.get("fatalities")):
        score += 0.25
    pred_actors = {pred.get("actor1"), pred.get("actor2")} - {None, ""}
    gold_actors = {gold.get("actor1"), gold.get("actor2")} - {None, ""}
    score += 0.25 * len(pred_actors & gold_actors)
    return score


def count_value(value: Any) -> int:
    """A count for comparison: unknown (null) and zero are the same report, 'none reported'."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


@dataclass(slots=True, frozen=True)
class Pair:
    pred: int  # index into the predicted events
    gold: int  # index into the gold events
    score: float


def match_events(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[Pair]:
    """Greedy one-to-one matching by descending pair score."""
    candidates = [
        Pair(p, g, pair_score(pred, gold))
        for p, pred in enumerate(preds)
        for g, gold in enumerate(golds)
        if compatible(pred, gold)
    ]
    candidates.sort(key=lambda c: (-c.score, c.gold, c.pred))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[Pair] = []
    for cand in candidates:
        if cand.pred in used_p or cand.gold in used_g:
            continue
        used_p.add(cand.pred)
        used_g.add(cand.gold)
        pairs.append(cand)
    return sorted(pairs, key=lambda c: c.gold)


def align_actors(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[Any, Any]:
    """The predicted (actor1, actor2), swapped when order carries no meaning and swapping agrees more."""
    a1, a2 = pred.get("actor1"), pred.get("actor2")
    if gold.get("event_type") in ORDERED_ACTOR_TYPES:
        return a1, a2
    straight = (a1 == gold.get("actor1")) + (a2 == gold.get("actor2"))
    swapped = (a2 == gold.get("actor1")) + (a1 == gold.get("actor2"))
    return (a2, a1) if swapped > straight else (a1, a2)
