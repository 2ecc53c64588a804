"""One incident told several times in an article is one event.

Two incidents merge when nothing distinguishes them (same event family and sub-event type
or one without its own type; compatible place; compatible date) and something identifies
them (the same toll, the same sentence, or both the same precise place and day). Distinct
places or days are distinct events.
"""

from __future__ import annotations

from rasd.document import Document, Mention
from rasd.events import types as T
from rasd.events.fatalities import PERPETRATOR_GROUPS, TOTAL_GROUPS, Count, count_of, is_incident_toll
from rasd.events.incident import Incident, tellings_of


def merge_retellings(incidents: list[Incident], sentence_of) -> list[Incident]:
    out: list[Incident] = []
    for inc in incidents:
        host = next((o for o in out if _same_incident(o, inc, sentence_of)), None)
        if host is None:
            out.append(inc)
        else:
            _merge_into(host, inc)
    return out


def mark_new_topics(doc: Document, incidents: list[Incident]) -> None:
    """Note the incidents whose sentence opens on another incident ("وفي حادث منفصل")."""
    from rasd.extractors.dates.dating import opens_new_topic

    for inc in incidents:
        inc.extra["new_topic"] = opens_new_topic(doc, inc.sentence)


RETELLING_REACH = 2  # sentences
TOLL_REACH = 3  # sentences within which the same firm toll marks the same incident, whatever its words
DISTINCT_TOLL = 3  # tolls of 1 or 2 coincide too often to identify an incident by themselves


def absorb_details(incidents: list[Incident], details: list[Incident], sentence_of) -> None:
    """A sentence that only adds detail to an incident ("a woman blew herself up at the gate") is
    no event by itself, but it may name the weapon more precisely (remote violence: a bombing
    that was a suicide bombing, shelling that was an air raid): the incident takes its type and
    evidence, not its actors. A protest told, then "the police fired tear gas to disperse them":
    the protest is a Protest with intervention."""
    for detail in details:
        if detail.event_type not in DETAILED_TYPES:
            continue  # the weapon of remote violence, the force used on a protest
        if detail.event_type != T.REMOTE and (detail.sub_event_type not in FORCE_ON_CROWDS or any(
                detail.sentence in inc.sentences or detail.sentence == inc.sentence for inc in incidents)):
            continue  # only the force used on a crowd, told on its own, refines a protest
        host = next((inc for inc in reversed(incidents) if inc.anchor.start < detail.anchor.start
                     and _same_family(inc, detail) and _details(inc, detail)), None)
        if host is None:
            continue
        host.triggers.extend(t for t in detail.triggers if t not in host.triggers)
        host.sentences |= detail.sentences
        if not host.typed_by_victims and _outranks(detail, host):
            host.event_type, host.sub_event_type = detail.event_type, detail.sub_event_type


DETAILED_TYPES = frozenset({T.REMOTE, T.PROTESTS, T.RIOTS})
FORCE_ON_CROWDS = frozenset({"Protest with intervention", "Excessive force against protesters"})


def _same_family(host: Incident, detail: Incident) -> bool:
    """Remote violence refines remote violence; the force used on a crowd refines its protest."""
    if host.event_type == detail.event_type:
        return True
    return host.event_type in CROWD_TYPES and detail.event_type in CROWD_TYPES


def _details(host: Incident, detail: Incident) -> bool:
    near = min(abs(x - y) for x in host.sentences for y in detail.sentences) <= RETELLING_REACH
    return near and host.occasions is None and _places_compatible(host, detail) and _dates_compatible(host, detail)


