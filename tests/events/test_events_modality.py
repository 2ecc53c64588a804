"""Non-event filter: every cue class has sentences of its own (data/modality_cases.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from event_builder import DocBuilder

from rasd.events.candidates import build_candidates
from rasd.events.view import build_view
from rasd.lang.ar import read_tsv_path

CASES = Path(__file__).parent / "data" / "modality_cases.tsv"


def _rows() -> list[dict[str, str]]:
    return read_tsv_path(CASES)


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['expected']}:{r['sentence'][:25]}")
def test_modality_case(row: dict[str, str]) -> None:
    b = DocBuilder(row["sentence"])
    if row["trigger"]:
        b.trigger(row["trigger"], "Armed clash")
    if row["count"]:
        b.casualty(row["count"], "killed", int(row["n"]))
    incidents, non_events = build_candidates(build_view(b.doc))
    reasons = [ne.verdict.reason for ne in non_events]
    if row["expected"] == "event":
        assert incidents and not reasons, reasons
    else:
        assert not incidents and set(reasons) == {row["expected"]}, (reasons, len(incidents))


def test_every_cue_reason_has_cases() -> None:
    from rasd.lang.ar import read_tsv

    reasons = {r["reason"] for r in read_tsv("events/cues.tsv")}
    covered = {r["expected"] for r in _rows()}
    assert reasons - {"aggregate"} <= covered
