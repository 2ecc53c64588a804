"""Article normalization stage: original text -> ``NormText`` with an offset map."""

from __future__ import annotations

import re

from rasd.document import Document, NormText
from rasd.limits import CUT_SEARCH_CHARS, MAX_ARTICLE_CHARS
from rasd.normalize.chars import normalize_char_map

_SPACES = re.compile(r"\s+")
ARABIC_LANGUAGE_RATIO = 0.3


RATIO_SAMPLE_CHARS = 200_000  # the language of a longer text is judged on its beginning


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic script (0.0 for text without letters)."""
    letters = [ch for ch in text[:RATIO_SAMPLE_CHARS] if ch.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufefc")
    return arabic / len(letters)


def normalize_text(text: str) -> NormText:
    """Normalize ``text`` for matching; every output char maps to an original index.

    Latin letters are lower-cased so that English names and acronyms match too.
    """
    table = normalize_char_map()
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        rep = table.get(ord(ch))
        if rep is None:
            rep = ch.lower() if "A" <= ch <= "Z" else ch
        for piece in rep:
            out.append(piece)
            offsets.append(i)
    offsets.append(len(text))
    return NormText("".join(out), offsets)


def reading_end(text: str) -> int:
    """Where reading stops: the end of the text, or the last line or sentence end before
    MAX_ARTICLE_CHARS (else the limit itself)."""
    if len(text) <= MAX_ARTICLE_CHARS:
        return len(text)
    lo = MAX_ARTICLE_CHARS - CUT_SEARCH_CHARS
    for mark in ("\n", ".", "؟", "!"):
        at = text.rfind(mark, lo, MAX_ARTICLE_CHARS)
        if at >= 0:
            return at + 1
    return MAX_ARTICLE_CHARS


def normalize_phrase(text: str) -> str:
    """Normalize a lexicon entry or query: same character map, whitespace folded."""
    return _SPACES.sub(" ", normalize_text(text).text).strip()


class NormalizeStage:
    name = "normalize"
    version = "2"

    def __call__(self, doc: Document) -> Document:
        end = reading_end(doc.text)
        if end < len(doc.text):
            doc.warnings.append(
                f"the article has {len(doc.text):,} characters, more than any article: only the first {end:,} "
                "were read; split the input")
        doc.norm = normalize_text(doc.text[:end])
        if doc.meta.language is None and arabic_ratio(doc.text) >= ARABIC_LANGUAGE_RATIO:
            doc.meta.language = "ar"
        return doc
