"""``rasd evaluate GOLD``: score the pipeline against an annotated corpus.

Exit codes: 0 scored (and every ``--fail-under`` floor met), 1 a runtime error (an article
raised in the pipeline) or a floor not met, 2 bad input (unreadable gold or predictions,
unknown metric).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rasd.evaluate.floors import FloorError, below_floors, read_floor_args
from rasd.evaluate.gold import GoldFormatError, load_any_gold
from rasd.evaluate.report import errors_text, to_json, to_text
from rasd.evaluate.runner import evaluate_articles, load_predictions, saved_predictor


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score extraction against an annotated gold corpus",
        description="Match predicted events to gold events and print per-field precision, recall "
        "and accuracy (see docs/evaluation.md).",
    )
    parser.add_argument("gold", type=Path, help="a gold .jsonl file or a folder of them (e.g. eval/dev)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--fail-under",
        action="append",
        default=[],
        metavar="METRIC=VALUE|FLOORS.json",
        help="fail (exit 1) when a headline metric is below VALUE; repeatable; a .json file gives many",
    )
    parser.add_argument(
        "--predictions",
        type=Path,
        help="score saved output-contract lines (keyed by article.id) instead of running the pipeline",
    )
    parser.add_argument("--show-errors", action="store_true", help="list missed/spurious events per article")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="corpus JSONL(.gz) that real-text gold (eval/real) points into "
        "(default: $RASD_CORPUS or ../shared/corpora/ant-dev.jsonl.gz)",
    )
    parser.set_defaults(handler=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    try:
        floors = read_floor_args(args.fail_under)
        articles = load_any_gold(args.gold, args.corpus)
        predictor = saved_predictor(load_predictions(args.predictions)) if args.predictions else None
    except (GoldFormatError, FloorError, OSError) as err:
        print(f"rasd evaluate: {err}", file=sys.stderr)
        return 2
    try:
        report = evaluate_articles(articles, predictor)
    except Exception as err:  # a broken pipeline import: report it, no traceback
        print(f"rasd evaluate: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    corpus = str(args.gold)
    if args.format == "json":
        print(json.dumps(to_json(report, corpus), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(to_text(report, corpus))
    if args.show_errors:
        sys.stdout.write("\n" + errors_text(report))
    failed = below_floors(report.headline(), floors)
    for name, (value, floor) in failed.items():
        print(f"rasd evaluate: {name} = {value:.4f} is below the floor {floor:.4f}", file=sys.stderr)
    if report.errors:
        print(f"rasd evaluate: the pipeline raised on {report.errors} article(s); see --show-errors",
              file=sys.stderr)
    return 1 if failed or report.errors else 0


def main(argv: list[str] | None = None) -> int:
    """Run the subcommand standalone: ``python -m rasd.evaluate.cli eval/dev``."""
    parser = argparse.ArgumentParser(prog="rasd")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["evaluate", *(argv if argv is not None else sys.argv[1:])])
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
