"""The event-assembly data files: normalized, unique, and with values the code understands."""

from __future__ import annotations

import pytest

from rasd.events import lexicons
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.normalize import normalize_phrase

CONTRACT_REASONS = {"condemnation", "statement", "threat", "future", "denial", "negation", "hypothetical",
                    "claim", "video", "court", "background", "aggregate", "accident", "disaster",
                    "non_conflict", "sport"}


@pytest.mark.parametrize("relpath", lexicons.DATA_FILES)
def test_entries_are_normalized_and_unique(relpath: str) -> None:
    seen: set[str] = set()
    for row in read_tsv(relpath):
        for variant in split_variants(row["ar"]):
            assert variant == normalize_phrase(variant), variant
            assert variant not in seen, f"duplicate {variant!r} in {relpath}"
            seen.add(variant)


def test_cue_columns() -> None:
    for row in read_tsv(lexicons.CUES):
        assert row["reason"] in CONTRACT_REASONS
        assert row["scope"] in {"governs", "near", "clause", "sentence", "onward", "pluperfect", "particle", "similar",
                                "article", "cancels"}
        assert row["strength"] in {"hard", "soft"}
        if row["scope"] in {"governs", "near"}:
            assert int(row["window"]) > 0


def test_other_columns() -> None:
    assert {r["role"] for r in read_tsv(lexicons.DISCOURSE)} <= {"break", "shift"}
    assert {r["role"] for r in read_tsv(lexicons.ROLES)} <= {"agent", "target", "between", "with", "both_sides"}
    effects = {"air", "civilian_target", "seizure", "aftermath", "destination", "includes_perpetrators", "own_action",
               "speaker", "origin", "towards", "from", "quantity", "that", "motive"}
    assert {r["effect"] for r in read_tsv(lexicons.CONTEXT)} <= effects
    assert all(int(r["count"]) >= 2 for r in read_tsv(lexicons.OCCASIONS))


def test_matchers_load() -> None:
    assert len(lexicons.cue_matcher()) > 100
    assert len(lexicons.role_matcher()) > 10
    assert set(lexicons.data_hashes()) == set(lexicons.DATA_FILES)


def test_only_claims_of_responsibility_inform_actors() -> None:
    for row in read_tsv(lexicons.CUES):
        assert row["informs"] in ("", "actor1")
        if row["informs"]:
            assert row["reason"] == "claim"
