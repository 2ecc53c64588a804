"""Which fused events a listing, an export or an API request takes: dates, places, types,
actors, tolls, grading, outlets, free text, a bounding box, what changed since a time.

``rasd export``, the API's ``/events``, ``/events.geojson``, ``/export`` and ``/stats`` share this
one filter, so that a view of the dashboard exports exactly what it shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select

from rasd.store.schema import articles, event_reports, events, reports

MAX_TEXT = 200  # characters of a free-text or name filter


class FilterError(ValueError):
    """A filter value that cannot be used (an exit-2 usage error on the command line)."""


def has_control_characters(text: str) -> bool:
    """No filter or id holds one (and PostgreSQL refuses a NUL in a string)."""
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)


def parse_stamp(text: str) -> datetime:
    """An ISO 8601 date or time; UTC when it has no offset."""
    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise FilterError(f"not an ISO 8601 time: {text!r} (e.g. 2018-05-01T12:00:00Z)") from None
    return stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)


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
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    grading: str | None = None
    source: str | None = None  # an outlet that reported the event
    text: str | None = None  # free text in the notes, location, admin1 or actors
    updated_since: datetime | None = None
    bbox: BBox | None = None
    include_merged: bool = False
    include_deleted: bool = False

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise FilterError(f"--since {self.since} is after --until {self.until}")
        if self.min_fatalities is not None and self.min_fatalities < 0:
            raise FilterError(f"--min-fatalities must be 0 or more, not {self.min_fatalities}")
        for name in ("country", "admin1", "event_type", "sub_event_type", "actor", "grading", "source", "text"):
            value = getattr(self, name)
            if value is not None and len(value) > MAX_TEXT:
                raise FilterError(f"{name}: at most {MAX_TEXT} characters")
            if value is not None and has_control_characters(value):
                raise FilterError(f"{name}: control characters are not text to look for")

    def conditions(self) -> list[ColumnElement[bool]]:
        c = events.c
        found: list[ColumnElement[bool]] = [] if self.include_deleted else [c.deleted.is_(False)]
        if not self.include_merged:
            found.append(c.merged_into.is_(None))
        if self.since is not None:
            found.append(c.event_date >= self.since)
        if self.until is not None:
            found.append(c.event_date <= self.until)
        for column, value in ((c.country, self.country), (c.admin1, self.admin1), (c.event_type, self.event_type),
                              (c.sub_event_type, self.sub_event_type), (c.grading, self.grading)):
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
        if self.source:
            found.append(_reported_by_outlet(self.source))
        if self.text:
            needle = self.text.lower()
            found.append(or_(*(func.lower(col).contains(needle, autoescape=True)
                               for col in (c.notes, c.location, c.admin1, c.actor1, c.actor2))))
        if self.updated_since is not None:
            found.append(c.updated_at > self.updated_since)
        return found


def _reported_by_outlet(outlet: str) -> ColumnElement[bool]:
    """A report of the event comes from an article of ``outlet`` (case-insensitive)."""
    linked = (select(event_reports.c.report_id)
              .join(reports, reports.c.report_id == event_reports.c.report_id)
              .join(articles, articles.c.id == reports.c.article_id)
              .where(event_reports.c.event_id == events.c.event_id, func.lower(articles.c.outlet) == outlet.lower()))
    return exists(linked)
