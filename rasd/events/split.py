"""One report naming several towns joined by "and" ("protests in Atbara and Kassala") is one
event per town (ACLED: one event per location and day). Only incidents without a toll are
split: a single death toll cannot be shared out between towns."""

from __future__ import annotations

from copy import copy

from rasd.document import Mention
from rasd.events.attach import specificity
from rasd.events.incident import Incident
from rasd.events.view import ArticleView

TOWN = 0


def split_coordinated_places(view: ArticleView, incidents: list[Incident]) -> list[Incident]:
    out: list[Incident] = []
    for inc in incidents:
        out.append(inc)
        if inc.casualties or inc.place is None or inc.place_how != "clause":
            continue
        group = _group_of(view, inc.place)
        if len(group) < 2 or _between(view, group[0]):
            continue  # "on the road between Aleppo and Idlib" is one place, not two events
        inc.place = group[0]
        inc.extra["split_group"] = id(inc)  # the towns of one report are never merged back
        for place in group[1:]:
            twin = copy(inc)
            twin.place = place
            twin.actors = list(inc.actors)
            twin.extra = dict(inc.extra)
            out.append(twin)
    return out


def _group_of(view: ArticleView, place: Mention) -> list[Mention]:
    """The coordinated group ("X and Y and Z") that ``place`` belongs to, in text order."""
    sentence = view.sentence_of(place)
    for start in sorted(view.in_sentence("place", sentence), key=lambda p: p.start):
        if start.start > place.start:
            break
        chain = [start, *coordinated(view, start)]
        if any(p is place or p.start == place.start for p in chain):
            return chain
    return [place]


def coordinated(view: ArticleView, first: Mention) -> list[Mention]:
    """Town-level places that follow ``first`` directly, each glued to a conjunction ("wa", and)."""
    if specificity(first) != TOWN:
        return []
    places = sorted((p for p in view.in_sentence("place", view.sentence_of(first))
                     if not p.value.get("is_reference")), key=lambda p: p.start)
    chain: list[Mention] = []
    last_end = view.tok_range(first)[1]
    for p in places:
        a, b = view.tok_range(p)
        if a < last_end:
            continue
        if a != last_end or specificity(p) != TOWN or not _has_proclitic(view, p, a):
            break
        if p.value.get("geonameid") != first.value.get("geonameid"):
            chain.append(p)
        last_end = b
    return chain


def _has_proclitic(view: ArticleView, place: Mention, tok: int) -> bool:
    """The place's word carries a proclitic (the conjunction), so it starts inside its token."""
    return place.start > view.doc.tokens[tok].start


def _between(view: ArticleView, first: Mention) -> bool:
    """The list is opened by "بين" (``roles.tsv`` role ``between``): a stretch between two towns."""
    a, _ = view.tok_range(first)
    return any(h.payload == "between" and h.tok_end == a
               for h in view.hits_in_sentence(view.roles, view.sentence_of(first)))
