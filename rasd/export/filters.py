"""Which fused events an export takes: the same filters as ``rasd events``, plus a bounding box."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_

from rasd.store.schema import events


class FilterError(ValueError):
    """A filter value that cannot be used (an exit-2 usage error on the command line)."""


@dataclass(frozen=True, slots=True)
class BBox:
    """``min_lon, min_lat, max_lon, max_lat`` in degrees (GeoJSON's bbox order).

    ``min_lon > max_lon`` is a box that crosses the antimeridian (RFC 7946, 5.2).
    """

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 4:
            raise FilterError(f"bbox: expected four numbers minlon,minlat,maxlon,maxlat, not {text!r}")
        try:
            min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
        except ValueError:
            raise FilterError(f"bbox: expected four numbers minlon,minlat,maxlon,maxlat, not {text!r}") from None
        for name, value, limit in (("longitude", min_lon, 180), ("latitude", min_lat, 90),
                                   ("longitude", max_lon, 180), ("latitude", max_lat, 90)):
            if not -limit <= value <= limit:
                raise FilterError(f"bbox: {name} {value:g} is outside -{limit}..{limit}")
        if min_lat > max_lat:
            raise FilterError(f"bbox: min latitude {min_lat:g} is above max latitude {max_lat:g}")
        return cls(min_lon, min_lat, max_lon, max_lat)

    def condition(self) -> ColumnElement[bool]:
        c = events.c
        lat = and_(c.latitude.is_not(None), c.latitude >= self.min_lat, c.latitude <= self.max_lat)
        if self.min_lon <= self.max_lon:
            lon = and_(c.longitude >= self.min_lon, c.longitude <= self.max_lon)
        else:  # across the antimeridian
            lon = or_(c.longitude >= self.min_lon, c.longitude <= self.max_lon)
        return and_(lat, c.longitude.is_not(None), lon)

    def contains(self, lon: float | None, lat: float | None) -> bool:
        """The same test in Python (used by tests and by callers holding events already)."""
        if lon is None or lat is None or not self.min_lat <= lat <= self.max_lat:
            return False
        if self.min_lon <= self.max_lon:
            return self.min_lon <= lon <= self.max_lon
        return lon >= self.min_lon or lon <= self.max_lon


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Fused events to export. Deleted events are never exported; events merged into another
    (``merged_into`` set) only with ``include_merged``."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    bbox: BBox | None = None
    include_merged: bool = False

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise FilterError(f"--since {self.since} is after --until {self.until}")
        if self.min_fatalities is not None and self.min_fatalities < 0:
            raise FilterError(f"--min-fatalities must be 0 or more, not {self.min_fatalities}")

    def conditions(self) -> list[ColumnElement[bool]]:
        c = events.c
        found: list[ColumnElement[bool]] = [c.deleted.is_(False)]
        if not self.include_merged:
            found.append(c.merged_into.is_(None))
        if self.since is not None:
            found.append(c.event_date >= self.since)
        if self.until is not None:
            found.append(c.event_date <= self.until)
        for column, value in ((c.country, self.country), (c.event_type, self.event_type),
                              (c.sub_event_type, self.sub_event_type)):
            if value:
                found.append(func.lower(column) == value.lower())
        if self.actor:
            needle = self.actor.lower()
            found.append(or_(func.lower(c.actor1).contains(needle, autoescape=True),
                             func.lower(c.actor2).contains(needle, autoescape=True)))
        if self.min_fatalities is not None:
            found.append(c.fatalities >= self.min_fatalities)
        if self.bbox is not None:
            found.append(self.bbox.condition())
        return found
