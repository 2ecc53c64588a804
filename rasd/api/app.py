"""The REST API (FastAPI): ``create_app(db_url)`` gives the ASGI application that ``rasd serve``
runs with uvicorn. Every route is under /api/v1 and documented at /api/v1/openapi.json.

Errors are JSON (:class:`rasd.api.models.ErrorBody`) with a 4xx status for anything a request
got wrong: a bad filter, date, cursor or id, a body too large or not JSON. A 5xx means Rasd or
its database failed, never the input.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import APIKeyHeader
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.api import models
from rasd.api.limits import BodyLimit
from rasd.api.streams import stream_export
from rasd.store.browse import (
    DEFAULT_SORT,
    GROUPS,
    MAX_CELLS,
    MAX_PAGE,
    PERIODS,
    SORTS,
    BrowseError,
    NotFound,
    article_detail,
    changes_since,
    event_detail,
    event_features,
    events_page,
    map_cells,
    stats,
)
from rasd.store.errors import StoreError
from rasd.store.filters import BBox, ExportFilter, FilterError, parse_stamp
from rasd.store.store import READ, WRITE, Store, open_store

API = "/api/v1"
DEFAULT_MAX_BODY = 5 * 1024 * 1024
MAX_GEOJSON = 100_000
# what a map needs of each event (GET /events.geojson without fields=; fields=all gives every one)
MAP_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "fatalities", "injured", "location",
              "admin1", "country", "actor1", "actor2", "grading", "source_count", "geo_precision")
EXPORT_MEDIA = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


class ApiError(Exception):
    def __init__(self, status: int, kind: str, message: str) -> None:
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    api_key: str | None = None
    read_only: bool = False
    max_body: int = DEFAULT_MAX_BODY
    cors_origins: tuple[str, ...] = ()
    tiles: str | None = None  # an online tile layer's URL template, only when configured
    tiles_attribution: str | None = None


def create_app(db_url: str, *, api_key: str | None = None, read_only: bool = False,
               max_body: int = DEFAULT_MAX_BODY, cors_origins: tuple[str, ...] = (), tiles: str | None = None,
               tiles_attribution: str | None = None) -> FastAPI:
    """The application; the database is opened at the first request (created when writes are on)."""
    settings = Settings(db_url, api_key or None, read_only, max_body, tuple(cors_origins), tiles, tiles_attribution)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if app.state.store is not None:
                app.state.store.close()
                app.state.store = None

    app = FastAPI(title="Rasd", version="1", lifespan=lifespan, openapi_url=f"{API}/openapi.json",
                  docs_url=f"{API}/docs", redoc_url=None,
                  description="Conflict events coded from Arabic news, with the evidence for every value.")
    app.state.settings = settings
    app.state.store = None  # opened at the first request that needs it
    app.state.open_lock = threading.Lock()
    app.state.write_lock = threading.Lock()
    app.add_middleware(BodyLimit, max_bytes=max_body)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key"])
    _errors(app)
    _routes(app)
    _dashboard(app)
    return app


STATIC = Path(__file__).parent / "static"


def _dashboard(app: FastAPI) -> None:
    """The dashboard: one page and its files (the vendored libraries and map data included)."""
    from fastapi.responses import FileResponse
    from fastapi.staticfiles import StaticFiles

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    settings: Settings = app.state.settings
    policy = content_policy(settings.tiles)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff"})


def content_policy(tiles: str | None) -> str:
    """The page loads nothing from elsewhere (the basemap ships in the package), except the tile
    server when one is configured."""
    images = "'self' data:"
    if tiles:
        from urllib.parse import urlsplit

        parts = urlsplit(tiles.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parts.netloc
        images += f" {parts.scheme}://{host}"
    return (f"default-src 'self'; img-src {images}; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


# -- errors ------------------------------------------------------------------------------------


def _error(status: int, kind: str, message: str, details: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": kind, "message": message}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.kind, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [_detail(e) for e in exc.errors()]
        message = "; ".join(f"{d['where']}: {d['problem']}" for d in details[:5])
        return _error(400, "bad_request", message or "the request is not valid", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, kind, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "database_unavailable", str(exc))


def _detail(error: dict[str, Any]) -> dict[str, Any]:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "request"
    problem = str(error.get("msg", "not valid"))
    given = error.get("input")
    out: dict[str, Any] = {"where": where, "problem": problem}
    if isinstance(given, str | int | float) and len(str(given)) <= 200:
        out["given"] = given
    return out


# -- parameters --------------------------------------------------------------------------------


def event_filter(
    since: Annotated[date | None, Query(description="events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="events on or before this day")] = None,
    country: Annotated[str | None, Query(max_length=200)] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    event_type: Annotated[str | None, Query(max_length=200)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="text in actor1 or actor2")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    grading: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=200, description="an outlet that reported the event")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the notes, location or actors")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="minlon,minlat,maxlon,maxlat")] = None,
    updated_since: Annotated[str | None, Query(max_length=60, description="ISO 8601 time")] = None,
) -> ExportFilter:
    """The filters of ``rasd export``, as query parameters."""
    try:
        return ExportFilter(
            since=since, until=until, country=country, admin1=admin1, event_type=event_type,
            sub_event_type=sub_event_type, actor=actor, min_fatalities=min_fatalities, grading=grading,
            source=source, text=q, bbox=BBox.parse(bbox) if bbox else None,
            updated_since=parse_stamp(updated_since) if updated_since else None,
        )
    except FilterError as exc:
        raise ApiError(400, "bad_request", str(exc)) from None


Filter = Annotated[ExportFilter, Depends(event_filter)]


def _store(request: Request) -> Store:
    state = request.app.state
    if state.store is None:
        with state.open_lock:
            if state.store is None:
                settings: Settings = state.settings
                state.store = open_store(settings.db_url, READ if settings.read_only else WRITE)
    return state.store


def _reading(request: Request) -> Iterator[Any]:
    with _store(request).reading() as conn:
        yield conn


Conn = Annotated[Any, Depends(_reading)]

_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="needed for writes when the "
                           "server is started with an API key")


def _may_write(request: Request, key: Annotated[str | None, Depends(_key_header)]) -> None:
    settings: Settings = request.app.state.settings
    if settings.read_only:
        raise ApiError(403, "read_only", "this server was started read-only (rasd serve --read-only)")
    if settings.api_key and not (key and hmac.compare_digest(key.encode(), settings.api_key.encode())):
        raise ApiError(401, "unauthorized", "writes need the server's API key in the X-API-Key header")


def _json_body(request: Request) -> None:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise ApiError(415, "unsupported_media_type",
                       f"send JSON (Content-Type: application/json), not {kind or 'nothing'}")


def _fields(fields: str | None) -> list[str] | None:
    if not fields:
        return None
    asked = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in asked if f not in models.EVENT_FIELD_NAMES]
    if unknown:
        raise ApiError(400, "bad_request", f"fields: unknown {', '.join(unknown[:5])} (known: event fields such as "
                       "event_id, event_date, event_type, fatalities, latitude, longitude)")
    return ["event_id", *[f for f in asked if f != "event_id"]]


# -- routes ------------------------------------------------------------------------------------

ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": models.ErrorBody}, 404: {"model": models.ErrorBody}}


def _routes(app: FastAPI) -> None:
    @app.get(f"{API}/events", response_model=models.EventPage, response_model_exclude_unset=True,
             responses=ERRORS, tags=["events"], summary="Fused events, filtered, one page at a time")
    def list_events(
        conn: Conn, flt: Filter,
        sort: Annotated[str, Query(description=f"one of {', '.join(SORTS)}")] = DEFAULT_SORT,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        fields: Annotated[str | None, Query(max_length=2000, description="comma-separated event fields")] = None,
    ) -> Any:
        wanted = _fields(fields)
        try:
            page = events_page(conn, flt, sort=sort, cursor=cursor, limit=limit)
        except BrowseError as exc:
            raise ApiError(400, "bad_request", str(exc)) from None
        events = page.events if wanted is None else [{k: e.get(k) for k in wanted} for e in page.events]
        return {"events": events, "next_cursor": page.next_cursor}

    @app.get(f"{API}/events.geojson", responses=ERRORS, tags=["events"],
             summary="Fused events with coordinates as a GeoJSON FeatureCollection",
             response_class=JSONResponse)
    def events_geojson(
        conn: Conn, flt: Filter,
        limit: Annotated[int, Query(ge=1, le=MAX_GEOJSON)] = 10_000,
        fields: Annotated[str | None, Query(max_length=2000, description="properties to keep (comma-separated; "
                                            "default: what a map shows; all: every field)")] = None,
    ) -> Any:
        wanted = None if fields == "all" else _fields(fields) or list(MAP_FIELDS)
        features = event_features(conn, flt, limit=limit, fields=wanted)
        return JSONResponse({"type": "FeatureCollection", "features": features},
                            media_type="application/geo+json")

    @app.get(f"{API}/config", tags=["dashboard"], summary="What the dashboard needs to know about this server")
    def config(request: Request) -> dict[str, Any]:
        settings: Settings = request.app.state.settings
        return {"tiles": settings.tiles, "tiles_attribution": settings.tiles_attribution,
                "read_only": settings.read_only, "writes_need_key": bool(settings.api_key)}

    @app.get(f"{API}/map", response_model=models.MapCells, responses=ERRORS, tags=["events"],
             summary="Located events grouped in grid cells for a map at a zoom level (clustered by the database)")
    def map_view(
        conn: Conn, flt: Filter,
        zoom: Annotated[int, Query(ge=0, le=20, description="the map's zoom level")] = 3,
    ) -> Any:
        cells = map_cells(conn, flt, zoom=zoom)
        return {"zoom": zoom, "cells": cells, "truncated": len(cells) >= MAX_CELLS}

    @app.get(f"{API}/export", responses=ERRORS, tags=["events"],
             summary="Every event the filters select, streamed as ACLED CSV, GeoJSON, Parquet or JSONL")
    def export(
        request: Request, flt: Filter,
        format: Annotated[str, Query(pattern="^(acled-csv|geojson|parquet|jsonl)$")] = "acled-csv",
    ) -> StreamingResponse:
        media, suffix = EXPORT_MEDIA[format]
        return StreamingResponse(stream_export(_store(request), format, flt), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="rasd-events.{suffix}"'})

    @app.get(f"{API}/events/{{event_id}}", response_model=models.EventDetail, responses=ERRORS, tags=["events"],
             summary="One event: every field, every report with its outlet, toll and evidence")
    def get_event(conn: Conn, event_id: str) -> Any:
        try:
            return event_detail(conn, event_id)
        except NotFound as exc:
            raise ApiError(404, "not_found", str(exc)) from None

    @app.get(f"{API}/changes", response_model=models.Changes, responses=ERRORS, tags=["events"],
             summary="Events created, updated, merged or deleted since a time")
    def changes(
        conn: Conn,
        since: Annotated[str, Query(max_length=60, description="ISO 8601 time")],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
    ) -> Any:
        try:
            after = parse_stamp(since)
        except FilterError as exc:
            raise ApiError(400, "bad_request", f"since: {exc}") from None
        found = changes_since(conn, after, limit)
        return {"changes": found, "next_since": found[-1]["at"] if len(found) == limit else None}

    @app.get(f"{API}/stats", response_model=models.Stats, response_model_exclude_none=True, responses=ERRORS,
             tags=["events"],
             summary="Events and fatalities per day, week or month and per type, country, admin1, actor")
    def get_stats(conn: Conn, flt: Filter,
                  period: Annotated[str, Query(description=f"one of {', '.join(PERIODS)}")] = "day",
                  groups: Annotated[str | None, Query(max_length=200, description="comma-separated, among "
                                                      f"{', '.join(GROUPS)} (default: all)")] = None) -> Any:
        asked = tuple(g.strip() for g in groups.split(",") if g.strip()) if groups else GROUPS
        try:
            return stats(conn, flt, period, asked)
        except BrowseError as exc:
            raise ApiError(400, "bad_request", str(exc)) from None

    @app.get(f"{API}/articles/{{article_id:path}}", response_model=models.ArticleOut, responses=ERRORS,
             tags=["articles"], summary="One article: text, mentions, reports and the events they fed")
    def get_article(conn: Conn, article_id: str) -> Any:
        try:
            return article_detail(conn, article_id)
        except NotFound as exc:
            raise ApiError(404, "not_found", str(exc)) from None

    @app.post(f"{API}/extract", response_model=models.ExtractOut,
              responses={**ERRORS, 415: {"model": models.ErrorBody}},
              tags=["articles"], summary="Extract the events of one article; nothing is stored",
              dependencies=[Depends(_json_body)])
    def extract(article: models.ArticleIn) -> Any:
        from rasd.api.ingest import extract_one

        return extract_one(article)

    @app.post(f"{API}/articles", response_model=models.IngestOut,
              responses={**ERRORS, 401: {"model": models.ErrorBody}, 403: {"model": models.ErrorBody},
                         413: {"model": models.ErrorBody}, 415: {"model": models.ErrorBody}},
              tags=["articles"], summary="Store articles (one, or {\"articles\": [...]}) as rasd ingest does",
              dependencies=[Depends(_json_body), Depends(_may_write)])
    def post_articles(request: Request, body: models.ArticlesIn | models.ArticleIn) -> Any:
        from rasd.api.ingest import ingest

        items = body.articles if isinstance(body, models.ArticlesIn) else [body]
        with request.app.state.write_lock:
            return ingest(_store(request), items)
