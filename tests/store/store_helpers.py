"""Helpers for the event database tests: test articles, running the CLI, table snapshots."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rasd.store import WRITE, open_store
from rasd.store.schema import metadata

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def need_postgres(reason: str) -> None:
    """Skip a PostgreSQL test, or fail it in CI where the server must be there."""
    import pytest

    if in_ci():
        pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)")
    pytest.skip(reason)


PG_ENV = "RASD_TEST_PG_URL"


def pg_server_url() -> Any:
    from sqlalchemy.engine import make_url

    raw = os.environ.get(PG_ENV)
    if not raw:
        need_postgres(f"{PG_ENV} is not set")
    return make_url(raw).set(drivername="postgresql+psycopg")


@contextmanager
def throwaway_database(prefix: str) -> Iterator[Any]:
    """A PostgreSQL database on the server ``RASD_TEST_PG_URL`` names, dropped at the end (the
    test is skipped without the variable, and fails in CI)."""
    import pytest
    from sqlalchemy import create_engine

    server = pg_server_url()
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"cannot create a test database on {server.render_as_string()}: {exc}")
    try:
        yield server.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


# -- articles ---------------------------------------------------------------------------------


def read_jsonl(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def generated_articles(count: int, copies_every: int = 0) -> list[dict[str, Any]]:
    """Many small articles from the templates in data/templates.json: each incident is told by
    two outlets, with slightly different tolls; with ``copies_every``, every so many articles
    are followed by a wire copy of theirs in another outlet (a byline line added)."""
    from datetime import date, timedelta

    spec = json.loads((DATA / "templates.json").read_text(encoding="utf-8"))
    towns, kinds, reporters, outlets = spec["towns"], spec["kinds"], spec["reporters"], spec["outlets"]
    records = []
    for i in range(count):
        incident = i // 2
        region, town = towns[incident % len(towns)]
        killed = 3 + incident % 7 + i % 2
        text = kinds[incident % len(kinds)].format(
            region=region, town=town, killed=killed, injured=killed + 4, reporter=reporters[i % len(reporters)]
        )
        day = date(2020, 1, 1) + timedelta(days=incident % 25 + 30 * (incident // 225))
        records.append({"id": f"gen-{i:04d}", "source": outlets[i % len(outlets)], "published": day.isoformat(),
                        "text": text})
        if copies_every and i % copies_every == copies_every - 1:
            byline = spec["bylines"][i % len(spec["bylines"])]
            records.append({**records[-1], "id": f"gen-{i:04d}-copy", "source": outlets[(i + 1) % len(outlets)],
                            "text": f"{byline} {text}"})
    return records


# -- running things ---------------------------------------------------------------------------


def rasd(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "rasd", *args], input=stdin, capture_output=True, text=True, timeout=timeout,
        cwd=REPO, env={**os.environ, "COLUMNS": "200"},
    )


def article_inputs(records: list[dict[str, Any]]) -> list[Any]:
    """The records as the ingest command reads them (origin ``<test>:N``)."""
    from rasd.document import ArticleMeta
    from rasd.ingest import ArticleInput

    out = []
    for n, record in enumerate(records, 1):
        meta = ArticleMeta(**{k: record.get(k) for k in ("id", "url", "source", "published", "title")})
        out.append(ArticleInput(record["text"], meta, f"<test>:{n}", line=n))
    return out


def ingest_records(url: str, records: list[dict[str, Any]]) -> Any:
    """Ingest records through the library (same code path as ``rasd ingest``); returns the run."""
    from rasd.store.ingest import IngestRun

    with open_store(url, WRITE) as store:
        run = IngestRun(store, "ingest", ["<test>"])
        for item in article_inputs(records):
            run.add(item)
        run.finish()
    return run


def snapshot(url: str, *, stamps: bool = True) -> dict[str, list[tuple]]:
    """Every row of every Rasd table, sorted; without ``stamps`` timestamps are left out."""
    skip = set() if stamps else {"ingested_at", "updated_at", "created_at", "first_seen", "started_at",
                                 "finished_at"}
    out: dict[str, list[tuple]] = {}
    with open_store(url) as store, store.reading() as conn:
        for name, table in metadata.tables.items():
            cols = [c for c in table.columns if c.name not in skip]
            rows = conn.execute(select(*cols)).all()
            out[name] = sorted((tuple(_plain(v) for v in row) for row in rows), key=repr)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text.replace("+00:00", "")
    return value


def live_events(url: str) -> dict[str, dict[str, Any]]:
    """Live fused events (not merged or deleted) by id, timestamps left out, with their report ids."""
    from rasd.store.query import EventFilter, list_events, report_details

    with open_store(url) as store, store.reading() as conn:
        found = {}
        for event in list_events(conn, EventFilter()):
            event = {k: v for k, v in event.items() if k not in ("created_at", "updated_at")}
            event["reports"] = sorted(r["report_id"] for r in report_details(conn, event["event_id"]))
            found[event["event_id"]] = event
    return found
