"""Ingesting articles (one transaction each) and re-fusing everything (``rasd refuse``)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update

from rasd.document import Document
from rasd.ingest import ArticleInput
from rasd.store.articles import (
    StoredArticle,
    article_key,
    input_meta,
    lookup,
    lookup_many,
    pipeline_version,
    remove_contributions,
    report_id,
    text_sha256,
    write_article,
)
from rasd.store.errors import StoreError
from rasd.store.schema import ingest_runs, reports
from rasd.store.store import Store
from rasd.store.sync import (
    SyncCounts,
    fuse_change,
    load_unlinked,
    refuse_block,
    retire_orphans,
    unlinked_report_ids,
)

NEW, UNCHANGED, REPLACED, FAILED = "new", "unchanged", "replaced", "failed"
MAX_ERRORS_KEPT = 1000
LOOKUP_BATCH = 64
FUSE_EVERY_ARTICLES = 500
FUSE_EVERY_SECONDS = 30.0
IN_FLIGHT_PER_WORKER = 16  # articles read ahead per extraction worker


def _batches(items: Iterable[ArticleInput], size: int) -> Iterator[list[ArticleInput]]:
    chunk: list[ArticleInput] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class ArticleResult:
    outcome: str
    events: int = 0
    sync: SyncCounts = field(default_factory=SyncCounts)
    report_ids: list[str] = field(default_factory=list)  # stored, left for a later fusion
    fused_pending: bool = False  # the pending reports were fused with this article
    error: str | None = None  # why it failed


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


_NOT_LOOKED_UP: Any = object()


@dataclass(slots=True)
class Prepared:
    """An article extracted and ready to be stored."""

    key: str
    text_hash: str
    given: dict[str, Any]
    doc: Document


def prepare_article(
    store: Store, item: ArticleInput, version: str, stored: StoredArticle | None = _NOT_LOOKED_UP
) -> Prepared | ArticleResult:
    """Extract an article unless the database already holds it unchanged (then the result says so).

    ``stored`` is what the database held under the article's key when the caller looked it up
    in advance (a batch of look-ups at once)."""
    from rasd.pipeline import extract_article

    key, text_hash, given = _identity(item)
    if stored is _NOT_LOOKED_UP:
        with store.reading() as conn:
            stored = lookup(conn, key)
    if _unchanged(stored, text_hash, version, given):
        return ArticleResult(UNCHANGED)
    return Prepared(key, text_hash, given, extract_article(_keyed(item, key)))


def _identity(item: ArticleInput) -> tuple[str, str, dict[str, Any]]:
    """The article's stored key, text hash, and what the caller said about it."""
    text_hash = text_sha256(item.text)
    return article_key(item.meta, text_hash), text_hash, input_meta(item.meta)


def _keyed(item: ArticleInput, key: str) -> ArticleInput:
    return replace(item, meta=replace(item.meta, id=key))


def extract_for_store(item: ArticleInput) -> Document:
    """Extract in a worker process: what storing needs (text, metadata, events, mentions, stage
    versions, warnings), without the tokens, sentences and indexes that would cost more to send
    back than to store."""
    from rasd.pipeline import extract_article

    doc = extract_article(item)
    doc.norm, doc.tokens, doc.sentences = None, [], []
    doc._index = {}
    for event in doc.events:
        event.signals = {}
    return doc


def extract_many_for_store(items: list[ArticleInput]) -> list[Document | Exception]:
    """:func:`extract_for_store` for a task of several articles; an article that breaks a stage
    gives its exception in its place, and the others are still extracted."""
    out: list[Document | Exception] = []
    for item in items:
        try:
            out.append(extract_for_store(item))
        except Exception as exc:
            out.append(exc)
    return out


def _submit(pool: Any, per_task: int, todo: list[tuple[ArticleInput, str]]) -> Iterator[tuple[Any, int]]:
    """Send ``todo`` to the engine, ``per_task`` articles a task; each article's future and its
    place in the task, in input order."""
    for start in range(0, len(todo), per_task):
        group = todo[start:start + per_task]
        future = pool.submit(extract_many_for_store, [_keyed(item, key) for item, key in group])
        yield from ((future, n) for n in range(len(group)))


def warm_worker() -> None:
    import os
    import threading

    from rasd.pipeline import default_pipeline

    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    default_pipeline().stages  # noqa: B018 (loads every lexicon and the gazetteer once per worker)


ORPHAN_CHECK_SECONDS = 1.0


