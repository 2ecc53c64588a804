"""``rasd watch``: poll feed URLs and folders, and ingest what is new, all day.

Each poll reads every source once and ingests its articles through one ingest run (command
``watch``). What has not changed is not read again:

- a feed URL is fetched with the ``ETag`` / ``Last-Modified`` of its last answer, so an unchanged
  feed answers 304 without a body;
- a folder's files are read only when new or changed (size and modification time);
- an article already stored with the same text and metadata is left unchanged by the store.

A source that is down, slow, or broken is logged for that poll and tried again at the next one.
It never stops the watch. The validators and file stamps live for the watch process. After a
restart every source is read once more, and the store leaves the articles it already has
unchanged.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from rasd.document import ArticleMeta
from rasd.ingest import ArticleInput, InputError, InputProblem, read_articles
from rasd.ingest.feeds import fetch_if_changed, iter_feed
from rasd.ingest.readers import folder_files
from rasd.store.ingest import COPIED, FAILED, NEW, REPLACED, IngestRun
from rasd.store.store import Store

INTERVAL = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """ "90", "90s", "10m", "1.5h", "1d" -> seconds."""
    found = INTERVAL.match(text.strip().lower())
    if found is None:
        raise ValueError(f"{text!r} is not an interval (e.g. 30s, 10m, 1h)")
    return float(found.group(1)) * UNIT_SECONDS[found.group(2)]


@dataclass(slots=True)
class SourceState:
    etag: str | None = None
    modified: str | None = None
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (size, mtime_ns)


@dataclass(slots=True)
class PollResult:
    number: int
    new: int = 0
    replaced: int = 0
    unchanged_sources: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)  # "source: why"

    def line(self) -> str:
        when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        failed = f"; failed: {'; '.join(self.failed)}" if self.failed else ""
        return (f"{when} poll {self.number}: {self.new} new, {self.replaced} replaced, {self.skipped} skipped, "
                f"{self.unchanged_sources} source(s) unchanged, {len(self.failed)} failed{failed}")


@dataclass(slots=True)
class Watch:
    store: Store
    sources: list[str]
    max_bytes: int
    timeout: float
    defaults: ArticleMeta = field(default_factory=ArticleMeta)
    states: dict[str, SourceState] = field(default_factory=dict)
    polls: int = 0

    def poll(self) -> PollResult:
        """Read every source once and ingest what is new (one ingest run)."""
        self.polls += 1
        result = PollResult(self.polls)
        run = IngestRun(self.store, "watch", list(self.sources))
        status = "interrupted"
        try:
            for source in self.sources:
                self._poll_source(source, run, result)
            status = "finished"
        finally:
            run.finish(status)
        return result

    def _poll_source(self, source: str, run: IngestRun, result: PollResult) -> None:
        state = self.states.setdefault(source, SourceState())
        read = 0

        def articles() -> Iterator[ArticleInput]:
            nonlocal read
            for item in self._read(source, state):
                read += 1
                if isinstance(item, InputProblem):
                    run.totals.fail(item.origin, item.message)
                    result.skipped += 1
                else:
                    yield item

        try:
            for _, outcome in run.add_many(articles()):
                if outcome.outcome in (NEW, COPIED):
                    result.new += 1
                elif outcome.outcome == REPLACED:
                    result.replaced += 1
                elif outcome.outcome == FAILED:
                    result.skipped += 1
        except InputError as exc:
            result.failed.append(f"{source}: {exc.message}")
            return
        if not read:
            result.unchanged_sources += 1

    def _read(self, source: str, state: SourceState) -> Iterator[ArticleInput | InputProblem]:
        if source.lower().startswith(("http://", "https://")):
            fetched = fetch_if_changed(source, self.max_bytes, state.etag, state.modified, self.timeout)
            if fetched.data is None:
                return
            state.etag, state.modified = fetched.etag, fetched.modified
            yield from iter_feed(fetched.data, source, self.defaults)
            return
        path = Path(source)
        if not path.exists():
            raise InputError(source, "no such file or folder")
        for file in folder_files(path) if path.is_dir() else [path]:
            stamp = (file.stat().st_size, file.stat().st_mtime_ns)
            if state.files.get(str(file)) == stamp:
                continue
            try:
                yield from read_articles(str(file), self.defaults, max_bytes=self.max_bytes)
            except InputError as exc:
                yield InputProblem(exc.origin, exc.message)
            state.files[str(file)] = stamp


def watch(
    store: Store,
    sources: list[str],
    every: float,
    log: TextIO,
    *,
    polls: int | None = None,
    max_bytes: int,
    timeout: float,
    defaults: ArticleMeta | None = None,
    between: Callable[[PollResult], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Watch:
    """Poll ``sources`` every ``every`` seconds (``polls`` times, or until interrupted), writing
    one line a poll to ``log``. ``between`` is called after each poll (tests change the sources
    there)."""
    watcher = Watch(store, sources, max_bytes, timeout, defaults or ArticleMeta())
    while polls is None or watcher.polls < polls:
        started = time.monotonic()
        result = watcher.poll()
        log.write(result.line() + "\n")
        log.flush()
        if between is not None:
            between(result)
        if polls is not None and watcher.polls >= polls:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return watcher
