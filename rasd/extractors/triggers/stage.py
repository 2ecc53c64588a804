"""Pipeline stage: event trigger mentions (what happened, typed by ACLED sub-event).

Per sentence: the longest trigger phrases from every lexicon (one matcher, so "قصف مدفعي"
beats "قصف"); then nearby modifier cues may re-type a trigger (highest ACLED hierarchy rank
wins), and guard contexts (sport, metaphor, accident...) are flagged, never dropped: the
events stage decides what a flagged trigger means.
"""

from __future__ import annotations

from typing import Any

from rasd.document import Document, Sentence, Token
from rasd.extractors.triggers.lexicon import (
    BLOCKER,
    PAIRS_FILE,
    Guard,
    Modifier,
    TriggerEntry,
    applies,
    guard_matcher,
    lexicon_file,
    modifier_matcher,
    pair_object_matcher,
    pair_verb_matcher,
    pairs,
    sub_event_types,
    trigger_matcher,
)
from rasd.match.phrases import Match, match_span

CONFIDENCE = {"strong": 0.9, "weak": 0.6}
GUARDED_FACTOR = 0.5
SPORT = "sport"


class TriggersStage:
    name = "triggers"
    version = "3"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("triggers needs the normalize and tokenize stages first")
        guards = guard_matcher().find_all(doc.tokens)
        by_sentence: dict[int, list[Match[Guard]]] = {}
        for guard in guards:
            by_sentence.setdefault(doc.tokens[guard.tok_start].sentence, []).append(guard)
        document_guard = _document_guard(guards)
        for sent in doc.sentences:
            _sentence_triggers(doc, sent, by_sentence.get(sent.index, []), document_guard)
        return doc


def _document_guard(guards: list[Match[Guard]]) -> Match[Guard] | None:
    """A guard whose words fill the whole document (a sports report), or None."""
    hits: dict[str, list[Match[Guard]]] = {}
    for match in guards:
        if match.payload.doc_min > 0:
            hits.setdefault(match.payload.context, []).append(match)
    for found in hits.values():
        if len(found) >= min(m.payload.doc_min for m in found):
            return found[0]
    return None


def _distance(a: Match[Any], b: Match[Any]) -> int:
    """Tokens between two non-overlapping matches (0 when adjacent)."""
    if a.tok_end <= b.tok_start:
        return b.tok_start - a.tok_end
    if b.tok_end <= a.tok_start:
        return a.tok_start - b.tok_end
    return -1  # overlap


def _near(trigger: Match[Any], cue: Match[Any], window: int) -> bool:
    """Within ``window`` tokens (0: anywhere in the sentence; negative: never)."""
    dist = _distance(trigger, cue)
    return dist >= 0 and window >= 0 and (window == 0 or dist < window)


def _best_modifier(trigger: Match[TriggerEntry], cues: list[Match[Modifier]]) -> Match[Modifier] | None:
    types = sub_event_types()
    fitting = [c for c in cues if applies(c.payload.applies_to, trigger.payload)
               and c.payload.becomes != trigger.payload.type_key and _near(trigger, c, c.payload.window)]
    if not fitting:
        return None
    return min(fitting, key=lambda c: (types[c.payload.becomes].rank, abs(_distance(trigger, c))))


def _inside(trigger: Match[TriggerEntry], cue: Match[Any]) -> bool:
    """A cue between the verb and the object of a split pair (in its subject: جرفت السيول منازل)."""
    return trigger.payload.key in pairs() and trigger.tok_start <= cue.tok_start and cue.tok_end <= trigger.tok_end


def _guard(trigger: Match[TriggerEntry], guards: list[Match[Guard]]) -> Match[Guard] | None:
    fitting = [g for g in guards if applies(g.payload.applies_to, trigger.payload)
               and (_near(trigger, g, g.payload.window) or (g.payload.window >= 0 and _inside(trigger, g)))]
    return min(fitting, key=lambda g: abs(_distance(trigger, g)), default=None)


def _lexicon_name(entry: TriggerEntry) -> str:
    return (PAIRS_FILE if entry.key in pairs() else lexicon_file(entry.type_key)).rsplit("/", 1)[-1]


