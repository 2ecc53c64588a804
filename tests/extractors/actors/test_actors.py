"""Actor dictionary: every row detected in a fresh sentence, naming by country and date."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest

from rasd.document import ArticleMeta, Document
from rasd.extractors.actors import country as country_module
from rasd.extractors.actors import resolve_actor
from rasd.extractors.actors.lexicon import (
    KINDS,
    actor_matcher,
    nationality_adjectives,
    state_forces,
)
from rasd.extractors.actors.stage import ActorsStage
from rasd.extractors.numbers.stage import NumbersStage
from rasd.lang.ar import read_tsv, read_tsv_path
from rasd.lang.ar.vocabulary import split_variants
from rasd.normalize import NormalizeStage, normalize_phrase
from rasd.pipeline import Pipeline
from rasd.tokenize.tokens import TokenizeStage

HERE = Path(__file__).parent
SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "examples" / "seed-article.ar.txt"
CONTRACT_KEYS = {"name", "key", "inter", "country", "generic", "kind"}
DEFAULT_DATE = "2018-05-10"


def _rows() -> list[dict[str, str]]:
    return read_tsv_path(HERE / "sentences.tsv")


ROWS = _rows()


@pytest.fixture(autouse=True)
def _own_country_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table tests this stage's own country detection, not the places stage's."""
    monkeypatch.setattr(country_module, "_places_focus", lambda: None)


@cache
def _pipeline() -> Pipeline:
    return Pipeline([NormalizeStage(), TokenizeStage(), NumbersStage(), ActorsStage()])


def run(text: str, published: str = DEFAULT_DATE) -> Document:
    return _pipeline()(Document(text=text, meta=ArticleMeta(published=published)))


def _check(doc: Document, spec: str) -> bool:
    if "=" in spec:
        key, name = spec.split("=", 1)
        return any(m.value["key"] == key and m.value["name"] == name for m in doc.mentions_of("actor"))
    if "#" in spec:
        key, inter = spec.split("#", 1)
        return any(m.value["key"] == key and m.value["inter"] == int(inter) for m in doc.mentions_of("actor"))
    return any(m.value["key"] == spec for m in doc.mentions_of("actor"))


@pytest.mark.parametrize("row", ROWS, ids=[r["sentence"][:40] for r in ROWS])
def test_sentence(row: dict[str, str]) -> None:
    doc = run(row["sentence"], row["published"] or DEFAULT_DATE)
    found = [(m.value["key"], m.value["name"], m.value["inter"]) for m in doc.mentions_of("actor")]
    for spec in split_variants(row["expect"] or ""):
        assert _check(doc, spec), f"{spec} not in {found}"
    for key in split_variants(row["absent"] or ""):
        assert key not in {k for k, _, _ in found}, f"{key} unexpectedly in {found}"


def _spec_key(spec: str) -> str:
    return spec.split("=", 1)[0].split("#", 1)[0]


def test_every_dictionary_row_has_a_sentence() -> None:
    covered = {_spec_key(s) for r in ROWS for s in split_variants(r["expect"])}
    keys = {r["key"] for f in ("actors/actors.tsv", "actors/generic.tsv") for r in read_tsv(f)}
    assert keys - covered == set()


def test_every_blocker_row_is_exercised() -> None:
    seen = set()
    for row in ROWS:
        doc = run(row["sentence"])
        seen |= {m.payload.key for m in actor_matcher().find(doc.tokens) if m.payload.blocker}
    assert {r["key"] for r in read_tsv("actors/blockers.tsv")} - seen == set()


def test_actor_data_is_valid_and_normalized() -> None:
    owner: dict[str, str] = {}
    keys: set[str] = set()
    for file in ("actors/actors.tsv", "actors/generic.tsv", "actors/blockers.tsv"):
        for row in read_tsv(file):
            assert row["key"] not in keys, row["key"]
            keys.add(row["key"])
            if "inter" in row:
                assert KINDS[int(row["inter"])] == row["kind"], row["key"]
            for phrase in split_variants(row["ar"]):
                assert normalize_phrase(phrase) == phrase, phrase
                assert owner.setdefault(phrase, row["key"]) == row["key"], f"{phrase} in two rows"
    for row in read_tsv("actors/actors.tsv"):
        assert row["name"] or row["state"], row["key"]
        assert not row["state"] or row["state"] in state_forces(), row["key"]


def test_countries_table_every_adjective_names_its_country() -> None:
    names = {r["iso2"]: r["name"] for r in read_tsv("actors/countries.tsv")}
    for row in read_tsv("actors/countries.tsv"):
        for phrase in split_variants(row["ar"]):
            assert normalize_phrase(phrase) == phrase, phrase
        if row["form"] != "adj":
            continue
        for adjective in split_variants(row["ar"]):
            assert nationality_adjectives()[adjective] == row["iso2"], adjective
        value = resolve_actor("civilians", row["iso2"])
        assert value["name"] == f"Civilians ({names[row['iso2']]})"


def test_countries_table_names_vote_for_their_country() -> None:
    for row in read_tsv("actors/countries.tsv"):
        if row["vote"] != "1":
            continue
        for phrase in split_variants(row["ar"]):
            doc = _pipeline().until("tokenize")(Document(text=f"وصل الوفد إلى {phrase} صباح اليوم."))
            assert country_module.detect_country(doc) == row["iso2"], phrase


