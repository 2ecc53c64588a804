"""Benchmark: cost per article of the numbers + casualties stages on the development corpus.

    .venv/bin/python bench/bench_casualties.py [--limit N]

Normalize + tokenize are timed and reported separately (they are not these stages' cost).
Skips with a message when ../shared/corpora is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rasd.document import Document
from rasd.extractors.casualties.stage import CasualtiesStage
from rasd.extractors.numbers.stage import NumbersStage
from rasd.normalize.normalizer import NormalizeStage
from rasd.tokenize.tokens import TokenizeStage

TARGET_MS = 1.0
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "ant-dev.jsonl.gz"


def articles(limit: int | None) -> Iterator[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            row = json.loads(line)
            yield "\n".join(part for part in (row.get("title"), row.get("text")) if part)


def _summary(name: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    return (f"{name:<28} mean {statistics.fmean(ms):7.3f} ms  median {statistics.median(ms):7.3f} ms"
            f"  p95 {p95:7.3f} ms  max {ms[-1]:8.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles to read (default: all)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skip: corpus not found at {CORPUS}")
        return 0
    prep = (NormalizeStage(), TokenizeStage())
    numbers, casualties = NumbersStage(), CasualtiesStage()
    # Warm the lexicon caches so the first article does not pay for loading them.
    warm = Document("قتل 3 أشخاص وأصيب 5 آخرون")
    for stage in (*prep, numbers, casualties):
        warm = stage(warm)
    docs = []
    t_prep: list[float] = []
    for text in articles(args.limit):
        doc = Document(text)
        t0 = time.perf_counter()
        for stage in prep:
            doc = stage(doc)
        t_prep.append(time.perf_counter() - t0)
        docs.append(doc)
    if not docs:
        print("no articles read")
        return 0
    print(f"articles: {len(docs)}")
    print(_summary("normalize+tokenize (excl.)", t_prep))
    # Wall time per article (perf_counter) and CPU time (process_time, less sensitive to a busy
    # machine); the stages run article by article, as in the pipeline.
    for clock_name, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        t_num: list[float] = []
        t_cas: list[float] = []
        n_numbers = n_casualties = 0
        for doc in docs:
            doc.mentions = []
            t1 = clock()
            numbers(doc)
            t2 = clock()
            casualties(doc)
            t3 = clock()
            t_num.append(t2 - t1)
            t_cas.append(t3 - t2)
            n_numbers += len(doc.mentions_of("number"))
            n_casualties += len(doc.mentions_of("casualty"))
        both = [a + b for a, b in zip(t_num, t_cas, strict=True)]
        print(f"[{clock_name}] number mentions: {n_numbers}  casualty mentions: {n_casualties}")
        print(_summary("numbers", t_num))
        print(_summary("casualties", t_cas))
        print(_summary("numbers+casualties", both))
        mean_ms = statistics.fmean(both) * 1000
        print(f"[{clock_name}] target numbers+casualties mean < {TARGET_MS} ms -> "
              f"{'OK' if mean_ms < TARGET_MS else 'OVER'} ({mean_ms:.3f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
