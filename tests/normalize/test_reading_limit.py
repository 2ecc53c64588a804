"""A text longer than any article is read up to MAX_ARTICLE_CHARS, with a warning; offsets stay exact."""

from rasd.limits import CUT_SEARCH_CHARS, MAX_ARTICLE_CHARS
from rasd.normalize.normalizer import RATIO_SAMPLE_CHARS, arabic_ratio, reading_end
from rasd.pipeline import extract

SENTENCE = "قتل 4 أشخاص في غارة جوية على مدينة تعز أمس. "


def test_short_texts_are_read_whole():
    assert reading_end(SENTENCE) == len(SENTENCE)


def test_a_huge_text_is_cut_at_the_last_sentence_end_before_the_limit():
    text = SENTENCE * (MAX_ARTICLE_CHARS // len(SENTENCE) + 50)
    end = reading_end(text)
    assert MAX_ARTICLE_CHARS - CUT_SEARCH_CHARS < end <= MAX_ARTICLE_CHARS
    assert text[end - 1] == "." and "." not in text[end:MAX_ARTICLE_CHARS]


def test_without_any_sentence_end_the_cut_is_at_the_limit():
    text = "قتل " * (MAX_ARTICLE_CHARS // 4 + 10)
    assert reading_end(text) == MAX_ARTICLE_CHARS


def test_the_pipeline_reads_the_beginning_and_says_so():
    text = SENTENCE * (MAX_ARTICLE_CHARS // len(SENTENCE) + 50)
    doc = extract(text, published="2018-05-05")
    [warning] = [w for w in doc.warnings if "more than any article" in w]
    assert f"{len(text):,} characters" in warning
    assert doc.norm.offsets[-1] == reading_end(text)
    assert doc.tokens[-1].end <= reading_end(text)
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)


def test_the_language_of_a_long_text_is_judged_on_its_beginning():
    assert arabic_ratio(SENTENCE * (RATIO_SAMPLE_CHARS // len(SENTENCE) + 10) + "latin " * 100_000) == 1.0