def _split_pairs(tokens: list[Token], sent: Sentence) -> list[Match[TriggerEntry]]:
    """Verb ... object pairs (Arabic VSO puts the subject between: هدمت قوات الاحتلال منازل).

    Each verb takes the first object of one of its pairs that starts within the pair's window.
    """
    verbs = pair_verb_matcher().find(tokens, sent.tok_start, sent.tok_end)
    if not verbs:
        return []
    # overlaps allowed: قاعده عسكريه is an object of one pair, قاعده of another
    objects = sorted(pair_object_matcher().find_all(tokens, sent.tok_start, sent.tok_end),
                     key=lambda m: (m.tok_start, -m.tok_end))
    table = pairs()
    out: list[Match[TriggerEntry]] = []
    for verb in verbs:
        for obj in objects:
            gap = obj.tok_start - verb.tok_end
            shared = [table[k] for k in sorted(verb.payload & obj.payload) if gap < table[k].window]
            if gap >= 0 and shared:
                out.append(Match(verb.tok_start, obj.tok_end, f"{verb.phrase} ... {obj.phrase}",
                                 shared[0].entry, verb.exact, verb.prefix_len))
                break
    return out


def _with_pairs(tokens: list[Token], sent: Sentence, found: list[Match[TriggerEntry]]) -> list[Match[TriggerEntry]]:
    """Add split verb-object pairs; a weak or same-type trigger inside a pair is part of it."""
    split = _split_pairs(tokens, sent)
    if not split:
        return found

    # a strong one-phrase trigger of the same type on the verb or the object says it: no pair needed
    split = [p for p in split if not any(m.payload.strength == "strong" and m.payload.type_key == p.payload.type_key
                                         and (m.tok_start <= p.tok_start < m.tok_end
                                              or m.tok_start < p.tok_end <= m.tok_end) for m in found)]

    def absorbed(m: Match[TriggerEntry]) -> bool:
        return any(p.tok_start <= m.tok_start and m.tok_end <= p.tok_end
                   and (m.payload.strength != "strong" or m.payload.type_key in (p.payload.type_key, BLOCKER))
                   for p in split)

    kept = [m for m in found if not absorbed(m)]
    return sorted(kept + split, key=lambda m: m.tok_start)


def _sentence_triggers(doc: Document, sent: Sentence, guards: list[Match[Guard]],
                       document_guard: Match[Guard] | None) -> None:
    tokens, offsets = doc.tokens, doc.norm.offsets  # type: ignore[union-attr]
    found = _with_pairs(tokens, sent, trigger_matcher().find(tokens, sent.tok_start, sent.tok_end))
    if not found:
        return
    cues = modifier_matcher().find(tokens, sent.tok_start, sent.tok_end)
    types = sub_event_types()
    for match in found:
        entry = match.payload
        if entry.type_key == BLOCKER:
            continue
        type_key = entry.type_key
        value: dict[str, Any] = {"key": entry.key}
        cue = _best_modifier(match, cues)
        if cue is not None:
            value["retyped_from"] = types[type_key].sub_event_type
            value["cue"] = list(match_span(tokens, cue, offsets))
            value["modifier"] = cue.payload.key
            type_key = cue.payload.becomes
        sub = types[type_key]
        value.update(
            event_type=sub.event_type,
            sub_event_type=sub.sub_event_type,
            disorder_type=sub.disorder_type,
            strength=entry.strength,
            lexicon=_lexicon_name(entry),
            rank=sub.rank,
        )
        if entry.default_type:
            default = types[entry.default_type]
            value["default_sub_event_type"] = default.sub_event_type
            value["default_event_type"] = default.event_type
        guard = _guard(match, guards)
        scope = "sentence" if guard else None
        if guard is None and document_guard is not None:
            guard, scope = document_guard, "document"
        value["sport_context"] = guard is not None and guard.payload.context == SPORT
        value["guard"] = guard.payload.context if guard else None
        value["guard_key"] = guard.payload.key if guard else None
        value["guard_scope"] = scope  # "document": flagged by the words of the whole article
        value["guard_span"] = list(match_span(tokens, guard, offsets)) if guard else None
        confidence = CONFIDENCE.get(entry.strength, 0.5) * (GUARDED_FACTOR if guard else 1.0)
        start, end = match_span(tokens, match, offsets)
        doc.add_mention("trigger", start, end, value, confidence=confidence,
                        tok_start=match.tok_start, tok_end=match.tok_end, stage=TriggersStage.name)
