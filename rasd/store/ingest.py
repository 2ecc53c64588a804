"""Ingesting articles (one transaction each) and re-fusing everything (``rasd refuse``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update

from rasd.ingest import ArticleInput
from rasd.store.articles import (
    StoredArticle,
    article_key,
    input_meta,
    lookup,
    pipeline_version,
    remove_contributions,
    text_sha256,
    write_article,
)
from rasd.store.errors import StoreError
from rasd.store.schema import ingest_runs, reports
from rasd.store.store import Store
from rasd.store.sync import SyncCounts, fuse_around, load_reports_by_id, neighbours, retire_orphans

NEW, UNCHANGED, REPLACED, FAILED = "new", "unchanged", "replaced", "failed"
MAX_ERRORS_KEPT = 1000


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class ArticleResult:
    outcome: str
    events: int = 0
    sync: SyncCounts = field(default_factory=SyncCounts)


@dataclass(slots=True)
class RunTotals:
    articles: dict[str, int] = field(default_factory=lambda: dict.fromkeys((NEW, UNCHANGED, REPLACED, FAILED), 0))
    events: SyncCounts = field(default_factory=SyncCounts)
    errors: list[dict[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        return {"articles": dict(self.articles), "events": self.events.as_dict()}

    def fail(self, origin: str, message: str) -> None:
        self.articles[FAILED] += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append({"input": origin, "error": message})


def ingest_article(store: Store, item: ArticleInput, version: str) -> ArticleResult:
    """Store one article and re-fuse what it touches, in one transaction (or change nothing)."""
    from rasd.pipeline import extract_article

    text_hash = text_sha256(item.text)
    key = article_key(item.meta, text_hash)
    given = input_meta(item.meta)
    with store.reading() as conn:
        if _unchanged(lookup(conn, key), text_hash, version, given):
            return ArticleResult(UNCHANGED)
    doc = extract_article(replace(item, meta=replace(item.meta, id=key)))
    now = utcnow()
    with store.transaction() as conn:
        stored = lookup(conn, key)  # again, under the write lock
        if _unchanged(stored, text_hash, version, given):
            return ArticleResult(UNCHANGED)
        old, prior = remove_contributions(conn, key) if stored else ([], {})
        numbers = write_article(conn, key, doc, given=given, version=version, now=now, replacing=stored is not None)
        seeds = load_reports_by_id(conn, [f"{key}:{n}" for n in numbers]) + neighbours(conn, old)
        sync = fuse_around(conn, seeds, now, prior)[0] if seeds or prior else SyncCounts()
    return ArticleResult(REPLACED if stored else NEW, len(numbers), sync)


def _unchanged(stored: StoredArticle | None, text_hash: str, version: str, given: dict[str, Any]) -> bool:
    return stored is not None and stored.same_as(text_hash, version, given)


class IngestRun:
    """An ``ingest_runs`` row: written when the run starts, completed when it ends."""

    def __init__(self, store: Store, command: str, inputs: list[str]) -> None:
        self.store = store
        self.version = pipeline_version()
        self.totals = RunTotals()
        with store.transaction() as conn:
            result = conn.execute(insert(ingest_runs).values(
                command=command, status="running", started_at=utcnow(), pipeline_version=self.version,
                inputs=inputs, counts={}, errors=[],
            ))
            self.run_id = int(result.inserted_primary_key[0])

    def add(self, item: ArticleInput) -> ArticleResult:
        """Ingest one article; a failure is recorded and skipped, a database problem raises."""
        try:
            result = ingest_article(self.store, item, self.version)
        except StoreError:
            raise
        except Exception as exc:
            self.totals.fail(item.origin, f"{type(exc).__name__}: {exc}")
            return ArticleResult(FAILED)
        self.totals.articles[result.outcome] += 1
        self.totals.events.add(result.sync)
        return result

    def finish(self, status: str = "finished") -> None:
        with self.store.transaction() as conn:
            conn.execute(update(ingest_runs).where(ingest_runs.c.id == self.run_id).values(
                status=status, finished_at=utcnow(), counts=self.totals.counts(), errors=self.totals.errors,
            ))


def refuse_all(store: Store) -> tuple[SyncCounts, int]:
    """Rebuild every fused event from the stored reports, one component per transaction.

    Returns the event counts and the number of components fused.
    """
    with store.reading() as conn:
        order = (reports.c.country, reports.c.event_day, reports.c.report_id)
        ids = list(conn.execute(select(reports.c.report_id).order_by(*order)).scalars())
    totals, done, components = SyncCounts(), set[str](), 0
    for rid in ids:
        if rid in done:
            continue
        with store.transaction() as conn:
            seeds = load_reports_by_id(conn, [rid])
            if not seeds:
                continue
            counts, component = fuse_around(conn, seeds, utcnow())
        totals.add(counts)
        done |= component
        components += 1
    with store.transaction() as conn:
        totals.deleted += retire_orphans(conn, utcnow())
    return totals, components
