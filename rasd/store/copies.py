"""Copies of stored articles: found before extraction, stored with the original's reports.

A syndicated wire story, or the same article fetched twice under two URLs, is one article's
text under another id and outlet. It is not extracted again: its reports are the original's,
re-anchored on its own text (every evidence span found again there, or it is extracted after
all) and credited to its own outlet, so that fusion counts the outlet as one more source.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from rasd.ingest.fingerprint import NEAR_THRESHOLD, Fingerprint, fingerprint
from rasd.store.articles import NewRows, chunked
from rasd.store.schema import article_bands, article_mentions, articles, reports

REANCHOR_WINDOW = 500  # how far (beyond the length difference) a span may have moved


@dataclass(frozen=True, slots=True)
class Copy:
    """The article copies ``original`` (``similarity``: shingle Jaccard, 1.0 for the same text)."""

    original: str
    similarity: float


class CopyFinder:
    """Finds the original of each article about to be extracted: among the stored originals
    (through their band keys) and among the articles of this run not stored yet (in memory,
    the last ``recent`` of them: a run stores in input order, so older ones are in the database).

    An original is an article stored with no ``similarity``: neither a copy nor a near copy that
    had to be extracted on its own (its original's evidence was not all in its text)."""

    def __init__(self, recent: int) -> None:
        self.limit = max(recent, 1)
        self.recent: OrderedDict[str, Fingerprint] = OrderedDict()
        self.by_band: dict[int, set[str]] = {}
        self.by_hash: dict[str, set[str]] = {}
        self.stored: OrderedDict[str, Fingerprint | None] = OrderedDict()  # stored originals read back

    def find(self, conn: Connection, wanted: Sequence[tuple[str, Fingerprint]]) -> list[Copy | None]:
        """For each (key, fingerprint), in order, the original it copies, or None; an article
        that copies nothing becomes a candidate original for the ones after it."""
        stored_by_band, stored_by_hash = _stored_candidates(conn, [fp for _, fp in wanted])
        found: list[Copy | None] = []
        for key, fp in wanted:
            names = set(self.by_hash.get(fp.text_hash, ())) | stored_by_hash.get(fp.text_hash, set())
            for band in fp.bands:
                names |= self.by_band.get(band, set()) | stored_by_band.get(band, set())
            names.discard(key)
            copy = self._best(conn, fp, names)
            if copy is None:
                self.remember(key, fp)
            found.append(copy)
        return found

    def _best(self, conn: Connection, fp: Fingerprint, names: set[str]) -> Copy | None:
        best: Copy | None = None
        for name, other in self._fingerprints(conn, names):
            if not fp.may_copy(other):
                continue
            score = fp.similarity(other)
            if score >= NEAR_THRESHOLD and (best is None or score > best.similarity):  # names come sorted
                best = Copy(name, score)
        return best

    def _fingerprints(self, conn: Connection, names: set[str]) -> list[tuple[str, Fingerprint]]:
        out = [(name, self.recent[name]) for name in sorted(names) if name in self.recent]
        missing = sorted(n for n in names if n not in self.recent and n not in self.stored)
        for chunk in chunked(missing):
            query = select(articles.c.id, articles.c.text, articles.c.text_sha256, articles.c.published).where(
                articles.c.id.in_(chunk), articles.c.similarity.is_(None))
            read = {row.id: fingerprint(row.text, row.text_sha256, row.published) for row in conn.execute(query)}
            for name in chunk:
                self._keep_stored(name, read.get(name))
        out += [(n, fp) for n in sorted(names) if n not in self.recent and (fp := self.stored.get(n)) is not None]
        return out

    def _keep_stored(self, name: str, fp: Fingerprint | None) -> None:
        self.stored[name] = fp
        if len(self.stored) > self.limit:
            self.stored.popitem(last=False)

    def remember(self, key: str, fp: Fingerprint) -> None:
        self.forget(key)
        self.recent[key] = fp
        self.by_hash.setdefault(fp.text_hash, set()).add(key)
        for band in fp.bands:
            self.by_band.setdefault(band, set()).add(key)
        while len(self.recent) > self.limit:
            self.forget(next(iter(self.recent)))

    def forget(self, key: str) -> None:
        """Drop ``key`` from memory (its text changed, or it is old enough to be stored)."""
        self.stored.pop(key, None)
        fp = self.recent.pop(key, None)
        if fp is None:
            return
        _discard(self.by_hash, fp.text_hash, key)
        for band in fp.bands:
            _discard(self.by_band, band, key)


def _discard(index: dict[Any, set[str]], at: Any, key: str) -> None:
    names = index.get(at)
    if names is not None:
        names.discard(key)
        if not names:
            del index[at]


def _stored_candidates(
    conn: Connection, fps: Sequence[Fingerprint]
) -> tuple[dict[int, set[str]], dict[str, set[str]]]:
    """Stored originals sharing a band key or the text hash with any of ``fps`` (two queries)."""
    by_band: dict[int, set[str]] = {}
    by_hash: dict[str, set[str]] = {}
    bands = sorted({b for fp in fps for b in fp.bands})
    for chunk in chunked(bands):
        rows = conn.execute(select(article_bands.c.band, article_bands.c.article_id)
                            .where(article_bands.c.band.in_(chunk)))
        for row in rows:
            by_band.setdefault(row.band, set()).add(row.article_id)
    hashes = sorted({fp.text_hash for fp in fps})
    for chunk in chunked(hashes):
        rows = conn.execute(select(articles.c.id, articles.c.text_sha256).where(
            articles.c.text_sha256.in_(chunk), articles.c.similarity.is_(None)))
        for row in rows:
            by_hash.setdefault(row.text_sha256, set()).add(row.id)
    return by_band, by_hash


def write_bands(
    conn: Connection, key: str, fp: Fingerprint | None, *, replacing: bool, later: NewRows | None = None
) -> None:
    """Store the band keys of ``key`` (none for a copy, or when ``fp`` is None), replacing the
    ones stored for an earlier text; a new article's go to ``later`` when given."""
    if replacing:
        conn.execute(delete(article_bands).where(article_bands.c.article_id == key))
    if fp is not None and fp.bands:
        rows = [{"band": b, "article_id": key} for b in sorted(set(fp.bands))]
        if later is not None and not replacing:
            later.bands.extend(rows)
        else:
            conn.execute(insert(article_bands), rows)


# -- a copy's reports --------------------------------------------------------------------------


@dataclass(slots=True)
class CopiedArticle:
    """What storing a copy needs from its original, re-anchored on the copy's text."""

    events: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    pipeline: dict[str, Any]
    language: str | None


NOT_STORED, MOVED = "not stored", "moved"  # why an article could not be stored as a copy


def copy_from(conn: Connection, original: str, text: str) -> CopiedArticle | str:
    """The original's events and mentions with every span moved onto ``text``; else why not:
    NOT_STORED (the original failed, or was corrected meanwhile) or MOVED (a piece of its
    evidence is not found in ``text``)."""
    row = conn.execute(select(articles.c.text, articles.c.meta).where(
        articles.c.id == original, articles.c.similarity.is_(None))).first()
    if row is None:
        return NOT_STORED
    source_text, meta = row.text, dict(row.meta)
    slack = abs(len(text) - len(source_text)) + REANCHOR_WINDOW
    events: list[dict[str, Any]] = []
    query = select(reports.c.event, reports.c.evidence).where(reports.c.article_id == original).order_by(reports.c.n)
    for report in conn.execute(query):
        evidence = [_moved(span, text, slack) for span in report.evidence]
        if any(span is None for span in evidence):
            return MOVED
        events.append({**dict(report.event), "evidence": evidence})
    stored_mentions = conn.execute(select(article_mentions.c.mentions).where(
        article_mentions.c.article_id == original)).scalar()
    mentions = [m for m in (_moved(span, text, slack) for span in stored_mentions or []) if m is not None]
    article = meta.get("article", {})
    return CopiedArticle(events, mentions, meta.get("pipeline", {}), article.get("language"))


def _moved(span: dict[str, Any], text: str, slack: int) -> dict[str, Any] | None:
    """``span`` (with start, end and text) at the nearest place ``text`` holds its words."""
    words, start = span.get("text"), span.get("start")
    if not isinstance(words, str) or not isinstance(start, int) or not words:
        return dict(span)  # a span without words to look for (none are written so) stays as it is
    at = _nearest(text, words, start, slack)
    if at is None:
        return None
    return {**span, "start": at, "end": at + len(words)}


def _nearest(text: str, words: str, start: int, slack: int) -> int | None:
    if text.startswith(words, start):
        return start
    lo, hi = max(start - slack, 0), min(start + slack + len(words), len(text))
    best: int | None = None
    at = text.find(words, lo, hi)
    while at >= 0:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(words, at + 1, hi)
    return best
