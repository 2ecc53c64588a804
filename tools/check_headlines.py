"""Development check: killed counts stated in headlines vs. the largest incident count in the body.

    .venv/bin/python tools/check_headlines.py [--limit N] [--examples K] [--category C]

Headlines such as "مقتل 8 عسكريين في ..." are a weak label for what the article body should
yield. For every article whose headline states a killed count (an explicit or implied number,
not a subset, aggregate, negated, zero, unknown or bare-plural statement), the headline count
(summed over its statements) is compared with the largest incident count read in the body
(single statements and the sum of items sharing one casualty word; aggregates, subsets,
negated and zero statements excluded). Prints the agreement rate, the disagreement classes
and examples of each class to read. Skips when ../shared/corpora is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from rasd.document import Document, Mention
from rasd.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "ant-dev.jsonl.gz"
EXCLUDED_FLAGS = ("subset", "aggregate", "negated", "zero", "unknown")


def articles(limit: int | None, category: str | None) -> Iterator[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            row = json.loads(line)
            if category is None or row.get("category") == category:
                yield row


def killed_statements(doc: Document) -> list[Mention]:
    out = []
    for m in doc.mentions_of("casualty"):
        v = m.value
        if v["type"] != "killed" or v["min"] is None or v["qualifier"] == "some":
            continue
        if any(v[flag] for flag in EXCLUDED_FLAGS):
            continue
        out.append(m)
    return out


def headline_range(mentions: list[Mention]) -> tuple[int, float] | None:
    """The headline's killed count as a range ("عشرات القتلى" = 10..99, "أكثر من 100" = 100..)."""
    if not mentions:
        return None
    low = sum(m.value["min"] for m in mentions)
    highs = [m.value["max"] for m in mentions]
    high = float("inf") if any(h is None for h in highs) else sum(highs)
    return low, high


def body_counts(mentions: list[Mention]) -> list[tuple[int, Mention]]:
    """Candidate incident counts: each statement, and items summed per casualty word."""
    out = [(m.value["min"], m) for m in mentions]
    by_trigger: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_trigger[tuple(m.value["trigger_span"])].append(m)
    for group in by_trigger.values():
        if len(group) > 1:
            out.append((sum(m.value["min"] for m in group), group[0]))
    return out


def classify(head: tuple[int, float], body: list[tuple[int, Mention]], any_update: bool) -> str:
    if not body:
        return "body: no killed count"
    low, high = head
    values = {v for v, _ in body}
    best = max(values)
    if low <= best <= high:
        return "agree"
    if any(low <= v <= high for v in values):
        return "agree: headline count present, body has a larger one"
    if any_update and best > high:
        return "body: later/updated toll larger"
    return "body larger" if best > high else "body smaller (headline count not found)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--examples", type=int, default=4)
    parser.add_argument("--category", default=None)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skip: corpus not found at {CORPUS}")
        return 0
    pipe = Pipeline().until("casualties")
    classes: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for row in articles(args.limit, args.category):
        title = row.get("title") or ""
        head_doc = pipe(Document(title))
        head = headline_range(killed_statements(head_doc))
        if head is None:
            continue
        body_doc = pipe(Document(row.get("text") or ""))
        body_mentions = killed_statements(body_doc)
        any_update = any(m.value["update"] for m in body_doc.mentions_of("casualty"))
        body = body_counts(body_mentions)
        cls = classify(head, body, any_update)
        classes[cls] += 1
        if len(examples[cls]) < args.examples:
            shown = "; ".join(f"{v} «{m.text}»" for v, m in sorted(body, key=lambda b: -b[0])[:3])
            shown_head = f"{head[0]}" if head[0] == head[1] else f"{head[0]}..{head[1]}"
            examples[cls].append(
                f"  [{row.get('docno')}] headline {shown_head}: {title}\n      body: {shown or '-'}"
            )
    total = sum(classes.values())
    if not total:
        print("no headline with a killed count")
        return 0
    strict = classes["agree"]
    loose = strict + classes["agree: headline count present, body has a larger one"]
    print(f"articles with a killed count in the headline: {total}")
    print(f"agreement (largest body incident count within headline's): {strict}/{total} = {strict / total:.1%}")
    print(f"headline count found among body counts:             {loose}/{total} = {loose / total:.1%}")
    print("classes:")
    for cls, n in classes.most_common():
        print(f"  {n:5d}  {n / total:6.1%}  {cls}")
    for cls, _ in classes.most_common():
        if cls == "agree":
            continue
        print(f"\n== {cls}")
        print("\n".join(examples[cls]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
