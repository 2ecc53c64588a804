"""Resolve a parsed :class:`Expr` to an ACLED date against the publication day.

ACLED time precision: 1 the day is known; 2 a week or a few days (midpoint of the period);
3 the month, or a period of about a month (midpoint; first/last day for the beginning/end of a
month). ACLED's week runs Saturday to Friday. Nothing resolves after the publication day
unless it is marked ``future``; nothing resolves without a publication day unless it is an
absolute date with a year. See docs/dates.md for every rule.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hijridate import Gregorian, Hijri

from rasd.extractors.dates.parse import Expr

SATURDAY = 5
MID_MONTH = 15
WEEK_PARTS = {"start": (0, 2), "middle": (2, 4), "end": (5, 6)}  # day offsets from Saturday
MONTH_PART_FIRST_DAY = {"start": 1, "middle": 11, "end": 21}
FUTURE_WINDOW_DAYS = 92  # a day/month without a year up to this far ahead is read as upcoming
FEW_DAYS = 7  # "الايام الماضيه": the last week
FEW_DAYS_AGO = (6, 2)  # "منذ ايام": between 6 and 2 days ago
WEEKS_WINDOW = 28  # "الاسابيع الماضيه": the last four weeks
MAX_PRECISION_2_DAYS = 14
EXACT_AGO_DAYS = 7  # "قبل ثلاثه ايام" is a day; "قبل عشرين يوما" is approximate
DAY = timedelta(days=1)

NO_PUBLICATION = "relative expression and no publication date"
NO_YEAR = "no year written and no publication date"
BACKGROUND = "duration or background period, not an incident date"
CONFLICT = "weekday disagrees with the relative day word; the weekday is kept"
WEEKDAY_MISMATCH = "weekday disagrees with the date; the date is kept"
YEAR_FIXED = "weekday disagrees with the written year; the year that fits the weekday is kept"
INVALID = "not a valid calendar date"
ANCHORED = "counted from the incident told before; dated by event dating"
FEW_DAYS_BEFORE = 3  # "بعد ايام من"


@dataclass(slots=True)
class Resolved:
    date: date | None = None
    precision: int | None = None
    first: date | None = None
    last: date | None = None
    confidence: float = 0.9
    reason: str | None = None
    conflict: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def resolve(expr: Expr, pub: date | None) -> Resolved:
    if expr.background:
        return Resolved(confidence=0.85, reason=BACKGROUND)
    if expr.anchored:
        return _anchored(expr)
    handler = _HANDLERS.get(expr.key.split(":")[0], _relative_day)
    try:
        return handler(expr, pub)
    except (ValueError, OverflowError):  # OverflowError: a day before year 1 or after 9999
        return Resolved(confidence=0.3, reason=INVALID)


def to_value(expr: Expr, res: Resolved) -> dict[str, Any]:
    """The mention ``value`` (keys as docs/mentions.md)."""
    future = expr.future or (res.date is not None and res.first is not None and expr.key.startswith("next"))
    value: dict[str, Any] = {
        "date": res.date.isoformat() if res.date else None,
        "precision": res.precision if res.date else None,
        "range": [res.first.isoformat(), res.last.isoformat()] if res.first and res.last else None,
        "key": expr.key,
        "part_of_day": expr.part_of_day,
        "reason": res.reason,
        "conflict": res.conflict,
        "background": expr.background or res.reason == BACKGROUND,
        "future": future or bool(res.extra.pop("future", False)),
    }
    if expr.dateline:
        value["dateline"] = True
    value.update(res.extra)
    return value


# -- calendar helpers ---------------------------------------------------------------------------

def on_or_before(pub: date, weekday: int) -> date:
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def strictly_before(pub: date, weekday: int) -> date:
    return pub - timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)


def strictly_after(pub: date, weekday: int) -> date:
    return pub + timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)


def acled_week_start(day: date) -> date:
    return day - timedelta(days=(day.weekday() - SATURDAY) % 7)


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def period(first: date, last: date, precision: int | None = None, confidence: float = 0.8) -> Resolved:
    """Midpoint of [first, last] (the later middle day for an even length); precision from
    its length unless given. At precision 3 the date is the 15th of the midpoint's month."""
    if precision is None:
        length = (last - first).days + 1
        precision = 1 if length == 1 else 2 if length <= MAX_PRECISION_2_DAYS else 3
    mid = first + timedelta(days=((last - first).days + 1) // 2)  # even length: the later middle day
    if precision == 3:  # ACLED: only the month is known -> the middle of that month
        mid = min(date(mid.year, mid.month, MID_MONTH), last)
    return Resolved(mid, precision, first, last, confidence)


def day(value: date, confidence: float = 0.9) -> Resolved:
    return Resolved(value, 1, None, None, confidence)


def _hijri_to_gregorian(year: int, month: int, day_: int) -> date:
    try:
        return date(*Hijri(year, month, day_).to_gregorian().datetuple())
    except (ValueError, OverflowError) as exc:
        raise ValueError(str(exc)) from exc


def _pub_hijri_year(pub: date) -> int:
    return Gregorian(pub.year, pub.month, pub.day).to_hijri().year


def _place_year(candidate: Callable[[int], date], pub: date, modifier: str | None) -> tuple[date, bool]:
    """Pick the year for a day/month written without one: the nearest fitting the modifier.

    ``candidate(year_shift)`` builds the date in the publication's year shifted by
    ``year_shift``. Returns (date, future).
    """
    this = candidate(0)
    if this > pub:
        ahead = (this - pub).days
        if modifier == "past" or (modifier != "next" and ahead > FUTURE_WINDOW_DAYS):
            return candidate(-1), False
        return this, True
    if modifier == "next":
        return candidate(1), True
    return this, False


# -- handlers -----------------------------------------------------------------------------------

def _absolute(expr: Expr, pub: date | None) -> Resolved:
    assert expr.month is not None and expr.day is not None
    month, day_ = expr.month, expr.day
    hijri = expr.calendar == "hijri"

    def build(year: int) -> date:
        return _hijri_to_gregorian(year, month, day_) if hijri else date(year, month, day_)

    future = False
    confidence = 0.95
    if expr.year is not None:
        value = build(expr.year)
        future = pub is not None and value > pub
    elif pub is None:
        return Resolved(confidence=0.3, reason=NO_YEAR)
    else:
        base = _pub_hijri_year(pub) if hijri else pub.year
        value, future = _place_year(lambda shift: build(base + shift), pub, expr.modifier)
        confidence = 0.85
    if expr.key == "absolute_range" and expr.end_day is not None:
        end = date(value.year, value.month, expr.end_day) if not hijri else _hijri_to_gregorian(
            expr.year or _pub_hijri_year(pub or value), month, expr.end_day)
        res = period(value, end, confidence=0.8) if end >= value else day(value, 0.6)
    else:
        res = day(value, confidence)
    if expr.weekday is not None and value.weekday() != expr.weekday:
        res.conflict, res.reason, res.confidence = True, WEEKDAY_MISMATCH, 0.6
        fixed = _year_fixed_by_weekday(expr, value, pub) if not hijri and expr.key == "absolute" else None
        if fixed is not None:
            res.date, res.reason, res.confidence, future = fixed, YEAR_FIXED, 0.7, False
    if hijri:
        res.extra["calendar"] = "hijri"
    res.extra["future"] = future
    return res


def _year_fixed_by_weekday(expr: Expr, written: date, pub: date | None) -> date | None:
    """A written year that contradicts the weekday but fits it in the publication's year or
    the one before (a typo common around New Year) is corrected."""
    if pub is None or expr.year is None or expr.weekday is None:
        return None
    for year in (pub.year, pub.year - 1):
        if year == expr.year:
            continue
        try:
            candidate = written.replace(year=year)
        except ValueError:
            continue
        if candidate.weekday() == expr.weekday and candidate <= pub:
            return candidate
    return None


def _day_of_month(expr: Expr, pub: date | None) -> Resolved:
    """"15 من الشهر الجاري/الماضي": a day of the month placed by the modifier."""
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    assert expr.day is not None
    shift = {"past": -1, "current": 0, "next": 1}[expr.modifier or "current"]
    year, month = shift_month(pub.year, pub.month, shift)
    value = date(year, month, expr.day)
    res = day(value, 0.9)
    res.extra["future"] = value > pub
    return res


def _month(expr: Expr, pub: date | None) -> Resolved:
    assert expr.month is not None
    month = expr.month
    if expr.calendar == "hijri":
        return _hijri_month(expr, pub)
    if expr.year is not None:
        year, future = expr.year, pub is not None and date(expr.year, month, 1) > pub
    elif pub is None:
        return Resolved(confidence=0.3, reason=NO_YEAR)
    else:
        first, future = _place_year(lambda shift: date(pub.year + shift, month, 1), pub, expr.modifier)
        year = first.year
    res = _month_value(year, month, expr.part, pub)
    res.extra["future"] = future
    return res


def _month_value(year: int, month: int, part: str | None, pub: date | None) -> Resolved:
    first, last = date(year, month, 1), last_day_of_month(year, month)
    if part == "start":
        value = first
    elif part == "end":
        value = last
    else:
        value = date(year, month, MID_MONTH)
    if pub is not None and first <= pub < value:
        value = pub  # never date an incident after the article that reports it
    return Resolved(value, 3, first, last, 0.8)


def _hijri_month(expr: Expr, pub: date | None) -> Resolved:
    assert expr.month is not None
    month = expr.month
    if expr.year is None and pub is None:
        return Resolved(confidence=0.3, reason=NO_YEAR)
    year = expr.year if expr.year is not None else _pub_hijri_year(pub)  # type: ignore[arg-type]
    first = _hijri_to_gregorian(year, month, 1)
    if expr.year is None and pub is not None and first > pub:
        year -= 1
        first = _hijri_to_gregorian(year, month, 1)
    length = Hijri(year, month, 1).month_length()
    last = first + timedelta(days=length - 1)
    value = {"start": first, "end": last}.get(expr.part or "", first + timedelta(days=14))
    res = Resolved(value, 3, first, last, 0.75)
    res.extra["calendar"] = "hijri"
    return res


def _relative_day(expr: Expr, pub: date | None) -> Resolved:
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    offset = expr.offset or 0
    value = pub + timedelta(days=offset)
    confidence = 0.95 if offset else 0.9
    if expr.weekday is None:
        return day(value, confidence)
    if value.weekday() == expr.weekday:
        return day(value, 0.97)
    kept = on_or_before(pub, expr.weekday) if offset <= 0 else strictly_after(pub, expr.weekday)
    res = day(kept, 0.5)
    res.conflict, res.reason = True, CONFLICT
    return res


def _weekday(expr: Expr, pub: date | None) -> Resolved:
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    assert expr.weekday is not None
    if expr.modifier == "next":
        return day(strictly_after(pub, expr.weekday), 0.8)
    if expr.modifier == "past":
        return day(strictly_before(pub, expr.weekday), 0.85)
    return day(on_or_before(pub, expr.weekday), 0.85)


def _weekday_range(expr: Expr, pub: date | None) -> Resolved:
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    assert expr.weekday is not None and expr.end_weekday is not None
    last = on_or_before(pub, expr.end_weekday)
    first = last - timedelta(days=(expr.end_weekday - expr.weekday) % 7)
    return period(first, last, confidence=0.8)


def _week(expr: Expr, pub: date | None) -> Resolved:
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    current = acled_week_start(pub)
    shift = {"last_week": -7, "this_week": 0, "next_week": 7}.get(expr.key)
    if shift is None:  # "نهايه الاسبوع": the latest such part that has begun by publication
        lo, _ = WEEK_PARTS[expr.part or "end"]
        shift = 0 if current + timedelta(days=lo) <= pub else -7
    start = current + timedelta(days=shift)
    lo, hi = WEEK_PARTS.get(expr.part or "", (0, 6))
    first, last = start + timedelta(days=lo), start + timedelta(days=hi)
    if shift == 0 and last > pub >= first:
        last = pub
    res = period(first, last, precision=2, confidence=0.8)
    res.extra["future"] = first > pub
    return res


def _month_relative(expr: Expr, pub: date | None) -> Resolved:
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    shift = {"last_month": -1, "this_month": 0, "next_month": 1}.get(expr.key)
    if shift is None:  # "منتصف الشهر": this month if that part has begun, else the last one
        shift = 0 if MONTH_PART_FIRST_DAY[expr.part or "middle"] <= pub.day else -1
    year, month = shift_month(pub.year, pub.month, shift)
    res = _month_value(year, month, expr.part, pub)
    res.extra["future"] = shift > 0
    return res


def _past_period(expr: Expr, pub: date | None) -> Resolved:
    unit = expr.unit
    if unit in ("month", "year"):
        return Resolved(confidence=0.8, reason=BACKGROUND, extra={"background": True})
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    if unit == "hour":
        return day(pub, 0.75)
    per_unit, default = (1, FEW_DAYS) if unit == "day" else (7, WEEKS_WINDOW)
    days = per_unit * expr.count if expr.count else default
    if expr.key.startswith("next"):
        res = period(pub + DAY, pub + timedelta(days=days), confidence=0.6)
        res.extra["future"] = True
        return res
    return period(pub - timedelta(days=days), pub - DAY, confidence=0.7)


def _ago(expr: Expr, pub: date | None) -> Resolved:
    unit, count = expr.unit, expr.count
    if unit == "year" or (unit == "month" and (expr.since or count is None)):
        return Resolved(confidence=0.8, reason=BACKGROUND, extra={"background": True})
    if pub is None:
        return Resolved(confidence=0.3, reason=NO_PUBLICATION)
    if unit == "hour":
        return day(pub, 0.8)
    if unit == "day":
        if count is None:
            return period(pub - timedelta(days=FEW_DAYS_AGO[0]), pub - timedelta(days=FEW_DAYS_AGO[1]),
                          confidence=0.6)
        value = pub - timedelta(days=count)
        if count <= EXACT_AGO_DAYS and not expr.approx:
            return day(value, 0.85)
        return period(value - 3 * DAY, value + 3 * DAY, precision=2, confidence=0.6)
    if unit == "week":
        if count is None:
            return period(pub - timedelta(days=35), pub - timedelta(days=14), precision=3, confidence=0.5)
        centre = pub - timedelta(days=7 * count)
        return period(centre - 3 * DAY, centre + 3 * DAY, precision=2, confidence=0.65)
    centre = pub - timedelta(days=30 * (count or 1))
    return period(centre - 15 * DAY, centre + 15 * DAY, precision=3, confidence=0.5)


def _anchored(expr: Expr) -> Resolved:
    """Narrative days carry an offset from the incident told before (``anchor_offset``)."""
    if expr.key != "after_event":
        return Resolved(confidence=0.8, reason=ANCHORED, extra={"anchor_offset": expr.offset or 0,
                                                                 "anchor_precision": 1})
    count, unit = expr.count, expr.unit
    if unit == "day":
        days, precision = (count, 1 if count <= EXACT_AGO_DAYS and not expr.approx else 2) if count else (
            FEW_DAYS_BEFORE, 2)
    elif unit == "week":
        days, precision = (7 * count, 2) if count else (14, 3)
    else:
        days, precision = 30 * (count or 1), 3
    return Resolved(confidence=0.7, reason=ANCHORED, extra={"anchor_offset": -days, "anchor_precision": precision})


def _part(expr: Expr, pub: date | None) -> Resolved:
    return _week(expr, pub) if expr.unit == "week" else _month_relative(expr, pub)


_HANDLERS = {
    "absolute": _absolute,
    "absolute_range": _absolute,
    "month": _month,
    "day_of_month": _day_of_month,
    "weekday": _weekday,
    "weekday_range": _weekday_range,
    "last_week": _week,
    "this_week": _week,
    "next_week": _week,
    "last_month": _month_relative,
    "this_month": _month_relative,
    "next_month": _month_relative,
    "week_part": _part,
    "month_part": _part,
    "past_days": _past_period,
    "past_weeks": _past_period,
    "past_months": _past_period,
    "past_years": _past_period,
    "next_days": _past_period,
    "next_weeks": _past_period,
    "ago": _ago,
}
