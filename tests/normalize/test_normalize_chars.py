"""The declarative character map (lang/ar/normalization.tsv): one test per kind of operation."""

from __future__ import annotations

import pytest

import rasd.normalize.chars as chars
from rasd.lang.ar import read_tsv
from rasd.normalize import normalize_char_map, normalize_text

OPS = {"delete", "map", "digit", "compat"}


def n(text: str) -> str:
    return normalize_text(text).text


def test_every_row_uses_a_known_op():
    ops = {row["op"] for row in read_tsv("normalization.tsv")}
    assert ops <= OPS
    assert ops == OPS, "each kind of operation is exercised by the data"


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u064b", "fathatan"),
        ("\u064e", "fatha"),
        ("\u064f", "damma"),
        ("\u0650", "kasra"),
        ("\u0651", "shadda"),
        ("\u0652", "sukun"),
        ("\u0670", "superscript alef"),
        ("\u06d6", "Quranic annotation"),
        ("\u0640", "tatweel"),
        ("\u200b", "zero-width space"),
        ("\u200c", "zero-width non-joiner"),
        ("\u200d", "zero-width joiner"),
        ("\u200e", "left-to-right mark"),
        ("\u200f", "right-to-left mark"),
        ("\u202a", "LRE"),
        ("\u202b", "RLE"),
        ("\u202c", "PDF"),
        ("\u202e", "RLO"),
        ("\u2066", "LRI"),
        ("\u2067", "RLI"),
        ("\u2069", "PDI"),
        ("\ufeff", "byte order mark"),
        ("\u00ad", "soft hyphen"),
    ],
)
def test_delete(char, name):
    assert normalize_char_map()[ord(char)] == "", name
    assert n(f"قت{char}ل") == "قتل"


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("أ", "ا"),
        ("إ", "ا"),
        ("آ", "ا"),
        ("ٱ", "ا"),
        ("ى", "ي"),
        ("ی", "ي"),  # Farsi yeh
        ("ة", "ه"),
        ("ۀ", "ه"),
        ("ؤ", "و"),
        ("ئ", "ي"),
        ("ک", "ك"),  # keheh
        ("«", '"'),
        ("»", '"'),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u201e", '"'),
        ("\u2018", "'"),
        ("\u2019", "'"),
        ("\u2039", '"'),
        ("\u203a", '"'),
        ("\u00a0", " "),
        ("\u2009", " "),
        ("\u066b", "."),  # Arabic decimal separator
        ("\u066c", ","),  # Arabic thousands separator
    ],
)
def test_map(char, expected):
    assert n(char) == expected


def test_arabic_punctuation_is_kept():
    assert n("،؛؟") == "،؛؟"


@pytest.mark.parametrize(
    ("digits", "expected"),
    [("٠١٢٣٤٥٦٧٨٩", "0123456789"), ("۰۱۲۳۴۵۶۷۸۹", "0123456789"), ("0123456789", "0123456789")],
)
def test_digit(digits, expected):
    assert n(digits) == expected


def test_arabic_decimal_number():
    assert n("٣٫٥") == "3.5"
    assert n("١٬٢٥٠") == "1,250"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("\ufed3", "ف"),  # feh initial
        ("\ufef2", "ي"),  # yeh final
        ("\ufe8d", "ا"),  # alef isolated
        ("\ufe83", "ا"),  # alef with hamza above isolated -> alef, then the ordinary map
        ("\ufe94", "ه"),  # ta marbuta final -> ة -> ه
        ("\ufef0", "ي"),  # alef maqsura final -> ى -> ي
        ("\ufefb", "لا"),  # lam-alef ligature: one original char, two normalized
        ("\ufef7", "لا"),  # lam-alef with hamza above
        ("\ufdf2", "الله"),  # ligature; its marks are dropped by the second pass
    ],
)
def test_compat_presentation_forms(form, expected):
    assert n(form) == expected


def test_presentation_form_word():
    assert n("ﻓﻲ ﺍﻟﻤﺪﻳﻨﺔ") == "في المدينه"


def test_characters_outside_the_map_are_kept_and_latin_lowercased():
    assert n("بيت") == "بيت"
    assert n("ISIS Al-Qaeda 5") == "isis al-qaeda 5"
    assert n("ü") == "ü"


def test_map_is_idempotent():
    """A replacement is already normalized: normalizing twice changes nothing."""
    for cp, rep in normalize_char_map().items():
        assert n(rep) == rep, (hex(cp), rep)


def test_no_replacement_contains_marks_or_presentation_forms():
    table = normalize_char_map()
    for cp, rep in table.items():
        for ch in rep:
            assert table.get(ord(ch), ch) == ch, (hex(cp), rep)


def test_unknown_op_is_rejected(monkeypatch):
    rows = ({"from": "U+0628", "to": "", "op": "shout", "note": ""},)
    monkeypatch.setattr(chars, "read_tsv", lambda _: rows)
    with pytest.raises(ValueError, match="unknown op"):
        chars.normalize_char_map.__wrapped__()


def test_ranges_and_multi_code_point_replacements(monkeypatch):
    rows = (
        {"from": "U+0661-U+0663", "to": "U+0078", "op": "map", "note": ""},
        {"from": "U+0628", "to": "U+0062 U+0062", "op": "map", "note": ""},
    )
    monkeypatch.setattr(chars, "read_tsv", lambda _: rows)
    table = chars.normalize_char_map.__wrapped__()
    assert table == {0x661: "x", 0x662: "x", 0x663: "x", 0x628: "bb"}
