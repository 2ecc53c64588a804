"""Number-word lexicon compiled from ``rasd/lang/ar/numbers/*.tsv`` (loaded once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.document import Token
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.match.phrases import PhraseMatcher
from rasd.tokenize.clitics import clitic_forms

DATA_DIR = "numbers"

# Word kinds of the cardinal grammar.
UNIT = "unit"
TEN = "ten"
HUNDRED_MULT = "hundred_mult"
HUNDRED = "hundred"
SCALE = "scale"
SCALE_DUAL = "scale_dual"
SCALE_PLURAL = "scale_plural"
ORDINAL = "ordinal"
DUAL_NOUN = "dual_noun"


@dataclass(frozen=True, slots=True)
class NumWord:
    kind: str
    value: int
    teen: bool = False  # closes a teen after a unit ("عشر" in "خمسة عشر")
    only_teen: bool = False  # used only inside a teen ("اثنا")
    unit: str | None = None  # for dual nouns: the unit of measure, None for people


@dataclass(frozen=True, slots=True)
class Vague:
    qualifier: str
    value: int
    min: int | None
    max: int | None


@dataclass(frozen=True, slots=True)
class UnitCue:
    unit: str
    year_only: bool


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    words: dict[str, tuple[NumWord, ...]]
    vague: PhraseMatcher[Vague]
    fractions: PhraseMatcher[float]
    before: PhraseMatcher[str]  # qualifier key
    after: PhraseMatcher[str]
    unit_after: PhraseMatcher[str]
    unit_before: dict[str, UnitCue]
    range_roles: dict[str, frozenset[str]]
    plain_prefixes: frozenset[str]  # clitic prefixes that keep a number word indefinite
    conj: str
    starters: frozenset[str]  # every word a quantity can start with (a cheap first filter)
    first_words: dict[str, frozenset[str]]  # matcher name -> first words of its phrases


def _path(name: str) -> str:
    return f"{DATA_DIR}/{name}"


def _int(cell: str) -> int | None:
    return int(cell) if cell.strip() else None


def _add(words: dict[str, list[NumWord]], cell: str, word: NumWord) -> None:
    for form in split_variants(cell):
        words.setdefault(form, []).append(word)


@cache
def number_lexicon() -> NumberLexicon:
    words: dict[str, list[NumWord]] = {}
    for row in read_tsv(_path("units.tsv")):
        _add(words, row["ar"], NumWord(UNIT, int(row["value"]), row["teen"] == "1", row["only_teen"] == "1"))
    for row in read_tsv(_path("tens.tsv")):
        _add(words, row["ar"], NumWord(TEN, int(row["value"])))
    for row in read_tsv(_path("hundreds.tsv")):
        kind = HUNDRED_MULT if row["kind"] == "multiplier" else HUNDRED
        _add(words, row["ar"], NumWord(kind, int(row["value"])))
    scale_kinds = {"scale": SCALE, "dual": SCALE_DUAL, "plural": SCALE_PLURAL}
    for row in read_tsv(_path("scales.tsv")):
        _add(words, row["ar"], NumWord(scale_kinds[row["kind"]], int(row["value"])))
    for row in read_tsv(_path("ordinals.tsv")):
        _add(words, row["ar"], NumWord(ORDINAL, int(row["value"])))
    for row in read_tsv(_path("duals.tsv")):
        _add(words, row["ar"], NumWord(DUAL_NOUN, 2, unit=row["unit"] or None))

    vague: PhraseMatcher[Vague] = PhraseMatcher()
    for row in read_tsv(_path("vague.tsv")):
        entry = Vague(row["qualifier"], int(row["value"]), _int(row["min"]), _int(row["max"]))
        for phrase in split_variants(row["ar"]):
            vague.add(phrase, entry, normalize=False)

    fractions: PhraseMatcher[float] = PhraseMatcher()
    for row in read_tsv(_path("fractions.tsv")):
        for phrase in split_variants(row["ar"]):
            fractions.add(phrase, int(row["numerator"]) / int(row["denominator"]), normalize=False)

    before: PhraseMatcher[str] = PhraseMatcher()
    after: PhraseMatcher[str] = PhraseMatcher()
    for row in read_tsv(_path("qualifiers.tsv")):
        target = before if row["position"] == "before" else after
        for phrase in split_variants(row["ar"]):
            target.add(phrase, row["qualifier"], normalize=False)

    unit_after: PhraseMatcher[str] = PhraseMatcher()
    unit_before: dict[str, UnitCue] = {}
    for row in read_tsv(_path("unit_nouns.tsv")):
        for phrase in split_variants(row["ar"]):
            if row["position"] == "after":
                unit_after.add(phrase, row["unit"], normalize=False)
            else:
                unit_before[phrase] = UnitCue(row["unit"], row["condition"] == "year")

    roles: dict[str, set[str]] = {}
    for row in read_tsv(_path("ranges.tsv")):
        for phrase in split_variants(row["ar"]):
            roles.setdefault(row["role"], set()).add(phrase)
    conj = next(iter(roles["join_between"]))

    plain = frozenset(
        r["prefix"] for r in read_tsv("clitics.tsv") if r["add_al"] != "1" and r["role"] != "article"
    )
    starters: set[str] = set(words)
    for name in ("vague.tsv", "qualifiers.tsv", "fractions.tsv"):
        for row in read_tsv(_path(name)):
            starters.update(phrase.split()[0] for phrase in split_variants(row["ar"]))
    for role in ("open_between", "open_from"):
        starters.update(phrase.split()[0] for phrase in roles[role])
    first_words = {
        "vague": _first_words("vague.tsv"),
        "fractions": _first_words("fractions.tsv"),
        "before": _first_words("qualifiers.tsv", position="before"),
        "after": _first_words("qualifiers.tsv", position="after"),
        "unit_after": _first_words("unit_nouns.tsv", position="after"),
    }
    return NumberLexicon(
        words={k: tuple(v) for k, v in words.items()},
        vague=vague,
        fractions=fractions,
        before=before,
        after=after,
        unit_after=unit_after,
        unit_before=unit_before,
        range_roles={k: frozenset(v) for k, v in roles.items()},
        plain_prefixes=plain,
        conj=conj,
        starters=frozenset(starters),
        first_words=first_words,
    )


def _first_words(name: str, position: str | None = None) -> frozenset[str]:
    return frozenset(
        phrase.split()[0]
        for row in read_tsv(_path(name))
        if position is None or row["position"] == position
        for phrase in split_variants(row["ar"])
    )


@cache
def count_nouns() -> frozenset[str]:
    """Words that make a preceding number a count of people (casualty and group nouns)."""
    words: set[str] = set()
    for name in ("casualties/triggers.tsv", "casualties/groups.tsv"):
        for row in read_tsv(name):
            words.update(phrase.split()[0] for phrase in split_variants(row["ar"]))
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class WordHit:
    word: NumWord
    prefix_len: int
    prefix: str


def word_hits(tok: Token) -> tuple[WordHit, ...]:
    """Number words a token can be, most specific form first.

    A cardinal found only by stripping a definite article ("الاثنين" = Monday, "الخمسة") is
    not a count; ordinals may be definite.
    """
    if tok.kind != "word":
        return ()
    return _word_hits(tok.norm)


@lru_cache(maxsize=65536)
def _word_hits(norm: str) -> tuple[WordHit, ...]:
    lex = number_lexicon()
    out: list[WordHit] = []
    for form, plen in clitic_forms(norm):
        entries = lex.words.get(form)
        if not entries:
            continue
        prefix = norm[:plen] if norm.endswith(form) else norm[: len(norm) - len(form)]
        for word in entries:
            definite_ok = word.kind in (ORDINAL, DUAL_NOUN)
            if plen == 0 or prefix in lex.plain_prefixes or definite_ok:
                out.append(WordHit(word, plen, prefix))
    return tuple(out)


@lru_cache(maxsize=4096)
def definite_cardinal(norm: str) -> int | None:
    """The value of a definite one-word cardinal 3-10 ("الأربعة", "الثلاث"), which follows its
    noun as an adjective ("المهاجمين الأربعة"); ``None`` for anything else (no standalone count)."""
    lex = number_lexicon()
    for form, plen in clitic_forms(norm):
        if plen == 0:
            continue
        for word in lex.words.get(form, ()):
            if word.kind == UNIT and not word.only_teen and 3 <= word.value <= 10:
                return word.value
    return None
