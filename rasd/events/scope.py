"""Scope: an ordinary killing abroad is no conflict event (docs/events.md, "Scope").

In the conflict regions ACLED codes unidentified gunmen as an armed group; elsewhere a killing,
shooting or stabbing by an unnamed individual, in a story whose incident sentences name no
political or terrorist side (``context.tsv`` effect ``motive``: terrorism, extremists, a jihadist
group, racism, an assassination), is crime — the Toronto street shooting, the murdered journalist in Ruse.
"""

from __future__ import annotations

from rasd.document import Event
from rasd.events import types as T
from rasd.events.view import ArticleView

# ACLED regions where a lone killer is crime unless a political side is told (the conflict
# regions - Middle East, Africa, South Asia - code unidentified gunmen as armed groups)
ORDINARY_CRIME_REGIONS = frozenset({"Europe", "North America", "South America", "Central America", "Caribbean",
                                    "East Asia", "Oceania"})
UNNAMED_PREFIXES = ("Unidentified", "Civilians", "Police Forces", "Rioters", "Protesters")


def ordinary_crime(view: ArticleView, event: Event) -> bool:
    if event.event_type != T.VAC or event.region not in ORDINARY_CRIME_REGIONS:
        return False
    if event.actor1 and not event.actor1.startswith(UNNAMED_PREFIXES):
        return False  # a named group or a state force (a police killing is not crime here)
    # the sentences that tell incidents (those the context lexicon is read in), not the background
    return not any(hit.payload.effect == "motive" for hit in view.context)  # type: ignore[attr-defined]
