"""Classes fixed in round 4, through the whole pipeline (data/round4_cases.tsv): an announced
agreement, disbanding or new base is the event; strategic developments told in a follow-on
sentence; a country-level or next-sentence place for them; sit-ins; ministries of defence as
agents; purposes ("aiming to liberate") and held areas are no territorial change; goods seized
in an ambush are no take-over; a missile attack repelled by air defences is disrupted weapons use."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.lang.ar import read_tsv_path
from rasd.pipeline import extract

CASES = Path(__file__).parent / "data" / "round4_cases.tsv"


def _rows() -> list[dict[str, str]]:
    return read_tsv_path(CASES)


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['class']}:{r['text'][:20]}")
def test_round4_case(row: dict[str, str]) -> None:
    events = extract(row["text"].replace("\\n", "\n"), published=row["published"], id="round4").events
    expected = [] if row["expect"] == "-" else [x.strip() for x in row["expect"].split(" ; ")]
    assert [e.sub_event_type for e in events] == expected
    for field in ("location", "actor1", "actor2"):
        if row[field]:
            assert str(getattr(events[0], field)) == row[field]

