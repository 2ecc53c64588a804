"""A read-only index over one document for event assembly.

It answers the questions assembly asks many times: which clause a token is in, which
mentions of a kind lie in a sentence or clause, where a mention sits in token space, and
which lexicon cues occur where. Built once per article; nothing here is mutated after.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from rasd.document import Document, Mention
from rasd.events import lexicons
from rasd.match.phrases import Match


@dataclass(slots=True)
class Clause:
    index: int
    sentence: int
    tok_start: int
    tok_end: int
    shift: bool  # starts with a topic-shift connector


@dataclass(slots=True)
class Hit:
    """A lexicon match with its token range and payload."""

    tok_start: int
    tok_end: int
    payload: object
    start: int  # original offsets
    end: int


@dataclass(slots=True)
class ArticleView:
    doc: Document
    clauses: list[Clause] = field(default_factory=list)
    clause_of: list[int] = field(default_factory=list)
    by_sentence: dict[str, dict[int, list[Mention]]] = field(default_factory=dict)
    cues: list[Hit] = field(default_factory=list)
    context: list[Hit] = field(default_factory=list)
    roles: list[Hit] = field(default_factory=list)
    occasions: list[Hit] = field(default_factory=list)
    topic_cue: object = None  # a disaster/accident Verdict from the lead: counts alone are not incidents
    main_country: str | None = None  # ISO2 most places of the article are in
    _tok_starts: list[int] = field(default_factory=list)
    _content_rank: list[int] = field(default_factory=list)  # per token: content tokens before it
    barriers: list[int] = field(default_factory=list)  # clause starts no incident reaches across
    _hits_by_sentence: dict[int, tuple[list[Hit], dict[int, list[Hit]]]] = field(default_factory=dict)
    _clauses_by_sentence: dict[int, list[Clause]] | None = None
    memo: dict[str, dict] = field(default_factory=dict)  # per-sentence answers of the assembly steps
    last_sentence: int | None = None  # incidents are read up to this sentence (None: to the end)

    # -- token space ------------------------------------------------------------------------

    def tok_range(self, mention: Mention) -> tuple[int, int]:
        if mention.tok_start is not None and mention.tok_end is not None:
            return mention.tok_start, mention.tok_end
        return self.tok_range_of_span(mention.start, mention.end)

    def tok_range_of_span(self, start: int, end: int) -> tuple[int, int]:
        first = max(bisect_right(self._tok_starts, start) - 1, 0)
        last = max(bisect_right(self._tok_starts, max(end - 1, start)) - 1, first)
        return first, last + 1

    def content_gap(self, a: int, b: int) -> int:
        """Tokens between two token indices, not counting punctuation and date expressions
        ("قصف، امس الاربعاء، قاعدة ... بقذيفة" is one telling)."""
        if not self._content_rank:
            return abs(a - b)
        return abs(self._content_rank[a] - self._content_rank[b])

    def barrier_between(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return any(lo < t <= hi for t in self.barriers)

    def sentence_of_tok(self, tok: int) -> int:
        return self.doc.tokens[tok].sentence if self.doc.tokens else 0

    def clause_of_tok(self, tok: int) -> int:
        return self.clause_of[tok] if self.clause_of else 0

    def sentence_of(self, mention: Mention) -> int:
        if mention.sentence is not None:
            return mention.sentence
        return self.sentence_of_tok(self.tok_range(mention)[0])

    def clause_of_mention(self, mention: Mention) -> int:
        return self.clause_of_tok(self.tok_range(mention)[0])

    # -- mentions ----------------------------------------------------------------------------

    def read(self, kind: str) -> list[Mention]:
        """Mentions of ``kind`` in the part of the article whose incidents are assembled."""
        found = self.doc.mentions_of(kind)
        if self.last_sentence is None:
            return found
        return [m for m in found if m.sentence is not None and m.sentence <= self.last_sentence]

    def in_sentence(self, kind: str, sentence: int) -> list[Mention]:
        return self.by_sentence.get(kind, {}).get(sentence, [])

    def in_clause(self, kind: str, clause: int) -> list[Mention]:
        sent = self.clauses[clause].sentence if self.clauses else 0
        return [m for m in self.in_sentence(kind, sent) if self.clause_of_mention(m) == clause]

    def hits_in_sentence(self, hits: list[Hit], sentence: int) -> list[Hit]:
        # indexed once per hit list: a scan per call would make long documents quadratic
        cached = self._hits_by_sentence.get(id(hits))
        if cached is None or cached[0] is not hits:
            index: dict[int, list[Hit]] = defaultdict(list)
            for h in hits:
                index[self.sentence_of_tok(h.tok_start)].append(h)
            cached = (hits, dict(index))
            self._hits_by_sentence[id(hits)] = cached
        return cached[1].get(sentence, [])

    def clauses_in_sentence(self, sentence: int) -> list[Clause]:
        if self._clauses_by_sentence is None:
            index: dict[int, list[Clause]] = defaultdict(list)
            for clause in self.clauses:
                index[clause.sentence].append(clause)
            self._clauses_by_sentence = dict(index)
        return self._clauses_by_sentence.get(sentence, [])


def build_view(doc: Document, last_sentence: int | None = None) -> ArticleView:
    """The index of ``doc``; ``last_sentence`` ends the part whose incidents are assembled."""
    view = ArticleView(doc=doc, last_sentence=last_sentence)
    view._tok_starts = [t.start for t in doc.tokens]
    view._content_rank = _content_rank(view, doc)
    ranges = _candidate_ranges(doc, last_sentence)
    found = _find_each(lexicons.assembly_matcher(), doc, ranges)
    view.barriers = _after_event_ends(view, doc)
    view.clauses, view.clause_of = _split_clauses(doc, ranges, found["discourse"], view.barriers)
    by_sentence: dict[str, dict[int, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in doc.mentions:
        by_sentence[mention.kind][view.sentence_of(mention)].append(mention)
    for per_sentence in by_sentence.values():
        for items in per_sentence.values():
            items.sort(key=lambda m: (m.start, m.end))
    view.by_sentence = {k: dict(v) for k, v in by_sentence.items()}
    # Cue lexicons are only needed where a candidate stands (cost: one pass per lexicon there).
    view.cues = _hits(doc, found["cues"])
    # a claim of responsibility told in a sentence of its own ("وأعلن التنظيم مسؤوليته عنه") names
    # the perpetrator of the incident told before it: its cues are read there too
    claim_ranges = _claim_ranges(doc, ranges)
    if claim_ranges:
        view.cues += _hits(doc, _find_each(lexicons.assembly_matcher(), doc, claim_ranges)["cues"])
        view.cues.sort(key=lambda h: h.tok_start)
    view.cues = _without_cancelled(view, view.cues)
    view.context = _hits(doc, found["context"])
    view.roles = _hits(doc, found["roles"])
    view.occasions = _hits(doc, found["occasions"])
    view.topic_cue = _lead_topic(doc)
    view.main_country = _main_country(doc)
    return view


def _content_rank(view: ArticleView, doc: Document) -> list[int]:
    skip = [t.kind == "punct" for t in doc.tokens]
    for m in doc.mentions:
        if m.kind == "date":
            a, b = view.tok_range(m)
            for i in range(a, min(b, len(skip))):
                skip[i] = True
    ranks, count = [], 0
    for skipped in skip:
        ranks.append(count)
        count += not skipped
    return ranks


def _main_country(doc: Document) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for m in doc.mentions:
        if m.kind == "place" and m.value.get("iso2") and not m.value.get("is_reference"):
            counts[m.value["iso2"]] += 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: kv[1])
    return best[0] if best[1] * 2 > sum(counts.values()) else None


LEAD_SENTENCES = 2
TOPIC_REASONS = frozenset({"disaster", "accident"})


def _lead_topic(doc: Document):
    """A disaster or accident named in the article's lead makes it the article's topic."""
    from rasd.events.modality import Verdict

    lead = [(s.tok_start, s.tok_end) for s in doc.sentences[:LEAD_SENTENCES]]
    for hit in _hits(doc, _find(lexicons.cue_matcher(), doc, lead)):
        if hit.payload.reason in TOPIC_REASONS:  # type: ignore[attr-defined]
            return Verdict(hit.payload.reason, hit, True)  # type: ignore[attr-defined]
    return None


CANDIDATE_KINDS = ("trigger", "casualty")


def _candidate_ranges(doc: Document, last_sentence: int | None = None) -> list[tuple[int, int]]:
    """Token ranges of the sentences holding a trigger or casualty mention."""
    wanted = {doc.sentence_at(m.start) for m in doc.mentions if m.kind in CANDIDATE_KINDS}
    return [(s.tok_start, s.tok_end) for s in doc.sentences
            if s.index in wanted and (last_sentence is None or s.index <= last_sentence)]


CLAIM_SENTENCES_AFTER = 3


def _claim_ranges(doc: Document, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences with no candidate but an actor, up to 3 after a candidate sentence."""
    starts = {a for a, _ in ranges}
    candidate = [s.index for s in doc.sentences if s.tok_start in starts]
    with_actor = {doc.sentence_at(m.start) for m in doc.mentions if m.kind == "actor"}
    return [(s.tok_start, s.tok_end) for s in doc.sentences
            if s.tok_start not in starts and s.index in with_actor
            and any(0 < s.index - c <= CLAIM_SENTENCES_AFTER for c in candidate)]


