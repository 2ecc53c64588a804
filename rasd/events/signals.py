"""What the rules know about an incident, as numbers: the features of the event filter.

Each signal is something the earlier steps already decided (how the incident was found, how its
place and date were attached, which non-event cues sit near it, where it is told in the
article); :mod:`rasd.events.filter` weighs them into the probability that the incident is a real,
new event. Names are stable: the shipped model refers to them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import cache

from rasd.document import Document, Event
from rasd.events import types as T
from rasd.events.build import is_recap
from rasd.events.incident import Incident
from rasd.normalize.normalizer import normalize_phrase

TYPE_KEYS = {
    T.BATTLES: "type_battles",
    T.REMOTE: "type_remote",
    T.VAC: "type_vac",
    T.PROTESTS: "type_protest",
    T.RIOTS: "type_riot",
    T.STRATEGIC: "type_strategic",
}
SCOPES = ("clause", "sentence", "discourse", "none")
DATE_SCOPES = ("clause", "sentence", "discourse", "published", "none")
# sub-event types whose triggers are often read in passing (talks "agreements", ordinary arrests,
# "attacks" in commentary): each gets a weight of its own
WATCHED_SUB_TYPES = {
    "Agreement": "sub_agreement",
    "Arrests": "sub_arrests",
    "Attack": "sub_attack",
    "Armed clash": "sub_clash",
    "Change to group/activity": "sub_change",
    "Non-state actor overtakes territory": "sub_overtake",
}
GENERIC_ACTOR_WORDS = ("Unidentified", "Civilians", "Protesters", "Rioters")


def _one_hot(prefix: str, value: str, options: Sequence[str]) -> dict[str, float]:
    value = value if value in options else options[-1]
    return {f"{prefix}_{o}": float(o == value) for o in options}


def _age_days(inc: Incident, published: str | None) -> int | None:
    if inc.date is None or not inc.date.date or not published:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(inc.date.date[:10])).days
    except ValueError:
        return None


def _age_signals(inc: Incident, published: str | None) -> dict[str, float]:
    age = _age_days(inc, published)
    own = inc.date_own
    return {
        "age_recent": float(age is not None and 0 <= age <= 1),
        "age_days": float(own and age is not None and 2 <= age <= 7),
        "age_old": float(own and age is not None and age > 7),
        "age_future": float(age is not None and age < 0),
        "date_precise": float(inc.date is not None and inc.date.precision == 1),
    }


def _count_signals(inc: Incident) -> dict[str, float]:
    killed = [m for m in inc.casualties if m.value.get("type") == "killed"]
    injured = [m for m in inc.casualties if m.value.get("type") == "injured"]
    flags = [m for m in inc.casualties if m.value.get("aggregate") or m.value.get("subset")]
    return {
        "has_killed": float(bool(killed)),
        "has_injured": float(bool(injured)),
        "aggregate_count": float(bool(flags)),
        "log_killed": math.log1p(max((m.value.get("min") or 0 for m in killed), default=0)),
    }


def _actor_signals(inc: Incident) -> dict[str, float]:
    named = [a for a in inc.actors if not a.name.startswith(GENERIC_ACTOR_WORDS)]
    return {"named_actor": float(bool(named)), "n_actors": float(min(len(inc.actors), 3))}


def _place_signals(inc: Incident, focus_iso2: str | None) -> dict[str, float]:
    value = inc.place.value if inc.place is not None else {}
    return {
        **_one_hot("place", inc.place_how, SCOPES),
        "place_country_level": float(value.get("kind") == "country"),
        "place_off_focus": float(bool(focus_iso2 and value.get("iso2") and value.get("iso2") != focus_iso2)),
    }


def _position_signals(doc: Document, inc: Incident, cue_sentences: Counter[int]) -> dict[str, float]:
    n = max(len(doc.sentences), 1)
    cues_here = sum(cue_sentences[s] for s in inc.sentences | {inc.sentence})
    return {
        "first_sentence": float(inc.sentence == 0),
        "position": inc.sentence / n,
        "told_twice": float(len(inc.sentences) > 1),
        "cue_same_sentence": float(min(cues_here, 2)),
        "cues_in_article": math.log1p(cue_sentences.total()),
        "log_chars": math.log1p(len(doc.text)) / 10,
    }


@cache
def _title_vocabulary() -> frozenset[str]:
    """Single-word strong trigger and casualty words: a headline holding one is about an incident."""
    from rasd.extractors.triggers.lexicon import BLOCKER, trigger_entries
    from rasd.lang.ar import read_tsv

    words = {
        phrase for phrase, entry in trigger_entries()
        if " " not in phrase and entry.strength == "strong" and entry.type_key != BLOCKER
    }
    for row in read_tsv("casualties/triggers.tsv"):
        words.update(row["ar"].split("|"))
    return frozenset(w for w in words if " " not in w and len(w) > 3)


def _title_is_violent(title: str) -> bool:
    vocabulary = _title_vocabulary()
    # a clitic-prefixed headline word ("بهجوم", "والغارات") still names the incident
    return any(word[k:] in vocabulary for word in title.split() for k in range(0, min(4, len(word) - 3)))


def _title_signals(doc: Document, inc: Incident) -> dict[str, float]:
    """The headline tells the article's news: an incident whose trigger, place or toll it repeats
    is the news itself, not background."""
    title = normalize_phrase(doc.meta.title or "")
    if not title:
        return {"has_title": 0.0, "title_trigger": 0.0, "title_place": 0.0, "title_count": 0.0,
                "title_violent": 0.0}
    words = [normalize_phrase(m.text) for m in (inc.triggers or [inc.anchor])]
    place = normalize_phrase(inc.place.text) if inc.place is not None else ""
    counts = {str(m.value.get("min")) for m in inc.casualties if m.value.get("min")}
    return {
        "has_title": 1.0,
        "title_trigger": float(any(w and w in title for w in words)),
        "title_place": float(bool(place) and place in title),
        "title_count": float(any(c in title.split() for c in counts)),
        "title_violent": float(_title_is_violent(title)),
    }


def incident_signals(
    doc: Document,
    inc: Incident,
    n_incidents: int,
    cue_sentences: Counter[int],
    focus_iso2: str | None,
) -> dict[str, float]:
    """The feature vector of one incident (see the module docstring)."""
    signals = {
        "bias": 1.0,
        **_one_hot("anchor", inc.anchor_kind, ("strong", "weak", "casualty")),
        **{key: float(inc.event_type == etype) for etype, key in TYPE_KEYS.items()},
        **{key: float(inc.sub_event_type == sub) for sub, key in WATCHED_SUB_TYPES.items()},
        **_count_signals(inc),
        **_place_signals(inc, focus_iso2),
        **_one_hot("date", inc.date.how if inc.date is not None else "none", DATE_SCOPES),
        **_age_signals(inc, doc.meta.published),
        **_actor_signals(inc),
        **_position_signals(doc, inc, cue_sentences),
        "has_source": float(bool(inc.sources)),
        "soft_cue": float(inc.soft_cue is not None),
        "trigger_confidence": max((t.confidence for t in inc.triggers), default=0.5),
        "incidents_in_article": math.log1p(n_incidents),
        "recap": float(is_recap(inc, doc.meta.published)),
        # bookkeeping for the in-article merge (underscore: not features of the model)
        "_sentence": float(inc.sentence),
        "_place_inherited": float(inc.place_how == "discourse"),
        **_title_signals(doc, inc),
    }
    return signals


def rule_confidence_signal(event: Event) -> dict[str, float]:
    """The rules' own event confidence (how the incident was found and how much it carries), as a
    log-odds: the model corrects it rather than starting from nothing."""
    c = min(max(event.confidence.get("event", 0.5), 0.01), 0.99)
    return {"rules_logit": math.log(c / (1 - c))}