def _same_incident(a: Incident, b: Incident, sentence_of) -> bool:
    """``b`` (told later) is ``a`` told again."""
    if a.occasions is not None or b.occasions is not None:
        return False
    if a.extra.get("split_group") is not None and a.extra.get("split_group") == b.extra.get("split_group"):
        return False  # "protests in Atbara and Kassala": one event per town
    if not _dates_compatible(a, b):
        return False
    pairs = list(zip(_tolls(a, sentence_of), _tolls(b, sentence_of), strict=True))
    firm = [(x, y) for x, y in pairs if x is not None and y is not None and not x.vague and not y.vague]
    same_toll = any(x.value == y.value and x.value for x, y in firm)
    telling_toll = any(x.value == y.value and (x.value or 0) >= DISTINCT_TOLL for x, y in firm) or bool(
        _group_tolls(a) & _group_tolls(b))
    near = min(abs(x - y) for x in a.sentences for y in b.sentences) <= TOLL_REACH
    headline = 0 in a.sentences or 0 in b.sentences  # a title or lead retold in the body
    if b.extra.get("new_topic") and not telling_toll and not (a.sentences & b.sentences):
        return False  # "in a separate incident ...": announced as another one
    if _distinct_towns(a, b):
        return False  # two named towns are two events, whatever their tolls (ACLED: one per location)
    if (telling_toll and T.is_violent(a.event_type) and T.is_violent(b.event_type)
            and (headline or (near and (_places_compatible(a, b) or _same_region(a.place, b.place))))):
        return True  # the same toll told again ("9 killed in shelling" / "the air raid killed 9")
    if not _places_compatible(a, b):
        return False
    if {a.sub_event_type, b.sub_event_type} == {T.ARRESTS, T.DISRUPTED} and near and not (
            _tolls(a, sentence_of)[0] or _tolls(b, sentence_of)[0]):
        return True  # weapons found on the people arrested are part of the arrest
    if not _types_compatible(a, b):
        return False
    if a.sentences & b.sentences:
        return True
    if same_toll:
        return True
    conflict = any(x.value != y.value and not _disjoint(x, y) for x, y in firm)
    if conflict:
        # differing reports: one event when they tell the same town (ACLED: one event per
        # location and day; the lowest figure is kept and the dispute noted)
        # a later telling with neither place nor day of its own ("the toll of the shelling rose
        # to 18", "among the dead four soldiers") gives another figure for the same incident
        return _same_precise_place_and_day(a, b) or (near and (_same_town(a, b) or _bare(b)))
    if _same_precise_place_and_day(a, b):
        return True
    near = min(abs(x - y) for x in a.sentences for y in b.sentences) <= RETELLING_REACH
    return near and not (a.date_own and b.date_own)  # a headline or a lead retold with its date


TOWN_KINDS = frozenset({"city", "district", "admin3"})


def _distinct_towns(a: Incident, b: Incident) -> bool:
    """Each telling names its own town, and they are different towns (not one spot)."""
    if not (a.place_own and b.place_own):
        return False
    pa, pb = a.place, b.place
    if pa.value.get("kind") not in TOWN_KINDS or pb.value.get("kind") not in TOWN_KINDS:  # type: ignore[union-attr]
        return False
    return place_key(pa)[0] != place_key(pb)[0] and not _same_spot(pa, pb)


def _group_tolls(inc: Incident) -> set[tuple[str, int]]:
    """The firm death tolls of one named victim group ("8 soldiers"), 3 or more: a battle told
    with "14 militants and 8 soldiers" and a bombing that "killed 8 soldiers" share one."""
    out = set()
    for m in inc.casualties:
        v = m.value
        group, low = v.get("group"), v.get("min")
        if (v.get("type") == "killed" and isinstance(low, int) and low >= DISTINCT_TOLL and group
                and group not in TOTAL_GROUPS and is_incident_toll(m) and (v.get("qualifier") or "exact") == "exact"):
            out.add((group, low))
    return out


def _disjoint(x: Count, y: Count) -> bool:
    gx = {m.value.get("group") for m in x.mentions}
    gy = {m.value.get("group") for m in y.mentions}
    return (gx <= PERPETRATOR_GROUPS or gy <= PERPETRATOR_GROUPS) and not gx & gy


