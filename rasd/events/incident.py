"""The working record of one incident while it is being assembled (before it is an Event)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasd.document import Mention
from rasd.events.view import Hit


@dataclass(slots=True)
class DatePick:
    date: str | None
    precision: int | None
    confidence: float
    mention: Mention | None
    how: str  # "clause", "sentence", "discourse", "published", "none", or the dates helper's own


@dataclass(slots=True)
class ActorSlot:
    mention: Mention
    role: str  # "actor1" | "actor2"
    name: str
    inter: int | None
    marked: bool = False  # a role marker (agent/target/between/with) settled the role
    after: bool = False  # named after the incident's trigger word, not right after it


@dataclass(slots=True)
class Incident:
    anchor: Mention  # the trigger (or the casualty mention when no trigger names the event)
    anchor_kind: str  # "strong" | "weak" | "casualty"
    sentence: int
    clause: int
    tok: int  # anchor's first token
    event_type: str | None
    sub_event_type: str | None
    triggers: list[Mention] = field(default_factory=list)
    casualties: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    place_how: str = "none"  # clause | sentence | discourse | none
    date: DatePick | None = None
    actors: list[ActorSlot] = field(default_factory=list)
    sources: list[Mention] = field(default_factory=list)
    context: list[Hit] = field(default_factory=list)  # air / civilian-target cues used
    occasions: Hit | None = None
    soft_cue: Hit | None = None  # a soft non-event cue that a count overrode
    sentences: set[int] = field(default_factory=set)  # every sentence that told it
    typed_by_victims: bool = False  # no trigger settled the type: it came from the victims
    tellings: list[tuple[list[Mention], bool]] = field(default_factory=list)  # filled when merging
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def date_own(self) -> bool:
        return self.date is not None and self.date.how in ("clause", "sentence", "own")

    @property
    def place_own(self) -> bool:
        return self.place is not None and self.place_how in ("clause", "sentence")


def tellings_of(inc: Incident) -> list[tuple[list[Mention], bool]]:
    """Casualties per telling (one telling until retellings are merged in)."""
    return inc.tellings or [(list(inc.casualties), inc.place_own and inc.date_own)]
