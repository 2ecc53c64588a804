"""``rasd serve`` for real: uvicorn on a loopback port the system picks, spoken to over HTTP."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
START_S = 60


def _serve(*args: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--port", "0", *args], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + START_S
    assert proc.stderr is not None
    line = ""
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        if found:
            return proc, found.group(1)
        if proc.poll() is not None:
            break
    proc.kill()
    pytest.fail(f"rasd serve did not start: {line}{proc.stderr.read()}")


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_the_server_answers_over_http_and_keeps_writes_behind_the_key(sample_db, tmp_path):
    proc, base = _serve("--db", sample_db, "--read-only")
    try:
        events = httpx.get(f"{base}/api/v1/events", params={"limit": 5}, timeout=30).json()["events"]
        assert len(events) == 5
        schema = httpx.get(f"{base}/api/v1/openapi.json", timeout=30).json()
        assert "/api/v1/events" in schema["paths"]
        refused = httpx.post(f"{base}/api/v1/articles", json={"text": "قتل شخص"}, timeout=30)
        assert refused.status_code == 403
    finally:
        _stop(proc)
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    proc, base = _serve("--db", fresh, "--api-key", "k3y")
    try:
        article = {"text": "قتل 3 أشخاص في قصف على مدينة تعز اليوم، بحسب مصدر طبي.", "published": "2020-02-02"}
        assert httpx.post(f"{base}/api/v1/articles", json=article, timeout=60).status_code == 401
        stored = httpx.post(f"{base}/api/v1/articles", json=article, headers={"X-API-Key": "k3y"}, timeout=60)
        assert stored.status_code == 200 and stored.json()["articles"][0]["outcome"] == "new"
    finally:
        _stop(proc)


def test_serving_writes_beyond_loopback_needs_a_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "RASD_API_KEY"}
    result = subprocess.run([sys.executable, "-m", "rasd", "serve", "--host", "0.0.0.0", "--db",
                             f"sqlite:///{tmp_path / 'x.db'}"], cwd=REPO, capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 2 and "API key" in result.stderr and "--read-only" in result.stderr


def test_a_database_that_is_not_there_is_a_clear_error_before_serving(tmp_path):
    result = subprocess.run([sys.executable, "-m", "rasd", "serve", "--read-only", "--db",
                             f"sqlite:///{tmp_path / 'missing.db'}"], cwd=REPO, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0 and "no database there yet" in result.stderr
