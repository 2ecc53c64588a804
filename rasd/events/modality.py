"""Non-event filter: is a candidate governed by a condemnation, threat, denial, video ...?

A cue governs a candidate according to its scope (data: ``rasd/lang/ar/events/cues.tsv``).
A date mention flagged ``background`` near the trigger acts as a soft background cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.document import Mention
from rasd.events.lexicons import Cue
from rasd.events.view import ArticleView, Hit

BACKGROUND_WINDOW = 5


@dataclass(slots=True)
class Verdict:
    reason: str
    cue: Hit
    hard: bool


def governing_cue(view: ArticleView, tok_start: int, tok_end: int) -> Verdict | None:
    """The cue that makes the span at tokens [tok_start, tok_end) a non-event, if any."""
    sentence = view.sentence_of_tok(tok_start)
    clause = view.clause_of_tok(tok_start)
    found: list[tuple[int, int, Verdict]] = []
    hits = view.hits_in_sentence(view.cues, sentence)
    for hit in view.cues:
        if hit.payload.scope == "article":  # "the police ruled out terrorism": the whole article
            found.append((hit.payload.priority, 0, Verdict(hit.payload.reason, hit, hit.payload.hard)))
    for hit in hits:
        cue: Cue = hit.payload  # type: ignore[assignment]
        if cue.scope in ("particle", "article"):
            continue
        if cue.scope == "similar":
            if _similar_past(view, hit, tok_start, tok_end, clause):
                found.append((cue.priority, abs(_gap(hit, tok_start, tok_end)), Verdict(cue.reason, hit, cue.hard)))
            continue
        if cue.scope == "pluperfect":
            if _pluperfect(hit, hits, tok_start):
                found.append((cue.priority, abs(_gap(hit, tok_start, tok_end)), Verdict(cue.reason, hit, cue.hard)))
            continue
        overlaps = hit.tok_start < tok_end and tok_start < hit.tok_end
        if overlaps and cue.scope in ("governs", "near"):
            continue  # a positional cue never governs its own word
        gap = 0 if overlaps else _gap(hit, tok_start, tok_end)
        if overlaps or _applies(view, cue, hit, tok_start, gap, clause):
            found.append((cue.priority, abs(gap), Verdict(cue.reason, hit, cue.hard)))
    background = _background_date(view, tok_start, tok_end, sentence, clause)
    if background is not None:
        found.append((1, abs(_gap(background, tok_start, tok_end)), Verdict("background", background, False)))
    future = _future_date(view, tok_start, tok_end, clause)
    if future is not None:
        found.append((1, abs(_gap(future, tok_start, tok_end)), Verdict("future", future, True)))
    if not found:
        return None
    found.sort(key=lambda item: (item[0], not item[2].hard, item[1]))
    return found[0][2]


RECENT_DAYS = 7


def _similar_past(view: ArticleView, hit: Hit, tok_start: int, tok_end: int, clause: int) -> bool:
    """"بعد أسبوعين من هجوم مماثل ... الشهر الماضي", "بهجوم مشابه عام 2017": an attack named as
    like this one, with a day of its own in the past, is an earlier incident told as background.
    "قصف مماثل على نيالا أمس" (a similar shelling the same day) stays an incident."""
    if not 0 <= -_gap(hit, tok_start, tok_end) - 1 < hit.payload.window:  # type: ignore[attr-defined]
        return False  # the cue follows the attack word it qualifies
    return any(view.clause_of_mention(m) == clause and _past_date(m, view.doc.meta.published)
               for m in view.in_sentence("date", view.sentence_of_tok(tok_start)))


def _past_date(m: Mention, published: str | None) -> bool:
    from datetime import date

    v = m.value
    if v.get("background") or v.get("key") == "after_event" or (v.get("anchor_offset") or 0) < 0:
        return True
    try:
        age = (date.fromisoformat((published or "")[:10]) - date.fromisoformat((v.get("date") or "")[:10])).days
    except ValueError:
        return False
    return age > RECENT_DAYS


def _pluperfect(aux: Hit, hits: list[Hit], tok_start: int) -> bool:
    """"وكانت القوات قد سيطرت ...", "وكانت اشتباكات الاسبوع الماضي قد اوقعت ...": the auxiliary, its
    particle within the window, and the trigger anywhere after the auxiliary (its subject too)."""
    window = aux.payload.window  # type: ignore[attr-defined]
    return aux.tok_end <= tok_start and any(
        h.payload.scope == "particle" and 0 <= h.tok_start - aux.tok_end < window  # type: ignore[attr-defined]
        for h in hits)


def _gap(hit: Hit, tok_start: int, tok_end: int) -> int:
    """Tokens between the cue and the trigger: positive when the cue comes first."""
    if hit.tok_end <= tok_start:
        return tok_start - hit.tok_end
    return -(hit.tok_start - tok_end) - 1


def _applies(view: ArticleView, cue: Cue, hit: Hit, tok_start: int, gap: int, clause: int) -> bool:
    if cue.scope == "governs":
        return 0 <= gap < cue.window
    if cue.scope == "near":
        return abs(gap) < cue.window + (0 if gap >= 0 else 1)
    if cue.scope == "clause":
        return view.clause_of_tok(hit.tok_start) == clause
    if cue.scope == "onward":  # before the trigger anywhere in the sentence, or in its clause
        return gap >= 0 or view.clause_of_tok(hit.tok_start) == clause
    return cue.scope == "sentence"


def _background_date(view: ArticleView, tok_start: int, tok_end: int, sentence: int, clause: int) -> Hit | None:
    """A background period near the trigger ("منذ 2011"), or a bare past year or a span of years
    anywhere in its clause ("اندلع القتال في ولاية النيل الأزرق عام 2011": the year closes the clause)."""
    for m in view.in_sentence("date", sentence):
        if not m.value.get("background"):
            continue
        a, b = view.tok_range(m)
        hit = Hit(a, b, None, m.start, m.end)
        if abs(_gap(hit, tok_start, tok_end)) < BACKGROUND_WINDOW:
            return hit
        if m.value.get("key") in CLAUSE_WIDE_YEARS and view.clause_of_tok(a) == clause:
            return hit
    return None


# a past year, or a span of years ("بين عامي 2014 و2017"), dates everything its clause tells
CLAUSE_WIDE_YEARS = frozenset({"year", "year_range"})


def period_of_fighting(view: ArticleView, trigger: Mention) -> Verdict | None:
    """"بعد خمسة أيام من المواجهات": fighting named as the span of days something came after is a
    period of fighting told as background, not one dated clash ("بعد يومين من انفجارين" - a
    punctual attack - stays an incident)."""
    if trigger.value.get("sub_event_type") != "Armed clash":
        return None
    a, _ = view.tok_range(trigger)
    for m in view.in_sentence("date", view.sentence_of(trigger)):
        if m.value.get("key") != "after_event" or (m.value.get("anchor_offset") or 0) > -2:
            continue
        start, end = view.tok_range(m)
        if 0 <= a - end <= 1:
            return Verdict("background", Hit(start, end, None, m.start, m.end), False)
    return None


FUTURE_WINDOW = 10


def _future_date(view: ArticleView, tok_start: int, tok_end: int, clause: int) -> Hit | None:
    """"لاستعادة الموصل خلال الاسابيع المقبلة": a future period in the trigger's clause, with no
    incident date there, makes it a plan."""
    dates = [m for m in view.in_sentence("date", view.sentence_of_tok(tok_start))
             if view.clause_of_mention(m) == clause and not m.value.get("dateline")]
    if any(not m.value.get("future") and m.value.get("date") for m in dates):
        return None
    for m in dates:
        if not m.value.get("future"):
            continue
        a, b = view.tok_range(m)
        hit = Hit(a, b, None, m.start, m.end)
        if abs(_gap(hit, tok_start, tok_end)) < FUTURE_WINDOW:
            return hit
    return None


STALE_DAYS = 60  # an incident dated this long before publication is told as background


def dated_out(inc, published: str | None) -> Verdict | None:
    """An incident dated long before publication ("in October 2020") is background, whether the
    date is its own or carried over from the incident told before it (a paragraph that recalls
    2011 keeps recalling it); one dated after it by its own words ("next April") is future."""
    from datetime import date

    d = inc.date
    if inc.sub_event_type == CHEMICAL:
        return _retold_chemical(inc, published)
    if d is None or d.mention is None or not d.date:
        return None
    cue = Hit(0, 0, None, d.mention.start, d.mention.end)
    if d.mention.value.get("future") and inc.date_own:
        return Verdict("future", cue, True)
    try:
        age = (date.fromisoformat((published or "")[:10]) - date.fromisoformat(d.date[:10])).days
    except ValueError:
        return None
    return Verdict("background", cue, True) if age > STALE_DAYS else None


CHEMICAL = "Chemical weapon"
RETOLD_DAYS = 3


def _retold_chemical(inc, published: str | None) -> Verdict | None:
    """A chemical attack is news for weeks: later articles retell it ("هجوم دوما الكيماوي", "الهجوم
    الكيماوي المزعوم") in reactions, inquiries and strikes. Only one with its own day, at most
    3 days before publication, in the attack's own clause (not the day of a statement about it),
    is reported as it happens; the others are background."""
    from datetime import date

    d = inc.date
    cue = Hit(0, 0, None, inc.anchor.start, inc.anchor.end)
    if d is not None and d.mention is not None and d.date and _counted_lead(inc) and d.how in ("clause", "sentence"):
        pass  # the article's first sentence counting the dead: "أعلنت مصادر طبية، السبت، مقتل 47 بهجوم بالكلور"
    elif (d is None or d.mention is None or d.how != "clause" or not d.date
            or d.mention.value.get("reporting") or d.mention.value.get("relative_clause")):
        return Verdict("background", cue, True)  # the day of the reaction, not of the attack
    if d.mention.value.get("future"):
        return Verdict("future", Hit(0, 0, None, d.mention.start, d.mention.end), True)
    try:
        age = (date.fromisoformat((published or "")[:10]) - date.fromisoformat(d.date[:10])).days
    except ValueError:
        return None
    return Verdict("background", Hit(0, 0, None, d.mention.start, d.mention.end), True) if age > RETOLD_DAYS else None


def _counted_lead(inc) -> bool:
    from rasd.events.fatalities import is_incident_toll, point

    return inc.sentence == 0 and any(is_incident_toll(c) and point(c) for c in inc.casualties
                                     if c.value.get("type") in ("killed", "injured", "killed_or_injured"))


def non_event_value(reason: str, trigger: Mention, cue: Hit) -> dict:
    return {"reason": reason, "trigger": [trigger.start, trigger.end], "cue": [cue.start, cue.end]}
