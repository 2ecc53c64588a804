"""Generic lexicon matching over tokens (clitic-aware, multi-word, longest match)."""

from rasd.match.phrases import Match, PhraseMatcher

__all__ = ["Match", "PhraseMatcher"]
