"""Turn an assembled incident into one or more ACLED-style :class:`Event` records."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from rasd.document import Document, Event, Evidence, Mention, Victim
from rasd.events import actor_rules as R
from rasd.events import actors as A
from rasd.events import confidence as C
from rasd.events import types as T
from rasd.events.fatalities import Count, combine_tellings, is_incident_toll, point
from rasd.events.incident import Incident, tellings_of
from rasd.events.notes import build_notes
from rasd.events.view import Hit

CIVILIAN_GROUPS = frozenset({"civilians", "children", "women", "journalists", "medics", "students",
                             "worshippers", "passengers", "farmers", "shepherds", "fishermen", "family"})
CIVILIAN_TARGETING = "Civilian targeting"


def article_key(doc: Document) -> str:
    if doc.meta.id:
        return str(doc.meta.id)
    return hashlib.sha1(doc.text.encode("utf-8")).hexdigest()[:12]


def build_events(doc: Document, inc: Incident, sentence_of, first_index: int, focus: dict | None = None
                 ) -> list[Event]:
    base = _event(doc, inc, sentence_of, focus)
    if base is None:
        return []
    days = _days_told(inc)
    if len(days) > 1:
        return _per_day(doc, inc, base, days, first_index, sentence_of)
    copies = inc.occasions.payload if inc.occasions is not None else 1  # type: ignore[assignment]
    events = []
    for k in range(int(copies)):
        event = base if k == 0 else _copy(base)
        event.event_id = f"{article_key(doc)}-{first_index + k + 1}"
        if copies > 1:
            event.notes = build_notes(event, **_note_args(inc, event, sentence_of), occasion=(k + 1, copies))
            event.evidence.append(Evidence("occasions", inc.occasions.start, inc.occasions.end,
                                           doc.text[inc.occasions.start:inc.occasions.end]))
        events.append(event)
    return events


SPAN_KEYS = frozenset({"weekday_range", "absolute_range"})  # "من السبت الى الاثنين", "بين 3 و5 ابريل"
MAX_SPLIT_DAYS = 7


def _days_told(inc: Incident) -> list[str]:
    """The days of violence told as an explicit span ("fighting from Saturday to Monday"): ACLED
    codes one event per day (a week or "the past two days" stays one event at its midpoint)."""
    from datetime import date, timedelta

    d = inc.date
    if d is None or d.mention is None or not inc.date_own or not T.is_violent(inc.event_type):
        return []
    value = d.mention.value
    span = value.get("range")
    if value.get("key") not in SPAN_KEYS or not span or inc.occasions is not None:
        return []
    try:
        first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    except (TypeError, ValueError):
        return []
    n = (last - first).days + 1
    if not 1 < n <= MAX_SPLIT_DAYS:
        return []
    return [(first + timedelta(days=k)).isoformat() for k in range(n)]


def _shares(total: int | None, parts: int) -> list[int | None]:
    """A total split evenly over the days (the remainder goes to the first days)."""
    if total is None:
        return [None] * parts
    base, extra = divmod(total, parts)
    return [base + (1 if k < extra else 0) for k in range(parts)]


def _per_day(doc: Document, inc: Incident, base: Event, days: list[str], first_index: int, sentence_of
             ) -> list[Event]:
    """One event per day of the span; counts split evenly (ACLED)."""
    split = {f: _shares(getattr(base, f), len(days)) for f in (
        "fatalities", "fatalities_min", "fatalities_max", "injured", "injured_min", "injured_max")}
    template = _copy(base)
    events = []
    for k, day in enumerate(days):
        event = _copy(template)
        event.event_id = f"{article_key(doc)}-{first_index + k + 1}"
        event.event_date, event.time_precision = day, 1
        for f, values in split.items():
            setattr(event, f, values[k])
        event.notes = build_notes(event, **_note_args(inc, event, sentence_of)) + (
            f" Day {k + 1} of {len(days)} ({days[0]} to {days[-1]}): the counts told for the whole"
            " span are split evenly per day.")
        events.append(event)
    return events


def _copy(event: Event) -> Event:
    clone = Event(**{f: getattr(event, f) for f in event.__dataclass_fields__})
    clone.victims = list(event.victims)
    clone.evidence = list(event.evidence)
    clone.confidence = dict(event.confidence)
    return clone


RECAP_DAYS = 3  # an incident whose period ended this long before publication is retold, not news


# the incident's own words, or the passage it continues; never the publication day itself
RECAP_DATE_SOURCES = ("clause", "sentence", "own", "discourse")


def period_end(day: date, precision: int) -> date:
    """The last day an ACLED date can stand for: the day itself, the end of the week around a
    week's midpoint, the end of the month."""
    if precision <= 1:
        return day
    if precision == 2:
        return day + timedelta(days=3)
    next_month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return next_month - timedelta(days=1)


