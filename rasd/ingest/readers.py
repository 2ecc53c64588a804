"""Turn a path (text, HTML, JSONL[.gz], CSV, RSS/Atom, WARC, a folder of them), a feed URL or
stdin into article records."""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from rasd.document import ArticleMeta
from rasd.ingest.decode import decode_bytes
from rasd.ingest.errors import InputError, InputProblem
from rasd.ingest.feeds import FEED_SUFFIXES, fetch_feed, iter_feed, looks_like_feed
from rasd.ingest.html import has_article, html_to_text, looks_like_html
from rasd.ingest.record import ArticleInput, check_article_text, json_kind, merge_meta
from rasd.ingest.tables import TABLE_SUFFIXES, iter_table
from rasd.ingest.warc import WARC_SUFFIXES, iter_warc

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # one article; larger inputs are refused, JSONL is streamed
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


def _article_from_bytes(data: bytes, origin: str, defaults: ArticleMeta, is_html: bool | None) -> ArticleInput:
    text, _, warning = decode_bytes(data, origin)
    warnings = [warning] if warning else []
    found: dict[str, str] = {}
    if is_html or (is_html is None and looks_like_html(text)):
        text, found = html_to_text(text)
        if not has_article(text):
            raise InputError(origin, "an HTML page with no article text (only menus, links or scripts)")
    check_article_text(text, origin)
    return ArticleInput(text, merge_meta(found, defaults, origin, warnings), origin, warnings)


def _read_limited(fh: BinaryIO, origin: str, max_bytes: int) -> bytes:
    data = fh.read(max(max_bytes, 0) + 1)
    if len(data) > max_bytes:
        raise _too_big(origin, max_bytes)
    return data


def _too_big(origin: str, max_bytes: int) -> InputError:
    return InputError(origin, f"larger than {_size(max_bytes)}: too big for one article "
                              "(split it, pass it as JSONL, or raise --max-bytes)")


def _size(n: int) -> str:
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    return f"{n:,} bytes"


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


ReadItem = ArticleInput | InputProblem


def iter_jsonl(fh: BinaryIO, origin: str, defaults: ArticleMeta, max_bytes: int) -> Iterator[ReadItem]:
    """One article per line; a bad line becomes an InputProblem with its line number. A
    compressed file that is cut off or corrupt stops with an InputError naming where, after
    every line before it was yielded."""
    for lineno, raw in enumerate(_lines(fh, origin), 1):
        where = f"{origin}:{lineno}"
        if not raw.strip():
            continue
        try:
            article = _article_from_json_line(raw, where, defaults, max_bytes)
            article.line = lineno
            yield article
        except InputError as exc:
            yield InputProblem(where, exc.message)


def _lines(fh: BinaryIO, origin: str) -> Iterator[bytes]:
    read = 0
    try:
        for raw in fh:
            read += 1
            yield raw
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        where = f"{origin}:{read + 1}"
        if read == 0:
            raise InputError(where, f"not a readable gzip file ({exc})") from None
        raise InputError(where, f"compressed data is cut off or corrupt ({exc}): stopped after line "
                                f"{read}; the lines before were read") from None


