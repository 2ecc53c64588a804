"""PhraseMatcher: clitic-aware, multi-word, longest non-overlapping matches over tokens."""

from __future__ import annotations

import pytest

from rasd.document import Document
from rasd.match import Match, PhraseMatcher
from rasd.match.phrases import match_span
from rasd.normalize import NormalizeStage
from rasd.tokenize import TokenizeStage


def doc_of(text: str) -> Document:
    return TokenizeStage()(NormalizeStage()(Document(text=text)))


def spans(doc: Document, matches: list[Match]) -> list[tuple[str, object]]:
    assert doc.norm is not None
    out = []
    for m in matches:
        start, end = match_span(doc.tokens, m, doc.norm.offsets)
        out.append((doc.text[start:end], m.payload))
    return out


TRIGGERS = PhraseMatcher(
    [
        ("غارة", "airstrike"),
        ("غارة جوية", "airstrike_air"),
        ("إطلاق النار", "shooting"),
        ("إطلاق نار", "shooting"),
        ("عبوة ناسفة", "ied"),
        ("الأمم", "nations"),
        ("الأمم المتحدة", "un"),
        ("قوات الأمن", "security_forces"),
        ("الأمن", "security"),
    ]
)


def test_single_word():
    doc = doc_of("شنت الطائرات غارة على بلدة في ريف إدلب")
    assert spans(doc, TRIGGERS.find(doc.tokens)) == [("غارة", "airstrike")]


def test_multi_word_and_longest_match():
    doc = doc_of("قتل ثلاثة مدنيين في غارة جوية على مأرب")
    found = TRIGGERS.find(doc.tokens)
    assert spans(doc, found) == [("غارة جوية", "airstrike_air")]
    assert found[0].tok_end - found[0].tok_start == 2
    assert found[0].phrase == "غاره جويه"


def test_find_all_keeps_overlaps_find_does_not():
    doc = doc_of("أعلنت الأمم المتحدة أن قوات الأمن انسحبت")
    assert [m.payload for m in TRIGGERS.find(doc.tokens)] == ["un", "security_forces"]
    assert sorted(m.payload for m in TRIGGERS.find_all(doc.tokens)) == sorted(
        ["nations", "un", "security_forces", "security"]
    )


def test_match_at_lists_longest_first():
    doc = doc_of("الأمم المتحدة")
    assert [m.payload for m in TRIGGERS.match_at(doc.tokens, 0)] == ["un", "nations"]
    assert TRIGGERS.match_at(doc.tokens, 1) == []


@pytest.mark.parametrize(
    ("text", "expected_span", "prefix_len"),
    [
        ("وغارة جوية استهدفت السوق", "غارة جوية", 1),
        ("فغارة جوية", "غارة جوية", 1),
        ("بغارة جوية", "غارة جوية", 1),
        ("لغارة جوية", "غارة جوية", 1),
        ("كغارة جوية", "غارة جوية", 1),
        ("وبغارة جوية", "غارة جوية", 2),
        ("والغارة", "غارة", 3),
        ("بالغارة", "غارة", 3),
        ("وبالغارة", "غارة", 4),
        ("للغارة", "غارة", 2),
        ("ولإطلاق النار", "إطلاق النار", 2),
        ("بإطلاق نار", "إطلاق نار", 1),
        ("وبعبوة ناسفة", "عبوة ناسفة", 2),
        ("للأمم المتحدة", "أمم المتحدة", 2),
    ],
)
def test_clitics_on_the_first_word_are_excluded_from_the_span(text, expected_span, prefix_len):
    doc = doc_of(text)
    found = TRIGGERS.find(doc.tokens)
    assert found, text
    match = found[0]
    assert not match.exact
    assert match.prefix_len == prefix_len
    assert spans(doc, [match])[0][0] == expected_span


def test_article_phrase_keeps_the_article_after_a_clitic():
    matcher = PhraseMatcher([("القوات الحكومية", "gov")])
    doc = doc_of("وبالقوات الحكومية")
    [match] = matcher.find(doc.tokens)
    assert match.prefix_len == 2
    assert spans(doc, [match]) == [("القوات الحكومية", "gov")]
    doc = doc_of("للقوات الحكومية")
    [match] = matcher.find(doc.tokens)
    assert spans(doc, [match]) == [("قوات الحكومية", "gov")]


