"""Streaming an export to an HTTP client: the export writes in a thread, the response reads
what it wrote through a bounded queue, so memory stays flat and a client that goes away stops
the export (its next write fails, and the database cursor is closed)."""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Iterator
from typing import Any

from rasd.store.filters import ExportFilter
from rasd.store.store import Store

QUEUE_CHUNKS = 16
CHUNK_BYTES = 64 * 1024
_END = object()


class _Gone(Exception):
    """The client stopped reading."""


class _QueueWriter(io.RawIOBase):
    """A binary, write-only, non-seekable stream that hands its bytes to ``chunks``."""

    def __init__(self, chunks: queue.Queue[Any], stopped: threading.Event) -> None:
        self.chunks, self.stopped = chunks, stopped
        self.buffer = bytearray()
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.stopped.is_set():
            raise _Gone
        piece = bytes(data)
        self.buffer += piece
        self.written += len(piece)
        if len(self.buffer) >= CHUNK_BYTES:
            self.flush_buffer()
        return len(piece)

    def tell(self) -> int:
        return self.written

    def flush_buffer(self) -> None:
        if self.buffer:
            self._put(bytes(self.buffer))
            self.buffer.clear()

    def _put(self, item: Any) -> None:
        while not self.stopped.is_set():
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Gone


def stream_export(store: Store, fmt: str, flt: ExportFilter) -> Iterator[bytes]:
    """The export's bytes as they are written."""
    from rasd.export.export import export_events

    chunks: queue.Queue[Any] = queue.Queue(maxsize=QUEUE_CHUNKS)
    stopped = threading.Event()
    out = _QueueWriter(chunks, stopped)

    def run() -> None:
        failure: BaseException | None = None
        try:
            with store.reading() as conn:
                export_events(conn, fmt, flt, out)  # type: ignore[arg-type]
            out.flush_buffer()
        except _Gone:
            return
        except BaseException as exc:  # handed to the reader, which ends the response
            failure = exc
        with contextlib.suppress(_Gone):
            out._put(failure if failure is not None else _END)

    worker = threading.Thread(target=run, name="rasd-export", daemon=True)
    worker.start()
    try:
        while True:
            item = chunks.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stopped.set()
