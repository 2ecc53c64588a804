"""``rasd ingest``, ``rasd events``, ``rasd explain``, ``rasd refuse``, ``rasd db upgrade|info``.

Exit codes: 0 ok, 1 a runtime or database error (or an article that failed), 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from rasd.cli import add_article_options, add_input_options, add_progress_option, article_defaults, positive_bytes

EXIT_OK, EXIT_RUNTIME, EXIT_INPUT = 0, 1, 2
DB_HELP = "database URL: sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DB (default: $RASD_DB, else " \
          "sqlite:///rasd.db)"

Handler = Callable[..., int]


def _default_db() -> str:
    return os.environ.get("RASD_DB") or "sqlite:///rasd.db"


def _add_db(p: argparse.ArgumentParser, *, writes: bool = False) -> None:
    p.add_argument("--db", default=None, metavar="URL", help=DB_HELP)
    if writes:
        p.add_argument("--lock-timeout", type=float, default=10.0, metavar="SECONDS",
                       help="how long to wait for another writer's lock on SQLite (default 10)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers: Any) -> None:
    _add_ingest(subparsers)
    _add_batch(subparsers)
    _add_watch(subparsers)
    _add_events(subparsers)
    _add_explain(subparsers)
    _add_refuse(subparsers)
    _add_db_commands(subparsers)


INGEST_DESCRIPTION = (
    "Read articles (text, HTML, JSONL[.gz], CSV, feed or WARC files, folders, feed URLs, or - for stdin), "
    "extract their events and store articles, per-article reports and fused events. Articles are stored "
    "in groups of 32 per transaction, and never half-written (an article that cannot be stored is skipped "
    "alone); an article already stored with the same text, metadata and pipeline version is left "
    "unchanged, a corrected one (same id or URL, new text) replaces its earlier reports. An article whose "
    "text another article already has (the same, or a wire copy with its own byline: most of its words in "
    "the same order, the same figures and publication day) is not extracted again: it is stored as a copy "
    "with that article's reports, credited to its own outlet."
)


def _add_ingest(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="extract articles and store them, their events and the fused events in a database",
        description=INGEST_DESCRIPTION,
    )
    _ingest_arguments(p, workers=1)
    p.set_defaults(handler=run_ingest, command="ingest")


def _add_batch(sub: Any) -> None:
    workers = default_workers()
    p = sub.add_parser(
        "batch",
        help="ingest a large input (folders, archives) with every core and a progress bar; resumable",
        description=INGEST_DESCRIPTION + " A batch run extracts in one process per CPU core unless --workers "
        "says otherwise, shows its progress (articles/s, share of the input read, time left, skipped and failed "
        "items) on a terminal, and can be stopped and run again: what was stored is not extracted twice.",
    )
    _ingest_arguments(p, workers=workers, shown="one per CPU core")
    p.set_defaults(handler=run_ingest, command="batch")


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
                      MAX_WORKERS))


def _ingest_arguments(p: argparse.ArgumentParser, *, workers: int, shown: str | None = None) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files, folders or feed URLs, or - for "
                   "standard input")
    _add_db(p, writes=True)
    add_article_options(p)
    add_input_options(p)
    p.add_argument("--errors", type=Path, metavar="FILE", help="append one JSON line for each input item "
                   "skipped or failed (its input, what went wrong, and whether it was skipped, failed or "
                   "stopped the input)")
    p.add_argument("--workers", type=_workers, default=workers, metavar="N",
                   help=f"extract in N processes (default {shown or workers}); reading, storing and fusion stay "
                   "in this one, so the database ends the same whatever N")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where the extraction runs: local processes, or Dask (a LocalCluster of --workers "
                   "processes, or the cluster at --scheduler); the database ends the same either way")
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler to use (e.g. tcp://host:8786); "
                   "with --engine dask")
    add_progress_option(p)


def _add_watch(sub: Any) -> None:
    p = sub.add_parser(
        "watch",
        help="poll feed URLs and folders and ingest what is new, until stopped",
        description="Every --every, read each SOURCE (an RSS/Atom feed URL, or a folder or file) and ingest "
        "what is new: a feed is fetched with the validators of its last answer (an unchanged feed costs a "
        "304), a folder's files only when new or changed. A source that is down, slow or broken is logged and "
        "tried again at the next poll. One line a poll on stdout.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URLs, folders or files")
    _add_db(p, writes=True)
    p.add_argument("--every", type=_interval, default="10m", metavar="INTERVAL",
                   help="time between polls: 30s, 10m, 1h (default 10m)")
    p.add_argument("--polls", type=_positive, default=None, metavar="N", help="stop after N polls (default: "
                   "run until interrupted)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="how long to wait for a feed (default 30)")
    p.add_argument("--max-bytes", type=positive_bytes, default=None,
                   help="largest feed or article accepted, in bytes (default 5 MB)")
    p.set_defaults(handler=run_watch)


def _interval(text: str) -> float:
    from rasd.store.watch import parse_interval

    try:
        return parse_interval(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: give a number of 1 or more")
    return value


def _add_events(sub: Any) -> None:
    p = sub.add_parser("events", help="list the fused events stored in a database",
                       description="List fused events, latest first; merged and deleted ones are left out "
                       "unless --all is given.")
    _add_db(p)
    p.add_argument("--since", type=_day, metavar="DATE", help="events on or after this day")
    p.add_argument("--until", type=_day, metavar="DATE", help="events on or before this day")
    p.add_argument("--country", help="country name (e.g. Syria)")
    p.add_argument("--event-type", help="ACLED event type (e.g. 'Explosions/Remote violence')")
    p.add_argument("--sub-event-type", help="ACLED sub-event type (e.g. 'Air/drone strike')")
    p.add_argument("--actor", help="text found in actor1 or actor2 (case-insensitive)")
    p.add_argument("--min-fatalities", type=int, metavar="N", help="events with at least N deaths")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="show at most N events")
    p.add_argument("--all", dest="include_retired", action="store_true",
                   help="include events merged into others or deleted")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=run_events)


def _add_explain(sub: Any) -> None:
    p = sub.add_parser("explain", help="show a fused event and every report merged into it, with the scores",
                       description="Show a fused event, then every report merged into it: outlet, URL, "
                       "publication date, what it said (date, place, toll, actors), its evidence text and "
                       "why it was merged (score and its parts). A merged event is followed to the event "
                       "that holds its reports now.")
    p.add_argument("event_id", metavar="EVENT_ID")
    _add_db(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=run_explain)


def _add_refuse(sub: Any) -> None:
    p = sub.add_parser("refuse", help="rebuild every fused event from the stored reports",
                       description="Re-run fusion over all stored reports, one fusion block (a country, or "
                       "countries fused together) at a time (after a pipeline or rule change). Event ids "
                       "stay stable; merges and deletions are recorded on the events, never removed.")
    _add_db(p, writes=True)
    p.set_defaults(handler=run_refuse)


def _add_db_commands(sub: Any) -> None:
    p = sub.add_parser("db", help="database schema: upgrade, info",
                       description="Manage the event database's schema.")
    db_sub = p.add_subparsers(dest="db_command", metavar="DB_COMMAND", parser_class=type(p))
    up = db_sub.add_parser("upgrade", help="create the schema or upgrade it to this Rasd's revision",
                           description="Create the tables of an empty database, or upgrade one made by an "
                           "older Rasd to the latest schema revision.")
    _add_db(up, writes=True)
    up.set_defaults(handler=run_db_upgrade)
    info = db_sub.add_parser("info", help="schema revision and row counts",
                             description="Show the schema revision, row counts and the last ingest run.")
    _add_db(info)
    info.add_argument("--format", choices=("text", "json"), default="text")
    info.set_defaults(handler=run_db_info)
    p.set_defaults(handler=functools.partial(_usage, p))


def _usage(parser: argparse.ArgumentParser, _args: argparse.Namespace) -> int:
    parser.print_help(sys.stderr)
    return EXIT_INPUT


def _store_errors(handler: Handler) -> Handler:
    @functools.wraps(handler)
    def wrapped(args: argparse.Namespace, *rest: Any, **kwargs: Any) -> int:
        from rasd.store.errors import StoreError

        try:
            return handler(args, *rest, **kwargs)
        except StoreError as exc:
            print(f"rasd: error: {exc}", file=sys.stderr)
            return exc.exit_code

    return wrapped


# -- ingest ------------------------------------------------------------------------------------


class _UsageError(Exception):
    pass


@_store_errors
def run_watch(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from rasd.ingest import DEFAULT_MAX_BYTES
    from rasd.store.store import WRITE, open_store
    from rasd.store.watch import watch

    out = out or sys.stdout
    with open_store(args.db or _default_db(), WRITE, lock_timeout=args.lock_timeout) as store:
        try:
            watch(store, list(args.sources), args.every, out, polls=args.polls,
                  max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, timeout=args.timeout)
        except KeyboardInterrupt:
            print("rasd watch: stopped", file=sys.stderr)
    return EXIT_OK


@_store_errors
def run_ingest(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from rasd.ingest.readers import ByteMeter, input_bytes
    from rasd.progress import Progress
    from rasd.store.ingest import IngestRun
    from rasd.store.store import WRITE, open_store

    out, err = out or sys.stdout, err or sys.stderr
    if (args.article_id or args.url) and len(args.inputs) > 1:
        print("rasd: error: --id and --url name one article; give one INPUT with them", file=err)
        return EXIT_INPUT
    if args.scheduler and args.engine != "dask":
        print("rasd: error: --scheduler names a Dask scheduler: give it with --engine dask", file=err)
        return EXIT_INPUT
    with open_store(args.db or _default_db(), WRITE, lock_timeout=args.lock_timeout) as store:
        command = getattr(args, "command", "ingest")
        run = IngestRun(store, command, list(args.inputs))
        meter = ByteMeter()
        progress = Progress(f"rasd {command}", err, enabled=args.progress, total_bytes=input_bytes(list(args.inputs)),
                            bytes_read=lambda: meter.read)
        status = "interrupted"
        try:
            bad_inputs = _ingest_inputs(args, run, progress, err, meter)
            status = "finished"
        except _UsageError as exc:
            status = "failed"
            print(f"rasd: error: {exc}", file=err)
            return EXIT_INPUT
        finally:
            progress.close()
            _finish(run, status)
        out.write(summary(run, store.shown, command))
    totals = run.totals.articles
    if bad_inputs:
        return EXIT_INPUT
    return EXIT_RUNTIME if totals["failed"] else EXIT_OK


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes") from None
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"{value}: give 1 to {MAX_WORKERS} worker processes")
    return value


MAX_WORKERS = 64


def _finish(run: Any, status: str) -> None:
    from rasd.store.errors import StoreError

    try:
        run.finish(status)
    except StoreError:
        if status == "finished":
            raise


def _ingest_inputs(args: argparse.Namespace, run: Any, progress: Any, err: TextIO, meter: Any = None) -> int:
    from rasd.store.ingest import COPIED, FAILED

    bad = [0]
    with _ErrorFile(getattr(args, "errors", None)) as errors:
        articles = _readable_articles(args, run, progress, err, bad, errors, meter)
        workers, engine = getattr(args, "workers", 1), getattr(args, "engine", "local")
        if workers > 1 or engine != "local":
            results = run.add_parallel(articles, workers, engine=engine, scheduler=args.scheduler)
        else:
            results = run.add_many(articles)
        for item, result in results:
            if result.outcome == FAILED:
                progress.say(f"rasd: failed {item.origin}: {result.error}")
                errors.write("failed", item.origin, result.error or "")
                progress.update(failed=1)
            else:
                progress.update(done=1, events=result.events, copies=int(result.outcome == COPIED))
    return bad[0]


class _ErrorFile:
    """``--errors FILE``: one JSON line an item skipped or failed, flushed as it is written (a
    killed run keeps what it wrote; a re-run appends)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.fh: TextIO | None = None

    def __enter__(self) -> _ErrorFile:
        if self.path is not None:
            try:
                self.fh = self.path.open("a", encoding="utf-8")
            except OSError as exc:
                raise _UsageError(f"{self.path}: cannot write the errors file ({exc.strerror or exc})") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()

    def write(self, kind: str, origin: str, message: str) -> None:
        if self.fh is not None:
            self.fh.write(json.dumps({"input": origin, "error": message, "kind": kind}, ensure_ascii=False) + "\n")
            self.fh.flush()


