"""The fusion gold set of real coverage (eval/fusion), scored through the real store on SQLite and
PostgreSQL: the same answer on both, and at or above the measured floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.evaluate.fusion import load_fusion_gold, score_fusion, store_predictions
from rasd.evaluate.real import CORPUS_DEFAULT

GOLD = Path(__file__).resolve().parents[2] / "eval" / "fusion" / "gold.jsonl"
B3_FLOOR = 0.76  # measured B-cubed F1 (see bench/README.md and the closing notes); only goes up

pytestmark = pytest.mark.skipif(not CORPUS_DEFAULT.exists(), reason="../shared/corpora is absent")


@pytest.fixture(scope="module")
def gold():
    return load_fusion_gold(GOLD)


@pytest.fixture(scope="module")
def sqlite_score(gold, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('fusion') / 'gold.db'}"
    return score_fusion(gold, store_predictions(gold, url))


def test_fusion_gold_on_sqlite_meets_its_floor(sqlite_score):
    assert sqlite_score.b3_f1 >= B3_FLOOR
    assert sqlite_score.matched_reports >= 0.85 * sqlite_score.reports


@pytest.mark.postgresql
def test_fusion_gold_on_postgresql_gives_the_sqlite_answer(gold, pg_url, sqlite_score):
    assert score_fusion(gold, store_predictions(gold, pg_url)) == sqlite_score
