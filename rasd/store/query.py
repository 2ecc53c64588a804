"""Reading fused events back: filtered listings, one event explained, database figures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Date, DateTime, and_, func, select

from rasd.store.errors import StoreError
from rasd.store.schema import EVENT_FIELDS, articles, event_reports, events, ingest_runs, metadata, reports

MAX_MERGE_CHAIN = 100
EVENT_OUTPUT_FIELDS = ("event_id", *EVENT_FIELDS, "created_at", "updated_at", "merged_into", "deleted")
SAID_FIELDS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "location", "admin1", "country",
    "fatalities", "fatalities_min", "fatalities_max", "fatalities_qualifier", "injured", "injured_qualifier",
    "actor1", "actor2", "reported_by", "is_recap", "confidence",
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    since: date | None = None
    until: date | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    limit: int | None = None
    include_retired: bool = False

    def conditions(self) -> list[ColumnElement[bool]]:
        """The export filter's conditions (one definition of what each filter means)."""
        from rasd.store.filters import ExportFilter

        return ExportFilter(
            since=self.since, until=self.until, country=self.country, event_type=self.event_type,
            sub_event_type=self.sub_event_type, actor=self.actor, min_fatalities=self.min_fatalities,
            include_merged=self.include_retired, include_deleted=self.include_retired,
        ).conditions()


def plain(value: Any) -> Any:
    """JSON-ready: dates and timestamps as ISO 8601 text."""
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # SQLite keeps UTC timestamps without their offset
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# the event columns that hold dates or times (the others are JSON-ready as they come)
_TIMED_FIELDS = frozenset(c.name for c in events.columns if isinstance(c.type, Date | DateTime))


def event_dict(row: Any) -> dict[str, Any]:
    data = row._asdict()
    out = {name: data[name] for name in EVENT_OUTPUT_FIELDS}
    for name in _TIMED_FIELDS.intersection(out):
        out[name] = plain(out[name])
    out.update(data["extra"] or {})
    return out


def list_events(conn: Connection, flt: EventFilter) -> Iterator[dict[str, Any]]:
    query = select(events).where(*flt.conditions())
    query = query.order_by(events.c.event_date.desc().nulls_last(), events.c.event_id)
    if flt.limit:
        query = query.limit(flt.limit)
    for row in conn.execute(query):
        yield event_dict(row)


def _event_row(conn: Connection, event_id: str) -> Any:
    row = conn.execute(select(events).where(events.c.event_id == event_id)).first()
    if row is None:
        raise StoreError(f"no event {event_id!r} in this database (rasd events lists them)", 2)
    return row


def explain(conn: Connection, event_id: str) -> dict[str, Any]:
    """The event, the chain of merges that led elsewhere, and every report merged into it."""
    row = _event_row(conn, event_id)
    chain = [event_id]
    while row.merged_into is not None and len(chain) < MAX_MERGE_CHAIN:
        chain.append(row.merged_into)
        row = _event_row(conn, row.merged_into)
    return {"asked": event_id, "merge_chain": chain, "event": event_dict(row),
            "reports": report_details(conn, row.event_id)}


def report_details(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    query = (
        select(event_reports.c.score, event_reports.c.parts, event_reports.c.reason, reports.c.report_id,
               reports.c.event, reports.c.evidence, articles.c.id, articles.c.outlet, articles.c.url,
               articles.c.published, articles.c.title, articles.c.text)
        .join(reports, event_reports.c.report_id == reports.c.report_id)
        .join(articles, reports.c.article_id == articles.c.id)
        .where(event_reports.c.event_id == event_id)
        .order_by(articles.c.published.asc().nulls_last(), reports.c.report_id)
    )
    return [_report_detail(row) for row in conn.execute(query)]


def _report_detail(row: Any) -> dict[str, Any]:
    said = {name: row.event.get(name) for name in SAID_FIELDS}
    evidence = [
        {"field": ev["field"], "start": ev["start"], "end": ev["end"], "text": row.text[ev["start"]:ev["end"]]}
        for ev in row.evidence
    ]
    return {
        "report_id": row.report_id, "article_id": row.id, "outlet": row.outlet, "url": row.url,
        "published": row.published, "title": row.title, "said": said, "evidence": evidence,
        "score": row.score, "parts": row.parts, "reason": row.reason,
    }


def table_counts(conn: Connection, tables: tuple[str, ...]) -> dict[str, int]:
    present = [name for name in metadata.tables if name in tables]
    return {name: int(conn.execute(select(func.count()).select_from(metadata.tables[name])).scalar_one())
            for name in present}


def event_status_counts(conn: Connection) -> dict[str, int]:
    c = events.c
    live = and_(c.deleted.is_(False), c.merged_into.is_(None))
    return {
        "live": int(conn.execute(select(func.count()).where(live)).scalar_one()),
        "merged": int(conn.execute(select(func.count()).where(c.merged_into.is_not(None))).scalar_one()),
        "deleted": int(conn.execute(select(func.count()).where(c.deleted.is_(True))).scalar_one()),
    }


def last_run(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    data = row._mapping
    return {name: plain(data[name]) for name in ("id", "command", "status", "started_at", "finished_at",
                                                 "pipeline_version", "counts")} | {"errors": len(data["errors"])}
