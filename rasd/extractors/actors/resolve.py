"""Turn a dictionary entry into an ACLED-style actor for a country and date."""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from typing import Any

from rasd.extractors.actors.lexicon import (
    EXTERNAL_INTER,
    KINDS,
    STATE_INTER,
    ActorEntry,
    actor_entries,
    country_names,
    state_forces_at,
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MILITARY = "{military}"
_POLICE = "{police}"
_COUNTRY = "{country}"
UNKNOWN_STATE = {_MILITARY: "Military Forces", _POLICE: "Police Forces"}
FORCES = {_MILITARY: "military", _POLICE: "police"}


def iso_date(published: str | None) -> str | None:
    """ISO day of a publication stamp (ISO 8601 or RFC 2822), or None."""
    if not published:
        return None
    found = _ISO_DATE.match(published.strip())
    if found:
        return found.group()
    try:
        return parsedate_to_datetime(published).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def actor_country(entry: ActorEntry, country_iso2: str | None) -> str | None:
    """The country an actor belongs to: its state, else the given one for templates, else its own."""
    if entry.state:
        return entry.state
    if entry.generic or _COUNTRY in entry.name:
        return country_iso2 or entry.country
    return entry.country


def _state_name(template: str, iso2: str | None, date: str | None, area: str | None = None) -> str:
    forces = state_forces_at(iso2, date, area, FORCES[template]) if iso2 else None
    if forces is not None:
        return forces.military if template == _MILITARY else forces.police
    if iso2 and iso2 in country_names():
        return f"{UNKNOWN_STATE[template]} of {country_names()[iso2]}"
    return UNKNOWN_STATE[template]


def actor_name(entry: ActorEntry, iso2: str | None, date: str | None, area: str | None = None) -> str:
    template = entry.name or (_MILITARY if entry.state else "")
    if template in UNKNOWN_STATE:
        return _state_name(template, iso2, date, area)
    if _COUNTRY in template:
        country = country_names().get(iso2 or "")
        return template.replace(_COUNTRY, country) if country else template.replace(f" ({_COUNTRY})", "")
    return template


MAX_SUCCESSIONS = 4  # AMISOM -> ATMIS -> AUSSOM: a bound against a cycle in the data


def _successor(entry: ActorEntry, day: str | None) -> ActorEntry:
    """The actor a row names at ``day``: AMISOM became ATMIS in 2022, the Taliban the state in 2021."""
    for _ in range(MAX_SUCCESSIONS):
        if not (day and entry.until and entry.then and day > entry.until):
            break
        entry = actor_entries()[entry.then]
    return entry


def _area_holder(entry: ActorEntry, iso2: str | None, day: str | None, area: str | None) -> ActorEntry:
    """State forces in an area held by a non-state authority are that authority's (Houthi Sanaa)."""
    template = entry.name or (_MILITARY if entry.state else "")
    if not area or not iso2 or template not in UNKNOWN_STATE:
        return entry
    forces = state_forces_at(iso2, day, area, FORCES[template])
    if forces is not None and forces.actor:
        return actor_entries()[forces.actor]
    return entry


def resolve_actor(
    key: str,
    country_iso2: str | None = None,
    *,
    date: str | None = None,
    focus: str | None = None,
    area: str | None = None,
) -> dict[str, Any]:
    """The actor ``value`` dict (docs/mentions.md) for dictionary entry ``key``.

    ``country_iso2`` settles generic actors ("Civilians ({country})"); ``date`` (ISO day or
    publication stamp) picks the period of state forces; ``focus`` is the country where the
    event happens: state forces of another country act there as external forces (inter 8).
    A role word may name a known actor in one country (``by_country``: Yemen's "rebels" are the
    Houthis); the value then carries that actor's key. ``area`` (the admin1 name of the
    event's place) settles competing state forces: the army in Benghazi after 2014 is the House
    of Representatives' whatever the recognised government in Tripoli. A row with ``until`` /
    ``then`` names its successor after that day (AMISOM -> ATMIS).
    """
    entry = actor_entries()[key]
    named = dict(entry.by_country).get(country_iso2 or "")
    if named:
        entry = actor_entries()[named]
    day = iso_date(date)
    entry = _successor(entry, day)
    iso2 = actor_country(entry, country_iso2)
    held = _area_holder(entry, iso2, day, area)
    if held is not entry:
        entry = _successor(held, day)
        iso2 = actor_country(entry, country_iso2)
    inter = entry.inter
    if inter == STATE_INTER and focus and iso2 and iso2 != focus:
        inter = EXTERNAL_INTER
    return {
        "name": actor_name(entry, iso2, day, area),
        "key": entry.key,
        "inter": inter,
        "country": iso2,
        "generic": entry.generic,
        "kind": KINDS[inter],
    }
