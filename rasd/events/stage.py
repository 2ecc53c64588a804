"""Pipeline stage: event assembly (mentions -> coded incidents with evidence and confidence).

Steps (each its own module): candidates and the non-event filter (``candidates``,
``modality``), slots from clause / sentence / discourse (``attach``, ``actors``), merging of
retellings (``merge``), then records with counts, notes, evidence and confidence (``build``).
Non-events are added to ``doc.mentions`` as kind ``non_event``.
"""

from __future__ import annotations

from collections import Counter

from rasd.document import Document, Event
from rasd.events.actor_rules import (
    CLAIM_REACH,
    apply_claims,
    fill_both_sides,
    fill_from_discourse,
    force_on_protesters,
    implied_actors,
    other_side,
    refine_by_actors,
    role_conventions,
    territorial_by_actor,
    type_by_actors,
)
from rasd.events.actors import assign_actors
from rasd.events.attach import attach_all, mark_inclusive_tolls
from rasd.events.build import build_events, focus_country
from rasd.events.candidates import NonEvent, build_candidates
from rasd.events.concurrency import absorb_attacker_arrests, absorb_protest_arrests
from rasd.events.dedupe import merge_same_incident
from rasd.events.filter import active_filter
from rasd.events.incident import Incident
from rasd.events.merge import absorb_details, absorb_support_fire, mark_new_topics, merge_retellings
from rasd.events.modality import dated_out, non_event_value
from rasd.events.scope import ordinary_crime
from rasd.events.signals import incident_signals, rule_confidence_signal
from rasd.events.split import split_coordinated_places
from rasd.events.substance import is_located, is_substantive
from rasd.events.view import ArticleView, Hit, build_view
from rasd.limits import MAX_ARTICLE_INCIDENTS

STAGE_NAME = "events"


def filter_events(doc: Document, events: list[Event]) -> list[Event]:
    """Weigh every event with the shipped event filter (when there is one): its probability of
    being a real, new incident becomes the event's confidence; those below the model's threshold
    are left out and kept as ``non_event`` mentions with reason ``unlikely``."""
    model = active_filter()
    if model is None:
        return events
    kept = []
    for event in events:
        p = model.probability(event.signals)
        event.confidence["event"] = round(p, 3)
        for name in ("fatalities", "location", "actor1"):
            if name in event.confidence:
                event.confidence[name] = round(model.field_confidence(name, event.confidence[name]), 3)
        if p >= model.threshold:
            kept.append(event)
            continue
        anchor = next((e for e in event.evidence if e.field == "sub_event_type"), event.evidence[0])
        doc.add_mention("non_event", anchor.start, anchor.end,
                        {"reason": "unlikely", "probability": round(p, 3), "sub_event_type": event.sub_event_type,
                         "event_date": event.event_date, "location": event.location},
                        confidence=round(1 - p, 3), stage=STAGE_NAME)
    for n, event in enumerate(kept, start=1):
        event.event_id = f"{event.event_id.rsplit('-', 1)[0]}-{n}" if event.event_id else event.event_id
    return kept


# Retellings, claims and shared sides are looked for among the incidents of one section of the
# article: a run of at most this many consecutive incidents, cut between sentences. No article of
# the development corpus comes near it; a crafted one (thousands of casualty clauses) would
# otherwise make every pairwise step grow with the square of its length.
MAX_SECTION_INCIDENTS = 200


