"""Actor roles (actor1 / actor2 / associated actors) and the ACLED interaction code.

Markers right before an actor (``rasd/lang/ar/events/roles.tsv``) decide its role:
agent -> actor1, target -> actor2, "between X and Y" -> X actor1, Y actor2, "with X" ->
X actor2. Unmarked actors fill actor1 then actor2 in text order (Arabic verb-subject-object
order puts the perpetrator first). Civilians are always actor2 (Violence against civilians).
"""

from __future__ import annotations

from rasd.document import Mention
from rasd.events import types as T
from rasd.events.incident import ActorSlot, Incident
from rasd.events.view import ArticleView

MARKER_REACH = 3  # tokens between a role marker and the actor it marks
CIVILIAN_INTER = 7


def assign_actors(view: ArticleView, inc: Incident, country_iso2: str | None) -> None:
    mentions = _actor_mentions(view, inc)
    mentions = mentions + _crowd_control(view, inc, mentions)
    speaker = _speaking_agent(view, inc, mentions)
    if speaker is not None:
        mentions = [speaker, *mentions]
    place = inc.place.value if inc.place is not None else {}
    context = {"date": inc.date.date if inc.date is not None else view.doc.meta.published,
               "area": place.get("admin1") if place.get("iso2") == country_iso2 else None}
    slots: list[ActorSlot] = []
    between_seen = 0
    for m in mentions:
        role = "agent" if m is speaker else _marker(view, m)
        name, inter = _resolved(m, country_iso2, context)
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
        elif inc.event_type == "Explosions/Remote violence" and _among_victims(inc, m):
            slot_role, role = "actor2", "victims"  # "four IS members were killed in an air strike"
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
    _fallen_on_one_side(inc, slots)
    inc.actors = slots
    if names_both_sides(view, inc):
        inc.extra["both_sides"] = True


def _fallen_on_one_side(inc: Incident, slots: list[ActorSlot]) -> None:
    """In a battle, the groups named in one count of the dead ("35 soldiers and volunteers were
    killed") fought on one side, the attacked one (actor2); the other armed actor named is the
    attacker (actor1) - unless a marker ("clashes with X") settled the sides."""
    if inc.event_type != "Battles":
        return
    fallen = [s for s in slots if not s.marked and _among_victims(inc, s.mention)]
    others = [s for s in slots if s not in fallen and s.inter != CIVILIAN_INTER]
    if not fallen or not others:
        return
    if len(fallen) == 1 and any(s.marked for s in others):
        return  # "20 militants killed in clashes with the army": the markers settled the sides
    # "قتل 4 جنود في هجوم لحركة الشباب": the side counted dead was attacked by the other
    for s in others:
        s.role = "actor1"
    for s in fallen:
        s.role = "actor2"


def _among_victims(inc: Incident, m: Mention) -> bool:
    """The actor is named inside a count of the dead or hurt ("مقتل أربعة من عناصر داعش"), not
    as the weapon that killed them ("جراء غارات جوية روسية": the strike word itself, or an air
    force named by it)."""
    if m.value.get("key") in WEAPON_ACTOR_KEYS or any(t.start < m.end and m.start < t.end for t in inc.triggers):
        return False
    return any(c.start <= m.start < c.end + VICTIM_REACH and c.value.get("type") in ("killed", "injured")
               for c in inc.casualties)


WEAPON_ACTOR_KEYS = frozenset({"strike", "aircraft", "air_force"})


VICTIM_REACH = 12  # characters after a count where its group is still named ("... من عناصر X")
NAMED_REACH = 10  # tokens: "gunmen belonging to the X council" names the gunmen


SUBJECT_GAP = 1  # "shelled [verb] the X forces": the actor right after a verb is its subject


def _after_trigger(view: ArticleView, inc: Incident, m: Mention) -> bool:
    """Named after the trigger but not as the subject right behind it."""
    end = view.tok_range(inc.anchor)[1]
    return view.tok_range(m)[0] - end > SUBJECT_GAP


def _actor_mentions(view: ArticleView, inc: Incident) -> list[Mention]:
    in_clause = view.in_clause("actor", inc.clause)
    found = sorted(in_clause or view.in_sentence("actor", inc.sentence), key=lambda m: m.start)
    found = _own(view, inc, _reporters(view, inc, found))
    return [m for i, m in enumerate(found) if not _named_later(view, m, found[i + 1 :])]


CROWD_TYPES = frozenset({"Protests", "Riots"})
STATE_INTER = 1


def _crowd_control(view: ArticleView, inc: Incident, mentions: list[Mention]) -> list[Mention]:
    """"اقتحم محتجون مبنى المحافظة ...، قبل أن تتدخل قوات مكافحة الشغب": the state force told in
    another clause of a protest's or riot's sentence is the side that faced the crowd."""
    if inc.event_type not in CROWD_TYPES or any(m.value.get("inter") == STATE_INTER for m in mentions):
        return []
    return [m for m in view.in_sentence("actor", inc.sentence)
            if m.value.get("inter") == STATE_INTER and m.start > inc.anchor.start and m not in mentions][:1]


OWN_ACTION_REACH = 10  # tokens from "أنها" to the trigger ("أنها نفذت، بالتنسيق مع الحكومة، غارة")
SPEAKER_REACH = 6  # tokens from the speaker's name to "أنها" ("أعلنت القيادة الأمريكية (أفريكوم) أنها")


