"""``kill -9`` of a real ``rasd ingest`` mid-run: the database stays consistent and a re-run
finishes the job, ending exactly where a clean run ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select
from store_helpers import REPO, generated_articles, ingest_records, live_events, rasd, write_jsonl

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


def _kill_mid_run(url: str, path) -> int:
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "ingest", str(path), "--db", url, "--no-progress"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    engine = make_engine(parse_url(url), write=False)
    deadline = time.monotonic() + DEADLINE_S
    try:
        while proc.poll() is None and time.monotonic() < deadline and _count_articles(engine) < KILL_AFTER:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        engine.dispose()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    return proc.returncode


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


def test_kill_9_then_rerun_matches_a_clean_run(db_url, tmp_path):
    records = generated_articles(ARTICLES)
    path = write_jsonl(tmp_path / "many.jsonl", records)
    _kill_mid_run(db_url, path)
    at_kill = _consistency(db_url, settled=False)
    assert KILL_AFTER <= at_kill["articles"] < ARTICLES
    result = rasd("ingest", str(path), "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert f"{ARTICLES - at_kill['articles']} new, {at_kill['articles']} unchanged, 0 replaced, 0 failed" \
        in result.stdout
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    ingest_records(clean, records)
    assert _consistency(db_url) == _consistency(clean)
    assert live_events(db_url) == live_events(clean)
