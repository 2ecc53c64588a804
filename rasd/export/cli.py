"""``rasd export``: fused events as ACLED CSV, GeoJSON, Parquet or JSONL.

Exit codes: 0 ok, 1 a database or runtime error, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, TextIO

EXIT_OK = 0
FORMAT_NAMES = ("acled-csv", "geojson", "parquet", "jsonl")  # rasd.export.FORMATS, without importing it here
DB_HELP = ("database URL: sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DB (default: $RASD_DB, else "
           "sqlite:///rasd.db)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _stamp(text: str) -> datetime:
    from rasd.store.filters import FilterError, parse_stamp

    try:
        return parse_stamp(text)
    except FilterError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _bbox(text: str) -> Any:
    from rasd.export.filters import BBox, FilterError

    try:
        return BBox.parse(text)
    except FilterError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("bbox: ")) from None


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "export",
        help="export fused events as ACLED CSV, GeoJSON, Parquet or JSONL",
        description="Write the fused events of a database as ACLED CSV (the codebook's columns, then "
        "Rasd's), a GeoJSON FeatureCollection, a typed Parquet file, or JSONL with every report and "
        "its evidence. Events merged into others and deleted events are left out. Rows are streamed: "
        "memory stays flat however many events there are. Output goes to standard output unless "
        "--output is given (Parquet needs --output); a file is written under a temporary name and "
        "renamed when complete.",
    )
    p.add_argument("--db", default=None, metavar="URL", help=DB_HELP)
    p.add_argument("--format", choices=FORMAT_NAMES, default=None,
                   help="output format (default: from the --output suffix .csv/.geojson/.parquet/.jsonl, "
                   "else acled-csv)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--since", type=_day, metavar="DATE", help="events on or after this day")
    p.add_argument("--until", type=_day, metavar="DATE", help="events on or before this day")
    p.add_argument("--country", help="country name (e.g. Syria), case-insensitive")
    p.add_argument("--admin1", help="first-level region (e.g. Idlib), case-insensitive")
    p.add_argument("--event-type", help="ACLED event type (e.g. 'Explosions/Remote violence')")
    p.add_argument("--sub-event-type", help="ACLED sub-event type (e.g. 'Air/drone strike')")
    p.add_argument("--actor", help="text found in actor1 or actor2 (case-insensitive)")
    p.add_argument("--min-fatalities", type=int, metavar="N", help="events with at least N deaths")
    p.add_argument("--grading", help="source grading of the fused event (e.g. confirmed, single-source)")
    p.add_argument("--source", metavar="OUTLET", help="events that OUTLET reported (case-insensitive)")
    p.add_argument("--text", help="text found in the notes, location, admin1 or actors (case-insensitive)")
    p.add_argument("--updated-since", type=_stamp, metavar="TIME",
                   help="events created or changed after this time (ISO 8601; UTC when no offset is given)")
    p.add_argument("--bbox", type=_bbox, metavar="MINLON,MINLAT,MAXLON,MAXLAT",
                   help="events whose point lies in this box (degrees; MINLON > MAXLON crosses the antimeridian)")
    p.add_argument("--include-merged", action="store_true",
                   help="also export events merged into others (their merged_into column names the event "
                   "that holds their reports now)")
    # "--bbox -10,30,5,40" starts with a minus: let argparse take it as a value, not an option
    # (argparse's own test for negative numbers, widened to a comma-separated list of them).
    p._negative_number_matcher = re.compile(r"^-[\d.]+(,[-+]?[\d.]+)*$")
    p.set_defaults(handler=run_export)


def _default_db() -> str:
    return os.environ.get("RASD_DB") or "sqlite:///rasd.db"


def run_export(args: argparse.Namespace, out: IO[bytes] | None = None, err: TextIO | None = None) -> int:
    """The command; ``out`` (binary) replaces standard output, ``err`` standard error."""
    from rasd.export.export import PARQUET, ExportError, atomic_output, check_output, export_events, format_for
    from rasd.export.filters import ExportFilter, FilterError
    from rasd.store import READ, StoreError, open_store

    err = err or sys.stderr
    try:
        fmt = format_for(args.format, args.output)
        to_file = args.output not in (None, "-")
        if fmt == PARQUET and not to_file:
            raise ExportError("--format parquet needs --output FILE (Parquet cannot be streamed to standard output)")
        flt = ExportFilter(
            since=args.since, until=args.until, country=args.country, event_type=args.event_type,
            sub_event_type=args.sub_event_type, actor=args.actor, min_fatalities=args.min_fatalities,
            bbox=args.bbox, include_merged=args.include_merged, admin1=args.admin1, grading=args.grading,
            source=args.source, text=args.text, updated_since=args.updated_since,
        )
        path = Path(args.output) if to_file else None
        if path is not None:
            check_output(path)
        with open_store(args.db or _default_db(), READ) as store, store.reading() as conn:
            if path is None:
                stream = out if out is not None else sys.stdout.buffer
                count = export_events(conn, fmt, flt, stream)
                stream.flush()
            else:
                with atomic_output(path) as fh:
                    count = export_events(conn, fmt, flt, fh)
    except FilterError as exc:
        print(f"rasd: error: {exc}", file=err)
        return 2
    except (ExportError, StoreError) as exc:
        print(f"rasd: error: {exc}", file=err)
        return exc.exit_code
    if path is not None:
        print(f"rasd export: {count} event(s) written to {path} ({fmt})", file=err)
    return EXIT_OK
