"""A short English summary of an event, built only from its coded fields.

"On 28 June 2015, shelling hit a residential area in Beirut Street, central Benghazi, killing 5
and injuring 17 (reported by al-Jalaa hospital)."
"""

from __future__ import annotations

from datetime import date as Date

from rasd.document import Event

# sub-event type -> (subject, verb); "{actor}" marks where "by X" goes.
PHRASE: dict[str, tuple[str, str]] = {
    "Air/drone strike": ("an air/drone strike", "hit"),
    "Shelling/artillery/missile attack": ("shelling", "hit"),
    "Remote explosive/landmine/IED": ("an explosive device", "went off"),
    "Suicide bomb": ("a suicide bombing", "hit"),
    "Grenade": ("a grenade attack", "hit"),
    "Chemical weapon": ("a chemical weapon attack", "hit"),
    "Attack": ("an attack", "hit"),
    "Abduction/forced disappearance": ("an abduction", "took place"),
    "Sexual violence": ("sexual violence", "was reported"),
    "Arrests": ("arrests", "were made"),
    "Disrupted weapons use": ("weapons were seized or intercepted", ""),
    "Peaceful protest": ("a peaceful protest", "took place"),
    "Protest with intervention": ("a protest was dispersed", ""),
    "Excessive force against protesters": ("force was used against protesters", ""),
    "Violent demonstration": ("a violent demonstration", "took place"),
    "Mob violence": ("mob violence", "broke out"),
}
RELATION = {"near": "near {}", "outskirts": "on the outskirts of {}", "centre": "central {}",
            "countryside": "the countryside of {}"}
QUALIFIER_WORDS = {"at_least": "at least", "more_than": "more than", "about": "about", "up_to": "up to",
                   "less_than": "fewer than"}
VAGUE_WORDS = {"dozens", "tens", "hundreds", "thousands", "several", "many", "some"}


def date_phrase(iso: str | None, precision: int | None) -> str | None:
    if not iso:
        return None
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return None
    if precision == 3:
        return f"In {day:%B %Y}"
    if precision == 2:
        return f"Around {day.day} {day:%B %Y}"
    return f"On {day.day} {day:%B %Y}"


def build_notes(event: Event, *, district: str | None = None, relation: str | None = None,
                target: str | None = None, occasion: tuple[int, int] | None = None,
                disputed: bool = False) -> str:
    where = _where(event, district, relation)
    clause = _what(event, target, where)
    when = date_phrase(event.event_date, event.time_precision)
    text = f"{when}, {clause}" if when else clause[0].upper() + clause[1:]
    tolls = _tolls(event)
    if tolls:
        text += f", {tolls}"
    if occasion:
        text += f" (occasion {occasion[0]} of {occasion[1]})"
    if disputed:
        text += " (reports differ; lowest figure kept)"
    if event.reported_by:
        text += f" (reported by {event.reported_by})"
    return text + "."


def _what(event: Event, target: str | None, where: str | None) -> str:
    a1, a2 = event.actor1, event.actor2
    at = f" in {where}" if where and not where.startswith(("near ", "on the ", "the ")) else (
        f" {where}" if where else "")
    sub = event.sub_event_type or ""
    if sub == "Armed clash":
        between = f" between {a1} and {a2}" if a1 and a2 else (f" involving {a1 or a2}" if a1 or a2 else "")
        return f"armed clashes{between} took place{at}"
    if sub in ("Non-state actor overtakes territory", "Government regains territory"):
        verb = "regained" if sub.startswith("Government") else "took over"
        who = a1 or ("government forces" if verb == "regained" else "a non-state actor")
        frm = f" from {a2}" if a2 else ""
        return f"{who} {verb} territory{frm}{at}"
    subject, verb = PHRASE.get(sub, ((sub or "an event").lower(), "took place"))
    by = f" by {a1}" if a1 else ""
    obj = f" {target}" if target and verb == "hit" else ""
    against = f" against {a2}" if a2 and not a2.startswith("Civilians") and sub != "Attack" else ""
    if verb == "hit" and not target:
        verb = "struck"
    verb_part = f" {verb}" if verb else ""
    return f"{subject}{by}{verb_part}{obj}{at}{against}"


def _where(event: Event, district: str | None, relation: str | None) -> str | None:
    if not event.location:
        return event.country
    place = RELATION.get(relation or "", "{}").format(event.location)
    if district and district != event.location:
        place = f"{district}, {place}"
    return place


def _tolls(event: Event) -> str:
    out = []
    if event.fatalities:
        out.append(f"killing {_qualified(event.fatalities, event.fatalities_qualifier)}")
    if event.injured:
        out.append(f"injuring {_qualified(event.injured, event.injured_qualifier)}")
    return " and ".join(out)


def _qualified(n: int, qualifier: str | None) -> str:
    if qualifier in VAGUE_WORDS:
        return f"{qualifier} (coded {n})"
    if qualifier in QUALIFIER_WORDS:
        return f"{QUALIFIER_WORDS[qualifier]} {n}"
    return str(n)
