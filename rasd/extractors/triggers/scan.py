"""A PhraseMatcher that skips, with one set test, tokens no phrase can start at.

Most tokens of an article start no lexicon phrase; testing a token's forms against the set of
first words is several times cheaper than ``PhraseMatcher.match_at`` (used by the actors,
sources and triggers stages, which scan every sentence with several lexicons).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from rasd.document import Token
from rasd.match.phrases import Match, PhraseMatcher, match_span
from rasd.tokenize.clitics import definite_article

P = TypeVar("P")


class ScanMatcher(Generic[P]):
    def __init__(self, entries: Iterable[tuple[str, P]]) -> None:
        pairs = [(phrase, payload) for phrase, payload in entries if phrase.split()]
        self.matcher: PhraseMatcher[P] = PhraseMatcher(pairs, normalize=False)
        self.first_words = frozenset(phrase.split()[0] for phrase, _ in pairs)

    def __len__(self) -> int:
        return len(self.matcher)

    def _may_start(self, tok: Token) -> bool:
        return not self.first_words.isdisjoint(tok.forms)

    def find(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[Match[P]]:
        """Longest non-overlapping matches, left to right (as ``PhraseMatcher.find``)."""
        end = len(tokens) if end is None else end
        found: list[Match[P]] = []
        i = start
        while i < end:
            hits = self.matcher.match_at(tokens, i, end) if self._may_start(tokens[i]) else []
            if hits:
                found.append(hits[0])
                i = hits[0].tok_end
            else:
                i += 1
        return found

    def find_all(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[Match[P]]:
        """Every match, overlaps allowed (as ``PhraseMatcher.find_all``)."""
        end = len(tokens) if end is None else end
        found: list[Match[P]] = []
        for i in range(start, end):
            if self._may_start(tokens[i]):
                found.extend(self.matcher.match_at(tokens, i, end))
        return found


def span_keeping_article(tokens: Sequence[Token], match: Match[P], offsets: Sequence[int]) -> tuple[int, int]:
    """Original span of a match without its proclitics, but with the article the text wrote.

    ``match_span`` drops every stripped prefix; a name "as written" keeps its article: an entry
    رئيس found in والرئيس spans الرئيس, not رئيس.
    """
    start, end = match_span(tokens, match, offsets)
    first = tokens[match.tok_start]
    article = definite_article()
    if match.prefix_len and first.norm[: match.prefix_len].endswith(article):
        start = offsets[first.nstart + match.prefix_len - len(article)]
    return start, end
