"""Parquet through pyarrow: an explicit typed schema, written in row groups."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from rasd.export.rows import EVENT_COLUMNS

ROW_GROUP = 50_000
COMPRESSION = "zstd"

_TEXT = pa.string()
_SMALL = pa.int32()
_STAMP = pa.timestamp("us", tz="UTC")

# Every fused column, typed; a test checks that each column of the events table is here.
COLUMN_TYPES: dict[str, pa.DataType] = {
    "event_id": _TEXT,
    "event_date": pa.date32(),
    "time_precision": _SMALL,
    "disorder_type": _TEXT,
    "event_type": _TEXT,
    "sub_event_type": _TEXT,
    "actor1": _TEXT,
    "actor2": _TEXT,
    "inter1": _SMALL,
    "inter2": _SMALL,
    "interaction": _SMALL,
    "civilian_targeting": _TEXT,
    "iso": _SMALL,
    "region": _TEXT,
    "country": _TEXT,
    "admin1": _TEXT,
    "admin2": _TEXT,
    "admin3": _TEXT,
    "location": _TEXT,
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "geo_precision": _SMALL,
    "fatalities": _SMALL,
    "fatalities_min": _SMALL,
    "fatalities_max": _SMALL,
    "fatalities_best": _SMALL,
    "injured": _SMALL,
    "injured_min": _SMALL,
    "injured_max": _SMALL,
    "injured_best": _SMALL,
    "source_count": _SMALL,
    "outlets": pa.list_(_TEXT),
    "grading": _TEXT,
    "first_seen": _TEXT,  # ISO 8601 as the outlet published it (offset or not)
    "last_seen": _TEXT,
    "confidence": pa.float64(),
    "notes": _TEXT,
    "is_recap": pa.bool_(),
    "created_at": _STAMP,
    "updated_at": _STAMP,
    "merged_into": _TEXT,
}
# Fields the store keeps in the events' ``extra`` JSON that get a typed column of their own.
EXTRA_TYPES: dict[str, pa.DataType] = {"report_count": _SMALL}
EXTRA_JSON = "extra"  # any other extra field, as one JSON object text (null when none)

NOT_NULL = frozenset({"event_id"})


def schema() -> pa.Schema:
    # A column newer than this table (added by a later schema revision) comes out as text.
    fields = [pa.field(name, COLUMN_TYPES.get(name, _TEXT), nullable=name not in NOT_NULL) for name in EVENT_COLUMNS]
    fields += [pa.field(name, kind) for name, kind in EXTRA_TYPES.items()]
    fields.append(pa.field(EXTRA_JSON, _TEXT))
    return pa.schema(fields, metadata={"producer": "rasd export", "content": "fused conflict events"})


_KNOWN = frozenset(EVENT_COLUMNS) | frozenset(COLUMN_TYPES) | frozenset(EXTRA_TYPES)


def _rest(event: dict[str, Any]) -> str | None:
    rest = {k: v for k, v in event.items() if k not in _KNOWN}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True, default=str) if rest else None


class _Columns:
    """One chunk of events turned column-wise into an Arrow record batch."""

    def __init__(self, sch: pa.Schema) -> None:
        self.schema = sch
        self.names = [f.name for f in sch if f.name != EXTRA_JSON]
        self.as_text = frozenset(name for name in self.names if name not in COLUMN_TYPES and name not in EXTRA_TYPES)

    def batch(self, events: list[dict[str, Any]]) -> pa.RecordBatch:
        columns: dict[str, list[Any]] = {}
        for name in self.names:
            values = [event.get(name) for event in events]
            if name in self.as_text:
                values = [None if v is None else str(v) for v in values]
            columns[name] = values
        columns[EXTRA_JSON] = [_rest(event) for event in events]
        return pa.RecordBatch.from_pydict(columns, schema=self.schema)


def write_parquet(chunks: Iterable[list[dict[str, Any]]], out: str | IO[bytes], row_group: int = ROW_GROUP) -> int:
    """Write the events to ``out`` (a path or a binary file) in row groups of ``row_group`` rows.

    Each chunk of events becomes an Arrow record batch at once (compact, unlike Python rows);
    at most one row group of batches is held before it is written.
    """
    sch = schema()
    columns = _Columns(sch)
    pending: list[pa.RecordBatch] = []
    held = count = 0
    with pq.ParquetWriter(out, sch, compression=COMPRESSION) as writer:
        for chunk in chunks:
            if not chunk:
                continue
            pending.append(columns.batch(chunk))
            held += len(chunk)
            while held >= row_group:
                table = pa.Table.from_batches(pending, schema=sch)
                writer.write_table(table.slice(0, row_group), row_group_size=row_group)
                rest = table.slice(row_group)
                pending, held = rest.to_batches(), rest.num_rows
                count += row_group
        if held:
            writer.write_table(pa.Table.from_batches(pending, schema=sch), row_group_size=row_group)
            count += held
    return count
