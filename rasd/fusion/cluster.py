"""Deterministic clustering of reports into incidents.

1. :func:`connected_component` grows, from the reports of a new article, the set of stored
   reports reachable through links (pairs whose score reaches the threshold), fetching
   candidates from the blocked index (same country, event day in a window). A component does not
   depend on the order articles arrived in.
2. :func:`cluster` splits a component into incidents: reports are read in publication order; each
   joins the existing incident it agrees with best on average, provided it is compatible with
   every member (no two reports of one article, every pair's dates and places within reach) —
   otherwise it opens an incident of its own. The result depends only on the set of reports.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.fusion.compat import MERGE_THRESHOLD, PairScore, candidate_range, max_window, pair_score
from rasd.fusion.fields import fuse_fields
from rasd.fusion.report import Report, canonical_key

Fetch = Callable[[str | None, date | None, date | None], Iterable[Report]]


def candidate_window(report: Report) -> tuple[str | None, date | None, date | None]:
    """(country, first day, last day) of the stored reports that may be linked to ``report``."""
    lo, hi = candidate_range(report)
    return report.country, lo, hi


def connected_component(seeds: Sequence[Report], fetch: Fetch) -> list[Report]:
    """Every report reachable from ``seeds`` through links, seeds included, in canonical order."""
    found: dict[str, Report] = {r.report_id: r for r in seeds}
    frontier = list(found.values())
    while frontier:
        report = frontier.pop()
        if not report.country:
            continue  # an event with no country cannot be placed: it stays on its own
        for other in fetch(*candidate_window(report)):
            if other.report_id not in found and pair_score(report, other).ok:
                found[other.report_id] = other
                frontier.append(other)
    return sorted(found.values(), key=canonical_key)


@dataclass(slots=True)
class FusedCluster:
    event_id: str
    reports: list[Report]
    fields: dict[str, Any]
    links: list[dict[str, Any]] = field(default_factory=list)


def event_id_for(seed: Report) -> str:
    """Stable id of an incident: from its first report (earliest published, then report id)."""
    return "ev-" + hashlib.sha1(seed.report_id.encode("utf-8")).hexdigest()[:16]


def _best_incident(
    report: Report, incidents: list[list[Report]], candidates: Iterable[int]
) -> tuple[int, float, PairScore] | None:
    """The incident ``report`` joins among ``candidates`` (indexes into ``incidents``, ascending:
    the first of equal means wins, as when every incident is tried)."""
    best: tuple[int, float, PairScore] | None = None
    for index in candidates:
        scores: list[PairScore] = []
        for member in incidents[index]:
            score = pair_score(report, member)
            if not score.compatible:
                break
            scores.append(score)
        else:
            mean = sum(s.score for s in scores) / len(scores)
            top = max(scores, key=lambda s: s.score)
            if mean >= MERGE_THRESHOLD and (best is None or mean > best[1]):
                best = (index, mean, top)
    return best


class _IncidentIndex:
    """Incidents by the (time precision, day) of their members.

    A dated report can join an incident only when every member is dated within the window of the
    pair's coarser precision, so an incident with no member in those windows is never compatible
    and need not be scored; an undated report only meets incidents of undated members.
    """

    def __init__(self) -> None:
        self.by_day: dict[int, dict[int, set[int]]] = {}  # precision -> day ordinal -> incidents
        self.undated: set[int] = set()

    def add(self, report: Report, index: int) -> None:
        day = report.day
        if day is None:
            self.undated.add(index)
        else:
            self.by_day.setdefault(report.precision, {}).setdefault(day.toordinal(), set()).add(index)

    def candidates(self, report: Report) -> list[int]:
        day = report.day
        if day is None:
            return sorted(self.undated)
        ordinal = day.toordinal()
        found: set[int] = set()
        for precision, days in self.by_day.items():
            window = max_window(max(precision, report.precision))
            for d in range(ordinal - window, ordinal + window + 1):
                found.update(days.get(d, ()))
        return sorted(found)


def _link(report: Report, score: PairScore | None, mean: float | None) -> dict[str, Any]:
    if score is None:
        return {"report_id": report.report_id, "score": None, "parts": {}, "reason": "first report"}
    return {
        "report_id": report.report_id,
        "score": round(mean or 0.0, 3),
        "parts": dict(score.parts),
        "reason": f"mean score {mean:.2f} >= {MERGE_THRESHOLD} with every report compatible",
    }


def cluster(reports: Iterable[Report]) -> list[FusedCluster]:
    """Split reports into incidents; deterministic for a given set of reports."""
    unique = {r.report_id: r for r in reports}
    incidents: list[list[Report]] = []
    links: list[list[dict[str, Any]]] = []
    index_of = _IncidentIndex()
    for report in sorted(unique.values(), key=canonical_key):
        best = _best_incident(report, incidents, index_of.candidates(report))
        if best is None:
            index_of.add(report, len(incidents))
            incidents.append([report])
            links.append([_link(report, None, None)])
        else:
            index, mean, top = best
            index_of.add(report, index)
            incidents[index].append(report)
            links[index].append(_link(report, top, mean))
    return [
        FusedCluster(event_id_for(members[0]), members, fuse_fields(members), link_rows)
        for members, link_rows in zip(incidents, links, strict=True)
    ]


def cluster_all(reports: Iterable[Report]) -> list[FusedCluster]:
    """Fuse a whole collection (``rasd refuse``, benchmarks): block by country, split into
    connected components, cluster each. Same result as ingesting the reports one by one."""
    by_country: dict[str | None, list[Report]] = {}
    for report in reports:
        by_country.setdefault(report.country, []).append(report)
    out: list[FusedCluster] = []
    for country in sorted(by_country, key=lambda c: c or ""):
        members = by_country[country]
        if not country:
            out.extend(cluster([r])[0] for r in members)
            continue
        for component in components(members):
            out.extend(cluster(component))
    return out


def components(reports: list[Report]) -> list[list[Report]]:
    """Connected components of the link graph within one country.

    Reports are kept in one day-sorted list per time precision; a report looks for partners only
    in each list's window for the pair's coarser precision (bisect), so the work grows with the
    number of reports times the local density, not with its square.
    """
    parent = {r.report_id: r.report_id for r in reports}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    undated = sorted((r for r in reports if r.day is None), key=lambda r: r.report_id)
    for i, report in enumerate(undated):
        for other in undated[:i]:
            if pair_score(report, other).ok:
                parent[root(report.report_id)] = root(other.report_id)
    by_precision: dict[int, list[tuple[int, str, Report]]] = {}
    for report in reports:
        if report.day is not None:
            by_precision.setdefault(report.precision, []).append((report.day.toordinal(), report.report_id, report))
    for rows in by_precision.values():
        rows.sort(key=lambda row: (row[0], row[1]))
    days = {p: [row[0] for row in rows] for p, rows in by_precision.items()}
    for report in reports:
        if report.day is None:
            continue
        ordinal = report.day.toordinal()
        for precision, rows in by_precision.items():
            window = max_window(max(precision, report.precision))
            lo = bisect_left(days[precision], ordinal - window)
            hi = bisect_right(days[precision], ordinal)
            for _, other_id, other in rows[lo:hi]:
                if other_id != report.report_id and root(other_id) != root(report.report_id) and (
                    pair_score(report, other).ok
                ):
                    parent[root(report.report_id)] = root(other_id)
    groups: dict[str, list[Report]] = {}
    for report in sorted(reports, key=canonical_key):
        groups.setdefault(root(report.report_id), []).append(report)
    return list(groups.values())