def _readable_articles(
    args: argparse.Namespace, run: Any, progress: Any, err: TextIO, bad_inputs: list[int], errors: _ErrorFile,
    meter: Any = None,
) -> Iterator[Any]:
    """The articles of every input; unreadable items and inputs are counted and skipped."""
    from rasd.ingest import DEFAULT_MAX_BYTES, InputError, InputProblem, read_articles

    defaults = article_defaults(args)
    one_article = bool(args.article_id or args.url)
    seen = 0
    for path in args.inputs:
        try:
            for item in read_articles(path, defaults, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                                      input_format=args.input_format, text_column=args.text_column,
                                      date_column=args.date_column, meter=meter):
                if isinstance(item, InputProblem):
                    run.totals.fail(item.origin, item.message)
                    progress.update(skipped=1)
                    progress.say(f"rasd: skipped {item}")
                    errors.write("skipped", item.origin, item.message)
                    continue
                seen += 1
                if one_article and seen > 1:
                    raise _UsageError("--id and --url name one article, but the input holds several")
                for warning in item.warnings:
                    progress.say(f"rasd: warning: {warning}")
                yield item
        except InputError as exc:
            bad_inputs[0] += 1
            run.totals.fail(exc.origin, exc.message)
            progress.say(f"rasd: error: {exc}")
            errors.write("input", exc.origin, exc.message)


