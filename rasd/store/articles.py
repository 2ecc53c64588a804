"""Articles and their per-article reports (extracted events) in the database."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from rasd.document import ArticleMeta, Document
from rasd.store.entities import source_id
from rasd.store.schema import article_bands, article_mentions, articles, event_reports, reports

if TYPE_CHECKING:
    from rasd.fusion import Report
    from rasd.store.copies import CopiedArticle, Copy

REPORT_INDEX_FIELDS = (
    "country", "time_precision", "latitude", "longitude", "event_type", "sub_event_type",
    "fatalities", "injured", "actor1", "actor2",
)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pipeline_version() -> str:
    """The Rasd version plus a hash of every stage's version and of the language data and models
    the stages read (lexicons, gazetteer, the event filter): a rule or data change re-extracts."""
    from rasd import __version__
    from rasd.pipeline import default_pipeline

    stages = {stage.name: stage.version for stage in default_pipeline().stages}
    digest = hashlib.sha256(json.dumps({**stages, "data": package_data_digest()}, sort_keys=True).encode())
    return f"{__version__}+{digest.hexdigest()[:8]}"


DATA_FOLDERS = ("lang", "events/models")


@cache
def package_data_digest() -> str:
    """One hash over the data files shipped inside the package (their paths and bytes)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for folder in DATA_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in (".tsv", ".gz", ".json", ".yaml", ".yml"):
                digest.update(str(path.relative_to(root)).encode("utf-8"))
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


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


@dataclass(slots=True)
class NewRows:
    """The rows of new articles, inserted together (one statement per table for a group of
    articles: a few round trips to a database server instead of four per article)."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    bands: list[dict[str, Any]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def insert(self, conn: Connection) -> None:
        """Insert what is held (articles first: the other rows refer to them) and forget it."""
        for table, rows in ((articles, self.articles), (reports, self.reports),
                            (article_mentions, self.mentions), (article_bands, self.bands)):
            if rows:
                conn.execute(insert(table), rows)
        self.articles, self.reports, self.mentions, self.bands = [], [], [], []
        self.keys.clear()


def write_article(
    conn: Connection, key: str, doc: Document, *, given: dict[str, Any], version: str, now: datetime,
    replacing: bool, near: float | None = None, later: NewRows | None = None,
) -> list[int]:
    """Insert (or overwrite) the article row, its reports and its mentions; returns report numbers.

    ``given`` is what the caller said about the article (:func:`input_meta`), kept to tell a
    re-ingest of the same article from a corrected one. ``near`` is the similarity of a near
    copy that was extracted on its own. A new article's rows go to ``later`` when given (the
    caller inserts them, before anything reads them).
    """
    data = doc.to_dict()
    data["article"] = dict(data["article"], id=key)
    stored_as = StoredAs(given, version, now, replacing, None, near)
    return _write(conn, key, doc.text, doc.meta, data, stored_as, later if not replacing else None)


def write_copy(
    conn: Connection, key: str, text: str, meta: ArticleMeta, copied: CopiedArticle, copy: Copy, *,
    given: dict[str, Any], version: str, now: datetime, replacing: bool, warnings: list[str],
) -> list[int]:
    """Store an article as a copy: the original's reports (re-anchored on ``text``), each credited
    to this article's outlet and given this article's event ids."""
    events = [_credited(event, key, meta) for event in copied.events]
    article = {"id": key, "url": meta.url, "source": meta.source, "published": meta.published, "title": meta.title,
               "language": copied.language, "chars": len(text)}
    data = {"article": article, "events": events, "mentions": copied.mentions, "pipeline": copied.pipeline,
            "warnings": warnings}
    stored_as = StoredAs(given, version, now, replacing, copy.original, round(copy.similarity, 4))
    return _write(conn, key, text, meta, data, stored_as)


def _credited(event: dict[str, Any], key: str, meta: ArticleMeta) -> dict[str, Any]:
    suffix = str(event.get("event_id") or "").rpartition("-")[2]
    return {**event, "event_id": f"{key}-{suffix}" if suffix else None, "source": meta.source,
            "source_scale": meta.source_scale}


@dataclass(frozen=True, slots=True)
class StoredAs:
    given: dict[str, Any]
    version: str
    now: datetime
    replacing: bool
    copy_of: str | None
    similarity: float | None


def _write(
    conn: Connection, key: str, text: str, meta: ArticleMeta, data: dict[str, Any], how: StoredAs,
    later: NewRows | None = None,
) -> list[int]:
    row = {
        "url": meta.url,
        "outlet": meta.source,
        "source_id": source_id(conn, meta.source, how.now) if meta.source else None,
        "published": meta.published,
        "title": meta.title,
        "text": text,
        "text_sha256": text_sha256(text),
        "pipeline_version": how.version,
        "meta": {"article": data["article"], "input": how.given, "pipeline": data["pipeline"],
                 "warnings": data["warnings"]},
        "updated_at": how.now,
        "copy_of": how.copy_of,
        "similarity": how.similarity,
    }
    rows = [report_row(key, n, event) for n, event in enumerate(data["events"], 1)]
    mentions = {"article_id": key, "mentions": data["mentions"]}
    if later is not None:
        later.articles.append({"id": key, "ingested_at": how.now, **row})
        later.reports.extend(rows)
        later.mentions.append(mentions)
        later.keys.add(key)
        return [r["n"] for r in rows]
    if how.replacing:
        conn.execute(update(articles).where(articles.c.id == bindparam("old_id")), {**row, "old_id": key})
    else:
        conn.execute(insert(articles), {"id": key, "ingested_at": how.now, **row})
    if rows:
        conn.execute(insert(reports), rows)
    conn.execute(insert(article_mentions), mentions)
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