def _article_from_json_line(raw: bytes, where: str, defaults: ArticleMeta, max_bytes: int) -> ArticleInput:
    if len(raw) > max_bytes:
        raise InputError(where, f"line longer than {max_bytes} bytes")
    decoded = decode_bytes(raw, where)
    warnings = [decoded.warning] if decoded.warning else []
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        reason = exc.msg.removesuffix(" at")  # "Invalid control character at"
        raise InputError(where, f"malformed JSON ({reason} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, "malformed JSON (nested too deeply to be an article)") from None
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object with a 'text' field, got {json_kind(record)}")
    text = record.get("text")
    if text is None:
        raise InputError(where, "missing 'text' field")
    if not isinstance(text, str):
        raise InputError(where, f"'text' is {json_kind(text)}, not a string")
    check_article_text(text, where)
    found = dict(record)
    if found.get("id") is None and found.get("docno") is not None:
        found["id"] = found["docno"]
    return ArticleInput(text, merge_meta(found, defaults, where, warnings), where, warnings)


INPUT_FORMATS = ("text", "html", "jsonl", "csv", "feed", "warc")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class ByteMeter:
    """How many bytes of the input files reading has gone through (compressed bytes for a gzip
    file), to tell a long run's progress and time left."""

    def __init__(self) -> None:
        self.finished = 0  # bytes of the files read to the end
        self._current: BinaryIO | None = None

    def start(self, fh: BinaryIO | None) -> None:
        self._current = fh

    def finish(self, size: int) -> None:
        self.finished += size
        self._current = None

    @property
    def read(self) -> int:
        try:
            return self.finished + (self._current.tell() if self._current is not None else 0)
        except (OSError, ValueError):  # closed or not seekable
            return self.finished


def input_bytes(paths: list[str]) -> int | None:
    """The size of the files ``paths`` name (folders walked); None when one is a stream or a URL."""
    total = 0
    for path in paths:
        if path == "-" or path.lower().startswith(("http://", "https://")):
            return None
        file = Path(path)
        try:
            total += sum(f.stat().st_size for f in folder_files(file)) if file.is_dir() else file.stat().st_size
        except OSError:
            continue  # reading it will say what is wrong
    return total


@dataclass(frozen=True, slots=True)
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str | None = None  # one of INPUT_FORMATS; None: guessed per file
    text_column: str = "text"  # CSV
    date_column: str = "published"  # CSV
    meter: ByteMeter | None = None


def read_articles(
    path: str,
    defaults: ArticleMeta | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    input_format: str | None = None,
    text_column: str = "text",
    date_column: str = "published",
    meter: ByteMeter | None = None,
) -> Iterator[ArticleInput | InputProblem]:
    """Yield articles (and problems) from ``path``: a file, a folder (every file below it, in
    name order), an RSS/Atom feed URL, or ``-`` for standard input.

    ``input_format`` forces one of INPUT_FORMATS; by default it is guessed from the file name
    (``.jsonl[.gz]``, ``.html``, ``.csv``/``.tsv``, ``.rss``/``.atom``/``.xml``, ``.warc[.gz]``/``.arc[.gz]``)
    and else from the content (JSON lines, a feed). A problem with the whole input (missing file,
    too big, binary, cut-off archive) raises InputError; inside a folder it is yielded as an
    InputProblem for that file, and the next file is read. ``meter`` follows how far the files
    have been read.
    """
    defaults = defaults or ArticleMeta()
    options = ReadOptions(max_bytes, input_format, text_column, date_column, meter)
    if path == "-":
        yield from _read_stream(stdin or sys.stdin.buffer, "<stdin>", defaults, max_bytes, input_format)
        return
    if path.lower().startswith(("http://", "https://")):
        yield from iter_feed(fetch_feed(path, max_bytes), path, defaults)
        return
    file = Path(path)
    if file.is_dir():
        yield from _read_folder(file, defaults, options)
        return
    if not file.exists():
        raise InputError(path, "no such file")
    yield from _read_file(file, path, defaults, options)


def folder_files(folder: Path) -> list[Path]:
    """The files below ``folder``, in name order, leaving out hidden ones (".git", ".DS_Store")."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not _hidden(p.relative_to(folder)))


def _read_folder(folder: Path, defaults: ArticleMeta, options: ReadOptions) -> Iterator[ArticleInput | InputProblem]:
    files = folder_files(folder)
    if not files:
        raise InputError(str(folder), "a folder with no files")
    for file in files:
        try:
            yield from _read_file(file, str(file), defaults, options)
        except InputError as exc:
            yield InputProblem(exc.origin, exc.message)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_file(file: Path, origin: str, defaults: ArticleMeta,
               options: ReadOptions) -> Iterator[ArticleInput | InputProblem]:
    meter = options.meter or ByteMeter()
    try:
        yield from _read_file_items(file, origin, defaults, options, meter)
    finally:
        meter.finish(_size_of(file))


def _size_of(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _read_file_items(file: Path, origin: str, defaults: ArticleMeta, options: ReadOptions,
                     meter: ByteMeter) -> Iterator[ArticleInput | InputProblem]:
    max_bytes = options.max_bytes
    try:
        fmt = options.input_format or _guess_format(file)
        if fmt == "jsonl":
            with file.open("rb") as raw:
                meter.start(raw)
                if file.name.lower().endswith(".gz"):
                    with gzip.GzipFile(fileobj=raw, mode="rb") as fh:
                        yield from iter_jsonl(fh, origin, defaults, max_bytes)  # type: ignore[arg-type]
                else:
                    yield from iter_jsonl(raw, origin, defaults, max_bytes)
            return
        if fmt == "csv":
            yield from iter_table(file, origin, defaults, max_bytes, options.text_column, options.date_column)
            return
        if fmt == "warc":
            with file.open("rb") as fh:
                meter.start(fh)
                yield from iter_warc(fh, origin, defaults, max_bytes)
            return
        with file.open("rb") as fh:
            data = _read_limited(fh, origin, max_bytes)
    except OSError as exc:
        raise InputError(origin, f"cannot read ({exc.strerror or exc})") from None
    if fmt == "feed":
        yield from iter_feed(data, origin, defaults)
        return
    yield _article_from_bytes(data, origin, defaults, is_html=True if fmt == "html" else None)


def _guess_format(file: Path) -> str:
    """By the name; else by the content: JSON lines, or an RSS/Atom feed."""
    name = file.name.lower()
    for fmt, suffixes in (("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES), ("csv", TABLE_SUFFIXES),
                          ("warc", WARC_SUFFIXES), ("feed", FEED_SUFFIXES)):
        if name.endswith(suffixes):
            return fmt
    with file.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if _looks_jsonl(head):
        return "jsonl"
    return "feed" if looks_like_feed(head) else "text"


def _read_stream(
    stream: BinaryIO, origin: str, defaults: ArticleMeta, max_bytes: int, input_format: str | None
) -> Iterator[ArticleInput | InputProblem]:
    head = stream.read(SNIFF_BYTES) if input_format is None else b""
    if input_format == "jsonl" or (input_format is None and _looks_jsonl(head)):
        # JSONL is streamed line by line: the size limit is per line, not for the whole input
        yield from iter_jsonl(io.BufferedReader(_Prefixed(head, stream)), origin, defaults, max_bytes)
        return
    data = head + stream.read(max(max_bytes - len(head), 0) + 1)
    if len(data) > max_bytes:
        raise _too_big(origin, max_bytes)
    yield _article_from_bytes(data, origin, defaults, is_html=True if input_format == "html" else None)


SNIFF_BYTES = 65536


def _looks_jsonl(head: bytes) -> bool:
    """The first line is a JSON object with a "text" field (or starts like one, when it is longer
    than ``head``)."""
    stripped = head.lstrip()
    if stripped[:1] != b"{":
        return False
    first, newline, _ = stripped.partition(b"\n")
    if not newline and len(head) >= SNIFF_BYTES:
        return b'"text"' in first
    try:
        record = json.loads(first.decode("utf-8", errors="replace"))
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(record, dict) and "text" in record


class _Prefixed(io.RawIOBase):
    """A stream that yields ``head`` (already read) and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head = head
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        chunk = self.stream.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
