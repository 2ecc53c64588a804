"""``rasd evaluate-fusion GOLD``: how well reports of one incident from many articles become one
event (pairwise merge precision/recall and B³), through the real store on SQLite or PostgreSQL."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from rasd.evaluate.fusion import load_fusion_gold, score_fusion, store_predictions
from rasd.evaluate.gold import GoldFormatError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate-fusion",
        help="score cross-article fusion against a fusion gold set (eval/fusion/gold.jsonl)",
        description="Ingest every article of the fusion gold set into a database (a fresh temporary SQLite "
        "file unless --db is given) and print pairwise merge precision/recall and B-cubed against the "
        "gold incidents (docs/evaluation.md).",
    )
    parser.add_argument("gold", type=Path, help="the fusion gold file (eval/fusion/gold.jsonl)")
    parser.add_argument("--db", help="database URL to ingest into (use an empty one); default: a temporary SQLite file")
    parser.add_argument("--corpus", type=Path, help="corpus JSONL(.gz) the gold points into (default: ../shared's)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run_evaluate_fusion)


def run_evaluate_fusion(args: argparse.Namespace) -> int:
    from rasd.store import StoreError

    try:
        gold = load_fusion_gold(args.gold, args.corpus)
    except (GoldFormatError, OSError, ValueError) as err:
        print(f"rasd evaluate-fusion: {err}", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="rasd-fusion-") as tmp:
            url = args.db or f"sqlite:///{Path(tmp) / 'fusion.db'}"
            score = score_fusion(gold, store_predictions(gold, url))
    except StoreError as err:
        print(f"rasd evaluate-fusion: {err}", file=sys.stderr)
        return 2
    result = {"gold": str(args.gold), "database": "sqlite (temporary)" if not args.db else args.db.split(":")[0],
              **score.to_dict()}
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(f"Rasd fusion evaluation: {args.gold} on {result['database']}")
        print(f"reports {score.reports} (matched to an extracted event: {score.matched_reports})")
        print(f"pairwise merge   P {score.pairwise_precision:.3f}   R {score.pairwise_recall:.3f}")
        print(f"B-cubed          P {score.b3_precision:.3f}   R {score.b3_recall:.3f}   F1 {score.b3_f1:.3f}")
        print(f"look-alike incident pairs wrongly merged: {score.lookalike_pairs_merged} of {score.lookalike_pairs}")
    return 0
