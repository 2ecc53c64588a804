"""A clitic-aware multi-word phrase matcher.

Entries are normalized phrases (words separated by single spaces) with a payload. A phrase
word matches a token when it equals one of the token's forms (the surface form or a
clitic-stripped variant, see ``rasd.tokenize.clitics``). Words of a phrase may be separated
only by tokens that are words of the phrase: punctuation breaks a match.

The index is a dict from a phrase's first word to its candidate phrases, so matching costs
one dict lookup per token form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rasd.document import Token
from rasd.normalize import normalize_phrase
from rasd.tokenize.clitics import clitic_forms, single_proclitics

P = TypeVar("P")


@dataclass(slots=True, frozen=True)
class Match(Generic[P]):
    tok_start: int  # absolute token index (inclusive)
    tok_end: int  # absolute token index (exclusive)
    phrase: str
    payload: P
    exact: bool  # True when the first token matched without stripping clitics
    prefix_len: int  # normalized chars of clitic before the phrase in the first token


class PhraseMatcher(Generic[P]):
    def __init__(self, entries: Iterable[tuple[str, P]] = (), *, normalize: bool = True) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], P]]] = defaultdict(list)
        self.size = 0
        for phrase, payload in entries:
            self.add(phrase, payload, normalize=normalize)

    def add(self, phrase: str, payload: P, *, normalize: bool = True) -> None:
        words = tuple((normalize_phrase(phrase) if normalize else phrase).split())
        if not words:
            return
        bucket = self._index[words[0]]
        bucket.append((words, payload))
        bucket.sort(key=lambda item: -len(item[0]))
        self.size += 1

    def __len__(self) -> int:
        return self.size

    def match_at(self, tokens: Sequence[Token], i: int, end: int | None = None) -> list[Match[P]]:
        """All entries matching at token ``i`` (longest first)."""
        end = len(tokens) if end is None else end
        tok = tokens[i]
        index = self._index
        if index.keys().isdisjoint(tok.forms):
            return []  # the common case: no phrase starts with any form of this token
        out: list[Match[P]] = []
        for form_index, form in enumerate(tok.forms):
            for words, payload in index.get(form, ()):
                stop = i + len(words)
                if stop > end:
                    continue
                if all(words[k] in tokens[i + k].forms for k in range(1, len(words))):
                    prefix = _prefix_len(tok, form) if form_index else 0
                    out.append(Match(tok.index, tok.index + len(words), " ".join(words),
                                     payload, form_index == 0, prefix))
                elif _glued_tail(words, tokens, i, stop, end):
                    # "رفضا ل" before "لهجوم": the phrase ends in a proclitic glued to the next word,
                    # which stays outside the match
                    prefix = _prefix_len(tok, form) if form_index else 0
                    out.append(Match(tok.index, tok.index + len(words) - 1, " ".join(words),
                                     payload, form_index == 0, prefix))
        if len(out) > 1:
            out.sort(key=lambda m: (-(m.tok_end - m.tok_start), not m.exact))
        return out

    def find_all(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[Match[P]]:
        """Every match (overlaps allowed), in token order."""
        end = len(tokens) if end is None else end
        found: list[Match[P]] = []
        for i in range(start, end):
            found.extend(self.match_at(tokens, i, end))
        return found

    def find(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[Match[P]]:
        """Longest non-overlapping matches, left to right."""
        end = len(tokens) if end is None else end
        found: list[Match[P]] = []
        i = start
        while i < end:
            hits = self.match_at(tokens, i, end)
            if hits:
                best = hits[0]
                found.append(best)
                i += best.tok_end - best.tok_start
            else:
                i += 1
        return found


def _glued_tail(words: tuple[str, ...], tokens: Sequence[Token], i: int, stop: int, end: int) -> bool:
    """The phrase's last word is a lone proclitic (ل ب ك) written glued to the word after the
    phrase's other words, as Arabic writes it."""
    if len(words) < 2 or words[-1] not in single_proclitics() or stop > end:
        return False
    nxt = tokens[stop - 1]
    if nxt.kind != "word" or len(nxt.norm) < 3 or not nxt.norm.startswith(words[-1]):
        return False
    return all(words[k] in tokens[i + k].forms for k in range(1, len(words) - 1))


def _prefix_len(tok: Token, form: str) -> int:
    if tok.kind != "word":
        return 0
    return dict(clitic_forms(tok.norm)).get(form, 0)


def match_span(tokens: Sequence[Token], match: Match[Any], norm_offsets: Sequence[int]) -> tuple[int, int]:
    """Original-text span of a match, without the clitic glued to its first word."""
    first = tokens[match.tok_start]
    last = tokens[match.tok_end - 1]
    start = norm_offsets[first.nstart + match.prefix_len] if match.prefix_len else first.start
    return start, last.end
