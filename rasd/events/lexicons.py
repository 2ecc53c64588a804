"""Event-assembly lexicons (data in ``rasd/lang/ar/events/``), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.lang.ar import data_hash, read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.match.phrases import PhraseMatcher

CUES = "events/cues.tsv"
DISCOURSE = "events/discourse.tsv"
ROLES = "events/roles.tsv"
CONTEXT = "events/context.tsv"
OCCASIONS = "events/occasions.tsv"
DATA_FILES = (CUES, DISCOURSE, ROLES, CONTEXT, OCCASIONS)


@dataclass(slots=True, frozen=True)
class Cue:
    reason: str
    scope: str  # governs | near | clause | sentence | onward | pluperfect | particle | similar
    window: int
    hard: bool
    priority: int = 1
    informs: str = ""  # "actor1": a claim of responsibility names the perpetrator


@dataclass(slots=True, frozen=True)
class ContextCue:
    effect: str
    window: int
    en: str = ""


def _entries(relpath: str, payload_of) -> list[tuple[str, object]]:
    entries = []
    for row in read_tsv(relpath):
        payload = payload_of(row)
        entries.extend((variant, payload) for variant in split_variants(row["ar"]))
    return entries


def _matcher(relpath: str, payload_of) -> PhraseMatcher:
    return PhraseMatcher(_entries(relpath, payload_of), normalize=False)


def _cue(r: dict[str, str]) -> Cue:
    return Cue(r["reason"], r["scope"], int(r["window"] or 0), r["strength"] == "hard", int(r.get("priority") or 1),
               r.get("informs") or "")


def _context(r: dict[str, str]) -> ContextCue:
    return ContextCue(r["effect"], int(r["window"] or 0), r.get("en") or "")


@cache
def cue_matcher() -> PhraseMatcher[Cue]:
    return _matcher(CUES, _cue)


@cache
def discourse_matcher() -> PhraseMatcher[str]:
    return _matcher(DISCOURSE, lambda r: r["role"])


@cache
def role_matcher() -> PhraseMatcher[str]:
    return _matcher(ROLES, lambda r: r["role"])


@cache
def context_matcher() -> PhraseMatcher[ContextCue]:
    return _matcher(CONTEXT, _context)


@cache
def occasions_matcher() -> PhraseMatcher[int]:
    return _matcher(OCCASIONS, lambda r: int(r["count"]))


@cache
def air_force_rows() -> tuple[dict[str, str], ...]:
    return read_tsv("actors/air_forces.tsv")


@cache
def data_hashes() -> dict[str, str]:
    return {path: data_hash(path) for path in DATA_FILES}


@cache
def assembly_matcher() -> PhraseMatcher[tuple[str, object]]:
    """All event-assembly lexicons in one matcher, so the text is scanned once;
    payload: (lexicon name, entry payload)."""
    combined: PhraseMatcher[tuple[str, object]] = PhraseMatcher()
    for name, relpath, payload_of in (
        ("cues", CUES, _cue),
        ("context", CONTEXT, _context),
        ("roles", ROLES, lambda r: r["role"]),
        ("occasions", OCCASIONS, lambda r: int(r["count"])),
        ("discourse", DISCOURSE, lambda r: r["role"]),
    ):
        for phrase, payload in _entries(relpath, payload_of):
            combined.add(phrase, (name, payload), normalize=False)
    return combined
