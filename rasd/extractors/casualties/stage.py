"""Pipeline stage: ``casualty`` mentions, one per casualty statement and type.

Reads the ``number`` mentions of the numbers stage and links them to casualty words (see
:mod:`rasd.extractors.casualties.statements`). Keys follow docs/mentions.md.
"""

from __future__ import annotations

from rasd.document import Document, Mention
from rasd.extractors.casualties.statements import SentenceReader, Statement
from rasd.limits import MAX_ARTICLE_INCIDENTS


def _span(doc: Document, a: int, b: int, prefix_len: int = 0) -> tuple[int, int]:
    first = doc.tokens[a]
    start = doc.norm.offsets[first.nstart + prefix_len] if prefix_len and doc.norm else first.start
    return start, doc.tokens[b - 1].end


def _value(doc: Document, stmt: Statement) -> dict[str, object]:
    count = stmt.count
    number_span = None
    if count.mention is not None:
        number_span = [count.mention.start, count.mention.end]
    trig = stmt.trigger
    trig_end = max(stmt.trigger_end or trig.end, (trig.close + 1) if trig.close is not None else 0)
    t_start, t_end = _span(doc, trig.start, trig_end, trig.prefix_len)
    return {
        "type": stmt.type,
        "min": count.min,
        "max": count.max,
        "qualifier": count.qualifier,
        "group": stmt.group,
        "subset": stmt.subset,
        "update": stmt.update,
        "aggregate": stmt.aggregate,
        "negated": stmt.negated,
        "zero": stmt.zero,
        "unknown": stmt.unknown,
        "preliminary": stmt.preliminary,
        "includes_attacker": stmt.includes_attacker,
        "attackers_extra": stmt.attackers_extra,
        "number_span": number_span,
        "trigger_span": [t_start, t_end],
    }


def _mention_span(doc: Document, stmt: Statement) -> tuple[int, int]:
    """Count + casualty word (+ group noun): the evidence a reader sees."""
    if stmt.subset or stmt.additive or stmt.item:
        a = stmt.count.tok_start if stmt.count.tok_start is not None else stmt.trigger.start
        b = stmt.count.tok_end if stmt.count.tok_end is not None else a + 1
        if stmt.group_span is not None:
            a, b = min(a, stmt.group_span[0]), max(b, stmt.group_span[1])
    else:
        a, b = stmt.tok_span()
    prefix = stmt.trigger.prefix_len if a == stmt.trigger.start else stmt.lead_clitic
    start, end = _span(doc, a, b, prefix)
    if stmt.count.mention is not None and a == stmt.count.tok_start:
        start = min(start, stmt.count.mention.start)
    return start, end


class CasualtiesStage:
    name = "casualties"
    version = "3"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None or not doc.tokens:
            return doc
        numbers_by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            if m.kind == "number" and m.tok_start is not None:
                numbers_by_sentence.setdefault(doc.tokens[m.tok_start].sentence, []).append(m)
        found = 0
        for sent in doc.sentences:
            if found >= MAX_ARTICLE_INCIDENTS:
                break  # event assembly reads no further (it warns): the rest is not worth reading
            reader = SentenceReader(doc.tokens, sent.tok_start, sent.tok_end,
                                    numbers_by_sentence.get(sent.index, []))
            if not reader.triggers:
                continue
            for stmt in reader.read():
                start, end = _mention_span(doc, stmt)
                tok_a, tok_b = stmt.tok_span()
                doc.add_mention(
                    "casualty",
                    start,
                    end,
                    _value(doc, stmt),
                    confidence=stmt.confidence,
                    tok_start=tok_a,
                    tok_end=tok_b,
                    stage=self.name,
                )
                found += 1
        return doc
