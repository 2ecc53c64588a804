"""Error classes fixed after the first corpus review: every row of ``classes.tsv`` must pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.extractors.places.stage import PlacesStage
from rasd.lang.ar import read_tsv_path
from rasd.normalize.normalizer import NormalizeStage
from rasd.pipeline import Pipeline
from rasd.tokenize.tokens import TokenizeStage

from .test_mention_table import check_row

TABLE = Path(__file__).with_name("classes.tsv")


def read_classes() -> list[dict[str, str]]:
    return read_tsv_path(TABLE)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])


def test_each_class_has_several_cases_and_a_negative() -> None:
    rows = read_classes()
    for name in {r["class"] for r in rows} - {"keep"}:
        assert sum(r["class"] == name for r in rows) >= 3, name
    assert any(r["class"] == "keep" for r in rows)


@pytest.mark.parametrize("row", read_classes(), ids=lambda r: f"{r['class']}-{r['surface']}")
def test_error_class_row(row: dict[str, str], pipeline: Pipeline) -> None:
    assert check_row(row, pipeline) is None, row["sentence"]
