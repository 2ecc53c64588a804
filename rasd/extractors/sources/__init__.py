"""Source mentions: who reported an incident (hospital, agency, officials, outlets)."""

from rasd.extractors.sources.lexicon import outlet_scale

__all__ = ["outlet_scale"]
