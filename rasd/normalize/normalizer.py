"""Article normalization stage: original text -> ``NormText`` with an offset map."""

from __future__ import annotations

import re

from rasd.document import Document, NormText
from rasd.normalize.chars import normalize_char_map

_SPACES = re.compile(r"\s+")
ARABIC_LANGUAGE_RATIO = 0.3


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic script (0.0 for text without letters)."""
    letters = [ch for ch in text if ch.isalpha()]
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


def normalize_phrase(text: str) -> str:
    """Normalize a lexicon entry or query: same character map, whitespace folded."""
    return _SPACES.sub(" ", normalize_text(text).text).strip()


class NormalizeStage:
    name = "normalize"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        doc.norm = normalize_text(doc.text)
        if doc.meta.language is None and arabic_ratio(doc.text) >= ARABIC_LANGUAGE_RATIO:
            doc.meta.language = "ar"
        return doc
