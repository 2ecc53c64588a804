"""ACLED CSV: the codebook's columns in the codebook's order, then Rasd's own columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any, TextIO

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
RASD_COLUMNS: tuple[str, ...] = (
    "injured", "fatalities_min", "fatalities_max", "fatalities_best", "injured_min", "injured_max",
    "injured_best", "source_count", "grading", "first_seen", "last_seen", "confidence", "rasd_event_id",
    "report_count", "is_recap", "merged_into", "created_at", "updated_at",
)
HEADER: tuple[str, ...] = ACLED_COLUMNS + RASD_COLUMNS

SOURCE_SEPARATOR = "; "  # ACLED joins a record's sources this way
UNKNOWN_ISO3 = "XXX"
# ACLED's source_scale values, narrowest first; a mix is joined with "-" ("National-International").
SCALE_ORDER: tuple[str, ...] = ("Local partner", "Subnational", "National", "Regional", "International",
                                "New media", "Other")
_SCALE_NAMES = {"local": "Subnational", "subnational": "Subnational", "national": "National",
                "regional": "Regional", "international": "International", "new media": "New media",
                "local partner": "Local partner", "other": "Other"}

# Fields copied as they are (same name in the fused event and the CSV).
_COPIED_ACLED = frozenset(ACLED_COLUMNS) - {"event_id_cnty", "event_date", "year", "source", "source_scale",
                                              "timestamp", "assoc_actor_1", "assoc_actor_2", "tags"}


@cache
def _iso3_table() -> dict[int, str]:
    from rasd.lang.ar import read_tsv

    return {int(row["isonum"]): row["iso3"] for row in read_tsv("places/country_codes.tsv") if row["isonum"]}


def iso3(iso: int | None) -> str:
    """ISO 3166-1 alpha-3 code for an ISO numeric code; ``XXX`` when unknown."""
    if iso is None:
        return UNKNOWN_ISO3
    return _iso3_table().get(int(iso), UNKNOWN_ISO3)


def event_id_cnty(event_id: str, iso: int | None) -> str:
    """ACLED-style id: the country's alpha-3 code, then the Rasd id without its ``ev-`` prefix
    (``SYRb66b3aaae86c298f``): unique and stable, as Rasd's ids are."""
    return iso3(iso) + event_id.removeprefix("ev-")


@cache
def _outlet_scale(outlet: str) -> str | None:
    from rasd.extractors.sources.lexicon import outlet_scale

    scale = outlet_scale(outlet)
    return _SCALE_NAMES.get(scale.strip().lower()) if scale else None


def source_scale(outlets: Sequence[str]) -> str | None:
    """ACLED ``source_scale`` from the outlets' known scales; None when none is known."""
    scales = {s for s in (_outlet_scale(o) for o in outlets if o) if s}
    if not scales:
        return None
    return "-".join(s for s in SCALE_ORDER if s in scales)


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def csv_row(event: dict[str, Any]) -> list[Any]:
    """One CSV row (None becomes an empty cell)."""
    day: date | None = event.get("event_date")
    outlets = [o for o in event.get("outlets") or [] if o]
    updated: datetime | None = event.get("updated_at")
    is_recap = event.get("is_recap")
    values: dict[str, Any] = {name: event.get(name) for name in _COPIED_ACLED}
    values.update(
        event_id_cnty=event_id_cnty(event["event_id"], event.get("iso")),
        event_date=day.isoformat() if day is not None else None,
        year=day.year if day is not None else None,
        assoc_actor_1=event.get("assoc_actor_1"),
        assoc_actor_2=event.get("assoc_actor_2"),
        source=SOURCE_SEPARATOR.join(outlets) or None,
        source_scale=source_scale(outlets),
        tags=event.get("tags"),
        timestamp=int(updated.timestamp()) if updated is not None else None,
    )
    for name in RASD_COLUMNS:
        values[name] = event.get(name)
    values.update(
        rasd_event_id=event["event_id"],
        is_recap=None if is_recap is None else ("true" if is_recap else "false"),
        created_at=_stamp(event.get("created_at")),
        updated_at=_stamp(updated),
    )
    return [values[name] for name in HEADER]


def write_csv(chunks: Iterable[list[dict[str, Any]]], out: TextIO) -> int:
    """Write the header and one row per event; returns the number of events written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    count = 0
    for chunk in chunks:
        writer.writerows(csv_row(event) for event in chunk)
        count += len(chunk)
    return count
