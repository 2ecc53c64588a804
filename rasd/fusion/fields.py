"""The fields of a fused event, from the reports merged into it.

- **Place, date, type**: from the most precise reports (geo / time precision), then the majority,
  then the earliest report.
- **Actors**: a perpetrator claimed by a belligerent wins; else the named actor most reports give
  (a generic "Unidentified Armed Group" gives way to a named one).
- **Tolls** (ACLED): a rising toll takes the latest report's figure; reports published together
  (within :data:`SAME_TIME_HOURS`) that disagree give the lowest. ``*_min``/``*_max`` span every
  report (as Iraq Body Count keeps them); ``*_best`` is the median of the latest figures (UCDP's
  best estimate sits between its low and high).
- **Grading** (Airwars' terms): ``contested`` when reports name different perpetrators or places
  far apart; ``confirmed`` when a belligerent claimed it; ``fair`` with two or more independent
  outlets (outlets that ran the same wording — copies of one wire story — count once); else
  ``weak``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from rasd.fusion.report import Report, canonical_key

SAME_TIME_HOURS = 12
CONTESTED_KM = 25.0
COPIED_FIELDS = (
    "disorder_type",
    "event_type",
    "sub_event_type",
    "civilian_targeting",
    "iso",
    "region",
    "country",
)
PLACE_FIELDS = ("admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision")


def _majority(values: Sequence[Any]) -> Any:
    """The most frequent value; ties go to the one seen first."""
    present = [v for v in values if v not in (None, "")]
    if not present:
        return None
    counts = Counter(present)
    top = max(counts.values())
    return next(v for v in present if counts[v] == top)


def _place_report(reports: Sequence[Report]) -> Report:
    placed = [r for r in reports if r.point is not None] or list(reports)
    finest = min(r.geo_precision for r in placed)
    candidates = [r for r in placed if r.geo_precision == finest]
    name = _majority([r.event.get("location") for r in candidates])
    return next((r for r in candidates if r.event.get("location") == name), candidates[0])


def _date_fields(reports: Sequence[Report]) -> dict[str, Any]:
    dated = [r for r in reports if r.day is not None]
    if not dated:
        return {"event_date": None, "time_precision": None}
    finest = min(r.precision for r in dated)
    day = _majority([r.event.get("event_date") for r in dated if r.precision == finest])
    return {"event_date": day, "time_precision": finest}


def _toll(reports: Sequence[Report], key: str) -> dict[str, Any]:
    given = [r for r in reports if r.count(key) is not None]
    if not given:
        return {key: None, f"{key}_min": None, f"{key}_max": None, f"{key}_best": None}
    latest_time = max(r.published_at for r in given)
    latest = sorted(r.count(key) for r in given if latest_time - r.published_at <= timedelta(hours=SAME_TIME_HOURS))
    values = [r.count(key) for r in given]
    mins = [r.count(f"{key}_min") or r.count(key) for r in given]
    maxs = [r.count(f"{key}_max") or r.count(key) for r in given]
    return {
        key: latest[0],
        f"{key}_min": min([*values, *mins]),
        f"{key}_max": max([*values, *maxs]),
        f"{key}_best": latest[(len(latest) - 1) // 2],
    }


def _actors(reports: Sequence[Report]) -> tuple[dict[str, Any], set[str]]:
    claimed = [r for r in reports if r.claimed_by]
    named = [r.named_actor("actor1") for r in reports]
    perpetrators = {n for n in named if n}
    if claimed:
        actor1 = claimed[0].claimed_by
        source = claimed[0]
    else:
        actor1 = _majority(named) or _majority([r.event.get("actor1") for r in reports])
        source = next((r for r in reports if r.event.get("actor1") == actor1), reports[0])
    actor2 = _majority([r.event.get("actor2") for r in reports if r.event.get("actor2") != actor1])
    inter2 = next((r.event.get("inter2") for r in reports if r.event.get("actor2") == actor2), None)
    fields = {
        "actor1": actor1,
        "inter1": source.event.get("inter1") if source.event.get("actor1") == actor1 else None,
        "actor2": actor2,
        "inter2": inter2,
    }
    codes = sorted(c for c in (fields["inter1"], fields["inter2"]) if c)
    fields["interaction"] = int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}") if codes else None
    return fields, perpetrators


def _outlet(report: Report) -> str:
    return report.outlet or report.url or report.article_id


def _wording(report: Report) -> frozenset[str]:
    """What the report's evidence says, word for word: syndicated copies of one wire share it."""
    return frozenset(str(e.get("text") or "") for e in report.event.get("evidence") or [] if e.get("text"))


def _independent_sources(reports: Sequence[Report]) -> int:
    """Outlets, with outlets that ran the same wording (copies of one wire story) counted once."""
    group = {_outlet(r): _outlet(r) for r in reports}

    def root(x: str) -> str:
        while group[x] != x:
            x = group[x]
        return x

    by_wording: dict[frozenset[str], str] = {}
    for r in reports:
        wording = _wording(r)
        if len(wording) < 2:
            continue  # a single trigger word proves nothing about copying
        first = by_wording.setdefault(wording, _outlet(r))
        group[root(_outlet(r))] = root(first)
    return len({root(o) for o in group})


def _independent_outlets(reports: Sequence[Report]) -> list[str]:
    return sorted({_outlet(r) for r in reports})


def _grading(reports: Sequence[Report], perpetrators: set[str]) -> str:
    from rasd.fusion.compat import haversine_km

    points = [r.point for r in reports if r.point is not None and r.geo_precision == 1]
    far = any(haversine_km(a, b) > CONTESTED_KM for i, a in enumerate(points) for b in points[i + 1 :])
    if len(perpetrators) > 1 or far:
        return "contested"
    if any(r.claimed_by for r in reports):
        return "confirmed"
    return "fair" if _independent_sources(reports) >= 2 else "weak"


def _confidence(reports: Sequence[Report]) -> float:
    miss = 1.0
    for r in reports:
        miss *= 1.0 - float((r.event.get("confidence") or {}).get("event", 0.5))
    return round(min(0.99, 1.0 - miss), 3)


def fuse_fields(reports: Sequence[Report]) -> dict[str, Any]:
    """The fused event's columns (see the module docstring); ``reports`` in any order."""
    ordered = sorted(reports, key=canonical_key)
    place = _place_report(ordered)
    sub_event = _majority([r.event.get("sub_event_type") for r in ordered])
    type_source = next((r for r in ordered if r.event.get("sub_event_type") == sub_event), ordered[0])
    actors, perpetrators = _actors(ordered)
    outlets = _independent_outlets(ordered)
    fields: dict[str, Any] = {k: type_source.event.get(k) for k in COPIED_FIELDS}
    fields["country"] = fields["country"] or place.event.get("country")
    fields.update({k: place.event.get(k) for k in PLACE_FIELDS})
    fields.update(_date_fields(ordered))
    fields.update(actors)
    fields.update(_toll(ordered, "fatalities"))
    fields.update(_toll(ordered, "injured"))
    published = [r.published for r in ordered if r.published]
    fields.update(
        {
            "source_count": len(outlets),
            "independent_sources": _independent_sources(ordered),
            "report_count": len(ordered),
            "outlets": outlets,
            "grading": _grading(ordered, perpetrators),
            "first_seen": min(published) if published else None,
            "last_seen": max(published) if published else None,
            "confidence": _confidence(ordered),
            "is_recap": all(r.is_recap for r in ordered),
            "notes": ordered[0].event.get("notes"),
        }
    )
    return fields
