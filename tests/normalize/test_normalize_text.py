"""normalize_text keeps an offset map back to the original; normalize_phrase for lexicons."""

from __future__ import annotations

import pytest

from rasd.document import Document, NormText
from rasd.normalize import NormalizeStage, normalize_phrase, normalize_text
from rasd.tokenize import tokenize

NOISY = [
    # diacritics and shadda
    "قُتِلَ ثلاثةُ مدنيّين وأُصيبَ آخرون في قصفٍ على بلدةٍ بريف حماة.",
    # tatweel
    "أعلنـــت الشرطـة الصومالية مقتـــل ٧ أشخاص في تفجيـــر بمقديشو.",
    # Arabic-Indic and Persian digits, Arabic decimal separator
    "قُتل ١٢ جندياً و۱۵ مسلحاً في ولاية هلمند، وارتفعت الحصيلة بنسبة ٣٫٥ بالمئة.",
    # zero-width and bidi marks, no-break spaces
    "سقط\u200f ٤\u00a0قتلى في \u202bهجوم\u202c على\u200c نقطة تفتيش\u200d قرب العريش\u2069.",
    # guillemets and curly quotes
    "قال المتحدث إن «جماعة بوكو حرام» هاجمت القرية و\u201cأحرقت المنازل\u201d فجر الأحد.",
    # presentation forms and a lam-alef ligature
    "ﻗﺘﻞ ﺧﻤﺴﺔ ﺃﺷﺨﺎﺹ ﻓﻲ ﻏﺎﺭﺓ ﻻ ﺗﺰﺍﻝ ﺁﺛﺎﺭﻫﺎ ﻇﺎﻫﺮﺓ.",
    # mixed Latin, numbers, newlines
    "ISIS claimed the attack\nوتبنى تنظيم داعش الهجوم الذي أودى بحياة 23 شخصا في 2017/11/24.",
    "",
    "ـــ",
]


def check_offset_map(text: str, norm: NormText) -> None:
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:], strict=False))
    assert all(0 <= o < len(text) for o in norm.offsets[:-1])
    # Each original character produces exactly the normalized characters mapped back to it.
    for j, ch in enumerate(text):
        produced = "".join(c for c, o in zip(norm.text, norm.offsets, strict=False) if o == j)
        assert produced == normalize_text(ch).text, (j, ch)


@pytest.mark.parametrize("text", NOISY)
def test_offset_map_properties(text):
    check_offset_map(text, normalize_text(text))


@pytest.mark.parametrize("text", NOISY)
def test_normalization_is_idempotent(text):
    once = normalize_text(text).text
    assert normalize_text(once).text == once


@pytest.mark.parametrize("text", NOISY)
def test_every_token_slices_back_to_its_norm(text):
    norm = normalize_text(text)
    tokens, _ = tokenize(norm, text)
    for tok in tokens:
        assert 0 <= tok.start < tok.end <= len(text)
        assert normalize_text(text[tok.start : tok.end]).text == tok.norm, tok
        assert norm.text[tok.nstart : tok.nend] == tok.norm


def test_diacritics_are_removed_with_offsets_to_the_letters():
    text = "قُتِلَ"
    norm = normalize_text(text)
    assert norm.text == "قتل"
    assert norm.offsets == [0, 2, 4, 6]
    assert norm.to_orig(0, 3) == (0, 5)
    assert normalize_text(text[0:5]).text == "قتل"


def test_tatweel_is_removed():
    norm = normalize_text("قصـــف")
    assert norm.text == "قصف"
    assert norm.offsets == [0, 1, 5, 6]
    assert norm.to_orig(1, 3) == (1, 6)


def test_digits_of_every_script():
    norm = normalize_text("قتل ١٢ و۱۵ و37")
    assert norm.text == "قتل 12 و15 و37"
    start, end = norm.to_orig(4, 6)
    assert (start, end) == (4, 6)


def test_invisible_marks_are_removed():
    text = "\u200fمقتل\u200c\u202b٣\u202c أشخاص\u2066"
    norm = normalize_text(text)
    assert norm.text == "مقتل3 اشخاص"
    start, end = norm.to_orig(0, 5)
    assert text[start:end] == "مقتل\u200c\u202b٣"


def test_guillemets_become_plain_quotes():
    assert normalize_text("«الشباب»").text == '"الشباب"'


def test_hamza_forms_maqsura_and_ta_marbuta():
    assert normalize_text("أإآٱ ى ة ؤ ئ").text == "اااا ي ه و ي"
    assert normalize_text("مستشفى الرئيسة").text == "مستشفي الرييسه"


def test_to_orig_spans():
    text = "في «غزة»"
    norm = normalize_text(text)
    assert norm.text == 'في "غزه"'
    assert norm.to_orig(4, 7) == (4, 7)
    assert text[slice(*norm.to_orig(3, 8))] == "«غزة»"
    # An empty span maps to an empty span at the matching original position.
    assert norm.to_orig(4, 4) == (4, 4)
    assert norm.to_orig(len(norm.text), len(norm.text)) == (len(text), len(text))


def test_to_orig_of_a_ligature_covers_the_whole_original_character():
    text = "ﻻ"
    norm = normalize_text(text)
    assert norm.text == "لا"
    assert norm.to_orig(0, 1) == (0, 1)
    assert norm.to_orig(1, 2) == (0, 1)


def test_original_text_is_never_modified():
    text = "قُتِلَ ٥ أشخاص «اليوم»"
    doc = Document(text=text)
    NormalizeStage()(doc)
    assert doc.text == text
    assert doc.norm is not None and doc.norm.text == 'قتل 5 اشخاص "اليوم"'


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("  الأُمَم   المتّحدة ", "الامم المتحده"),
        ("إطلاق\tالنار\n", "اطلاق النار"),
        ("مستشفى", "مستشفي"),
        ("ﻗﻮﺍﺕ ﺍﻷﻣﻦ", "قوات الامن"),
        ("", ""),
    ],
)
def test_normalize_phrase(phrase, expected):
    assert normalize_phrase(phrase) == expected


def test_normalize_stage_metadata():
    stage = NormalizeStage()
    assert stage.name == "normalize"
    assert isinstance(stage.version, str) and stage.version
