"""WARC and ARC archives as news crawls ship them, through warcio: one article an HTML response."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from rasd.document import ArticleMeta
from rasd.ingest.decode import decode_bytes
from rasd.ingest.errors import InputError, InputProblem
from rasd.ingest.html import has_article, html_to_text
from rasd.ingest.record import ArticleInput, check_article_text, merge_meta

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def iter_warc(fh: BinaryIO, origin: str, defaults: ArticleMeta,
              max_bytes: int) -> Iterator[ArticleInput | InputProblem]:
    """HTML responses of the archive; other records (requests, images, metadata) are passed over.
    A cut or corrupt archive stops with an InputError after the records before it."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    compressed = fh.read(2) == GZIP_MAGIC
    fh.seek(0)
    archive = ArchiveIterator(fh, arc2warc=True)
    try:
        for record in archive:
            n += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            where = f"{origin}:record {n}"
            body = record.content_stream().read(max_bytes + 1)
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield _page_article(body, where, defaults, max_bytes, url)
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        raise _cut(origin, n, str(exc)) from None
    # warcio ends quietly at a cut: a compressed archive leaves bytes after its last whole record,
    # an uncompressed one lacks the blank lines that close every record
    size = _size(fh)
    if size is not None and (archive.offset < size or (not compressed and not _closed(fh))):
        raise _cut(origin, n, f"{size - archive.offset} bytes after the last whole record"
                   if archive.offset < size else "the last record has no end")


def _cut(origin: str, n: int, why: str) -> InputError:
    return InputError(f"{origin}:record {n + 1}", f"the archive is cut off or corrupt ({why}): stopped after "
                                                  f"record {n}; the records before were read")


def _size(fh: BinaryIO) -> int | None:
    try:
        return fh.seek(0, 2)
    except (OSError, ValueError):
        return None


RECORD_END = b"\r\n\r\n"
GZIP_MAGIC = b"\x1f\x8b"


def _closed(fh: BinaryIO) -> bool:
    """The archive ends with the blank lines that close a record."""
    end = fh.seek(0, 2)
    fh.seek(max(end - len(RECORD_END), 0))
    return fh.read(len(RECORD_END)) == RECORD_END


def _page_article(body: bytes, where: str, defaults: ArticleMeta, max_bytes: int,
                  url: str | None) -> ArticleInput | InputProblem:
    if len(body) > max_bytes:
        return InputProblem(where, f"page larger than {max_bytes:,} bytes")
    try:
        decoded = decode_bytes(body, where)
        text, found = html_to_text(decoded.text)
        if not has_article(text):
            raise InputError(where, "an HTML page with no article text (only menus, links or scripts)")
        check_article_text(text, where)
    except InputError as exc:
        return InputProblem(where, exc.message)
    warnings = [decoded.warning] if decoded.warning else []
    if url:  # where the crawler found the page names it
        found.setdefault("url", url)
        found.setdefault("id", url)
    return ArticleInput(text, merge_meta(found, defaults, where, warnings), where, warnings)
