"""Pipeline stage: actors mentions (being written; adds nothing yet)."""

from __future__ import annotations

from rasd.document import Document


class ActorsStage:
    name = "actors"
    version = "0"

    def __call__(self, doc: Document) -> Document:
        return doc
