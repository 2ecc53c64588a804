"""A report: one event extracted from one article, as fusion sees it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

# Generic actor names carry no identity: two reports naming "Unidentified Armed Group (Iraq)" and
# "Islamic State (Iraq)" do not disagree on the perpetrator, the second one is just more specific.
GENERIC_ACTOR_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")


@dataclass(frozen=True, slots=True)
class Report:
    """One extracted event of one article (``event`` is an event of the output contract)."""

    report_id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: str | None
    event: Mapping[str, Any] = field(compare=False, hash=False)

    @property
    def country(self) -> str | None:
        return self.event.get("country")

    @property
    def block(self) -> str | None:
        """The fusion block of its country (:mod:`rasd.fusion.blocks`)."""
        from rasd.fusion.blocks import block_of

        return block_of(self.country)

    @property
    def day(self) -> date | None:
        return parse_day(self.event.get("event_date"))

    @property
    def date_told(self) -> bool:
        """The article says when (a date mention is the evidence); otherwise the day is the
        publication day, and the incident may as well be of the night or the day before."""
        evidence = self.event.get("evidence")
        if evidence is None:
            return True  # a report without evidence (a bare record): nothing says the day was guessed
        return any(e.get("field") == "event_date" for e in evidence)

    @property
    def precision(self) -> int:
        return int(self.event.get("time_precision") or 3)

    @property
    def point(self) -> tuple[float, float] | None:
        """The incident's coordinates; none when the report places it only in its country."""
        if self.event.get("location") and self.event.get("location") == self.event.get("country"):
            return None
        lat, lon = self.event.get("latitude"), self.event.get("longitude")
        return None if lat is None or lon is None else (float(lat), float(lon))

    @property
    def geo_precision(self) -> int:
        return int(self.event.get("geo_precision") or 3)

    @property
    def published_at(self) -> datetime:
        """Publication time (UTC); unknown sorts last so that dated reports lead."""
        return publication_time(self.published)

    @property
    def is_recap(self) -> bool:
        return bool(self.event.get("recap"))

    @property
    def claimed_by(self) -> str | None:
        return self.event.get("claimed_by")

    def count(self, key: str) -> int | None:
        value = self.event.get(key)
        return None if value is None else int(value)

    def named_actor(self, key: str) -> str | None:
        """``actor1``/``actor2`` when it names a specific actor (not a generic one)."""
        name = self.event.get(key)
        if not name or str(name).startswith(GENERIC_ACTOR_PREFIXES):
            return None
        return str(name)


def parse_day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def publication_time(published: Any) -> datetime:
    """The time reports sort by (UTC); an unknown publication time sorts last."""
    return parse_time(published) or datetime.max.replace(tzinfo=UTC)


def parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        day = parse_day(value)
        return None if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def report_from_event(article: Mapping[str, Any], n: int, event: Mapping[str, Any]) -> Report:
    """The ``n``-th event (1-based) of an article's output contract as a report."""
    article_id = str(article.get("id") or article.get("text_sha256") or "")
    return Report(
        report_id=f"{article_id}:{n}",
        article_id=article_id,
        outlet=article.get("source"),
        url=article.get("url"),
        published=article.get("published"),
        event=dict(event),
    )


def canonical_key(report: Report) -> tuple:
    """The order fusion reads reports in: publication time, then id (never arrival order)."""
    return (report.published_at, report.report_id)
