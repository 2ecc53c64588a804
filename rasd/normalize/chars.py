"""Declarative character map (``lang/ar/normalization.tsv``) compiled into one lookup table."""

from __future__ import annotations

import unicodedata
from functools import cache

from rasd.lang.ar import read_tsv

DATA_FILE = "normalization.tsv"


def _codepoints(spec: str) -> range:
    if "-" in spec:
        lo, hi = spec.split("-", 1)
        return range(int(lo[2:], 16), int(hi[2:], 16) + 1)
    cp = int(spec[2:], 16)
    return range(cp, cp + 1)


def _replacement(spec: str) -> str:
    return "".join(chr(int(part[2:], 16)) for part in spec.split())


@cache
def normalize_char_map() -> dict[int, str]:
    """Code point -> replacement string ('' deletes). Characters not in the map are kept."""
    table: dict[int, str] = {}
    for row in read_tsv(DATA_FILE):
        op = row["op"]
        for cp in _codepoints(row["from"]):
            if op == "delete":
                table[cp] = ""
            elif op == "map":
                table[cp] = _replacement(row["to"])
            elif op == "digit":
                table[cp] = str(unicodedata.digit(chr(cp)))
            elif op == "compat":
                folded = unicodedata.normalize("NFKC", chr(cp))
                if folded != chr(cp):
                    # Presentation forms fold to base letters, which then get the ordinary map.
                    table[cp] = folded
            else:
                raise ValueError(f"{DATA_FILE}: unknown op {op!r}")
    # Second pass: compat-folded letters must also pass through the ordinary map.
    for cp, rep in list(table.items()):
        if rep and any(ord(ch) in table and table[ord(ch)] != ch for ch in rep):
            table[cp] = "".join(table.get(ord(ch), ch) for ch in rep)
    return table
