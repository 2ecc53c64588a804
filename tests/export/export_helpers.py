"""Running ``rasd export`` in-process and reading its output back."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select


@dataclass
class Run:
    rc: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")

    def csv_rows(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.text, newline="")))

    def jsonl(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.text.splitlines()]

    def geojson(self) -> dict[str, Any]:
        return json.loads(self.text)


def export(url: str, *argv: str) -> Run:
    """``rasd export --db URL ARGV…`` through the real argument parser, output captured."""
    from rasd.cli import build_parser

    args = build_parser().parse_args(["export", "--db", url, *argv])
    out, err = io.BytesIO(), io.StringIO()
    rc = args.handler(args, out=out, err=err)
    return Run(rc, out.getvalue(), err.getvalue())


def ids(url: str, *argv: str) -> list[str]:
    """Event ids exported (JSONL), in export order."""
    run = export(url, "--format", "jsonl", *argv)
    assert run.rc == 0, run.err
    return [item["event_id"] for item in run.jsonl()]


def stored_live(url: str) -> list[dict[str, Any]]:
    """Live fused events straight from the table, as the store keeps them."""
    from rasd.store import open_store
    from rasd.store.schema import events

    with open_store(url) as store, store.reading() as conn:
        query = select(events).where(events.c.deleted.is_(False), events.c.merged_into.is_(None))
        return [dict(row._mapping) for row in conn.execute(query)]
