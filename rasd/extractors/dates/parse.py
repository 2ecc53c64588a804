"""Date expressions: tokens -> lexicon atoms -> :class:`Expr` (unresolved, keyed).

Parsing needs no publication date: an :class:`Expr` says *what* was written ("yesterday,
Monday", "last week", "15 Ramadan 1436"); :mod:`rasd.extractors.dates.resolve` turns it into a
calendar day against the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasd.document import Token
from rasd.extractors.dates.lexicon import Lex, anchor_words, date_matcher, first_words
from rasd.tokenize.clitics import definite_article

YEAR_MIN, YEAR_MAX = 1900, 2100
HIJRI_YEAR_MIN = 1300  # the smallest number read as a (Hijri) year
MAX_COUNT = 1000
COMMAS = frozenset("،,")
RANGE_DASHES = frozenset("-/")
NUMERIC_SEPARATORS = frozenset("/-.")
DATELINE_PUNCT = frozenset("-(:")
OPENERS = frozenset("(")
CLOSERS = frozenset(")")
STARTS = frozenset(("cue", "pod", "unit", "rel", "narr", "weekday", "num", "ordinal", "mod", "month"))


@dataclass(frozen=True, slots=True)
class Atom:
    cat: str  # a lexicon category, or "num", "punct", "word"
    key: str
    tok_start: int
    tok_end: int
    value: int | None = None
    flag: bool = False
    extra: str = ""
    prefix_len: int = 0  # normalized chars of clitic before the atom in its first token

    @property
    def conj(self) -> bool:
        """The atom's word carries a proclitic (و "and", ب, ل ...)."""
        return self.prefix_len > 0


@dataclass(slots=True)
class Expr:
    key: str
    tok_start: int
    tok_end: int
    prefix_len: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"
    end_year: int | None = None  # ranges between two absolute days
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None  # an explicit weekday written with the expression
    end_weekday: int | None = None
    offset: int | None = None  # relative day words
    part_of_day: str | None = None
    modifier: str | None = None  # past / current / next
    part: str | None = None  # start / middle / end of a week or month
    unit: str | None = None  # periods and "n units ago"
    count: int | None = None
    approx: bool = False
    since: bool = False
    future: bool = False
    background: bool = False
    dateline: bool = False
    anchored: bool = False  # counted from the incident told before, not from publication


def atoms_for(tokens: Sequence[Token], start: int, end: int) -> list[Atom]:
    """Lexicon atoms (longest match first), numbers and punctuation; a run of other words
    becomes one ``word`` atom (a gap that breaks every pattern)."""
    matcher = date_matcher()
    starts = first_words()
    atoms: list[Atom] = []
    i = start
    while i < end:
        tok = tokens[i]
        hits = matcher.match_at(tokens, i, end) if not starts.isdisjoint(tok.forms) else None
        if hits:
            # Among the longest, prefer the reading that strips the least ("والاثنين" is
            # "and Monday", not "and two").
            longest = hits[0].tok_end
            best = min((h for h in hits if h.tok_end == longest), key=lambda h: h.prefix_len)
            lex: Lex = best.payload
            atoms.append(Atom(lex.cat, lex.key, best.tok_start, best.tok_end, lex.value, lex.flag,
                              lex.extra, _clitic_len(tok, best.prefix_len)))
            i = best.tok_end
            continue
        if tok.kind == "number":
            atoms.append(Atom("num", tok.norm, i, i + 1, _int(tok.norm)))
        elif tok.kind == "punct":
            atoms.append(Atom("punct", tok.norm, i, i + 1))
        elif not atoms or atoms[-1].cat != "word":
            atoms.append(Atom("word", tok.norm, i, i + 1))
        i += 1
    return atoms


def _clitic_len(tok: Token, prefix_len: int) -> int:
    """Clitic length before a match, keeping a definite article inside the mention."""
    article = definite_article()
    if prefix_len >= len(article) and tok.norm[prefix_len - len(article) : prefix_len] == article:
        return prefix_len - len(article)
    return prefix_len


MAX_DATE_DIGITS = 9  # a longer digit run is no day, year or count of days (and int() of 5,000 digits fails)


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= MAX_DATE_DIGITS else None


