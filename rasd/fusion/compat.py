"""Whether two reports can tell one incident, and how strongly they agree (the merge score).

Hard constraints (any one fails → never the same incident): the same country; not two events of
one article (extraction already decided they are distinct); event families that can describe one
incident; dates within the window of the coarser time precision; places within reach for their
geo precisions. Soft parts add up to the score: date and place closeness, the same sub-event
type, the same named perpetrator, compatible tolls. Reports whose score reaches
:data:`MERGE_THRESHOLD` are linked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from rasd.fusion.report import Report

# days two dates may differ by, per coarser time precision: "last night" vs "yesterday" (1);
# a week's midpoint (2); a month's middle (3)
DATE_WINDOW_DAYS = {1: 1, 2: 4, 3: 16}
# km two places may lie apart, per coarser geo precision: a town (1), near a town (2), a region (3)
PLACE_REACH_KM = {1: 10.0, 2: 30.0, 3: 150.0}
MERGE_THRESHOLD = 1.5
# Reports a day apart ("last night" / "yesterday") are one incident only on stronger evidence
# (the same sub-event type and toll or perpetrator): otherwise a town's incident of the next day
# would be taken for a retelling of today's.
NEXT_DAY_EXTRA = 0.75

# Event types that may describe one incident: an air strike in one report and "shelling" or a
# "battle" in another; an attack on civilians told as a clash. Protests and riots are one family;
# each strategic development only meets its own sub-event type.
FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
}


@dataclass(slots=True)
class PairScore:
    ok: bool  # linked: the hard constraints hold and the score reaches the threshold
    score: float = 0.0
    parts: dict[str, float] = field(default_factory=dict)
    reason: str = ""
    compatible: bool = False  # the hard constraints hold (the score may still be low)


def family(report: Report) -> str:
    etype = report.event.get("event_type") or ""
    return FAMILY.get(etype) or f"{etype}/{report.event.get('sub_event_type')}"


# Demonstrations met with lethal force: one outlet codes the protest, another the shooting of the
# protesters (an attack, a clash). Such a pair may be one incident, on the other parts' evidence.
CROWD_FORCE = frozenset({"Excessive force against protesters", "Protest with intervention", "Violent demonstration",
                         "Mob violence"})
FORCE_ON_CROWD = frozenset({"Attack", "Armed clash"})


def _crowd_met_with_force(a: Report, b: Report) -> bool:
    x, y = a.event.get("sub_event_type"), b.event.get("sub_event_type")
    return (x in CROWD_FORCE and y in FORCE_ON_CROWD) or (y in CROWD_FORCE and x in FORCE_ON_CROWD)


def max_window(precision: int) -> int:
    return DATE_WINDOW_DAYS.get(precision, DATE_WINDOW_DAYS[3])


def date_window(a: Report, b: Report) -> int:
    return max_window(max(a.precision, b.precision))


def candidate_range(report: Report) -> tuple[date | None, date | None]:
    """The event days a stored report must fall in to be a candidate for ``report``.

    Wide enough for any partner's precision: the partner's window may be the coarser one.
    """
    day = report.day
    if day is None:
        return None, None
    reach = timedelta(days=max(DATE_WINDOW_DAYS.values()))
    return day - reach, day + reach


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _date_part(a: Report, b: Report) -> float | None:
    if a.day is None or b.day is None:
        # an undated report only meets undated ones (the blocked index holds dated ones by day)
        return 0.0 if a.day is None and b.day is None else None
    gap = abs((a.day - b.day).days)
    window = date_window(a, b)
    if gap > window:
        return None
    return 1.0 - gap / (window + 1)


def _place_part(a: Report, b: Report) -> float | None:
    pa, pb = a.point, b.point
    if pa is None or pb is None:
        same_admin = a.event.get("admin1") and a.event.get("admin1") == b.event.get("admin1")
        return 0.5 if same_admin else 0.25
    reach = PLACE_REACH_KM[max(a.geo_precision, b.geo_precision)]
    km = haversine_km(pa, pb)
    if km > reach:
        return None
    return 1.0 - km / reach


def _type_part(a: Report, b: Report) -> float:
    if a.event.get("sub_event_type") == b.event.get("sub_event_type"):
        return 0.75
    if a.event.get("event_type") == b.event.get("event_type"):
        return 0.4
    if family(a) != family(b):
        return 0.0  # a protest and the force used on it: the other parts must carry the link
    return 0.25  # one incident told as a clash by one outlet and as an attack by another


def _actor_part(a: Report, b: Report) -> float:
    x, y = a.named_actor("actor1"), b.named_actor("actor1")
    if x and y:
        if x == y:
            return 0.5
        sides_b = {y, b.named_actor("actor2")}
        return 0.0 if x in sides_b else -0.5
    return 0.0


def _count_part(a: Report, b: Report) -> float:
    """Tolls rise as bodies are counted, so a later, higher figure agrees; a wild gap does not."""
    x, y = a.count("fatalities"), b.count("fatalities")
    if x is None or y is None:
        return 0.0
    if x == y:
        return 0.5
    early, late = (x, y) if a.published_at <= b.published_at else (y, x)
    if late >= early:
        return 0.25 if late <= 4 * early + 5 else -0.5
    return 0.0 if early <= 2 * late + 3 else -0.75


def next_day(a: Report, b: Report) -> bool:
    """Told as a day apart by two articles that both say when; a day taken from the publication
    date alone is no evidence that the incidents were on different days."""
    return a.day is not None and b.day is not None and abs((a.day - b.day).days) == 1 and (
        a.precision == b.precision == 1
    ) and a.date_told and b.date_told


def pair_score(a: Report, b: Report) -> PairScore:
    if a.article_id == b.article_id:
        return PairScore(False, reason="same article")
    if not a.country or a.block != b.block:
        return PairScore(False, reason="different or unknown country")
    if family(a) != family(b) and not _crowd_met_with_force(a, b):
        return PairScore(False, reason="incompatible event types")
    date_part = _date_part(a, b)
    if date_part is None:
        return PairScore(False, reason="dates too far apart")
    place_part = _place_part(a, b)
    if place_part is None:
        return PairScore(False, reason="places too far apart")
    parts = {
        "date": round(date_part, 3),
        "place": round(place_part, 3),
        "type": _type_part(a, b),
        "actor": _actor_part(a, b),
        "toll": _count_part(a, b),
    }
    score = round(sum(parts.values()), 3)
    linked = score >= MERGE_THRESHOLD + (NEXT_DAY_EXTRA if next_day(a, b) else 0.0)
    return PairScore(linked, score, parts, "linked" if linked else "score too low", compatible=True)
