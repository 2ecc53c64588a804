"""RSS and Atom feeds (a file or a URL), through feedparser: one article an entry."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rasd.document import ArticleMeta
from rasd.ingest.errors import InputError, InputProblem
from rasd.ingest.html import fragment_text
from rasd.ingest.record import ArticleInput, check_article_text, merge_meta

FEED_SUFFIXES = (".rss", ".atom", ".xml")
FETCH_TIMEOUT_SECONDS = 30


def looks_like_feed(head: bytes) -> bool:
    start = head.lstrip()[:1024].lower()
    return b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes | None  # None: not modified since the validators given
    etag: str | None
    modified: str | None


def fetch_feed(url: str, max_bytes: int) -> bytes:
    """The body of a feed URL (http or https only), at most ``max_bytes``."""
    data = fetch_if_changed(url, max_bytes).data
    assert data is not None
    return data


def fetch_if_changed(url: str, max_bytes: int, etag: str | None = None, modified: str | None = None,
                     timeout: float = FETCH_TIMEOUT_SECONDS) -> Fetched:
    """A conditional GET: with the ``ETag`` / ``Last-Modified`` of the last fetch, a feed that has
    not changed answers 304 and costs no body (``Fetched.data`` is None)."""
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(url, "only http and https feed URLs are read")
    headers = {"User-Agent": "rasd feed reader"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            validators = (response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == HTTP_NOT_MODIFIED:
            return Fetched(None, etag, modified)
        raise InputError(url, f"cannot fetch the feed (HTTP {exc.code} {exc.reason})") from None
    except (OSError, ValueError) as exc:
        raise InputError(url, f"cannot fetch the feed ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(url, f"the feed is larger than {max_bytes:,} bytes")
    return Fetched(data, *validators)


HTTP_NOT_MODIFIED = 304


def iter_feed(data: bytes, origin: str, defaults: ArticleMeta) -> Iterator[ArticleInput | InputProblem]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = parsed.get("bozo_exception") or "no RSS or Atom element in it"
        raise InputError(origin, f"not a readable RSS or Atom feed ({why})")
    outlet = (parsed.feed.get("title") or "").strip() or None
    broken = parsed.get("bozo_exception") if parsed.bozo else None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}:entry {n}"
        item = _entry_article(entry, where, defaults, outlet)
        if broken is not None and isinstance(item, ArticleInput):
            item.warnings.append(f"{origin}: the feed is not well-formed ({broken}); its entries were read anyway")
            broken = None  # said once
        yield item


def _entry_article(entry: Any, where: str, defaults: ArticleMeta, outlet: str | None) -> ArticleInput | InputProblem:
    body = entry.get("content")[0].get("value") if entry.get("content") else entry.get("summary") or ""
    text = fragment_text(body)
    try:
        check_article_text(text, where)
    except InputError as exc:
        return InputProblem(where, exc.message)
    found = {
        "id": entry.get("id") or entry.get("link"),
        "url": entry.get("link"),
        "title": fragment_text(entry.get("title") or "") or None,
        "published": _when(entry),
        "source": outlet,
    }
    warnings: list[str] = []
    return ArticleInput(text, merge_meta(found, defaults, where, warnings), where, warnings)


def _when(entry: Any) -> str | None:
    """The entry's publication moment as ISO 8601 UTC (feedparser reads every date format)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(key)
        if stamp:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", stamp)
    return None
