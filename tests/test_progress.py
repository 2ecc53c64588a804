"""The progress line: counts, rate, share of the input read and the time left."""

from __future__ import annotations

import io

from rasd.progress import Progress


def test_the_line_says_how_far_the_input_is_read_and_the_time_left(monkeypatch):
    clock = iter([100.0, 110.0, 110.0])
    monkeypatch.setattr("rasd.progress.time.monotonic", lambda: next(clock))
    read = [0]
    progress = Progress("rasd batch", io.StringIO(), enabled=True, total_bytes=1000, bytes_read=lambda: read[0])
    read[0] = 250
    progress.update(done=50, events=7, copies=2, skipped=1, failed=3)
    line = progress.stream.getvalue().strip("\r")
    assert line == ("rasd batch: 50 article(s), 25% of the input, 5/s, ETA 0:30, 2 copies, 7 event(s), "
                    "1 skipped, 3 failed")


def test_without_a_known_size_there_is_no_share_or_eta():
    progress = Progress("rasd ingest", io.StringIO(), enabled=True)
    progress.update(done=3)
    assert "of the input" not in progress.line() and "ETA" not in progress.line()


def test_the_closing_line_gives_the_time_taken_and_nothing_is_written_when_disabled():
    shown, hidden = io.StringIO(), io.StringIO()
    for stream, enabled in ((shown, True), (hidden, False)):
        progress = Progress("rasd batch", stream, enabled=enabled, total_bytes=10, bytes_read=lambda: 4)
        progress.update(done=1)
        progress.close()
        progress.close()
    assert shown.getvalue().endswith("\n") and "100% of the input" in shown.getvalue().splitlines()[-1]
    assert " in 0:00" in shown.getvalue() and hidden.getvalue() == ""
