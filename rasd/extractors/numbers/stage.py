"""Pipeline stage: ``number`` mentions for every quantity in the article (see docs/mentions.md)."""

from __future__ import annotations

from rasd.document import Document
from rasd.extractors.numbers.grammar import Quantity, parse_quantity, parse_word_quantity, within_range
from rasd.extractors.numbers.lexicon import number_lexicon

DIGIT_CONFIDENCE = 0.95
WORD_CONFIDENCE = 0.85
VAGUE_CONFIDENCE = 0.8
# Quotation marks (as normalized tokens) that may wrap a lone quantity: «عشرات», "عشرات".
QUOTE_MARKS = frozenset("\"'\u00ab\u00bb\u201c\u201d\u2018\u2019")


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
        if all(within_range(v) for v in (qty.value, qty.min, qty.max)):
            out.append(qty)
        i = qty.tok_end
    return out


def _quoted(doc: Document, qty: Quantity, tok_start: int, tok_end: int) -> tuple[int, int]:
    """Token range of a quantity, widened over quotation marks that wrap it alone
    ("قتل «عشرات» المدنيين"), so that the count sits next to its verb and noun."""
    a, b = qty.tok_start, qty.tok_end
    tokens = doc.tokens
    if a - 1 >= tok_start and b < tok_end and tokens[a - 1].norm in QUOTE_MARKS and tokens[b].norm in QUOTE_MARKS:
        return a - 1, b + 1
    return a, b


def _confidence(qty: Quantity) -> float:
    if qty.vague:
        return VAGUE_CONFIDENCE
    return DIGIT_CONFIDENCE if qty.digits else WORD_CONFIDENCE


class NumbersStage:
    name = "numbers"
    version = "2"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None or (doc.text and not doc.tokens and not doc.sentences):
            return doc
        offsets = doc.norm.offsets
        for sent in doc.sentences:
            for qty in find_quantities(doc, sent.tok_start, sent.tok_end):
                tok_a, tok_b = _quoted(doc, qty, sent.tok_start, sent.tok_end)
                first = doc.tokens[tok_a]
                last = doc.tokens[tok_b - 1]
                start = offsets[first.nstart + qty.prefix_len] if qty.prefix_len and tok_a == qty.tok_start \
                    else first.start
                doc.add_mention(
                    "number",
                    start,
                    last.end,
                    qty.as_value(),
                    confidence=_confidence(qty),
                    tok_start=tok_a,
                    tok_end=tok_b,
                    stage=self.name,
                )
        return doc
