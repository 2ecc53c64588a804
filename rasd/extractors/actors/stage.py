"""Pipeline stage: actor mentions (who fought, who was hit).

Per sentence, the longest phrases of the actor dictionary (named groups, generic role words,
blockers). A nationality adjective right after a generic phrase settles its country
(الجيش العراقي -> Iraq); otherwise the document's country does. State forces are named for
the publication date; state forces of another country than the document's act as external
forces (inter 8).
"""

from __future__ import annotations

from typing import Any

from rasd.document import Document, Sentence
from rasd.extractors.actors.country import focus_country
from rasd.extractors.actors.lexicon import ActorEntry, actor_matcher, nationality_adjectives
from rasd.extractors.actors.resolve import resolve_actor
from rasd.extractors.triggers.scan import span_keeping_article
from rasd.match.phrases import Match

ADJECTIVE_LOOKAHEAD = 2  # tokens after a generic phrase searched for a nationality adjective


class ActorsStage:
    name = "actors"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("actors needs the normalize and tokenize stages first")
        found = [(sent, m) for sent in doc.sentences for m in _sentence_matches(doc, sent)]
        if not found:
            return doc
        votes = [m.payload.country for _, m in found if m.payload.country and not m.payload.generic]
        focus = focus_country(doc, votes)
        for sent, match in found:
            _add_actor(doc, sent, match, focus)
        return doc


def _sentence_matches(doc: Document, sent: Sentence) -> list[Match[ActorEntry]]:
    return [m for m in actor_matcher().find(doc.tokens, sent.tok_start, sent.tok_end) if not m.payload.blocker]


def _adjective_after(doc: Document, sent: Sentence, match: Match[ActorEntry]) -> tuple[str, int] | None:
    """(ISO2, token end) of a nationality adjective within the next tokens of the sentence."""
    adjectives = nationality_adjectives()
    stop = min(sent.tok_end, match.tok_end + ADJECTIVE_LOOKAHEAD)
    for i in range(match.tok_end, stop):
        tok = doc.tokens[i]
        if tok.kind != "word":
            return None
        for form in tok.forms:
            if form in adjectives:
                return adjectives[form], i + 1
    return None


def _add_actor(doc: Document, sent: Sentence, match: Match[ActorEntry], focus: str | None) -> None:
    entry = match.payload
    tok_end = match.tok_end
    country, source = focus, "document"
    templated = entry.generic or "{country}" in entry.name
    adjective = _adjective_after(doc, sent, match) if templated else None
    if adjective is None and entry.needs_adjective:
        return
    if adjective is not None:
        country, tok_end = adjective
        source = "adjective"
    value: dict[str, Any] = resolve_actor(entry.key, country, date=doc.meta.published, focus=focus)
    value["country_from"] = source if templated and value["country"] else ("entry" if value["country"] else None)
    start, _ = span_keeping_article(doc.tokens, match, doc.norm.offsets)  # type: ignore[union-attr]
    end = doc.tokens[tok_end - 1].end
    doc.add_mention("actor", start, end, value, confidence=entry.confidence,
                    tok_start=match.tok_start, tok_end=tok_end, stage=ActorsStage.name)
