"""Terminal and JSON renderings of stored events (``rasd events``, ``rasd explain``, ``rasd db info``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from rasd.output import _cell, _pad, _width

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "event id"),
    ("event_date", "date"),
    ("time_precision", "tp"),
    ("sub_event_type", "sub-event type"),
    ("location", "location"),
    ("country", "country"),
    ("fatalities", "killed"),
    ("fatalities_range", "range"),
    ("injured", "injured"),
    ("actor1", "actor 1"),
    ("actor2", "actor 2"),
    ("source_count", "src"),
    ("grading", "grading"),
)


def _range(low: Any, high: Any) -> str | None:
    if low is None and high is None:
        return None
    if low == high:
        return str(low)
    return f"{'?' if low is None else low}-{'?' if high is None else high}"


def table(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def write_events_table(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    rows = [[label for _, label in EVENT_COLUMNS]]
    for item in items:
        data = dict(item, fatalities_range=_range(item.get("fatalities_min"), item.get("fatalities_max")))
        rows.append([_cell(data.get(key)) for key, _ in EVENT_COLUMNS])
    if len(rows) == 1:
        out.write("no events\n")
        return 0
    out.write("\n".join(table(rows)) + "\n")
    return len(rows) - 1


def write_events_json(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, written one event at a time."""
    count = 0
    out.write("[")
    for item in items:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def explain_text(data: dict[str, Any]) -> str:
    event = data["event"]
    lines: list[str] = []
    if len(data["merge_chain"]) > 1:
        lines.append(f"{data['asked']} was merged: " + " -> ".join(data["merge_chain"]))
    status = "deleted" if event["deleted"] else "live"
    lines.append(f"event {event['event_id']} ({status}; {event.get('grading') or '-'}, "
                 f"{event.get('source_count') or 0} source(s); confidence {event.get('confidence')})")
    lines.extend(_event_lines(event))
    lines.append(f"reports merged into it: {len(data['reports'])}")
    for n, report in enumerate(data["reports"], 1):
        lines.extend(_report_lines(n, report))
    return "\n".join(lines) + "\n"


def _event_lines(event: dict[str, Any]) -> list[str]:
    place = ", ".join(str(event[k]) for k in ("location", "admin1", "country") if event.get(k))
    return [
        f"  date: {event.get('event_date') or '-'} (precision {event.get('time_precision') or '-'})",
        f"  type: {event.get('event_type') or '-'} / {event.get('sub_event_type') or '-'}",
        f"  place: {place or '-'} ({event.get('latitude')}, {event.get('longitude')}); "
        f"geo precision {event.get('geo_precision') or '-'}",
        f"  actors: {_cell(event.get('actor1'))} / {_cell(event.get('actor2'))}",
        f"  killed: {_cell(event.get('fatalities'))} (min {_cell(event.get('fatalities_min'))}, "
        f"max {_cell(event.get('fatalities_max'))}, best {_cell(event.get('fatalities_best'))})",
        f"  injured: {_cell(event.get('injured'))} (min {_cell(event.get('injured_min'))}, "
        f"max {_cell(event.get('injured_max'))}, best {_cell(event.get('injured_best'))})",
        f"  outlets: {'; '.join(event.get('outlets') or []) or '-'}; "
        f"first seen {event.get('first_seen') or '-'}, last seen {event.get('last_seen') or '-'}",
        f"  notes: {event.get('notes') or '-'}",
    ]


def _report_lines(n: int, report: dict[str, Any]) -> list[str]:
    said = report["said"]
    lines = [
        f"[{n}] {report['report_id']}  {_cell(report['outlet'])}  published {report['published'] or '-'}",
        f"    url: {report['url'] or '-'}",
        f"    said: {said.get('event_date') or '-'} (precision {said.get('time_precision') or '-'}), "
        f"{said.get('sub_event_type') or '-'} at {said.get('location') or '-'}, "
        f"killed {_cell(said.get('fatalities'))} ({said.get('fatalities_qualifier') or '-'}), "
        f"injured {_cell(said.get('injured'))}, actors {_cell(said.get('actor1'))} / {_cell(said.get('actor2'))}"
        + (", a recap of an earlier incident" if said.get("is_recap") else ""),
    ]
    for ev in report["evidence"]:
        lines.append(f"    evidence {ev['field']}: {_cell(ev['text'])} @{ev['start']}-{ev['end']}")
    parts = ", ".join(f"{k}={_number(v)}" for k, v in sorted((report["parts"] or {}).items()))
    lines.append(f"    merged: score {_number(report['score'])}; {report['reason'] or '-'}"
                 + (f"; parts: {parts}" if parts else ""))
    return lines


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return "-" if value is None else str(value)


def info_text(info: dict[str, Any]) -> str:
    lines = [
        f"database: {info['database']} ({info['backend']}{', journal ' + info['journal'] if info['journal'] else ''})",
        f"schema revision: {info['revision'] or 'none'} (this Rasd: {info['head']}; {info['status']})",
    ]
    if info["tables"]:
        lines.append("rows: " + ", ".join(f"{k} {v}" for k, v in info["tables"].items()))
    if info.get("events"):
        lines.append("events: " + ", ".join(f"{k} {v}" for k, v in info["events"].items()))
    run = info.get("last_run")
    if run:
        lines.append(f"last run: #{run['id']} {run['command']} {run['status']}, started {run['started_at']}, "
                     f"finished {run['finished_at'] or '-'}, pipeline {run['pipeline_version']}, "
                     f"{run['errors']} error(s)")
    return "\n".join(lines) + "\n"
