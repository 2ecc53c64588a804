"""The country a document is about, for naming generic actors.

The places stage knows best (``rasd.extractors.places.country_focus``); when it is missing or
has no answer, the country names, well-known places and nationality adjectives of the actor
data vote, with named actors of one country adding their votes.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterable

from rasd.document import Document
from rasd.extractors.actors.lexicon import country_matcher

PLACES_MODULE = "rasd.extractors.places"


def _places_focus() -> Callable[[Document], str | None] | None:
    try:
        module = importlib.import_module(PLACES_MODULE)
    except ImportError:
        return None
    func = getattr(module, "country_focus", None)
    return func if callable(func) else None


def detect_country(doc: Document, extra_votes: Iterable[str] = ()) -> str | None:
    """Most voted ISO2 from country words in the text (ties: the first named).

    Names and places weigh more than nationality adjectives, which often describe an actor
    (الطيران الروسي in Syria); each named actor of one country adds a vote.
    """
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for match in country_matcher().find(doc.tokens):
        iso2, weight = match.payload
        votes[iso2] += weight
        first.setdefault(iso2, match.tok_start)
    for iso2 in extra_votes:
        votes[iso2] += 1
        first.setdefault(iso2, len(doc.tokens))
    if not votes:
        return None
    return max(votes, key=lambda iso: (votes[iso], -first[iso]))


def focus_country(doc: Document, extra_votes: Iterable[str] = ()) -> str | None:
    """ISO2 of the document's country: the places stage's answer, else :func:`detect_country`."""
    places = _places_focus()
    if places is not None:
        try:
            found = places(doc)
        except Exception:  # a failure in the places stage must not stop actor naming
            found = None
        if found:
            return found.upper()
    return detect_country(doc, extra_votes)
