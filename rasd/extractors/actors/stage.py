"""Pipeline stage: actor mentions (who fought, who was hit).

Per sentence, the longest phrases of the actor dictionary (named groups, generic role words,
blockers). A nationality adjective right after a generic phrase settles its country
(الجيش العراقي -> Iraq; غارة أمريكية -> the United States' forces); otherwise the document's
country does. State forces are named for the publication date and, where a country has
competing state forces, for the area of the nearest place named (the army in Benghazi after
2014 is the House of Representatives'); state forces of another country than the document's act
as external forces (inter 8).
"""

from __future__ import annotations

from typing import Any

from rasd.document import Document, Mention, Sentence, Token
from rasd.extractors.actors.country import focus_country
from rasd.extractors.actors.lexicon import (
    ActorEntry,
    actor_matcher,
    adjective_stops,
    context_words,
    has_areas,
    nationality_adjectives,
)
from rasd.extractors.actors.resolve import resolve_actor
from rasd.extractors.triggers.scan import span_keeping_article
from rasd.match.phrases import Match

ADJECTIVE_LOOKAHEAD = 2  # words after a generic phrase searched for a nationality adjective
DESIGNATION_KINDS = frozenset({"latin", "number"})  # "F-16", "Su-24": skipped before an adjective
DESIGNATION_PUNCT = frozenset({"-", "/"})
MAX_DESIGNATION = 4  # tokens of a model designation skipped
REFINE_GAP = 2  # tokens (a dash, a comma) between a group and the faction named after it


class ActorsStage:
    name = "actors"
    version = "2"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("actors needs the normalize and tokenize stages first")
        found = [(sent, m) for sent in doc.sentences for m in _sentence_matches(doc, sent)]
        if not found:
            return doc
        votes = [m.payload.country for _, m in found if m.payload.country and not m.payload.generic]
        focus = focus_country(doc, votes)
        places = doc.mentions_of("place") if has_areas(focus) or any(
            has_areas(m.payload.state) for _, m in found) else []
        for sent, match in found:
            _add_actor(doc, sent, match, focus, places)
        return doc


def _sentence_matches(doc: Document, sent: Sentence) -> list[Match[ActorEntry]]:
    matches = [m for m in actor_matcher().find(doc.tokens, sent.tok_start, sent.tok_end) if not m.payload.blocker]
    matches = _merge_refinements(doc.tokens, matches)
    matches = [m for m in matches if not _names_a_source(doc.tokens, m, sent.tok_start)]
    matches = [m for m in matches if not m.payload.needs_count or _after_number(doc, m)]
    return _drop_partitive_generics(doc.tokens, matches)


PARTITIVE_GAP = 2  # link words between "two soldiers" and "of the AU mission"
SOURCE_LOOKBACK = 4  # tokens before an actor searched for "according to the spokesman of"
PARTITIVE_INTERS = frozenset({1, 3})  # generic forces and gunmen whose group is named right after


def _after_number(doc: Document, m: Match[ActorEntry]) -> bool:
    """The phrase follows a number (digits or a number word the numbers stage read)."""
    if m.tok_start == 0:
        return False
    prev = doc.tokens[m.tok_start - 1]
    return prev.kind == "number" or any(n.end == prev.end for n in doc.mentions_of("number"))


def _has(tok: Token, kind: str) -> bool:
    return not context_words()[kind].isdisjoint(tok.forms)


def _names_a_source(tokens: list[Token], m: Match[ActorEntry], first: int) -> bool:
    """"a source in the police" (مصدر في الشرطة), "according to the police spokesman"
    (وفقا للمتحدث باسم الشرطة): the force is where the information comes from, not an actor."""
    i = m.tok_start
    if i - 2 >= first and _has(tokens[i - 1], "source_link") and _has(tokens[i - 2], "source_head"):
        return True
    if i - 3 >= first and _has(tokens[i - 1], "spokesman_link") and _has(tokens[i - 2], "spokesman"):
        return any(_has(tokens[j], "attribution") for j in range(max(first, i - 2 - SOURCE_LOOKBACK), i - 2))
    return False


