"""Dating an incident: which date expression governs a span of the article.

Event assembly calls :func:`date_for_span` with the span of an incident (its trigger, its
casualty count ...). The governing expression is, in order:

1. ``clause``: an incident date mention in the same clause (sentences are cut at ، ؛ and at
   clause openers such as "وقتل", "كما", "الذي"), the nearest one; a date inside a relative
   clause ("المعسكر الذي اخلته البعثه قبل اسبوعين") dates only that clause;
2. ``sentence``: the nearest incident date mention elsewhere in the sentence;
3. ``discourse``: the date of the incident told before: ``previous`` when given, else the
   latest incident date of the three sentences before, as a sentence that adds detail
   usually continues the same incident. A sentence that opens on another incident
   ("وفي سياق منفصل", "وفي حادث آخر") inherits nothing;
4. ``publication``: the publication day, precision 1, low confidence;
5. ``none``: nothing known (no publication date): the date stays unknown.

Within a clause or a sentence, a date that is not the date of a report ("اعلنت الشرطة
الثلاثاء ان ...": ``reporting: true``) is preferred; the nearest wins among equals. When only a
report date governs and the next sentence gives an earlier day for the operation ("وقال ...
ان العمليه جرت فجر الخميس"), that day is taken. Narrative days ("في اليوم التالي", "بعد
يومين من ...": ``anchor_offset``) count from the incident told before. Incident date mentions
exclude background periods ("منذ 2011"), future days ("غدا") and the dateline. A part of day
never moves the date: "ليل الاحد" is Sunday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from rasd.document import Document, Mention
from rasd.extractors.dates.lexicon import clause_openers
from rasd.extractors.dates.publication import resolve_publication
from rasd.tokenize.clitics import conjunctions

CLAUSE_PUNCT = frozenset("،؛;:")
MIN_VERB_LEN = 2
CONFIDENCE = {"clause": 1.0, "sentence": 0.85, "discourse": 0.7}
PUBLICATION_CONFIDENCE = 0.3
LOOK_BACK_SENTENCES = 3
REPORT_DETAIL_DAYS = 7  # a detail sentence may date the operation up to a week before the report
CLOCK_KEY = "clock"
ANCHOR_FACTOR = 0.8  # narrative days are less sure than days counted from publication
REPORT_PRECISION = 2  # an incident dated only by its report (or the publication) happened on or before that day


@dataclass(frozen=True, slots=True)
class DateChoice:
    date: str | None
    precision: int | None
    confidence: float
    mention: Mention | None
    how: str  # "clause" | "sentence" | "discourse" | "publication" | "none"


def incident_date_mentions(doc: Document) -> list[Mention]:
    """Date mentions that can date an incident (not background, future or dateline)."""
    return [m for m in doc.mentions_of("date") if _can_date_incident(m)]


def _can_date_incident(mention: Mention) -> bool:
    value = mention.value
    return not value.get("background") and not value.get("future") and not value.get("dateline")


def _incident_dates_in(doc: Document, sentence: int) -> list[Mention]:
    return [m for m in doc.mentions_in_sentence("date", sentence) if _can_date_incident(m)]


def clause_bounds(doc: Document, sentence: int) -> list[tuple[int, int]]:
    """Original-text spans of the clauses of a sentence."""
    known: dict[int, list[tuple[int, int]]] = doc._index.setdefault("clause_bounds", {})
    if sentence not in known:
        known[sentence] = _clause_bounds(doc, sentence)
    return known[sentence]


def _clause_bounds(doc: Document, sentence: int) -> list[tuple[int, int]]:
    sent = doc.sentences[sentence]
    lexicon = clause_openers()
    cuts: list[int] = []
    for i in range(sent.tok_start + 1, sent.tok_end):
        tok = doc.tokens[i]
        if tok.kind == "punct" and tok.norm in CLAUSE_PUNCT:
            cuts.append(tok.end)
        elif (_opens_clause(tok.norm, lexicon.verbs) or tok.norm in lexicon.relatives
              or lexicon.connectors.match_at(doc.tokens, i, sent.tok_end)):
            cuts.append(tok.start)
    bounds = [sent.start, *cuts, sent.end]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def opens_new_topic(doc: Document, sentence: int) -> bool:
    """The sentence starts on another incident ("وفي سياق منفصل", "وفي حادث آخر")."""
    sent = doc.sentences[sentence]
    return bool(clause_openers().topics.match_at(doc.tokens, sent.tok_start, sent.tok_end))


def _opens_clause(word: str, verbs: frozenset[str]) -> bool:
    return word[:1] in conjunctions() and len(word) > MIN_VERB_LEN and word[1:] in verbs


def _distance(mention: Mention, start: int, end: int) -> int:
    if mention.end <= start:
        return start - mention.end
    if mention.start >= end:
        return mention.start - end
    return 0


def _nearest(mentions: list[Mention], start: int, end: int) -> Mention:
    """The closest mention, preferring one that is not the date of a report."""
    return min(mentions, key=lambda m: (bool(m.value.get("reporting")), _distance(m, start, end), m.start))


ANTECEDENT_REACH = 12  # characters between an incident word and the relative pronoun after it


def _can_govern(mention: Mention, start: int, clause: tuple[int, int] | None, end: int | None = None,
                bounds: list[tuple[int, int]] | None = None, definite: bool = False) -> bool:
    """"بعد يومين من [X]" dates only what it introduces; a date in a relative clause dates
    only that clause - and its antecedent, when the incident word is what the clause describes
    ("الغارات التي نفذتها واشنطن امس": the strikes were yesterday)."""
    if mention.value.get("key") == "after_event" and mention.start > start:
        return False
    if mention.value.get("relative_clause"):
        if clause is not None and clause[0] <= mention.start < clause[1]:
            return True
        return definite and _describes_antecedent(mention, clause, end, bounds or [])
    return True


ARTICLE_LEN = 2  # the definite article, as the tokenizer strips it from a word's forms


def _definite_noun(doc: Document, start: int) -> bool:
    """The incident is told by a definite noun ("الغارات", "بالقصف"), the kind of word a relative
    clause describes - not a verb ("تمركزت في المعسكر الذي ...": the clause is about the camp)."""
    tok = doc.token_at(start)
    if tok is None:
        return False
    forms = set(tok.forms)
    return any(f[ARTICLE_LEN:] in forms for f in forms if len(f) > ARTICLE_LEN + 1)


def _describes_antecedent(mention: Mention, clause: tuple[int, int] | None, end: int | None,
                          bounds: list[tuple[int, int]]) -> bool:
    if clause is None or end is None or clause[1] - end > ANTECEDENT_REACH:
        return False
    following = next((b for b in bounds if b[0] == clause[1]), None)
    return following is not None and following[0] <= mention.start < following[1]


def _is_anchored(mention: Mention) -> bool:
    return "anchor_offset" in mention.value


def _choice(mention: Mention, how: str) -> DateChoice:
    value = mention.value
    return DateChoice(value.get("date"), value.get("precision"), round(mention.confidence * CONFIDENCE[how], 3),
                      mention, how)


def _anchored_choice(doc: Document, mention: Mention, how: str, anchor: DateChoice | None) -> DateChoice:
    """A narrative day counted from the anchor incident (else from publication)."""
    base, precision, confidence = None, 1, mention.confidence * CONFIDENCE[how] * ANCHOR_FACTOR
    if anchor is not None and anchor.date:
        base, precision = anchor.date, anchor.precision or 1
    else:
        base = resolve_publication(doc).iso
        confidence *= 0.6
    if base is None:
        return DateChoice(None, None, 0.0, mention, how)
    day = date.fromisoformat(base) + timedelta(days=mention.value["anchor_offset"])
    precision = max(precision, mention.value.get("anchor_precision") or 1)
    return DateChoice(day.isoformat(), precision, round(confidence, 3), mention, how)


def _look_back(doc: Document, sentence: int) -> DateChoice | None:
    """The latest dated incident mention in the few sentences before ``sentence``."""
    earlier = [
        m for before in range(max(sentence - LOOK_BACK_SENTENCES, 0), sentence)
        for m in _incident_dates_in(doc, before)
        if m.value.get("date") and not _is_anchored(m) and not m.value.get("relative_clause")
    ]
    if not earlier:
        return None
    plain = [m for m in earlier if not m.value.get("reporting")] or earlier
    return _choice(max(plain, key=lambda m: m.start), "discourse")


def _detail_after_report(doc: Document, sentence: int, report: Mention) -> Mention | None:
    """An earlier day given in the sentence right after a report ("... جرت فجر الخميس")."""
    if not report.value.get("date") or sentence + 1 >= len(doc.sentences) or opens_new_topic(doc, sentence + 1):
        return None
    reported = date.fromisoformat(report.value["date"])
    for m in _incident_dates_in(doc, sentence + 1):
        if m.value.get("reporting") or not m.value.get("date"):
            continue
        gap = (reported - date.fromisoformat(m.value["date"])).days
        if 0 < gap <= REPORT_DETAIL_DAYS:
            return m
    return None


def date_for_span(doc: Document, start: int, end: int, *, previous: DateChoice | None = None) -> DateChoice:
    """The date of the incident told at ``doc.text[start:end]`` (see the module docstring)."""
    sentence = doc.sentence_at(start)
    if sentence is not None:
        told_before = previous  # "وفي حادث آخر ... في اليوم ذاته": a narrative day still counts from it
        if opens_new_topic(doc, sentence):
            previous = None
        elif previous is None or previous.mention is None:
            previous = _look_back(doc, sentence) or previous
        bounds = clause_bounds(doc, sentence)
        clause = next(((a, b) for a, b in bounds if a <= start < b), None)
        definite = _definite_noun(doc, start)
        in_sentence = [m for m in _incident_dates_in(doc, sentence)
                       if _can_govern(m, start, clause, end, bounds, definite)]
        # a clock time ("في الساعة الثالثة") only dates an incident whose sentence names no day
        in_sentence = [m for m in in_sentence if m.value.get("key") != CLOCK_KEY] or in_sentence
        if in_sentence:
            in_clause = [m for m in in_sentence if clause and clause[0] <= m.start < clause[1]]
            chosen, how = (_nearest(in_clause, start, end), "clause") if in_clause else (
                _nearest(in_sentence, start, end), "sentence")
            if chosen.value.get("reporting"):
                detail = _detail_after_report(doc, sentence, chosen)
                if detail is not None:
                    chosen, how = detail, "discourse"
            if _is_anchored(chosen):
                return _anchored_choice(doc, chosen, how, previous or told_before)
            return _choice(chosen, how)
    if previous is not None and previous.mention is not None:
        return DateChoice(previous.date, previous.precision,
                          round(previous.confidence * CONFIDENCE["discourse"], 3), previous.mention, "discourse")
    pub = resolve_publication(doc)
    if pub.date is not None:
        return DateChoice(pub.iso, REPORT_PRECISION, PUBLICATION_CONFIDENCE, None, "publication")
    return DateChoice(None, None, 0.0, None, "none")


def _report_day(choice: DateChoice) -> DateChoice:
    """Only the day of the announcement is known ("أعلنت الوكالة اليوم القبض على ..."): ACLED's
    precision 1 needs the day of the incident itself, so the report day is a few-days precision."""
    if choice.precision is None or choice.precision >= REPORT_PRECISION:
        return choice
    return DateChoice(choice.date, REPORT_PRECISION, choice.confidence, choice.mention, choice.how)
