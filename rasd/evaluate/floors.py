"""Floors: minimum headline metrics, kept in ``eval/floors.json``; a floor may only go up."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from rasd.evaluate.gold import gold_files


class FloorError(ValueError):
    """A floor argument or floors file that cannot be read."""


HEADLINE_METRICS = (
    "event_precision",
    "event_recall",
    "event_f1",
    "event_type_accuracy",
    "sub_event_type_accuracy",
    "fatalities_accuracy",
    "injured_accuracy",
    "location_25km_accuracy",
    "country_accuracy",
    "date_accuracy",
    "actor1_accuracy",
    "actor2_accuracy",
    "civilian_targeting_accuracy",
    "place_precision",
    "place_recall",
    "trap_avoidance",
    "negative_articles_clean",
)
# The real-text set (eval/real) has no place-mention gold, and with a few dozen matched events a
# field accuracy moves with which events get matched (a newly found event with a wrong toll lowers
# it): its floors guard detection and the negatives; the field figures are reported, not floored.
REAL_HEADLINE_METRICS = ("event_precision", "event_recall", "event_f1", "trap_avoidance", "negative_articles_clean")


def read_floors_file(path: Path | str, section: str | None = None) -> dict[str, float]:
    """The floors of ``eval/dev`` (top level), or of another corpus kept under ``section``
    (``"real_dev"``: the real-text development split)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise FloorError(f"{path}: cannot read floors ({err})") from err
    if section is not None:
        data = data.get(section) if isinstance(data, dict) else None
        if not isinstance(data, dict):
            raise FloorError(f"{path}: no section {section!r}")
    floors = data.get("floors", data) if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise FloorError(f"{path}: expected an object of metric -> floor")
    return {name: _check(name, value) for name, value in floors.items()}


def _check(name: str, value: object) -> float:
    if name not in HEADLINE_METRICS:
        raise FloorError(f"unknown metric {name!r}; known: {', '.join(HEADLINE_METRICS)}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as err:
        raise FloorError(f"{name}: floor {value!r} is not a number") from err
    if not 0.0 <= number <= 1.0:
        raise FloorError(f"{name}: floor {number} outside 0..1")
    return number


def read_floor_args(items: list[str]) -> dict[str, float]:
    """``METRIC=VALUE`` items and floors-file paths, later ones overriding earlier ones."""
    floors: dict[str, float] = {}
    for item in items:
        if "=" in item:
            name, _, value = item.partition("=")
            floors[name.strip()] = _check(name.strip(), value.strip())
        else:
            floors.update(read_floors_file(item))
    return floors


def below_floors(headline: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {
        name: (headline.get(name, 0.0), floor)
        for name, floor in floors.items()
        if headline.get(name, 0.0) + 1e-9 < floor
    }


def corpus_digest(path: Path | str) -> str:
    """SHA-256 over the gold files' names and bytes, to tie floors to one corpus version."""
    digest = hashlib.sha256()
    path = Path(path)
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else gold_files(path)
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


if __name__ == "__main__":  # python -m rasd.evaluate.floors eval/dev  -> the digest to store in eval/floors.json
    import sys

    print(corpus_digest(sys.argv[1] if len(sys.argv) > 1 else "eval/dev"))