def _find_each(matcher, doc: Document, ranges: list[tuple[int, int]]) -> dict[str, list[Match]]:
    """Per lexicon, its longest non-overlapping matches (as ``PhraseMatcher.find`` would give
    for that lexicon alone), from one pass of the combined matcher."""
    out: dict[str, list[Match]] = defaultdict(list)
    free_from: dict[str, int] = defaultdict(int)  # per lexicon: first token not yet covered
    for start, end in ranges:
        for i in range(start, end):
            for m in matcher.match_at(doc.tokens, i, end):  # longest first
                name, payload = m.payload
                if i < free_from[name]:
                    continue
                out[name].append(Match(m.tok_start, m.tok_end, m.phrase, payload, m.exact, m.prefix_len))
                free_from[name] = m.tok_end
    return out


def _find(matcher, doc: Document, ranges: list[tuple[int, int]]) -> list[Match]:
    found: list[Match] = []
    for start, end in ranges:
        found.extend(matcher.find(doc.tokens, start, end))
    return found


def _without_cancelled(view: ArticleView, hits: list[Hit]) -> list[Hit]:
    """The cue hits, less the cancelling rows (scope ``cancels``) and the cues they cancel: those of
    the same reason in the same clause. "توفي ... متأثرا بجروح أصيب بها": died of wounds is no
    natural death, so "توفي" says nothing about the incident there."""
    cancelled = {(h.payload.reason, view.clause_of_tok(h.tok_start))  # type: ignore[attr-defined]
                 for h in hits if h.payload.scope == "cancels"}  # type: ignore[attr-defined]
    if not cancelled:
        return hits
    return [h for h in hits if h.payload.scope != "cancels"  # type: ignore[attr-defined]
            and (h.payload.reason, view.clause_of_tok(h.tok_start)) not in cancelled]  # type: ignore[attr-defined]


