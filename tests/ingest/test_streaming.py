"""A 1 GiB JSONL input is read in constant memory: one line at a time, never the whole input."""

from __future__ import annotations

import io
import json
import resource

from rasd.ingest import ArticleInput, read_articles

GIB = 1 << 30
# ~4 MB lines: few enough to read 1 GiB in seconds (the language check samples each article's
# beginning), large enough that holding even a few hundred of them would show
ARTICLE = "قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة وسط مدينة الموصل أمس. " * 27_000
MAX_GROWTH_MIB = 120


class GeneratedLines(io.RawIOBase):
    """``total`` bytes of JSON lines, made as they are read (nothing of the size is ever on disk)."""

    def __init__(self, total: int) -> None:
        self.left = total
        self.lines = 0
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self.pending and self.left > 0:
            self.lines += 1
            self.pending = (json.dumps({"id": str(self.lines), "text": ARTICLE}, ensure_ascii=False) + "\n").encode()
            self.left -= len(self.pending)
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_gibibyte_of_jsonl_is_read_in_constant_memory():
    source = GeneratedLines(GIB)
    line_bytes = len(json.dumps({"id": "1", "text": ARTICLE}, ensure_ascii=False).encode())
    # warm up: the first articles set the working size (one line, its decoded text, the record)
    stream = read_articles("-", stdin=io.BufferedReader(source, buffer_size=1 << 20), input_format="jsonl",
                           max_bytes=8 << 20)
    first = next(stream)
    assert isinstance(first, ArticleInput) and first.meta.id == "1"
    start = _peak_mib()
    read = 1
    for item in stream:
        assert isinstance(item, ArticleInput)
        read += 1
    assert read == source.lines >= GIB // line_bytes
    growth = _peak_mib() - start
    assert growth < MAX_GROWTH_MIB, f"peak RSS grew by {growth:.0f} MiB over 1 GiB of input"
