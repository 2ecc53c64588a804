"""Streaming: chunked reads from a yield_per cursor, reports fetched per chunk, output written as
it goes, Parquet in row groups."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from export_data import LIVE_ORDER
from sqlalchemy import event

from rasd.export import ExportFilter, export_events
from rasd.export.acled import write_csv
from rasd.export.geojson import write_geojson
from rasd.export.parquet import COLUMN_TYPES, write_parquet
from rasd.export.rows import event_chunks
from rasd.store import open_store
from rasd.store.schema import events

INTERNAL_COLUMNS = {"extra", "place_id", "actor1_id", "actor2_id", "fingerprint", "deleted"}


def test_events_come_in_chunks_from_a_yield_per_cursor(crafted_db: str) -> None:
    seen: list[dict[str, Any]] = []
    with open_store(crafted_db) as store:

        @event.listens_for(store.engine, "before_cursor_execute")
        def _spy(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
            if "FROM events" in statement:
                seen.append(dict(context.execution_options))

        with store.reading() as conn:
            chunks = list(event_chunks(conn, ExportFilter(), chunk=2))
    assert [len(c) for c in chunks] == [2, 2, 1]
    assert [e["event_id"] for c in chunks for e in c] == LIVE_ORDER
    assert seen and seen[0].get("yield_per") == 2 and seen[0].get("stream_results")


def test_jsonl_fetches_reports_once_per_chunk_not_per_event(crafted_db: str) -> None:
    statements: list[str] = []
    with open_store(crafted_db) as store:

        @event.listens_for(store.engine, "before_cursor_execute")
        def _count(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
            statements.append(statement)

        with store.reading() as conn:
            out = io.BytesIO()
            count = export_events(conn, "jsonl", ExportFilter(include_merged=True), out, chunk=3)
    assert count == 6
    report_queries = [s for s in statements if "FROM event_reports" in s]
    assert len(report_queries) == 2  # 6 events in chunks of 3: two queries, not six
    article_queries = [s for s in statements if "FROM articles" in s]
    assert len(article_queries) == 1  # only the first chunk has an article behind it


def _checked_chunks(out: io.StringIO, sizes: list[int]) -> Iterator[list[dict[str, Any]]]:
    """Chunks of fake events that check that what came before is already written out."""
    written = -1
    n = 0
    for size in sizes:
        assert len(out.getvalue()) > written, "the previous chunk was not written before the next was read"
        written = len(out.getvalue())
        chunk = []
        for _ in range(size):
            n += 1
            chunk.append({"event_id": f"ev-{n}", "latitude": 1.0, "longitude": 2.0, "outlets": ["X"]})
        yield chunk


def test_geojson_and_csv_are_written_as_the_rows_come() -> None:
    for writer in (write_geojson, write_csv):
        out = io.StringIO()
        assert writer(_checked_chunks(out, [2, 2, 2]), out) == 6


def test_parquet_row_groups(crafted_db: str, tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    with open_store(crafted_db) as store, store.reading() as conn:
        count = write_parquet(event_chunks(conn, ExportFilter(include_merged=True), chunk=4), str(path), row_group=2)
    assert count == 6
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups == 3 and meta.num_rows == 6


def test_empty_exports_are_valid(crafted_db: str, tmp_path: Path) -> None:
    import json

    flt = ExportFilter(country="Atlantis")
    with open_store(crafted_db) as store, store.reading() as conn:
        outputs = {}
        for fmt in ("acled-csv", "geojson", "jsonl"):
            out = io.BytesIO()
            assert export_events(conn, fmt, flt, out) == 0
            outputs[fmt] = out.getvalue().decode("utf-8")
        with (tmp_path / "e.parquet").open("wb") as fh:
            assert export_events(conn, "parquet", flt, fh) == 0
    assert outputs["acled-csv"].count("\n") == 1  # the header only
    assert json.loads(outputs["geojson"]) == {"type": "FeatureCollection", "features": []}
    assert outputs["jsonl"] == ""
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def test_parquet_types_every_events_column() -> None:
    exported = {c.name for c in events.columns} - INTERNAL_COLUMNS
    assert exported <= set(COLUMN_TYPES), sorted(exported - set(COLUMN_TYPES))