def _hits(doc: Document, matches: list[Match]) -> list[Hit]:
    from rasd.match.phrases import match_span

    offsets = doc.norm.offsets if doc.norm else []
    out = []
    for m in matches:
        start, end = match_span(doc.tokens, m, offsets) if offsets else (
            doc.tokens[m.tok_start].start, doc.tokens[m.tok_end - 1].end)
        out.append(Hit(m.tok_start, m.tok_end, m.payload, start, end))
    return out


def _after_event_ends(view: ArticleView, doc: Document) -> list[int]:
    """"ويأتي التفجير بعد يومين من انفجارين ...": what follows "بعد N من" is another incident, told
    as the anchor of the narrative day; it starts a clause that no trigger before it reaches."""
    return sorted(view.tok_range(m)[1] for m in doc.mentions
                  if m.kind == "date" and m.value.get("key") == "after_event")


def _split_clauses(doc: Document, ranges: list[tuple[int, int]], found: list[Match],
                   barriers: list[int] = ()) -> tuple[list[Clause], list[int]]:
    """Clauses: sentences cut at clause punctuation and discourse connectors (``found``: the
    connector matches in the candidate sentences). Sentences without a candidate are one clause
    each; only a topic shift at their start counts."""
    matcher = lexicons.discourse_matcher()
    found = list(found)
    inside = {start for start, _ in ranges}
    for sent in doc.sentences:
        if sent.tok_start not in inside and sent.tok_end > sent.tok_start:
            found.extend(matcher.match_at(doc.tokens, sent.tok_start, sent.tok_end)[:1])
    starts: dict[int, bool] = {}  # token index -> starts a topic shift
    connectors: set[int] = set()
    for m in found:
        first = doc.tokens[m.tok_start]
        if first.kind == "punct":
            starts[m.tok_end] = starts.get(m.tok_end, False)
        else:
            starts[m.tok_start] = starts.get(m.tok_start, False) or m.payload == "shift"
            connectors.add(m.tok_start)
    _keep_parenthetical_dates(doc, starts, connectors)
    for tok in barriers:
        starts.setdefault(tok, False)
    clauses: list[Clause] = []
    clause_of = [0] * len(doc.tokens)
    for sent in doc.sentences:
        begin = sent.tok_start
        shift = starts.get(begin, False)
        for i in range(sent.tok_start + 1, sent.tok_end):
            if i in starts and i > begin:
                clauses.append(Clause(len(clauses), sent.index, begin, i, shift))
                begin, shift = i, starts[i]
        clauses.append(Clause(len(clauses), sent.index, begin, sent.tok_end, shift))
    for clause in clauses:
        for i in range(clause.tok_start, clause.tok_end):
            clause_of[i] = clause.index
    return clauses, clause_of


def _keep_parenthetical_dates(doc: Document, starts: dict[int, bool], connectors: set[int]) -> None:
    """"قصف التنظيم، امس الاربعاء، قاعدة ...": a date set off by two commas is an aside inside
    the clause, not two clause breaks (the verb and its object stay one clause)."""
    tok_starts = [t.start for t in doc.tokens]
    for m in doc.mentions:
        if m.kind != "date":
            continue
        if m.tok_start is not None and m.tok_end is not None:
            a, b = m.tok_start, m.tok_end
        else:
            a = max(bisect_right(tok_starts, m.start) - 1, 0)
            b = max(bisect_right(tok_starts, m.end - 1) - 1, a) + 1
        if a == 0:
            continue
        comma_after = b < len(doc.tokens) and doc.tokens[b].kind == "punct"
        if (a in starts and a not in connectors and comma_after and b + 1 in starts and b + 1 not in connectors
                and doc.tokens[a - 1].kind == "punct" and doc.tokens[a - 1].sentence == doc.tokens[b].sentence):
            del starts[a], starts[b + 1]
