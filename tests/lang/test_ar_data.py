"""Every language data file under rasd/lang/ar/ is well formed and stored normalized.

Generic on purpose: it walks the folder, so a lexicon added later is checked with no change
here. Arabic match phrases live in the `ar` column (variants separated by `|`) and must be
stored exactly as `normalize_phrase` outputs them, made only of characters the tokenizer
reads as word letters (a presentation form, a Latin letter or a stray mark can never match).
A file whose `ar` phrases legitimately hold digits or punctuation says so in a header
comment: `# allow: digits` and/or `# allow: punct`.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import unicodedata
from pathlib import Path

import pytest

import rasd.lang.ar as ar_data
from rasd.lang.ar import data_hash, data_path, list_data_files, read_tsv
from rasd.lang.ar.vocabulary import MATCH_COLUMN, VARIANT_SEP, known_words
from rasd.normalize import normalize_phrase

ROOT = data_path("")
TSV_FILES = sorted(
    str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and p.name.endswith((".tsv", ".tsv.gz"))
)
# The letters the tokenizer reads as a word (rasd/tokenize/tokens.py).
WORD_CHARS = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+")
NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
PUNCT = re.compile(r"[^\s\w]")
PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")
ALLOW = re.compile(r"^#\s*allow:\s*(.+)$")


def _raw_lines(relpath: str) -> list[str]:
    path = data_path(relpath)
    raw = gzip.decompress(path.read_bytes()) if relpath.endswith(".gz") else path.read_bytes()
    return raw.decode("utf-8").splitlines()


def _allowances(relpath: str) -> set[str]:
    allowed: set[str] = set()
    for line in _raw_lines(relpath):
        match = ALLOW.match(line.strip())
        if match:
            allowed.update(w.strip() for w in re.split(r"[,\s]+", match.group(1)) if w.strip())
    return allowed


def _has_ar_column(relpath: str) -> bool:
    rows = read_tsv(relpath)
    return bool(rows) and MATCH_COLUMN in rows[0]


AR_FILES = [f for f in TSV_FILES if _has_ar_column(f)]


def _variant_problems(variant: str, allowed: set[str]) -> list[str]:
    problems = []
    if variant != normalize_phrase(variant):
        problems.append(f"not normalized (expected {normalize_phrase(variant)!r})")
    if PRESENTATION_FORMS.search(variant):
        problems.append("presentation form")
    if re.search(r"[A-Za-z]", variant):
        problems.append("Latin letters")
    for word in variant.split(" "):
        if not word:
            problems.append("double space")
        elif WORD_CHARS.fullmatch(word):
            continue
        elif NUMBER.fullmatch(word):
            if "digits" not in allowed:
                problems.append(f"digits in {word!r} (header lacks '# allow: digits')")
        elif PUNCT.fullmatch(word):
            if "punct" not in allowed:
                problems.append(f"punctuation {word!r} (header lacks '# allow: punct')")
        else:
            problems.append(f"{word!r} is not one token (letters, a number or one mark)")
    return problems


def test_data_files_found():
    assert "words.tsv" in TSV_FILES
    assert "normalization.tsv" in TSV_FILES
    assert "words.tsv" in AR_FILES


@pytest.mark.parametrize("relpath", TSV_FILES)
def test_file_parses_with_header_and_rows(relpath):
    rows = read_tsv(relpath)
    assert rows, f"{relpath}: no data rows"
    header = list(rows[0])
    assert all(header), f"{relpath}: empty column name in header {header}"
    assert len(set(header)) == len(header), f"{relpath}: repeated column name in header {header}"


@pytest.mark.parametrize("relpath", TSV_FILES)
def test_file_is_utf8_without_bom_or_carriage_returns(relpath):
    path = data_path(relpath)
    raw = gzip.decompress(path.read_bytes()) if relpath.endswith(".gz") else path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{relpath}: byte order mark"
    raw.decode("utf-8")
    assert b"\r" not in raw, f"{relpath}: carriage returns (use LF line ends)"


@pytest.mark.parametrize("relpath", TSV_FILES)
def test_no_duplicate_rows(relpath):
    seen: dict[tuple[str, ...], int] = {}
    dups = []
    for i, row in enumerate(read_tsv(relpath)):
        key = tuple(row.values())
        if key in seen:
            dups.append(f"row {i} repeats row {seen[key]}: {key}")
        seen.setdefault(key, i)
    assert not dups, f"{relpath}: duplicate rows:\n" + "\n".join(dups[:20])


@pytest.mark.parametrize("relpath", AR_FILES)
def test_ar_variants_are_normalized_arabic(relpath):
    allowed = _allowances(relpath)
    problems = []
    for i, row in enumerate(read_tsv(relpath)):
        cell = row[MATCH_COLUMN]
        if not cell:
            continue  # a row with no Arabic phrase (e.g. a gazetteer entry known only in English)
        for variant in cell.split(VARIANT_SEP):
            if not variant.strip():
                problems.append(f"row {i}: empty variant in {cell!r}")
                continue
            if variant != variant.strip():
                problems.append(f"row {i}: spaces around variant {variant!r}")
            problems.extend(f"row {i}: {variant!r}: {p}" for p in _variant_problems(variant.strip(), allowed))
    assert not problems, f"{relpath}: {len(problems)} problems:\n" + "\n".join(problems[:30])


@pytest.mark.parametrize("relpath", AR_FILES)
def test_no_repeated_variant_within_a_cell(relpath):
    problems = []
    for i, row in enumerate(read_tsv(relpath)):
        variants = [v.strip() for v in row[MATCH_COLUMN].split(VARIANT_SEP) if v.strip()]
        repeated = sorted({v for v in variants if variants.count(v) > 1})
        if repeated:
            problems.append(f"row {i}: {repeated}")
    assert not problems, f"{relpath}: repeated variants:\n" + "\n".join(problems[:30])


# -- the foundation's own files -------------------------------------------------------------

FOUNDATION_MATCH_COLUMNS = [
    ("clitics.tsv", "prefix"),
    ("abbreviations.tsv", "abbr"),
    ("affixes.tsv", "affix"),
    ("affixes.tsv", "restore"),
]


@pytest.mark.parametrize(("relpath", "column"), FOUNDATION_MATCH_COLUMNS)
def test_foundation_match_columns_are_normalized(relpath, column):
    for row in read_tsv(relpath):
        cell = row[column]
        if cell:
            assert cell == normalize_phrase(cell), f"{relpath}:{column} {cell!r}"
            assert WORD_CHARS.fullmatch(cell), f"{relpath}:{column} {cell!r}"


def test_words_file_holds_single_words_with_known_kinds():
    rows = read_tsv("words.tsv")
    assert len(rows) >= 2000
    for row in rows:
        assert " " not in row[MATCH_COLUMN], row
        assert row["kind"] in ("", "function"), row
    assert {"function", ""} == {row["kind"] for row in rows}


def test_collocations_are_phrases():
    for row in read_tsv("collocations.tsv"):
        assert len(row[MATCH_COLUMN].split()) >= 2, row


def test_final_letters_are_code_points_of_arabic_letters():
    for row in read_tsv("final_letters.tsv"):
        for spec in [row["char"], *row["not_before"].split()]:
            assert re.fullmatch(r"U\+[0-9A-F]{4}", spec), spec
            assert "ARABIC" in unicodedata.name(chr(int(spec[2:], 16)))


def test_known_words_include_every_ar_word_of_plain_tsv_files():
    # known_words() reads the plain *.tsv lexicons (not the compressed gazetteers).
    vocab = known_words()
    for relpath in (f for f in AR_FILES if f.endswith(".tsv")):
        for row in read_tsv(relpath):
            for variant in row[MATCH_COLUMN].split(VARIANT_SEP):
                assert set(variant.split()) <= vocab, (relpath, variant)


# -- loaders ----------------------------------------------------------------------------------


def test_list_data_files_lists_every_data_file_relative_and_sorted():
    listed = list_data_files()
    assert listed == sorted(listed)
    assert set(TSV_FILES) <= set(listed)
    for rel in listed:
        assert not Path(rel).is_absolute()
        assert data_path(rel).is_file()
        assert rel.endswith((".tsv", ".gz", ".json"))
    assert not any(rel.endswith(".py") for rel in listed)


@pytest.mark.parametrize("relpath", TSV_FILES)
def test_data_hash_is_a_short_sha256_of_the_bytes(relpath):
    digest = data_hash.__wrapped__(relpath)  # uncached: the file as it is now
    assert re.fullmatch(r"[0-9a-f]{12}", digest)
    assert digest == hashlib.sha256(data_path(relpath).read_bytes()).hexdigest()[:12]
    assert data_hash(relpath) == data_hash(relpath)  # cached per process


def test_data_hashes_differ_between_files_with_different_content():
    contents = {data_path(rel).read_bytes(): data_hash.__wrapped__(rel) for rel in TSV_FILES}
    assert len(set(contents.values())) == len(contents)


@pytest.fixture
def tmp_data(tmp_path, monkeypatch):
    """Point the loaders at a temporary folder (bypassing their caches)."""
    monkeypatch.setattr(ar_data, "data_path", lambda rel: tmp_path / rel)
    return tmp_path


def test_read_tsv_skips_comments_and_blank_lines_and_pads_short_rows(tmp_data):
    (tmp_data / "x.tsv").write_text(
        "# a comment\n\nkey\tar\tnote\n  # indented comment\nk1\tقتل|اغتيال\n\nk2\tهجوم\tlate\r\n",
        encoding="utf-8",
    )
    rows = ar_data.read_tsv.__wrapped__("x.tsv")
    assert rows == (
        {"key": "k1", "ar": "قتل|اغتيال", "note": ""},
        {"key": "k2", "ar": "هجوم", "note": "late"},
    )


def test_read_tsv_rejects_rows_wider_than_the_header(tmp_data):
    (tmp_data / "bad.tsv").write_text("key\tar\nk\tقتل\textra\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:2"):
        ar_data.read_tsv.__wrapped__("bad.tsv")


def test_read_tsv_reads_gzip(tmp_data):
    (tmp_data / "z.tsv.gz").write_bytes(gzip.compress("key\tar\nk\tغاره\n".encode()))
    assert ar_data.read_tsv.__wrapped__("z.tsv.gz") == ({"key": "k", "ar": "غاره"},)


def test_read_tsv_is_cached_and_read_only_tuple():
    assert read_tsv("clitics.tsv") is read_tsv("clitics.tsv")
    assert isinstance(read_tsv("clitics.tsv"), tuple)
