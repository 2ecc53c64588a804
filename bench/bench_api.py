"""The API under load it will meet: a real ``rasd serve`` (uvicorn, one process) over a database of
synthetic fused events (the export benchmark's), timed over HTTP from this process.

    .venv/bin/python bench/bench_api.py                        # 100,000 events, SQLite
    RASD_BENCH_PG_URL=postgresql://… .venv/bin/python bench/bench_api.py --backends sqlite postgresql
    .venv/bin/python bench/bench_api.py --events 20000 --db /tmp/api.db   # quick; keeps the database

Cases: a filtered /events page (country, a date window, an event type; first pages and pages
reached through the cursor), /events.geojson of 10,000 events, /stats per week of one country.
Each is timed over many requests; the table gives p50 and p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_export import EXPORT_COUNTRIES, TYPES, build_database
from bench.common import percentile

REPO = Path(__file__).resolve().parents[1]


def _serve(url: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", url, "--port", "0", "--read-only"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        found = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        if found:
            return proc, found.group(1)
    raise SystemExit(f"rasd serve did not start: {proc.stderr.read()}")


def _timed(client, path: str, params: dict) -> tuple[float, dict]:
    started = time.perf_counter()
    answer = client.get(path, params=params)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise SystemExit(f"{path} {params}: {answer.status_code} {answer.text[:300]}")
    return elapsed, answer.json()


def _page_params(rng: random.Random) -> dict:
    year = rng.randrange(2015, 2025)
    month = rng.randrange(1, 12)
    params = {"country": rng.choice(EXPORT_COUNTRIES), "since": f"{year}-{month:02d}-01",
              "until": f"{year + 1}-{month:02d}-01", "limit": 100}
    if rng.random() < 0.5:
        params["event_type"] = rng.choice(TYPES)[1]
    return params


def run_cases(base: str, requests: int) -> list[tuple[str, list[float], str]]:
    import httpx

    rng = random.Random(11)
    rows = []
    with httpx.Client(base_url=f"{base}/api/v1", timeout=120) as client:
        _timed(client, "/events", {"limit": 1})  # warm up
        first, deeper, shown = [], [], ""
        for _ in range(requests):
            params = _page_params(rng)
            elapsed, body = _timed(client, "/events", params)
            first.append(elapsed)
            shown = f"{len(body['events'])} events a page"
            cursor = body["next_cursor"]
            for _ in range(3):  # follow the cursor a few pages down
                if not cursor:
                    break
                elapsed, body = _timed(client, "/events", {**params, "cursor": cursor})
                deeper.append(elapsed)
                cursor = body["next_cursor"]
        rows.append(("GET /events (filtered, first page)", first, shown))
        rows.append(("GET /events (filtered, pages 2-4 by cursor)", deeper, ""))
        sizes, geo = [], []
        for _ in range(max(requests // 10, 5)):
            elapsed, body = _timed(client, "/events.geojson", {"limit": 10_000})
            geo.append(elapsed)
            sizes.append(len(body["features"]))
        rows.append(("GET /events.geojson (10,000 events, the map's 14 properties)", geo, f"{min(sizes):,} features"))
        full = []
        for _ in range(max(requests // 20, 3)):
            elapsed, body = _timed(client, "/events.geojson", {"limit": 10_000, "fields": "all"})
            full.append(elapsed)
        rows.append(("GET /events.geojson (10,000 events, fields=all: every property)", full, ""))
        stats = []
        for _ in range(max(requests // 10, 5)):
            elapsed, _ = _timed(client, "/stats", {"country": rng.choice(EXPORT_COUNTRIES), "period": "week"})
            stats.append(elapsed)
        rows.append(("GET /stats (one country, per week)", stats, ""))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="filtered pages to time")
    parser.add_argument("--backends", nargs="+", default=["sqlite"], choices=("sqlite", "postgresql"))
    parser.add_argument("--db", type=Path, help="SQLite file to keep and reuse")
    args = parser.parse_args()
    print("| backend | case | requests | p50 (ms) | p95 (ms) | note |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for backend in args.backends:
        url, cleanup = _database(backend, args)
        proc, base = _serve(url)
        try:
            for case, times, note in run_cases(base, args.requests):
                print(f"| {backend} | {case} | {len(times)} | {percentile(times, 0.5):.1f} | "
                      f"{percentile(times, 0.95):.1f} | {note} |", flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            cleanup()
    return 0


def _build(url: str, n_events: int) -> None:
    from rasd.store.store import WRITE, open_store

    build_database(url, n_events)
    with open_store(url, WRITE) as store:
        store.refresh_statistics()  # as every ingest run does when it ends


def _database(backend: str, args: argparse.Namespace):
    if backend == "sqlite":
        path = args.db or Path(tempfile.mkdtemp()) / "api.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            _build(url, args.events)
        return url, (lambda: None) if args.db else (lambda: path.unlink(missing_ok=True))
    raw = os.environ.get("RASD_BENCH_PG_URL")
    if not raw:
        raise SystemExit("set RASD_BENCH_PG_URL to a PostgreSQL server (a role that may create databases)")
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    server = make_url(raw).set(drivername="postgresql+psycopg")
    name = f"rasd_bench_api_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = server.set(database=name, drivername="postgresql").render_as_string(hide_password=False)
    _build(url, args.events)

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return url, drop


if __name__ == "__main__":
    raise SystemExit(main())
