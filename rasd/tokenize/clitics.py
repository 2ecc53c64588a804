"""Proclitic handling (و ف ب ل ك ال and their combinations) for word matching."""

from __future__ import annotations

from functools import cache, lru_cache

from rasd.lang.ar import read_tsv

MIN_STEM = 2


@cache
def _prefixes() -> tuple[tuple[str, bool], ...]:
    rows = read_tsv("clitics.tsv")
    pairs = [(r["prefix"], r["add_al"] == "1") for r in rows]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def conjunctions() -> frozenset[str]:
    """Single-letter conjunction proclitics (و, ف) that can open a clause."""
    return frozenset(r["prefix"] for r in read_tsv("clitics.tsv") if r["role"] == "conjunction")


@cache
def definite_article() -> str:
    return next(r["prefix"] for r in read_tsv("clitics.tsv") if r["role"] == "article")


@cache
def single_proclitics() -> frozenset[str]:
    """One-letter prepositions written glued to the next word (ب, ل, ك)."""
    return frozenset(r["prefix"] for r in read_tsv("clitics.tsv") if r["role"] == "proclitic" and len(r["prefix"]) == 1)


# Bounded: a long batch sees millions of distinct word forms; 2^15 recent ones keep the hit
# rate high (word frequencies are Zipfian) and the process RSS small.
@lru_cache(maxsize=1 << 15)
def clitic_forms(word: str) -> tuple[tuple[str, int], ...]:
    """``(form, prefix_len)`` pairs: the word itself, then clitic-stripped variants.

    ``prefix_len`` is how many leading characters of ``word`` the form drops; for a form with
    ``ال`` restored (لل -> ال) it is the length of the part before the article.
    """
    article = definite_article()
    seen: dict[str, int] = {word: 0}
    for prefix, add_al in _prefixes():
        if not word.startswith(prefix) or len(word) - len(prefix) < MIN_STEM:
            continue
        rest = word[len(prefix) :]
        if rest not in seen:
            seen[rest] = len(prefix)
        if add_al:
            with_al = article + rest
            if with_al not in seen:
                ends_with_article = prefix.endswith(article)
                seen[with_al] = len(prefix) - len(article) if ends_with_article else len(prefix)
    return tuple(seen.items())