def is_recap(inc: Incident, published: str | None) -> bool:
    """Told with its own date (a day, a week, a month) that ended days before the article:
    a retelling of an earlier incident."""
    d = inc.date
    if d is None or d.how not in RECAP_DATE_SOURCES or not d.date or not published:
        return False
    try:
        end = period_end(date.fromisoformat(d.date[:10]), d.precision or 3)
        age = (date.fromisoformat(published[:10]) - end).days
    except ValueError:
        return False
    return age > RECAP_DAYS


def _event(doc: Document, inc: Incident, sentence_of, focus: dict | None) -> Event | None:
    if inc.event_type is None:
        return None
    ev = Event(event_type=inc.event_type, sub_event_type=inc.sub_event_type,
               disorder_type=T.disorder_type(inc.event_type))
    evidence: list[Evidence] = []
    conf: dict[str, float] = {}

    def cite(field: str, m: Mention | Hit | None) -> None:
        if m is not None:
            evidence.append(Evidence(field, m.start, m.end, doc.text[m.start:m.end]))

    for trig in inc.triggers or [inc.anchor]:
        cite("sub_event_type", trig)
    conf["event_type"] = conf["sub_event_type"] = C.type_confidence(inc)

    _place(ev, inc, cite, conf, focus)
    _date(ev, inc, cite, conf)
    includes = bool(inc.extra.get("includes_perpetrators"))
    killed = combine_tellings(tellings_of(inc), "killed", sentence_of, includes)
    injured = combine_tellings(tellings_of(inc), "injured", sentence_of, includes)
    if ev.event_type == T.STRATEGIC:
        killed = injured = None  # bodies found, arrests, seizures: no deaths in this event
    _counts(ev, killed, injured, cite, conf)
    ev.victims = _victims(inc)
    _actors(ev, inc, cite, conf)
    _targeting(ev, inc, cite, conf, focus)
    _sources(ev, inc, cite, conf, doc)
    conf["event"] = C.event_confidence(inc, killed)
    ev.confidence = conf
    ev.evidence = evidence
    ev.claimed_by = inc.extra.get("claimed_by") if ev.actor1 == inc.extra.get("claimed_by") else None
    ev.recap = is_recap(inc, doc.meta.published)
    ev.notes = build_notes(ev, **_note_args(inc, ev, sentence_of))
    return ev


NEAR_A_TOWN = 2  # ACLED geo-precision of a place near a town


def _place(ev: Event, inc: Incident, cite, conf, focus: dict | None) -> None:
    p = inc.place
    if p is None:
        if focus is not None:
            ev.country, ev.iso, ev.region = focus.get("country"), focus.get("iso"), focus.get("region")
        return
    v = p.value
    ev.location = v.get("name")
    ev.country, ev.iso, ev.region = v.get("country"), v.get("iso"), v.get("region")
    ev.admin1, ev.admin2, ev.admin3 = v.get("admin1"), v.get("admin2"), v.get("admin3")
    ev.latitude, ev.longitude = v.get("latitude"), v.get("longitude")
    ev.geo_precision = v.get("geo_precision")
    if v.get("is_reference") and ev.geo_precision is not None:
        ev.geo_precision = max(ev.geo_precision, NEAR_A_TOWN)  # an unknown place located by this town
    cite("location", p)
    conf["location"] = C.mention_confidence(p, inc.place_how)


def focus_country(doc: Document) -> dict | None:
    """Country of an event with no place: the article's focus country, when the places stage says."""
    try:
        from rasd.extractors.places import country_focus
        from rasd.extractors.places.gazetteer import countries
    except ImportError:
        return None
    try:
        iso2 = country_focus(doc)
        country = countries().get(iso2) if iso2 else None
    except Exception:  # a helper still being written must not break assembly
        return None
    if country is None:
        return None
    return {"country": country.name, "iso": country.isonum, "region": country.region, "iso2": iso2}


def _date(ev: Event, inc: Incident, cite, conf) -> None:
    d = inc.date
    if d is None or not d.date:
        return
    ev.event_date, ev.time_precision = d.date, d.precision
    cite("event_date", d.mention)
    factor = C.SCOPE_FACTOR.get(d.how, 0.9)
    conf["event_date"] = C.clamp((d.confidence or 0.5) * factor)


def _counts(ev: Event, killed: Count | None, injured: Count | None, cite, conf) -> None:
    if killed is not None:
        ev.fatalities, ev.fatalities_min, ev.fatalities_max = killed.value, killed.min, killed.max
        ev.fatalities_qualifier = killed.qualifier
        for m in killed.mentions:
            cite("fatalities", m)
        conf["fatalities"] = C.count_confidence(killed)
    if injured is not None:
        ev.injured, ev.injured_min, ev.injured_max = injured.value, injured.min, injured.max
        ev.injured_qualifier = injured.qualifier
        for m in injured.mentions:
            cite("injured", m)
        conf["injured"] = C.count_confidence(injured)


