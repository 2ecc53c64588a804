"""One incident, one event: events of one article that tell the same incident are merged.

After assembly an article can still yield two events for one raid — an air strike and a
"shelling" in the same town on the same day, or a clash and an "attack" on the people it killed.
ACLED codes concurrent tactics of one incident as one event of the higher type (a battle outranks
the remote violence inside it, which outranks violence against civilians). Two events are the
same incident when they share the day, the event family and the place (the same
location, or a region and a town within :data:`REGION_KM` of it, or no place on one side but
told in the same passage), and no side of one contradicts the other's actors. Two tactics (a
blast, then "the attack") are one incident when told side by side or when at most one of them
carries a toll of its own; each with its own dead, they are two. Strategic
developments are never merged (an arrest after an attack is its own event), nor territorial
changes (coded beside the clash that brought them), nor the copies of an event told "on N
occasions".
"""

from __future__ import annotations

import math
from datetime import date

from rasd.document import Event
from rasd.events import types as T

REGION_KM = 150.0  # how far a town may lie from the point of a region (geo precision 3) it is in
NEAR_CHARS = 400  # evidence this close is one passage of the article
CROSS_TYPE_NEAR_CHARS = 200  # two tactics are one incident only when told side by side
FAMILY = {T.BATTLES: "violence", T.REMOTE: "violence", T.VAC: "violence", T.PROTESTS: "crowd", T.RIOTS: "crowd"}
KEPT_APART = T.TERRITORIAL | {T.ABDUCTION, "Sexual violence"}
RANK = {T.BATTLES: 0, T.REMOTE: 1, T.VAC: 2, T.RIOTS: 0, T.PROTESTS: 1}
COUNT_FIELDS = ("fatalities", "fatalities_min", "fatalities_max", "fatalities_qualifier")
INJURED_FIELDS = ("injured", "injured_min", "injured_max", "injured_qualifier")


