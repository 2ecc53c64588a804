"""Quality gate on real news: the pipeline on eval/real/dev stays at or above its floors.

Needs the shared corpus the real gold points into; skips cleanly without it. Floors live in
eval/floors.json under "real_dev", tied to the gold's digest, and may only go up. The held-out
split (eval/real/heldout) has no floors and is never tuned on.
"""

import json
from pathlib import Path

import pytest

from rasd.evaluate.floors import REAL_HEADLINE_METRICS, below_floors, corpus_digest, read_floors_file
from rasd.evaluate.real import CORPUS_DEFAULT, load_real_gold
from rasd.evaluate.runner import evaluate_articles

ROOT = Path(__file__).resolve().parents[2]
REAL_DEV = ROOT / "eval" / "real" / "dev"
FLOORS = ROOT / "eval" / "floors.json"

pytestmark = pytest.mark.skipif(not CORPUS_DEFAULT.exists(), reason="../shared/corpora is absent")


@pytest.fixture(scope="module")
def report():
    return evaluate_articles(load_real_gold(REAL_DEV))


def test_real_floors_cover_the_real_headline_metrics():
    assert set(read_floors_file(FLOORS, "real_dev")) == set(REAL_HEADLINE_METRICS)


def test_real_floors_belong_to_this_gold():
    stored = json.loads(FLOORS.read_text(encoding="utf-8"))["real_dev"]["corpus_sha256"]
    assert stored == corpus_digest(REAL_DEV), "eval/real/dev changed: re-measure and store its digest"


def test_real_dev_at_or_above_floors(report):
    failed = below_floors(report.headline(), read_floors_file(FLOORS, "real_dev"))
    assert not failed, {name: f"{value:.4f} < floor {floor:.4f}" for name, (value, floor) in failed.items()}