def parse_atoms(atoms: Sequence[Atom]) -> list[Expr]:
    """Every date expression in a run of atoms, left to right, without overlaps."""
    out: list[Expr] = []
    j = 0
    while j < len(atoms):
        if atoms[j].cat not in STARTS:
            j += 1
            continue
        found = _parse_at(atoms, j)
        if found is None:
            j += 1
            continue
        expr, k = found
        if expr.key.split(":")[0] in SINCE_DAY_KEYS and _at(atoms, j - 1, "cue", "since"):
            # "منذ السابع من تشرين الاول": the start of a running period, not an incident day
            expr.since = expr.background = True
            expr.tok_start, expr.prefix_len = atoms[j - 1].tok_start, atoms[j - 1].prefix_len
        out.append(expr)
        j = k
    return out


SINCE_DAY_KEYS = frozenset({"absolute", "day_of_month", "month", "weekday"})


Parsed = tuple[Expr, int] | None


def _parse_at(a: Sequence[Atom], j: int) -> Parsed:
    for parser in _PARSERS_BY_CAT.get(a[j].cat, ()):
        found = parser(a, j)
        if found is not None:
            return found
    return None


# -- small helpers ------------------------------------------------------------------------------

def _at(a: Sequence[Atom], k: int, cat: str, key: str | None = None) -> bool:
    # k may be j - 1 at the first atom: a negative index must not wrap to the last atom
    return 0 <= k < len(a) and a[k].cat == cat and (key is None or a[k].key == key)


def _is_punct(a: Sequence[Atom], k: int, chars: frozenset[str]) -> bool:
    return 0 <= k < len(a) and a[k].cat == "punct" and a[k].key in chars


def _expr(key: str, a: Sequence[Atom], j: int, k: int, **fields: object) -> Expr:
    return Expr(key, a[j].tok_start, a[k - 1].tok_end, a[j].prefix_len, **fields)  # type: ignore[arg-type]


def _year_at(a: Sequence[Atom], k: int) -> tuple[int | None, int]:
    """A year number at ``k`` (optionally after "عام"/"سنه"); returns (year, next index)."""
    if _at(a, k, "unit", "year") and a[k].value == 1 and _at(a, k + 1, "num"):
        k += 1
    if _at(a, k, "num") and a[k].value is not None and HIJRI_YEAR_MIN <= a[k].value <= YEAR_MAX:
        return a[k].value, k + 1
    return None, k


def _day_number(a: Sequence[Atom], k: int) -> int | None:
    if k < len(a) and a[k].cat in ("num", "ordinal") and a[k].value is not None and 1 <= a[k].value <= 31:
        return a[k].value
    return None


def _trailing_pod(a: Sequence[Atom], k: int) -> tuple[str | None, int]:
    """A part of day written after the day ("الاحد مساء"), unless it starts another day."""
    if _at(a, k, "pod") and not (k + 1 < len(a) and a[k + 1].cat in ("rel", "weekday", "num", "ordinal")):
        return a[k].key, k + 1
    return None, k


def _skip_comma(a: Sequence[Atom], k: int) -> int:
    return k + 1 if _is_punct(a, k, COMMAS) else k


# -- parsers --------------------------------------------------------------------------------------

def _day_expr(a: Sequence[Atom], j: int) -> Parsed:
    """[part of day] [يوم] (relative word [weekday] | weekday [modifier] | absolute date)."""
    k = j
    pod: str | None = None
    if _at(a, k, "pod"):
        pod = a[k].key
        k += 1
    if _at(a, k, "unit", "day") and a[k].value == 2 and _at(a, k + 1, "weekday") and _at(a, k + 2, "weekday"):
        return _expr("weekday_range", a, j, k + 3, weekday=a[k + 1].value, end_weekday=a[k + 2].value), k + 3
    if _at(a, k, "unit", "day") and a[k].value == 1 and k + 1 < len(a) and a[k + 1].cat in (
        "rel", "weekday", "num", "ordinal"
    ):
        k += 1
    if k >= len(a):
        return None
    head = a[k]
    if head.cat == "rel":
        return _relative(a, j, k, pod)
    if head.cat == "narr":
        return _expr(head.key, a, j, k + 1, offset=head.value, part_of_day=pod, anchored=True), k + 1
    if head.cat == "weekday":
        return _weekday(a, j, k, pod)
    if head.cat in ("num", "ordinal"):
        found = _absolute(a, k)
        if found is None:
            return None
        expr, end = found
        expr.tok_start, expr.prefix_len = a[j].tok_start, a[j].prefix_len
        if pod == "night" and expr.end_day is not None and expr.end_day == expr.day + 1:
            expr.key, expr.end_day = "absolute", None  # "ليل 15 الي 16 يوليو" is the night of the 15th
        if pod:
            expr.part_of_day = pod
        else:
            expr.part_of_day, end = _trailing_pod(a, end)
        return expr, end
    return None


