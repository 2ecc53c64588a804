"""The date lexicons: normalized, unambiguous, and known to the glued-word splitter."""

from __future__ import annotations

from collections import Counter

import pytest

from rasd.extractors.dates.lexicon import FILES, date_matcher
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import known_words, split_variants
from rasd.normalize import normalize_phrase
from rasd.tokenize.tokens import split_glued

ALL_FILES = (*FILES, "clause_openers.tsv", "reporting.tsv")


@pytest.mark.parametrize("name", ALL_FILES)
def test_entries_are_normalized_and_unique(name) -> None:
    variants = [v for row in read_tsv("dates/" + name) for v in split_variants(row["ar"])]
    assert variants
    for v in variants:
        assert normalize_phrase(v) == v, v
        assert all("\u0621" <= ch <= "\u064a" or ch.isdigit() or ch == " " for ch in v), v
    dupes = [v for v, n in Counter(variants).items() if n > 1]
    assert not dupes


def test_matcher_loads() -> None:
    assert len(date_matcher()) > 200


@pytest.mark.parametrize(("glued", "cut"), [("فجرامس", 3), ("مساءامس", 4), ("صباحاليوم", 4)])
def test_glued_date_words_split(glued, cut) -> None:
    assert {"فجر", "امس", "مساء", "صباح", "اليوم"} <= known_words()
    assert split_glued(glued) == cut
