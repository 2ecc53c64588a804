"""Casualty mentions follow the contract in docs/mentions.md."""

from __future__ import annotations

import pytest

from rasd.document import Document
from rasd.extractors.casualties.stage import CasualtiesStage
from rasd.pipeline import Pipeline

from .table import run

KEYS = {
    "type", "min", "max", "qualifier", "group", "subset", "update", "aggregate", "negated", "zero",
    "unknown", "preliminary", "includes_attacker", "attackers_extra", "number_span", "trigger_span",
}
TYPES = {"killed", "injured", "killed_or_injured", "abducted", "arrested", "missing"}
QUALIFIERS = {
    None, "exact", "at_least", "more_than", "about", "up_to", "less_than", "range", "dozens", "tens",
    "hundreds", "thousands", "several", "many", "some",
}

SENTENCES = [
    "قتل خمسة أشخاص وأصيب 17 آخرون في انفجار بمدينة كركوك",
    "أسفر القصف عن مقتل وإصابة 20 شخصا في حي الشعار",
    "قُتل 7 بينهم الانتحاري في تفجير قرب مقر الشرطة",
    "لم تسفر القذيفة عن إصابات",
    "ارتفعت حصيلة ضحايا الهجوم إلى ١٧ قتيلاً بحسب حصيلة غير نهائية",
    "وقال مصدر طبي: «قتل ثلاثة أطفال وامرأة في القصف على مدينة مأرب».",
]


def test_stage_identity() -> None:
    stage = CasualtiesStage()
    assert stage.name == "casualties"
    assert stage.version == "3"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_value_keys_and_spans(sentence: str) -> None:
    doc = run(sentence)
    mentions = doc.mentions_of("casualty")
    assert mentions
    for m in mentions:
        v = m.value
        assert set(v) == KEYS
        assert v["type"] in TYPES
        assert v["qualifier"] in QUALIFIERS
        assert v["min"] is None or isinstance(v["min"], int)
        assert v["max"] is None or isinstance(v["max"], int)
        assert m.text == doc.text[m.start : m.end]
        t0, t1 = v["trigger_span"]
        assert 0 <= t0 < t1 <= len(doc.text)
        assert not m.text.startswith("و") or m.text.startswith("وفا")
        if v["number_span"] is not None:
            n0, n1 = v["number_span"]
            assert doc.text[n0:n1].strip() == doc.text[n0:n1]
        assert 0 < m.confidence <= 1
        assert m.stage == "casualties"


def test_span_covers_count_and_casualty_word() -> None:
    doc = run("قتل خمسة أشخاص وأصيب 17 آخرون في انفجار")
    texts = [m.text for m in doc.mentions_of("casualty")]
    assert texts == ["قتل خمسة أشخاص", "أصيب 17 آخرون"]


def test_clitic_not_in_trigger_span() -> None:
    doc = run("وأصيب 17 شخصا بجروح")
    (m,) = doc.mentions_of("casualty")
    t0, t1 = m.value["trigger_span"]
    assert doc.text[t0:t1] == "أصيب"


def test_one_mention_per_statement_and_type() -> None:
    doc = run("قتل 3 وجرح 5 في الاشتباكات")
    assert [(m.value["type"], m.value["min"]) for m in doc.mentions_of("casualty")] == [
        ("killed", 3), ("injured", 5)
    ]


def test_pipeline_until_casualties() -> None:
    doc = Pipeline().until("casualties")(Document("مقتل 14 شخصا على الأقل في هجوم"))
    (m,) = doc.mentions_of("casualty")
    assert (m.value["min"], m.value["max"], m.value["qualifier"]) == (14, None, "at_least")
    assert doc.stages["casualties"] == "3"


def test_empty_and_casualty_free_documents() -> None:
    assert run("").mentions_of("casualty") == []
    assert run("عقدت الحكومة اجتماعها الأسبوعي في العاصمة.").mentions_of("casualty") == []


def test_statements_in_several_sentences() -> None:
    doc = run("قتل جنديان في هجوم. وفي حادث آخر أصيب ثلاثة مدنيين.\nمقتل 4 أشخاص")
    got = [(m.sentence, m.value["type"], m.value["min"], m.value["group"]) for m in doc.mentions_of("casualty")]
    assert got == [(0, "killed", 2, "soldiers"), (1, "injured", 3, "civilians"), (2, "killed", 4, "people")]
