"""Trigger lexicons (``rasd/lang/ar/triggers/``) loaded into matchers, once per process.

One TSV per ACLED sub-event type (the file name is the sub-event key listed in
``types.tsv``), plus ``generic.tsv`` for violent words that do not settle the type,
``blockers.tsv`` (names such as "Tahrir al-Sham" that contain a trigger word),
``modifiers.tsv`` (nearby cues that re-type a trigger, e.g. an air force cue turns a
bombardment into an air strike) and ``guards.tsv`` (contexts such as sport or metaphor).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.extractors.triggers.scan import ScanMatcher
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants

FOLDER = "triggers"
TYPES_FILE = f"{FOLDER}/types.tsv"
GENERIC = "generic"
MODIFIERS_FILE = f"{FOLDER}/modifiers.tsv"
GUARDS_FILE = f"{FOLDER}/guards.tsv"
BLOCKERS_FILE = f"{FOLDER}/blockers.tsv"
PAIRS_FILE = f"{FOLDER}/pairs.tsv"
ACCUSATIVE_FILE = f"{FOLDER}/accusative.tsv"
BLOCKER = "blocker"
STRENGTHS = ("strong", "weak")
ANY = "*"


@dataclass(frozen=True, slots=True)
class SubEventType:
    key: str
    event_type: str | None
    sub_event_type: str | None
    disorder_type: str | None
    rank: int  # ACLED hierarchy position: lower wins for concurrent tactics


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    key: str
    type_key: str  # sub-event key, or "generic"
    strength: str
    default_type: str | None  # generic entries: the sub-event assumed when nothing else says


@dataclass(frozen=True, slots=True)
class Modifier:
    key: str
    applies_to: frozenset[str]  # trigger keys or type keys
    becomes: str  # sub-event key
    window: int  # max token distance; 0 = anywhere in the sentence


@dataclass(frozen=True, slots=True)
class Guard:
    key: str
    context: str  # sport | metaphor | cyber | accident | ...
    applies_to: frozenset[str]
    window: int
    doc_min: int  # > 0: this many hits in a document flag every trigger of the document


@dataclass(frozen=True, slots=True)
class Pair:
    """A verb and its object that name an event together, the subject often between them."""

    entry: TriggerEntry  # key: the pair key; type_key: the sub-event it names
    window: int  # max tokens between the verb and its object


def lexicon_file(type_key: str) -> str:
    return f"{FOLDER}/{type_key}.tsv"


@cache
def sub_event_types() -> dict[str, SubEventType]:
    out = {
        row["key"]: SubEventType(row["key"], row["event_type"], row["sub_event_type"],
                                 row["disorder_type"], int(row["rank"]))
        for row in read_tsv(TYPES_FILE)
    }
    out[GENERIC] = SubEventType(GENERIC, None, None, "Political violence", 99)
    return out


def trigger_files() -> list[str]:
    return list(sub_event_types())


@cache
def trigger_entries() -> tuple[tuple[str, TriggerEntry], ...]:
    """``(phrase, entry)`` for every variant of every row of every trigger file, and each
    variant's indefinite accusative (:func:`accusative`) unless a row lists that form itself."""
    pairs: list[tuple[str, TriggerEntry]] = []
    for type_key in trigger_files():
        for row in read_tsv(lexicon_file(type_key)):
            entry = TriggerEntry(row["key"], type_key, row["strength"], row.get("default") or None)
            pairs.extend((phrase, entry) for phrase in split_variants(row["ar"]))
    for row in read_tsv(BLOCKERS_FILE):
        entry = TriggerEntry(row["key"], BLOCKER, "", None)
        pairs.extend((phrase, entry) for phrase in split_variants(row["ar"]))
    listed = {phrase for phrase, _ in pairs}
    inflected = [(accusative(phrase), entry) for phrase, entry in pairs]
    return tuple(pairs + [(phrase, entry) for phrase, entry in inflected if phrase and phrase not in listed])


@cache
def _accusative_rule() -> tuple[str, frozenset[str], int]:
    [row] = read_tsv(ACCUSATIVE_FILE)
    return row["suffix"], frozenset(split_variants(row["not_after"])), int(row["min_length"])


def accusative(phrase: str) -> str | None:
    """The phrase with the indefinite accusative ending on every word that can carry it
    ("هجوم مسلح" -> "هجوما مسلحا"), or None when no word can."""
    from rasd.tokenize.clitics import definite_article
    from rasd.tokenize.glued import function_words

    suffix, not_after, min_length = _accusative_rule()
    function, article = function_words(), definite_article()
    words = phrase.split()
    out = [w + suffix if (len(w) >= min_length and w[-1] not in not_after and not w.startswith(article)
                          and w not in function) else w for w in words]
    return " ".join(out) if out != words else None


@cache
def trigger_matcher() -> ScanMatcher[TriggerEntry]:
    return ScanMatcher(trigger_entries())


def _targets(cell: str) -> frozenset[str]:
    return frozenset(t.strip() for t in cell.split("|") if t.strip())


@cache
def modifier_matcher() -> ScanMatcher[Modifier]:
    pairs = []
    for row in read_tsv(MODIFIERS_FILE):
        mod = Modifier(row["key"], _targets(row["applies_to"]), row["becomes"], int(row["window"] or 0))
        pairs.extend((phrase, mod) for phrase in split_variants(row["ar"]))
    return ScanMatcher(pairs)


@cache
def guard_matcher() -> ScanMatcher[Guard]:
    pairs = []
    for row in read_tsv(GUARDS_FILE):
        guard = Guard(row["key"], row["context"], _targets(row["applies_to"]), int(row["window"] or 0),
                      int(row.get("doc_min") or 0))
        pairs.extend((phrase, guard) for phrase in split_variants(row["ar"]))
    return ScanMatcher(pairs)


def applies(targets: frozenset[str], entry: TriggerEntry) -> bool:
    return ANY in targets or entry.key in targets or entry.type_key in targets


@cache
def pairs() -> dict[str, Pair]:
    return {row["key"]: Pair(TriggerEntry(row["key"], row["becomes"], row["strength"], None), int(row["window"]))
            for row in read_tsv(PAIRS_FILE)}


def _grouped(column: str) -> ScanMatcher[frozenset[str]]:
    """One entry per phrase, with every pair key that lists it (a phrase serves several pairs)."""
    keys: dict[str, set[str]] = {}
    for row in read_tsv(PAIRS_FILE):
        for phrase in split_variants(row[column]):
            keys.setdefault(phrase, set()).add(row["key"])
    return ScanMatcher((phrase, frozenset(k)) for phrase, k in keys.items())


@cache
def pair_verb_matcher() -> ScanMatcher[frozenset[str]]:
    return _grouped("ar_verbs")


@cache
def pair_object_matcher() -> ScanMatcher[frozenset[str]]:
    return _grouped("ar_objects")
