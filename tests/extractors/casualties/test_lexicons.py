"""The numbers and casualties data files: normalized, valid keys, no duplicate forms, no Arabic in code."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from rasd.extractors.casualties.lexicon import casualty_lexicon
from rasd.extractors.numbers.lexicon import number_lexicon
from rasd.lang.ar import data_path, read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.normalize import normalize_phrase

DATA_FILES = sorted(
    f"{folder}/{p.name}" for folder in ("numbers", "casualties") for p in data_path(folder).glob("*.tsv")
)
ARABIC_COLUMNS = ("ar", "close")
TYPES = {"killed", "injured", "killed_or_injured", "abducted", "arrested", "missing"}
PATTERNS = {"verb", "verbal", "plural", "singular", "dual", "counted", "strict", "frame", "pronoun"}
GROUP_NUMBERS = {"sg", "du", "pl", "org"}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "up_to", "less_than", "range", "dozens", "tens",
              "hundreds", "thousands", "several", "many", "some"}
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
REPO = Path(__file__).resolve().parents[3]
CODE = sorted((REPO / "rasd" / "extractors" / "numbers").glob("*.py")) + sorted(
    (REPO / "rasd" / "extractors" / "casualties").glob("*.py")
)


def test_data_files_exist() -> None:
    assert len(DATA_FILES) >= 12


@pytest.mark.parametrize("name", DATA_FILES)
def test_arabic_columns_are_normalized(name: str) -> None:
    for row in read_tsv(name):
        for column in ARABIC_COLUMNS:
            for variant in split_variants(row.get(column, "")):
                assert variant == normalize_phrase(variant), f"{name}: {variant!r} is not normalized"


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_duplicate_forms(name: str) -> None:
    """A form appears once per file and key (cues may share a word across different cue keys)."""
    rows = read_tsv(name)
    key_column = "cue" if name.endswith("cues.tsv") else "position" if name.endswith("unit_nouns.tsv") else None
    seen = Counter(
        (variant, row[key_column] if key_column else "")
        for row in rows
        for variant in split_variants(row["ar"])
    )
    if name.endswith(("scales.tsv", "qualifiers.tsv")):
        # "ألفا" is both a scale (after a number) and a dual (alone); "تقريبا" both sides.
        seen = Counter({k: 1 for k in seen})
    duplicates = [form for form, n in seen.items() if n > 1]
    assert not duplicates, f"{name}: duplicate forms {duplicates}"


def test_trigger_rows_are_valid() -> None:
    for row in read_tsv("casualties/triggers.tsv"):
        assert row["type"] in TYPES, row
        assert row["pattern"] in PATTERNS, row
        assert bool(row["close"]) == (row["pattern"] == "frame"), row


def test_group_rows_are_valid() -> None:
    for row in read_tsv("casualties/groups.tsv"):
        assert row["number"] in GROUP_NUMBERS, row
        assert re.fullmatch(r"[a-z_]+", row["group"]), row


def test_trigger_forms_unique_across_rows() -> None:
    forms = Counter(v for row in read_tsv("casualties/triggers.tsv") for v in split_variants(row["ar"]))
    assert [f for f, n in forms.items() if n > 1] == []


def test_group_forms_unique_across_rows() -> None:
    forms = Counter(v for row in read_tsv("casualties/groups.tsv") for v in split_variants(row["ar"]))
    assert [f for f, n in forms.items() if n > 1] == []


def test_vague_and_qualifier_keys_are_canonical() -> None:
    for row in read_tsv("numbers/vague.tsv"):
        assert row["qualifier"] in QUALIFIERS
    for row in read_tsv("numbers/qualifiers.tsv"):
        assert row["qualifier"] in QUALIFIERS
        assert row["position"] in {"before", "after"}


def test_lexicons_load() -> None:
    assert len(number_lexicon().words) > 100
    lex = casualty_lexicon()
    assert len(lex.triggers) > 100 and len(lex.groups) > 200


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.name)
def test_no_arabic_literals_in_code(path: Path) -> None:
    """Language knowledge lives in data: code may quote Arabic only in comments and docstrings."""
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("#", 1)[0]
        stripped = code.strip()
        if stripped.startswith(('"""', "'", '"')) or not ARABIC_LETTER.search(code):
            continue
        # Arabic inside a docstring line (examples) is allowed; in code it is not.
        assert _inside_docstring(path, lineno), f"{path.name}:{lineno}: Arabic literal in code"


def _inside_docstring(path: Path, lineno: int) -> bool:
    text = path.read_text(encoding="utf-8").splitlines()[: lineno - 1]
    return sum(line.count('"""') for line in text) % 2 == 1