def _victims(inc: Incident) -> list[Victim]:
    out: list[Victim] = []
    seen: set[str] = set()
    for m in inc.casualties:
        v = m.value
        group = v.get("group")
        if v.get("type") != "killed" or not group or group in seen or v.get("aggregate") or v.get("negated"):
            continue
        seen.add(group)
        out.append(Victim(group, v.get("min"), v.get("max")))
    return out


def _actors(ev: Event, inc: Incident, cite, conf) -> None:
    for role, name_field, inter_field, assoc_field in (
        ("actor1", "actor1", "inter1", "assoc_actor_1"),
        ("actor2", "actor2", "inter2", "assoc_actor_2"),
    ):
        slots = A.side(inc, role)
        if ev.event_type == T.BATTLES:
            slots = [s for s in slots if s.inter != A.CIVILIAN_INTER]  # bystanders are no party
        if not slots:
            continue
        setattr(ev, name_field, slots[0].name)
        setattr(ev, inter_field, slots[0].inter)
        if len(slots) > 1:
            setattr(ev, assoc_field, "; ".join(s.name for s in slots[1:]))
        for s in slots:
            cite(name_field, s.mention)
        implied = slots[0].mention.kind != "actor"  # named by the event type, not by the text
        conf[name_field] = 0.5 if implied else C.clamp(slots[0].mention.confidence * 0.85)


# Weapons used by armed groups against whoever is there: victims named only as "people" are civilians.
INDISCRIMINATE = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
ANYONE = frozenset({None, "people", "persons"})


def _civilian_victims(inc: Incident) -> list[Mention]:
    hurt = [m for m in inc.casualties
            if m.value.get("type") in ("killed", "injured", "abducted") and not m.value.get("negated")]
    named = [m for m in hurt if m.value.get("group") in CIVILIAN_GROUPS]
    if named or inc.sub_event_type not in INDISCRIMINATE:
        return named
    if any(m.value.get("group") not in ANYONE for m in hurt):
        return []
    return hurt


def _targeting(ev: Event, inc: Incident, cite, conf, focus: dict | None) -> None:
    if ev.event_type == T.BATTLES or not T.is_violent(ev.event_type):
        return
    victims = _civilian_victims(inc)
    cues = [h for h in inc.context if h.payload.effect == "civilian_target"]  # type: ignore[attr-defined]
    if ev.event_type != T.VAC and not victims and not cues:
        return
    ev.civilian_targeting = CIVILIAN_TARGETING
    for m in victims:
        cite("civilian_targeting", m)
    for h in cues:
        cite("civilian_targeting", h)
    conf["civilian_targeting"] = 0.8 if victims or ev.event_type == T.VAC else 0.65
    if ev.actor2 is None:  # civilians were the target
        iso2 = inc.place.value.get("iso2") if inc.place is not None else (focus or {}).get("iso2")
        ev.actor2, ev.inter2 = R.generic_actor("civilians", iso2, ev.country, ev.event_date)
        conf["actor2"] = 0.6
        for m in victims[:1] or cues[:1]:
            cite("actor2", m)
    ev.interaction = A.interaction(ev.inter1, ev.inter2)


def _sources(ev: Event, inc: Incident, cite, conf, doc: Document) -> None:
    ev.source = doc.meta.source
    ev.source_scale = doc.meta.source_scale
    ev.interaction = A.interaction(ev.inter1, ev.inter2)
    if not inc.sources:
        return
    first = inc.sources[0]
    cite("reported_by", first)
    ev.reported_by = _source_name(first)
    # "the agency, citing military sources": a second attribution of another kind in the same sentence
    cited = next((s for s in inc.sources[1:] if s.sentence == first.sentence
                  and s.value.get("kind") != first.value.get("kind")), None)
    if cited is not None:
        cite("reported_by", cited)
        ev.reported_by += f" citing {_source_name(cited)}"
    conf["reported_by"] = C.clamp(min(s.confidence for s in inc.sources) * 0.9)


def _source_name(s: Mention) -> str:
    return s.value.get("canonical") or s.value.get("name") or s.text


def _note_args(inc: Incident, ev: Event, sentence_of) -> dict:
    district = inc.place.value.get("district") if inc.place is not None else None
    relation = inc.place.value.get("relation") if inc.place is not None else None
    killed = combine_tellings(tellings_of(inc), "killed", sentence_of, bool(inc.extra.get("includes_perpetrators")))
    target = next((h.payload.en for h in inc.context  # type: ignore[attr-defined]
                   if h.payload.effect == "civilian_target" and h.payload.en), None)  # type: ignore[attr-defined]
    return {"district": district, "disputed": bool(killed and killed.disputed), "target": target,
            "relation": relation}


def has_incident_count(inc: Incident) -> bool:
    return any(is_incident_toll(c) and (point(c) or 0) > 0 for c in inc.casualties)
