"""A small progress line on stderr for long runs (shown only on a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

REFRESH_SECONDS = 0.5


class Progress:
    def __init__(self, label: str, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.done = 0
        self.skipped = 0
        self.events = 0
        self._start = time.monotonic()
        self._last = 0.0
        self._closed = False

    def update(self, *, done: int = 0, skipped: int = 0, events: int = 0) -> None:
        self.done += done
        self.skipped += skipped
        self.events += events
        now = time.monotonic()
        if self.enabled and now - self._last >= REFRESH_SECONDS:
            self._last = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self._start, 1e-9)
        return (f"{self.label}: {self.done} article(s), {self.events} event(s), {self.skipped} skipped, "
                f"{self.done / elapsed:.0f}/s")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.enabled and self.done + self.skipped:
            self.stream.write("\r" + self.line() + "\n")
            self.stream.flush()