def _speaking_agent(view: ArticleView, inc: Incident, mentions: list[Mention]) -> Mention | None:
    """"أعلنت القيادة الأمريكية أنها نفذت غارة": the speaker of a statement of its own action is
    its agent, even when a comma puts it in another clause than the trigger."""
    for hit in view.hits_in_sentence(view.context, inc.sentence):
        if hit.payload.effect != "own_action" or not 0 <= inc.tok - hit.tok_end <= OWN_ACTION_REACH:  # type: ignore[attr-defined]
            continue
        before = [m for m in view.in_sentence("actor", inc.sentence)
                  if 0 <= hit.tok_start - view.tok_range(m)[1] <= SPEAKER_REACH
                  and m.value.get("kind") != "civilians" and m.value.get("inter") != CIVILIAN_INTER]
        if before:
            speaker = min(before, key=lambda m: m.start)
            name = speaker.value.get("name") or speaker.text
            return None if any((m.value.get("name") or m.text) == name for m in mentions) else speaker
    return None


def _reporters(view: ArticleView, inc: Incident, actors: list[Mention]) -> list[Mention]:
    """Actors named, after the incident, as who reported it ("قتل رجل ... بحسب الشرطة", "... كما
    قالت الشرطة"): a source mention on the same words is the teller, not a party. A speaker named
    before the incident ("أعلن الجيش استعادة ...") often tells its own action and stays."""
    told = view.in_sentence("source", inc.sentence)
    after = [s for s in told if s.start > inc.anchor.start]
    kept = [m for m in actors if not any(s.start < m.end and m.start < s.end for s in after)]
    before = [s for s in told if s.start <= inc.anchor.start and _tells_that(view, s, inc)]
    parties = [m for m in kept if not any(s.start < m.end and m.start < s.end for s in before)]
    if parties:
        return parties
    # a teller with no other party named may be the actor, unless a state force tells of what it does not do
    return [] if _state_tells_of_others(inc, kept) else kept


# What a state force telling "that ..." does not do itself: it tells of an attack on civilians, a
# bombing, an abduction, an arson or a crowd ("ذكرت الشرطة أن مسجدا تعرض للحرق"), and stays the teller.
NOT_DONE_BY_STATE_TELLER = T.VAC_SUBS | {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                                         T.LOOTING} | {sub for event, sub in T.HIERARCHY
                                                       if event in (T.PROTESTS, T.RIOTS)}


def _state_tells_of_others(inc: Incident, tellers: list[Mention]) -> bool:
    return bool(tellers) and inc.sub_event_type in NOT_DONE_BY_STATE_TELLER and all(
        m.value.get("inter") == STATE_INTER for m in tellers)


def _tells_that(view: ArticleView, source: Mention, inc: Incident) -> bool:
    """"قالت الشرطة إن مسلحا احتجز رهائن": a teller before "that" and the incident, which names its
    own subject, is the teller; "قال الجيش إنه شن غارات" (that *it*: an own-action cue) stays the
    agent (``_speaking_agent``)."""
    _, end = view.tok_range(source)
    hits = view.hits_in_sentence(view.context, inc.sentence)
    effects = {h.payload.effect for h in hits if end <= h.tok_start < inc.tok}  # type: ignore[attr-defined]
    told = any(h.payload.effect == "that" and end <= h.tok_start < end + SPEAKER_REACH  # type: ignore[attr-defined]
               for h in hits)
    return told and "own_action" not in effects


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
        if hit.tok_end <= a and a - hit.tok_end < MARKER_REACH and hit.payload != BOTH_SIDES:
            best = hit.payload  # type: ignore[assignment]
    return best


BOTH_SIDES = "both_sides"


def names_both_sides(view: ArticleView, inc: Incident) -> bool:
    """"دارت معارك عنيفة بين الطرفين": the battle's sides are named by reference only."""
    return any(h.payload == BOTH_SIDES and view.clause_of_tok(h.tok_start) == inc.clause
               for h in view.hits_in_sentence(view.roles, inc.sentence))


def _resolved(m: Mention, country_iso2: str | None, context: dict | None = None) -> tuple[str, int | None]:
    """Name and inter code. A generic actor the actors stage placed by the document's country is
    re-resolved for the incident's country; actors of a country with competing state forces are
    re-resolved for the incident's area (admin1) and day (``context``: ``date``, ``area``)."""
    v = m.value
    name, inter = v.get("name") or m.text, v.get("inter")
    context = context or {}
    key = v.get("key")
    if not key:
        return name, inter
    # placed by the document's country (a generic name, or a group with country branches: "Islamic
    # State (United States)" in a US strike on Syria): re-resolved for the incident's country
    regenerate = bool(country_iso2) and v.get("country") != country_iso2 and (
        (bool(v.get("generic")) and v.get("country_from") in (None, "document"))
        or v.get("country_from") == "document")
    area = context.get("area")
    moved = bool(v.get("area")) and bool(area) and area != v.get("area") and v.get("country") == country_iso2
    if not (regenerate or moved):
        return name, inter
    try:
        from rasd.extractors.actors import resolve_actor
    except ImportError:
        return name, inter
    country = country_iso2 if regenerate else v.get("country")
    try:
        resolved = resolve_actor(key, country, date=context.get("date"), focus=country_iso2, area=area)
    except TypeError:  # an older signature without the context keywords
        try:
            resolved = resolve_actor(key, country)
        except Exception:
            return name, inter
    except Exception:
        return name, inter
    if isinstance(resolved, dict):
        return resolved.get("name") or name, resolved.get("inter", inter)
    return name, inter


PROTESTER_INTER, RIOTER_INTER, STATE_INTER = 6, 5, 1
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