def _km(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _repeated(event: Event) -> bool:
    return any(e.field == "occasions" for e in event.evidence)


def _named(event: Event, civilians: bool = True) -> set[str]:
    return {a for a in (event.actor1, event.actor2) if a and (civilians or not a.startswith("Civilians"))}


def _same_sides(a: Event, b: Event) -> bool:
    """No side contradicts: the actors one names are all among the other's (or one names none).
    Civilians are the victims of one telling and unnamed in another ("a blast killed 26" / "an
    attack on civilians"): they contradict only a battle, fought between armed sides."""
    civilians = T.BATTLES in (a.event_type, b.event_type)
    x, y = _named(a, civilians), _named(b, civilians)
    return not x or not y or x <= y or y <= x


def _near_in_text(a: Event, b: Event, reach: int = 0, field: str | None = None) -> bool:
    starts_a = [e.start for e in a.evidence if field is None or e.field == field]
    starts_b = [e.start for e in b.evidence if field is None or e.field == field]
    return bool(starts_a and starts_b) and min(abs(x - y) for x in starts_a for y in starts_b) <= (reach or NEAR_CHARS)


def _same_place(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        # a place told once covers the same sentence's retelling, not the next sentence's incident;
        # with no place on either side, a telling with no casualties of its own right after a
        # counted one is the same incident told again
        if a.location is None and b.location is None and (_tollless(a) or _tollless(b)) and _near_in_text(a, b):
            return True
        return _same_sentence(a, b)
    if a.location == b.location:
        # a place carried over from an earlier sentence is no sign that a later incident is the same,
        # unless they follow closely and the one that carries it over counts no casualties, or both
        # are of one event type and one counts none (the lead names the blast and its place, the
        # next sentence its toll); "in a separate attack" stops the carrying over
        heirs = [e for e in (a, b) if e.signals.get("_place_inherited")]
        quiet = all(_tollless(e) for e in heirs) or (a.event_type == b.event_type and (_tollless(a) or _tollless(b)))
        return not heirs or _same_sentence(a, b) or (quiet and _near_in_text(a, b))
    if _country_only(a, b) or _country_only(b, a):
        # "a mosque in northern Nigeria" and the town the next sentence names: one place told twice
        return _tollless(a) or _tollless(b) or _near_in_text(a, b, CROSS_TYPE_NEAR_CHARS) or _one_toll(a, b)
    km = _km(a, b)
    # two named towns are two places; a region and a town inside it may be one place told twice
    return km is not None and km <= REGION_KM and max(a.geo_precision or 1, b.geo_precision or 1) == 3


def _same_sentence(a: Event, b: Event) -> bool:
    return a.signals.get("_sentence") is not None and a.signals.get("_sentence") == b.signals.get("_sentence")


def _country_only(a: Event, b: Event) -> bool:
    """``a`` is placed at nothing finer than the country ``b`` lies in."""
    return a.location is not None and a.location == a.country and a.country == b.country and a.admin1 is None


def _tollless(event: Event) -> bool:
    """No casualties of its own: no count, or only "no casualties" (a zero)."""
    return not any((event.fatalities, event.injured))


def _one_toll(a: Event, b: Event) -> bool:
    """At most one toll (dead or injured) between them, or the same one: a blast and "the attack"
    it was, twin blasts with one overall toll — not two attacks each with its own casualties."""
    x, y = _casualties(a), _casualties(b)
    return _tollless(a) or _tollless(b) or x == y


def _casualties(event: Event) -> tuple[int | None, int | None] | None:
    counts = (event.fatalities, event.injured)
    return None if counts == (None, None) else counts


def same_incident(a: Event, b: Event) -> bool:
    family = FAMILY.get(a.event_type or "")
    if family is None or family != FAMILY.get(b.event_type or "") or _repeated(a) or _repeated(b):
        return False
    if a.sub_event_type != b.sub_event_type and {a.sub_event_type, b.sub_event_type} & KEPT_APART:
        return False  # a change of territory, an abduction, a rape: coded beside the fighting
    if a.country and b.country and a.country != b.country:
        return False
    if a.event_date != b.event_date and not (
            _a_day_apart(a, b) and a.event_type == b.event_type and _one_toll(a, b) and not _same_sentence(a, b)
            and not (a.signals.get("_place_inherited") or b.signals.get("_place_inherited"))):
        # a night told as "Wednesday night" in one sentence and "Thursday" in another, each naming
        # the place, is one incident of one type when one toll is told; days split from one span
        # ("from Saturday to Monday") stay apart
        return False
    if a.signals.get("_topic") != b.signals.get("_topic"):
        return False  # "in a separate attack", "on another front" lies between them
    if a.sub_event_type != b.sub_event_type and not (
        _near_in_text(a, b, CROSS_TYPE_NEAR_CHARS, "sub_event_type") or _one_toll(a, b)
    ):
        return False  # different tactics told apart with their own tolls are two incidents
    return _same_sides(a, b) and _same_place(a, b)



def _a_day_apart(a: Event, b: Event) -> bool:
    try:
        x, y = date.fromisoformat((a.event_date or "")[:10]), date.fromisoformat((b.event_date or "")[:10])
    except ValueError:
        return False
    return abs((x - y).days) == 1 and a.time_precision == b.time_precision == 1


def _absorb(main: Event, other: Event) -> None:
    # a positive count beats a missing one and a zero ("no casualties" said of one side of it)
    if not main.fatalities and (other.fatalities or (main.fatalities is None and other.fatalities is not None)):
        for key in COUNT_FIELDS:
            setattr(main, key, getattr(other, key))
    if not main.injured and (other.injured or (main.injured is None and other.injured is not None)):
        for key in INJURED_FIELDS:
            setattr(main, key, getattr(other, key))
    finer = (other.geo_precision or 9) < (main.geo_precision or 9)
    if other.location is not None and (main.location is None or finer):
        for key in ("location", "latitude", "longitude", "geo_precision", "admin1", "admin2", "admin3",
                    "country", "iso", "region"):
            setattr(main, key, getattr(other, key))
    for side in ("actor1", "actor2"):
        if getattr(main, side) is None and getattr(other, side) not in (None, main.actor1, main.actor2):
            setattr(main, side, getattr(other, side))
            setattr(main, side.replace("actor", "inter"), getattr(other, side.replace("actor", "inter")))
    main.reported_by = main.reported_by or other.reported_by
    if main.event_type != T.BATTLES:
        main.civilian_targeting = main.civilian_targeting or other.civilian_targeting
    main.victims = main.victims or other.victims
    main.evidence.extend(e for e in other.evidence if e not in main.evidence)
    for key, value in other.confidence.items():
        main.confidence.setdefault(key, value)
    main.confidence["event"] = max(main.confidence.get("event", 0.0), other.confidence.get("event", 0.0))
    main.signals = {**main.signals, "told_twice": 1.0, "merged_in_article": 1.0}


def merge_same_incident(events: list[Event]) -> list[Event]:
    """Events of one article, with those that tell one incident merged into the highest-ranked one."""
    kept: list[Event] = []
    for event in events:
        match = next((k for k in kept if same_incident(k, event)), None)
        if match is None:
            kept.append(event)
            continue
        main, other = (match, event) if RANK[match.event_type] <= RANK[event.event_type] else (event, match)
        if main is event:
            # the newcomer outranks the kept event: it takes the kept event's place and history
            event.event_id = match.event_id
            kept[kept.index(match)] = event
        _absorb(main, other)
    return kept