def _exit_when_orphaned(parent: int) -> None:
    """A worker whose ingest was killed (kill -9 leaves its pool no word) ends itself."""
    import os

    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def store_article(
    store: Store, prepared: Prepared, version: str, pending: Sequence[str] | None = None
) -> ArticleResult:
    """Store one extracted article in one transaction (or change nothing).

    What the database holds under its key is looked up again under the write lock. A corrected
    article is re-fused at once, together with the ``pending`` reports (stored by earlier
    articles, not fused yet). A new article is fused at once when ``pending`` is None; otherwise
    its reports are left for the caller to fuse with others (``ArticleResult.report_ids``).
    """
    key, doc = prepared.key, prepared.doc
    now = utcnow()
    with store.transaction() as conn:
        stored = lookup(conn, key)
        if _unchanged(stored, prepared.text_hash, version, prepared.given):
            return ArticleResult(UNCHANGED)
        old, prior = remove_contributions(conn, key) if stored else ([], {})
        numbers = write_article(conn, key, doc, given=prepared.given, version=version, now=now,
                                replacing=stored is not None)
        own = [report_id(key, n) for n in numbers]
        if stored is None and pending is not None:
            return ArticleResult(NEW, len(numbers), report_ids=own)
        new = load_unlinked(conn, [*(pending or ()), *own])
        sync = fuse_change(conn, new, now, old, prior)[0] if new or old else SyncCounts()
    return ArticleResult(REPLACED if stored else NEW, len(numbers), sync, fused_pending=pending is not None)


def _unchanged(stored: StoredArticle | None, text_hash: str, version: str, given: dict[str, Any]) -> bool:
    return stored is not None and stored.same_as(text_hash, version, given)


