"""ACLED-conservative counts (fatalities, injured) from an incident's casualty mentions.

Rules (see docs/events.md): aggregate, negated and subset ("among them") figures are never
incident tolls; a revised total ("rose to") replaces earlier figures; parts with distinct
victim groups in one sentence add up; conflicting retellings keep the lowest figure; vague
words take the documented convention (docs/casualties.md): tens 10, dozens 12, hundreds 100,
thousands 1000, several / some / many 3.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.document import Mention

VAGUE_POINT: dict[str, int] = {
    "tens": 10,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "several": 3,
    "some": 3,
    "many": 3,
}
# Groups that name everyone counted, not one part of the toll.
TOTAL_GROUPS = frozenset({None, "people", "persons"})
# Deaths among the attackers, told apart from the victims' toll, add to it (ACLED counts both).
PERPETRATOR_GROUPS = frozenset({"attackers", "assailants", "gunmen", "militants", "bombers"})


@dataclass(slots=True)
class Count:
    value: int | None
    min: int | None
    max: int | None
    qualifier: str | None
    mentions: list[Mention] = field(default_factory=list)
    disputed: bool = False
    vague: bool = False


def is_incident_toll(m: Mention) -> bool:
    v = m.value
    return not (v.get("aggregate") or v.get("negated") or v.get("subset"))


def point(m: Mention) -> int | None:
    """ACLED point figure of one casualty mention (None when unknown)."""
    v = m.value
    if v.get("zero"):
        return 0
    if v.get("unknown"):
        return None
    if v.get("qualifier") in VAGUE_POINT and not v.get("number_span") and "number_span" in v:
        return None  # "others were injured": a plural with no number word is no count
    low = v.get("min")
    if isinstance(low, int | float):
        return int(low)
    return VAGUE_POINT.get(v.get("qualifier") or "")


def count_of(mentions: list[Mention], kind: str, sentence_of=lambda m: m.sentence,
             includes_perpetrators: bool = False) -> Count | None:
    """The incident's count of ``kind`` (``killed`` / ``injured``) or None when not reported.
    Sentences that give other figures for the same victims dispute each other (lowest kept); a
    sentence that counts only the attackers ("security forces killed four of the attackers") adds
    to the victims' toll unless the toll is said to include them."""
    includes_perpetrators = includes_perpetrators or includes_attackers(mentions)
    usable = [m for m in mentions if m.value.get("type") == kind and is_incident_toll(m)]
    usable = [m for m in usable if point(m) is not None]
    if not usable:
        return None
    updates = [m for m in usable if m.value.get("update")]
    if updates:
        return _single(max(updates, key=lambda m: m.start))
    positive = [m for m in usable if point(m)]
    if not positive:
        return _single(usable[0])
    by_sentence: dict[int | None, list[Mention]] = {}
    for m in positive:
        by_sentence.setdefault(sentence_of(m), []).append(m)
    totals = [_sentence_total(ms) for ms in by_sentence.values()]
    firm = [t for t in totals if not t.count.vague]
    totals = firm or totals  # a vague retelling ("a number of martyrs") never lowers a stated figure
    attackers = [t for t in totals if _groups(t.count) <= PERPETRATOR_GROUPS]
    victims = [t for t in totals if t not in attackers]
    if victims and attackers:
        totals = victims  # the attackers are counted apart: added below, or already in the toll
    if not victims or includes_perpetrators:
        attackers = []
    best = min(totals, key=lambda c: (c.value, c.start_of))
    result = best.count
    values = {t.value for t in totals}
    result.disputed = len(values) > 1
    if result.disputed:
        result.max = max(t.count.max if t.count.max is not None else t.value for t in totals)
    if attackers:
        result = _added(result, min(attackers, key=lambda c: (c.value, c.start_of)).count)
    return result


@dataclass(slots=True)
class _Total:
    value: int
    start_of: int
    count: Count


def _single(m: Mention) -> Count:
    v = m.value
    value = point(m)
    low = v.get("min") if isinstance(v.get("min"), int) else value
    high = v.get("max") if isinstance(v.get("max"), int) else (value if _exactish(v) else None)
    if v.get("zero"):
        low = high = 0
    qualifier = v.get("qualifier") or ("exact" if value is not None else None)
    vague = (v.get("min") is None or v.get("qualifier") in VAGUE_POINT) and not v.get("zero")
    return Count(value, low, high, qualifier, [m], vague=vague)


def _exactish(v: dict) -> bool:
    return (v.get("qualifier") or "exact") == "exact"


def _verb_units(ms: list[Mention]) -> list[list[Mention]]:
    """Counts governed by one casualty word ("قتل القيادي وثلاثة من مرافقيه", "7 soldiers and 12
    gunmen were killed", "6 soldiers besides the 4 attackers") are parts of one toll."""
    by_verb: dict[object, list[Mention]] = {}
    for m in ms:
        span = m.value.get("trigger_span")
        by_verb.setdefault(tuple(span) if span else id(m), []).append(m)
    return list(by_verb.values())


