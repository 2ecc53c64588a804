"""A run of text without a sentence end is cut, so that no stage's work per sentence can grow
with the size of the input."""

from rasd.document import Document
from rasd.pipeline import Pipeline, extract
from rasd.tokenize.tokens import MAX_SENTENCE_TOKENS

TOKENIZE = Pipeline().until("tokenize")


def test_an_unpunctuated_run_is_cut_into_capped_sentences_with_a_warning():
    words = ["قتل", "مسلحون", "خمسة", "أشخاص", "في", "هجوم", "على", "قرية", "قرب", "حلب"]
    text = " ".join(words[i % len(words)] for i in range(2600))
    doc = extract(text, published="2018-01-01")
    assert max(s.tok_end - s.tok_start for s in doc.sentences) <= MAX_SENTENCE_TOKENS
    assert len(doc.sentences) == 6
    assert any("without a sentence end" in w and "were cut" in w for w in doc.warnings)


def test_the_cut_prefers_a_comma_near_the_limit():
    clause = "قتل 5 أشخاص في قصف على حلب،"  # 8 tokens, the comma last
    text = " ".join([clause] * 120)
    doc = TOKENIZE(Document(text))
    first = doc.sentences[0]
    assert first.tok_end - first.tok_start <= MAX_SENTENCE_TOKENS
    assert doc.tokens[first.tok_end - 1].norm == "،"


def test_long_real_sentences_stay_whole():
    text = " ".join(["قتل"] * (MAX_SENTENCE_TOKENS - 1)) + "."
    doc = TOKENIZE(Document(text))
    assert len(doc.sentences) == 1 and not doc.warnings
