"""ACLED event types, sub-event types, disorder types and the tactic hierarchy."""

from __future__ import annotations

BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"

ARMED_CLASH = "Armed clash"
AIR_STRIKE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
DISRUPTED = "Disrupted weapons use"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"
LOOTING = "Looting/property destruction"
VIOLENT_DEMONSTRATION = "Violent demonstration"
# Strategic developments that are never a side detail of a violent incident told with them
# (a ceasefire "after days of clashes", a group joining the fighting, a base set up after a take-over)
STANDALONE_STRATEGIC = frozenset({"Agreement", "Change to group/activity", "Headquarters or base established"})

# Hierarchy order: the earlier one wins for concurrent tactics in one incident.
HIERARCHY: tuple[tuple[str, str], ...] = (
    (BATTLES, "Government regains territory"),
    (BATTLES, "Non-state actor overtakes territory"),
    (BATTLES, ARMED_CLASH),
    (PROTESTS, "Excessive force against protesters"),
    (PROTESTS, "Protest with intervention"),
    (PROTESTS, "Peaceful protest"),
    (RIOTS, "Violent demonstration"),
    (RIOTS, "Mob violence"),
    (REMOTE, "Chemical weapon"),
    (REMOTE, AIR_STRIKE),
    (REMOTE, "Suicide bomb"),
    (REMOTE, SHELLING),
    (REMOTE, "Remote explosive/landmine/IED"),
    (REMOTE, "Grenade"),
    (VAC, "Sexual violence"),
    (VAC, ATTACK),
    (VAC, ABDUCTION),
    (STRATEGIC, "Agreement"),
    (STRATEGIC, ARRESTS),
    (STRATEGIC, "Change to group/activity"),
    (STRATEGIC, DISRUPTED),
    (STRATEGIC, "Headquarters or base established"),
    (STRATEGIC, "Looting/property destruction"),
    (STRATEGIC, "Non-violent transfer of territory"),
    (STRATEGIC, "Other"),
)
EVENT_TYPE_OF = {sub: event for event, sub in HIERARCHY}
_RANK = {sub: i for i, (_, sub) in enumerate(HIERARCHY)}
_EVENT_RANK = {event: i for i, event in enumerate((BATTLES, PROTESTS, RIOTS, REMOTE, VAC, STRATEGIC))}

DISORDER = {
    BATTLES: "Political violence",
    REMOTE: "Political violence",
    VAC: "Political violence",
    RIOTS: "Political violence",
    PROTESTS: "Demonstrations",
    STRATEGIC: "Strategic developments",
}

# Territorial changes are separate events from the fighting that led to them.
TERRITORIAL = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                         "Non-violent transfer of territory"})


def rank(event_type: str | None, sub_event_type: str | None) -> int:
    """Lower is higher in the ACLED hierarchy; unknown sub-types rank after their event type."""
    if sub_event_type in _RANK:
        return _RANK[sub_event_type]
    if event_type in _EVENT_RANK:
        first = next(i for i, (e, _) in enumerate(HIERARCHY) if e == event_type)
        return first + 50
    return 1000


def disorder_type(event_type: str | None) -> str | None:
    return DISORDER.get(event_type or "")


def event_type_of(sub_event_type: str | None, fallback: str | None = None) -> str | None:
    return EVENT_TYPE_OF.get(sub_event_type or "", fallback)


def is_violent(event_type: str | None) -> bool:
    return event_type in (BATTLES, REMOTE, VAC, RIOTS)

REMOTE_SUBS = frozenset(sub for event, sub in HIERARCHY if event == REMOTE)
VAC_SUBS = frozenset(sub for event, sub in HIERARCHY if event == VAC)
