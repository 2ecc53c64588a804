"""Articles and their per-article reports (extracted events) in the database."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from rasd.document import ArticleMeta, Document
from rasd.store.entities import source_id
from rasd.store.schema import article_mentions, articles, event_reports, reports

if TYPE_CHECKING:
    from rasd.fusion import Report

REPORT_INDEX_FIELDS = (
    "country", "time_precision", "latitude", "longitude", "event_type", "sub_event_type",
    "fatalities", "injured", "actor1", "actor2",
)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pipeline_version() -> str:
    """The Rasd version plus a hash of every stage's version: a rule change re-extracts."""
    from rasd import __version__
    from rasd.pipeline import default_pipeline

    stages = {stage.name: stage.version for stage in default_pipeline().stages}
    digest = hashlib.sha256(json.dumps(stages, sort_keys=True).encode()).hexdigest()[:8]
    return f"{__version__}+{digest}"


def article_key(meta: ArticleMeta, text_hash: str) -> str:
    """The stored id: the caller's id, else one derived from the URL, else from the text."""
    if meta.id:
        return meta.id
    if meta.url:
        return "url-" + hashlib.sha256(meta.url.encode("utf-8")).hexdigest()[:16]
    return "text-" + text_hash[:16]


def input_meta(meta: ArticleMeta) -> dict[str, Any]:
    """What the caller said about the article (its id aside); a change re-extracts it."""
    data = asdict(meta)
    data.pop("id", None)
    return data


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    text_sha256: str
    pipeline_version: str
    input: dict[str, Any]

    def same_as(self, text_hash: str, version: str, given: dict[str, Any]) -> bool:
        return (self.text_sha256, self.pipeline_version, self.input) == (text_hash, version, given)


_LOOKUP = select(articles.c.id, articles.c.text_sha256, articles.c.pipeline_version, articles.c.meta)


def _stored(row: Any) -> StoredArticle:
    return StoredArticle(row.id, row.text_sha256, row.pipeline_version, dict(row.meta).get("input", {}))


def lookup(conn: Connection, key: str) -> StoredArticle | None:
    row = conn.execute(_LOOKUP.where(articles.c.id == key)).first()
    return None if row is None else _stored(row)


def lookup_many(conn: Connection, keys: Iterable[str]) -> dict[str, StoredArticle]:
    """key -> what is stored, for the keys that are."""
    found: dict[str, StoredArticle] = {}
    for chunk in chunked(sorted(set(keys))):
        found.update((row.id, _stored(row)) for row in conn.execute(_LOOKUP.where(articles.c.id.in_(chunk))))
    return found


def write_article(
    conn: Connection, key: str, doc: Document, *, given: dict[str, Any], version: str, now: datetime,
    replacing: bool,
) -> list[int]:
    """Insert (or overwrite) the article row, its reports and its mentions; returns report numbers.

    ``given`` is what the caller said about the article (:func:`input_meta`), kept to tell a
    re-ingest of the same article from a corrected one.
    """
    data = doc.to_dict()
    contract_article = dict(data["article"], id=key)
    row = {
        "url": doc.meta.url,
        "outlet": doc.meta.source,
        "source_id": source_id(conn, doc.meta.source, now) if doc.meta.source else None,
        "published": doc.meta.published,
        "title": doc.meta.title,
        "text": doc.text,
        "text_sha256": text_sha256(doc.text),
        "pipeline_version": version,
        "meta": {"article": contract_article, "input": given, "pipeline": data["pipeline"],
                 "warnings": data["warnings"]},
        "updated_at": now,
    }
    if replacing:
        conn.execute(update(articles).where(articles.c.id == bindparam("old_id")), {**row, "old_id": key})
    else:
        conn.execute(insert(articles), {"id": key, "ingested_at": now, **row})
    rows = [report_row(key, n, event) for n, event in enumerate(data["events"], 1)]
    if rows:
        conn.execute(insert(reports), rows)
    conn.execute(insert(article_mentions), {"article_id": key, "mentions": data["mentions"]})
    return [r["n"] for r in rows]


def report_id(article_id: str, n: int) -> str:
    return f"{article_id}:{n}"


def report_row(article_id: str, n: int, event: dict[str, Any]) -> dict[str, Any]:
    stored = dict(event)
    evidence = stored.pop("evidence", [])
    row = {name: stored.get(name) for name in REPORT_INDEX_FIELDS}
    row.update(
        report_id=report_id(article_id, n),
        article_id=article_id,
        n=n,
        event=stored,
        evidence=evidence,
        event_day=parse_day(stored.get("event_date")),
        is_recap=bool(stored.get("is_recap") or stored.get("recap")),
    )
    return row


def parse_day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def remove_contributions(conn: Connection, key: str) -> tuple[list[Report], dict[str, set[str]]]:
    """Delete an article's reports, mentions and their event links (the article row stays).

    Returns the removed reports and, for every event they were linked to, that event's full
    set of report ids before the removal (what the re-fusion needs to retire or keep it).
    """
    from rasd.store.sync import links_of_events, load_reports

    old = load_reports(conn, reports.c.article_id == key)
    old_ids = [r.report_id for r in old]
    affected = linked_events(conn, old_ids)
    prior = links_of_events(conn, affected)
    if old_ids:
        conn.execute(delete(event_reports).where(event_reports.c.report_id.in_(old_ids)))
    conn.execute(delete(reports).where(reports.c.article_id == key))
    conn.execute(delete(article_mentions).where(article_mentions.c.article_id == key))
    return old, prior


def linked_events(conn: Connection, report_ids: Iterable[str]) -> set[str]:
    ids = list(report_ids)
    found: set[str] = set()
    for chunk in chunked(ids):
        query = select(event_reports.c.event_id).where(event_reports.c.report_id.in_(chunk))
        found.update(conn.execute(query).scalars())
    return found


def chunked(items: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