def _unit_count(parts: list[Mention]) -> Count:
    counts = [_single(m) for m in sorted(parts, key=lambda m: m.start)]
    total = counts[0]
    for c in counts[1:]:
        total = _added(total, c)
    return total


def _sentence_total(ms: list[Mention]) -> _Total:
    """One sentence's toll: the parts sharing a casualty word summed first; then the lowest
    telling of the whole toll (a sum of parts, or a count of "people"), else distinct victim
    groups added up."""
    units = _verb_units(ms)
    if len(units) == 1:
        total = _unit_count(units[0])
        return _Total(total.value or 0, min(m.start for m in units[0]), total)
    wholes = [u for u in units if len(u) > 1 or u[0].value.get("group") in TOTAL_GROUPS]
    if wholes:
        counts = [(_unit_count(u), min(m.start for m in u)) for u in wholes]
        count, start = min(counts, key=lambda c: (c[0].value or 0, c[1]))
        return _Total(count.value or 0, start, count)
    per_group: dict[str, Mention] = {}
    for m in ms:
        g = m.value["group"]
        if g not in per_group or point(m) < point(per_group[g]):
            per_group[g] = m
    parts = [_single(m) for m in sorted(per_group.values(), key=lambda m: m.start)]
    if len(parts) == 1:
        return _Total(parts[0].value or 0, parts[0].mentions[0].start, parts[0])
    value = sum(p.value or 0 for p in parts)
    low = sum(p.min or 0 for p in parts)
    high = None if any(p.max is None for p in parts) else sum(p.max for p in parts)
    quals = [p.qualifier for p in parts if p.qualifier and p.qualifier != "exact"]
    qualifier = quals[0] if quals else "exact"
    mentions = [m for p in parts for m in p.mentions]
    count = Count(value, low, high, qualifier, mentions, vague=any(p.vague for p in parts))
    return _Total(value, mentions[0].start, count)


def includes_attackers(mentions: list[Mention]) -> bool:
    """The toll is said to include the attackers: the flag may sit on any casualty mention of
    the incident, a subset one ("بينهم الانتحاري") included."""
    return any(m.value.get("includes_attacker") for m in mentions)


def _groups(count: Count) -> set[str | None]:
    return {m.value.get("group") for m in count.mentions}


def combine_tellings(tellings: list[tuple[list[Mention], bool]], kind: str, sentence_of=lambda m: m.sentence,
                     includes_perpetrators: bool = False) -> Count | None:
    """The count of one incident told several times (the first telling leads).

    A later telling adds victims of other groups ("two of the attackers were also killed"),
    replaces a vague figure, or - when it stands on its own place and day and gives another
    figure - makes the count disputed (lowest kept). A vaguer retelling never overrides.
    """
    includes_perpetrators = includes_perpetrators or includes_attackers([m for ms, _ in tellings for m in ms])
    result: Count | None = None
    for mentions, strong in tellings:
        count = count_of(mentions, kind, sentence_of, includes_perpetrators)
        if count is None:
            continue
        if result is None:
            result = count
            continue
        if count.value == result.value:
            result.mentions.extend(m for m in count.mentions if m not in result.mentions)  # corroboration
            continue
        if any(m.value.get("update") for m in count.mentions):
            result = count  # "the toll rose to ...": a revised total replaces the first report
            continue
        if count.vague:
            continue
        if not count.value or not result.value:
            # "no casualties among the guards" beside "18 killed": a zero speaks of one side or one
            # part of the incident and never disputes a positive toll
            result = result if result.value else count
            continue
        mine, theirs = _groups(result), _groups(count)
        if (theirs <= PERPETRATOR_GROUPS or mine <= PERPETRATOR_GROUPS) and not mine & theirs \
                and not includes_perpetrators:
            result = _added(result, count)
        elif result.vague:
            result = count
        elif count.value is not None and result.value is not None and (
                strong or count.value > result.value or _same_victims(result, count)):
            # another report of the same incident: keep the lowest figure, note the dispute (a
            # lower figure from a vaguer telling - "a commander was killed" - is not a report)
            low, high = sorted((result, count), key=lambda c: c.value)
            low.disputed = True
            low.max = max(high.max if high.max is not None else high.value, low.max or 0)
            result = low
    return result


def _same_victims(a: Count, b: Count) -> bool:
    """Another firm figure for the very victims counted first ("12 soldiers" / the army's "10
    soldiers") is a competing report, whatever the telling; "a commander was killed" is not."""
    groups = _groups(a)
    return groups == _groups(b) and not groups <= TOTAL_GROUPS and b.value is not None and b.value > 1


def _added(a: Count, b: Count) -> Count:
    high = None if a.max is None or b.max is None else a.max + b.max
    qualifier = a.qualifier if a.qualifier == b.qualifier else (
        a.qualifier if a.qualifier != "exact" else b.qualifier)
    return Count((a.value or 0) + (b.value or 0), (a.min or 0) + (b.min or 0), high, qualifier,
                 a.mentions + b.mentions, a.disputed or b.disputed, a.vague or b.vague)
