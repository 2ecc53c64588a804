"""Reading the casualty statement table (statements.tsv) and scoring the stage against it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rasd.document import Document
from rasd.extractors.casualties.stage import CasualtiesStage
from rasd.extractors.numbers.stage import NumbersStage
from rasd.normalize.normalizer import NormalizeStage
from rasd.tokenize.tokens import TokenizeStage

TABLE = Path(__file__).with_name("statements.tsv")
FLAGS = ("subset", "update", "aggregate", "negated", "zero", "unknown", "preliminary", "includes_attacker",
         "attackers_extra")
STAGES = (NormalizeStage(), TokenizeStage(), NumbersStage(), CasualtiesStage())

Tuple = tuple[str, int | None, int | None, str | None]


@dataclass(frozen=True)
class Row:
    line: int
    sentence: str
    expected: tuple[Tuple, ...]
    flags: tuple[frozenset[str], ...]


def _cell(value: str) -> int | str | None:
    if value == "-":
        return None
    return int(value) if value.lstrip("-").isdigit() else value


def parse_expected(text: str) -> tuple[tuple[Tuple, ...], tuple[frozenset[str], ...]]:
    if text.strip() == "none":
        return (), ()
    tuples, flags = [], []
    for part in text.split(" ; "):
        words = part.split()
        kind, low, high, group = words[0], _cell(words[1]), _cell(words[2]), _cell(words[3])
        tuples.append((kind, low, high, group))
        flags.append(frozenset(w[1:] for w in words[4:] if w.startswith("+")))
    return tuple(tuples), tuple(flags)


def load_rows() -> list[Row]:
    rows: list[Row] = []
    header_seen = False
    for lineno, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        sentence, expected = raw.split("\t")
        tuples, flags = parse_expected(expected)
        rows.append(Row(lineno, sentence, tuples, flags))
    return rows


def run(sentence: str) -> Document:
    doc = Document(sentence)
    for stage in STAGES:
        doc = stage(doc)
    return doc


def actual(doc: Document) -> list[tuple[Tuple, frozenset[str]]]:
    out = []
    for m in doc.mentions_of("casualty"):
        v = m.value
        out.append(((v["type"], v["min"], v["max"], v["group"]), frozenset(f for f in FLAGS if v[f])))
    return out


def tuples_match(row: Row, doc: Document) -> bool:
    return Counter(t for t, _ in actual(doc)) == Counter(row.expected)


def flags_match(row: Row, doc: Document) -> bool:
    got = sorted(actual(doc), key=repr)
    want = sorted(zip(row.expected, row.flags, strict=True), key=repr)
    return [(t, f) for t, f in got] == want


def describe(row: Row, doc: Document) -> str:
    got = " ; ".join(
        f"{t[0]} {t[1]} {t[2]} {t[3]} " + " ".join(f"+{f}" for f in sorted(fl)) for t, fl in actual(doc)
    )
    want = " ; ".join(f"{t[0]} {t[1]} {t[2]} {t[3]}" for t in row.expected) or "none"
    return f"line {row.line}: {row.sentence}\n    want: {want}\n    got:  {got or 'none'}"
