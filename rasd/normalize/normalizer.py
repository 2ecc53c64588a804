"""Article normalization stage: original text -> ``NormText`` with an offset map."""

from __future__ import annotations

import re

from rasd.document import Document, NormText
from rasd.normalize.chars import normalize_char_map

_SPACES = re.compile(r"\s+")


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
        return doc
