"""JSONL: one fused event a line, with every report merged into it and its evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from sqlalchemy import Connection

from rasd.export.geojson import dumps
from rasd.export.rows import reports_of


def write_jsonl(chunks: Iterable[list[dict[str, Any]]], out: TextIO, conn: Connection) -> int:
    """Each line: the fused event's columns and ``reports`` (outlet, url, published, what the
    report said, its evidence cut from the stored article text, and the link's score). Reports
    are fetched once per chunk of events."""
    count = 0
    for chunk in chunks:
        merged = reports_of(conn, [event["event_id"] for event in chunk])
        for event in chunk:
            out.write(dumps({**event, "reports": merged[event["event_id"]]}))
            out.write("\n")
        count += len(chunk)
    return count
