"""ACLED conventions for actors that word order does not settle, actors the event type implies,
sides carried over from the discourse, and claims of responsibility (see docs/events.md)."""

from __future__ import annotations

from itertools import pairwise

from rasd.events.actors import CIVILIAN_INTER, PROTESTER_INTER, RIOTER_INTER, STATE_INTER, side
from rasd.events.incident import ActorSlot, Incident
from rasd.events.view import ArticleView

ARMED_INTERS = frozenset({2, 3, 4, 8})


STATE_OR_EXTERNAL = frozenset({1, 8})


def role_conventions(inc: Incident) -> None:
    """ACLED's reading of who did what, where word order does not say it:
    - remote violence: a non-state actor named after the weapon without a marker is its target
      ("air raids on IS positions");
    - arrests: the arresting side is the state; others are the arrested;
    - bombs, IEDs and grenades are not planted by state forces: state forces named there are the
      target, unless marked as the agent;
    - excessive force (a protest event): the protesters are actor1, the state actor2."""
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
        for s in inc.actors:  # a protest event: the protesters are actor1, the force used on them actor2
            s.role = "actor1" if s.inter in (PROTESTER_INTER, RIOTER_INTER) else "actor2"


TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")


def territorial_by_actor(inc: Incident, view: ArticleView | None = None) -> None:
    """Who took the territory decides its type: state forces (and foreign forces fighting with
    them) regain it, any other actor overtakes it. The side named right after "من" ("liberated
    from the Houthis") lost it: it is actor2, and when no taker is named, a non-state loser means
    the government's side took it."""
    if inc.sub_event_type not in TERRITORY_TYPES:
        return
    if view is not None:
        for s in inc.actors:
            if not s.marked and _after_from(view, s):
                s.role = "actor2"
    first = side(inc, "actor1")
    if first:
        inc.sub_event_type = ("Government regains territory" if first[0].inter in STATE_OR_EXTERNAL
                              else "Non-state actor overtakes territory")
        return
    losers = side(inc, "actor2")
    if losers and all(s.inter in ARMED_INTERS - STATE_OR_EXTERNAL for s in losers):
        inc.sub_event_type = "Government regains territory"


def _after_from(view: ArticleView, slot: ActorSlot) -> bool:
    """"تحرير مديرية التحيتا من ميليشيات الحوثي": the side right after "from" (context effect)."""
    a, _ = view.tok_range(slot.mention)
    return any(h.payload.effect == "from" and h.tok_end == a  # type: ignore[attr-defined]
               for h in view.hits_in_sentence(view.context, view.sentence_of_tok(a)))


