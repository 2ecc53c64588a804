"""Recovering words glued by scraping: clear splits are made, real words are never cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.lang.ar.vocabulary import known_words
from rasd.normalize import normalize_phrase, normalize_text
from rasd.tokenize import split_glued, tokenize, word_pieces
from rasd.tokenize.glued import (
    MIN_GLUED,
    content_words,
    final_letter_cuts,
    final_letter_positions,
    function_words,
    is_inflected_known,
    phrase_bigrams,
)


def pieces(text: str) -> list[tuple[str, str]]:
    """(normalized, original) of every token; checks adjacency and slicing."""
    norm = normalize_text(text)
    tokens, _ = tokenize(norm, text)
    for tok in tokens:
        assert normalize_text(text[tok.start : tok.end]).text == tok.norm
    return [(t.norm, text[t.start : t.end]) for t in tokens]


@pytest.mark.parametrize(
    ("word", "left", "right"),
    [
        # a known phrase (collocations.tsv or any multi-word lexicon entry) glued together
        ("فجرامس", "فجر", "امس"),
        ("الاممالمتحده", "الامم", "المتحده"),
        ("والاممالمتحده", "والامم", "المتحده"),
        ("موتمرصحفي", "موتمر", "صحفي"),
        ("ملياردولار", "مليار", "دولار"),
        ("خانيونس", "خان", "يونس"),
        ("بوكوحرام", "بوكو", "حرام"),
        ("قواتالامن", "قوات", "الامن"),
        ("الشهرالماضي", "الشهر", "الماضي"),
        # two common content words
        ("انفجارالسياره", "انفجار", "السياره"),
        ("مصادرطبيه", "مصادر", "طبيه"),
        ("الحكومهالجديده", "الحكومه", "الجديده"),
    ],
)
def test_clear_splits(word, left, right):
    # Known words from words.tsv only, so that a lexicon listing a fused spelling as a
    # variant (it would then rightly stay whole) does not change this test.
    cut = split_glued(word, content_words() | function_words(), pieces=content_words())
    assert cut is not None, word
    assert (word[:cut], word[cut:]) == (left, right)


@pytest.mark.parametrize(
    "word",
    [
        # inflected forms of known words (suffixes, verb prefixes, clitics)
        "المستشفيات",
        "بينهما",
        "حساباتهم",
        "منتخباتهم",
        "حكومتهم",
        "مقاتليهم",
        "والمقاتلين",
        "سيستهدفون",
        "فاستهدفتهم",
        "انسحابهم",
        "بالمحافظات",
        "وللمتظاهرين",
        "فيتطور",
        # real words that contain shorter words or function words
        "الانتصار",
        "الانضباط",
        "المخابرات",
        "الكيماوي",
        "بامكانهم",
        "الاستراتيجيه",
        "الديمقراطيه",
        "الملياردير",
        "الراسماليه",
        "المعالجات",
        "الفرات",
        # foreign names
        "بنيامين",
        "وليامس",
        "اوليفر",
        "كاليفورنيا",
        "بنغلاديش",
        "تيليغرام",
        # too short to try
        "فجرام",
    ],
)
def test_real_words_are_not_split(word):
    assert split_glued(word) is None


def test_known_words_are_never_split():
    for word in sorted(known_words())[:3000]:
        assert split_glued(word) is None, word


def test_short_words_are_not_tried():
    assert MIN_GLUED == 6
    assert split_glued("قتلهم", vocab=frozenset({"قتل", "هم"}), bigrams=frozenset({("قتل", "هم")})) is None


def test_custom_vocabulary_and_ambiguity():
    vocab = frozenset({"سلام", "حمدان", "سلامح", "مدان", "هجوم", "عنيف"})
    assert split_glued("هجومعنيف", vocab=vocab, bigrams=frozenset()) == 4
    # two possible cuts: no split
    assert split_glued("سلامحمدان", vocab=vocab, bigrams=frozenset()) is None


def test_function_words_are_never_pieces():
    vocab = frozenset({"هذه", "المدينه"})
    assert split_glued("هذهالمدينه", vocab=vocab, pieces=vocab | function_words(), bigrams=frozenset()) is None


def test_data_sets_are_loaded():
    assert len(content_words()) > 2000
    assert {"في", "من", "الذي", "هذه"} <= function_words()
    assert not content_words() & function_words()
    assert ("فجر", "امس") in phrase_bigrams()
    assert ("الامم", "المتحده") in phrase_bigrams()


def test_inflection_check():
    vocab = known_words()
    assert is_inflected_known("حكومتهم", vocab)
    assert is_inflected_known("يستهدفون", vocab)
    assert not is_inflected_known("فجرامس", vocab)


# -- in running text (offsets into the original) ---------------------------------------------


def test_glued_words_in_text_become_two_tokens_slicing_the_original():
    text = "قتل مسلحون ثلاثة جنود فجرامس قرب الأممالمتحدة في مقديشو."
    got = pieces(text)
    assert ("فجر", "فجر") in got and ("امس", "امس") in got
    assert ("الامم", "الأمم") in got and ("المتحده", "المتحدة") in got


def test_glued_words_with_diacritics_and_tatweel():
    text = "وقعَ الهجومُ فجـرأمسِ في مأرب"
    got = pieces(text)
    assert ("فجر", "فجـر") in got
    assert ("امس", "أمسِ") in got


def test_ta_marbuta_inside_a_token_marks_a_lost_space():
    text = "استهدفت غارةجوية مدرسةالبنات في بلدة بريف درعا"
    got = pieces(text)
    assert ("غاره", "غارة") in got and ("جويه", "جوية") in got
    assert ("مدرسه", "مدرسة") in got and ("البنات", "البنات") in got


def test_alef_maqsura_inside_a_token_marks_a_lost_space():
    got = pieces("وصلت القافلة إلىالمدينة صباحا")
    assert ("الي", "إلى") in got and ("المدينه", "المدينة") in got


def test_old_spelling_of_hamza_on_ya_is_not_a_lost_space():
    # شىء / الطوارىء write ئ as ى + ء: one word.
    got = pieces("أعلنت الحكومة حالة الطوارىء ولم يحدث شىء")
    assert ("الطواريء", "الطوارىء") in got
    assert ("شيء", "شىء") in got


def test_ta_marbuta_cut_needs_a_known_side():
    # both sides unknown: a typo, not two words
    assert pieces("زخةكبلم") == [("زخهكبلم", "زخةكبلم")]


def test_final_letters_in_presentation_forms():
    text = "ﻏﺎﺭﺓﺟﻮﻳﺔ"
    assert [n for n, _ in pieces(text)] == ["غاره", "جويه"]


def test_final_letter_helpers():
    text = "غارةجوية"
    norm = normalize_text(text)
    assert final_letter_positions(text) == [3, 7]
    assert final_letter_cuts(text, norm.offsets, 0, len(norm.text)) == [4]
    assert word_pieces(norm, 0, len(norm.text), text) == [(0, 4), (4, 8)]
    # without the original text only dictionary splits apply
    bare = normalize_text("مدينةالفحيص")
    assert word_pieces(bare, 0, len(bare.text)) == [(0, len(bare.text))]
    assert word_pieces(bare, 0, len(bare.text), "مدينةالفحيص") == [(0, 5), (5, 11)]


def test_without_original_text_dictionary_splits_still_apply():
    norm = normalize_text("قتلى فجرامس")
    tokens, _ = tokenize(norm)
    assert [t.norm for t in tokens] == ["قتلي", "فجر", "امس"]


def test_split_pieces_are_adjacent_in_the_original():
    text = "أعلن الجيشاليمني السيطرة على مواقع في محافظةالبيضاء"
    norm = normalize_text(text)
    tokens, _ = tokenize(norm, text)
    by_norm = {t.norm: t for t in tokens}
    assert by_norm["محافظه"].end == by_norm["البيضاء"].start
    assert normalize_phrase(text[by_norm["محافظه"].start : by_norm["البيضاء"].end]) == "محافظهالبيضاء"


def test_no_cut_inside_a_ligature():
    # ليل|امس would cut the lam-alef ligature, one original character, in two.
    text = "\ufedf\ufef4\ufefc\ufee3\ufeb2"
    norm = normalize_text(text)
    assert norm.text == "ليلامس"
    assert split_glued(norm.text) == 3
    assert word_pieces(norm, 0, len(norm.text), text) == [(0, 6)]
    tokens, _ = tokenize(norm, text)
    assert [(t.start, t.end) for t in tokens] == [(0, 5)]


def _cases() -> list[tuple[str, bool]]:
    path = Path(__file__).with_name("glued_words.tsv")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("words\t") or not line.strip():
            continue
        words, flag = line.split("\t")
        out.append((words, flag == "1"))
    return out


@pytest.mark.parametrize(("words", "glued"), _cases())
def test_glued_words_table(words, glued):
    vocab = content_words() | function_words()
    if glued:
        left, right = (normalize_phrase(w) for w in words.split())
        cut = split_glued(left + right, vocab, pieces=content_words())
        assert cut is not None and ((left + right)[:cut], (left + right)[cut:]) == (left, right)
    else:
        assert split_glued(normalize_phrase(words)) is None


def test_public_import_paths():
    from rasd.tokenize.tokens import split_glued as from_tokens

    assert from_tokens is split_glued
