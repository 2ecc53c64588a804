"""Arabic language data: loaders for the TSV/JSON files in this folder.

Every data file is a UTF-8 TSV with a header row; lines starting with ``#`` are comments.
Arabic strings in *match* columns are stored already normalized (see
``rasd.normalize``); ``tests/lang/test_ar_data.py`` enforces this for every file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

PACKAGE = "rasd.lang.ar"


def data_path(relpath: str) -> Path:
    """Absolute path of a data file shipped in this folder."""
    return Path(str(resources.files(PACKAGE).joinpath(relpath)))


def _open_text(relpath: str):
    path = data_path(relpath)
    if relpath.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _tsv_rows(lines: Iterable[str], origin: str) -> Iterator[tuple[list[str], list[str]]]:
    """``(header, cells)`` for each data row; blank and ``#`` lines skipped, short rows padded."""
    header: list[str] | None = None
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise ValueError(f"{origin}:{lineno}: {len(cells)} cells, header has {len(header)}")
        yield header, cells + [""] * (len(header) - len(cells))


def iter_tsv_cells(lines: Iterable[str], origin: str, columns: Sequence[str]) -> Iterator[list[str]]:
    """Cell lists of a TSV's data rows, whose header must be exactly ``columns``."""
    checked = False
    for header, cells in _tsv_rows(lines, origin):
        if not checked:
            if tuple(header) != tuple(columns):
                raise ValueError(f"{origin}: header {header} != {list(columns)}")
            checked = True
        yield cells


def iter_tsv(lines: Iterable[str], origin: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV as dicts keyed by its header (cells stripped)."""
    for header, cells in _tsv_rows(lines, origin):
        yield {h: c.strip() for h, c in zip(header, cells, strict=True)}


def read_tsv_path(path: Path | str) -> list[dict[str, str]]:
    """Rows of any TSV file (e.g. a test table) with the same rules as the package data."""
    with Path(path).open(encoding="utf-8") as fh:
        return list(iter_tsv(fh, str(path)))


@cache
def read_tsv(relpath: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file as dicts keyed by the header (cached, read-only use)."""
    with _open_text(relpath) as fh:
        return tuple(iter_tsv(fh, relpath))


@cache
def read_json(relpath: str) -> Any:
    with _open_text(relpath) as fh:
        return json.load(fh)


@cache
def data_hash(relpath: str) -> str:
    """Short content hash of a data file, recorded with the stage that used it."""
    return hashlib.sha256(data_path(relpath).read_bytes()).hexdigest()[:12]


def list_data_files() -> list[str]:
    root = data_path("")
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and p.suffix in {".tsv", ".gz", ".json"}
    )
