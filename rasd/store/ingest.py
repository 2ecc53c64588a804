"""Ingesting articles (a group of them per transaction) and re-fusing everything (``rasd refuse``)."""

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
from rasd.ingest.fingerprint import Fingerprint, fingerprint
from rasd.store.articles import (
    NewRows,
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
    write_copy,
)
from rasd.store.copies import MOVED, Copy, CopyFinder, copy_from, write_bands
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

NEW, COPIED, UNCHANGED, REPLACED, FAILED = "new", "copied", "unchanged", "replaced", "failed"
OUTCOMES = (NEW, COPIED, UNCHANGED, REPLACED, FAILED)
MAX_ERRORS_KEPT = 1000
LOOKUP_BATCH = 64
FUSE_EVERY_ARTICLES = 500
FUSE_EVERY_SECONDS = 30.0
IN_FLIGHT_PER_WORKER = 16  # articles read ahead per extraction worker
WRITE_GROUP = 32  # extracted articles stored in one transaction (one lock, one commit)
RECENT_ORIGINALS = 4 * LOOKUP_BATCH  # articles of a run kept in memory as possible originals


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
    articles: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    events: SyncCounts = field(default_factory=SyncCounts)
    errors: list[dict[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        return {"articles": dict(self.articles), "events": self.events.as_dict()}

    def fail(self, origin: str, message: str) -> None:
        self.articles[FAILED] += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append({"input": origin, "error": message})


@dataclass(slots=True)
class Looked:
    """An article read, with what the database holds under its key and, when it has to be
    stored, its fingerprint and the stored (or earlier) article it copies."""

    item: ArticleInput
    key: str
    text_hash: str
    given: dict[str, Any]
    unchanged: bool
    fingerprint: Fingerprint | None = None
    copy: Copy | None = None
    near: float | None = None  # the similarity of a copy that had to be extracted after all


@dataclass(slots=True)
class Prepared:
    """An article extracted and ready to be stored."""

    looked: Looked
    doc: Document


def prepare_article(looked: Looked) -> Prepared:
    """Extract an article (in this process)."""
    from rasd.pipeline import extract_article

    doc = extract_article(_keyed(looked.item, looked.key))
    return Prepared(looked, doc)


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
    with store.transaction() as conn:
        return write_prepared(conn, prepared, version, pending)


def write_prepared(
    conn: Any, prepared: Prepared, version: str, pending: Sequence[str] | None = None,
    group: GroupWrite | None = None,
) -> ArticleResult:
    """:func:`store_article` inside the caller's transaction; within a ``group``, what the database
    holds was looked up for the whole group, and a new article's rows wait to be inserted with
    the others' (anything that reads or replaces stored rows inserts them first)."""
    looked, doc = prepared.looked, prepared.doc
    key = looked.key
    now = utcnow()
    stored = group.stored(conn, key) if group is not None else lookup(conn, key)
    if _unchanged(stored, looked.text_hash, version, looked.given):
        return ArticleResult(UNCHANGED)
    later = group.rows if group is not None and stored is None and pending is not None else None
    if later is None and group is not None:
        group.rows.insert(conn)
    old, prior = remove_contributions(conn, key) if stored else ([], {})
    numbers = write_article(conn, key, doc, given=looked.given, version=version, now=now,
                            replacing=stored is not None, near=looked.near, later=later)
    write_bands(conn, key, looked.fingerprint, replacing=stored is not None, later=later)
    return _fused_or_pending(conn, key, numbers, stored is not None, NEW, now, old, prior, pending)


@dataclass(slots=True)
class GroupWrite:
    """A group of extracted articles written in one transaction: what the database held under
    their keys (one query), and the new rows not inserted yet."""

    found: dict[str, StoredArticle]
    rows: NewRows = field(default_factory=NewRows)

    def stored(self, conn: Any, key: str) -> StoredArticle | None:
        if key in self.rows.keys:  # the same article twice in one group: insert the first, then look
            self.rows.insert(conn)
            return lookup(conn, key)
        return self.found.get(key)


def store_copy(
    store: Store, looked: Looked, copy: Copy, version: str, pending: Sequence[str] | None = None
) -> ArticleResult | str:
    """Store an article as a copy of ``copy.original`` with the original's reports (one
    transaction, fused like :func:`store_article`); else, with nothing written, why not
    (:func:`rasd.store.copies.copy_from`): the article is extracted then."""
    key, now = looked.key, utcnow()
    with store.transaction() as conn:
        stored = lookup(conn, key)
        if _unchanged(stored, looked.text_hash, version, looked.given):
            return ArticleResult(UNCHANGED)
        copied = copy_from(conn, copy.original, looked.item.text)
        if isinstance(copied, str):
            return copied
        old, prior = remove_contributions(conn, key) if stored else ([], {})
        meta = _keyed(looked.item, key).meta
        numbers = write_copy(conn, key, looked.item.text, meta, copied, copy, given=looked.given, version=version,
                             now=now, replacing=stored is not None, warnings=list(looked.item.warnings))
        write_bands(conn, key, None, replacing=stored is not None)
        return _fused_or_pending(conn, key, numbers, stored is not None, COPIED, now, old, prior, pending)


def _fused_or_pending(
    conn: Any, key: str, numbers: list[int], replacing: bool, outcome: str, now: datetime,
    old: list[Any], prior: dict[str, set[str]], pending: Sequence[str] | None,
) -> ArticleResult:
    own = [report_id(key, n) for n in numbers]
    if not replacing and pending is not None:
        return ArticleResult(outcome, len(numbers), report_ids=own)
    new = load_unlinked(conn, [*(pending or ()), *own])
    sync = fuse_change(conn, new, now, old, prior)[0] if new or old else SyncCounts()
    return ArticleResult(REPLACED if replacing else outcome, len(numbers), sync, fused_pending=pending is not None)


def _unchanged(stored: StoredArticle | None, text_hash: str, version: str, given: dict[str, Any]) -> bool:
    return stored is not None and stored.same_as(text_hash, version, given)


class IngestRun:
    """An ``ingest_runs`` row: written when the run starts, completed when it ends.

    Extracted articles are stored :data:`WRITE_GROUP` at a time, in one transaction (an article is
    never half-written; a crash loses at most the group, which a re-run stores). Should one of
    them fail, the group is rolled back and its articles are stored one transaction each, so that
    only the failing article is skipped. A copy, an unchanged article or a failed extraction is
    handled after the group before it is written, in input order. The reports of new articles are fused
    in batches (every :data:`FUSE_EVERY_ARTICLES` articles or :data:`FUSE_EVERY_SECONDS` seconds,
    and when the run ends), one transaction each. Fusion gives the same events whatever the
    batches, and a batch costs one replay instead of one per article: articles that arrive out
    of publication order (an archive sorted by outlet) would otherwise replay the same later
    reports again and again. Reports a killed run left unfused are fused when the next run starts.
    """

    def __init__(self, store: Store, command: str, inputs: list[str], *, refresh_statistics: bool = True) -> None:
        self.store = store
        self.refresh_statistics = refresh_statistics
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
        self.copies = CopyFinder(recent=RECENT_ORIGINALS)
        self.group: list[tuple[ArticleInput, Prepared]] = []  # extracted, waiting for one transaction
        self.group_size = WRITE_GROUP
        with store.reading() as conn:
            self.pending = unlinked_report_ids(conn)  # left by a run that was killed
        self.flush()

    def add(self, item: ArticleInput) -> ArticleResult:
        """Ingest one article; a failure is recorded and skipped, a database problem raises."""
        return next(self.add_many([item]))[1]

    def _extract_here(self, looked: Looked) -> Prepared | Exception:
        try:
            return prepare_article(looked)
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
        return self._booked(result)

    def _booked(self, result: ArticleResult) -> ArticleResult:
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

    def _store_copy(self, looked: Looked) -> ArticleResult:
        """Store a copy of an article stored before; extract it here when it cannot be copied."""
        assert looked.copy is not None
        try:
            result = store_copy(self.store, looked, looked.copy, self.version, self.pending)
        except StoreError:
            raise
        except Exception as exc:
            return self._failed(looked.item, exc)
        if isinstance(result, str):
            if result == MOVED:
                # extracted on its own, but never an original: whether a later article copies it
                # must not depend on whether it was stored yet when that article was looked up
                looked.near, looked.fingerprint = looked.copy.similarity, None
            looked.copy = None
            return self._store(looked.item, self._extract_here(looked))
        return self._booked(result)

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
        a time (one query instead of one each); the results come in input order, a group at a
        time once its transaction is committed.

        (Storing from a second thread while the next article is extracted was measured and
        dropped: the two threads contend for the GIL, and the whole corpus took 56% longer into
        SQLite and 21% longer into PostgreSQL.)"""
        for chunk in self._looked_up(items, batch):
            for looked in chunk:
                yield from self._store_looked(looked)
        yield from self.write_group()

    def _store_looked(self, looked: Looked) -> Iterator[tuple[ArticleInput, ArticleResult]]:
        if looked.unchanged:
            yield from self._in_order(looked.item, ArticleResult(UNCHANGED))
        elif looked.copy is not None:
            yield from self.write_group()  # its original may be in the group
            yield looked.item, self._store_copy(looked)
        else:
            yield from self._in_order(looked.item, self._extract_here(looked))

    def _in_order(
        self, item: ArticleInput, prepared: Prepared | ArticleResult | Exception
    ) -> Iterator[tuple[ArticleInput, ArticleResult]]:
        """An extracted article joins the group (written when full); anything else is stored
        or booked after the group before it."""
        if isinstance(prepared, Prepared) and self.group_size > 1:
            self.group.append((item, prepared))
            if len(self.group) >= self.group_size:
                yield from self.write_group()
            return
        yield from self.write_group()
        yield item, self._store(item, prepared)

    def write_group(self) -> Iterator[tuple[ArticleInput, ArticleResult]]:
        """Store the waiting articles in one transaction; if one fails, each in its own."""
        group, self.group = self.group, []
        if not group:
            return
        try:
            results = self._write_together([prepared for _, prepared in group])
        except StoreError:
            raise
        except Exception:  # one article broke the transaction: find it, store the others
            for item, prepared in group:
                yield item, self._store(item, prepared)
            return
        booked = [self._booked(result) for result in results]  # committed: counted even if the caller stops reading
        yield from ((item, result) for (item, _), result in zip(group, booked, strict=True))

    def _write_together(self, group: list[Prepared]) -> list[ArticleResult]:
        pending = list(self.pending)
        results = []
        with self.store.transaction() as conn:
            together = GroupWrite(lookup_many(conn, [prepared.looked.key for prepared in group]))
            for prepared in group:
                result = write_prepared(conn, prepared, self.version, pending, together)
                if result.fused_pending:
                    pending = []
                pending.extend(result.report_ids)
                results.append(result)
            together.rows.insert(conn)
        return results

    def _looked_up(self, items: Iterable[ArticleInput], batch: int) -> Iterator[list[Looked]]:
        """``batch`` articles at a time, each with what the database holds under its key and,
        when it has to be stored, the article it copies (one read a batch)."""
        for chunk in _batches(items, batch):
            identities = [_identity(item) for item in chunk]
            with self.store.reading() as conn:
                found = lookup_many(conn, [key for key, _, _ in identities])
                looked = [
                    Looked(item, key, text_hash, given, _unchanged(found.get(key), text_hash, self.version, given))
                    for item, (key, text_hash, given) in zip(chunk, identities, strict=True)
                ]
                self._find_copies(conn, looked, found)
            yield looked  # the read is over before the caller stores

    def _find_copies(self, conn: Any, looked: list[Looked], found: dict[str, StoredArticle]) -> None:
        todo = [one for one in looked if not one.unchanged]
        for one in todo:
            one.fingerprint = fingerprint(one.item.text, one.text_hash, one.item.meta.published)
            if one.key in found:  # a corrected article: its old text is no one's original now
                self.copies.forget(one.key)
        copies = self.copies.find(conn, [(one.key, one.fingerprint) for one in todo if one.fingerprint])
        for one, copy in zip(todo, copies, strict=True):
            one.copy = copy

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

        queue: deque[tuple[Looked, Any]] = deque()
        with extraction_engine(engine, workers, scheduler) as (pool, slots, per_task):
            window = slots * max(IN_FLIGHT_PER_WORKER, 2 * per_task)
            self.copies.limit = max(self.copies.limit, window + 2 * batch)
            for chunk in self._looked_up(items, batch):
                todo = [one for one in chunk if not one.unchanged and one.copy is None]
                tasks = _submit(pool, per_task, [(one.item, one.key) for one in todo])
                for one in chunk:
                    queue.append((one, next(tasks) if not one.unchanged and one.copy is None else None))
                while len(queue) > window:
                    yield from self._store_done(*queue.popleft())
            while queue:
                yield from self._store_done(*queue.popleft())
        yield from self.write_group()

    def _store_done(self, looked: Looked, task: tuple[Any, int] | None) -> Iterator[tuple[ArticleInput, ArticleResult]]:
        if task is None:
            return self._store_looked(looked)
        future, n = task
        try:
            done = future.result()[n]
        except BrokenProcessPool:
            raise
        except Exception as exc:  # the whole task failed in its worker: each article is recorded, skipped
            done = exc
        return self._in_order(looked.item, done if isinstance(done, Exception) else Prepared(looked, done))

    def finish(self, status: str = "finished") -> None:
        self.flush()
        with self.store.transaction() as conn:
            conn.execute(update(ingest_runs).where(ingest_runs.c.id == self.run_id).values(
                status=status, finished_at=utcnow(), counts=self.totals.counts(), errors=self.totals.errors,
            ))
        if status == "finished" and self.refresh_statistics and self._changed():
            self.store.refresh_statistics()

    def _changed(self) -> bool:
        a = self.totals.articles
        return bool(a[NEW] + a[COPIED] + a[REPLACED])


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
