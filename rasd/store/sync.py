"""Keeping fused events in step with stored reports.

The fusion algorithm (:mod:`rasd.fusion`) decides which reports are one incident; this module
feeds it stored reports through the blocked (country, day) index (:class:`StoreSource`) and
writes its answer back:
fused events are upserted by their stable id, their report links rewritten, and a stored event
that no longer has a cluster is kept with ``merged_into`` (or ``deleted``) set, never removed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Date,
    Float,
    Integer,
    and_,
    bindparam,
    delete,
    insert,
    select,
    update,
)

from rasd.store.articles import chunked, linked_events, parse_day
from rasd.store.entities import actor_id, place_id
from rasd.store.schema import EVENT_FIELD_COLUMNS, EVENT_FIELDS, articles, event_reports, events, reports

if TYPE_CHECKING:
    from rasd.fusion import FusedCluster, Report, Stub

_REPORT_QUERY = select(
    reports.c.report_id, reports.c.n, reports.c.event, reports.c.evidence, articles.c.meta
).join(articles, reports.c.article_id == articles.c.id)


@dataclass(slots=True)
class SyncCounts:
    created: int = 0
    updated: int = 0
    merged: int = 0
    deleted: int = 0

    def add(self, other: SyncCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# -- reading reports back ----------------------------------------------------------------------


def _report(row: Any) -> Report:
    from rasd.fusion import report_from_event

    event = dict(row.event)
    event["evidence"] = row.evidence
    return report_from_event(dict(row.meta["article"]), row.n, event)


def load_reports(conn: Connection, where: ColumnElement[bool]) -> list[Report]:
    query = _REPORT_QUERY.where(where).order_by(reports.c.report_id)
    return [_report(row) for row in conn.execute(query)]


def load_reports_by_id(conn: Connection, ids: Iterable[str]) -> list[Report]:
    found: list[Report] = []
    for chunk in chunked(sorted(set(ids))):
        found.extend(load_reports(conn, reports.c.report_id.in_(chunk)))
    return found


def load_unlinked(conn: Connection, ids: Iterable[str]) -> list[Report]:
    """The reports among ``ids`` that exist and belong to no event yet (not fused)."""
    wanted = sorted(set(ids))
    linked = event_of_reports(conn, wanted)
    return load_reports_by_id(conn, [rid for rid in wanted if rid not in linked])


def event_of_reports(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """report id -> the event it is linked to (ids without a link are left out)."""
    found: dict[str, str] = {}
    for chunk in chunked(sorted(set(ids))):
        query = select(event_reports.c.report_id, event_reports.c.event_id).where(
            event_reports.c.report_id.in_(chunk))
        found.update((rid, eid) for rid, eid in conn.execute(query))
    return found


def unlinked_report_ids(conn: Connection) -> list[str]:
    """Every stored report that belongs to no event (stored by a run killed before fusing)."""
    linked = select(event_reports.c.report_id).where(event_reports.c.report_id == reports.c.report_id).exists()
    return list(conn.execute(select(reports.c.report_id).where(~linked).order_by(reports.c.report_id)).scalars())


class StoreSource:
    """The stored reports and their events, as :func:`rasd.fusion.refuse` reads them."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def stubs(self, block: str, lo: date | None, hi: date | None) -> list[Stub]:
        from rasd.fusion import Stub
        from rasd.fusion.blocks import countries_of
        from rasd.fusion.report import publication_time

        day = reports.c.event_day
        countries = countries_of(block)
        where = [reports.c.country == countries[0] if len(countries) == 1 else reports.c.country.in_(countries)]
        where += [day.is_(None)] if lo is None or hi is None else [day >= lo, day <= hi]
        query = select(reports.c.report_id, day, reports.c.time_precision, articles.c.published).join(
            articles, reports.c.article_id == articles.c.id).where(*where)
        found = []
        for rid, event_day, precision, published in self.conn.execute(query):
            found.append(Stub(rid, event_day, int(precision or 3), (publication_time(published), rid)))
        return found

    def reports(self, ids: Iterable[str]) -> list[Report]:
        return load_reports_by_id(self.conn, ids)

    def events_of(self, ids: Iterable[str]) -> dict[str, str]:
        return event_of_reports(self.conn, ids)

    def members(self, event_ids: Iterable[str]) -> dict[str, set[str]]:
        return links_of_events(self.conn, event_ids)


def links_of_events(conn: Connection, event_ids: Iterable[str]) -> dict[str, set[str]]:
    """event id -> ids of the reports linked to it now (every asked id is a key)."""
    ids = sorted(set(event_ids))
    found: dict[str, set[str]] = {event_id: set() for event_id in ids}
    for chunk in chunked(ids):
        query = select(event_reports.c.event_id, event_reports.c.report_id).where(
            event_reports.c.event_id.in_(chunk)
        )
        for event_id, rid in conn.execute(query):
            found[event_id].add(rid)
    return found


# -- fusing ----------------------------------------------------------------------------------


def fuse_change(
    conn: Connection,
    new: Sequence[Report],
    now: datetime,
    removed: Sequence[Report] = (),
    prior: dict[str, set[str]] | None = None,
) -> tuple[SyncCounts, int]:
    """Fuse an article's new reports (and the removal of its old ones) into the stored events;
    returns the counts and how many reports decided again."""
    from rasd.fusion import refuse

    change = refuse(StoreSource(conn), new, removed, prior)
    counts = sync_clusters(conn, change.reports, change.clusters, change.before, now)
    return counts, change.replayed


