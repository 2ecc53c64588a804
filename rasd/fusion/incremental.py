"""Re-fusing only what a new (or corrected) article can change.

:func:`rasd.fusion.cluster.assign` reads a fusion block's reports (a country's, or those of
countries fused together: :mod:`rasd.fusion.blocks`) in canonical order, and a report's
decision depends only on the incidents that have a member dated within its window (at most
:data:`WINDOW` days away). So when an article's reports arrive, the reports that come before them
in canonical order keep their incidents, and of the later ones only those dated near an incident
that changed can decide differently. :func:`refuse` replays exactly those ("free" reports) with
every other report pinned to its stored event, widening the free set until no later report sits
near a changed incident. The result is what clustering the whole collection would give, whatever
order the articles came in, while the work per article stays local: in the usual case (articles
arriving in publication order) nothing later exists, and one replay over the incidents dated
near the new reports is all it costs.

The caller supplies a :class:`Source` (the store, or :class:`MemorySource` in tests and
benchmarks) and writes back the :class:`Change`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from rasd.fusion.cluster import FusedCluster, Incident, assign
from rasd.fusion.compat import DATE_WINDOW_DAYS, max_window
from rasd.fusion.report import Report, canonical_key

WINDOW = max(DATE_WINDOW_DAYS.values())  # the farthest two reports of one incident can be dated apart

Key = tuple[datetime, str]


@dataclass(frozen=True, slots=True)
class Stub:
    """What the index says of a stored report, without loading it."""

    report_id: str
    day: date | None
    precision: int
    key: Key  # canonical key


def stub_of(report: Report) -> Stub:
    return Stub(report.report_id, report.day, report.precision, canonical_key(report))


class Source(Protocol):
    """Stored reports and their current events."""

    def stubs(self, block: str, lo: date | None, hi: date | None) -> list[Stub]:
        """Reports of the fusion ``block``'s countries dated in [lo, hi]; the undated ones when
        both are None."""

    def reports(self, ids: Iterable[str]) -> list[Report]: ...

    def events_of(self, ids: Iterable[str]) -> dict[str, str]:
        """report id -> the event it is linked to (ids without a link are left out)."""

    def members(self, event_ids: Iterable[str]) -> dict[str, set[str]]:
        """event id -> its linked report ids (every asked id is a key)."""


@dataclass(slots=True)
class Change:
    """What to write back: the incidents that changed, and what every touched event held before."""

    clusters: list[FusedCluster] = field(default_factory=list)
    before: dict[str, set[str]] = field(default_factory=dict)
    replayed: int = 0  # reports that decided again (new ones included)

    @property
    def reports(self) -> list[Report]:
        return [r for c in self.clusters for r in c.reports]


def refuse(
    source: Source,
    new: Sequence[Report],
    removed: Sequence[Report] = (),
    prior: Mapping[str, set[str]] | None = None,
) -> Change:
    """The change that adding ``new`` and removing ``removed`` makes to the stored events.

    ``new`` are already in ``source`` but linked to no event; ``removed`` are gone from it, and
    ``prior`` gives, for each event they were linked to, its report ids before the removal.
    """
    prior = dict(prior or {})
    change = Change()
    by_block: dict[str | None, tuple[list[Report], list[Report]]] = {}
    for report in new:
        by_block.setdefault(report.block, ([], []))[0].append(report)
    for report in removed:
        by_block.setdefault(report.block, ([], []))[1].append(report)
    for block in sorted(by_block, key=lambda c: c or ""):
        added, gone = by_block[block]
        if block:
            gone_ids = {r.report_id for r in gone}
            own_prior = {eid: held for eid, held in prior.items() if held & gone_ids}
            _Replay(source, block, added, gone, own_prior).run(change)
        else:  # no country: no partner possible, each report is an incident of its own
            change.clusters.extend(i.fused() for r in added for i in assign([r]))
            change.replayed += len(added)
    for event_id, held in prior.items():
        change.before.setdefault(event_id, set(held))
    return change


class _Replay:
    """The fixed point for one fusion block: replay the free reports, widen, replay again."""

    def __init__(
        self, source: Source, block: str, added: list[Report], gone: list[Report], prior: Mapping[str, set[str]]
    ) -> None:
        self.source = source
        self.block = block
        self.k0 = min(canonical_key(r) for r in [*added, *gone])
        self.new_ids = {r.report_id for r in added}
        self.gone_ids = {r.report_id for r in gone} - self.new_ids  # a corrected article may reuse ids
        self.prior = prior
        self.loaded: dict[str, Report] = {r.report_id: r for r in added}
        self.free: dict[str, Stub] = {r.report_id: stub_of(r) for r in added}
        self._stubs: dict[str, Stub] = {}
        self._scanned: tuple[date, date] | None = None
        self._undated_scanned = False

    # -- the index ------------------------------------------------------------------------

    def _scan(self, lo: date, hi: date) -> None:
        """Make sure every stub dated in [lo, hi] is known."""
        have = self._scanned
        if have is None:
            parts = [(lo, hi)]
        else:
            parts = [(lo, have[0] - timedelta(days=1))] if lo < have[0] else []
            parts += [(have[1] + timedelta(days=1), hi)] if hi > have[1] else []
        for a, b in parts:
            for stub in self.source.stubs(self.block, a, b):
                self._stubs[stub.report_id] = stub
        self._scanned = (lo, hi) if have is None else (min(lo, have[0]), max(hi, have[1]))

    def _scan_undated(self) -> None:
        if not self._undated_scanned:
            for stub in self.source.stubs(self.block, None, None):
                self._stubs[stub.report_id] = stub
            self._undated_scanned = True

    def _stubs_in(self, lo: date, hi: date) -> list[Stub]:
        self._scan(lo, hi)
        return [s for s in self._stubs.values() if s.day is not None and lo <= s.day <= hi]

    # -- one replay -------------------------------------------------------------------------

    def _near(self, anchors: Iterable[tuple[date | None, int]]) -> list[Stub]:
        """Stored reports dated within the pair's window of an anchor (day, time precision):
        those whose candidate incidents include an incident with a member at an anchor. An
        undated anchor reaches every undated report."""
        days_by_precision: dict[int, list[int]] = {}
        undated = False
        for day, precision in anchors:
            if day is None:
                undated = True
            else:
                days_by_precision.setdefault(precision, []).append(day.toordinal())
        found: list[Stub] = []
        if days_by_precision:
            for days in days_by_precision.values():
                days.sort()
            lo = min(d[0] for d in days_by_precision.values())
            hi = max(d[-1] for d in days_by_precision.values())
            for stub in self._stubs_in(date.fromordinal(lo - WINDOW), date.fromordinal(hi + WINDOW)):
                ordinal = stub.day.toordinal()  # type: ignore[union-attr]
                for precision, days in days_by_precision.items():
                    reach = max_window(max(precision, stub.precision))
                    if bisect_right(days, ordinal + reach) > bisect_left(days, ordinal - reach):
                        found.append(stub)
                        break
        if undated:
            self._scan_undated()
            found += [s for s in self._stubs.values() if s.day is None]
        return [s for s in found if s.report_id not in self.gone_ids]

    def _near_free(self) -> set[str]:
        """Stored reports a free report could join."""
        return {s.report_id for s in self._near((f.day, f.precision) for f in self.free.values())}

    def _replay(self) -> tuple[list[Incident], dict[str, set[str]], dict[str, str]]:
        context = self._near_free() | set(self.free)
        owner = self.source.events_of(context - self.new_ids)
        tags = set(owner.values()) | set(self.prior)
        stored = self.source.members(tags)
        for event_id, held in self.prior.items():
            stored[event_id] = set(held)  # what the event held before the removal
        owner.update((rid, eid) for eid, ids in stored.items() for rid in ids if rid not in self.gone_ids)
        wanted = (context | set(owner)) - self.gone_ids
        missing = [rid for rid in wanted if rid not in self.loaded]
        self.loaded.update((r.report_id, r) for r in self.source.reports(missing))
        pinned = {rid: owner[rid] for rid in wanted if rid not in self.free and rid in owner}
        members = [self.loaded[rid] for rid in wanted if rid in self.loaded]
        return assign(members, pinned), stored, owner

    def _changed(self, incidents: list[Incident], stored: dict[str, set[str]]) -> list[Incident]:
        out = []
        for incident in incidents:
            ids = {r.report_id for r in incident.members}
            if ids & self.new_ids or stored.get(incident.event_id) != ids:
                out.append(incident)
        return out

    def _later_near(self, changed: list[Incident]) -> list[Stub]:
        """Reports after the first new/removed one, not yet free, that could join a changed
        incident (or belong to one): they may decide differently now."""
        anchors = [(r.day, r.precision) for i in changed for r in i.members]
        return [s for s in self._near(anchors) if s.key >= self.k0 and s.report_id not in self.free]

    def run(self, change: Change) -> None:
        while True:
            incidents, stored, owner = self._replay()
            changed = self._changed(incidents, stored)
            later = self._later_near(changed)
            if not later:
                break
            self.free.update((s.report_id, s) for s in later)
        change.clusters.extend(i.fused() for i in changed)
        change.replayed += len(self.free)
        for incident in changed:
            for report in incident.members:
                event_id = owner.get(report.report_id)
                if event_id is not None:
                    change.before.setdefault(event_id, set(stored.get(event_id, ())))
            change.before.setdefault(incident.event_id, set(stored.get(incident.event_id, ())))


class MemorySource:
    """An in-memory :class:`Source` that applies changes: tests and benchmarks ingest into it
    the way the store does."""

    def __init__(self) -> None:
        self.by_id: dict[str, Report] = {}
        self.owner: dict[str, str] = {}
        self.events: dict[str, set[str]] = {}
        self.by_article: dict[str, list[str]] = {}
        self._days: dict[str | None, dict[int, set[str]]] = {}

    def stubs(self, block: str, lo: date | None, hi: date | None) -> list[Stub]:
        days = self._days.get(block, {})
        if lo is None or hi is None:
            ids = days.get(0, set())
        else:
            ids = set().union(*(days.get(o, set()) for o in range(lo.toordinal(), hi.toordinal() + 1)))
        return [stub_of(self.by_id[rid]) for rid in sorted(ids)]

    def reports(self, ids: Iterable[str]) -> list[Report]:
        return [self.by_id[rid] for rid in ids if rid in self.by_id]

    def events_of(self, ids: Iterable[str]) -> dict[str, str]:
        return {rid: self.owner[rid] for rid in ids if rid in self.owner}

    def members(self, event_ids: Iterable[str]) -> dict[str, set[str]]:
        return {eid: set(self.events.get(eid, ())) for eid in event_ids}

    def _index(self, report: Report, add: bool) -> None:
        ordinal = report.day.toordinal() if report.day is not None else 0
        bucket = self._days.setdefault(report.block, {}).setdefault(ordinal, set())
        (bucket.add if add else bucket.discard)(report.report_id)

    def ingest(self, new: Sequence[Report], removed_article: str | None = None) -> Change:
        """Store an article's reports (replacing an article's earlier ones) and fuse them."""
        removed = [self.by_id[rid] for rid in self.by_article.pop(removed_article or "", [])]
        prior: dict[str, set[str]] = {}
        for report in removed:
            event_id = self.owner.pop(report.report_id, None)
            if event_id is not None:
                prior.setdefault(event_id, set(self.events[event_id]))
                self.events[event_id].discard(report.report_id)
            del self.by_id[report.report_id]
            self._index(report, add=False)
        for report in new:
            self.by_id[report.report_id] = report
            self.by_article.setdefault(report.article_id, []).append(report.report_id)
            self._index(report, add=True)
        change = refuse(self, new, removed, prior)
        self.apply(change)
        return change

    def apply(self, change: Change) -> None:
        for event_id in change.before:
            for rid in self.events.pop(event_id, set()):
                if self.owner.get(rid) == event_id:
                    del self.owner[rid]
        for fused in change.clusters:
            self.events[fused.event_id] = {r.report_id for r in fused.reports}
            self.owner.update((r.report_id, fused.event_id) for r in fused.reports)

    def partition(self) -> dict[str, frozenset[str]]:
        return {eid: frozenset(ids) for eid, ids in self.events.items() if ids}
