"""Generality classes fixed in round 3, through the whole pipeline (data/round3_cases.tsv):
a town named in the incident's sentence beats its province, claims name actor1, the night of a
day is that day, a clock time keeps the anchored day."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.lang.ar import read_tsv_path
from rasd.pipeline import extract

CASES = Path(__file__).parent / "data" / "round3_cases.tsv"


def _rows() -> list[dict[str, str]]:
    return read_tsv_path(CASES)


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['class']}:{r['text'][:20]}")
def test_round3_case(row: dict[str, str]) -> None:
    events = extract(row["text"].replace("\\n", "\n"), published=row["published"], id="round3").events
    expected = [] if row["expect"] == "-" else [x.strip() for x in row["expect"].split(" ; ")]
    assert [f"{e.sub_event_type}@{e.event_date}/{e.time_precision}" for e in events] == expected
    if row["location"]:
        assert str(events[0].location) == row["location"]
    if row["actor1"]:
        assert str(events[0].actor1) == row["actor1"]
    if row["fatalities"]:
        assert str(events[0].fatalities) == row["fatalities"]
