"""Draw a seeded random sample of the events Rasd emits on the whole shared corpus, for a hand audit.

    .venv/bin/python tools/audit_sample.py --out /tmp/audit.jsonl [--size 100] [--seed 20261207]

Runs the pipeline over every article of ``../shared/corpora/ant-dev.jsonl.gz`` (the order of the
file), numbers every emitted event, and draws ``--size`` of them uniformly at random with the
seed. Each line of the output holds the article id, title, publication date, the event's coded
fields and the text of the sentence(s) its evidence sits in, so that a reader can judge it
without opening the corpus: is it a real, discrete incident reported as news, and are its place,
date, type, toll and actor right?

The output holds article text: write it outside the repository (e.g. /tmp). Keep only the
judgements in the repository (``eval/audit/``: article id, event index, verdicts).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpora" / "ant-dev.jsonl.gz"
FIELDS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "injured", "recap", "confidence",
)


def sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min(stops) if stops else len(text)
    return text[left:right].strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: the shared corpus is absent", file=sys.stderr)
        return 2
    from rasd.evaluate.real import iso_published
    from rasd.pipeline import extract

    emitted: list[tuple[dict, int, dict]] = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            doc = extract(row["text"], id=row["docno"], published=iso_published(row.get("published")),
                          title=row.get("title"), source=row.get("source"))
            for n, event in enumerate(doc.events, start=1):
                kept = {k: row[k] for k in ("docno", "title", "published", "category", "text")}
                emitted.append((kept, n, event.to_dict()))
    sample = random.Random(args.seed).sample(range(len(emitted)), min(args.size, len(emitted)))
    with args.out.open("w", encoding="utf-8") as out:
        for rank, i in enumerate(sorted(sample), start=1):
            row, n, event = emitted[i]
            spans = sorted({(e["start"], e["end"]) for e in event["evidence"]})
            sentences = []
            for start, end in spans:
                s = sentence_around(row["text"], start, end)
                if s not in sentences:
                    sentences.append(s)
            out.write(json.dumps({
                "rank": rank, "article": row["docno"], "event_index": n, "category": row["category"],
                "title": row["title"], "published": row["published"],
                "event": {k: event.get(k) for k in FIELDS},
                "evidence_sentences": sentences[:4],
            }, ensure_ascii=False) + "\n")
    print(f"{len(emitted)} events emitted on the corpus; {len(sample)} drawn into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