def _relative(a: Sequence[Atom], j: int, k: int, pod: str | None) -> Parsed:
    head = a[k]
    k += 1
    weekday = None
    w = _skip_comma(a, k)
    if _at(a, w, "weekday"):
        weekday, k = a[w].value, w + 1
    trailing = None
    if pod is None:
        trailing, k = _trailing_pod(a, k)
    part = pod or trailing or head.extra or None
    expr = _expr(head.key, a, j, k, offset=head.value, future=head.flag, weekday=weekday, part_of_day=part)
    return expr, k


def _weekday(a: Sequence[Atom], j: int, k: int, pod: str | None) -> Parsed:
    head = a[k]
    after = _skip_comma(a, k + 1)
    if _is_punct(a, after, OPENERS):
        after += 1
    found = _absolute(a, after) or _numeric(a, after)
    if found is not None:
        expr, end = found
        if _is_punct(a, end, CLOSERS):
            end += 1
            expr.tok_end = a[end - 1].tok_end
        expr.tok_start, expr.prefix_len, expr.weekday = a[j].tok_start, a[j].prefix_len, head.value
        expr.part_of_day = pod or expr.part_of_day
        return expr, end
    k += 1
    end_weekday = None
    # "ليل السبت الاحد", "السبت - الاحد": a night over two days is dated by the first;
    # "السبت والاحد" (with "and") is a range of two days.
    second = k + 1 if _is_punct(a, k, RANGE_DASHES) else k
    if _at(a, second, "weekday"):
        if a[second].conj and pod is None:
            end_weekday = a[second].value
        k = second + 1
    modifier = None
    if _at(a, k, "mod") and a[k].key in ("past", "next"):
        modifier = a[k].key
        k += 1
    trailing = None
    if pod is None:
        trailing, k = _trailing_pod(a, k)
    twin = _absolute(a, k + 1) if end_weekday is None and _at(a, k, "cue", "equals") else None
    if twin is not None:  # "الاحد الموافق 22 ابريل 2018"
        expr, end = twin
        expr.tok_start, expr.prefix_len, expr.weekday = a[j].tok_start, a[j].prefix_len, head.value
        expr.part_of_day = pod or trailing
        return expr, end
    if end_weekday is not None:
        return _expr("weekday_range", a, j, k, weekday=head.value, end_weekday=end_weekday), k
    key = "weekday:" + head.key
    return _expr(key, a, j, k, weekday=head.value, modifier=modifier, part_of_day=pod or trailing,
                 future=modifier == "next"), k


def _month_at(a: Sequence[Atom], k: int) -> tuple[Atom | None, int]:
    """A month name, with an optional second naming of the same month ("حزيران/يونيو")."""
    if not _at(a, k, "month"):
        return None, k
    month = a[k]
    k += 1
    alt = k + 1 if _is_punct(a, k, frozenset("/(-")) else k
    if _at(a, alt, "month") and a[alt].value == month.value and a[alt].key == month.key:
        k = alt + 1
        if _is_punct(a, k, frozenset(")")):
            k += 1
    return month, k


