"""Writing fused events in one of the export formats, to a stream or (atomically) to a file."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy import Connection

from rasd.export.filters import ExportFilter
from rasd.export.rows import CHUNK, event_chunks

ACLED_CSV, GEOJSON, PARQUET, JSONL = "acled-csv", "geojson", "parquet", "jsonl"
FORMATS: tuple[str, ...] = (ACLED_CSV, GEOJSON, PARQUET, JSONL)
SUFFIXES: dict[str, str] = {
    ".csv": ACLED_CSV, ".geojson": GEOJSON, ".parquet": PARQUET, ".pq": PARQUET, ".jsonl": JSONL,
    ".ndjson": JSONL,
}
EXIT_RUNTIME, EXIT_USAGE = 1, 2


class ExportError(Exception):
    """An export that cannot be made (bad arguments, an output that cannot be written)."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


def format_for(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one the output file's suffix names, else ACLED CSV."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        return fmt
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
    return ACLED_CSV


def export_events(conn: Connection, fmt: str, flt: ExportFilter, out: IO[bytes], *, chunk: int = CHUNK) -> int:
    """Write the events ``flt`` selects to the binary stream ``out``; returns how many."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    with closing(event_chunks(conn, flt, chunk)) as chunks:  # the cursor closes even on a broken pipe
        if fmt == PARQUET:
            from rasd.export.parquet import write_parquet

            return write_parquet(chunks, out)
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        try:
            if fmt == ACLED_CSV:
                from rasd.export.acled import write_csv

                return write_csv(chunks, text)
            if fmt == GEOJSON:
                from rasd.export.geojson import write_geojson

                return write_geojson(chunks, text)
            from rasd.export.jsonl import write_jsonl

            return write_jsonl(chunks, text, conn)
        finally:
            text.flush()
            text.detach()  # the caller owns ``out``


def check_output(path: Path) -> None:
    """Refuse an output path that cannot be written, before the database is read."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"--output {path}: is a folder")
    if not folder.is_dir():
        raise ExportError(f"--output {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"--output {path}: folder {folder} is not writable", EXIT_RUNTIME)


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A file beside ``path`` that replaces it only when the block ends without error, so a
    failed or interrupted export never leaves half a file under the asked name."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with part.open("wb") as fh:
            yield fh
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
