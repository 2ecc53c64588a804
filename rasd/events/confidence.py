"""Per-field confidence of an event, from the strength of its evidence."""

from __future__ import annotations

from rasd.document import Mention
from rasd.events.fatalities import Count
from rasd.events.incident import Incident

ANCHOR_BASE = {"strong": 0.85, "weak": 0.6, "casualty": 0.55}
SCOPE_FACTOR = {"clause": 1.0, "sentence": 0.9, "discourse": 0.7, "published": 0.5, "none": 0.0}
QUALIFIER_FACTOR = {"exact": 1.0, "at_least": 0.9, "more_than": 0.85, "about": 0.8, "range": 0.85,
                    "up_to": 0.75, "less_than": 0.7}
VAGUE_FACTOR = 0.6


def clamp(x: float) -> float:
    return round(min(max(x, 0.05), 0.99), 3)


def event_confidence(inc: Incident, killed: Count | None) -> float:
    score = ANCHOR_BASE.get(inc.anchor_kind, 0.5)
    if killed is not None and killed.value:
        score += 0.05
    if inc.place_own:
        score += 0.05
    if inc.date_own:
        score += 0.03
    if len(inc.sentences) > 1:
        score += 0.03
    if inc.soft_cue is not None:
        score -= 0.15
    return clamp(score)


def count_confidence(count: Count) -> float:
    base = min((m.confidence for m in count.mentions), default=0.7)
    factor = VAGUE_FACTOR if count.vague else QUALIFIER_FACTOR.get(count.qualifier or "exact", 0.75)
    if count.disputed:
        factor *= 0.8
    return clamp(base * factor)


def mention_confidence(m: Mention | None, how: str = "clause") -> float:
    if m is None:
        return 0.0
    return clamp(m.confidence * SCOPE_FACTOR.get(how, 0.8))


def type_confidence(inc: Incident) -> float:
    if inc.anchor_kind == "casualty":
        return 0.5
    best = max((t.confidence for t in inc.triggers), default=0.6)
    return clamp(best * (1.0 if inc.anchor_kind == "strong" else 0.7))
