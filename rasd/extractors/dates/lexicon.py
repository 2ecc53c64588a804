"""The date lexicons (rasd/lang/ar/dates/*.tsv) as one phrase matcher over canonical keys.

Every surface form maps to a :class:`Lex` entry: a category (``month``, ``weekday``, ``rel``,
``narr``, ``pod``, ``unit``, ``mod``, ``cue``, ``count``, ``ordinal``, ``ignore``) and a
canonical key. The grammar in :mod:`rasd.extractors.dates.parse` only ever sees these keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.match.phrases import PhraseMatcher

DATA_DIR = "dates/"
FILES = (
    "months.tsv",
    "weekdays.tsv",
    "relative.tsv",
    "narrative.tsv",
    "parts_of_day.tsv",
    "periods.tsv",
    "modifiers.tsv",
    "cues.tsv",
    "counts.tsv",
    "ordinals.tsv",
    "ignore.tsv",
)
WEEKDAY_INDEX = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}


@dataclass(frozen=True, slots=True)
class Lex:
    cat: str
    key: str
    value: int | None = None  # month number, weekday index, day offset, count, ordinal
    flag: bool = False  # month: may stand alone; rel: future
    extra: str = ""  # rel: part of day carried by the word; unit: the unit for counts


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return read_tsv(DATA_DIR + name)


def _entries() -> list[tuple[str, Lex]]:
    out: list[tuple[str, Lex]] = []

    def add(cell: str, lex: Lex) -> None:
        out.extend((variant, lex) for variant in split_variants(cell))

    for r in _rows("ignore.tsv"):
        add(r["ar"], Lex("ignore", "ignore"))
    for r in _rows("months.tsv"):
        calendar, _, number = r["key"].partition(":")
        add(r["ar"], Lex("month", calendar, int(number), r["bare"] == "1"))
    for r in _rows("weekdays.tsv"):
        add(r["ar"], Lex("weekday", r["key"], WEEKDAY_INDEX[r["key"]]))
    for r in _rows("relative.tsv"):
        add(r["ar"], Lex("rel", r["key"], int(r["offset"]), r["future"] == "1", r["part"]))
    for r in _rows("narrative.tsv"):
        add(r["ar"], Lex("narr", r["key"], int(r["offset"])))
    for r in _rows("parts_of_day.tsv"):
        add(r["ar"], Lex("pod", r["key"]))
    for r in _rows("periods.tsv"):
        count = None if r["count"] == "n" else int(r["count"])
        add(r["ar"], Lex("unit", r["unit"], count))
    for r in _rows("modifiers.tsv"):
        add(r["ar"], Lex("mod", r["key"]))
    for r in _rows("cues.tsv"):
        add(r["ar"], Lex("cue", r["key"]))
    for r in _rows("counts.tsv"):
        add(r["ar"], Lex("count", "count", int(r["value"])))
    for r in _rows("ordinals.tsv"):
        add(r["ar"], Lex("ordinal", "ordinal", int(r["value"])))
    return out


@cache
def date_matcher() -> PhraseMatcher[Lex]:
    """One matcher over every date lexicon; entries are stored normalized already."""
    return PhraseMatcher(_entries(), normalize=False)


@cache
def first_words() -> frozenset[str]:
    """First words of every lexicon phrase: a token with none of them starts no match."""
    return frozenset(phrase.split()[0] for phrase, _ in _entries())


WEAK_UNITS = (("year", 1), ("day", 1), ("hour", 1))  # "عام", "يوم": too common to signal a date


def _is_anchor(lex: Lex) -> bool:
    if lex.cat in ("month", "weekday", "rel", "narr"):
        return True
    if lex.cat == "unit":
        return (lex.key, lex.value) not in WEAK_UNITS
    if lex.cat == "mod":
        return lex.key in ("past", "next")  # "العام الماضي"; "الشهر الجاري" has its own anchor
    return lex.cat == "cue" and lex.key == "since"  # "منذ بدايه الحرب"


@cache
def anchor_words() -> frozenset[str]:
    """Words without which a sentence holds no date expression (besides year numbers and
    numeric dates): every expression the grammar builds contains one of them."""
    return frozenset(phrase.split()[0] for phrase, lex in _entries() if _is_anchor(lex))


@dataclass(frozen=True, slots=True)
class ClauseLexicon:
    verbs: frozenset[str]  # open a clause with a glued و/ف
    connectors: PhraseMatcher[str]  # open a clause on their own
    topics: PhraseMatcher[str]  # open a sentence about another incident
    relatives: frozenset[str]  # relative pronouns


@cache
def clause_openers() -> ClauseLexicon:
    """Clause and topic openers from clause_openers.tsv (used by event dating)."""
    verbs: set[str] = set()
    relatives: set[str] = set()
    phrases: dict[str, list[tuple[str, str]]] = {"connector": [], "topic": []}
    for r in _rows("clause_openers.tsv"):
        variants = split_variants(r["ar"])
        if r["kind"] == "verb":
            verbs.update(variants)
        elif r["kind"] == "relative":
            relatives.update(variants)
        else:
            phrases[r["kind"]].extend((v, r["kind"]) for v in variants)
    return ClauseLexicon(frozenset(verbs), PhraseMatcher(phrases["connector"], normalize=False),
                         PhraseMatcher(phrases["topic"], normalize=False), frozenset(relatives))


@cache
def reporting_words() -> tuple[frozenset[str], frozenset[str]]:
    """(reporting verbs, complementizers) from reporting.tsv."""
    verbs: set[str] = set()
    comps: set[str] = set()
    for r in _rows("reporting.tsv"):
        (verbs if r["kind"] == "verb" else comps).update(split_variants(r["ar"]))
    return frozenset(verbs), frozenset(comps)
