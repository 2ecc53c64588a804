"""The number grammar on a table of expressions (every word form, compounds, digits, bounds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.document import Document
from rasd.extractors.numbers.grammar import parse_digits
from rasd.extractors.numbers.stage import NumbersStage
from rasd.normalize.normalizer import NormalizeStage
from rasd.tokenize.tokens import TokenizeStage

TABLE = Path(__file__).with_name("expressions.tsv")
STAGES = (NormalizeStage(), TokenizeStage(), NumbersStage())


def _rows() -> list[tuple[str, str]]:
    rows = []
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:
        text, expected = line.split("\t")
        rows.append((text, expected))
    return rows


def _cell(value: str) -> object:
    if value == "-":
        return None
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


def _expected(expected: str) -> list[tuple[object, ...]]:
    if expected == "none":
        return []
    out = []
    for part in expected.split(" ; "):
        value, low, high, qualifier, unit, ordinal = part.split()
        out.append((_cell(value), _cell(low), _cell(high), qualifier, _cell(unit), ordinal == "o"))
    return out


def numbers(text: str) -> list[tuple[object, ...]]:
    doc = Document(text)
    for stage in STAGES:
        doc = stage(doc)
    return [
        (v["value"], v["min"], v["max"], v["qualifier"], v["unit"], v["ordinal"])
        for v in (m.value for m in doc.mentions_of("number"))
    ]


@pytest.mark.parametrize(("text", "expected"), _rows())
def test_expression(text: str, expected: str) -> None:
    assert numbers(text) == _expected(expected)


def test_mention_keys_and_span() -> None:
    doc = Document("قتل نحو ١٬٢٠٠ شخص ووخمسة")
    for stage in STAGES:
        doc = stage(doc)
    first = doc.mentions_of("number")[0]
    assert set(first.value) >= {"value", "min", "max", "qualifier", "vague", "unit", "ordinal"}
    assert first.text == "نحو ١٬٢٠٠"
    assert first.stage == "numbers"


def test_clitic_excluded_from_span() -> None:
    doc = Document("قتل ثلاثة وخمسة")
    for stage in STAGES:
        doc = stage(doc)
    assert [m.text for m in doc.mentions_of("number")] == ["ثلاثة", "خمسة"]


@pytest.mark.parametrize(
    ("digits", "value"),
    [("1,200", 1200), ("12,500", 12500), ("1,5", 1.5), ("2.5", 2.5), ("007", 7), ("3.0", 3)],
)
def test_parse_digits(digits: str, value: float) -> None:
    assert parse_digits(digits) == value


def test_stage_identity() -> None:
    stage = NumbersStage()
    assert (stage.name, stage.version) == ("numbers", "2")
