"""Pipeline stage: ``number`` mentions for every quantity in the article (see docs/mentions.md)."""

from __future__ import annotations

from rasd.document import Document
from rasd.extractors.numbers.grammar import Quantity, parse_quantity, parse_word_quantity
from rasd.extractors.numbers.lexicon import number_lexicon

DIGIT_CONFIDENCE = 0.95
WORD_CONFIDENCE = 0.85
VAGUE_CONFIDENCE = 0.8


def find_quantities(doc: Document, tok_start: int, tok_end: int) -> list[Quantity]:
    """Quantities among tokens ``[tok_start, tok_end)`` (one sentence), left to right."""
    tokens = doc.tokens
    starters = number_lexicon().starters
    out: list[Quantity] = []
    i = tok_start
    while i < tok_end:
        tok = tokens[i]
        qty = None
        if tok.kind == "number" or (tok.kind == "word" and not starters.isdisjoint(tok.forms)):
            qty = parse_quantity(tokens, i, tok_end)
            if qty is None and tok.kind == "word":
                qty = parse_word_quantity(tokens, i)
        if qty is None:
            i += 1
            continue
        out.append(qty)
        i = qty.tok_end
    return out


def _confidence(qty: Quantity) -> float:
    if qty.vague:
        return VAGUE_CONFIDENCE
    return DIGIT_CONFIDENCE if qty.digits else WORD_CONFIDENCE


class NumbersStage:
    name = "numbers"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None or (doc.text and not doc.tokens and not doc.sentences):
            return doc
        offsets = doc.norm.offsets
        for sent in doc.sentences:
            for qty in find_quantities(doc, sent.tok_start, sent.tok_end):
                first = doc.tokens[qty.tok_start]
                last = doc.tokens[qty.tok_end - 1]
                start = offsets[first.nstart + qty.prefix_len] if qty.prefix_len else first.start
                doc.add_mention(
                    "number",
                    start,
                    last.end,
                    qty.as_value(),
                    confidence=_confidence(qty),
                    tok_start=qty.tok_start,
                    tok_end=qty.tok_end,
                    stage=self.name,
                )
        return doc