def summary(run: Any, shown: str, command: str = "ingest") -> str:
    a, e = run.totals.articles, run.totals.events
    total = sum(a.values())
    return (f"rasd {command}: {total} article(s): {a['new']} new, {a['copied']} copies of other articles, "
            f"{a['unchanged']} unchanged, "
            f"{a['replaced']} replaced, {a['failed']} failed; events: {e.created} created, {e.updated} updated, "
            f"{e.merged} merged, {e.deleted} deleted (run {run.run_id}, {shown})\n")


# -- reading -----------------------------------------------------------------------------------


@_store_errors
def run_events(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from rasd.store.filters import FilterError
    from rasd.store.query import EventFilter, list_events
    from rasd.store.render import write_events_json, write_events_table
    from rasd.store.store import READ, open_store

    out = out or sys.stdout
    flt = EventFilter(
        since=args.since, until=args.until, country=args.country, event_type=args.event_type,
        sub_event_type=args.sub_event_type, actor=args.actor, min_fatalities=args.min_fatalities,
        limit=args.limit, include_retired=args.include_retired,
    )
    try:
        flt.conditions()
    except FilterError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    with open_store(args.db or _default_db(), READ) as store, store.reading() as conn:
        writer = write_events_json if args.format == "json" else write_events_table
        writer(list_events(conn, flt), out)
    return EXIT_OK


@_store_errors
def run_explain(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from rasd.store.query import explain
    from rasd.store.render import explain_text
    from rasd.store.store import READ, open_store

    out = out or sys.stdout
    with open_store(args.db or _default_db(), READ) as store, store.reading() as conn:
        data = explain(conn, args.event_id)
    if args.format == "json":
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(explain_text(data))
    return EXIT_OK


# -- maintenance -------------------------------------------------------------------------------


@_store_errors
def run_refuse(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from rasd.store.ingest import IngestRun, refuse_all
    from rasd.store.store import WRITE, open_store

    out = out or sys.stdout
    with open_store(args.db or _default_db(), WRITE, lock_timeout=args.lock_timeout) as store:
        run = IngestRun(store, "refuse", [])
        status = "interrupted"
        try:
            counts, countries = refuse_all(store)
            run.totals.events.add(counts)
            store.refresh_statistics()
            status = "finished"
        finally:
            _finish(run, status)
        out.write(f"rasd refuse: {countries} fusion block(s) fused; events: {counts.created} created, "
                  f"{counts.updated} updated, {counts.merged} merged, {counts.deleted} deleted "
                  f"(run {run.run_id}, {store.shown})\n")
    return EXIT_OK


@_store_errors
def run_db_upgrade(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from rasd.store.store import INSPECT, UPGRADE, open_store

    out = out or sys.stdout
    url = args.db or _default_db()
    before = None
    try:
        with open_store(url, INSPECT) as store:
            before = store.state.revision
    except Exception:  # a missing file or an empty database: the upgrade below says what is wrong
        before = None
    with open_store(url, UPGRADE, lock_timeout=args.lock_timeout) as store:
        after = store.state.revision
        if before == after:
            out.write(f"rasd db: {store.shown} is at the latest schema revision {after}\n")
        else:
            out.write(f"rasd db: {store.shown} upgraded from revision {before or 'none'} to {after}\n")
    return EXIT_OK


@_store_errors
def run_db_info(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from rasd.store.engine import journal_mode
    from rasd.store.query import event_status_counts, last_run, table_counts
    from rasd.store.render import info_text
    from rasd.store.store import INSPECT, open_store

    out = out or sys.stdout
    with open_store(args.db or _default_db(), INSPECT) as store:
        state = store.state
        info: dict[str, Any] = {
            "database": store.shown, "backend": store.backend, "revision": state.revision, "head": state.head,
            "status": state.kind, "journal": journal_mode(store.engine) if store.backend == "sqlite" else None,
        }
        with store.reading() as conn:
            info["tables"] = table_counts(conn, state.tables)
            complete = state.kind == "current"
            info["events"] = event_status_counts(conn) if complete else {}
            info["last_run"] = last_run(conn) if "ingest_runs" in state.tables else None
    if args.format == "json":
        out.write(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(info_text(info))
    return EXIT_OK
