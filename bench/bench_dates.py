"""Benchmark the dates stage on the development corpus (cost per article, mention counts).

Usage: python bench/bench_dates.py [--limit N]
Only the dates stage is timed (wall and CPU time; CPU time is the figure to trust on a busy
machine); normalization and tokenization run before the clock starts.
Also dates the events of the development gold (eval/dev/*.jsonl) when present. Skips the
corpus part cleanly when ../shared/corpora is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from rasd.document import ArticleMeta, Document
from rasd.extractors.dates import DatesStage, date_for_span
from rasd.normalize import NormalizeStage
from rasd.tokenize import TokenizeStage

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "ant-dev.jsonl.gz"
GOLD = Path(__file__).resolve().parents[1] / "eval" / "dev"


def gold_check(gold_dir: Path) -> None:
    """Date each gold event's evidence span with date_for_span (previous = the event before)
    and count exact (event_date, time_precision) pairs."""
    normalize, tokenize, dates = NormalizeStage(), TokenizeStage(), DatesStage()
    exact = total = 0
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            art = row["article"]
            doc = dates(tokenize(normalize(Document(
                text=row["text"], meta=ArticleMeta(published=art.get("published"), timezone=art.get("timezone"))))))
            spans = [(row["text"].find(e.get("evidence_text") or "\0"), e) for e in row.get("events", [])]
            previous = None
            for start, event in sorted((s for s in spans if s[0] >= 0), key=lambda s: s[0]):
                previous = date_for_span(doc, start, start + len(event["evidence_text"]), previous=previous)
                total += 1
                exact += (previous.date, previous.precision) == (event.get("event_date"), event.get("time_precision"))
    if total:
        print(f"dev gold event dates exact: {exact / total:.3f} ({exact}/{total})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="articles to read (0 = all)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time each article this many times and keep the fastest (steadier on a busy machine)")
    parser.add_argument("--timezone", default=None, help="IANA zone of the outlets (e.g. Asia/Dubai)")
    args = parser.parse_args()
    if GOLD.is_dir():
        gold_check(GOLD)
    if not CORPUS.exists():
        print(f"skipped: corpus not found at {CORPUS}")
        return 0
    normalize, tokenize, dates = NormalizeStage(), TokenizeStage(), DatesStage()
    dates(tokenize(normalize(Document(text="قتل جندي أمس."))))  # load lexicons outside the clock
    costs: list[float] = []
    cpu_costs: list[float] = []
    keys: Counter[str] = Counter()
    chars = 0
    no_pub = 0
    checked = conflicts = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit and n >= args.limit:
                break
            row = json.loads(line)
            doc = tokenize(normalize(Document(text=row["text"], meta=ArticleMeta(published=row["published"],
                                                                          timezone=args.timezone))))
            wall = cpu = float("inf")
            for _ in range(max(1, args.repeat)):
                doc.mentions, doc.warnings = [], []
                start, cpu_start = time.perf_counter(), time.process_time()
                dates(doc)
                wall = min(wall, (time.perf_counter() - start) * 1000)
                cpu = min(cpu, (time.process_time() - cpu_start) * 1000)
            costs.append(wall)
            cpu_costs.append(cpu)
            chars += len(row["text"])
            keys.update(m.value["key"].split(":")[0] for m in doc.mentions if m.kind == "date")
            no_pub += any("publication" in w for w in doc.warnings)
            # Dev check: "اليوم/امس + weekday" must agree with the publication day.
            for m in doc.mentions:
                if m.kind == "date" and m.value["key"] in ("today", "yesterday", "day_before_yesterday") \
                        and m.value["conflict"] is not None and m.text.count(" "):
                    checked += 1
                    conflicts += bool(m.value["conflict"])
    print(f"articles: {len(costs)}  chars: {chars}")
    for label, values in (("wall", costs), ("cpu", cpu_costs)):
        values.sort()
        print(f"dates stage ms/article ({label}): mean {statistics.fmean(values):.3f}  "
              f"median {values[len(values) // 2]:.3f}  p95 {values[int(len(values) * 0.95)]:.3f}  "
              f"max {values[-1]:.2f}")
    print(f"date mentions: {sum(keys.values())}  per article {sum(keys.values()) / len(costs):.2f}")
    print("most common keys:", ", ".join(f"{k} {v}" for k, v in keys.most_common(15)))
    print(f"articles without a publication date: {no_pub}")
    if checked:
        print(f"relative day + weekday agreement: {1 - conflicts / checked:.3f} ({checked - conflicts}/{checked})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
