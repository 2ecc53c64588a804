"""``kill -9`` of a real ``rasd ingest`` mid-run: the database stays consistent and a re-run
finishes the job, ending exactly where a clean run ends."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select
from store_helpers import REPO, generated_articles, ingest_records, live_events, rasd, snapshot, write_jsonl

from rasd.store.engine import make_engine, parse_url
from rasd.store.schema import article_mentions, articles, event_reports, events, reports

ARTICLES = 160
KILL_AFTER = 20  # committed articles
DEADLINE_S = 240


def _count_articles(engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()
    except Exception:  # the schema is not there yet
        return 0


def _kill_mid_run(url: str, path, command: str, *extra: str) -> list[int]:
    """Kill -9 a real ingest once KILL_AFTER articles are committed; returns its child processes
    (extraction workers) as they were just before the kill."""
    proc = subprocess.Popen([sys.executable, "-m", "rasd", command, str(path), "--db", url, "--no-progress", *extra],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    engine = make_engine(parse_url(url), write=False)
    deadline = time.monotonic() + DEADLINE_S
    try:
        while proc.poll() is None and time.monotonic() < deadline and _count_articles(engine) < KILL_AFTER:
            time.sleep(0.02)
        children = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        engine.dispose()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    return children


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def _consistency(url: str, *, settled: bool = True) -> dict[str, int]:
    """Invariants a committed state must meet; returns the row counts. A killed run may leave
    reports not fused yet (``settled`` False): stored, linked to no event, fused by the next run."""
    engine = make_engine(parse_url(url), write=False)
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (articles, reports, article_mentions, event_reports, events)}
        live = (events.c.deleted.is_(False)) & (events.c.merged_into.is_(None))
        linked_to_live = select(func.count()).select_from(event_reports.join(events)).where(live)
        live_without_reports = select(func.count()).select_from(events).where(
            live, ~select(event_reports.c.event_id).where(event_reports.c.event_id == events.c.event_id).exists())
        assert counts["article_mentions"] == counts["articles"]
        assert conn.execute(linked_to_live).scalar_one() == counts["event_reports"]
        if settled:
            assert counts["event_reports"] == counts["reports"]
        else:
            assert counts["event_reports"] <= counts["reports"]
        assert conn.execute(live_without_reports).scalar_one() == 0
    engine.dispose()
    return counts


@pytest.mark.parametrize(("command", "workers"), [("ingest", "1"), ("batch", "2")])
def test_kill_9_then_rerun_matches_a_clean_run(db_url, tmp_path, command, workers):
    records = generated_articles(ARTICLES, copies_every=4)
    path = write_jsonl(tmp_path / "many.jsonl", records)
    workers_at_kill = _kill_mid_run(db_url, path, command, "--workers", workers)
    at_kill = _consistency(db_url, settled=False)
    assert KILL_AFTER <= at_kill["articles"] < len(records)
    result = rasd(command, str(path), "--db", db_url, "--workers", workers)
    assert result.returncode == 0, result.stderr
    new, copies, unchanged = map(int, re.search(
        r"(\d+) new, (\d+) copies of other articles, (\d+) unchanged, 0 replaced, 0 failed", result.stdout).groups())
    assert new + copies == len(records) - at_kill["articles"] and unchanged == at_kill["articles"]
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    ingest_records(clean, records)
    assert _consistency(db_url) == _consistency(clean)
    assert live_events(db_url) == live_events(clean)
    stored, expected = snapshot(db_url, stamps=False), snapshot(clean, stamps=False)
    for table in ("articles", "reports", "article_mentions", "article_bands", "event_reports"):
        assert stored[table] == expected[table], table
    if workers != "1":
        assert workers_at_kill, "the ingest had no worker processes"
        _assert_gone(workers_at_kill)


def _assert_gone(pids: list[int]) -> None:
    """The killed run's extraction workers end by themselves (they notice their parent is gone)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if os.path.exists(f"/proc/{pid}") and not _zombie(pid)]
        if not alive:
            return
        time.sleep(0.2)
    raise AssertionError(f"orphaned extraction workers still running: {alive}")


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
