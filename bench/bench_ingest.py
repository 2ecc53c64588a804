"""``rasd ingest`` throughput on the development corpus, and its overhead on top of ``extract``.

    .venv/bin/python bench/bench_ingest.py [--limit N] [--backends sqlite,postgresql]
                                           [--timeout SECONDS] [--sqlite-synchronous NORMAL] [--keep DIR]

Reads the articles of ../shared/corpora/ant-dev.jsonl.gz once (``rasd.ingest.read_articles``, as
the command does; the file's order: outlet, then section, then date), then, in this process and
in the same order:

1. ``extract`` alone: ``rasd.pipeline.extract_article`` on every article;
2. ``rasd ingest`` into a fresh SQLite file: ``open_store(url, WRITE)`` and ``IngestRun.add`` per
   article (``IngestRun.add_many``, as the command: look-ups in batches, extraction, one
   transaction per article, the new reports fused in batches with event upserts), without the
   progress bar; the cost of a fusion batch falls on the article that triggers it;
3. the same into a fresh PostgreSQL database when ``RASD_BENCH_PG_URL`` (else ``RASD_TEST_PG_URL``)
   names a server and a role allowed to create databases; it is dropped at the end.

Each ingest also times the extraction it does itself, so the store + fusion share is given twice:
against the separate extract run (over the same articles), and within the run (immune to load
drifting between runs on a shared machine). A table shows the cost per tenth of the articles: it
should stay flat as the database fills. ``--timeout`` stops an ingest that runs longer (the
figures then cover the articles done).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import corpus_or_skip, rss_mb

PG_ENVS = ("RASD_BENCH_PG_URL", "RASD_TEST_PG_URL")
WARM_UP = 1000  # articles extracted once before anything is timed


@dataclass(slots=True)
class IngestFigures:
    backend: str
    open_seconds: float = 0.0
    totals: list[float] = field(default_factory=list)  # per article: IngestRun.add
    extracts: list[float] = field(default_factory=list)  # per article: the extraction inside it
    events: list[int] = field(default_factory=list)  # per article: events created + updated
    articles: dict[str, int] = field(default_factory=dict)
    sync: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    stopped: bool = False


def read_items(path: Path, limit: int | None) -> list[Any]:
    from rasd.ingest import InputProblem, read_articles

    items: list[Any] = []
    skipped = 0
    for item in read_articles(str(path)):
        if isinstance(item, InputProblem):
            skipped += 1
            continue
        items.append(item)
        if limit and len(items) >= limit:
            break
    if skipped:
        print(f"(the reader skipped {skipped} line(s) before the articles used; ingest does too)")
    return items


def time_extract(items: list[Any]) -> tuple[list[float], int]:
    from rasd.pipeline import extract_article

    times: list[float] = []
    events = 0
    for item in items:
        t0 = time.perf_counter()
        events += len(extract_article(item).events)
        times.append(time.perf_counter() - t0)
    return times, events


@contextmanager
def timed_extraction() -> Iterator[list[float]]:
    """Wrap ``rasd.pipeline.extract_article`` (ingest imports it per call) to add up its time."""
    import rasd.pipeline

    spent = [0.0]
    original: Callable[..., Any] = rasd.pipeline.extract_article

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0

    rasd.pipeline.extract_article = wrapper  # type: ignore[assignment]
    try:
        yield spent
    finally:
        rasd.pipeline.extract_article = original  # type: ignore[assignment]


def set_synchronous(engine: Any, mode: str) -> None:
    """An experiment, not what ``rasd ingest`` does: SQLite's ``PRAGMA synchronous`` on every
    connection the store opens from now on (FULL, SQLite's default, syncs the WAL at each commit;
    NORMAL, what the store's writers use, only at checkpoints)."""
    from sqlalchemy import event

    engine.dispose()  # pooled connections were made without it

    @event.listens_for(engine, "connect")
    def _pragma(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA synchronous = {mode}")
        cursor.close()


def time_ingest(
    url: str, backend: str, items: list[Any], corpus: Path, timeout: float | None, synchronous: str | None = None
) -> IngestFigures:
    from rasd.store import WRITE, open_store
    from rasd.store.ingest import IngestRun

    fig = IngestFigures(backend)
    t0 = time.perf_counter()
    with open_store(url, WRITE) as store:
        fig.open_seconds = time.perf_counter() - t0
        if synchronous and store.backend == "sqlite":
            set_synchronous(store.engine, synchronous)
        with timed_extraction() as spent:
            run = IngestRun(store, "ingest", [str(corpus)])
            start = time.perf_counter()
            def synced() -> int:
                return run.totals.events.created + run.totals.events.updated

            before, t0, events_before = spent[0], time.perf_counter(), synced()
            for _item, _result in run.add_many(items):  # the command's path: look-ups in batches
                fig.totals.append(time.perf_counter() - t0)
                fig.extracts.append(spent[0] - before)
                fig.events.append(synced() - events_before)  # a fusion batch counts on its article
                before, t0, events_before = spent[0], time.perf_counter(), synced()
                if timeout and time.perf_counter() - start > timeout:
                    fig.stopped = True
                    break
            run.finish("finished" if not fig.stopped else "interrupted")
    fig.articles = dict(run.totals.articles)
    fig.sync = run.totals.events.as_dict()
    fig.errors = list(run.totals.errors)
    return fig


def pg_server_url() -> str | None:
    for name in PG_ENVS:
        if os.environ.get(name):
            return os.environ[name]
    return None


@contextmanager
def fresh_pg_database(server: str) -> Iterator[str]:
    """A throwaway database on ``server``, as a ``postgresql://`` URL; dropped at the end."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    base = make_url(server).set(drivername="postgresql+psycopg")
    name = f"rasd_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield base.set(database=name, drivername="postgresql").render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def report(fig: IngestFigures, extract_times: list[float]) -> None:
    n = len(fig.totals)
    seconds, inside = sum(fig.totals), sum(fig.extracts)
    alone = sum(extract_times[:n])
    store_s = seconds - inside
    a, e = fig.articles, fig.sync
    stopped = f" (stopped by --timeout after {n} of {len(extract_times)} articles)" if fig.stopped else ""
    print(f"ingest into {fig.backend}: {n} articles in {seconds:.1f} s, {n / seconds:.1f} articles/s "
          f"({1000 * seconds / n:.2f} ms/article){stopped}; opening + schema {fig.open_seconds:.2f} s")
    print(f"  articles: {a['new']} new, {a['unchanged']} unchanged, {a['replaced']} replaced, {a['failed']} failed;"
          f" events: {e['created']} created, {e['updated']} updated, {e['merged']} merged, {e['deleted']} deleted")
    print(f"  overhead on top of extract alone (same {n} articles): {100 * (seconds - alone) / alone:+.1f}% "
          f"({seconds:.1f} s vs {alone:.1f} s)")
    print(f"  within the run: extract {inside:.1f} s, store + fusion {store_s:.1f} s "
          f"({1000 * store_s / n:.2f} ms/article) = {100 * store_s / inside:.1f}% of extract")
    print(f"  {'articles':>13} {'articles/s':>10} {'extract ms':>10} {'store+fusion ms':>15} {'max ms':>8} "
          f"{'events synced':>13}")
    tenth = max(1, len(extract_times) // 10)
    for k in range(0, n, tenth):
        tot, ext, ev = fig.totals[k:k + tenth], fig.extracts[k:k + tenth], fig.events[k:k + tenth]
        rest = [t - x for t, x in zip(tot, ext, strict=True)]
        print(f"  {k + 1:>6}-{k + len(tot):<6} {len(tot) / sum(tot):>10.1f} {1000 * sum(ext) / len(ext):>10.2f} "
              f"{1000 * sum(rest) / len(rest):>15.2f} {1000 * max(rest):>8.0f} {sum(ev):>13}")
    for error in fig.errors[:3]:
        print(f"  failed: {error['input']}: {error['error']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="articles to ingest (0 = the whole corpus)")
    parser.add_argument("--backends", default="sqlite,postgresql",
                        help="comma-separated: sqlite, postgresql (this one needs RASD_BENCH_PG_URL)")
    parser.add_argument("--timeout", type=float, default=0, metavar="SECONDS",
                        help="stop each ingest after this long (0 = never)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the SQLite file here and keep it")
    parser.add_argument("--sqlite-synchronous", choices=("NORMAL", "FULL", "OFF"),
                        help="experiment: also ingest into SQLite with this PRAGMA synchronous (the store's "
                        "writers use NORMAL, in WAL mode)")
    args = parser.parse_args()
    corpus = corpus_or_skip()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]

    t0 = time.perf_counter()
    items = read_items(corpus, args.limit or None)
    read_s = time.perf_counter() - t0
    n = len(items)
    from rasd.pipeline import extract_article

    t0 = time.perf_counter()
    for item in items[:WARM_UP]:
        extract_article(item)  # lexicons, gazetteer and the extractors' caches, before any timing
    print(f"articles: {n} (read in {read_s:.1f} s); warm-up extraction of {min(n, WARM_UP)} in "
          f"{time.perf_counter() - t0:.1f} s; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
          flush=True)

    extract_times, events = time_extract(items)
    extract_s = sum(extract_times)
    print(f"extract alone: {extract_s:.1f} s, {n / extract_s:.1f} articles/s ({1000 * extract_s / n:.2f} ms/article),"
          f" {events} events", flush=True)

    timeout = args.timeout or None
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory(prefix="rasd-bench-") as tmp:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            db = folder / f"ingest-{os.getpid()}.db"
            fig = time_ingest(f"sqlite:///{db}", "SQLite", items, corpus, timeout)
            size = sum(p.stat().st_size for p in folder.glob(f"{db.name}*"))
            report(fig, extract_times)
            print(f"  database file: {size / 2**20:.1f} MiB{f' at {db}' if args.keep else ''}", flush=True)
            if args.sqlite_synchronous:
                db = folder / f"ingest-{os.getpid()}-{args.sqlite_synchronous.lower()}.db"
                fig = time_ingest(f"sqlite:///{db}", f"SQLite, synchronous={args.sqlite_synchronous}", items,
                                  corpus, timeout, args.sqlite_synchronous)
                report(fig, extract_times)
    if "postgresql" in backends:
        server = pg_server_url()
        if server is None:
            print(f"ingest into PostgreSQL: skipped (set {' or '.join(PG_ENVS)})")
        else:
            with fresh_pg_database(server) as url:
                fig = time_ingest(url, "PostgreSQL", items, corpus, timeout)
            report(fig, extract_times)
    print(f"peak RSS {rss_mb():.0f} MiB")


if __name__ == "__main__":
    main()
