"""Actor roles (actor1 / actor2 / associated actors) and the ACLED interaction code.

Markers right before an actor (``rasd/lang/ar/events/roles.tsv``) decide its role:
agent -> actor1, target -> actor2, "between X and Y" -> X actor1, Y actor2, "with X" ->
X actor2. Unmarked actors fill actor1 then actor2 in text order (Arabic verb-subject-object
order puts the perpetrator first). Civilians are always actor2 (Violence against civilians).
"""

from __future__ import annotations

from itertools import pairwise

from rasd.document import Mention
from rasd.events.incident import ActorSlot, Incident
from rasd.events.view import ArticleView

MARKER_REACH = 3  # tokens between a role marker and the actor it marks
CIVILIAN_INTER = 7


def assign_actors(view: ArticleView, inc: Incident, country_iso2: str | None) -> None:
    mentions = _actor_mentions(view, inc)
    slots: list[ActorSlot] = []
    between_seen = 0
    for m in mentions:
        role = _marker(view, m)
        name, inter = _resolved(m, country_iso2)
        if m.value.get("kind") == "civilians" or inter == CIVILIAN_INTER:
            slot_role = "actor2"
        elif role == "between":
            slot_role = "actor1" if between_seen == 0 else "actor2"
            between_seen += 1
            inc.extra["between"] = True
        elif role == "agent":
            slot_role = "actor1"
        elif role in ("target", "with"):
            slot_role = "actor2"
        elif between_seen == 1:
            slot_role = "actor2"  # the Y of "between X and Y" carries no marker of its own
            between_seen += 1
        else:
            slot_role = ""
        if any(s.name == name for s in slots):
            continue
        slots.append(ActorSlot(m, slot_role, name, inter, marked=role is not None,
                               after=_after_trigger(view, inc, m)))
    for slot in slots:
        if not slot.role:
            slot.role = "actor1" if not any(s.role == "actor1" for s in slots) else "actor2"
    inc.actors = slots


NAMED_REACH = 10  # tokens: "gunmen belonging to the X council" names the gunmen


SUBJECT_GAP = 1  # "قصفت قوات X": the actor right after a verb is its subject


def _after_trigger(view: ArticleView, inc: Incident, m: Mention) -> bool:
    """Named after the trigger but not as the subject right behind it."""
    end = view.tok_range(inc.anchor)[1]
    return view.tok_range(m)[0] - end > SUBJECT_GAP


def _actor_mentions(view: ArticleView, inc: Incident) -> list[Mention]:
    in_clause = view.in_clause("actor", inc.clause)
    found = sorted(in_clause or view.in_sentence("actor", inc.sentence), key=lambda m: m.start)
    found = _own(view, inc, found)
    return [m for i, m in enumerate(found) if not _named_later(view, m, found[i + 1 :])]


def _own(view: ArticleView, inc: Incident, actors: list[Mention]) -> list[Mention]:
    """Actors nearer to another trigger of their clause (a background "battles between X and Y")
    are that trigger's, not this incident's."""
    mine = [view.tok_range(t)[0] for t in inc.triggers] or [inc.tok]
    others = [view.tok_range(t)[0] for t in view.in_sentence("trigger", inc.sentence) if t not in inc.triggers]
    kept = []
    for m in actors:
        a = view.tok_range(m)[0]
        rivals = [t for t in others if view.clause_of_tok(t) == view.clause_of_tok(a)]
        if not rivals or min(abs(a - t) for t in mine) <= min(abs(a - t) for t in rivals):
            kept.append(m)
    return kept


def _named_later(view: ArticleView, m: Mention, after: list[Mention]) -> bool:
    """A generic armed group ("gunmen") that the next actor mention names."""
    if not (m.value.get("generic") and m.value.get("kind") == "militia"):
        return False
    _, end = view.tok_range(m)
    nxt = next(iter(after), None)
    if nxt is None or nxt.value.get("generic"):
        return False
    return view.tok_range(nxt)[0] - end <= NAMED_REACH


def _marker(view: ArticleView, actor: Mention) -> str | None:
    a, _ = view.tok_range(actor)
    best: str | None = None
    for hit in view.hits_in_sentence(view.roles, view.sentence_of_tok(a)):
        if hit.tok_end <= a and a - hit.tok_end < MARKER_REACH:
            best = hit.payload  # type: ignore[assignment]
    return best