def _types_compatible(a: Incident, b: Incident) -> bool:
    if (a.sub_event_type in T.TERRITORIAL) != (b.sub_event_type in T.TERRITORIAL):
        return False
    if a.typed_by_victims or b.typed_by_victims:
        # protesters hurt "by live fire" after the protesters killed: one excessive-force event
        return (T.is_violent(a.event_type) and T.is_violent(b.event_type)) or (
            a.event_type == b.event_type and a.sub_event_type == b.sub_event_type)
    if a.event_type == b.event_type and a.event_type in CROWD_TYPES:
        return True  # a protest told, then the force used on it: one protest (the higher sub-type names it)
    return a.event_type == b.event_type and a.sub_event_type == b.sub_event_type


CROWD_TYPES = frozenset({T.PROTESTS, T.RIOTS})


def place_key(place: Mention | None) -> tuple:
    if place is None:
        return ()
    v = place.value
    return (v.get("geonameid") or v.get("name") or place.text, v.get("district"))


def _places_compatible(a: Incident, b: Incident) -> bool:
    if not (a.place_own and b.place_own):
        return True
    ka, kb = place_key(a.place), place_key(b.place)
    if ka[0] != kb[0]:
        return _contains(a.place, b.place) or _contains(b.place, a.place) or _same_spot(a.place, b.place)
    return ka[1] is None or kb[1] is None or ka[1] == kb[1]


SAME_SPOT_KM = 3.0  # a camp or quarter named apart from its town ("مخيم جنين" / "جنين") is the same location


def _same_spot(a: Mention | None, b: Mention | None) -> bool:
    from math import cos, hypot, radians

    if a is None or b is None or (a.value.get("geonameid") and b.value.get("geonameid")):
        return False  # two GeoNames towns are two places; a camp or quarter has no GeoNames id of its own
    try:
        lat1, lon1 = float(a.value["latitude"]), float(a.value["longitude"])
        lat2, lon2 = float(b.value["latitude"]), float(b.value["longitude"])
    except (KeyError, TypeError, ValueError):
        return False
    km = 111.2 * hypot(lat1 - lat2, (lon1 - lon2) * cos(radians((lat1 + lat2) / 2)))
    return km <= SAME_SPOT_KM


def _same_region(a: Mention | None, b: Mention | None) -> bool:
    """Both places lie in one province (a governorate and a district of it, told with one toll)."""
    if a is None or b is None:
        return True
    va, vb = a.value, b.value
    return bool(va.get("admin1")) and va.get("admin1") == vb.get("admin1") and va.get("iso2") == vb.get("iso2")


def _contains(outer: Mention | None, inner: Mention | None) -> bool:
    """A region/country mention contains a town of the same country (vaguer telling)."""
    if outer is None or inner is None:
        return False
    ov, iv = outer.value, inner.value
    if ov.get("kind") == "country":
        return bool(ov.get("iso")) and ov.get("iso") == iv.get("iso")
    if ov.get("kind") in ("admin1", "region"):
        return bool(ov.get("name")) and ov.get("name") == iv.get("admin1")
    return False


def _dates_compatible(a: Incident, b: Incident) -> bool:
    if not (a.date_own and b.date_own):
        return True
    da, db = a.date, b.date
    if da.date == db.date:  # type: ignore[union-attr]
        return True
    # a vaguer date (week, month) may contain the precise one
    return max(da.precision or 1, db.precision or 1) > 1 and (da.date or "")[:7] == (db.date or "")[:7]  # type: ignore[union-attr]


def _bare(inc: Incident) -> bool:
    return not inc.place_own and not inc.date_own


def _same_town(a: Incident, b: Incident) -> bool:
    return (a.place_own and b.place_own and place_key(a.place) == place_key(b.place)
            and (a.place.value.get("geo_precision") or 3) <= 2)  # type: ignore[union-attr]


def _same_precise_place_and_day(a: Incident, b: Incident) -> bool:
    return (a.place_own and b.place_own and place_key(a.place)[0] == place_key(b.place)[0]
            and a.date_own and b.date_own and a.date.date == b.date.date  # type: ignore[union-attr]
            and (a.date.precision or 1) == 1)  # type: ignore[union-attr]


