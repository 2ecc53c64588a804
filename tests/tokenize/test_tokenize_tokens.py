"""Token kinds, clitic forms and offsets."""

from __future__ import annotations

import pytest

from rasd.lang.ar import read_tsv
from rasd.normalize import normalize_text
from rasd.tokenize import clitic_forms, tokenize
from rasd.tokenize.clitics import MIN_STEM, definite_article


def tokens_of(text: str):
    norm = normalize_text(text)
    tokens, _ = tokenize(norm, text)
    for tok in tokens:
        assert normalize_text(text[tok.start : tok.end]).text == tok.norm
    return tokens


def test_token_kinds():
    text = "قتل 3.5 و1,250 في «كابل»، ISIS 15.5.2015 %"
    got = [(t.norm, t.kind) for t in tokens_of(text)]
    assert got == [
        ("قتل", "word"),
        ("3.5", "number"),
        ("و", "word"),
        ("1,250", "number"),
        ("في", "word"),
        ('"', "punct"),
        ("كابل", "word"),
        ('"', "punct"),
        ("،", "punct"),
        ("isis", "latin"),
        ("15.5.2015", "number"),
        ("%", "punct"),
    ]


def test_arabic_indic_numbers_are_number_tokens_with_original_offsets():
    text = "سقط ١٢٣ قتيلا و۴۵ جريحا"
    toks = tokens_of(text)
    numbers = [t for t in toks if t.kind == "number"]
    assert [(t.norm, text[t.start : t.end]) for t in numbers] == [("123", "١٢٣"), ("45", "۴۵")]


def test_diacritics_and_tatweel_stay_inside_tokens():
    text = "أُصيـــبَ عشرةُ مدنيّين"
    toks = tokens_of(text)
    assert [t.norm for t in toks] == ["اصيب", "عشره", "مدنيين"]
    assert text[toks[0].start : toks[0].end] == "أُصيـــبَ"  # marks on the last letter included
    assert text[toks[2].start : toks[2].end] == "مدنيّين"


def test_indices_and_forms():
    toks = tokens_of("والمسلحون قتلوا 7 . ")
    assert [t.index for t in toks] == [0, 1, 2, 3]
    assert toks[0].forms[0] == "والمسلحون"
    assert "مسلحون" in toks[0].forms and "المسلحون" in toks[0].forms
    assert toks[2].forms == ("7",)
    assert toks[3].forms == (".",)


def test_definite_article_comes_from_the_data():
    assert definite_article() == "ال"


# (word, form, prefix_len): every proclitic combination of clitics.tsv, written fresh.
CLITIC_CASES = [
    ("وقصف", "قصف", 1),
    ("فقصف", "قصف", 1),
    ("بغزه", "غزه", 1),
    ("لغزه", "غزه", 1),
    ("كغزه", "غزه", 1),
    ("المدينه", "مدينه", 2),
    ("والمدينه", "مدينه", 3),
    ("والمدينه", "المدينه", 1),
    ("فالمدينه", "مدينه", 3),
    ("فالمدينه", "المدينه", 1),
    ("بالمدينه", "مدينه", 3),
    ("بالمدينه", "المدينه", 1),
    ("كالمدينه", "مدينه", 3),
    ("كالمدينه", "المدينه", 1),
    ("للمدينه", "مدينه", 2),
    ("للمدينه", "المدينه", 2),
    ("وللمدينه", "مدينه", 3),
    ("وللمدينه", "المدينه", 3),
    ("فللمدينه", "المدينه", 3),
    ("وبالمدينه", "مدينه", 4),
    ("وبالمدينه", "المدينه", 2),
    ("فبالمدينه", "المدينه", 2),
    ("وكالمدينه", "المدينه", 2),
    ("وبغزه", "غزه", 2),
    ("وكغزه", "غزه", 2),
    ("ولغزه", "غزه", 2),
    ("فبغزه", "غزه", 2),
    ("فلغزه", "غزه", 2),
]


@pytest.mark.parametrize(("word", "form", "prefix_len"), CLITIC_CASES)
def test_clitic_forms(word, form, prefix_len):
    forms = dict(clitic_forms(word))
    assert forms[word] == 0
    assert forms[form] == prefix_len


def test_every_clitic_prefix_is_covered_by_a_case():
    covered = set()
    for word, _, _ in CLITIC_CASES:
        covered.update(r["prefix"] for r in read_tsv("clitics.tsv") if word.startswith(r["prefix"]))
    assert covered == {r["prefix"] for r in read_tsv("clitics.tsv")}


def test_word_itself_comes_first_and_forms_are_unique():
    for word, _, _ in CLITIC_CASES:
        forms = clitic_forms(word)
        assert forms[0] == (word, 0)
        names = [f for f, _ in forms]
        assert len(names) == len(set(names))


def test_stems_shorter_than_min_stem_are_not_produced():
    assert MIN_STEM == 2
    assert dict(clitic_forms("وب")) == {"وب": 0}
    assert "ي" not in dict(clitic_forms("بي"))
    assert all(len(f) >= MIN_STEM for f, _ in clitic_forms("ولد"))


def test_clitic_stripped_forms_reach_the_token():
    tok = tokens_of("وبالقنيطرة")[0]
    assert "القنيطره" in tok.forms and "قنيطره" in tok.forms
    assert tok.forms[0] == "وبالقنيطره"


def test_word_tokens_include_the_marks_on_their_last_letter_but_not_invisible_marks():
    text = "قُتِلَ الجنديُّ\u200f وأُصيبـــ آخرونَ."
    toks = tokens_of(text)
    assert [text[t.start : t.end] for t in toks] == ["قُتِلَ", "الجنديُّ", "وأُصيبـــ", "آخرونَ", "."]
    # without the original text the span ends at the last letter
    norm = normalize_text(text)
    bare, _ = tokenize(norm)
    assert text[bare[0].start : bare[0].end] == "قُتِل"


def test_hashtags_are_read_as_their_words():
    text = "قصف على #دير_الزور و#الجيش_الوطني"
    got = [(t.norm, t.kind) for t in tokens_of(text)]
    assert got == [("قصف", "word"), ("علي", "word"), ("دير", "word"), ("الزور", "word"),
                   ("و", "word"), ("الجيش", "word"), ("الوطني", "word")]
    assert [text[t.start : t.end] for t in tokens_of(text)][2:4] == ["دير", "الزور"]
