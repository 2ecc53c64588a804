"""Normalization for matching, with an offset map back to the original text.

``normalize_text`` is used on article text (keeps offsets); ``normalize_phrase`` is the same
character mapping for lexicon entries and queries, plus whitespace folding.
"""

from rasd.normalize.chars import normalize_char_map
from rasd.normalize.normalizer import NormalizeStage, normalize_phrase, normalize_text

__all__ = ["NormalizeStage", "normalize_char_map", "normalize_phrase", "normalize_text"]
