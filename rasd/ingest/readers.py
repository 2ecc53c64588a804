"""Turn a path (text, HTML, JSONL, JSONL.gz) or stdin into article records."""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, BinaryIO

from rasd.document import ArticleMeta
from rasd.ingest.decode import decode_bytes
from rasd.ingest.errors import InputError, InputProblem
from rasd.ingest.html import html_to_text, looks_like_html
from rasd.normalize.normalizer import ARABIC_LANGUAGE_RATIO, arabic_ratio

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # one article; larger inputs are refused, JSONL is streamed
META_FIELDS = tuple(f.name for f in fields(ArticleMeta))
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(slots=True)
class ArticleInput:
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    origin: str = "<input>"
    warnings: list[str] = field(default_factory=list)
    line: int | None = None  # line number for articles read from JSONL


def check_article_text(text: str, origin: str) -> None:
    if not text.strip():
        raise InputError(origin, "empty article (no text)")
    ratio = arabic_ratio(text)
    if ratio < ARABIC_LANGUAGE_RATIO:
        raise InputError(
            origin, f"not Arabic text ({ratio:.0%} of letters are Arabic); Rasd reads Arabic articles"
        )


def _merge_meta(found: dict[str, Any], defaults: ArticleMeta, origin: str = "<input>",
                warnings: list[str] | None = None) -> ArticleMeta:
    """Values given on the command line win over values found in the input. A value that is no
    string or number (an object, a list, true/false) is left out, with a warning."""
    values: dict[str, Any] = {}
    for name in META_FIELDS:
        given = getattr(defaults, name)
        if given is not None:
            values[name] = given
            continue
        value = found.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
            if warnings is not None:
                warnings.append(f"{origin}: '{name}' is {_json_kind(value)}, not a string: ignored")
            value = None
        values[name] = None if value is None or value == "" else str(value)
    return ArticleMeta(**values)


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def _article_from_bytes(data: bytes, origin: str, defaults: ArticleMeta, is_html: bool | None) -> ArticleInput:
    text, _, warning = decode_bytes(data, origin)
    warnings = [warning] if warning else []
    found: dict[str, str] = {}
    if is_html or (is_html is None and looks_like_html(text)):
        text, found = html_to_text(text)
    check_article_text(text, origin)
    return ArticleInput(text, _merge_meta(found, defaults, origin, warnings), origin, warnings)


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
        raise InputError(where, f"expected a JSON object with a 'text' field, got {_json_kind(record)}")
    text = record.get("text")
    if text is None:
        raise InputError(where, "missing 'text' field")
    if not isinstance(text, str):
        raise InputError(where, f"'text' is {_json_kind(text)}, not a string")
    check_article_text(text, where)
    found = dict(record)
    if found.get("id") is None and found.get("docno") is not None:
        found["id"] = found["docno"]
    return ArticleInput(text, _merge_meta(found, defaults, where, warnings), where, warnings)


def read_articles(
    path: str,
    defaults: ArticleMeta | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    input_format: str | None = None,
) -> Iterator[ArticleInput | InputProblem]:
    """Yield articles (and problems) from ``path``; ``-`` reads standard input.

    ``input_format`` forces ``text``, ``html`` or ``jsonl``; by default it is guessed from the
    file name (``.jsonl``, ``.jsonl.gz``, ``.html``) and, for stdin, from the content.
    A problem with the whole input (missing file, too big, binary) raises InputError.
    """
    defaults = defaults or ArticleMeta()
    if path == "-":
        yield from _read_stream(stdin or sys.stdin.buffer, "<stdin>", defaults, max_bytes, input_format)
        return
    file = Path(path)
    if file.is_dir():
        raise InputError(path, "is a folder; pass a file (text, HTML or JSONL)")
    if not file.exists():
        raise InputError(path, "no such file")
    try:
        fmt = input_format or _guess_format(file)
        if fmt == "jsonl":
            opener = gzip.open if file.name.lower().endswith(".gz") else open
            with opener(file, "rb") as fh:
                yield from iter_jsonl(fh, path, defaults, max_bytes)
            return
        with file.open("rb") as fh:
            data = _read_limited(fh, path, max_bytes)
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    yield _article_from_bytes(data, path, defaults, is_html=True if fmt == "html" else None)


def _guess_format(file: Path) -> str:
    """By the name; a file of another name whose content is JSON lines is read as JSONL."""
    name = file.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    with file.open("rb") as fh:
        return "jsonl" if _looks_jsonl(fh.read(SNIFF_BYTES)) else "text"


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
