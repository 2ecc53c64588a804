"""WARC and ARC archives as news crawls ship them, through warcio: one article an HTML response."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

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

    n = last_start = 0
    compressed = fh.read(2) == GZIP_MAGIC
    fh.seek(0)
    archive = ArchiveIterator(fh, arc2warc=True)
    try:
        for record in archive:
            n += 1
            page = _html_page(record, max_bytes)
            last_start = archive.get_record_offset()  # reads the rest of the record: after the page
            if page is not None:
                body, url = page
                yield _page_article(body, f"{origin}:record {n}", defaults, max_bytes, url)
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        raise _cut(origin, n, str(exc)) from None
    # warcio ends quietly at a cut: a compressed archive leaves bytes after its last whole record,
    # an uncompressed one lacks the blank lines that close every record
    size = _size(fh)
    if size is None:
        return
    if archive.offset < size:
        raise _cut(origin, n, f"{size - archive.offset} bytes after the last whole record")
    if not (_whole_last_member(fh, last_start) if compressed else _closed(fh)):
        raise _cut(origin, n - 1, "the last record has no end")


def _html_page(record: Any, max_bytes: int) -> tuple[bytes, str | None] | None:
    """The body (at most ``max_bytes`` + 1) and URL of an HTML response; None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    return record.content_stream().read(max_bytes + 1), record.rec_headers.get_header("WARC-Target-URI")


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


def _whole_last_member(fh: BinaryIO, start: int) -> bool:
    """The gzip member of the last record decompresses to its end (a cut one stops short)."""
    fh.seek(start)
    decompressor = zlib.decompressobj(wbits=GZIP_WBITS)
    while not decompressor.eof:
        chunk = fh.read(READ_CHUNK)
        if not chunk:
            return False
        try:
            decompressor.decompress(chunk)
        except zlib.error:
            return False
    return True


GZIP_WBITS = 31
READ_CHUNK = 1 << 16


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
