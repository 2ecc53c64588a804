"""Classes of assembly errors fixed in round 2, checked through the whole pipeline
(data/round2_cases.tsv: fresh sentences, several per class, with negatives)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rasd.pipeline import extract

CASES = Path(__file__).parent / "data" / "round2_cases.tsv"


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _events(text: str, published: str):
    return extract(text.replace("\\n", "\n"), published=published, id="round2").events


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['class']}:{r['text'][:20]}")
def test_round2_case(row: dict[str, str]) -> None:
    expected = [] if row["expect"] == "-" else [x.strip() for x in row["expect"].split(" ; ")]
    events = _events(row["text"], row["published"])
    assert [f"{e.sub_event_type}@{e.event_date}/{e.time_precision}" for e in events] == expected
    if row.get("fatalities"):
        assert [str(e.fatalities) for e in events] == [x.strip() for x in row["fatalities"].split(" ; ")]
