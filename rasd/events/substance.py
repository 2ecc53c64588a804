"""Does an incident carry enough of its own to be an event? (specifics, conflict in view, place)"""

from __future__ import annotations

from rasd.events import types as T
from rasd.events.candidates import ARMED_GROUPS
from rasd.events.fatalities import is_incident_toll, point
from rasd.events.incident import Incident

CONFLICT_GROUPS = ARMED_GROUPS | {"civilians", "protesters", "journalists", "medics", "prisoners", "detainees"}
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
# strong strategic anchors whose specifics may come from the sentences before them; not
# agreements, which later sentences mostly retell ("ستلتزم الحركة بالتهدئة" after the truce)
FOLLOW_ON_STRATEGIC = (T.STANDALONE_STRATEGIC - {"Agreement"}) | {T.DISRUPTED, T.ARRESTS}


def _conflict_deaths(inc: Incident) -> bool:
    """Counts with no trigger word are an incident only when conflict is in view: victims named as
    soldiers, fighters, civilians ... or an armed actor in the sentence (floods and heat waves
    also kill "people")."""
    tolls = [c for c in inc.casualties if is_incident_toll(c) and point(c) is not None]
    if not tolls:
        return False
    if any(c.value.get("group") in CONFLICT_GROUPS for c in tolls):
        return True
    return any(s.inter in ARMED_INTERS for s in inc.actors)


# "مواجهات" are as often stone-throwing youths facing troops as a fight between armed sides
AMBIGUOUS_FIGHTING = frozenset({"confrontations"})


def _battle_without_sides(inc: Incident) -> bool:
    """"قتل العشرات بينهم أطفال في عمليات عسكرية بالغوطة": a weak fighting word ("military
    operations", "the confrontation") or "confrontations" with no side named and no armed victim
    is no battle - who fought whom, or whether anyone did, is unknown (ACLED codes no clash
    without its sides)."""
    if inc.event_type != T.BATTLES or inc.actors:
        return False
    if inc.anchor_kind != "weak" and any(t.value.get("key") not in AMBIGUOUS_FIGHTING for t in inc.triggers):
        return False
    return not any(c.value.get("group") in ARMED_GROUPS for c in inc.casualties)


def is_located(inc: Incident) -> bool:
    """Checked once retellings are merged: an incident with no toll needs a place finer than a
    country - otherwise it is a statement about the conflict, not a report of an incident."""
    if any(point(c) is not None for c in inc.casualties
           if is_incident_toll(c) and c.value.get("type") in ("killed", "injured", "killed_or_injured")):
        return True
    if inc.place is None:
        return False
    # an agreement, a group's change or a new base is often told only with its country and who
    # made it (geo precision 3); a statement about the conflict is not one of these
    if inc.place.value.get("kind") != "country":
        return True
    return inc.sub_event_type in T.STANDALONE_STRATEGIC and bool(inc.actors)


def is_substantive(inc: Incident) -> bool:
    """A weak trigger alone needs a count or a town-level place of its own to be an incident."""
    if inc.event_type is None:
        return False
    if inc.anchor_kind == "casualty":
        return _conflict_deaths(inc)
    if _battle_without_sides(inc):
        return False
    if inc.sub_event_type == T.AGREEMENT and inc.anchor_kind == "weak" and not any(
            s.inter in ARMED_INTERS for s in inc.actors):
        return False  # "a deal" with no armed party named (talks in Vienna, a nuclear deal) is diplomacy
    if any(point(c) is not None for c in inc.casualties if is_incident_toll(c)):
        return True
    town = inc.place_own and inc.place is not None and inc.place.value.get("kind") in ("city", "district")
    if inc.anchor_kind == "weak":
        if inc.sub_event_type in T.TERRITORIAL or not inc.date_own:
            return False
        # "انفجار خلال لقاء بين مقاتلين من طالبان ... في إقليم ننكرهار السبت": a province will do when
        # a named armed group is told with it
        return town or (_province_told(inc) and _named_armed_group(inc))
    if inc.sub_event_type in T.TERRITORIAL and not inc.actors:
        return False  # a change of territory is told with who took it
    if inc.sub_event_type in FOLLOW_ON_STRATEGIC:
        # "وأعلنت الجماعة حل نفسها", "وعثرت قوة على مخبأ": told in a follow-on sentence, the
        # development takes its day or place from earlier in the article
        return inc.date_own or inc.place_own or bool(inc.actors)
    # A strong trigger with no place or date of its own is a generic mention ("the areas of
    # confrontation", "the right to protest"), not an incident report.
    return inc.date_own or (inc.place_own and bool(inc.actors))


PROVINCE_KINDS = frozenset({"admin1", "admin2", "admin3", "region"})


def _province_told(inc: Incident) -> bool:
    return inc.place_own and inc.place is not None and inc.place.value.get("kind") in PROVINCE_KINDS


def _named_armed_group(inc: Incident) -> bool:
    return any(s.inter in ARMED_INTERS and not s.name.startswith(("Unidentified", "Military Forces", "Police Forces"))
               for s in inc.actors)
