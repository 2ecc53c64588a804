"""Pipeline stage: place mentions resolved to gazetteer places (see ``geoparse``)."""

from __future__ import annotations

from rasd.document import Document
from rasd.extractors.places.geoparse import geoparse, mention_value
from rasd.match.phrases import match_span


class PlacesStage:
    name = "places"
    version = "2"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("places needs the normalize and tokenize stages first")
        for res in geoparse(doc):
            start, end = match_span(doc.tokens, res.match, doc.norm.offsets)
            doc.add_mention(
                "place", start, end, mention_value(res, doc), confidence=res.confidence,
                tok_start=res.match.tok_start, tok_end=res.match.tok_end, stage=self.name,
            )
        return doc