def _resolved(m: Mention, country_iso2: str | None) -> tuple[str, int | None]:
    """Name and inter code; generic actors are re-resolved for the incident's country."""
    v = m.value
    name, inter = v.get("name") or m.text, v.get("inter")
    if v.get("generic") and country_iso2 and v.get("country") != country_iso2 and v.get("key"):
        try:
            from rasd.extractors.actors import resolve_actor
        except ImportError:
            return name, inter
        try:
            resolved = resolve_actor(v["key"], country_iso2)
        except Exception:
            return name, inter
        if isinstance(resolved, dict):
            return resolved.get("name") or name, resolved.get("inter", inter)
        if isinstance(resolved, tuple) and resolved:
            return resolved[0] or name, (resolved[1] if len(resolved) > 1 else inter)
        if isinstance(resolved, str):
            return resolved, inter
        if resolved is not None:
            return getattr(resolved, "name", name) or name, getattr(resolved, "inter", inter)
    return name, inter


PROTESTER_INTER, RIOTER_INTER, STATE_INTER = 6, 5, 1
ARMED_INTERS = frozenset({2, 3, 4, 8})


STATE_OR_EXTERNAL = frozenset({1, 8})


def role_conventions(inc: Incident) -> None:
    """ACLED's reading of who did what, where word order does not say it:
    - remote violence: a non-state actor named after the weapon without a marker is its target
      ("غارات على مواقع لداعش");
    - arrests: the arresting side is the state; others are the arrested;
    - bombs, IEDs and grenades are not planted by state forces: state forces named there are the
      target, unless marked as the agent;
    - excessive force: the state is actor1, the protesters actor2."""
    sub = inc.sub_event_type
    for s in inc.actors:
        if s.marked:
            continue
        if inc.event_type == "Explosions/Remote violence" and s.after and s.inter not in STATE_OR_EXTERNAL:
            s.role = "actor2"
        elif sub == "Arrests":
            s.role = "actor1" if s.inter in STATE_OR_EXTERNAL else "actor2"
        elif sub in ARMED_BY_DEFINITION and s.inter == STATE_INTER:
            s.role = "actor2"
    if sub == "Excessive force against protesters":
        for s in inc.actors:
            s.role = "actor2" if s.inter in (PROTESTER_INTER, RIOTER_INTER) else "actor1"


def type_by_actors(inc: Incident) -> None:
    """An attack word that settles no type ("هجوم", "استهدف") with no victims counted: an attack
    on an armed side is fighting, otherwise an attack (on civilians)."""
    if inc.event_type is not None:
        return
    if not inc.actors or not inc.triggers:
        return
    armed_target = any(s.role == "actor2" and s.inter in ARMED_INTERS | {STATE_INTER} for s in inc.actors)
    armed_agent = any(s.role == "actor1" and s.inter in ARMED_INTERS | {STATE_INTER} for s in inc.actors)
    if armed_target and armed_agent:
        inc.event_type, inc.sub_event_type = "Battles", "Armed clash"
    elif armed_agent:
        inc.event_type, inc.sub_event_type = "Violence against civilians", "Attack"
    else:
        return
    inc.typed_by_victims = True


def refine_by_actors(inc: Incident) -> None:
    """Fighting between crowds is rioting (ACLED Riots), not a battle between armed groups."""
    if inc.sub_event_type != "Armed clash" or not inc.actors:
        return
    inters = {s.inter for s in inc.actors}
    if not inters & {PROTESTER_INTER, RIOTER_INTER} or inters & ARMED_INTERS:
        return
    inc.event_type = "Riots"
    inc.sub_event_type = "Violent demonstration" if STATE_INTER in inters else "Mob violence"
    for s in inc.actors:
        if s.inter == PROTESTER_INTER:
            s.name, s.inter = s.name.replace("Protesters", "Rioters"), RIOTER_INTER
    if inc.sub_event_type == "Mob violence" and len(side(inc, "actor2")) == 0 and len(inc.actors) == 1:
        only = inc.actors[0]
        inc.actors.append(ActorSlot(only.mention, "actor2", only.name, only.inter))


def fill_from_discourse(incidents: list[Incident]) -> None:
    """A battle told with only its losing side ("they drove IS out"), or with no side at all, takes
    its sides from the battle told just before in the same or previous sentence ("clashes
    between X and IS")."""
    for prev, inc in pairwise(incidents):
        if inc.event_type != "Battles" or side(inc, "actor1") or inc.sentence - prev.sentence > 1:
            continue
        if not inc.actors:
            # "the council's fighters then drove the group out": the same two sides
            if prev.event_type == "Battles":
                inc.actors = [ActorSlot(s.mention, s.role, s.name, s.inter) for s in prev.actors]
            continue
        taken = {s.name for s in inc.actors}
        donor = next((s for s in prev.actors if s.name not in taken), None)
        if donor is not None:
            inc.actors.insert(0, ActorSlot(donor.mention, "actor1", donor.name, donor.inter))


