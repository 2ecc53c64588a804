"""Candidate incidents: one per live trigger, casualties attached, non-events filtered out.

1. Every trigger is a candidate; a hard non-event cue turns it into a ``non_event``.
2. Concurrent tactics become one incident (``concurrency``).
3. Casualty mentions go to the nearest incident of their clause, else of their sentence,
   else (a sentence with counts and no trigger) to the incident told in the previous
   sentence when no topic shift lies between; otherwise they found their own incident,
   typed from the victims.
4. A soft cue (condemnation, statement, denial, claim, video, background) suppresses a
   candidate unless it carries its own incident count.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.document import Mention
from rasd.events import types as T
from rasd.events.concurrency import absorb_side_developments, group_concurrent
from rasd.events.fatalities import VAGUE_POINT, is_incident_toll, point
from rasd.events.incident import Incident
from rasd.events.modality import Verdict, governing_cue, period_of_fighting
from rasd.events.view import ArticleView, Hit

ARMED_GROUPS = frozenset({"soldiers", "police", "fighters", "militants", "attackers", "troops",
                          "officers", "security", "guards", "rebels", "jihadists"})
CASUALTY_TYPES = {"killed", "injured", "killed_or_injured", "abducted", "arrested"}


@dataclass(slots=True)
class NonEvent:
    anchor: Mention
    verdict: Verdict


def build_candidates(view: ArticleView) -> tuple[list[Incident], list[NonEvent]]:
    non_events: list[NonEvent] = []
    incidents: list[Incident] = []
    soft: dict[int, Verdict] = {}
    for trig in sorted(view.read("trigger"), key=lambda m: m.start):
        a, b = view.tok_range(trig)
        verdict = _guard_verdict(trig) or governing_cue(view, a, b) or period_of_fighting(view, trig)
        if verdict is not None and _announced(trig, verdict):
            verdict = None
        if verdict is not None and verdict.hard:
            non_events.append(NonEvent(trig, verdict))
            continue
        inc = _from_trigger(view, trig, a)
        if verdict is not None:
            soft[id(inc)] = verdict
        incidents.append(inc)
    incidents = group_concurrent(incidents, soft, view.content_gap,
                                 lambda a, b: view.barrier_between(a, b) or _distinct_towns(view, a, b))
    told_before = {view.clause_of_tok(view.tok_range(ne.anchor)[0]) for ne in non_events
                   if ne.verdict.reason == "background"}
    orphans = _assign_casualties(view, incidents, told_before)
    kept: list[Incident] = []
    for inc in incidents:
        if inc.casualties and all(c.value.get("aggregate") or _war_scale(view, c) for c in inc.casualties):
            non_events.append(NonEvent(inc.anchor, _aggregate_verdict(inc.casualties[0], None)))
            continue
        total = _inside_a_total(view, inc)
        if total is not None:  # "اختطفت 1200 مدني خلال الفترة من 2014 إلى 2017": the verb is the total's
            non_events.append(NonEvent(inc.anchor, _aggregate_verdict(total, None)))
            continue
        verdict = soft.get(id(inc))
        if verdict is not None and not _rescued(view, inc, verdict):
            non_events.append(NonEvent(inc.anchor, verdict))
            continue
        if verdict is not None:
            inc.soft_cue = verdict.cue
        kept.append(inc)
    kept.extend(_casualty_incidents(view, orphans, kept, non_events))
    kept.sort(key=lambda i: i.anchor.start)
    return absorb_side_developments(view, kept), non_events


TOWN_KINDS = frozenset({"city", "district", "admin2", "admin3"})


def _inside_a_total(view: ArticleView, inc: Incident) -> Mention | None:
    """An aggregate count whose words hold the incident's trigger word, when the incident has
    no count of its own."""
    if _has_own_count(inc):
        return None
    return next((c for c in view.in_sentence("casualty", inc.sentence)
                 if c.value.get("aggregate") and c.start <= inc.anchor.start < c.end), None)


def _clause_towns(view: ArticleView, tok: int) -> set:
    clause = view.clause_of_tok(tok)
    return {p.value.get("geonameid") or p.value.get("name") for p in view.in_clause("place", clause)
            if p.value.get("kind") in TOWN_KINDS and not p.value.get("is_reference")}


def _distinct_towns(view: ArticleView, a: int, b: int) -> bool:
    """"قتل 5 في غارة على كابول، وقتل شخصان في انفجار في قندهار": two clauses naming two
    different towns tell two incidents, however near their trigger words stand."""
    if view.clause_of_tok(a) == view.clause_of_tok(b):
        return False
    here, there = _clause_towns(view, a), _clause_towns(view, b)
    return bool(here) and bool(there) and not (here & there)


GUARD_REASON = {"sport": "sport", "accident": "accident", "court": "court", "metaphor": "non_conflict",
                "cyber": "non_conflict", "politics": "non_conflict", "test": "non_conflict",
                "disaster": "disaster"}


BARE_STATEMENT_PRIORITY = 2


def _announced(trig: Mention, verdict: Verdict) -> bool:
    """"أعلنت الجماعة في بيان حل نفسها", "أعلن الطرفان في بيان التوصل إلى اتفاق": for an agreement,
    a group's change or a base set up, the announcement is the event. Only the bare statement word
    yields; calls, threats, future, denials and conditionals ("طالبت بحل", "ستحل", "نفت حل") win
    over it by priority and still suppress."""
    return (verdict.reason == "statement" and not verdict.hard
            and getattr(verdict.cue.payload, "priority", 0) >= BARE_STATEMENT_PRIORITY
            and trig.value.get("sub_event_type") in T.STANDALONE_STRATEGIC)


def _guard_verdict(trig: Mention) -> Verdict | None:
    guard = trig.value.get("guard")
    if not guard:
        return None
    span = trig.value.get("guard_span") or [trig.start, trig.end]
    return Verdict(GUARD_REASON.get(guard, "non_conflict"), Hit(0, 0, None, span[0], span[1]), True)


def _from_trigger(view: ArticleView, trig: Mention, tok: int) -> Incident:
    v = trig.value
    sub = v.get("sub_event_type")
    event = T.event_type_of(sub, v.get("event_type"))
    if event is None and v.get("default_sub_event_type"):
        sub = v["default_sub_event_type"]
        event = T.event_type_of(sub)
        return Incident(anchor=trig, anchor_kind="weak", sentence=view.sentence_of(trig),
                        clause=view.clause_of_tok(tok), tok=tok, event_type=event, sub_event_type=sub,
                        triggers=[trig], sentences={view.sentence_of(trig)})
    strength = "weak" if v.get("strength") == "weak" or event is None else "strong"
    sentence = view.sentence_of(trig)
    return Incident(
        anchor=trig, anchor_kind=strength, sentence=sentence, clause=view.clause_of_tok(tok), tok=tok,
        event_type=event, sub_event_type=sub, triggers=[trig], sentences={sentence},
    )


def _assign_casualties(view: ArticleView, incidents: list[Incident], told_before: set[int]) -> list[Mention]:
    """Each count goes to an incident of its sentence (else it is an orphan). ``told_before``:
    clauses whose attack word is an earlier incident told as background ("بعد أسبوعين من هجوم
    مماثل قتل فيه 7 جنود ... الشهر الماضي"): their counts are that incident's, never this one's."""
    orphans: list[Mention] = []
    by_sentence: dict[int, list[Incident]] = {}
    for inc in incidents:
        by_sentence.setdefault(inc.sentence, []).append(inc)
    for cas in sorted(view.read("casualty"), key=lambda m: m.start):
        if cas.value.get("type") not in CASUALTY_TYPES:
            continue
        if _war_scale(view, cas):
            orphans.append(cas)  # a war or period total: never an incident's toll
            continue
        a, _ = view.tok_range(cas)
        sentence = view.sentence_of(cas)
        peers = by_sentence.get(sentence, [])
        if view.clause_of_tok(a) in told_before and not any(p.clause == view.clause_of_tok(a) for p in peers):
            continue
        if not peers:
            orphans.append(cas)
            continue
        peers = [p for p in peers if _takes(p, cas)]
        if not peers:
            orphans.append(cas)
            continue
        clause = view.clause_of_tok(a)
        same_clause = [p for p in peers if p.clause == clause]
        if same_clause:
            min(same_clause, key=lambda p: (abs(p.tok - a), p.tok < a)).casualties.append(cas)
        else:
            # a toll in a clause of its own ("..., ما اسفر عن اصابه امراتين") tells the outcome of
            # the incident told before it, not of one named after it ("... على خلفية نزاع")
            before = [p for p in peers if p.tok < a]
            min(before or peers, key=lambda p: abs(p.tok - a)).casualties.append(cas)
    return orphans


WORD_OF_A_SIDE = frozenset({"statement", "claim", "denial", "condemnation"})


def _rescued(view: ArticleView, inc: Incident, verdict: Verdict) -> bool:
    """A soft cue gives way to an incident count - except a count inside a background period
    ("since April, operations led to 27 arrests" is a running total; period cues are the
    background date mentions and the `near`-scoped cues)."""
    counts = [c for c in inc.casualties if is_incident_toll(c) and (point(c) or 0) > 0
              and c.value.get("type") in ("killed", "injured", "killed_or_injured")]
    scope = getattr(verdict.cue.payload, "scope", "")
    if verdict.reason in ("statement", "claim") and _own_action(view, inc, verdict):
        return True
    if verdict.reason in WORD_OF_A_SIDE:
        # "the army said in a statement it killed dozens of terrorists": a vague kill claim in a
        # side's statement is rhetoric, not the toll of an incident
        counts = [c for c in counts if c.value.get("qualifier") not in VAGUE_POINT]
    if scope == "pluperfect":  # the whole sentence after "وكان ... قد" is told as background
        return any(view.tok_range(c)[0] < verdict.cue.tok_start for c in counts)
    if verdict.reason == "background" and scope == "governs":
        # "ردا على الهجمات ..., ادت الى مقتل قائد": a toll in another clause is the outcome of the
        # incident told around the cause, not of the earlier incident named as the cause
        counts = [c for c in counts if view.clause_of_mention(c) == inc.clause]
    period = verdict.cue.payload is None or scope == "near"
    if verdict.reason == "background" and period:
        counts = [c for c in counts if c.value.get("type") in ("killed", "injured")
                  and c.value.get("qualifier") not in VAGUE_POINT
                  and (view.tok_range(c)[0] < verdict.cue.tok_start
                       or view.clause_of_mention(c) != view.clause_of_tok(verdict.cue.tok_start))]
    return bool(counts)


def _own_action(view: ArticleView, inc: Incident, verdict: Verdict) -> bool:
    """"قال الجيش في بيان إنه شن غارات على مواقع في بلدة X": the statement reports what its
    speaker did, where. Without a place of its own, or with a vague kill claim ("قتل العشرات من
    الإرهابيين"), it is a side's retelling or propaganda, not a new incident."""
    if not any(not p.value.get("is_reference") for p in view.in_sentence("place", inc.sentence)):
        return False
    if any(c.value.get("qualifier") in VAGUE_POINT for c in inc.casualties):
        return False
    return any(h.payload.effect == "own_action" and verdict.cue.tok_start <= h.tok_start  # type: ignore[attr-defined]
               and 0 <= inc.tok - h.tok_end < h.payload.window  # type: ignore[attr-defined]
               for h in view.hits_in_sentence(view.context, inc.sentence))


def _takes(inc: Incident, cas: Mention) -> bool:
    """Deaths and injuries belong to violent incidents; arrests and abductions to their own kind."""
    kind = cas.value.get("type")
    if inc.event_type is None:
        return True
    if kind == "arrested":
        return inc.sub_event_type == T.ARRESTS
    if inc.event_type == T.STRATEGIC:
        return False
    return not (inc.event_type == T.PROTESTS and inc.sub_event_type == "Peaceful protest"
                and kind in ("killed", "injured"))


def _has_own_count(inc: Incident) -> bool:
    return any(is_incident_toll(c) and (point(c) or 0) > 0 for c in inc.casualties)


def _casualty_incidents(
    view: ArticleView, orphans: list[Mention], incidents: list[Incident], non_events: list[NonEvent]
) -> list[Incident]:
    """Incidents founded by casualty counts that no trigger of their sentence names."""
    created: list[Incident] = []
    by_sentence: dict[int, Incident] = {}
    for cas in orphans:
        sentence = view.sentence_of(cas)
        a, b = view.tok_range(cas)
        if cas.value.get("aggregate") or _war_scale(view, cas):
            non_events.append(NonEvent(cas, _aggregate_verdict(cas, governing_cue(view, a, b))))
            continue
        if sentence in by_sentence:
            by_sentence[sentence].casualties.append(cas)
            continue
        value = point(cas)
        if not is_incident_toll(cas) or value is None:
            continue
        verdict = governing_cue(view, a, b) or view.topic_cue
        if verdict is not None and (verdict.hard or value == 0):
            non_events.append(NonEvent(cas, verdict))
            continue
        previous = _previous_incident(sentence, incidents + created)
        if previous is not None and _takes(previous, cas) and _continues(view, sentence, previous):
            previous.casualties.append(cas)
            previous.sentences.add(sentence)
            by_sentence[sentence] = previous
            continue
        if value == 0:
            continue
        event, sub = type_from_victims([cas])
        inc = Incident(anchor=cas, anchor_kind="casualty", sentence=sentence, clause=view.clause_of_tok(a),
                       tok=a, event_type=event, sub_event_type=sub, casualties=[cas], sentences={sentence},
                       typed_by_victims=True)
        if verdict is not None:
            inc.soft_cue = verdict.cue
        by_sentence[sentence] = inc
        created.append(inc)
    return created


WAR_SCALE = 1000  # a toll this large with no date in its sentence is a war/period total


FRESH_DAYS = 60


def _war_scale(view: ArticleView, cas: Mention) -> bool:
    """A toll of war scale that is a running total ("rose to 35,000") or carries no recent date."""
    value = point(cas) or 0
    if value < WAR_SCALE:
        return False
    if cas.value.get("update"):
        return True
    sentence = view.sentence_of(cas)
    return not any(_fresh(d, view.doc.meta.published) for d in view.in_sentence("date", sentence))


def _fresh(date_mention: Mention, published: str | None) -> bool:
    from datetime import date

    iso = date_mention.value.get("date")
    if not iso or date_mention.value.get("background"):
        return False
    try:
        return (date.fromisoformat((published or iso)[:10]) - date.fromisoformat(iso[:10])).days <= FRESH_DAYS
    except ValueError:
        return False


def _aggregate_verdict(cas: Mention, cue: Verdict | None) -> Verdict:
    return Verdict("aggregate", cue.cue if cue is not None else Hit(0, 0, None, cas.start, cas.end), True)


def _previous_incident(sentence: int, incidents: list[Incident]) -> Incident | None:
    before = [i for i in incidents if sentence - 1 in i.sentences or i.sentence == sentence - 1]
    return max(before, key=lambda i: i.anchor.start) if before else None


def _continues(view: ArticleView, sentence: int, previous: Incident) -> bool:
    """A trigger-less sentence of counts continues the incident told just before it."""
    from rasd.extractors.dates.dating import opens_new_topic

    first_clause = next(iter(view.clauses_in_sentence(sentence)), None)
    if (first_clause is not None and first_clause.shift) or opens_new_topic(view.doc, sentence):
        return False  # "وفي حادث منفصل ...": another incident, whatever the place
    own_places = [p for p in view.in_sentence("place", sentence) if not p.value.get("is_reference")]
    if own_places and previous.place is not None:
        return any(_same_place(p, previous.place) for p in own_places)
    return True


def _same_place(a: Mention, b: Mention) -> bool:
    ga, gb = a.value.get("geonameid"), b.value.get("geonameid")
    if ga and gb:
        return ga == gb
    return (a.value.get("name") or a.text) == (b.value.get("name") or b.text)


def type_from_victims(casualties: list[Mention]) -> tuple[str, str]:
    """Type of an incident no trigger names: fighting when armed men fell, else an attack."""
    kinds = {c.value.get("type") for c in casualties}
    if kinds <= {"abducted"}:
        return T.VAC, T.ABDUCTION
    if kinds <= {"arrested"}:
        return T.STRATEGIC, T.ARRESTS
    if any(c.value.get("group") == "protesters" for c in casualties):
        return T.PROTESTS, "Excessive force against protesters"
    if any(c.value.get("group") in ARMED_GROUPS for c in casualties if c.value.get("type") != "arrested"):
        return T.BATTLES, T.ARMED_CLASH
    return T.VAC, T.ATTACK
