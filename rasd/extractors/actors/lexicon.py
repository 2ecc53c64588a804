"""Actor dictionary (``rasd/lang/ar/actors/``) loaded once per process.

``actors.tsv`` holds named groups, ``generic.tsv`` role words whose ACLED name depends on the
country ("Civilians (Libya)"), ``state_forces.tsv`` the per-country, per-period names of state
forces, ``countries.tsv`` country names and nationality adjectives, and ``blockers.tsv``
phrases that contain an actor word but name no actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.extractors.triggers.scan import ScanMatcher
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants

FOLDER = "actors"
KINDS = {
    1: "state",
    2: "rebel",
    3: "militia",
    4: "identity_militia",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external",
}
REQUIRE_ADJECTIVE = "adjective"
EXTERNAL_INTER = 8
STATE_INTER = 1


@dataclass(frozen=True, slots=True)
class ActorEntry:
    key: str
    name: str  # ACLED-style name or template ({country}, {military}, {police})
    inter: int
    kind: str
    country: str | None  # ISO2 the actor belongs to
    state: str | None  # ISO2 whose state forces the row names
    generic: bool
    confidence: float
    blocker: bool = False
    by_country: tuple[tuple[str, str], ...] = ()  # (ISO2, actor key): who the role word names there
    needs_adjective: bool = False  # only an actor when a nationality adjective follows


@dataclass(frozen=True, slots=True)
class StateForces:
    first: str  # ISO date or ""
    last: str
    military: str
    police: str


def _pairs(cell: str) -> tuple[tuple[str, str], ...]:
    """"YE:houthis|SO:al_shabaab" -> (("YE", "houthis"), ("SO", "al_shabaab"))."""
    return tuple((iso2, key) for iso2, _, key in (pair.partition(":") for pair in split_variants(cell)))


def _entry(row: dict[str, str], generic: bool) -> ActorEntry:
    return ActorEntry(
        key=row["key"],
        name=row["name"],
        inter=int(row["inter"]),
        kind=row["kind"],
        country=row.get("country") or None,
        state=row.get("state") or None,
        generic=generic,
        confidence=float(row.get("confidence") or 0.8),
        by_country=_pairs(row.get("by_country") or ""),
        needs_adjective=row.get("require") == REQUIRE_ADJECTIVE,
    )


@cache
def actor_entries() -> dict[str, ActorEntry]:
    entries = {row["key"]: _entry(row, False) for row in read_tsv(f"{FOLDER}/actors.tsv")}
    entries.update({row["key"]: _entry(row, True) for row in read_tsv(f"{FOLDER}/generic.tsv")})
    return entries


@cache
def actor_matcher() -> ScanMatcher[ActorEntry]:
    pairs: list[tuple[str, ActorEntry]] = []
    for file, generic in (("actors.tsv", False), ("generic.tsv", True)):
        for row in read_tsv(f"{FOLDER}/{file}"):
            entry = actor_entries()[row["key"]]
            assert entry.generic == generic
            pairs.extend((phrase, entry) for phrase in split_variants(row["ar"]))
    for row in read_tsv(f"{FOLDER}/blockers.tsv"):
        blocker = ActorEntry(row["key"], "", 0, "", None, None, False, 0.0, blocker=True)
        pairs.extend((phrase, blocker) for phrase in split_variants(row["ar"]))
    return ScanMatcher(pairs)


@cache
def country_names() -> dict[str, str]:
    """ISO2 -> ACLED country name."""
    return {row["iso2"]: row["name"] for row in read_tsv(f"{FOLDER}/countries.tsv")}


@cache
def nationality_adjectives() -> dict[str, str]:
    """Normalized adjective form -> ISO2."""
    return {
        form: row["iso2"]
        for row in read_tsv(f"{FOLDER}/countries.tsv")
        if row["form"] == "adj"
        for form in split_variants(row["ar"])
    }


ADJECTIVE_WEIGHT = 1  # an adjective often names an actor's nationality, not the event's country
PLACE_WEIGHT = 2


@cache
def country_matcher() -> ScanMatcher[tuple[str, int]]:
    """Country names, well-known places and adjectives -> (ISO2, vote weight)."""
    pairs = [
        (phrase, (row["iso2"], ADJECTIVE_WEIGHT if row["form"] == "adj" else PLACE_WEIGHT))
        for row in read_tsv(f"{FOLDER}/countries.tsv")
        if row["vote"] == "1"
        for phrase in split_variants(row["ar"])
    ]
    return ScanMatcher(pairs)


@cache
def state_forces() -> dict[str, tuple[StateForces, ...]]:
    out: dict[str, list[StateForces]] = {}
    for row in read_tsv(f"{FOLDER}/state_forces.tsv"):
        out.setdefault(row["iso2"], []).append(
            StateForces(row["from"], row["to"], row["military"], row["police"])
        )
    return {iso: tuple(rows) for iso, rows in out.items()}


def state_forces_at(iso2: str, date: str | None) -> StateForces | None:
    """The state forces row of ``iso2`` for an ISO ``date`` (the open-ended row when no date)."""
    rows = state_forces().get(iso2, ())
    if not rows:
        return None
    if date:
        # A date outside every known period names no period: nothing is invented.
        return next((r for r in rows if (not r.first or r.first <= date) and (not r.last or date <= r.last)),
                    None)
    open_ended = [r for r in rows if not r.last]
    return open_ended[0] if open_ended else rows[-1]
