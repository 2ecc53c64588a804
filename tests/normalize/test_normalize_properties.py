"""Property tests: the offset map holds for arbitrary noisy Arabic text."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rasd.normalize import normalize_text  # noqa: E402
from rasd.tokenize import tokenize  # noqa: E402

# Letters, hamza forms, ta marbuta / alef maqsura, marks, tatweel, three digit scripts,
# invisible marks, quotes, punctuation, spaces, presentation forms, Latin.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى"
    "\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬"
    "\u200b\u200c\u200d\u200e\u200f\u202b\u202c\u2066\u2069\ufeff\u00ad"
    "«»\u201c\u201d\"'.,،؛؟!:()-/%\u00a0 \n\t"
    "\ufed3\ufef2\ufe94\ufefb\ufe8d\ufdf2"
    "abcXYZ"
)
texts = st.text(alphabet=ALPHABET, max_size=80)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_map_every_normalized_char_to_its_source(text):
    norm = normalize_text(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(text)
    for i, ch in enumerate(norm.text):
        j = norm.offsets[i]
        assert 0 <= j < len(text)
        assert ch in normalize_text(text[j]).text
    assert norm.offsets[:-1] == sorted(norm.offsets[:-1])


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalization_is_idempotent(text):
    once = normalize_text(text).text
    assert normalize_text(once).text == once


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_to_orig_covers_the_normalized_span(text, data):
    norm = normalize_text(text)
    a = data.draw(st.integers(0, len(norm.text)))
    b = data.draw(st.integers(a, len(norm.text)))
    start, end = norm.to_orig(a, b)
    assert 0 <= start <= end <= len(text)
    assert norm.text[a:b] in normalize_text(text[start:end]).text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_tokens_and_sentences_slice_the_original(text):
    norm = normalize_text(text)
    tokens, sentences = tokenize(norm, text)
    for k, tok in enumerate(tokens):
        assert tok.index == k
        assert 0 <= tok.start < tok.end <= len(text)
        assert norm.text[tok.nstart : tok.nend] == tok.norm
        assert tok.norm in normalize_text(text[tok.start : tok.end]).text
        assert not any(c.isspace() for c in tok.norm)
    expected_start = 0
    for s, sent in enumerate(sentences):
        assert sent.index == s
        assert sent.tok_start == expected_start < sent.tok_end
        expected_start = sent.tok_end
        assert sent.start == tokens[sent.tok_start].start
        assert sent.end == tokens[sent.tok_end - 1].end
        assert all(t.sentence == s for t in tokens[sent.tok_start : sent.tok_end])
    assert expected_start == len(tokens)


WORDS = ["غارة", "جوية", "فجر", "أمس", "الأمم", "المتحدة", "على", "قتلى", "مدينة", "ﻻ", "ﺔ", "مستشفى", "قُتِلَ"]
SEPARATORS = ["", "", " ", "\u0640", "\u064e", "\u200f", ".", "\n", "«", "»"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=12))
def test_glued_news_words_tokenize_to_spans_of_the_original(parts):
    text = "".join(word + sep for word, sep in parts)
    norm = normalize_text(text)
    tokens, _ = tokenize(norm, text)
    previous_end = 0
    for tok in tokens:
        assert previous_end <= tok.start < tok.end <= len(text)
        assert normalize_text(text[tok.start : tok.end]).text == tok.norm
        previous_end = tok.end