def _absolute(a: Sequence[Atom], k: int) -> Parsed:
    """day [من] month [year] [era] [modifier] [الموافق day month year]; also day-day month."""
    start = k
    day = _day_number(a, k)
    if day is None:
        return None
    k += 1
    end_day = None
    link = k + 1 if (_at(a, k, "cue", "to") or _is_punct(a, k, RANGE_DASHES)) else None
    if link is not None and _day_number(a, link) is not None and (
        _at(a, link + 1, "month") or _at(a, link + 1, "cue", "of")
    ):
        end_day = _day_number(a, link)
        k = link + 1
    if _at(a, k, "cue", "of"):
        k += 1
    if _at(a, k, "unit", "month") and a[k].value == 1 and _at(a, k + 1, "mod") and a[k + 1].key in (
        "past", "current", "next"
    ):  # "في 15 من الشهر الجاري"
        modifier = a[k + 1].key
        return Expr("day_of_month", a[start].tok_start, a[k + 1].tok_end, a[start].prefix_len, day=day,
                    modifier=modifier, future=modifier == "next"), k + 2
    month, k = _month_at(a, k)
    if month is None or month.value is None:
        return None
    if a[start].cat == "ordinal" and not _at(a, start + 1, "cue", "of") and end_day is None:
        # "الثاني يونيو" is not a date form; "الثاني من يونيو" is.
        return None
    year, calendar, modifier, k = _year_calendar_modifier(a, k, month.key)
    expr = Expr("absolute" if end_day is None else "absolute_range", a[start].tok_start, a[k - 1].tok_end,
                a[start].prefix_len, year=year, month=month.value, day=day, calendar=calendar,
                modifier=modifier, future=modifier == "next")
    if end_day is not None:
        expr.end_day, expr.end_month, expr.end_year = end_day, month.value, year
    if _at(a, k, "cue", "equals"):
        twin = _absolute(a, k + 1) or _numeric(a, k + 1)
        if twin is not None:
            other, k = twin
            if expr.calendar == "hijri" and other.calendar == "gregorian":
                other.tok_start, other.prefix_len = expr.tok_start, expr.prefix_len
                expr = other
            expr.tok_end = a[k - 1].tok_end
    return expr, k


def _numeric(a: Sequence[Atom], j: int) -> Parsed:
    """15/5/2015, 2015-05-15, 15.5.2015 (day first unless the year leads)."""
    if not _at(a, j, "num"):
        return None
    parts: list[int] = []
    k = j
    if a[j].value is None:
        pieces = [_int(p) for p in a[j].key.split(".")]
        if len(pieces) != 3 or any(p is None for p in pieces):
            return None
        parts, k = pieces, j + 1  # type: ignore[assignment]
    else:
        sep = a[j + 1].key if _is_punct(a, j + 1, NUMERIC_SEPARATORS) else None
        if sep is None or not (_at(a, j + 2, "num") and _is_punct(a, j + 3, frozenset(sep))
                               and _at(a, j + 4, "num")):
            return None
        parts = [a[j].value, a[j + 2].value, a[j + 4].value]  # type: ignore[list-item]
        if any(p is None for p in parts):
            return None
        k = j + 5
    first, middle, last = parts
    if first >= YEAR_MIN:
        year, month, day = first, middle, last
    elif last >= YEAR_MIN:
        year, month, day = last, middle, first
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31 and year <= YEAR_MAX):
        return None
    calendar = "gregorian"
    if _at(a, k, "cue", "hijri_mark"):
        calendar, k = "hijri", k + 1
    elif _at(a, k, "cue", "greg_mark"):
        k += 1
    return _expr("absolute", a, j, k, year=year, month=month, day=day, calendar=calendar), k



def _year_calendar_modifier(a: Sequence[Atom], k: int, calendar: str) -> tuple[int | None, str, str | None, int]:
    """After a month name: an optional year, calendar mark (هـ / م) and modifier (الماضي …)."""
    year, k = _year_at(a, k)
    if _at(a, k, "cue", "hijri_mark"):
        calendar, k = "hijri", k + 1
    elif _at(a, k, "cue", "greg_mark"):
        k += 1
    modifier = None
    if _at(a, k, "mod") and a[k].key in ("past", "current", "next"):
        modifier, k = a[k].key, k + 1
    return year, calendar, modifier, k

def _month_level(a: Sequence[Atom], j: int, k: int, part: str | None, lead: bool) -> Parsed:
    month, k = _month_at(a, k)
    if month is None:
        return None
    year, calendar, modifier, k = _year_calendar_modifier(a, k, month.key)
    if not month.flag and year is None:
        return None  # a name that is also a common word needs a year or a day
    if year is None and modifier is None and part is None and not lead:
        return None
    return _expr("month", a, j, k, year=year, month=month.value, calendar=calendar, part=part,
                 modifier=modifier, future=modifier == "next"), k