def type_by_actors(inc: Incident) -> None:
    """An attack word that settles no type ("attack", "targeted") with no victims counted: an attack
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


PROTEST_CONTEXT_SENTENCES = 2  # sentences before or after the shooting where the protest is told


def force_on_protesters(view: ArticleView, inc: Incident) -> None:
    """"توفي فتى متأثرا بجروح أصيب بها برصاص الجيش ... ومنذ 30 مارس ينظم الفلسطينيون مسيرات العودة":
    a state force shooting people where the article tells of a protest nearby is force used on
    the protest (ACLED: Protests / Excessive force against protesters), not an attack on bystanders;
    the same shooting with no protest in view (a farmer shot in his field) stays an attack."""
    if inc.sub_event_type != "Attack" or not any(s.inter in STATE_OR_EXTERNAL for s in inc.actors):
        return
    near = range(inc.sentence - PROTEST_CONTEXT_SENTENCES, inc.sentence + PROTEST_CONTEXT_SENTENCES + 1)
    if not any(t.value.get("event_type") == "Protests" for sentence in near
               for t in view.in_sentence("trigger", sentence)):
        return
    inc.event_type, inc.sub_event_type = "Protests", "Excessive force against protesters"
    inc.actors = [s for s in inc.actors if s.inter != CIVILIAN_INTER]
    for s in inc.actors:
        s.role = "actor2"  # the force; implied_actors puts the protesters first


def other_side(view: ArticleView, inc: Incident) -> None:
    """A battle told with one side in its clause: the other side is the first other armed actor of
    its sentence, else of the sentences just before and after."""
    if inc.event_type != "Battles" or len({s.name for s in inc.actors}) != 1:
        return
    taken = inc.actors[0].name
    for sentence in (inc.sentence, inc.sentence - 1, inc.sentence + 1):
        armed = [m for m in view.in_sentence("actor", sentence)
                 if (m.value.get("name") or m.text) != taken and m.value.get("inter") in ARMED_INTERS | {STATE_INTER}]
        armed.sort(key=lambda m: bool(m.value.get("generic")))  # a named group before "gunmen"
        if armed:
            m = armed[0]
            role = "actor2" if inc.actors[0].role == "actor1" else "actor1"
            inc.actors.append(ActorSlot(m, role, m.value.get("name") or m.text, m.value.get("inter")))
            return


BOTH_SIDES_REACH = 2  # sentences


def fill_from_discourse(incidents: list[Incident]) -> None:
    """A battle told with only its losing side ("they drove IS out"), or with no side at all, takes
    its sides from the battle told just before in the same or previous sentence ("clashes
    between X and IS")."""
    for prev, inc in pairwise(incidents):
        if inc.extra.get("both_sides") or inc.event_type != "Battles" or side(inc, "actor1") \
                or inc.sentence - prev.sentence > 1:
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


def fill_both_sides(incidents: list[Incident]) -> None:
    """"fierce battles between the two sides": the two sides of the battle told up to 2 sentences
    before (once every incident has its sides)."""
    for i, inc in enumerate(incidents):
        if not inc.extra.get("both_sides") or inc.event_type != "Battles" or len(inc.actors) >= 2:
            continue
        donor = next((p for p in reversed(incidents[:i]) if p.event_type == "Battles"
                      and 0 <= inc.sentence - p.sentence <= BOTH_SIDES_REACH
                      and side(p, "actor1") and side(p, "actor2")), None)
        if donor is not None:
            inc.actors = [ActorSlot(s.mention, s.role, s.name, s.inter) for s in donor.actors]


# Sub-event types whose perpetrator is an armed group by definition (a bomb is planted by someone):
# with no actor named, ACLED codes "Unidentified Armed Group (country)".
ARMED_BY_DEFINITION = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
# ... and the sub-events whose unnamed perpetrator ACLED codes so too (an arson by "unknown persons")
UNIDENTIFIED_WHEN_UNNAMED = ARMED_BY_DEFINITION | {"Looting/property destruction"}
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
    if inc.event_type not in ("Violence against civilians", "Explosions/Remote violence", "Riots"):
        inc.actors = [s for s in inc.actors if s.inter != CIVILIAN_INTER]  # civilians are no party here
    if inc.event_type == "Battles":
        if len(inc.actors) == 1 and inc.actors[0].mention.value.get("generic") and _between(inc):
            only = inc.actors[0]  # "clashes between two armed groups"
            inc.actors.append(ActorSlot(only.mention, "actor2", only.name, only.inter))
        return
    if sub == "Excessive force against protesters":
        # a protest event (ACLED): the protesters are actor1, the state that used the force actor2;
        # bystanders are neither
        inc.actors = [s for s in inc.actors if s.inter != CIVILIAN_INTER]
        if not any(s.inter == PROTESTER_INTER for s in inc.actors):
            name, inter = generic_actor("protesters", iso2, country, date)
            inc.actors.insert(0, ActorSlot(inc.anchor, "actor1", name, inter))
        if not any(s.role == "actor2" for s in inc.actors):
            name, inter = generic_actor("police", iso2, country, date)
            inc.actors.append(ActorSlot(inc.anchor, "actor2", name, inter))
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
        if inc.event_type == "Riots":  # demonstrators who turned violent are rioters (ACLED)
            for s in crowd:
                if s.inter == PROTESTER_INTER:
                    s.name, s.inter = s.name.replace("Protesters", "Rioters"), RIOTER_INTER
        for s in crowd[1:]:
            s.role = "actor2" if sub == "Mob violence" else "actor1"
        for s in others:
            s.role = "actor2"
        if sub == "Peaceful protest" and _force_used(inc, others):
            # "اعتدت الشرطة بالضرب على المتظاهرين": state forces acting on the crowd intervened
            sub = inc.sub_event_type = "Protest with intervention"
        if sub == "Peaceful protest":
            others = []  # no one intervened in a peaceful protest
        elif sub == "Protest with intervention" and not others:
            name, inter = generic_actor("police", iso2, country, date)
            others = [ActorSlot(inc.anchor, "actor2", name, inter)]
        inc.actors = crowd + others
        return
    if sub == "Arrests" and not side(inc, "actor1"):
        name, inter = generic_actor("police", iso2, country, date)  # arrests are made by the state
        inc.actors.insert(0, ActorSlot(inc.anchor, "actor1", name, inter))
    if sub == AIR_STRIKE and not side(inc, "actor1") and not _drone(inc):
        sole = sole_air_force(iso2, date)
        named = [s for s in inc.actors if sole is not None and s.name == sole[0]]
        if named:  # the air force was read as the target ("طيران التحالف" after the verb): it struck
            for slot in inc.actors:
                slot.role = "actor1" if slot in named else "actor2"
        elif sole is not None:
            inc.actors.insert(0, ActorSlot(inc.anchor, "actor1", *sole))
    if sub in UNIDENTIFIED_WHEN_UNNAMED and not side(inc, "actor1"):
        name, inter = generic_actor("unidentified_armed_group", iso2, country, date)
        inc.actors.insert(0, ActorSlot(inc.anchor, "actor1", name, inter))


AIR_STRIKE = "Air/drone strike"
DRONE_TRIGGERS = frozenset({"drone"})


def _drone(inc: Incident) -> bool:
    return any(t.value.get("key") in DRONE_TRIGGERS for t in inc.triggers)


def sole_air_force(iso2: str | None, date: str | None) -> tuple[str, int] | None:
    """Name and inter code of the only side that flies aircraft in the war in ``iso2`` on ``date``
    (``rasd/lang/ar/actors/air_forces.tsv``), if there is one."""
    from rasd.events.lexicons import air_force_rows

    day = (date or "")[:10]
    for row in air_force_rows():
        if row["iso2"] == iso2 and (not row["from"] or not day or row["from"] <= day) and (
            not row["to"] or not day or day <= row["to"]
        ):
            try:
                from rasd.extractors.actors import resolve_actor

                value = resolve_actor(row["actor"], row["state"] or iso2, date=date, focus=iso2)
            except Exception:  # the actors stage is optional here
                return None
            return value["name"], value["inter"]
    return None


def _force_used(inc: Incident, others: list[ActorSlot]) -> bool:
    """A state force named as the subject of a word of violence that the protest took in: right
    after the verb ("اعتدت الشرطة على ...") or right before it ("الشرطة هاجمت ...")."""
    violence = [t for t in inc.triggers if t.value.get("disorder_type") == "Political violence"]
    return any(s.inter == STATE_INTER and (0 <= s.mention.start - t.end <= SUBJECT_CHARS
                                           or 0 <= t.start - s.mention.end <= SUBJECT_CHARS)
               for s in others for t in violence)


SUBJECT_CHARS = 2  # a space (and a clitic) between the verb and its subject


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


CLAIM_REACH = 3  # sentences between an incident and the claim of responsibility for it
UNIDENTIFIED = "Unidentified"


def apply_claims(view: ArticleView, incidents: list[Incident], claims: list, within: range | None = None) -> None:
    """A claim of responsibility ("IS claimed the attack", "أعلنت حركة X مسؤوليتها") is no
    incident, but it names the perpetrator of the incident it claims: the latest violent
    incident told before it (or in its sentence). ACLED codes the claimant as actor1; the side
    word order put first (the soldiers counted dead) moves to actor2. ``within``: the sentences
    whose claim words are read (default: the whole article)."""
    cues = [c.verdict.cue for c in claims]
    seen = {(c.tok_start, c.tok_end) for c in cues}
    sentences = within if within is not None else range(len(view.doc.sentences))
    # a claim that governs no trigger word ("وأعلن التنظيم مسؤوليته عنه لاحقا") still names the perpetrator
    cues += [h for sentence in sentences for h in view.hits_in_sentence(view.cues, sentence)
             if getattr(h.payload, "informs", "") == "actor1" and (h.tok_start, h.tok_end) not in seen]
    for cue in cues:
        sentence = view.sentence_of_tok(cue.tok_start)
        if _claim_undone(view, cue, sentence):
            continue
        claimer = _claimer(view, cue, sentence)
        if claimer is None:
            continue
        for target in _claimed(incidents, cue, sentence):
            _credit_claimant(target, claimer)


CLAIMABLE = frozenset({"Explosions/Remote violence", "Violence against civilians", "Battles"})


def _claimed(incidents: list[Incident], cue, sentence: int) -> list[Incident]:
    """The incident a claim is about: one told before the claim word in its sentence ("تبنت
    الحركة الهجوم الذي ..."), else the latest told in the sentences before - together with the
    claimant's own retelling after the claim word ("وقالت إنها قتلت 15 جنديا")."""
    violent = [inc for inc in incidents if inc.event_type in CLAIMABLE]
    here = [inc for inc in violent if inc.sentence == sentence]
    before_cue = [inc for inc in here if inc.tok < cue.tok_start]
    if before_cue:
        return [before_cue[-1]]
    earlier = [inc for inc in violent if sentence - CLAIM_REACH <= inc.sentence < sentence]
    return earlier[-1:] + here


UNDOING_REASONS = frozenset({"negation", "denial", "background", "hypothetical", "threat", "future"})
UNDOING_REACH = 8  # tokens


def _claim_undone(view: ArticleView, cue, sentence: int) -> bool:
    """"لم تعلن أي جهة مسؤوليتها", "سبق للتنظيم أن تبنى هجمات مماثلة": no claim of this incident."""
    clause = view.clause_of_tok(cue.tok_start)
    return any(getattr(h.payload, "reason", "") in UNDOING_REASONS and view.clause_of_tok(h.tok_start) == clause
               and 0 < cue.tok_start - h.tok_start <= UNDOING_REACH
               for h in view.hits_in_sentence(view.cues, sentence))


CLAIMER_BEFORE = 6  # tokens: "أعلنت حركة الشباب مسؤوليتها" names the claimant before the cue word
CLAIMER_AFTER = 3  # tokens: "وتبنت حركة الشباب الهجوم" (the target named later is not the claimant)


def _claimer(view: ArticleView, cue, sentence: int):
    def armed(m) -> bool:
        return m.value.get("inter") not in (CIVILIAN_INTER, None, STATE_INTER) and not m.value.get("generic")

    clause = view.clause_of_tok(cue.tok_start)
    after = [m for m in view.in_sentence("actor", sentence) if m.start >= cue.start and armed(m)
             and 0 <= view.tok_range(m)[0] - cue.tok_end <= CLAIMER_AFTER]
    before = [m for m in view.in_sentence("actor", sentence)
              if m.end <= cue.start and armed(m) and view.clause_of_mention(m) == clause
              and 0 <= cue.tok_start - view.tok_range(m)[1] <= CLAIMER_BEFORE]
    if before:
        return before[-1]
    return after[0] if after else None


def _credit_claimant(target: Incident, claimer) -> None:
    name = claimer.value.get("name") or claimer.text
    first = side(target, "actor1")
    if first and first[0].name == name:
        target.extra["claimed_by"] = name
        return
    second = side(target, "actor2")
    displaced = [s for s in first if UNIDENTIFIED not in s.name]
    if displaced and second and second[0].name != name and UNIDENTIFIED not in second[0].name:
        return  # both sides already named, neither the claimant: the claim may be another incident's
    kept = []
    for s in target.actors:
        if s.name == name or (UNIDENTIFIED in s.name and s.role in ("actor1", "actor2")):
            continue
        if s.role == "actor1":
            s.role, s.marked = "actor2", True
        kept.append(s)
    target.actors = [ActorSlot(claimer, "actor1", name, claimer.value.get("inter"), marked=True), *kept]
    target.extra["claimed_by"] = name
