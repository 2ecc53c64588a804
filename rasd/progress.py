"""A progress line on stderr for long runs (shown on a terminal, or when asked): articles done,
rate, how far through the input files and the time left, skipped and failed items."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

REFRESH_SECONDS = 0.5
MIN_FRACTION_FOR_ETA = 0.002  # before this much of the input is read, the time left is a guess


class Progress:
    """``total_bytes`` and ``bytes_read`` (both optional) give the share of the input read and
    the time left; without them the line shows counts and the rate."""

    def __init__(self, label: str, stream: TextIO | None = None, enabled: bool | None = None, *,
                 total_bytes: int | None = None, bytes_read: Callable[[], int] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.done = 0
        self.skipped = 0
        self.failed = 0
        self.copies = 0
        self.events = 0
        self.total_bytes = total_bytes if total_bytes else None
        self.bytes_read = bytes_read
        self._clear = "\x1b[K" if self.enabled and self.stream.isatty() else ""  # what a longer line left
        self._start = time.monotonic()
        self._last = 0.0
        self._closed = False
        self._shown = False  # a progress line is on the screen, with no newline after it

    def update(self, *, done: int = 0, skipped: int = 0, failed: int = 0, copies: int = 0, events: int = 0) -> None:
        self.done += done
        self.skipped += skipped
        self.failed += failed
        self.copies += copies
        self.events += events
        now = time.monotonic()
        if self.enabled and now - self._last >= REFRESH_SECONDS:
            self._last = now
            self.stream.write("\r" + self.line(now) + self._clear)
            self.stream.flush()
            self._shown = True

    def say(self, message: str) -> None:
        """Write a message line (a skipped item, a warning) without mixing it into the progress line."""
        if self._shown:
            self.stream.write("\r" + self._clear if self._clear else "\n")
            self._shown = False
            self._last = 0.0  # redraw the progress line at the next update
        self.stream.write(message + "\n")
        self.stream.flush()

    def fraction(self) -> float | None:
        if self.total_bytes is None or self.bytes_read is None:
            return None
        return min(self.bytes_read() / self.total_bytes, 1.0)

    def line(self, now: float | None = None, *, final: bool = False) -> str:
        elapsed = max((now or time.monotonic()) - self._start, 1e-9)
        parts = [f"{self.done:,} article(s)"]
        fraction = 1.0 if final and self.total_bytes else self.fraction()
        if fraction is not None:
            parts.append(f"{fraction:.0%} of the input")
        parts.append(f"{self.done / elapsed:,.0f}/s")
        if final:
            parts.append(f"in {_clock(elapsed)}")
        elif fraction is not None and fraction >= MIN_FRACTION_FOR_ETA:
            parts.append(f"ETA {_clock(elapsed * (1 - fraction) / fraction)}")
        if self.copies:
            parts.append(f"{self.copies:,} copies")
        parts += [f"{self.events:,} event(s)", f"{self.skipped:,} skipped"]
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        return f"{self.label}: " + ", ".join(parts)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.enabled and self.done + self.skipped + self.failed:
            self.stream.write(("\r" if self._shown or self._clear else "") + self.line(final=True) + self._clear + "\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