def _period(a: Sequence[Atom], j: int) -> Parsed:
    """[start/middle/end | this] (month name | week | month | days ...) [modifier]."""
    k = j
    part = None
    this = False
    if _at(a, k, "mod") and a[k].key in ("start", "middle", "end"):
        part, k = a[k].key, k + 1
    elif _at(a, k, "mod", "current"):
        this, k = True, k + 1
    lead = j > 0 and a[j - 1].cat == "cue" and a[j - 1].key in ("lead", "since", "between", "to", "of")
    if _at(a, k, "unit", "month") and a[k].value == 1 and _at(a, k + 1, "month"):
        return _month_level(a, j, k + 1, part, True)
    if _at(a, k, "month"):
        return _month_level(a, j, k, part, lead)
    if not _at(a, k, "unit"):
        return None
    unit, count = a[k].key, a[k].value
    k += 1
    if count is None and k < len(a) and a[k].cat in ("count", "num") and a[k].value and a[k].value < MAX_COUNT:
        count, k = a[k].value, k + 1
    if _at(a, k, "mod", "few"):
        k += 1
    modifier = "current" if this else None
    if _at(a, k, "mod") and a[k].key in ("past", "current", "next"):
        modifier, k = a[k].key, k + 1
    if unit == "year" and count == 1 and modifier is None:
        year, k2 = _year_at(a, k - 1)
        if year is not None:
            return _expr("year", a, j, k2, year=year, background=True), k2
        return None
    if modifier is None:
        if part is not None and count == 1 and unit in ("week", "month"):
            return _expr(unit + "_part", a, j, k, unit=unit, part=part), k
        return None
    if count == 1:
        if unit not in ("week", "month", "year"):
            return None
        key = {"past": "last_", "current": "this_", "next": "next_"}[modifier] + unit
        return _expr(key, a, j, k, unit=unit, part=part, modifier=modifier, future=modifier == "next",
                     background=unit == "year"), k
    if modifier == "current":
        return None
    key = ("past_" if modifier == "past" else "next_") + unit + "s"
    return _expr(key, a, j, k, unit=unit, count=count, modifier=modifier, future=modifier == "next"), k


def _lead_year(a: Sequence[Atom], j: int) -> Parsed:
    """في/خلال + a Gregorian year standing alone ("اندلع القتال في 2011، حين ..."): the year of
    the incident, background like "عام 2011" (a year followed by a month or a unit is no year)."""
    k = j + 1
    if not _at(a, k, "num") or a[k].value is None or not YEAR_MIN <= a[k].value <= YEAR_MAX:
        return None
    if k + 1 < len(a) and a[k + 1].cat in ("unit", "month", "num", "count", "ordinal"):
        return None
    return _expr("year", a, k, k + 1, year=a[k].value, background=True), k + 1


def _since_or_ago(a: Sequence[Atom], j: int) -> Parsed:
    """قبل/منذ [about] [n] unit; منذ + year or "the start of ..." is background."""
    if _at(a, j, "cue", "after"):
        return _after_event(a, j)
    if _at(a, j, "cue", "lead"):
        return _lead_year(a, j)
    if not (_at(a, j, "cue", "ago") or _at(a, j, "cue", "since")):
        return None
    since = a[j].key == "since"
    k = j + 1
    year, after_year = _year_at(a, k)
    if year is not None and year >= YEAR_MIN:
        return _expr("since_year", a, j, after_year, year=year, since=since, background=True), after_year
    if since and (_at(a, k, "cue", "onset") or (_at(a, k, "mod") and a[k].key in ("start", "end"))):
        return _expr("since_onset", a, j, k + 1, since=True, background=True), k + 1
    approx = False
    if _at(a, k, "cue", "approx"):
        approx, k = True, k + 1
    count = None
    if k < len(a) and a[k].cat in ("count", "num") and a[k].value and a[k].value < MAX_COUNT:
        count, k = a[k].value, k + 1
    if not _at(a, k, "unit"):
        return None
    unit = a[k].key
    if count is None:
        count = a[k].value
    k += 1
    if _at(a, k, "mod", "few"):
        k += 1
    if _at(a, k, "cue", "of"):
        return None  # "قبل يومين من الانتخابات": counted from another event, not publication
    return _expr("ago", a, j, k, unit=unit, count=count, approx=approx, since=since), k


