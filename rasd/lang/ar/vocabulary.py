"""The set of known (normalized) Arabic words, used to recover words glued by scraping.

It is the union of ``words.tsv`` (common news vocabulary) and every word of every ``ar``
column in this folder's TSV lexicons (variants in one cell are separated by ``|``).
"""

from __future__ import annotations

from functools import cache

from rasd.lang.ar import data_path, read_tsv

MATCH_COLUMN = "ar"
VARIANT_SEP = "|"


def split_variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(VARIANT_SEP) if v.strip()]


@cache
def known_words() -> frozenset[str]:
    root = data_path("")
    words: set[str] = set()
    for path in sorted(root.rglob("*.tsv")):
        rel = str(path.relative_to(root))
        rows = read_tsv(rel)
        if not rows or MATCH_COLUMN not in rows[0]:
            continue
        for row in rows:
            for variant in split_variants(row[MATCH_COLUMN]):
                words.update(variant.split())
    return frozenset(w for w in words if w)