# Sub-event types whose perpetrator is an armed group by definition (a bomb is planted by someone):
# with no actor named, ACLED codes "Unidentified Armed Group (country)".
ARMED_BY_DEFINITION = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
GENERIC_FALLBACK = {"protesters": ("Protesters", 6), "rioters": ("Rioters", 5), "civilians": ("Civilians", 7),
                    "police": ("Police Forces", 1),
                    "unidentified_armed_group": ("Unidentified Armed Group", 3)}


def generic_actor(key: str, iso2: str | None, country: str | None, date: str | None) -> tuple[str, int]:
    """Name and inter code of a generic actor for a country (via the actors stage when present)."""
    try:
        from rasd.extractors.actors import resolve_actor

        value = resolve_actor(key, iso2, date=date)
        return value["name"], value["inter"]
    except Exception:  # the actors stage is optional here
        label, inter = GENERIC_FALLBACK[key]
        return (f"{label} ({country})" if country else label), inter


def implied_actors(inc: Incident, iso2: str | None, country: str | None, date: str | None) -> None:
    """Actors the event type itself names: protesters at a protest, rioters at a riot, an armed
    group behind a bomb; bystanders are no party to a battle."""
    sub = inc.sub_event_type
    if inc.event_type == "Battles":
        inc.actors = [s for s in inc.actors if s.inter != CIVILIAN_INTER]
        if len(inc.actors) == 1 and inc.actors[0].mention.value.get("generic") and _between(inc):
            only = inc.actors[0]  # "clashes between two armed groups"
            inc.actors.append(ActorSlot(only.mention, "actor2", only.name, only.inter))
        return
    if sub == "Excessive force against protesters":
        # the state used the force; protesters are its target; bystanders are neither
        inc.actors = [s for s in inc.actors if s.inter != CIVILIAN_INTER]
        if not any(s.inter == PROTESTER_INTER for s in inc.actors):
            name, inter = generic_actor("protesters", iso2, country, date)
            inc.actors.append(ActorSlot(inc.anchor, "actor2", name, inter))
        if not any(s.role == "actor1" for s in inc.actors):
            name, inter = generic_actor("police", iso2, country, date)
            inc.actors.insert(0, ActorSlot(inc.anchor, "actor1", name, inter))
        return
    if inc.event_type == "Violence against civilians":
        _civilians_as_target(inc, iso2, country, date)
        return
    if inc.event_type in ("Protests", "Riots"):
        crowd_key = "protesters" if inc.event_type == "Protests" else "rioters"
        crowd = [s for s in inc.actors if s.inter in (PROTESTER_INTER, RIOTER_INTER)]
        others = [s for s in inc.actors if s not in crowd and s.inter != CIVILIAN_INTER]
        if not crowd:
            name, inter = generic_actor(crowd_key, iso2, country, date)
            crowd = [ActorSlot(inc.anchor, "actor1", name, inter)]
        for s in crowd[:1]:
            s.role = "actor1"
        for s in crowd[1:]:
            s.role = "actor2" if sub == "Mob violence" else "actor1"
        for s in others:
            s.role = "actor2"
        if sub == "Peaceful protest":
            others = []  # no one intervened in a peaceful protest
        elif sub == "Protest with intervention" and not others:
            name, inter = generic_actor("police", iso2, country, date)
            others = [ActorSlot(inc.anchor, "actor2", name, inter)]
        inc.actors = crowd + others
        return
    if sub in ARMED_BY_DEFINITION and not side(inc, "actor1"):
        name, inter = generic_actor("unidentified_armed_group", iso2, country, date)
        inc.actors.insert(0, ActorSlot(inc.anchor, "actor1", name, inter))


def _civilians_as_target(inc: Incident, iso2: str | None, country: str | None, date: str | None) -> None:
    """Violence against civilians: civilians are actor2; every armed actor is on the perpetrator
    side, a non-state group (or a marked agent) first."""
    civilians = [s for s in inc.actors if s.inter == CIVILIAN_INTER]
    armed = [s for s in inc.actors if s.inter != CIVILIAN_INTER]
    armed.sort(key=lambda s: (not (s.marked and s.role == "actor1"), s.inter in STATE_OR_EXTERNAL))
    for s in armed:
        s.role = "actor1"
    for s in civilians:
        s.role = "actor2"
    if not civilians:
        name, inter = generic_actor("civilians", iso2, country, date)
        civilians = [ActorSlot(inc.anchor, "actor2", name, inter)]
    inc.actors = armed + civilians


def _between(inc: Incident) -> bool:
    return inc.extra.get("between", False)


def side(inc: Incident, role: str) -> list[ActorSlot]:
    return [s for s in inc.actors if s.role == role]


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two inter codes, smaller first; one-sided -> X0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]
