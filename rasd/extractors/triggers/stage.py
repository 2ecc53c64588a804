"""Pipeline stage: triggers mentions (being written; adds nothing yet)."""

from __future__ import annotations

from rasd.document import Document


class TriggersStage:
    name = "triggers"
    version = "0"

    def __call__(self, doc: Document) -> Document:
        return doc
