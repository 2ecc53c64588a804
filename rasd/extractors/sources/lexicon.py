"""Source lexicons (``rasd/lang/ar/sources/``): attribution cues, source nouns, known outlets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.extractors.triggers.scan import ScanMatcher
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.normalize import normalize_phrase

FOLDER = "sources"
PREP, VERB, RELAY, RELAY_FROM = "prep", "verb", "relay", "relay_from"
AFFILIATION = "affiliation"  # role in extensions.tsv
AFFILIATION_PREP = "affiliation_prep"
AFFILIATION_CLITIC = "affiliation_clitic"


@dataclass(frozen=True, slots=True)
class Cue:
    key: str
    kind: str


@dataclass(frozen=True, slots=True)
class SourceEntry:
    key: str
    kind: str
    canonical: str | None
    extend: str  # name | adj | none
    outlet: bool = False
    scale: str | None = None
    english: str | None = None  # plain English for the kind when the institution is unknown


@cache
def cue_matcher() -> ScanMatcher[Cue]:
    pairs = [
        (phrase, Cue(row["key"], row["kind"]))
        for row in read_tsv(f"{FOLDER}/cues.tsv")
        for phrase in split_variants(row["ar"])
    ]
    return ScanMatcher(pairs)


@cache
def outlet_rows() -> tuple[dict[str, str], ...]:
    return read_tsv(f"{FOLDER}/outlets.tsv")


@cache
def source_matcher() -> ScanMatcher[SourceEntry]:
    pairs: list[tuple[str, SourceEntry]] = []
    for row in read_tsv(f"{FOLDER}/nouns.tsv"):
        entry = SourceEntry(row["key"], row["kind"], row["canonical"] or None, row["extend"],
                            english=row.get("english") or None)
        pairs.extend((phrase, entry) for phrase in split_variants(row["ar"]))
    for row in outlet_rows():
        entry = SourceEntry(row["key"], "agency" if row["kind"] == "agency" else "media",
                            row["canonical"], "none", outlet=True, scale=row["scale"] or None)
        pairs.extend((phrase, entry) for phrase in split_variants(row["ar"]))
    return ScanMatcher(pairs)


@cache
def extension_words(role: str) -> frozenset[str]:
    """Indefinite words that continue a written name: ``adjective`` or ``particle`` rows."""
    return frozenset(
        word
        for row in read_tsv(f"{FOLDER}/extensions.tsv")
        if row["role"] == role
        for word in split_variants(row["ar"])
    )


@cache
def affiliation_words() -> frozenset[str]:
    """Participles that open a descriptive phrase of affiliation (القريبة من, التابعة لـ)."""
    return extension_words(AFFILIATION)


@cache
def boundary_words() -> frozenset[str]:
    return frozenset(
        word for row in read_tsv(f"{FOLDER}/boundaries.tsv") for word in split_variants(row["ar"])
    )


@cache
def _scales() -> dict[str, str]:
    """Every way of naming an outlet (canonical, Latin alias, Arabic variant) -> its scale."""
    table: dict[str, str] = {}
    for row in outlet_rows():
        if not row["scale"]:
            continue
        names = [row["canonical"], row["key"], *split_variants(row["latin"]), *split_variants(row["ar"])]
        for name in names:
            table.setdefault(normalize_phrase(name).casefold(), row["scale"])
    return table


def outlet_scale(source_name: str | None) -> str | None:
    """ACLED ``source_scale`` of a known outlet (``international``/``regional``/``national``/
    ``local``), looked up by canonical name, Latin alias or Arabic name; None when unknown."""
    if not source_name:
        return None
    return _scales().get(normalize_phrase(source_name).casefold())
