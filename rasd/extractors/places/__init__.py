"""Place mentions: an Arabic gazetteer and a geoparser (see ``docs/places.md``)."""

from __future__ import annotations

from rasd.document import Document


def country_focus(doc: Document) -> str | None:
    """ISO2 of the country the article is mostly about, or None when unclear.

    Counts country names, country adjectives (ليبي، السورية…) and unambiguous places; needs the
    tokenize stage to have run.
    """
    from rasd.extractors.places.geoparse import focus_scores, top_focus

    return top_focus(focus_scores(doc))


__all__ = ["country_focus"]
