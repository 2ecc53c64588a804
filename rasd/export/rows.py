"""Reading fused events (and, for JSONL, their reports) in chunks from a streaming cursor.

Rows come through ``execution_options(yield_per=…)``: a server-side cursor on PostgreSQL,
SQLite's own step-by-step cursor, so memory stays flat whatever the number of events.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Select, select

from rasd.export.filters import ExportFilter
from rasd.store.schema import EVENT_FIELDS, articles, event_reports, events, reports

CHUNK = 2000  # events per fetch from the streaming cursor
IN_CHUNK = 500  # ids per IN (...) list when fetching reports and articles

# The fused columns, in this order, in every format (extra fields follow them).
EVENT_COLUMNS: tuple[str, ...] = ("event_id", *EVENT_FIELDS, "created_at", "updated_at", "merged_into")
_SELECTED: tuple[str, ...] = (*EVENT_COLUMNS, "extra")
_STAMPS = ("created_at", "updated_at")

# What a report said, in the JSONL export (keys of the stored per-article event).
SAID_FIELDS: tuple[str, ...] = (
    "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "fatalities_min", "fatalities_max", "fatalities_qualifier",
    "injured", "injured_min", "injured_max", "injured_qualifier", "reported_by", "claimed_by", "notes",
)


def event_query(flt: ExportFilter) -> Select[Any]:
    """The fused events to export, oldest first (undated last), then by id: a stable order."""
    query = select(*(events.c[name] for name in _SELECTED)).where(*flt.conditions())
    return query.order_by(events.c.event_date.asc().nulls_last(), events.c.event_id)


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back UTC timestamps without their offset; PostgreSQL with it."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _event(row: Sequence[Any]) -> dict[str, Any]:
    data = dict(zip(_SELECTED, row, strict=True))
    extra = data.pop("extra") or {}
    for name in _STAMPS:
        data[name] = utc(data[name])
    if data.get("outlets") is None:
        data["outlets"] = []
    for key, value in extra.items():
        data.setdefault(key, value)
    return data


def event_chunks(
    conn: Connection, flt: ExportFilter, chunk: int = CHUNK
) -> Generator[list[dict[str, Any]], None, None]:
    """Fused events as dicts (dates as ``date``, stamps as UTC ``datetime``), ``chunk`` at a time."""
    result = conn.execution_options(yield_per=chunk).execute(event_query(flt))
    try:
        for part in result.partitions():
            yield [_event(row) for row in part]
    finally:
        result.close()


# -- reports, for JSONL ------------------------------------------------------------------------


def _pieces(items: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_REPORT_QUERY = select(
    event_reports.c.event_id, event_reports.c.report_id, event_reports.c.score, event_reports.c.parts,
    event_reports.c.reason, reports.c.article_id, reports.c.event, reports.c.evidence, reports.c.is_recap,
).join(reports, event_reports.c.report_id == reports.c.report_id)

_ARTICLE_QUERY = select(
    articles.c.id, articles.c.outlet, articles.c.url, articles.c.published, articles.c.title, articles.c.text
)


def reports_of(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """event id -> every report merged into it (ordered by publication, then id), for a chunk
    of events: one query per :data:`IN_CHUNK` events, never one per event."""
    found: dict[str, list[dict[str, Any]]] = {event_id: [] for event_id in event_ids}
    links: list[Any] = []
    for piece in _pieces(list(event_ids)):
        links.extend(conn.execute(_REPORT_QUERY.where(event_reports.c.event_id.in_(piece))))
    texts = _articles(conn, sorted({row.article_id for row in links}))
    for row in links:
        found[row.event_id].append(_report(row, texts.get(row.article_id)))
    for items in found.values():
        items.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["report_id"]))
    return found


def _articles(conn: Connection, ids: Sequence[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for piece in _pieces(ids):
        for row in conn.execute(_ARTICLE_QUERY.where(articles.c.id.in_(piece))):
            found[row.id] = row
    return found


def _evidence(spans: Sequence[dict[str, Any]], text: str | None) -> list[dict[str, Any]]:
    out = []
    for span in spans or ():
        start, end = span.get("start"), span.get("end")
        cut = None
        if text is not None and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
            cut = text[start:end]
        out.append({"field": span.get("field"), "start": start, "end": end, "text": cut})
    return out


def _report(row: Any, article: Any) -> dict[str, Any]:
    said = row.event or {}
    return {
        "report_id": row.report_id,
        "article_id": row.article_id,
        "outlet": article.outlet if article is not None else None,
        "url": article.url if article is not None else None,
        "published": article.published if article is not None else None,
        "title": article.title if article is not None else None,
        "is_recap": bool(row.is_recap),
        "said": {name: said.get(name) for name in SAID_FIELDS},
        "evidence": _evidence(row.evidence, article.text if article is not None else None),
        "link": {"score": row.score, "parts": row.parts or {}, "reason": row.reason},
    }