def sections(incidents: list[Incident]) -> list[list[Incident]]:
    """Consecutive runs of at most MAX_SECTION_INCIDENTS incidents, cut between sentences when a
    sentence boundary lies in the second half of the run."""
    out: list[list[Incident]] = []
    rest = incidents
    while len(rest) > MAX_SECTION_INCIDENTS:
        cut = MAX_SECTION_INCIDENTS
        for i in range(MAX_SECTION_INCIDENTS, MAX_SECTION_INCIDENTS // 2, -1):
            if rest[i].sentence != rest[i - 1].sentence:
                cut = i
                break
        out.append(rest[:cut])
        rest = rest[cut:]
    return [*out, rest] if rest else out


def _last_sentence_read(doc: Document) -> int | None:
    """The sentence of the MAX_ARTICLE_INCIDENTS-th trigger or casualty word, when there are more:
    the rest of the text is not read for incidents (each word is at most one candidate)."""
    words = sorted((m for kind in ("trigger", "casualty") for m in doc.mentions_of(kind)), key=lambda m: m.start)
    if len(words) <= MAX_ARTICLE_INCIDENTS:
        return None
    return words[MAX_ARTICLE_INCIDENTS - 1].sentence


class EventsStage:
    name = STAGE_NAME
    version = "6"

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens or not any(m.kind in ("trigger", "casualty") for m in doc.mentions):
            return doc
        view = build_view(doc, _last_sentence_read(doc))
        incidents, non_events = build_candidates(view)
        if len(incidents) > MAX_ARTICLE_INCIDENTS or view.last_sentence is not None:
            incidents = incidents[:MAX_ARTICLE_INCIDENTS]
            last = incidents[-1].anchor.end
            doc.warnings.append(
                f"more incident words (triggers, casualty counts) than any article holds: only the first "
                f"{len(incidents)} candidate incidents (up to character {last}) were assembled into events; "
                "split the input")
        attach_all(view, incidents)
        kept = []
        for inc in incidents:
            verdict = dated_out(inc, doc.meta.published)
            if verdict is None:
                kept.append(inc)
            else:
                non_events.append(NonEvent(inc.anchor, verdict))
        parts = sections(kept)
        if len(parts) > 1:
            doc.warnings.append(
                f"{len(kept)} candidate incidents: more than {MAX_SECTION_INCIDENTS}, so retellings "
                f"were merged within {len(parts)} sections of the article, not across them")
        parts = [split_coordinated_places(view, absorb_attacker_arrests(view, absorb_protest_arrests(part)))
                 for part in parts]
        # the article's focus country is costly to compute: only for incidents without a place
        focus = focus_country(doc) if any(inc.place is None for part in parts for inc in part) else None
        claims = [ne for ne in non_events if getattr(ne.verdict.cue.payload, "informs", "")]
        cue_counts = Counter(ne.anchor.sentence for ne in non_events)
        assembled = [_assemble(view, part, claims, focus) for part in parts]
        n_incidents = sum(len(part) for part in assembled)
        events: list[Event] = []
        for part in assembled:
            built_part: list[Event] = []
            for inc in part:
                built = build_events(doc, inc, view.sentence_of, len(events) + len(built_part), focus)
                signals = incident_signals(doc, inc, n_incidents, cue_counts, (focus or {}).get("iso2"))
                topic = {"_topic": float(_topics_before(view, inc.clause))}
                for event in built:
                    event.signals = {**signals, **rule_confidence_signal(event), **topic}
                built_part.extend(built)
            events.extend(merge_same_incident(built_part))
        crimes = [e for e in events if ordinary_crime(view, e)]
        doc.events = filter_events(doc, [e for e in events if e not in crimes])
        for crime in crimes:
            trigger = next((x for x in crime.evidence if x.field == "sub_event_type"), crime.evidence[0])
            doc.add_mention("non_event", trigger.start, trigger.end,
                            non_event_value("non_conflict", trigger, Hit(0, 0, None, trigger.start, trigger.end)),
                            confidence=0.55, stage=STAGE_NAME)
        for ne in non_events:
            doc.add_mention("non_event", ne.anchor.start, ne.anchor.end,
                            non_event_value(ne.verdict.reason, ne.anchor, ne.verdict.cue),
                            confidence=0.7 if ne.verdict.hard else 0.55, stage=STAGE_NAME)
        return doc


def _topics_before(view: ArticleView, clause: int) -> int:
    """How many topic shifts ("in a separate attack", "on another front") open a clause up to this
    one: incidents told under different shifts are never one incident (the in-article merge)."""
    return sum(1 for c in view.clauses[: clause + 1] if c.shift)


def _assemble(view: ArticleView, incidents: list[Incident], claims: list[NonEvent],
              focus: dict | None) -> list[Incident]:
    """Actors, claims, retellings and details of the incidents of one section."""
    doc = view.doc
    for inc in incidents:
        place = inc.place.value if inc.place is not None else {}
        iso2 = place.get("iso2") or (focus or {}).get("iso2")
        country = place.get("country") or (focus or {}).get("country")
        assign_actors(view, inc, iso2)
        type_by_actors(inc)
        refine_by_actors(inc)
        force_on_protesters(view, inc)
        role_conventions(inc)
        implied_actors(inc, iso2, country, inc.date.date if inc.date else doc.meta.published)
    fill_from_discourse(incidents)
    for inc in incidents:
        other_side(view, inc)
        territorial_by_actor(inc, view)
    fill_both_sides(incidents)
    told_in = [inc.sentence for inc in incidents]
    within = range(min(told_in), max(told_in) + CLAIM_REACH + 1)
    apply_claims(view, incidents, [c for c in claims if c.anchor.sentence in within], within)
    details = [inc for inc in incidents if not is_substantive(inc)]
    mark_new_topics(doc, incidents)
    incidents = merge_retellings([inc for inc in incidents if is_substantive(inc)], view.sentence_of)
    incidents = absorb_support_fire(incidents)
    absorb_details(incidents, details, view.sentence_of)
    incidents = [inc for inc in incidents if is_located(inc)]
    mark_inclusive_tolls(view, incidents)
    return incidents
