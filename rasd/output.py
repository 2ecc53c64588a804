"""Rendering documents: the JSON output contract and a readable terminal table."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from rasd.document import Document

# Unicode isolates let a bidi-aware terminal lay out Arabic right-to-left inside a
# left-to-right table without reordering the surrounding columns.
RLI, PDI = "\u2067", "\u2069"

TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_date", "date"),
    ("time_precision", "tp"),
    ("sub_event_type", "sub-event type"),
    ("location", "location"),
    ("country", "country"),
    ("geo_precision", "gp"),
    ("fatalities", "killed"),
    ("injured", "injured"),
    ("actor1", "actor 1"),
    ("actor2", "actor 2"),
    ("reported_by", "reported by"),
)


def document_dict(doc: Document, *, mentions: bool = True) -> dict[str, Any]:
    data = doc.to_dict()
    if not mentions:
        data.pop("mentions")
    return data


def render_document(doc: Document, *, pretty: bool = True, mentions: bool = True) -> str:
    data = document_dict(doc, mentions=mentions)
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    text = str(value)
    return f"{RLI}{text}{PDI}" if _has_rtl(text) else text


def _width(text: str) -> int:
    return sum(0 if unicodedata.category(ch) in ("Mn", "Cf") else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_table(doc: Document) -> str:
    title = doc.meta.title or doc.meta.id or "article"
    lines = [f"# {_cell(title)} ({len(doc.text)} chars, {len(doc.events)} event(s))"]
    if not doc.events:
        lines.append("no events found")
        return "\n".join(lines)
    rows = [[label for _, label in TABLE_COLUMNS]]
    for event in doc.events:
        data = event.to_dict()
        rows.append([_cell(data.get(key)) for key, _ in TABLE_COLUMNS])
    widths = [max(_width(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
    for n, row in enumerate(rows):
        lines.append("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    for i, event in enumerate(doc.events, 1):
        if event.notes:
            lines.append(f"[{i}] {event.notes}")
        for ev in event.evidence:
            lines.append(f"    {ev.field}: {_cell(ev.text)} @{ev.start}-{ev.end}")
    return "\n".join(lines)
