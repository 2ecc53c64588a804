"""The place-mention table: ≥95% of rows must resolve to the right place (failures listed)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from rasd.document import Document
from rasd.evaluate.matching import haversine_km as km
from rasd.extractors.places.gazetteer import load_gazetteer
from rasd.extractors.places.stage import PlacesStage
from rasd.lang.ar import read_tsv_path
from rasd.normalize.normalizer import NormalizeStage
from rasd.pipeline import Pipeline
from rasd.tokenize.tokens import TokenizeStage

TABLE = Path(__file__).with_name("mentions.tsv")
MAX_KM = 25.0
FLOOR = 0.95
ARTICLES = frozenset({"al", "ar", "as", "ash", "at", "ad", "an", "az", "el", "ath", "adh"})


def read_table() -> list[dict[str, str]]:
    return read_tsv_path(TABLE)


def fold(name: str) -> str:
    """Accent-, article- and punctuation-insensitive form of an English/Latin place name."""
    text = unicodedata.normalize("NFKD", name.lower())
    words = re.sub(r"[^a-z0-9 -]", "", text.encode("ascii", "ignore").decode()).replace("-", " ").split()
    return "".join(w for w in words if w not in ARTICLES)


def expected_places(spec: str):
    name, iso2 = spec.split("|")
    return [p for p in load_gazetteer().places if p.iso2 == iso2 and fold(p.name) == fold(name)]


def check_row(row: dict[str, str], pipeline: Pipeline) -> str | None:
    """None when the row passes, else a short reason."""
    doc = pipeline(Document(row["sentence"]))
    start = row["sentence"].find(row["surface"])
    end = start + len(row["surface"])
    hits = [m for m in doc.mentions_of("place") if m.start < end and start < m.end]
    expected = row["expected"]
    if expected == "NONE":
        # a street/district named after a place is coded to its city: fine, it is not that place
        named = [m for m in hits if not m.value["district"]]
        return None if not named else f"unexpected place {named[0].value['name']}"
    if not hits:
        return "no place found"
    value = hits[0].value
    reference = expected.startswith("REF:")
    spec = expected.removeprefix("REF:")
    wanted = expected_places(spec)
    if not wanted:
        return f"expected place {spec} is not in the gazetteer"
    dist = min(km(value["latitude"], value["longitude"], p.lat, p.lon) for p in wanted)
    if dist > MAX_KM:
        return f"got {value['name']} ({value['iso2']}), {dist:.0f} km away"
    if bool(value["is_reference"]) != reference:
        return f"is_reference={value['is_reference']}"
    if row["precision"] and int(row["precision"]) != value["geo_precision"]:
        return f"precision {value['geo_precision']} != {row['precision']}"
    return None


def test_table_is_big_enough() -> None:
    rows = read_table()
    assert sum(1 for r in rows if r["expected"] != "NONE") >= 300
    assert any(r["expected"] == "NONE" for r in rows)


def test_mention_table_accuracy() -> None:
    pipeline = Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])
    rows = read_table()
    failures = []
    for row in rows:
        reason = check_row(row, pipeline)
        if reason:
            failures.append(f"{row['surface']} -> {row['expected']}: {reason} | {row['sentence']}")
    accuracy = 1 - len(failures) / len(rows)
    report = "\n".join(failures)
    print(f"place table accuracy {accuracy:.3f} ({len(rows) - len(failures)}/{len(rows)})\n{report}")
    assert accuracy >= FLOOR, f"accuracy {accuracy:.3f} < {FLOOR}\n{report}"


@pytest.mark.parametrize("row", [r for r in read_table() if r["expected"] == "NONE"],
                         ids=lambda r: r["surface"])
def test_common_words_are_not_places(row: dict[str, str]) -> None:
    pipeline = Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])
    assert check_row(row, pipeline) is None
