"""Deterministic clustering of reports into incidents.

Reports of one country are read in canonical order (publication time, then report id — never the
order they arrived in); each joins the incident it agrees with best on average, provided it is
compatible with every member (no two reports of one article, every pair's dates and places
within reach), or opens an incident of its own. So the events depend only on the set of reports,
and a report's decision depends only on earlier reports dated near it: the store replays just
the reports a new article can affect (:mod:`rasd.fusion.incremental`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.fusion.compat import MERGE_THRESHOLD, NEXT_DAY_EXTRA, PairScore, max_window, next_day, pair_score
from rasd.fusion.fields import fuse_fields
from rasd.fusion.report import Report, canonical_key


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
    report: Report, incidents: Sequence[Incident], candidates: Iterable[int]
) -> tuple[int, float, PairScore] | None:
    """The incident ``report`` joins among ``candidates`` (indexes into ``incidents``, ascending:
    the first of equal means wins, as when every incident is tried)."""
    best: tuple[int, float, PairScore] | None = None
    for index in candidates:
        scores: list[PairScore] = []
        for member in incidents[index].members:
            score = pair_score(report, member)
            if not score.compatible:
                break
            scores.append(score)
        else:
            mean = sum(s.score for s in scores) / len(scores)
            top = max(scores, key=lambda s: s.score)
            needed = MERGE_THRESHOLD + (NEXT_DAY_EXTRA if all(next_day(report, m) for m in incidents[index].members)
                                        else 0.0)
            if mean >= needed and (best is None or mean > best[1]):
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


def _link(report: Report, score: PairScore | None, mean: float | None, pinned: bool = False) -> dict[str, Any]:
    if score is None:
        return {"report_id": report.report_id, "score": None, "parts": {}, "reason": "first report"}
    reason = f"mean score {mean:.2f} >= {MERGE_THRESHOLD} with every report compatible"
    if pinned:
        reason = f"kept from the stored event (mean score {mean:.2f})"
    return {"report_id": report.report_id, "score": round(mean or 0.0, 3), "parts": dict(score.parts),
            "reason": reason}


@dataclass(slots=True)
class Incident:
    """Reports told as one incident, in canonical order, with why each joined."""

    members: list[Report]
    links: list[dict[str, Any]]

    @property
    def event_id(self) -> str:
        return event_id_for(self.members[0])

    def fused(self) -> FusedCluster:
        return FusedCluster(self.event_id, self.members, fuse_fields(self.members), self.links)


def _pinned_link(report: Report, members: list[Report]) -> dict[str, Any]:
    scores = [pair_score(report, member) for member in members]
    mean = sum(s.score for s in scores) / len(scores)
    return _link(report, max(scores, key=lambda s: s.score), mean, pinned=True)


def assign(reports: Iterable[Report], pinned: Mapping[str, str] | None = None) -> list[Incident]:
    """Greedy clustering in canonical order: each report joins the incident it agrees with best
    on average (compatible with every member, mean score at the threshold), else opens its own.

    A report in ``pinned`` (report id -> stored event id) does not decide: it joins the incident
    its stored event's earlier members are in. The store pins the reports whose decision cannot
    have changed, and replays only the others (:mod:`rasd.fusion.incremental`).
    """
    pinned = pinned or {}
    unique = {r.report_id: r for r in reports}
    incidents: list[Incident] = []
    by_tag: dict[str, int] = {}
    index_of = _IncidentIndex()
    for report in sorted(unique.values(), key=canonical_key):
        tag = pinned.get(report.report_id)
        if tag is not None:
            index = by_tag.get(tag)
            if index is None:
                by_tag[tag] = index = len(incidents)
                incidents.append(Incident([report], [_link(report, None, None)]))
            else:
                incidents[index].links.append(_pinned_link(report, incidents[index].members))
                incidents[index].members.append(report)
            index_of.add(report, index)
            continue
        best = _best_incident(report, incidents, index_of.candidates(report))
        if best is None:
            index_of.add(report, len(incidents))
            incidents.append(Incident([report], [_link(report, None, None)]))
        else:
            index, mean, top = best
            index_of.add(report, index)
            incidents[index].members.append(report)
            incidents[index].links.append(_link(report, top, mean))
    return incidents


def cluster(reports: Iterable[Report]) -> list[FusedCluster]:
    """Split reports into incidents; deterministic for a given set of reports."""
    return [incident.fused() for incident in assign(reports)]


def cluster_all(reports: Iterable[Report]) -> list[FusedCluster]:
    """Fuse a whole collection (``rasd refuse``, benchmarks, evaluation): the greedy clustering
    of each block's reports (a country, or countries fused together: :mod:`rasd.fusion.blocks`).
    Ingesting the same reports one article at a time, in any order, gives the same events."""
    by_block: dict[str | None, list[Report]] = {}
    for report in reports:
        by_block.setdefault(report.block, []).append(report)
    out: list[FusedCluster] = []
    for block in sorted(by_block, key=lambda c: c or ""):
        members = by_block[block]
        if not block:
            out.extend(cluster([r])[0] for r in members)
        else:
            out.extend(cluster(members))
    return out
