"""Whole ``extract`` cost per article on the development corpus, per stage, plus start-up.

    .venv/bin/python bench/bench_extract.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import corpus_or_skip, iter_corpus, percentile, rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=3000, help="articles to run (0 = all)")
    args = parser.parse_args()
    path = corpus_or_skip()

    t0 = time.perf_counter()
    from rasd.document import ArticleMeta, Document
    from rasd.pipeline import Pipeline

    pipeline = Pipeline()
    warm = Document("قتل شخص في بنغازي أمس", ArticleMeta(published="2018-01-01"))
    pipeline(warm)  # loads every lexicon and the gazetteer
    startup = time.perf_counter() - t0
    rss_start = rss_mb()

    per_stage: dict[str, float] = defaultdict(float)
    totals: list[float] = []
    events = chars = 0
    for record in iter_corpus(path, args.limit or None):
        doc = Document(record.get("text") or "", ArticleMeta(published=record.get("published"),
                                                              source=record.get("source")))
        start = time.perf_counter()
        for stage in pipeline.stages:
            s0 = time.perf_counter()
            doc = stage(doc)
            per_stage[stage.name] += time.perf_counter() - s0
        totals.append(time.perf_counter() - start)
        events += len(doc.events)
        chars += len(doc.text)

    n = len(totals)
    print(f"articles: {n}  chars: {chars}  events: {events}")
    print(f"start-up (import + first article, all data loaded): {startup * 1000:.0f} ms, RSS {rss_start:.0f} MiB")
    print(f"extract per article: mean {1000 * sum(totals) / n:.2f} ms, median {1000 * percentile(totals, 0.5):.2f} ms,"
          f" p95 {1000 * percentile(totals, 0.95):.2f} ms, max {1000 * max(totals):.1f} ms")
    print(f"throughput: {n / sum(totals):.0f} articles/s on one core; peak RSS {rss_mb():.0f} MiB")
    for name, seconds in per_stage.items():
        print(f"  {name:<12} {1000 * seconds / n:7.3f} ms/article")


if __name__ == "__main__":
    main()
