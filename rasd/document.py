"""The one typed document that flows through every pipeline stage.

A :class:`Document` starts as the original article text plus metadata. Stages add a
normalized view (with an offset map back to the original), sentences, tokens, mentions and
finally events. The original text is never modified; every ``start``/``end`` stored on a
token, mention or evidence item indexes ``Document.text``.

Everything here is plain data (dataclasses of str/int/float/dict/list) so a document can be
serialized with :meth:`Document.to_dict`, pickled into a worker process, or rebuilt later.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any

MENTION_KINDS = (
    "number",
    "casualty",
    "place",
    "date",
    "actor",
    "trigger",
    "source",
    "non_event",
)


@dataclass(slots=True)
class ArticleMeta:
    id: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601 date or datetime (with offset when known)
    title: str | None = None
    language: str | None = None
    timezone: str | None = None  # IANA name used to read a naive ``published``
    source_scale: str | None = None


@dataclass(slots=True)
class NormText:
    """Normalized text for matching plus the map back to the original.

    ``offsets[i]`` is the index in the original text of normalized character ``i``. Inserted
    characters (e.g. a space that splits a glued word) point at the original character that
    follows them. ``offsets`` has one extra trailing entry: the original length.
    """

    text: str
    offsets: list[int]

    def to_orig(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a half-open normalized span to the half-open original span it covers."""
        if nend <= nstart:
            pos = self.offsets[nstart]
            return pos, pos
        start = self.offsets[nstart]
        end = self.offsets[nend - 1] + 1
        return start, max(end, start)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # original offsets
    end: int
    nstart: int  # normalized offsets
    nend: int
    tok_start: int  # token index range [tok_start, tok_end)
    tok_end: int


@dataclass(slots=True)
class Token:
    index: int
    start: int  # original offsets
    end: int
    nstart: int  # normalized offsets
    nend: int
    norm: str  # normalized surface form
    kind: str  # "word" | "number" | "punct" | "latin"
    sentence: int = 0
    forms: tuple[str, ...] = ()  # norm plus clitic-stripped variants, most specific first


@dataclass(slots=True, eq=False)  # a mention is one place in one text: compared by identity
class Mention:
    kind: str
    start: int
    end: int
    text: str
    value: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0
    sentence: int | None = None
    tok_start: int | None = None
    tok_end: int | None = None
    stage: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "confidence": round(self.confidence, 3),
            "sentence": self.sentence,
        }
        return out


@dataclass(slots=True)
class Evidence:
    field: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Victim:
    group: str
    min: int | None
    max: int | None


@dataclass(slots=True)
class Event:
    """One coded incident. Field names and meanings follow the ACLED codebook."""

    event_id: str | None = None
    event_date: str | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = None
    tags: str | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    fatalities_qualifier: str | None = None
    injured: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    injured_qualifier: str | None = None
    victims: list[Victim] = field(default_factory=list)
    reported_by: str | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    claimed_by: str | None = None
    recap: bool = False
    # what the events stage measured about the incident (features of its event filter); internal,
    # not part of the output contract
    signals: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        del out["signals"]
        return out


@dataclass(slots=True)
class Document:
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    norm: NormText | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stages: dict[str, str] = field(default_factory=dict)  # stage name -> version that ran
    warnings: list[str] = field(default_factory=list)
    # look-up indexes, rebuilt when the tokens or mentions they index have grown (stages only append)
    _index: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # -- helpers used by stages -------------------------------------------------------------

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def add_mention(
        self,
        kind: str,
        start: int,
        end: int,
        value: dict[str, Any] | None = None,
        *,
        confidence: float = 1.0,
        tok_start: int | None = None,
        tok_end: int | None = None,
        stage: str | None = None,
    ) -> Mention:
        if kind not in MENTION_KINDS:
            raise ValueError(f"unknown mention kind {kind!r}")
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"mention span {start}:{end} outside text of {len(self.text)} chars")
        mention = Mention(
            kind=kind,
            start=start,
            end=end,
            text=self.text[start:end],
            value=value or {},
            confidence=confidence,
            sentence=self.sentence_at(start),
            tok_start=tok_start,
            tok_end=tok_end,
            stage=stage,
        )
        self.mentions.append(mention)
        return mention

    def add_token_mention(
        self,
        kind: str,
        tok_start: int,
        tok_end: int,
        value: dict[str, Any] | None = None,
        *,
        confidence: float = 1.0,
        stage: str | None = None,
    ) -> Mention:
        """Add a mention covering tokens ``[tok_start, tok_end)``."""
        start = self.tokens[tok_start].start
        end = self.tokens[tok_end - 1].end
        return self.add_mention(
            kind, start, end, value, confidence=confidence, tok_start=tok_start, tok_end=tok_end,
            stage=stage,
        )

    def mentions_of(self, kind: str) -> list[Mention]:
        return list(self._mentions_index()[0].get(kind, ()))

    def mentions_in_sentence(self, kind: str, sentence: int) -> list[Mention]:
        """Mentions of ``kind`` that start in sentence ``sentence``, in the order they were added."""
        return self._mentions_index()[1].get((kind, sentence), [])

    def _mentions_index(self) -> tuple[dict[str, list[Mention]], dict[tuple[str, int | None], list[Mention]]]:
        # mentions are only ever appended: index the new ones (a rebuild per call would make a
        # stage that adds and looks up sentence by sentence quadratic)
        cached = self._index.get("mentions")
        if cached is None or cached[0] is not self.mentions or cached[1] > len(self.mentions):
            cached = [self.mentions, 0, {}, {}]
            self._index["mentions"] = cached
        _, done, by_kind, by_sentence = cached
        for m in self.mentions[done:]:
            by_kind.setdefault(m.kind, []).append(m)
            by_sentence.setdefault((m.kind, m.sentence), []).append(m)
        cached[1] = len(self.mentions)
        return by_kind, by_sentence

    def token_at(self, offset: int) -> Token | None:
        """The token covering original offset ``offset``, if any."""
        starts = self._index.get("token_starts")
        if starts is None or len(starts) != len(self.tokens) or self._index.get("tokens") is not self.tokens:
            self._index["tokens"] = self.tokens
            starts = [t.start for t in self.tokens]
            self._index["token_starts"] = starts
        i = bisect_right(starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing original offset ``offset`` (None between sentences)."""
        ends = self._index.get("sentence_ends")
        if ends is None or self._index.get("sentences") is not self.sentences or len(ends) != len(self.sentences):
            ends = [s.end for s in self.sentences]
            self._index["sentence_ends"], self._index["sentences"] = ends, self.sentences
        lo = bisect_right(ends, offset)
        if lo < len(self.sentences) and self.sentences[lo].start <= offset:
            return self.sentences[lo].index
        return None

    def sentence_tokens(self, index: int) -> list[Token]:
        sent = self.sentences[index]
        return self.tokens[sent.tok_start : sent.tok_end]

    def to_dict(self) -> dict[str, Any]:
        from rasd import __version__

        meta = asdict(self.meta)
        article = {
            "id": meta["id"],
            "url": meta["url"],
            "source": meta["source"],
            "published": meta["published"],
            "title": meta["title"],
            "language": meta["language"],
            "chars": len(self.text),
        }
        return {
            "article": article,
            "events": [e.to_dict() for e in self.events],
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: (m.start, m.end))],
            "pipeline": {"version": __version__, "stages": dict(self.stages)},
            "warnings": list(self.warnings),
        }
