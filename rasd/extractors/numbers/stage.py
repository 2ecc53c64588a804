"""Pipeline stage: numbers mentions (being written; adds nothing yet)."""

from __future__ import annotations

from rasd.document import Document


class NumbersStage:
    name = "numbers"
    version = "0"

    def __call__(self, doc: Document) -> Document:
        return doc
