"""The Document model: mention validation, serialization shape, the Event field contract."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

from rasd.document import (
    MENTION_KINDS,
    ArticleMeta,
    Document,
    Event,
    Evidence,
    Mention,
    Victim,
)
from rasd.normalize import NormalizeStage
from rasd.tokenize import TokenizeStage

# The output contract: ACLED codebook columns, then Rasd's extras, in this order.
EVENT_FIELDS = [
    "event_id",
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "fatalities_min",
    "fatalities_max",
    "fatalities_qualifier",
    "injured",
    "injured_min",
    "injured_max",
    "injured_qualifier",
    "victims",
    "reported_by",
    "confidence",
    "evidence",
    "claimed_by",
    "recap",
]

TEXT = "قُتل ٥ جنود في هجوم على حاجز بمحافظة صلاح الدين. وأصيب ثلاثة آخرون بجروح."


def make_doc(text: str = TEXT) -> Document:
    doc = Document(text=text, meta=ArticleMeta(id="a1", source="test", published="2019-03-04"))
    return TokenizeStage()(NormalizeStage()(doc))


def test_event_fields_follow_the_contract_order():
    # `signals` (the event filter's features) is internal: never in the output contract
    assert [f.name for f in dataclasses.fields(Event)] == [*EVENT_FIELDS, "signals"]
    assert list(Event().to_dict()) == EVENT_FIELDS


def test_event_defaults_are_unknown_not_invented():
    event = Event()
    for name in EVENT_FIELDS:
        value = getattr(event, name)
        assert value in (None, [], {}, False), name


def test_event_to_dict_nests_victims_and_evidence_as_dicts():
    event = Event(
        fatalities=5,
        victims=[Victim("soldiers", 5, 5)],
        evidence=[Evidence("fatalities", 0, 4, "قُتل")],
        confidence={"fatalities": 0.9},
    )
    data = event.to_dict()
    assert data["victims"] == [{"group": "soldiers", "min": 5, "max": 5}]
    assert data["evidence"] == [{"field": "fatalities", "start": 0, "end": 4, "text": "قُتل"}]
    json.dumps(data, ensure_ascii=False)


def test_add_mention_records_text_sentence_and_defaults():
    doc = make_doc()
    start = TEXT.index("٥")
    m = doc.add_mention("number", start, start + 1, {"value": 5}, confidence=0.8, stage="numbers")
    assert isinstance(m, Mention)
    assert m.text == "٥" and m.sentence == 0 and m.value == {"value": 5}
    assert m.confidence == 0.8 and m.stage == "numbers"
    second = TEXT.index("ثلاثة")
    m2 = doc.add_mention("casualty", second, second + 5)
    assert m2.sentence == 1 and m2.value == {} and m2.confidence == 1.0
    assert doc.mentions_of("number") == [m]
    assert doc.mentions_of("casualty") == [m2]


@pytest.mark.parametrize("kind", MENTION_KINDS)
def test_every_listed_kind_is_accepted(kind):
    doc = make_doc()
    assert doc.add_mention(kind, 0, 4).kind == kind


def test_unknown_kind_is_rejected():
    doc = make_doc()
    with pytest.raises(ValueError, match="unknown mention kind"):
        doc.add_mention("weapon", 0, 4)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4), (0, len(TEXT) + 1), (len(TEXT) + 1, len(TEXT) + 2)])
def test_spans_outside_the_text_are_rejected(start, end):
    doc = make_doc()
    with pytest.raises(ValueError, match="outside text"):
        doc.add_mention("number", start, end)


def test_empty_and_full_spans_are_allowed():
    doc = make_doc()
    assert doc.add_mention("date", 3, 3).text == ""
    assert doc.add_mention("date", 0, len(TEXT)).text == TEXT


def test_add_token_mention_covers_the_tokens():
    doc = make_doc()
    first = next(i for i, t in enumerate(doc.tokens) if t.norm == "صلاح")
    m = doc.add_token_mention("place", first, first + 2, {"name": "Salah al-Din"}, confidence=0.7)
    assert m.text == "صلاح الدين"
    assert (m.tok_start, m.tok_end) == (first, first + 2)
    assert m.sentence == 0


def test_sentence_helpers():
    doc = make_doc()
    assert len(doc.sentences) == 2
    assert doc.sentence_at(0) == 0
    assert doc.sentence_at(doc.sentences[1].start) == 1
    gap = doc.sentences[0].end  # the space between the two sentences
    assert doc.sentence_at(gap) is None
    assert doc.sentence_at(len(TEXT)) is None
    assert [t.norm for t in doc.sentence_tokens(1)][:2] == ["واصيب", "ثلاثه"]
    assert doc.span_text(0, 4) == "قُتل"


def test_to_dict_shape():
    doc = make_doc()
    doc.add_mention("number", TEXT.index("ثلاثة"), TEXT.index("ثلاثة") + 5, {"value": 3}, confidence=0.12345)
    doc.add_mention("number", TEXT.index("٥"), TEXT.index("٥") + 1, {"value": 5})
    doc.events.append(Event(fatalities=5))
    doc.stages["normalize"] = "1"
    data = doc.to_dict()
    assert {"article", "events", "mentions", "pipeline"} <= set(data)
    assert data["article"]["id"] == "a1"
    assert data["article"]["published"] == "2019-03-04"
    assert data["article"]["chars"] == len(TEXT)
    assert data["pipeline"]["stages"] == {"normalize": "1"}
    assert isinstance(data["pipeline"]["version"], str)
    assert [m["start"] for m in data["mentions"]] == sorted(m["start"] for m in data["mentions"])
    assert set(data["mentions"][0]) >= {"kind", "start", "end", "text", "value", "confidence", "sentence"}
    assert data["mentions"][1]["confidence"] == 0.123
    assert list(data["events"][0]) == EVENT_FIELDS
    for m in data["mentions"]:
        assert TEXT[m["start"] : m["end"]] == m["text"]
    json.dumps(data, ensure_ascii=False)


def test_document_pickles_for_worker_processes():
    doc = make_doc()
    doc.add_mention("number", 0, 4, {"value": 5})
    clone = pickle.loads(pickle.dumps(doc))
    assert clone.to_dict() == doc.to_dict()
    assert clone.norm == doc.norm and clone.tokens == doc.tokens


def test_original_text_is_untouched_by_the_stages():
    doc = make_doc()
    assert doc.text == TEXT
    for tok in doc.tokens:
        assert doc.norm is not None
        assert doc.norm.text[tok.nstart : tok.nend] == tok.norm
