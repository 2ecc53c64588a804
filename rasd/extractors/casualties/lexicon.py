"""Casualty lexicons compiled from ``rasd/lang/ar/casualties/*.tsv`` (loaded once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.match.phrases import PhraseMatcher

DATA_DIR = "casualties"

# Trigger patterns (where the count sits relative to the casualty word).
VERB = "verb"
VERBAL = "verbal"
PLURAL = "plural"
SINGULAR = "singular"
DUAL = "dual"
COUNTED = "counted"
STRICT = "strict"
FRAME = "frame"
PRONOUN = "pronoun"  # a verbal noun with a pronoun victim ("مقتله"): one

# Group-noun number.
SG = "sg"
DU = "du"
PL = "pl"
ORG = "org"
OTHER_GROUP = "other"


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    type: str
    pattern: str
    close: frozenset[str]


@dataclass(frozen=True, slots=True)
class GroupEntry:
    group: str
    number: str


@dataclass(frozen=True, slots=True)
class CueEntry:
    cue: str
    type: str | None


@dataclass(frozen=True, slots=True)
class CasualtyLexicon:
    triggers: PhraseMatcher[TriggerEntry]
    groups: PhraseMatcher[GroupEntry]
    cues: PhraseMatcher[CueEntry]
    single_cues: dict[str, frozenset[str]]  # one-word cue -> cue keys
    plain_prefixes: frozenset[str]
    conj: str
    trigger_starters: frozenset[str]  # first words of trigger phrases (a cheap first filter)
    verb_prefixes: frozenset[str]  # clitics a verb can carry (و, ف and their combination)
    accusative: str  # the ending of an indefinite accusative noun ("عسكريا"), a count's singular noun
    preposition_clitics: frozenset[str]  # "ب" of "بغارة": a means, not an object, after a verb
    nominative_plural: str  # "غاضبون": the ending of a nominative masculine plural (a subject's adjective)
    feminine: str  # the (normalized) ending of a feminine noun, which shows no accusative ("طفلة")


def _path(name: str) -> str:
    return f"{DATA_DIR}/{name}"


@cache
def casualty_lexicon() -> CasualtyLexicon:
    triggers: PhraseMatcher[TriggerEntry] = PhraseMatcher()
    starters: set[str] = set()
    for row in read_tsv(_path("triggers.tsv")):
        entry = TriggerEntry(row["type"], row["pattern"], frozenset(split_variants(row["close"])))
        for phrase in split_variants(row["ar"]):
            triggers.add(phrase, entry, normalize=False)
            starters.add(phrase.split()[0])
    groups: PhraseMatcher[GroupEntry] = PhraseMatcher()
    for row in read_tsv(_path("groups.tsv")):
        entry = GroupEntry(row["group"], row["number"])
        for phrase in split_variants(row["ar"]):
            groups.add(phrase, entry, normalize=False)
    cues: PhraseMatcher[CueEntry] = PhraseMatcher()
    single: dict[str, set[str]] = {}
    for row in read_tsv(_path("cues.tsv")):
        entry = CueEntry(row["cue"], row["type"] or None)
        for phrase in split_variants(row["ar"]):
            cues.add(phrase, entry, normalize=False)
            if " " not in phrase:
                single.setdefault(phrase, set()).add(row["cue"])
    conj = next(p for p, keys in single.items() if "conj" in keys)
    plain = frozenset(
        r["prefix"] for r in read_tsv("clitics.tsv") if r["add_al"] != "1" and r["role"] != "article"
    )
    return CasualtyLexicon(
        triggers=triggers,
        groups=groups,
        cues=cues,
        single_cues={k: frozenset(v) for k, v in single.items()},
        plain_prefixes=plain,
        conj=conj,
        trigger_starters=frozenset(starters),
        verb_prefixes=frozenset(p for p, keys in single.items() if "verb_prefix" in keys),
        accusative=next(p for p, keys in single.items() if "accusative_ending" in keys),
        feminine=next(p for p, keys in single.items() if "feminine_ending" in keys),
        nominative_plural=next(p for p, keys in single.items() if "nominative_plural_ending" in keys),
        preposition_clitics=frozenset(p for p, keys in single.items() if "preposition_clitic" in keys),
    )
