"""Turn a path (text, HTML, JSONL, JSONL.gz) or stdin into article records."""

from __future__ import annotations

import gzip
import io
import json
import sys
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


def _merge_meta(found: dict[str, Any], defaults: ArticleMeta) -> ArticleMeta:
    """Values given on the command line win over values found in the input."""
    values: dict[str, Any] = {}
    for name in META_FIELDS:
        given = getattr(defaults, name)
        values[name] = given if given is not None else _as_str(found.get(name))
    return ArticleMeta(**values)


def _as_str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _article_from_bytes(data: bytes, origin: str, defaults: ArticleMeta, is_html: bool | None) -> ArticleInput:
    text, encoding = decode_bytes(data, origin)
    warnings = [] if encoding.startswith("utf") else [f"{origin}: decoded as {encoding}, not UTF-8"]
    found: dict[str, str] = {}
    if is_html or (is_html is None and looks_like_html(text)):
        text, found = html_to_text(text)
    check_article_text(text, origin)
    return ArticleInput(text, _merge_meta(found, defaults), origin, warnings)


def _read_limited(fh: BinaryIO, origin: str, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            origin,
            f"larger than {max_bytes // (1024 * 1024)} MB: too big for one article "
            "(split it, pass it as JSONL, or raise --max-bytes)",
        )
    return data


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


ReadItem = ArticleInput | InputProblem


def iter_jsonl(fh: BinaryIO, origin: str, defaults: ArticleMeta, max_bytes: int) -> Iterator[ReadItem]:
    """One article per line; a bad line becomes an InputProblem with its line number."""
    for lineno, raw in enumerate(fh, 1):
        where = f"{origin}:{lineno}"
        if not raw.strip():
            continue
        try:
            article = _article_from_json_line(raw, where, defaults, max_bytes)
            article.line = lineno
            yield article
        except InputError as exc:
            yield InputProblem(where, exc.message)


def _article_from_json_line(raw: bytes, where: str, defaults: ArticleMeta, max_bytes: int) -> ArticleInput:
    if len(raw) > max_bytes:
        raise InputError(where, f"line longer than {max_bytes} bytes")
    try:
        record = json.loads(decode_bytes(raw, where)[0])
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(where, "missing 'text' string field")
    check_article_text(text, where)
    found = dict(record)
    if found.get("id") is None and found.get("docno") is not None:
        found["id"] = found["docno"]
    return ArticleInput(text, _merge_meta(found, defaults), where)


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
    fmt = input_format or _guess_format(file)
    try:
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
    name = file.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _read_stream(
    stream: BinaryIO, origin: str, defaults: ArticleMeta, max_bytes: int, input_format: str | None
) -> Iterator[ArticleInput | InputProblem]:
    data = _read_limited(stream, origin, max_bytes) if input_format != "jsonl" else None
    if input_format == "jsonl" or (input_format is None and data is not None and _looks_jsonl(data)):
        source = io.BytesIO(data) if data is not None else stream
        yield from iter_jsonl(source, origin, defaults, max_bytes)
        return
    assert data is not None
    yield _article_from_bytes(data, origin, defaults, is_html=True if input_format == "html" else None)


def _looks_jsonl(data: bytes) -> bool:
    return data.lstrip()[:1] == b"{"
