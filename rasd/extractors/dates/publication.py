"""The publication day an article's relative dates are anchored on.

``doc.meta.published`` may be an ISO date, an ISO datetime with or without an offset, or an
RFC 2822 string ("Mon, 05 Feb 2018 10:22:00 GMT"). ``doc.meta.timezone`` (IANA) says where the
article was published: an aware datetime is converted to that zone, a naive one is read in
it. The *local* calendar day is what "today" means (00:30 on Monday in Beirut is Monday, even
though it is Sunday in UTC). Without a usable ``published``, a dateline in the first
characters of the text ("بنغازي - 30 يونيو 2015 (رويترز) -") gives the day. The process's own
clock and time zone are never consulted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rasd.document import Document
from rasd.extractors.dates.parse import YEAR_MAX, YEAR_MIN, Expr, is_dateline

DATELINE_CHARS = 200
ISO_DATE_LEN = 10


@dataclass(frozen=True, slots=True)
class PublicationInfo:
    date: date | None
    source: str  # "meta" | "dateline" | "none"
    reason: str | None = None

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_published(published: str | None, timezone: str | None = None) -> date | None:
    """The local publication day of a ``published`` string, or None when unreadable or outside
    the years news can be from (YEAR_MIN..YEAR_MAX: "yesterday" of 0001-01-01 is no day)."""
    text = (published or "").strip()
    if not text:
        return None
    moment = _parse_moment(text)
    if moment is None:
        return None
    if isinstance(moment, datetime):
        zone = _zone(timezone)
        if moment.tzinfo is not None and zone is not None:
            try:
                moment = moment.astimezone(zone)
            except OverflowError:
                return None
        moment = moment.date()
    return moment if YEAR_MIN <= moment.year <= YEAR_MAX else None


def known_zone(name: str) -> bool:
    return _zone(name) is not None


def publication_hour(published: str | None, timezone: str | None = None) -> int | None:
    """The local hour of publication when ``published`` carries a time (else None)."""
    moment = _parse_moment((published or "").strip()) if published else None
    if not isinstance(moment, datetime):
        return None
    zone = _zone(timezone)
    if moment.tzinfo is not None and zone is not None:
        try:
            moment = moment.astimezone(zone)
        except OverflowError:
            return None
    return moment.hour


def _parse_moment(text: str) -> date | datetime | None:
    if len(text) == ISO_DATE_LEN:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def meta_publication(doc: Document) -> PublicationInfo | None:
    if not doc.meta.published:
        return None
    day = parse_published(doc.meta.published, doc.meta.timezone)
    if day is None:
        return None
    return PublicationInfo(day, "meta")


def dateline_expr(doc: Document, exprs: Sequence[Expr]) -> Expr | None:
    """The first absolute date in the article's opening characters set off like a dateline."""
    for expr in exprs:
        if doc.tokens[expr.tok_start].start >= DATELINE_CHARS:
            break
        if expr.key == "absolute" and is_dateline(doc.tokens, expr):
            return expr
    return None


def dateline_publication(doc: Document, exprs: Sequence[Expr]) -> PublicationInfo | None:
    """Publication day from a dateline; a dateline without a year takes the latest year
    written in the article's other full dates."""
    expr = dateline_expr(doc, exprs)
    if expr is None or expr.month is None or expr.day is None or expr.calendar != "gregorian":
        return None
    year = expr.year
    reason = None
    if year is None:
        years = [e.year for e in exprs if e.year is not None and e.year >= YEAR_MIN]
        if not years:
            return PublicationInfo(None, "none", "dateline without a year")
        year, reason = max(years), "dateline year taken from the article's dates"
    try:
        return PublicationInfo(date(year, expr.month, expr.day), "dateline", reason)
    except ValueError:
        return None


def resolve_publication(doc: Document) -> PublicationInfo:
    """Where the article's "today" comes from: metadata, else a dateline, else nothing."""
    info = meta_publication(doc)
    if info is not None:
        return info
    for mention in doc.mentions:
        if mention.kind == "date" and mention.value.get("dateline") and mention.value.get("date"):
            return PublicationInfo(date.fromisoformat(mention.value["date"]), "dateline")
    if doc.tokens and "dates" not in doc.stages:
        from rasd.extractors.dates.stage import parse_document

        found = dateline_publication(doc, parse_document(doc))
        if found is not None:
            return found
    reason = "unreadable published value" if doc.meta.published else "no publication date"
    return PublicationInfo(None, "none", reason)