def _drop_partitive_generics(tokens: list[Token], matches: list[Match[ActorEntry]]) -> list[Match[ActorEntry]]:
    """"two soldiers of the AU mission forces" (جنديان من قوات بعثة الاتحاد الأفريقي): the named
    actor right after a generic force word is the one meant; the generic word is dropped."""
    out: list[Match[ActorEntry]] = []
    for k, m in enumerate(matches):
        # a weapon word waiting for its nationality (قوات) may sit in the gap
        nxt = next((n for n in matches[k + 1:] if not n.payload.needs_adjective), None)
        if (nxt is not None and m.payload.generic and m.payload.inter in PARTITIVE_INTERS
                and not nxt.payload.generic and 0 < nxt.tok_start - m.tok_end <= PARTITIVE_GAP
                and all(_has(tokens[i], "partitive") for i in range(m.tok_end, nxt.tok_start))):
            continue
        out.append(m)
    return out


def _merge_refinements(tokens: list[Token], matches: list[Match[ActorEntry]]) -> list[Match[ActorEntry]]:
    """"SLM/A - Minnawi faction": a faction named right after its movement is one mention."""
    out: list[Match[ActorEntry]] = []
    for m in matches:
        prev = out[-1] if out else None
        if (prev is not None and m.payload.refines and m.payload.refines == prev.payload.key
                and m.tok_start - prev.tok_end <= REFINE_GAP
                and all(tokens[i].kind == "punct" for i in range(prev.tok_end, m.tok_start))):
            out[-1] = Match(prev.tok_start, m.tok_end, f"{prev.phrase} {m.phrase}", m.payload, prev.exact,
                            prev.prefix_len)
            continue
        out.append(m)
    return out


def _skip_designation(tokens: list[Token], i: int, stop: int) -> int:
    """Index of the first token after a model designation ("F-16") starting at ``i``."""
    j = i
    while j < stop and j - i < MAX_DESIGNATION and (
        tokens[j].kind in DESIGNATION_KINDS or (tokens[j].kind == "punct" and tokens[j].norm in DESIGNATION_PUNCT)
    ):
        j += 1
    return j


def _adjective_after(doc: Document, sent: Sentence, match: Match[ActorEntry]) -> tuple[str, int] | None:
    """(ISO2, token end) of a nationality adjective within the next words of the sentence.

    Rows that need an adjective (a weapon: غارة أمريكية) take only the next word, after a model
    designation (طائرات F-16 العراقية); "Russian-made" (صواريخ روسية الصنع) names a make, not
    who fired.
    """
    adjectives = nationality_adjectives()
    i = _skip_designation(doc.tokens, match.tok_end, sent.tok_end)
    words = 1 if match.payload.needs_adjective else ADJECTIVE_LOOKAHEAD
    for _ in range(words):
        if i >= sent.tok_end:
            return None
        tok = doc.tokens[i]
        if tok.kind != "word":
            return None
        iso2 = next((adjectives[f] for f in tok.forms if f in adjectives), None)
        if iso2 is not None:
            after = doc.tokens[i + 1] if i + 1 < sent.tok_end else None
            if after is not None and not adjective_stops().isdisjoint(after.forms):
                return None
            return iso2, i + 1
        i += 1
    return None


def _area(places: list[Mention], iso2: str | None, start: int, sent: Sentence) -> str | None:
    """admin1 of the place an actor acts in: the nearest place of its sentence, else the last
    place named before it, else the first place of the article (of the actor's country)."""
    own = [p for p in places if p.value.get("iso2") == iso2 and p.value.get("admin1")
           and not p.value.get("is_reference")]
    if not own:
        return None
    same = [p for p in own if sent.start <= p.start < sent.end]
    if same:
        return min(same, key=lambda p: abs(p.start - start)).value["admin1"]
    before = [p for p in own if p.start < start]
    return (before[-1] if before else own[0]).value["admin1"]


def _add_actor(doc: Document, sent: Sentence, match: Match[ActorEntry], focus: str | None,
               places: list[Mention]) -> None:
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
    start, _ = span_keeping_article(doc.tokens, match, doc.norm.offsets)  # type: ignore[union-attr]
    state = entry.state or (country if templated else None)
    area = _area(places, state, start, sent) if places and entry.by_area and has_areas(state) else None
    value: dict[str, Any] = resolve_actor(entry.key, country, date=doc.meta.published, focus=focus, area=area)
    value["country_from"] = source if templated and value["country"] else ("entry" if value["country"] else None)
    if adjective is not None:
        value["generic"] = False  # the nationality names the actor outright: no re-naming by context
    if area:
        value["area"] = area
    end = doc.tokens[tok_end - 1].end
    doc.add_mention("actor", start, end, value, confidence=entry.confidence,
                    tok_start=match.tok_start, tok_end=tok_end, stage=ActorsStage.name)
