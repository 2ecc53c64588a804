"""Pipeline stage: source mentions (who reported it), for ``reported_by`` and ACLED ``source``.

Per sentence: attribution cues (according to, said, relayed ... from) and source nouns
(hospital, agency, military sources, known outlets). A noun counts as a source when a cue
precedes it closely (VSO and prepositional attribution), or a verb cue follows it closely;
its written name is extended over the name that follows (مستشفى الجلاء للجراحة والحوادث).
Known outlets count even without a cue (datelines such as "(رويترز)").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from rasd.document import Document, Sentence, Token
from rasd.extractors.actors.country import focus_country
from rasd.extractors.actors.lexicon import country_names, nationality_adjectives
from rasd.extractors.sources.lexicon import (
    AFFILIATION_CLITIC,
    AFFILIATION_PREP,
    RELAY,
    RELAY_FROM,
    VERB,
    Cue,
    SourceEntry,
    affiliation_words,
    boundary_words,
    cue_matcher,
    extension_words,
    source_matcher,
)
from rasd.extractors.triggers.scan import span_keeping_article
from rasd.match.phrases import Match, match_span
from rasd.tokenize.clitics import definite_article

MAX_GAP_BEFORE = 3  # tokens allowed between a cue and the source after it
MAX_GAP_AFTER = 1  # tokens allowed between a source and a verb cue after it
MAX_EXTENSION = 6
CONFIDENCE_ADJACENT = 0.9
CONFIDENCE_NEAR = 0.75
CONFIDENCE_NO_CUE = 0.6
CLOSING_QUOTE = {"\u00ab": "\u00bb", "\u201c": "\u201d", "\u201e": "\u201d"}  # « » “ ” „
QUOTES = frozenset({*CLOSING_QUOTE, '"', "'"})
NAME = "name"  # extend mode of head nouns followed by a name
ADJECTIVE, PARTICLE = "adjective", "particle"  # roles in sources/extensions.tsv


class SourcesStage:
    name = "sources"
    version = "2"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("sources needs the normalize and tokenize stages first")
        focus = cache(lambda: focus_country(doc))  # the article's country, found once when needed
        for sent in doc.sentences:
            _sentence_sources(doc, sent, focus)
        return doc


def _is_definite(tok: Token) -> bool:
    article = definite_article()
    return any(form.startswith(article) and len(form) > len(article) + 1 for form in tok.forms)


def _is_boundary(tok: Token) -> bool:
    return tok.kind != "word" or any(f in boundary_words() for f in tok.forms)


def _blocks(tok: Token, cue_tokens: set[int]) -> bool:
    return tok.index in cue_tokens or _is_boundary(tok)


def _extend(doc: Document, sent: Sentence, match: Match[SourceEntry], cue_tokens: set[int],
            source_tokens: set[int]) -> int:
    """Token end of the source's written name (the noun plus the name or adjectives after it)."""
    mode = match.payload.extend
    end = match.tok_end
    if mode == "none":
        return end
    if mode == NAME:
        quoted = _quoted_name_end(doc, sent, end)
        if quoted is not None:
            return quoted
    adjectives = nationality_adjectives()
    describing = extension_words(ADJECTIVE)
    particles = extension_words(PARTICLE)
    head_definite = _is_definite(doc.tokens[match.tok_end - 1])
    stop = min(sent.tok_end, match.tok_end + MAX_EXTENSION)
    for i in range(match.tok_end, stop):
        tok = doc.tokens[i]
        if _blocks(tok, cue_tokens) or i in source_tokens:
            break
        if not affiliation_words().isdisjoint(tok.forms):
            return _affiliation_end(doc, sent, i, cue_tokens, source_tokens) or end
        after_particle = i > match.tok_end and not particles.isdisjoint(doc.tokens[i - 1].forms)
        construct = mode == NAME and ((i == match.tok_end and not head_definite) or after_particle)
        if not (construct or _is_definite(tok) or any(f in adjectives or f in describing for f in tok.forms)):
            break
        end = i + 1
    return end


GOVERNED_WORDS = 2  # words an affiliation preposition governs (هذه الحكومة, حكومة الوفاق)


def _affiliation_end(doc: Document, sent: Sentence, i: int, cue_tokens: set[int],
                     source_tokens: set[int]) -> int | None:
    """Token end of "close to this government" (القريبة من هذه الحكومة) starting at the
    participle ``i``; None when no preposition and governed word follow (the participle then
    stays out of the name)."""
    j = i + 1
    if j >= sent.tok_end:
        return None
    nxt = doc.tokens[j]
    if not extension_words(AFFILIATION_PREP).isdisjoint(nxt.forms):
        j += 1  # a separate preposition (من, إلى); otherwise a clitic لـ is on the governed word
    elif not (nxt.kind == "word" and len(nxt.forms) > 1
              and any(nxt.norm.startswith(c) for c in extension_words(AFFILIATION_CLITIC))):
        return None
    end = None
    stop = min(sent.tok_end, j + GOVERNED_WORDS)
    for k in range(j, stop):
        tok = doc.tokens[k]
        # the governed word may itself be a source noun (الحكومة): it belongs to this name
        if tok.kind != "word" or k in cue_tokens or any(f in boundary_words() for f in tok.forms):
            break
        end = k + 1
    return end