def test_state_forces_periods_do_not_overlap() -> None:
    for iso2, rows in state_forces().items():
        spans = sorted((r.first, r.last or "9999-12-31") for r in rows if not r.area)
        for (_, last), (first, _) in itertools.pairwise(spans):
            assert last < first, iso2
        for r in rows:
            assert r.military.startswith("Military Forces of ") and r.police.startswith("Police Forces of ")


@pytest.mark.parametrize(
    ("iso2", "date", "name"),
    [
        ("LY", "2015-06-30", "Military Forces of Libya (2014-) House of Representatives"),
        ("LY", "2019-04-10", "Military Forces of Libya (2016-2021) Government of National Accord"),
        ("LY", "2023-09-11", "Military Forces of Libya (2021-) Government of National Unity"),
        ("SO", "2016-01-01", "Military Forces of Somalia (2012-2017)"),
        ("AF", "2019-07-01", "Military Forces of Afghanistan (2014-2021)"),
        ("NG", "Sun, 18 Feb 2018 12:26:59 GMT", "Military Forces of Nigeria (2015-2023)"),
        ("NE", "2018-02-18", "Military Forces of Niger"),
        ("SY", None, "Military Forces of Syria (2024-)"),
        (None, "2018-02-18", "Military Forces"),
    ],
)
def test_state_forces_named_by_period(iso2: str | None, date: str | None, name: str) -> None:
    assert resolve_actor("state_military", iso2, date=date)["name"] == name


def test_resolve_actor_contract_and_external_forces() -> None:
    value = resolve_actor("police", "TR", date="2019-10-10", focus="SY")
    assert set(value) == CONTRACT_KEYS
    assert value["inter"] == 8 and value["kind"] == "external"
    assert resolve_actor("islamic_state", "LY")["name"] == "Islamic State (Libya)"
    assert resolve_actor("islamic_state")["name"] == "Islamic State"
    assert resolve_actor("derna_msc", "SY")["country"] == "LY"


def test_places_country_focus_is_preferred(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(country_module, "_places_focus", lambda: (lambda doc: "ye"))
    doc = run("قتل مدنيون في قصف على ريف حلب.")
    assert {m.value["name"] for m in doc.mentions_of("actor")} == {"Civilians (Yemen)"}


def test_mentions_follow_the_contract() -> None:
    doc = run("وقتل ثلاثة جنود عراقيين في هجوم لداعش غرب الأنبار.")
    mentions = doc.mentions_of("actor")
    assert len(mentions) == 2
    for m in mentions:
        assert set(m.value) >= CONTRACT_KEYS
        assert doc.text[m.start:m.end] == m.text
    assert mentions[0].text == "جنود عراقيين"
    assert mentions[1].text == "داعش"  # the clitic لـ is left out


def test_stage_metadata() -> None:
    assert ActorsStage.name == "actors" and ActorsStage.version == "2"


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article_actors() -> None:
    doc = run(SEED.read_text(encoding="utf-8"), "2015-06-30")
    names = {m.value["name"] for m in doc.mentions_of("actor")}
    assert "Islamic State (Libya)" in names
    assert "Mujahideen Shura Council of Derna" in names
    assert "Military Forces of Libya (2014-) House of Representatives" in names
    assert "Civilians (Libya)" in names


HELDOUT_FLOOR = 0.9  # share of expected held-out actor names found


def test_heldout_sentences_floor() -> None:
    rows = read_tsv_path(HERE / "heldout.tsv")
    hits = total = 0
    for row in rows:
        names = {m.value["name"] for m in run(row["sentence"], "2018-06-15").mentions_of("actor")}
        for name in split_variants(row["expect"]):
            total += 1
            hits += name in names
    assert hits / total >= HELDOUT_FLOOR, f"{hits}/{total}"


def _area_rows() -> list[dict[str, str]]:
    return read_tsv_path(HERE / "areas.tsv")


AREA_ROWS = _area_rows()


@pytest.mark.parametrize("row", AREA_ROWS, ids=[r["sentence"][:40] for r in AREA_ROWS])
def test_competing_state_forces_named_by_area(row: dict[str, str]) -> None:
    from rasd.pipeline import default_pipeline

    meta = ArticleMeta(published=row["published"])
    doc = default_pipeline().until("actors")(Document(text=row["sentence"], meta=meta))
    found = [(m.value["key"], m.value["name"]) for m in doc.mentions_of("actor")]
    for spec in split_variants(row["expect"]):
        assert tuple(spec.split("=", 1)) in found, f"{spec} not in {found}"


def test_resolve_actor_area_and_successors() -> None:
    assert resolve_actor("state_military", "LY", date="2024-05-01", area="Benghazi")["name"] == (
        "Military Forces of Libya (2014-) House of Representatives")
    assert resolve_actor("state_military", "LY", date="2024-05-01", area="Tripoli")["name"] == (
        "Military Forces of Libya (2021-) Government of National Unity")
    assert resolve_actor("police", "YE", date="2024-05-01", area="Amanat al-Asimah")["key"] == "houthis"
    assert resolve_actor("state_military", "YE", date="2024-05-01", area="Amanat al-Asimah")["key"] == "state_military"
    assert resolve_actor("amisom", date="2024-01-01")["key"] == "atmis"
    assert resolve_actor("amisom", date="2025-06-01")["key"] == "aussom"
    assert resolve_actor("amisom", date="2021-01-01")["key"] == "amisom"
    assert resolve_actor("taliban", date="2022-01-01")["name"] == "Military Forces of Afghanistan (2021-)"