class IngestRun:
    """An ``ingest_runs`` row: written when the run starts, completed when it ends.

    Each article is stored in a transaction of its own; the reports of new articles are fused
    in batches (every :data:`FUSE_EVERY_ARTICLES` articles or :data:`FUSE_EVERY_SECONDS` seconds,
    and when the run ends), one transaction each. Fusion gives the same events whatever the
    batches, and a batch costs one replay instead of one per article: articles that arrive out
    of publication order (an archive sorted by outlet) would otherwise replay the same later
    reports again and again. Reports a killed run left unfused are fused when the next run starts.
    """

    def __init__(self, store: Store, command: str, inputs: list[str]) -> None:
        self.store = store
        self.version = pipeline_version()
        self.totals = RunTotals()
        self.pending: list[str] = []
        self.pending_articles = 0
        self.last_fused = time.monotonic()
        with store.transaction() as conn:
            result = conn.execute(insert(ingest_runs).values(
                command=command, status="running", started_at=utcnow(), pipeline_version=self.version,
                inputs=inputs, counts={}, errors=[],
            ))
            self.run_id = int(result.inserted_primary_key[0])
        with store.reading() as conn:
            self.pending = unlinked_report_ids(conn)  # left by a run that was killed
        self.flush()

    def add(self, item: ArticleInput, stored: StoredArticle | None = _NOT_LOOKED_UP) -> ArticleResult:
        """Ingest one article; a failure is recorded and skipped, a database problem raises."""
        return self._store(item, self._prepare(item, stored))

    def _prepare(self, item: ArticleInput, stored: StoredArticle | None) -> Prepared | ArticleResult | Exception:
        try:
            return prepare_article(self.store, item, self.version, stored)
        except StoreError:
            raise
        except Exception as exc:
            return exc

    def _store(self, item: ArticleInput, prepared: Prepared | ArticleResult | Exception) -> ArticleResult:
        """Store a prepared article and keep the run's books."""
        if isinstance(prepared, Exception):
            return self._failed(item, prepared)
        result = prepared
        if isinstance(prepared, Prepared):
            try:
                result = store_article(self.store, prepared, self.version, self.pending)
            except StoreError:
                raise
            except Exception as exc:
                return self._failed(item, exc)
        assert isinstance(result, ArticleResult)
        self.totals.articles[result.outcome] += 1
        self.totals.events.add(result.sync)
        if result.fused_pending:
            self._fused()
        if result.report_ids:
            self.pending.extend(result.report_ids)
            self.pending_articles += 1
        if self.pending_articles >= FUSE_EVERY_ARTICLES or (
            self.pending and time.monotonic() - self.last_fused >= FUSE_EVERY_SECONDS
        ):
            self.flush()
        return result

    def _failed(self, item: ArticleInput, exc: Exception) -> ArticleResult:
        message = f"{type(exc).__name__}: {exc}"
        self.totals.fail(item.origin, message)
        return ArticleResult(FAILED, error=message)

    def flush(self) -> SyncCounts:
        """Fuse the pending reports into the stored events (one transaction)."""
        counts = SyncCounts()
        if self.pending:
            with self.store.transaction() as conn:
                new = load_unlinked(conn, self.pending)
                if new:
                    counts = fuse_change(conn, new, utcnow())[0]
            self.totals.events.add(counts)
        self._fused()
        return counts

    def _fused(self) -> None:
        self.pending = []
        self.pending_articles = 0
        self.last_fused = time.monotonic()

    def add_many(
        self, items: Iterable[ArticleInput], batch: int = LOOKUP_BATCH
    ) -> Iterator[tuple[ArticleInput, ArticleResult]]:
        """Ingest articles in order, looking up what the database holds for ``batch`` of them at
        a time (one query instead of one each).

        (Storing from a second thread while the next article is extracted was measured and
        dropped: the two threads contend for the GIL, and the whole corpus took 56% longer into
        SQLite and 21% longer into PostgreSQL.)"""
        for chunk, identities, found in self._looked_up(items, batch):
            for item, (key, _, _) in zip(chunk, identities, strict=True):
                yield item, self.add(item, found.get(key))

    def _looked_up(
        self, items: Iterable[ArticleInput], batch: int
    ) -> Iterator[tuple[list[ArticleInput], list[tuple[str, str, dict[str, Any]]], dict[str, StoredArticle]]]:
        """``batch`` articles at a time, with their identities and what the database holds for them
        (one query a batch)."""
        for chunk in _batches(items, batch):
            identities = [_identity(item) for item in chunk]
            with self.store.reading() as conn:
                found = lookup_many(conn, [key for key, _, _ in identities])
            yield chunk, identities, found  # the read is over before the caller stores

    def add_parallel(
        self, items: Iterable[ArticleInput], workers: int, batch: int = LOOKUP_BATCH, *,
        engine: str = "local", scheduler: str | None = None,
    ) -> Iterator[tuple[ArticleInput, ArticleResult]]:
        """:meth:`add_many` with the extraction on an engine (``local``: ``workers`` processes;
        ``dask``: a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``). This
        process reads, looks up and stores, in input order, so the database ends exactly as a
        one-process run leaves it. At most IN_FLIGHT_PER_WORKER articles per running extraction
        are read ahead (constant memory on any input)."""
        from collections import deque

        from rasd.store.engines import extraction_engine

        queue: deque[tuple[ArticleInput, Any]] = deque()
        with extraction_engine(engine, workers, scheduler) as (pool, slots, per_task):
            window = slots * max(IN_FLIGHT_PER_WORKER, 2 * per_task)
            for chunk, identities, found in self._looked_up(items, batch):
                changed = [not _unchanged(found.get(key), text_hash, self.version, given)
                           for key, text_hash, given in identities]
                todo = [(item, key) for item, (key, _, _), go in zip(chunk, identities, changed, strict=True) if go]
                tasks = _submit(pool, per_task, todo)
                for item, identity, go in zip(chunk, identities, changed, strict=True):
                    queue.append((item, (*identity, *next(tasks)) if go else ArticleResult(UNCHANGED)))
                while len(queue) > window:
                    yield self._store_done(*queue.popleft())
            while queue:
                yield self._store_done(*queue.popleft())

    def _store_done(self, item: ArticleInput, pending: Any) -> tuple[ArticleInput, ArticleResult]:
        if isinstance(pending, ArticleResult):
            return item, self._store(item, pending)
        key, text_hash, given, future, n = pending
        try:
            done = future.result()[n]
        except BrokenProcessPool:
            raise
        except Exception as exc:  # the whole task failed in its worker: each article is recorded, skipped
            done = exc
        prepared = done if isinstance(done, Exception) else Prepared(key, text_hash, given, done)
        return item, self._store(item, prepared)

    def finish(self, status: str = "finished") -> None:
        self.flush()
        with self.store.transaction() as conn:
            conn.execute(update(ingest_runs).where(ingest_runs.c.id == self.run_id).values(
                status=status, finished_at=utcnow(), counts=self.totals.counts(), errors=self.totals.errors,
            ))


def refuse_all(store: Store) -> tuple[SyncCounts, int]:
    """Rebuild every fused event from the stored reports, one fusion block (a country, or
    countries fused together) per transaction.

    Returns the event counts and the number of blocks fused.
    """
    from rasd.fusion.blocks import block_of

    with store.reading() as conn:
        countries = list(conn.execute(select(reports.c.country).distinct()).scalars())
    blocks = sorted({block_of(c) for c in countries}, key=lambda b: b or "")
    totals = SyncCounts()
    for block in blocks:
        with store.transaction() as conn:
            totals.add(refuse_block(conn, block, utcnow()))
    with store.transaction() as conn:
        totals.deleted += retire_orphans(conn, utcnow())
    return totals, len(blocks)
