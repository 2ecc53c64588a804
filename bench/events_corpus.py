"""Event assembly on real articles: events per article by category, and the stage's cost.

Usage: python bench/events_corpus.py [N]   (N articles per category, default 150)

Sport/economy/technology/culture articles should yield ~0 events; middleEast many. Reads
../shared/corpora/ant-dev.jsonl.gz and skips cleanly when it is absent.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "ant-dev.jsonl.gz"


def main(per_category: int = 150) -> int:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    from email.utils import parsedate_to_datetime

    from rasd.document import ArticleMeta, Document
    from rasd.events.stage import EventsStage
    from rasd.pipeline import Pipeline

    before = Pipeline().until("triggers")
    stage = EventsStage()
    taken: Counter[str] = Counter()
    events: dict[str, list[int]] = defaultdict(list)
    reasons: Counter[str] = Counter()
    subtypes: Counter[str] = Counter()
    elapsed = 0.0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            cat = art.get("category") or "?"
            if taken[cat] >= per_category:
                continue
            taken[cat] += 1
            published = parsedate_to_datetime(art["published"]).date().isoformat() if art.get("published") else None
            text = (art.get("title") or "") + "\n" + (art.get("text") or "")
            doc = before(Document(text=text, meta=ArticleMeta(id=art["docno"], published=published,
                                                               source=art.get("source"))))
            t0 = time.perf_counter()
            stage(doc)
            elapsed += time.perf_counter() - t0
            events[cat].append(len(doc.events))
            reasons.update(m.value["reason"] for m in doc.mentions_of("non_event"))
            subtypes.update(e.sub_event_type for e in doc.events)
    n = sum(taken.values())
    print(f"articles {n}; events stage mean {1000 * elapsed / max(n, 1):.3f} ms/article")
    for cat, counts in sorted(events.items()):
        with_events = sum(1 for c in counts if c)
        print(f"  {cat:18s} articles {len(counts):4d}  events/article {sum(counts) / len(counts):.2f}"
              f"  articles with events {with_events / len(counts):.0%}")
    print("non-event reasons:", dict(reasons.most_common()))
    print("sub-event types:", dict(subtypes.most_common(12)))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 150))