def _tolls(inc: Incident, sentence_of) -> tuple[Count | None, Count | None]:
    first = tellings_of(inc)[0][0]
    return count_of(first, "killed", sentence_of), count_of(first, "injured", sentence_of)


def _merge_into(host: Incident, other: Incident) -> None:
    host.tellings = tellings_of(host) + tellings_of(other)
    host.triggers.extend(t for t in other.triggers if t not in host.triggers)
    host.casualties.extend(c for c in other.casualties if c not in host.casualties)
    host.sources.extend(s for s in other.sources if s not in host.sources)
    host.context.extend(other.context)
    host.sentences |= other.sentences
    if host.typed_by_victims and not other.typed_by_victims:
        host.anchor_kind, host.typed_by_victims = other.anchor_kind, False
        host.event_type, host.sub_event_type = other.event_type, other.sub_event_type
    elif not other.typed_by_victims and _outranks(other, host):
        host.event_type, host.sub_event_type = other.event_type, other.sub_event_type
    if _better_place(other, host):
        host.place, host.place_how = other.place, other.place_how
    if _better_date(other, host):
        host.date = other.date
    names = {s.name for s in host.actors}
    host.actors.extend(s for s in other.actors if s.name not in names)


def _outranks(a: Incident, b: Incident) -> bool:
    """The telling that names the tactic more precisely wins: an air raid over "bombardment" (the
    default reading of "qasf"), else the higher type in ACLED's hierarchy."""
    if a.sub_event_type == b.sub_event_type:
        return False
    if b.sub_event_type == T.SHELLING and a.event_type == T.REMOTE:
        return True
    if a.sub_event_type == T.SHELLING and b.event_type == T.REMOTE:
        return False
    return T.rank(a.event_type, a.sub_event_type) < T.rank(b.event_type, b.sub_event_type)


def _better_place(a: Incident, b: Incident) -> bool:
    if a.place is None or not a.place_own:
        return False
    if b.place is None or not b.place_own:
        return True
    ka, kb = place_key(a.place), place_key(b.place)
    if ka[0] == kb[0]:
        return ka[1] is not None and kb[1] is None
    return (a.place.value.get("geo_precision") or 3) < (b.place.value.get("geo_precision") or 3)


def _better_date(a: Incident, b: Incident) -> bool:
    if a.date is None or not a.date_own:
        return False
    if b.date is None or not b.date_own:
        return True
    return (a.date.precision or 9) < (b.date.precision or 9)


SUPPORT_FIRE = frozenset({T.AIR_STRIKE, T.SHELLING})


def absorb_support_fire(incidents: list[Incident]) -> list[Incident]:
    """Air strikes or shelling told in the sentence of a ground battle, by one of its sides, at
    its place and day, with no toll of their own, support that battle: ACLED codes one Battles
    event ("clashes near Palmyra, while warplanes struck IS positions there")."""
    battles = [b for b in incidents if b.sub_event_type == T.ARMED_CLASH]
    out: list[Incident] = []
    for inc in incidents:
        host = None
        if inc.sub_event_type in SUPPORT_FIRE and not _own_toll(inc):
            host = next((b for b in battles if (inc.sentence in b.sentences or inc.sentence == b.sentence)
                         and _places_compatible(b, inc) and _dates_compatible(b, inc) and _sides_agree(b, inc)),
                        None)
        if host is None:
            out.append(inc)
            continue
        host.triggers.extend(t for t in inc.triggers if t not in host.triggers)
        host.sentences |= inc.sentences | {inc.sentence}
    return out


def _own_toll(inc: Incident) -> bool:
    return any(c.value.get("type") in ("killed", "injured", "killed_or_injured") and not c.value.get("zero")
               for c in inc.casualties)


def _sides_agree(battle: Incident, fire: Incident) -> bool:
    """The fire comes from a side of the battle (or from no one named)."""
    shooters = {s.name for s in fire.actors if s.role == "actor1"}
    return not shooters or bool(shooters & {s.name for s in battle.actors})