def _after_event(a: Sequence[Atom], j: int) -> Parsed:
    """"بعد يومين من [X]": X happened n units before the incident told before."""
    k = j + 1
    approx = _at(a, k, "cue", "approx")
    k += approx
    count = None
    if k < len(a) and a[k].cat in ("count", "num") and a[k].value and a[k].value < MAX_COUNT:
        count, k = a[k].value, k + 1
    if not _at(a, k, "unit") or a[k].key == "hour":
        return None
    unit = a[k].key
    count = count if count is not None else a[k].value
    k += 1
    if _at(a, k, "mod", "few"):
        k += 1
    if not _at(a, k, "cue", "of"):
        return None  # "بعد يومين" alone may be a future interval
    return _expr("after_event", a, j, k, unit=unit, count=count, approx=approx, anchored=True,
                 background=unit == "year"), k + 1


def _between(a: Sequence[Atom], j: int) -> Parsed:
    """بين الاحد والثلاثاء; من الاحد الي الثلاثاء; بين 10 و12 يونيو (via _absolute); بين عامي 2014
    و2017 (:func:`_year_range`)."""
    if not (_at(a, j, "cue", "between") or _at(a, j, "cue", "of")):
        return None
    years = _year_range(a, j)
    if years is not None:
        return years
    k = j + 1
    if _at(a, k, "unit", "day"):
        k += 1
    if not _at(a, k, "weekday"):
        return None
    first = a[k].value
    k += 1
    if _at(a, k, "cue", "to"):
        k += 1
    if not _at(a, k, "weekday"):
        return None
    return _expr("weekday_range", a, j, k + 1, weekday=first, end_weekday=a[k].value), k + 1


def _year_range(a: Sequence[Atom], j: int) -> Parsed:
    """"بين عامي 2014 و2017", "من 2014 إلى 2017": a span of years - a period, background (what
    is told over it is a total, not an incident of one day)."""
    k = j + 1 + _at(a, j + 1, "unit", "year")
    if not _at(a, k, "num") or a[k].value is None or not YEAR_MIN <= a[k].value <= YEAR_MAX:
        return None
    first, k = a[k].value, k + 1
    if not _at(a, k, "cue", "to"):
        return None
    k += 1 + _at(a, k + 1, "unit", "year")
    if not _at(a, k, "num") or a[k].value is None or not first < a[k].value <= YEAR_MAX:
        return None
    if k + 1 < len(a) and a[k + 1].cat in ("unit", "month", "num", "count", "ordinal"):
        return None  # "من 2014 إلى 2017 مارس" is no span of years
    return _expr("year_range", a, j, k + 1, year=first, end_year=a[k].value, background=True), k + 1


_PARSERS_BY_CAT = {
    "cue": (_since_or_ago, _between),
    "pod": (_day_expr,),
    "rel": (_day_expr,),
    "narr": (_day_expr,),
    "weekday": (_day_expr,),
    "unit": (_day_expr, _period),
    "num": (_day_expr, _numeric),
    "ordinal": (_day_expr,),
    "mod": (_period,),
    "month": (_period,),
}


def has_anchor(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Cheap test: could tokens[start:end] hold a date expression at all?"""
    anchors = anchor_words()
    for i in range(start, end):
        tok = tokens[i]
        if tok.kind == "number":
            nxt = tokens[i + 1].norm if i + 1 < end else ""
            if "." in tok.norm or nxt in NUMERIC_SEPARATORS or (
                HIJRI_YEAR_MIN <= (_int(tok.norm) or 0) <= YEAR_MAX
            ):
                return True
        elif not anchors.isdisjoint(tok.forms):
            return True
    return False


def parse_tokens(tokens: Sequence[Token], start: int, end: int) -> list[Expr]:
    if not has_anchor(tokens, start, end):
        return []
    return parse_atoms(atoms_for(tokens, start, end))


def is_dateline(tokens: Sequence[Token], expr: Expr) -> bool:
    """An absolute date set off by a dash or a parenthesis ("بنغازي - 30 يونيو (رويترز) -")."""
    before = tokens[expr.tok_start - 1] if expr.tok_start > 0 else None
    after = tokens[expr.tok_end] if expr.tok_end < len(tokens) else None
    return any(t is not None and t.kind == "punct" and t.norm in DATELINE_PUNCT for t in (before, after))
