"""The casualty statement table: (type, min, max, group) exact on at least 97% of sentences."""

from __future__ import annotations

import pytest

from .table import describe, flags_match, load_rows, run, tuples_match

ACCURACY_FLOOR = 0.97
FLAGS_FLOOR = 0.95
MIN_ROWS = 300


@pytest.fixture(scope="module")
def results():
    rows = load_rows()
    return [(row, run(row.sentence)) for row in rows]


def test_table_is_large_enough(results) -> None:
    assert len(results) >= MIN_ROWS


def test_tuple_accuracy_floor(results) -> None:
    failures = [describe(row, doc) for row, doc in results if not tuples_match(row, doc)]
    accuracy = 1 - len(failures) / len(results)
    report = "\n".join(failures)
    assert accuracy >= ACCURACY_FLOOR, (
        f"casualty table accuracy {accuracy:.3f} < {ACCURACY_FLOOR} ({len(failures)} of {len(results)}):\n"
        f"{report}"
    )


def test_flag_accuracy_floor(results) -> None:
    """Among sentences whose tuples are right, the flags (subset, update, …) match too."""
    right = [(row, doc) for row, doc in results if tuples_match(row, doc)]
    failures = [describe(row, doc) for row, doc in right if not flags_match(row, doc)]
    accuracy = 1 - len(failures) / max(1, len(right))
    assert accuracy >= FLAGS_FLOOR, "\n".join(failures)
