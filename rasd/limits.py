"""Caps shared by several stages (see docs/limits.md for every limit and what happens at it)."""

from __future__ import annotations

# The most candidate incidents of any article of the 20,227-article development corpus is 35. A text
# with more incident words (triggers, casualty counts) than this is a dump or a crafted input: the
# rest of it is not read for incidents, with a warning, so that one input cannot hold a worker.
MAX_ARTICLE_INCIDENTS = 1000