def test_exact_match_preferred_over_a_clitic_reading():
    matcher = PhraseMatcher([("والي", "governor"), ("الي", "to")])
    doc = doc_of("قال والي الخرطوم")
    [best, *_] = matcher.match_at(doc.tokens, 1)
    assert best.payload == "governor" and best.exact and best.prefix_len == 0


def test_punctuation_breaks_a_phrase():
    for text in ["إطلاق، النار", "إطلاق. النار", "عبوة «ناسفة»", "الأمم (المتحدة)"]:
        doc = doc_of(text)
        assert all(m.tok_end - m.tok_start == 1 for m in TRIGGERS.find(doc.tokens)), text
        assert not any(m.payload in {"shooting", "ied", "un"} for m in TRIGGERS.find(doc.tokens)), text


def test_span_slices_the_original_with_diacritics_tatweel_and_digits():
    matcher = PhraseMatcher([("قذيفة هاون", "mortar"), ("قتل", "kill")])
    text = "وبقذيفـــةِ هاونٍ سقطت في الحيّ قُتِل ٣ أطفال"
    doc = doc_of(text)
    found = matcher.find(doc.tokens)
    assert spans(doc, found) == [("قذيفـــةِ هاونٍ", "mortar"), ("قُتِل", "kill")]
    start, end = match_span(doc.tokens, found[0], doc.norm.offsets)
    assert text[start:end] == "قذيفـــةِ هاونٍ"


def test_no_match_across_a_sentence_bound_when_searching_per_sentence():
    matcher = PhraseMatcher([("فجر أمس", "dawn")])
    doc = doc_of("وصل الفجر. أمس كان هادئا\nثم فجر أمس قصف")
    hits = []
    for sent in doc.sentences:
        hits += matcher.find(doc.tokens, sent.tok_start, sent.tok_end)
    assert [doc.tokens[m.tok_start].sentence for m in hits] == [2]
    assert matcher.match_at(doc.tokens, 0, end=1) == []


def test_match_indices_are_absolute_token_indices():
    matcher = PhraseMatcher([("عبوة ناسفة", "ied")])
    doc = doc_of("انفجرت سيارة. ثم انفجرت عبوة ناسفة")
    [m] = matcher.find(doc.tokens, doc.sentences[1].tok_start, doc.sentences[1].tok_end)
    assert doc.tokens[m.tok_start].norm == "عبوه"
    assert m.tok_start == 5


def test_entries_are_normalized_unless_told_otherwise():
    matcher = PhraseMatcher([("  الأُمَم   المتّحدة ", 1)])
    assert len(matcher) == 1
    doc = doc_of("الامم المتحدة")
    assert [m.payload for m in matcher.find(doc.tokens)] == [1]
    raw = PhraseMatcher([("الأمم المتحدة", 1)], normalize=False)
    assert raw.find(doc.tokens) == []
    raw.add("الامم المتحده", 2, normalize=False)
    assert [m.payload for m in raw.find(doc.tokens)] == [2]


def test_empty_phrases_are_ignored():
    matcher = PhraseMatcher([("", 1), ("   ", 2), ("\u064e", 3)])
    assert len(matcher) == 0


def test_several_payloads_for_one_phrase():
    matcher = PhraseMatcher([("هجوم", "attack"), ("هجوم", "football_attack")])
    doc = doc_of("هجوم")
    assert sorted(m.payload for m in matcher.match_at(doc.tokens, 0)) == ["attack", "football_attack"]


def test_numbers_and_latin_tokens_match_too():
    matcher = PhraseMatcher([("isis", "is"), ("اف 16", "f16")])
    doc = doc_of("ضربت ISIS طائرات إف ١٦")
    assert spans(doc, matcher.find(doc.tokens)) == [("ISIS", "is"), ("إف ١٦", "f16")]
