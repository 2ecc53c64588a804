"""GeoJSON (RFC 7946): one FeatureCollection, written a feature at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TextIO


def json_default(value: Any) -> Any:
    """Dates and timestamps as ISO 8601 text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=json_default, allow_nan=False)


def feature(event: dict[str, Any]) -> dict[str, Any]:
    """A Point at [longitude, latitude], or a null geometry when the event has no coordinates;
    the properties are the fused event's columns."""
    lon, lat = event.get("longitude"), event.get("latitude")
    geometry = None if lon is None or lat is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": event["event_id"], "geometry": geometry, "properties": event}


def write_geojson(chunks: Iterable[list[dict[str, Any]]], out: TextIO) -> int:
    """The collection's head, each feature on its own line, then its tail: nothing is held
    beyond one chunk of events."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for chunk in chunks:
        for event in chunk:
            out.write(",\n" if count else "\n")
            out.write(dumps(feature(event)))
            count += 1
    out.write("\n]}\n" if count else "]}\n")
    return count