def _quoted_name_end(doc: Document, sent: Sentence, start: int) -> int | None:
    """Token end of a quoted name right after a noun (صحيفة «نيويورك تايمز»), or None."""
    if start >= sent.tok_end or doc.tokens[start].norm not in QUOTES:
        return None
    closing = CLOSING_QUOTE.get(doc.tokens[start].norm, doc.tokens[start].norm)
    for i in range(start + 1, min(sent.tok_end, start + MAX_EXTENSION + 2)):
        if doc.tokens[i].norm == closing:
            return i + 1 if i > start + 1 else None
    return None


def _cue_for(doc: Document, match: Match[SourceEntry], end: int, cues: list[Match[Cue]],
             sources: list[Match[SourceEntry]], relay_seen_before: int | None) -> Match[Cue] | None:
    """The attribution cue of a source: closest before it, else a verb right after it.

    Nothing but plain words may stand between a cue and its source: another source, or a
    boundary word (قال ... إن الجيش: after "that" comes the content, not the source).
    """
    before = [c for c in cues if c.tok_end <= match.tok_start and match.tok_start - c.tok_end <= MAX_GAP_BEFORE]
    before = [c for c in before if not any(c.tok_end <= s.tok_start < match.tok_start for s in sources)]
    before = [c for c in before if not any(_is_boundary(doc.tokens[i]) and doc.tokens[i].norm not in QUOTES
                                           for i in range(c.tok_end, match.tok_start))]
    before = [c for c in before if c.payload.kind != RELAY_FROM
              or (relay_seen_before is not None and relay_seen_before < c.tok_start)]
    if before:
        return max(before, key=lambda c: c.tok_end)
    after = [c for c in cues if c.payload.kind in (VERB, RELAY) and 0 <= c.tok_start - end <= MAX_GAP_AFTER]
    return min(after, key=lambda c: c.tok_start, default=None)


def _merge_named_heads(sources: list[Match[SourceEntry]]) -> list[Match[SourceEntry]]:
    """A head noun right before another source names it: قناة + الجزيرة, المتحدث باسم + وزارة
    الصحة. The pair is one source, of the second's kind, written from the head on."""
    out: list[Match[SourceEntry]] = []
    for match in sources:
        prev = out[-1] if out else None
        if (prev is not None and prev.payload.extend == NAME and not prev.payload.outlet
                and prev.tok_end == match.tok_start):
            out[-1] = Match(prev.tok_start, match.tok_end, f"{prev.phrase} {match.phrase}", match.payload,
                            prev.exact, prev.prefix_len)
        else:
            out.append(match)
    return out


COUNTRY = "{country}"


def _fill_country(template: str, doc: Document, name_tokens: range, focus: Callable[[], str | None]) -> str:
    """"Ministry of Health ({country})" for the country of a nationality adjective in the written
    name (وزارة الصحة الفلسطينية), else the article's; without one the bracket is left out."""
    adjectives = nationality_adjectives()
    iso2 = next((adjectives[f] for i in name_tokens for f in doc.tokens[i].forms if f in adjectives), None)
    country = country_names().get(iso2 or focus() or "")
    return template.replace(COUNTRY, country) if country else template.replace(f" ({COUNTRY})", "")


def _sentence_sources(doc: Document, sent: Sentence, focus: Callable[[], str | None]) -> None:
    tokens, offsets = doc.tokens, doc.norm.offsets  # type: ignore[union-attr]
    sources = _merge_named_heads(source_matcher().find(tokens, sent.tok_start, sent.tok_end))
    if not sources:
        return
    cues = cue_matcher().find(tokens, sent.tok_start, sent.tok_end)
    cue_tokens = {i for c in cues for i in range(c.tok_start, c.tok_end)}
    source_tokens = {i for s in sources for i in range(s.tok_start, s.tok_end)}
    relays = [c.tok_start for c in cues if c.payload.kind == RELAY]
    relay_start = min(relays) if relays else None
    relaying: tuple[int, int] | None = None  # span of the outlet that relays, once seen
    for match in sources:
        entry = match.payload
        end_tok = _extend(doc, sent, match, cue_tokens, source_tokens)
        cue = _cue_for(doc, match, end_tok, cues, sources, relay_start)
        if cue is None and not entry.outlet:
            continue
        start, _ = span_keeping_article(tokens, match, offsets)
        end = tokens[end_tok - 1].end
        canonical = entry.canonical
        if canonical and COUNTRY in canonical:
            canonical = _fill_country(canonical, doc, range(match.tok_start, end_tok), focus)
        value: dict[str, Any] = {
            "name": doc.text[start:end],
            "canonical": canonical,
            "english": canonical or entry.english,
            "kind": entry.kind,
            "via": list(match_span(tokens, cue, offsets)) if cue else None,
            "key": entry.key,
            "outlet": entry.outlet,
            "scale": entry.scale,
        }
        if cue is not None and cue.payload.kind == RELAY_FROM and relaying is not None:
            value["cited_by"] = list(relaying)
        if cue is not None and cue.payload.kind == RELAY:
            relaying = (start, end)
        if cue is None:
            confidence = CONFIDENCE_NO_CUE
        else:
            gap = max(match.tok_start - cue.tok_end, cue.tok_start - end_tok)
            confidence = CONFIDENCE_ADJACENT if gap <= 0 else CONFIDENCE_NEAR
        doc.add_mention("source", start, end, value, confidence=confidence,
                        tok_start=match.tok_start, tok_end=end_tok, stage=SourcesStage.name)
