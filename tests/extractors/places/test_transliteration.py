"""Places known only in Latin script, matched by consonant skeleton after a place cue."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from rasd.document import Document
from rasd.extractors.places.stage import PlacesStage
from rasd.extractors.places.translit import arabic_spelling, latin_skeleton, lookup, spellings_fit
from rasd.lang.ar import read_tsv_path
from rasd.normalize import normalize_phrase
from rasd.normalize.normalizer import NormalizeStage
from rasd.pipeline import Pipeline
from rasd.tokenize.tokens import TokenizeStage

TABLE = Path(__file__).with_name("transliteration.tsv")


def read_table() -> list[dict[str, str]]:
    return read_tsv_path(TABLE)


@cache
def pipeline() -> Pipeline:
    return Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])


def check_row(row: dict[str, str]) -> str | None:
    doc = pipeline()(Document(row["sentence"]))
    start = row["sentence"].rindex(row["surface"])  # the last one: "سوق كتم ... قرب كتم"
    end = start + len(row["surface"])
    hits = [m for m in doc.mentions_of("place") if m.start < end and start < m.end]
    if row["expected"] == "-":
        return None if not hits else f"unexpected {hits[0].value['name']} ({hits[0].value['iso2']})"
    if not hits:
        return "no place"
    value = hits[0].value
    name, iso2 = row["expected"].split("|")
    if (value["name"], value["iso2"]) != (name, iso2):
        return f"got {value['name']} ({value['iso2']})"
    if (value.get("match") == "transliteration") != (row["match"] == "transliteration"):
        return f"match {value.get('match')}"
    if row["precision"] and value["geo_precision"] != int(row["precision"]):
        return f"precision {value['geo_precision']}"
    return None


@pytest.mark.parametrize("row", read_table(), ids=lambda r: f"{r['class']}-{r['surface']}")
def test_transliteration_row(row: dict[str, str]) -> None:
    assert check_row(row) is None, row["sentence"]


def test_table_size() -> None:
    rows = read_table()
    assert len(rows) >= 40
    assert sum(r["expected"] == "-" for r in rows) >= 10


@pytest.mark.parametrize("arabic, latin", [
    ("كتم", "Kutum"), ("سبين بولدك", "Spin Boldak"), ("أرغنداب", "Arghandab"), ("ود النورة", "Wad an Nurah"),
    ("واغادوغو", "Ouagadougou"), ("جيبو", "Djibo"), ("بنقردان", "Ben Gardane"), ("أم حجر", "Oum Hadjer"),
])
def test_spellings_fit(arabic: str, latin: str) -> None:
    assert spellings_fit(arabic_spelling(normalize_phrase(arabic)), _latin(latin))


@pytest.mark.parametrize("arabic, latin", [
    ("التيفور", "Tifrah"),  # the Arabic long vowels have no Latin vowel there
    ("نصر", "An Nasiriyah"),  # the Latin y is a long vowel Arabic would write
    ("أكثر", "Caesarea"),  # one starts with a vowel, the other does not
    ("تيفاريتي", "Tafraout"),
])
def test_spellings_differ(arabic: str, latin: str) -> None:
    assert not spellings_fit(arabic_spelling(normalize_phrase(arabic)), _latin(latin))


def test_lookup_needs_three_consonants_and_the_country() -> None:
    assert lookup(normalize_phrase("كتم"), "SD").name == "Kutum"
    assert lookup(normalize_phrase("كتم"), "NG") is None
    assert lookup(normalize_phrase("كيتا"), "ML") is None  # Kita: two consonants match too much
    assert latin_skeleton("Al Mahabishah") == "MBC"


def _latin(name: str):
    from rasd.extractors.places.translit import latin_spelling

    return latin_spelling(name)


def test_shipped_skeletons_are_current() -> None:
    """The builder stores each Latin name's skeleton; they must follow today's rules."""
    from rasd.extractors.places.translit import latin_places

    stale = [(place.name, skeleton) for rows in latin_places().values() for skeleton, place in rows
             if latin_skeleton(place.name) != skeleton]
    assert not stale, f"rerun tools/build_gazetteer.py: {stale[:5]}"


def test_imported_latin_places_are_looked_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full GeoNames dump adds the villages cities500 lacks (Spin Boldak is not in it)."""
    from rasd.extractors.places import translit
    from rasd.extractors.places.gazetteer import load_gazetteer
    from rasd.extractors.places.importer import import_geonames

    row = ["9990101", "Spin Boldak", "Spin Boldak", "Spin Buldak", "31.0", "66.4", "P", "PPL", "AF", "", "23",
           "", "", "", "0", "", "1000", "Asia/Kabul", "2024-01-01"]
    dump = tmp_path / "AF.txt"
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    monkeypatch.setenv("RASD_GAZETTEER_DIR", str(tmp_path / "gaz"))
    import_geonames(dump)
    assert list((tmp_path / "gaz").glob("*.latin.gz"))
    for cached in (translit.latin_places, translit.country_index, load_gazetteer):
        cached.cache_clear()
    try:
        doc = pipeline()(Document("اشتبكت القوات الأفغانية مع مسلحي طالبان في مديرية سبين بولدك بولاية قندهار."))
        values = [m.value for m in doc.mentions_of("place")]
        assert any(v["geonameid"] == 9990101 and v.get("match") == "transliteration" for v in values)
    finally:
        monkeypatch.delenv("RASD_GAZETTEER_DIR")
        for cached in (translit.latin_places, translit.country_index, load_gazetteer):
            cached.cache_clear()
