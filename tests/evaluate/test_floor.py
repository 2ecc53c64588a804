"""Quality gate: the pipeline on the dev corpus stays at or above the floors in eval/floors.json.

A floor may only go up: raise it when a change improves a figure, never lower it to make a test
pass. The floors are tied to one version of the corpus by its SHA-256; after editing eval/dev,
re-measure (`rasd evaluate eval/dev`) and store the new digest
(`python -m rasd.evaluate.floors eval/dev`).
"""

import json
from pathlib import Path

import pytest

from rasd.evaluate.floors import HEADLINE_METRICS, below_floors, corpus_digest, read_floors_file
from rasd.evaluate.gold import load_gold
from rasd.evaluate.runner import evaluate_articles

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "eval" / "dev"
FLOORS = ROOT / "eval" / "floors.json"


@pytest.fixture(scope="module")
def report():
    return evaluate_articles(load_gold(DEV))


def test_floors_file_covers_every_headline_metric():
    floors = read_floors_file(FLOORS)
    assert set(floors) == set(HEADLINE_METRICS)


def test_floors_belong_to_this_corpus():
    stored = json.loads(FLOORS.read_text(encoding="utf-8"))["corpus_sha256"]
    assert stored == corpus_digest(DEV), (
        "eval/dev changed since the floors were set: re-measure with `rasd evaluate eval/dev` and "
        "store `python -m rasd.evaluate.floors eval/dev` as corpus_sha256 in eval/floors.json"
    )


def test_pipeline_runs_on_every_dev_article(report):
    failed = [r.gold.id + ": " + str(r.error) for r in report.articles if r.error]
    assert not failed


def test_headline_metrics_at_or_above_floors(report):
    failed = below_floors(report.headline(), read_floors_file(FLOORS))
    assert not failed, {name: f"{value:.4f} < floor {floor:.4f}" for name, (value, floor) in failed.items()}
