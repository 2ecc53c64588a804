"""The API's JSON shapes (pydantic), which the OpenAPI schema documents.

The fused event's model is made from the event table's columns, so that a new column is
documented without a second list to keep in step.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

from rasd.store.schema import EVENT_FIELD_COLUMNS

MAX_BATCH = 100  # articles in one POST /articles


def _python_type(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Integer):
        return int
    if isinstance(kind, Float):
        return float
    if isinstance(kind, JSON):
        return list[str] | dict[str, Any]
    if isinstance(kind, Date | DateTime):
        return str  # ISO 8601
    return str


_EVENT_FIELDS: dict[str, Any] = {
    "event_id": (str | None, None),
    **{column.name: (_python_type(column) | None, None) for column in EVENT_FIELD_COLUMNS},
    "created_at": (str | None, None),
    "updated_at": (str | None, None),
    "merged_into": (str | None, None),
    "deleted": (bool | None, None),
}

Event = create_model(  # type: ignore[call-overload]
    "Event",
    __config__=ConfigDict(extra="allow"),
    __doc__="A fused event: ACLED's fields plus Rasd's (tolls with min/max, grading, outlets...); "
            "fields that have no column of their own follow. With ?fields=, only those asked.",
    **_EVENT_FIELDS,
)
EVENT_FIELD_NAMES: tuple[str, ...] = tuple(_EVENT_FIELDS)


class ErrorBody(BaseModel):
    error: str = Field(description="a short machine-readable kind: bad_request, not_found, ...")
    message: str = Field(description="what was wrong, for a person")
    details: list[dict[str, Any]] | None = None


class EventPage(BaseModel):
    events: list[Event]  # type: ignore[valid-type]
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page; null on the last page")


class Evidence(BaseModel):
    field: str
    start: int
    end: int
    text: str


class ReportOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    report_id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: str | None
    title: str | None
    said: dict[str, Any] = Field(description="what this report said: date, place, type, tolls, actors...")
    evidence: list[Evidence]
    score: float | None = Field(description="how strongly fusion tied it to the event")
    parts: dict[str, Any] | list[Any] | None
    reason: str | None = Field(description="why fusion put this report in this event")


class EventDetail(Event):  # type: ignore[valid-type,misc]
    reports: list[ReportOut]
    merged_from: list[str] = Field(description="events merged into this one")


class Change(BaseModel):
    event_id: str
    change: str = Field(description="created, updated, merged or deleted")
    at: str
    merged_into: str | None


class Changes(BaseModel):
    changes: list[Change]
    next_since: str | None = Field(description="pass as ?since= to continue; null when there is no more")


class Figure(BaseModel):
    value: Any
    events: int
    fatalities: int


class Stats(BaseModel):
    period: str
    total: dict[str, int]
    series: list[dict[str, Any]]
    by_event_type: list[Figure] | None = None
    by_sub_event_type: list[Figure] | None = None
    by_country: list[Figure] | None = None
    by_admin1: list[Figure] | None = None
    by_actor1: list[Figure] | None = None


class ArticleReport(BaseModel):
    report_id: str
    n: int
    event: dict[str, Any]
    evidence: list[dict[str, Any]]
    fused_event_id: str | None


class ArticleOut(BaseModel):
    id: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    text: str
    language: str | None
    copy_of: str | None
    similarity: float | None
    ingested_at: str | None
    updated_at: str | None
    warnings: list[str]
    mentions: list[dict[str, Any]]
    reports: list[ArticleReport]


class ArticleIn(BaseModel):
    """One article, as a JSONL line gives it."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article's text (Arabic)")
    id: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=300, description="the outlet")
    published: str | None = Field(default=None, max_length=40, description="ISO 8601 date or time")
    title: str | None = Field(default=None, max_length=2000)
    timezone: str | None = Field(default=None, max_length=60, description="IANA zone of the outlet")


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_BATCH)


class ArticleOutcome(BaseModel):
    input: int = Field(description="the article's place in the request, from 0")
    id: str | None
    outcome: str = Field(description="new, copied, unchanged, replaced or failed")
    events: int
    error: str | None = None


class IngestOut(BaseModel):
    run: int
    articles: list[ArticleOutcome]
    counts: dict[str, Any]


class ExtractOut(BaseModel):
    """The output contract of ``rasd extract``: the article, its events with evidence, every
    mention (the highlights), the pipeline's versions and any warnings."""

    model_config = ConfigDict(extra="allow")
    article: dict[str, Any]
    events: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    pipeline: dict[str, Any]
    warnings: list[str]


class MapCell(BaseModel):
    latitude: float
    longitude: float
    count: int
    fatalities: int
    event_type: str | None = Field(description="the cell's event type when all its events share it")
    event_id: str | None = Field(description="the event, when the cell holds one")
    event_date: str | None


class MapCells(BaseModel):
    zoom: int
    cells: list[MapCell]
    truncated: bool = Field(description="more cells than sent: narrow the bbox or filters")
