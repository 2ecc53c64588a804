"""Benchmark ``rasd export``: time and peak memory per format on a large synthetic database.

    python bench/bench_export.py                      # 1,000,000 events, every format
    python bench/bench_export.py --events 20000       # a quick run
    python bench/bench_export.py --db /tmp/x.db --keep  # reuse (or keep) the database

The database (SQLite) gets N fused events spread over ten years and twelve countries, each with
1-3 reports from 1-3 articles (with article text and evidence spans), inserted in bulk through
the schema tables (executemany, in batches). Each format is then exported to a file by the
real command line in a child process; its wall time and peak RSS (``wait4``'s ``ru_maxrss``)
are printed, with a first run that exports nothing (the command's own start-up footprint).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.synthetic_reports import COUNTRIES as SYNTHETIC_COUNTRIES  # noqa: E402 (after the path)

BATCH = 20_000
START = date(2015, 1, 1)
DAYS = 3653
FORMATS = (("acled-csv", "csv"), ("geojson", "geojson"), ("parquet", "parquet"), ("jsonl", "jsonl"))
OUTLETS = ("Sky News Arabia", "Al Arabiya", "Al Jazeera", "BBC Arabic", "France 24 Arabic", "Asharq Al-Awsat")
EXPORT_COUNTRIES = ("Syria", "Iraq", "Yemen", "Libya", "Egypt", "Lebanon", "Palestine", "Sudan", "Somalia", "Mali",
                    "Nigeria", "Afghanistan")
# name, ISO numeric, region, (lat min, lat max, lon min, lon max): the synthetic reports' table
COUNTRIES = tuple(row for row in SYNTHETIC_COUNTRIES if row[0] in EXPORT_COUNTRIES)
TYPES = (
    ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Political violence", "Battles", "Armed clash"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Demonstrations", "Protests", "Peaceful protest"),
)
TEXT = ("Town {town} - {killed} people were killed and {injured} injured on {day} in an incident reported by "
        "{outlet}, according to local sources. Rescue teams are still working at the site.")


# -- the synthetic database --------------------------------------------------------------------


def _rows(start: int, stop: int, rng: random.Random, now: datetime) -> Iterator[tuple[str, list[Any]]]:
    """(table, row) pairs for events [start, stop): their articles, reports and links."""
    for i in range(start, stop):
        name, iso, region, (la0, la1, lo0, lo1) = COUNTRIES[i % len(COUNTRIES)]
        disorder, etype, sub = TYPES[rng.randrange(len(TYPES))]
        day = START + timedelta(days=rng.randrange(DAYS))
        lat, lon = round(rng.uniform(la0, la1), 4), round(rng.uniform(lo0, lo1), 4)
        placed = rng.random() > 0.05
        killed = None if etype == "Protests" else rng.randrange(0, 40)
        n_reports = rng.choice((1, 1, 2, 2, 3))
        outlets = sorted(rng.sample(OUTLETS, n_reports))
        event_id = f"ev-{hashlib.sha1(str(i).encode()).hexdigest()[:16]}"
        town = f"T{i % 997}"
        for r, outlet in enumerate(outlets):
            article_id = f"a{i}-{r}"
            published = datetime.combine(day, datetime.min.time()) + timedelta(hours=8 + 5 * r)
            text = TEXT.format(town=town, killed=killed or 0, injured=(killed or 0) + 3, day=day.isoformat(),
                               outlet=outlet)
            yield "articles", [{
                "id": article_id, "url": f"https://example.org/{article_id}", "outlet": outlet, "source_id": None,
                "published": published.isoformat() + "+03:00", "title": f"Incident in {town}", "text": text,
                "text_sha256": hashlib.sha256(text.encode()).hexdigest(), "pipeline_version": "bench",
                "meta": {}, "ingested_at": now, "updated_at": now,
            }]
            evidence = [
                {"field": "location", "start": 5, "end": 5 + len(town)},
                {"field": "fatalities", "start": text.index(" people") - len(str(killed or 0)),
                 "end": text.index(" killed") + 7},
            ]
            said = {"event_date": day.isoformat(), "time_precision": 1, "event_type": etype, "sub_event_type": sub,
                    "country": name, "location": town, "latitude": lat, "longitude": lon, "fatalities": killed,
                    "actor1": None, "actor2": f"Civilians ({name})"}
            yield "reports", [{
                "report_id": f"{article_id}:1", "article_id": article_id, "n": 1, "event": said,
                "evidence": evidence, "country": name, "event_day": day, "time_precision": 1,
                "latitude": lat, "longitude": lon, "event_type": etype, "sub_event_type": sub,
                "fatalities": killed, "injured": None, "actor1": None, "actor2": f"Civilians ({name})",
                "is_recap": False,
            }]
            yield "event_reports", [{
                "event_id": event_id, "report_id": f"{article_id}:1", "score": None if r == 0 else 2.5,
                "parts": {} if r == 0 else {"date": 1.0, "place": 1.0, "type": 0.5}, "reason": "bench",
            }]
        yield "events", [{
            "event_id": event_id, "event_date": day, "time_precision": 1, "disorder_type": disorder,
            "event_type": etype, "sub_event_type": sub, "actor1": None, "actor2": f"Civilians ({name})",
            "inter1": None, "inter2": 7, "interaction": 70, "civilian_targeting": None, "iso": iso,
            "region": region, "country": name, "admin1": f"Province {i % 13}", "admin2": None, "admin3": None,
            "location": town, "latitude": lat if placed else None, "longitude": lon if placed else None,
            "geo_precision": 1 if placed else None, "fatalities": killed, "fatalities_min": killed,
            "fatalities_max": None if killed is None else killed + n_reports - 1, "fatalities_best": killed,
            "injured": None, "injured_min": None, "injured_max": None, "injured_best": None,
            "source_count": n_reports, "outlets": outlets, "grading": "fair" if n_reports > 1 else "weak",
            "first_seen": f"{day.isoformat()}T08:00:00+03:00", "last_seen": f"{day.isoformat()}T18:00:00+03:00",
            "confidence": round(rng.uniform(0.4, 0.99), 3), "notes": f"On {day.isoformat()}, an incident in {town}.",
            "is_recap": False, "extra": {"report_count": n_reports}, "place_id": None, "actor1_id": None,
            "actor2_id": None, "fingerprint": event_id, "created_at": now, "updated_at": now, "merged_into": None,
            "deleted": False,
        }]


def build_database(url: str, n_events: int, seed: int = 7) -> tuple[int, float]:
    """Create the schema and insert ``n_events`` events with their reports; returns (reports, seconds)."""
    from sqlalchemy import event, insert

    from rasd.store import WRITE, open_store
    from rasd.store.schema import articles, event_reports, events, reports

    tables = {"articles": articles, "reports": reports, "event_reports": event_reports, "events": events}
    order = ("articles", "reports", "events", "event_reports")  # parents first
    rng = random.Random(seed)
    now = datetime.now(UTC)
    started = time.perf_counter()
    n_reports = 0
    with open_store(url, WRITE) as store:
        if store.backend == "sqlite":  # a benchmark database: no fsync per batch
            store.engine.dispose()
            event.listen(store.engine, "connect", lambda conn, _record: conn.execute("PRAGMA synchronous = OFF"))
        for start in range(0, n_events, BATCH):
            pending: dict[str, list[dict[str, Any]]] = {name: [] for name in order}
            for table, rows in _rows(start, min(start + BATCH, n_events), rng, now):
                pending[table].extend(rows)
            with store.transaction() as conn:
                for name in order:
                    conn.execute(insert(tables[name]), pending[name])
            n_reports += len(pending["reports"])
            done = min(start + BATCH, n_events)
            print(f"\r  inserted {done:,}/{n_events:,} events", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return n_reports, time.perf_counter() - started


# -- measuring ---------------------------------------------------------------------------------


def measure(argv: list[str]) -> tuple[float, float, str]:
    """Run ``rasd ARGV`` in a child process: (wall seconds, the child's peak RSS in MiB, its stderr).

    Linux keeps a process's peak RSS across ``exec``, so a child inherits its parent's peak:
    this process stays small (the database is built in a child of its own) to measure only
    the export.
    """
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rasd", *argv], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"rasd {' '.join(argv)} failed ({proc.returncode}): {err}")
    return elapsed, usage.ru_maxrss / 1024, err  # Linux gives KiB


def _written(err: str) -> int:
    found = re.search(r"([0-9]+) event\(s\) written", err)
    return int(found.group(1)) if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="number of fused events (default 1,000,000)")
    parser.add_argument("--db", type=Path, help="SQLite file to use; filled when missing or empty")
    parser.add_argument("--keep", action="store_true", help="keep the database and the exported files")
    parser.add_argument("--formats", default=",".join(f for f, _ in FORMATS), help="comma-separated formats")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.build_only:
        n_reports, seconds = build_database(f"sqlite:///{args.db}", args.events)
        print(f"database: {args.events:,} events, {n_reports:,} reports, {args.db.stat().st_size / 2**20:,.0f} MiB, "
              f"built in {seconds:.0f} s ({(args.events + 3 * n_reports) / seconds:,.0f} rows/s)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="rasd-bench-export-"))
    db = args.db or work / "events.db"
    url = f"sqlite:///{db}"
    if not db.exists() or db.stat().st_size == 0:
        print(f"building {db} with {args.events:,} events ...", file=sys.stderr)
        subprocess.run([sys.executable, __file__, "--build-only", "--events", str(args.events), "--db", str(db)],
                       check=True)
    wanted = [f for f in args.formats.split(",") if f]
    rows = []
    t, rss, _err = measure(["export", "--db", url, "--country", "no-such-country", "--output", str(work / "e.csv")])
    rows.append(("(no events: start-up)", 0, t, rss, 0))
    for fmt, suffix in FORMATS:
        if fmt not in wanted:
            continue
        out = work / f"events.{suffix}"
        t, rss, err = measure(["export", "--db", url, "--format", fmt, "--output", str(out)])
        rows.append((fmt, _written(err), t, rss, out.stat().st_size))
        print(f"  {fmt}: {t:.1f} s, {rss:.0f} MiB", file=sys.stderr)
        if not args.keep:
            out.unlink()
    (work / "e.csv").unlink(missing_ok=True)
    n_events = max(n for _, n, *_ in rows)
    print(f"\nrasd export of {n_events:,} events (SQLite, {os.cpu_count()} CPU(s), Python {sys.version.split()[0]})")
    print("| format | events | time (s) | events/s | peak RSS (MiB) | output (MiB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for fmt, n, t, rss, size in rows:
        rate = f"{n / t:,.0f}" if n else "-"
        print(f"| {fmt} | {n:,} | {t:.1f} | {rate} | {rss:.0f} | {size / 2**20:,.1f} |")
    if args.keep:
        print(f"kept in {work}" + (f" and {db}" if args.db else ""))
    elif args.db is None:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()
    else:
        work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
