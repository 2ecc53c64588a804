"""Pipeline stage: event assembly (being written; adds nothing yet)."""

from __future__ import annotations

from rasd.document import Document


class EventsStage:
    name = "events"
    version = "0"

    def __call__(self, doc: Document) -> Document:
        return doc