def refuse_block(conn: Connection, block: str | None, now: datetime) -> SyncCounts:
    """Rebuild the fused events of one fusion block (a country, or countries fused together;
    None: reports with no country) from its stored reports (``rasd refuse``)."""
    from rasd.fusion import cluster_all
    from rasd.fusion.blocks import countries_of

    where = reports.c.country.is_(None) if block is None else reports.c.country.in_(countries_of(block))
    members = load_reports(conn, where)
    clusters = cluster_all(members)
    before = links_of_events(conn, linked_events(conn, [r.report_id for r in members]))
    return sync_clusters(conn, members, clusters, before, now)


def sync_clusters(
    conn: Connection,
    members: Sequence[Report],
    clusters: Sequence[FusedCluster],
    before: dict[str, set[str]],
    now: datetime,
) -> SyncCounts:
    counts = SyncCounts()
    ids = [r.report_id for r in members]
    cluster_ids = {c.event_id for c in clusters}
    touched = sorted(set(before) | cluster_ids)
    stored = _stored_events(conn, touched)
    for chunk in chunked(touched):
        conn.execute(delete(event_reports).where(event_reports.c.event_id.in_(chunk)))
    for chunk in chunked(ids):
        conn.execute(delete(event_reports).where(event_reports.c.report_id.in_(chunk)))
    holder: dict[str, str] = {}
    for fused in sorted(clusters, key=lambda c: c.event_id):
        _upsert_event(conn, fused, stored.get(fused.event_id), now, counts)
        _insert_links(conn, fused)
        holder.update((r.report_id, fused.event_id) for r in fused.reports)
    for event_id in sorted(set(before) - cluster_ids):
        _retire(conn, event_id, before[event_id], holder, stored.get(event_id), now, counts)
    return counts


def _stored_events(conn: Connection, event_ids: Sequence[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    cols = (events.c.event_id, events.c.fingerprint, events.c.merged_into, events.c.deleted)
    for chunk in chunked(event_ids):
        for row in conn.execute(select(*cols).where(events.c.event_id.in_(chunk))):
            found[row.event_id] = row
    return found


def fingerprint(values: dict[str, Any]) -> str:
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _column_value(column: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Date):
        return value if isinstance(value, date) else parse_day(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer):
        return int(value)
    if isinstance(kind, Float):
        return float(value)
    return value


def event_values(conn: Connection, fields_: dict[str, Any]) -> dict[str, Any]:
    """Column values of a fused event; fields the schema has no column for go to ``extra``."""
    values = {c.name: _column_value(c, fields_.get(c.name)) for c in EVENT_FIELD_COLUMNS}
    values["outlets"] = list(fields_.get("outlets") or [])
    values["extra"] = {k: v for k, v in sorted(fields_.items()) if k not in EVENT_FIELDS}
    values["place_id"] = place_id(conn, fields_)
    values["actor1_id"] = actor_id(conn, fields_.get("actor1"), fields_.get("inter1"))
    values["actor2_id"] = actor_id(conn, fields_.get("actor2"), fields_.get("inter2"))
    values["fingerprint"] = fingerprint(fields_)
    return values


def _upsert_event(conn: Connection, fused: FusedCluster, row: Any, now: datetime, counts: SyncCounts) -> None:
    values = event_values(conn, dict(fused.fields))
    if row is None:
        conn.execute(insert(events), {
            "event_id": fused.event_id, "created_at": now, "updated_at": now, "merged_into": None,
            "deleted": False, **values,
        })
        counts.created += 1
    elif row.fingerprint != values["fingerprint"] or row.merged_into is not None or row.deleted:
        conn.execute(update(events).where(events.c.event_id == bindparam("old_id")), {
            "old_id": fused.event_id, "updated_at": now, "merged_into": None, "deleted": False, **values,
        })
        counts.updated += 1


def _insert_links(conn: Connection, fused: FusedCluster) -> None:
    links = {str(link["report_id"]): link for link in fused.links}
    rows = []
    for report in fused.reports:
        link = links.get(report.report_id, {})
        score = link.get("score")
        rows.append({
            "event_id": fused.event_id,
            "report_id": report.report_id,
            "score": float(score) if score is not None else None,
            "parts": dict(link.get("parts") or {}),
            "reason": link.get("reason"),
        })
    if rows:
        conn.execute(insert(event_reports), rows)


def _retire(
    conn: Connection, event_id: str, held: set[str], holder: dict[str, str], row: Any, now: datetime,
    counts: SyncCounts,
) -> None:
    """An event with no cluster any more: merged into the event holding most of its reports,
    or deleted when none of them is left."""
    if row is None:
        return
    votes = Counter(holder[r] for r in held if r in holder)
    target = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if votes else None
    if target is not None:
        if row.merged_into == target and not row.deleted:
            return
        conn.execute(update(events).where(events.c.event_id == event_id).values(
            merged_into=target, deleted=False, updated_at=now))
        counts.merged += 1
        return
    if row.deleted and row.merged_into is None:
        return
    conn.execute(update(events).where(events.c.event_id == event_id).values(
        merged_into=None, deleted=True, updated_at=now))
    counts.deleted += 1


def retire_orphans(conn: Connection, now: datetime) -> int:
    """Live events that no report is linked to any more are marked deleted."""
    linked = select(event_reports.c.event_id).where(event_reports.c.event_id == events.c.event_id).exists()
    live = and_(events.c.deleted.is_(False), events.c.merged_into.is_(None))
    query = update(events).where(live, ~linked).values(deleted=True, updated_at=now)
    return int(conn.execute(query).rowcount or 0)

