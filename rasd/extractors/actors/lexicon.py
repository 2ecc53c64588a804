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
REQUIRE_COUNT = "count"
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
    needs_count: bool = False  # only an actor right after a number (35 عسكريا; عسكريا alone is an adverb)
    until: str = ""  # ISO day after which the row names another actor (AMISOM -> ATMIS)
    then: str = ""  # the key of that actor
    refines: str = ""  # key of a broader actor this row narrows when named right after it (a faction)
    by_area: bool = False  # state forces named by the area of the place (competing governments)


@dataclass(frozen=True, slots=True)
class StateForces:
    first: str  # ISO date or ""
    last: str
    military: str
    police: str
    area: frozenset[str] = frozenset()  # admin1 names where competing forces hold sway (empty: anywhere)
    actor: str = ""  # key of the actor that holds the area, when it is no state's forces (Houthis)
    forces: str = ""  # "military" or "police" when the area row names only one of them


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
        needs_count=row.get("require") == REQUIRE_COUNT,
        until=row.get("until") or "",
        then=row.get("then") or "",
        refines=row.get("refines") or "",
        by_area=bool(row.get("by_area")),
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
    """ISO2 -> ACLED country name: the actors' own table, else the gazetteer's countries (every
    country an event can be placed in, so that "Rioters" in Kandy are "Rioters (Sri Lanka)")."""
    from rasd.extractors.places.gazetteer import countries

    names = {iso2: country.name for iso2, country in countries().items()}
    names.update({row["iso2"]: row["name"] for row in read_tsv(f"{FOLDER}/countries.tsv")})
    return names


@cache
def nationality_adjectives() -> dict[str, str]:
    """Normalized adjective form -> ISO2."""
    return {
        form: row["iso2"]
        for row in read_tsv(f"{FOLDER}/countries.tsv")
        if row["form"] == "adj"
        for form in split_variants(row["ar"])
    }


@cache
def context_words() -> dict[str, frozenset[str]]:
    """``context.tsv``: kind -> words (partitive links, source heads, spokesman, attribution)."""
    out: dict[str, set[str]] = {}
    for row in read_tsv(f"{FOLDER}/context.tsv"):
        out.setdefault(row["kind"], set()).update(split_variants(row["ar"]))
    return {kind: frozenset(words) for kind, words in out.items()}


@cache
def adjective_stops() -> frozenset[str]:
    """Words after a nationality adjective that make it a make, not an actor (روسية الصنع)."""
    return frozenset(form for row in read_tsv(f"{FOLDER}/adjective_stops.tsv") for form in split_variants(row["ar"]))


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
            StateForces(row["from"], row["to"], row["military"], row["police"],
                        frozenset(split_variants(row.get("area") or "")), row.get("actor") or "",
                        row.get("forces") or "")
        )
    return {iso: tuple(rows) for iso, rows in out.items()}


def _holds(row: StateForces, date: str) -> bool:
    return (not row.first or row.first <= date) and (not row.last or date <= row.last)


def state_forces_at(
    iso2: str, date: str | None, area: str | None = None, forces: str = ""
) -> StateForces | None:
    """The state forces row of ``iso2`` for an ISO ``date`` (the open-ended row when no date).

    ``area`` (an admin1 name) picks competing forces where the country has them: eastern Libya
    is held by the House of Representatives' forces whatever the recognised government is.
    """
    rows = state_forces().get(iso2, ())
    if area:
        local = [r for r in rows if area in r.area and (not date or _holds(r, date))
                 and (not r.forces or r.forces == forces)]
        if local:
            return local[0]
    rows = tuple(r for r in rows if not r.area)
    if not rows:
        return None
    if date:
        # A date outside every known period names no period: nothing is invented.
        return next((r for r in rows if _holds(r, date)), None)
    open_ended = [r for r in rows if not r.last]
    return open_ended[0] if open_ended else rows[-1]


def has_areas(iso2: str | None) -> bool:
    """The country has competing state forces named by area (state_forces.tsv ``area``)."""
    return any(r.area for r in state_forces().get(iso2 or "", ()))
