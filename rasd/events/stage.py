"""Pipeline stage: event assembly (mentions -> coded incidents with evidence and confidence).

Steps (each its own module): candidates and the non-event filter (``candidates``,
``modality``), slots from clause / sentence / discourse (``attach``, ``actors``), merging of
retellings (``merge``), then records with counts, notes, evidence and confidence (``build``).
Non-events are added to ``doc.mentions`` as kind ``non_event``.
"""

from __future__ import annotations

from rasd.document import Document, Event
from rasd.events.actor_rules import (
    apply_claims,
    fill_both_sides,
    fill_from_discourse,
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
from rasd.events.concurrency import absorb_protest_arrests
from rasd.events.dedupe import merge_same_incident
from rasd.events.filter import active_filter
from rasd.events.merge import absorb_details, absorb_support_fire, mark_new_topics, merge_retellings
from rasd.events.modality import dated_out, non_event_value
from rasd.events.signals import incident_signals, rule_confidence_signal
from rasd.events.split import split_coordinated_places
from rasd.events.substance import is_located, is_substantive
from rasd.events.view import build_view

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


class EventsStage:
    name = STAGE_NAME
    version = "3"

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens or not any(m.kind in ("trigger", "casualty") for m in doc.mentions):
            return doc
        view = build_view(doc)
        incidents, non_events = build_candidates(view)
        attach_all(view, incidents)
        kept = []
        for inc in incidents:
            verdict = dated_out(inc, doc.meta.published)
            if verdict is None:
                kept.append(inc)
            else:
                non_events.append(NonEvent(inc.anchor, verdict))
        incidents = split_coordinated_places(view, absorb_protest_arrests(kept))
        # the article's focus country is costly to compute: only for incidents without a place
        focus = focus_country(doc) if any(inc.place is None for inc in incidents) else None
        for inc in incidents:
            place = inc.place.value if inc.place is not None else {}
            iso2 = place.get("iso2") or (focus or {}).get("iso2")
            country = place.get("country") or (focus or {}).get("country")
            assign_actors(view, inc, iso2)
            type_by_actors(inc)
            refine_by_actors(inc)
            role_conventions(inc)
            implied_actors(inc, iso2, country, inc.date.date if inc.date else doc.meta.published)
        fill_from_discourse(incidents)
        for inc in incidents:
            other_side(view, inc)
            territorial_by_actor(inc)
        fill_both_sides(incidents)
        apply_claims(view, incidents, [ne for ne in non_events if getattr(ne.verdict.cue.payload, "informs", "")])
        details = [inc for inc in incidents if not is_substantive(inc)]
        mark_new_topics(doc, incidents)
        incidents = merge_retellings([inc for inc in incidents if is_substantive(inc)], view.sentence_of)
        incidents = absorb_support_fire(incidents)
        absorb_details(incidents, details, view.sentence_of)
        incidents = [inc for inc in incidents if is_located(inc)]
        mark_inclusive_tolls(view, incidents)
        events = []
        cue_sentences = [ne.anchor.sentence for ne in non_events]
        for inc in incidents:
            built = build_events(doc, inc, view.sentence_of, len(events), focus)
            signals = incident_signals(doc, inc, len(incidents), cue_sentences, (focus or {}).get("iso2"))
            for event in built:
                event.signals = {**signals, **rule_confidence_signal(event)}
            events.extend(built)
        doc.events = filter_events(doc, merge_same_incident(events))
        for ne in non_events:
            doc.add_mention("non_event", ne.anchor.start, ne.anchor.end,
                            non_event_value(ne.verdict.reason, ne.anchor, ne.verdict.cue),
                            confidence=0.7 if ne.verdict.hard else 0.55, stage=STAGE_NAME)
        return doc
