"""Reading the database for the API and the dashboard: pages of events with a keyset cursor,
changes since a time, figures per period and group, an article with its evidence."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Integer, and_, cast, func, or_, select

from rasd.store.filters import ExportFilter, has_control_characters
from rasd.store.query import event_dict, plain, report_details
from rasd.store.schema import article_mentions, articles, event_reports, events, reports

MAX_PAGE = 1000


class BrowseError(ValueError):
    """A request the database cannot answer as asked (a bad cursor, an unknown sort or field)."""


class NotFound(LookupError):
    pass


# -- pages of events ---------------------------------------------------------------------------

# sort name -> (column, descending); event_id breaks ties, ascending
SORTS: dict[str, tuple[str, bool]] = {
    "-event_date": ("event_date", True),
    "event_date": ("event_date", False),
    "-fatalities": ("fatalities", True),
    "fatalities": ("fatalities", False),
    "-updated_at": ("updated_at", True),
    "updated_at": ("updated_at", False),
}
DEFAULT_SORT = "-event_date"


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a page ends: the sort value of its last event (None: among the events without one,
    which come last) and that event's id."""

    sort: str
    value: Any
    event_id: str

    def encode(self) -> str:
        raw = json.dumps([self.sort, _json_value(self.value), self.event_id], ensure_ascii=False)
        return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str, sort: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            name, value, event_id = json.loads(raw.decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
            raise BrowseError("cursor: not a cursor this API gave (pass the next_cursor of the last page)") from None
        if name != sort:
            raise BrowseError(f"cursor: it continues a page sorted by {name!r}, not {sort!r}")
        if not isinstance(event_id, str) or len(event_id) > MAX_ID or has_control_characters(event_id) or not (
                value is None or isinstance(value, str | int | float)) or has_control_characters(str(value)):
            raise BrowseError("cursor: not a cursor this API gave (pass the next_cursor of the last page)")
        return cls(name, _sort_value(SORTS[name][0], value), event_id)


def _json_value(value: Any) -> Any:
    return plain(value) if isinstance(value, date | datetime) else value


def _sort_value(column: str, value: Any) -> Any:
    if value is None:
        return None
    try:
        if column == "event_date":
            return date.fromisoformat(str(value))
        if column == "updated_at":
            stamp = datetime.fromisoformat(str(value))
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
        return int(value)
    except (TypeError, ValueError):
        raise BrowseError("cursor: not a cursor this API gave (pass the next_cursor of the last page)") from None


@dataclass(slots=True)
class Page:
    events: list[dict[str, Any]]
    next_cursor: str | None


def events_page(conn: Connection, flt: ExportFilter, *, sort: str = DEFAULT_SORT, cursor: str | None = None,
                limit: int = 100) -> Page:
    """One page of the events ``flt`` selects, in ``sort`` order (events without the sort value
    last), after ``cursor``. Keyset paging: a page costs the same however deep it is."""
    if sort not in SORTS:
        raise BrowseError(f"sort: one of {', '.join(SORTS)}, not {sort!r}")
    if not 1 <= limit <= MAX_PAGE:
        raise BrowseError(f"limit: 1 to {MAX_PAGE}, not {limit}")
    name, descending = SORTS[sort]
    after = Cursor.decode(cursor, sort) if cursor else None
    rows = _in_order(conn, [events], flt.conditions(), name, descending, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = Cursor(sort, getattr(rows[-1], name), rows[-1].event_id).encode() if more else None
    return Page([event_dict(row) for row in rows], next_cursor)


def _in_order(conn: Connection, columns: list[Any], where: list[Any], name: str, descending: bool,
              after: Cursor | None, limit: int) -> list[Any]:
    """At most ``limit`` rows in the order of column ``name`` (then event_id), those without a
    value last, after ``after``. Two queries instead of one with NULLS LAST, so that each can be
    read in the order of an index."""
    column = events.c[name]
    rows: list[Any] = []
    if after is None or after.value is not None:
        query = select(*columns).where(*where, column.is_not(None))
        if after is not None:
            beyond = column < after.value if descending else column > after.value
            query = query.where(or_(beyond, and_(column == after.value, events.c.event_id > after.event_id)))
        order = column.desc() if descending else column.asc()
        rows = list(conn.execute(query.order_by(order, events.c.event_id).limit(limit)))
    if len(rows) < limit:
        query = select(*columns).where(*where, column.is_(None))
        if after is not None and after.value is None:
            query = query.where(events.c.event_id > after.event_id)
        rows += list(conn.execute(query.order_by(events.c.event_id).limit(limit - len(rows))))
    return rows


def event_features(conn: Connection, flt: ExportFilter, *, limit: int, fields: list[str] | None = None
                   ) -> list[dict[str, Any]]:
    """GeoJSON features of the events with coordinates (most recent first, undated last), at most
    ``limit``; with ``fields``, only those properties (and only those columns are read)."""
    located = [*flt.conditions(), events.c.latitude.is_not(None), events.c.longitude.is_not(None)]
    if fields is None:
        columns: list[Any] = [events]
    else:
        columns = [events.c[name] for name in dict.fromkeys([*fields, "event_id", "latitude", "longitude"])]
    rows = _in_order(conn, columns, located, "event_date", True, None, limit)
    return [_feature(row, fields) for row in rows]


def _feature(row: Any, fields: list[str] | None) -> dict[str, Any]:
    if fields is None:
        properties = event_dict(row)
    else:
        data = row._mapping
        properties = {name: plain(data[name]) for name in fields}
    return {"type": "Feature", "id": row.event_id,
            "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]}, "properties": properties}


MAX_CELLS = 5000
CELLS_PER_TILE = 4  # a 256-pixel tile is cut into 4 x 4 cells of 64 pixels


def map_cells(conn: Connection, flt: ExportFilter, *, zoom: int, limit: int = MAX_CELLS) -> list[dict[str, Any]]:
    """The located events gathered in grid cells of about 64 pixels at map ``zoom``: each cell's
    count, fatalities and mean position; a cell of one event gives that event's id, type and
    date. The grouping is done by the database, so that a map of a million events sends only
    what can be seen (the caller's ``bbox`` filter bounds it to the view)."""
    cell = 360.0 / (2 ** zoom) / CELLS_PER_TILE
    c = events.c
    # longitudes and latitudes shifted to be positive: the integer cast is then a floor
    gx = cast((c.longitude + 180.0) / cell, Integer).label("gx")
    gy = cast((c.latitude + 90.0) / cell, Integer).label("gy")
    query = (select(gx, gy, func.count().label("n"), func.coalesce(func.sum(c.fatalities), 0).label("killed"),
                    func.avg(c.latitude).label("lat"), func.avg(c.longitude).label("lon"),
                    func.min(c.event_id).label("first_id"), func.min(c.event_type).label("type_lo"),
                    func.max(c.event_type).label("type_hi"), func.max(c.event_date).label("day"))
             .where(*flt.conditions(), c.latitude.is_not(None), c.longitude.is_not(None))
             .group_by(gx, gy).order_by(func.count().desc(), gx, gy).limit(limit))
    out = []
    for row in conn.execute(query):
        single = row.n == 1
        out.append({
            "latitude": round(float(row.lat), 5), "longitude": round(float(row.lon), 5), "count": int(row.n),
            "fatalities": int(row.killed), "event_type": row.type_lo if row.type_lo == row.type_hi else None,
            "event_id": row.first_id if single else None, "event_date": plain(row.day) if single else None,
        })
    return out


# -- changes -----------------------------------------------------------------------------------


def changes_since(conn: Connection, since: datetime, limit: int = MAX_PAGE) -> list[dict[str, Any]]:
    """Events created, updated, merged or deleted after ``since`` (oldest change first): what a
    copy of the database must apply to catch up."""
    query = (select(events.c.event_id, events.c.created_at, events.c.updated_at, events.c.merged_into,
                    events.c.deleted)
             .where(events.c.updated_at > since).order_by(events.c.updated_at, events.c.event_id).limit(limit))
    out = []
    for row in conn.execute(query):
        kind = ("deleted" if row.deleted else "merged" if row.merged_into else
                "created" if row.created_at == row.updated_at else "updated")
        out.append({"event_id": row.event_id, "change": kind, "at": plain(row.updated_at),
                    "merged_into": row.merged_into})
    return out


# -- figures -----------------------------------------------------------------------------------

PERIODS = ("day", "week", "month")
GROUPS = ("event_type", "sub_event_type", "country", "admin1", "actor1")
TOP_GROUPS = 50


def stats(conn: Connection, flt: ExportFilter, period: str = "day",
          groups: tuple[str, ...] = GROUPS) -> dict[str, Any]:
    """Events and fatalities per ``period`` and per group (type, country, admin1, actor); only
    the ``groups`` asked for are counted (each is one more pass over the events)."""
    if period not in PERIODS:
        raise BrowseError(f"period: one of {', '.join(PERIODS)}, not {period!r}")
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        raise BrowseError(f"groups: any of {', '.join(GROUPS)}, not {', '.join(unknown[:3])}")
    where = flt.conditions()
    fatalities = func.coalesce(func.sum(events.c.fatalities), 0)
    per_day = conn.execute(select(events.c.event_date, func.count(), fatalities).where(
        *where, events.c.event_date.is_not(None)).group_by(events.c.event_date).order_by(events.c.event_date))
    series: dict[str, list[int]] = {}
    for day, count, killed in per_day:
        key = _period_start(day, period).isoformat()
        totals = series.setdefault(key, [0, 0])
        totals[0] += count
        totals[1] += int(killed)
    total_events, total_fatalities = conn.execute(select(func.count(), fatalities).where(*where)).one()
    out: dict[str, Any] = {
        "period": period,
        "total": {"events": int(total_events), "fatalities": int(total_fatalities)},
        "series": [{"start": k, "events": v[0], "fatalities": v[1]} for k, v in series.items()],
    }
    for group in groups:
        column = events.c[group]
        rows = conn.execute(select(column, func.count().label("n"), fatalities).where(*where).group_by(column)
                            .order_by(func.count().desc(), column).limit(TOP_GROUPS))
        out[f"by_{group}"] = [{"value": value, "events": int(n), "fatalities": int(killed)}
                              for value, n, killed in rows]
    return out


def _period_start(day: date, period: str) -> date:
    if period == "week":
        return date.fromordinal(day.toordinal() - day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


# -- one event, one article --------------------------------------------------------------------


MAX_ID = 300


def _checked_id(kind: str, value: str) -> str:
    """An id worth looking up: no database keeps control characters or 300+ characters in one
    (and PostgreSQL refuses a NUL in a string)."""
    if len(value) > MAX_ID or has_control_characters(value):
        raise NotFound(f"no {kind} {value[:60]!r}")
    return value


def event_detail(conn: Connection, event_id: str) -> dict[str, Any]:
    """Every field, every report (outlet, URL, toll, evidence), the merge explanation."""
    _checked_id("event", event_id)
    row = conn.execute(select(events).where(events.c.event_id == event_id)).first()
    if row is None:
        raise NotFound(f"no event {event_id!r}")
    detail = event_dict(row)
    detail["reports"] = report_details(conn, event_id)
    detail["merged_from"] = list(conn.execute(select(events.c.event_id).where(
        events.c.merged_into == event_id).order_by(events.c.event_id)).scalars())
    return detail


def article_detail(conn: Connection, article_id: str) -> dict[str, Any]:
    """The article's text and metadata, its mentions, its reports and the events they fed."""
    _checked_id("article", article_id)
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        raise NotFound(f"no article {article_id!r}")
    mentions = conn.execute(select(article_mentions.c.mentions).where(
        article_mentions.c.article_id == article_id)).scalar()
    fed = conn.execute(
        select(reports.c.report_id, reports.c.n, reports.c.event, reports.c.evidence, event_reports.c.event_id)
        .outerjoin(event_reports, event_reports.c.report_id == reports.c.report_id)
        .where(reports.c.article_id == article_id).order_by(reports.c.n))
    meta = dict(row.meta)
    return {
        "id": row.id, "url": row.url, "outlet": row.outlet, "published": row.published, "title": row.title,
        "text": row.text, "language": meta.get("article", {}).get("language"),
        "copy_of": row.copy_of, "similarity": row.similarity,
        "ingested_at": plain(row.ingested_at), "updated_at": plain(row.updated_at),
        "warnings": meta.get("warnings", []),
        "mentions": mentions or [],
        "reports": [{"report_id": r.report_id, "n": r.n, "event": dict(r.event), "evidence": r.evidence,
                     "fused_event_id": r.event_id} for r in fed],
    }
