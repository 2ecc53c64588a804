"""Caps shared by several stages (see docs/limits.md for every limit and what happens at it)."""

from __future__ import annotations

# The most candidate incidents of any article of the 20,227-article development corpus is 35. A text
# with more incident words (triggers, casualty counts) than this is a dump or a crafted input: the
# rest of it is not read for incidents, with a warning, so that one input cannot hold a worker.
MAX_ARTICLE_INCIDENTS = 1000

# The longest article of the development corpus has 16,548 characters. Only this many characters of
# one article are read (cut at the last line or sentence end before it, with a warning): beyond it,
# time and memory (about 5 s and 150 MiB per MB of text) would let one input hold a worker.
MAX_ARTICLE_CHARS = 1_000_000
CUT_SEARCH_CHARS = 20_000  # how far back from the limit a line or sentence end is looked for
