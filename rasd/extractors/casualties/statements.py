"""Casualty statements in one sentence: casualty words linked to their counts and groups.

The sentence is read as a row of slots: counts (``number`` mentions without a unit),
casualty words (triggers, with the pattern that says where their count sits), victim-group
nouns and cue words. Linking runs in passes from the most to the least certain:

1. zero ("لم تسفر عن إصابات") and unknown ("لم يعرف عدد الضحايا") statements;
2. nouns whose count is right before them ("خمسة قتلى", "17 جريحا") and dual nouns;
3. verbs and verbal nouns whose count follows ("قتل 5", "مقتل 14 شخصا"), or precedes
   ("5 جنود قتلوا"), or is implied by the group noun ("مقتل جندي" = 1);
4. counts coordinated with a statement ("مقتل 3 جنود و5 مدنيين"), companions ("قيادي في حركة
   الشباب واثنان من مرافقيه") and subjects joined before one verb ("22 تلميذا وامرأة لقوا
   مصرعهم"): items sharing the statement's casualty word, which event assembly adds up;
5. subsets ("بينهم ثلاثة أطفال", "بين القتلى أربعة جنود") and counts set apart ("إضافة إلى
   الانتحاري"), then bare counts a cue says are unknown ("سقط شهداء دون تحديد عددهم");
6. flags: update, aggregate, negated, preliminary, includes_attacker, attackers_extra.

A count is claimed by one statement only, except in a combined "killed and injured" figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasd.document import Mention, Token
from rasd.extractors.casualties.lexicon import (
    COUNTED,
    DU,
    DUAL,
    FRAME,
    ORG,
    OTHER_GROUP,
    PL,
    PLURAL,
    PRONOUN,
    SG,
    SINGULAR,
    STRICT,
    VERB,
    VERBAL,
    CasualtyLexicon,
    CueEntry,
    GroupEntry,
    TriggerEntry,
    casualty_lexicon,
)
from rasd.extractors.numbers.lexicon import definite_cardinal, number_lexicon
from rasd.extractors.numbers.stage import QUOTE_MARKS
from rasd.match.phrases import Match

KILLED = "killed"
INJURED = "injured"
COMBINED = "killed_or_injured"
ATTACKERS = "attackers"
MILITANTS = "militants"
BARE_PLURAL_TYPES = frozenset({KILLED, INJURED, COMBINED})
STATUS_TYPES = frozenset({"abducted", "arrested", "missing"})
RIGHT_WINDOW = 5
TOLL_WINDOW = 8
LEFT_WINDOW = 2
FRAME_WINDOW = 12
SUBJECT_WINDOW = 7
PLURAL_SUBJECT_WINDOW = 12  # a plural verb agrees with a subject before it, however long
ZERO_WINDOW = 6
ANY_ZERO_WINDOW = 9  # "لم يسفر الهجوم على الثكنة عن سقوط أي قتيل": farther only after "أي"
UNKNOWN_WINDOW = 7
WHETHER_WINDOW = 12
EXCEED_REACH = 12  # "تجاوز عدد ضحايا ... 200 قتيل": the toll's count may come late
UPDATE_REACH = 4  # words between an update verb and the toll it revises ("ارتفعت حصيلة ضحايا")
HYPOTHETICAL_WINDOW = 4  # "لتفادي سقوط مزيد من القتلى"
FEAR_WINDOW = 9  # "حذرت منظمة أطباء بلا حدود من سقوط قتلى إذا ..."
AGG_WINDOW = 4
WAR_WINDOW = 8
DENIAL_WINDOW = 4
VSO_WINDOW = 8  # words of a subject phrase (and a place or means) before a verb's object
FAR_SUBJECT_WINDOW = 14  # "أن شرطيا كان يحرس مدخل السوق ... قتل"
QUALIFIER_SKIP = 2  # plain words qualifying a victim before "و" + the next victim
COMPANION_SKIP = 6  # words qualifying a victim before "واثنان من مرافقيه"
NEGATION_BEFORE = 2
HASHTAG_MARKS = frozenset("#_")  # "#ميليشيات_الحوثي": scraped hashtags inside a phrase
# Arabic comma, semicolon and question mark, then their Latin counterparts.
CLAUSE_PUNCT = frozenset("\u060c\u061b\u061f,;:()\"'[]!?.")
BARE_PLURAL_MIN = 3
GENITIVE_COUNT = 100  # counts from a hundred up take a singular noun: "مئة جندي"
# Generic person nouns whose real group may follow ("عناصر من الشرطة", "أشخاص من الجيش").
WEAK_GROUPS = frozenset({"people", "fighters"})  # an Arabic plural is three or more (the dual is a separate form)


@dataclass(slots=True)
class Trigger:
    start: int  # token index
    end: int
    type: str
    pattern: str
    prefix_len: int
    close: int | None = None  # token index of a frame's closing word
    definite: bool = False
    used: bool = False


@dataclass(slots=True)
class Count:
    """What a statement's count is: a number mention or an implied one."""

    min: int | None
    max: int | None
    qualifier: str | None
    mention: Mention | None = None
    tok_start: int | None = None
    tok_end: int | None = None


@dataclass(slots=True)
class Statement:
    type: str
    trigger: Trigger
    count: Count
    group: str | None = None
    group_span: tuple[int, int] | None = None  # token range of the group noun
    trigger_end: int | None = None  # token end of a combined trigger pair
    subset: bool = False
    additive: bool = False
    item: bool = False  # a count coordinated with another statement's ("و5 مدنيين")
    lead_clitic: int = 0  # chars of a glued "و" before an item's first word
    update: bool = False
    aggregate: bool = False
    negated: bool = False
    zero: bool = False
    unknown: bool = False
    preliminary: bool = False
    includes_attacker: bool = False
    attackers_extra: bool = False  # attackers counted apart ("إضافة إلى المهاجمين")
    confidence: float = 0.85
    parent: Statement | None = None

    def anchor(self) -> int:
        """Token index used to order statements."""
        if self.count.tok_start is not None:
            return min(self.count.tok_start, self.trigger.start)
        return self.trigger.start

    def tok_span(self) -> tuple[int, int]:
        starts = [self.trigger.start]
        ends = [self.trigger_end or self.trigger.end]
        if self.trigger.close is not None:
            ends.append(self.trigger.close + 1)
        if self.count.tok_start is not None and self.count.tok_end is not None:
            starts.append(self.count.tok_start)
            ends.append(self.count.tok_end)
        if self.group_span is not None:
            starts.append(self.group_span[0])
            ends.append(self.group_span[1])
        return min(starts), max(ends)


class SentenceReader:
    """Links casualty words, counts and groups in tokens ``[start, end)`` of one sentence."""

    def __init__(self, tokens: Sequence[Token], start: int, end: int, numbers: Sequence[Mention]) -> None:
        self.lex: CasualtyLexicon = casualty_lexicon()
        self.tokens = tokens
        self.start = start
        self.end = end
        self._after_qualifiers: set[int] | None = None
        self.num_at: dict[int, Mention] = {}
        self.num_ending: dict[int, Mention] = {}
        self.num_token: dict[int, Mention] = {}
        self.all_numbers = numbers
        for m in numbers:
            v = m.value
            if v.get("unit") or v.get("ordinal") or m.tok_start is None or m.tok_end is None:
                continue
            self.num_at[m.tok_start] = m
            self.num_ending[m.tok_end] = m
            for k in range(m.tok_start, m.tok_end):
                self.num_token[k] = m
        self.claimed: set[int] = set()
        self.triggers = self._triggers()
        self.trigger_at = {t.start: t for t in self.triggers}
        self.cues: dict[int, list[tuple[CueEntry, int]]] = {}
        self._cue_keys = {}
        self.groups: dict[int, tuple[GroupEntry, int]] = {}
        self.segment: dict[int, int] = {}
        self.statements: list[Statement] = []
        self.group_clitic: set[int] = set()  # group nouns matched without a clitic ("وزوجته")
        self.told_dual = False  # a definite dual casualty noun refers back ("أحد القتيلين")
        self.unknown_refs: list[int] = []  # "دون تحديد عددهم": where the sentence says a count is unknown

    # -- slot tables ----------------------------------------------------------------------------

    def _cues(self) -> dict[int, list[tuple[CueEntry, int]]]:
        out: dict[int, list[tuple[CueEntry, int]]] = {}
        for m in self.lex.cues.find_all(self.tokens, self.start, self.end):
            out.setdefault(m.tok_start, []).append((m.payload, m.tok_end))
        return out

    def _groups(self) -> dict[int, tuple[GroupEntry, int]]:
        out: dict[int, tuple[GroupEntry, int]] = {}
        for m in self.lex.groups.find_all(self.tokens, self.start, self.end):
            if m.tok_start not in out:  # longest first
                out[m.tok_start] = (m.payload, m.tok_end)
                if m.prefix_len:
                    self.group_clitic.add(m.tok_start)
        return out

    def _triggers(self) -> list[Trigger]:
        out: list[Trigger] = []
        for m in self._trigger_matches():
            entry: TriggerEntry = m.payload
            tok = self.tokens[m.tok_start]
            prefix = tok.norm[: m.prefix_len]
            definite = bool(m.prefix_len) and prefix not in self.lex.plain_prefixes
            pattern = entry.pattern
            if pattern in (VERB, FRAME, STRICT) and definite:
                continue  # "القتل" is the noun "killing", not the verb
            if pattern in (VERB, STRICT) and m.prefix_len and prefix not in self.lex.verb_prefixes:
                pattern = VERBAL  # "بقتل": a preposition makes the form a verbal noun
            trig = Trigger(m.tok_start, m.tok_end, entry.type, pattern, m.prefix_len,
                           definite=definite or m.phrase.startswith(self._article()))
            if entry.pattern == FRAME:
                trig.close = self._frame_close(m.tok_end, entry.close)
                if trig.close is None:
                    continue
            out.append(trig)
        closes = [(t.start, t.close) for t in out if t.close is not None]
        # "لقوا مصرعهم": the closing word of a frame is no casualty word of its own
        return [t for t in out if not any(a < t.start <= c for a, c in closes)]

    def _trigger_matches(self) -> list[Match[TriggerEntry]]:
        """Longest non-overlapping trigger matches; tokens that start none are skipped cheaply."""
        starters = self.lex.trigger_starters
        found: list[Match[TriggerEntry]] = []
        i = self.start
        while i < self.end:
            if starters.isdisjoint(self.tokens[i].forms):
                i += 1
                continue
            hits = self.lex.triggers.match_at(self.tokens, i, self.end)
            if hits:
                found.append(hits[0])
                i = hits[0].tok_end
            else:
                i += 1
        return found

    def _article(self) -> str:
        from rasd.tokenize.clitics import definite_article

        return definite_article()

    def _frame_close(self, k: int, close: frozenset[str]) -> int | None:
        commas = 2  # "لقي 34 شخصا، على الأقل، مصرعهم"
        for j in range(k, min(self.end, k + FRAME_WINDOW)):
            if self.tokens[j].kind == "punct":
                commas -= 1
                if commas < 0 or self.tokens[j].norm not in CLAUSE_PUNCT:
                    return None
                continue
            if any(f in close for f in self.tokens[j].forms):
                return j
        return None

    def _segments(self) -> dict[int, int]:
        """Clause numbers; a subset aside between commas ("، معظمهم مدنيون،") splits no clause."""
        seg = 0
        out: dict[int, int] = {}
        aside_end = -1
        for k in range(self.start, self.end):
            tok = self.tokens[k]
            if k > aside_end and tok.kind == "punct" and tok.norm in CLAUSE_PUNCT:
                close = self._aside_close(k)
                if close is not None:
                    aside_end = close
                else:
                    seg += 1
            out[k] = seg
        return out

    def _aside_close(self, k: int) -> int | None:
        if k + 1 >= self.end or "subset" not in self.cue_keys(k + 1):
            return None
        for q in range(k + 2, min(self.end, k + 8)):
            if self.tokens[q].kind == "punct":
                return q if self.tokens[q].norm == self.tokens[k].norm else None
        return None

    # -- small predicates -----------------------------------------------------------------------

    def cue_keys(self, k: int) -> frozenset[str]:
        keys = self._cue_keys.get(k)
        if keys is None:
            keys = self._cue_keys[k] = frozenset(c.cue for c, _ in self.cues.get(k, ()))
        return keys

    def cue_end(self, k: int, key: str) -> int | None:
        ends = [e for c, e in self.cues.get(k, ()) if c.cue == key]
        return max(ends) if ends else None

    def is_conj_joined(self, k: int) -> tuple[bool, int]:
        """Whether token ``k`` is "و" or starts with it, or is "مع" ("قتل مع سبعة آخرين");
        returns (joined, next content index)."""
        tok = self.tokens[k]
        if tok.norm == self.lex.conj or "with" in self.cue_keys(k):
            return True, k + 1
        return tok.kind == "word" and tok.norm.startswith(self.lex.conj), k

    def free_count(self, k: int) -> Mention | None:
        m = self.num_at.get(k)
        if m is None or id(m) in self.claimed:
            return None
        return m

    def is_punct(self, k: int) -> bool:
        return self.tokens[k].kind == "punct" and self.tokens[k].norm in CLAUSE_PUNCT

    # -- passes ---------------------------------------------------------------------------------

    def read(self) -> list[Statement]:
        self.cues = self._cues()
        self._cue_keys: dict[int, frozenset[str]] = {}
        self.groups = self._groups()
        self.segment = self._segments()
        self._zero_and_unknown()
        self._left_counts()
        self._right_counts()
        self._coordinated()
        self._subsets()
        self._unknown_counts()
        self._drop_hypothetical()
        self._flags()
        self.statements.sort(key=lambda s: s.anchor())
        return self.statements

    def _add(self, stmt: Statement) -> Statement:
        stmt.trigger.used = True
        if stmt.count.mention is not None:
            self.claimed.add(id(stmt.count.mention))
        self.statements.append(stmt)
        return stmt

    def _count_of(self, m: Mention) -> Count:
        v = m.value
        return Count(_int(v.get("min")), _int(v.get("max")), v.get("qualifier"), m, m.tok_start, m.tok_end)

    def _zero_and_unknown(self) -> None:
        for k in range(self.start, self.end):
            keys = self.cue_keys(k)
            if "unknown_neg" in keys and self._unknown_at(k):
                continue
            if k in self.num_token:
                continue  # the negation inside a number's qualifier: "ما لا يقل عن 18"
            if "zero_neg" in keys and "not_negation" not in keys:  # "أطباء بلا حدود"
                self._zero_at(k)
            elif "denial" in keys:
                self._zero_at(k, anyone_only=True)  # "نفى الجيش مقتل أي مدني"
        for k in range(self.start, self.end):
            end = self.cue_end(k, "unknown_count")
            if end is not None:
                self._unknown_count_at(k, end)

    def _unknown_at(self, k: int) -> bool:
        j = k + 1
        limit = min(self.end, k + 3)
        while j < limit and "unknown" not in self.cue_keys(j):
            j += 1
        if j >= limit:
            return False
        # "لم يعرف ما إذا كان القصف قد أوقع إصابات": whether there were casualties at all
        whether = any("whether" in self.cue_keys(q) for q in range(j + 1, min(self.end, j + 5)))
        for p in range(j + 1, min(self.end, j + (WHETHER_WINDOW if whether else UNKNOWN_WINDOW))):
            if self.is_punct(p) or p in self.num_at:
                return False
            trig = self.trigger_at.get(p)
            toll = p - 1 >= self.start and "toll" in self.cue_keys(p - 1)
            if trig is not None and not trig.used and (toll or self._zero_noun_type(p)):
                kind = self._zero_noun_type(p) or trig.type
                stmt = Statement(kind, trig, Count(None, None, None), unknown=True, confidence=0.7)
                found = self._ranks_group(trig.end) if trig.end < self.end else None
                if found is not None:
                    stmt.group, stmt.group_span = found  # "إصابات في صفوف المدنيين"
                self._add(stmt)
                self.unknown_refs.append(k)
                return True
            if "count_ref" in self.cue_keys(p) and p + 1 not in self.trigger_at:
                self.unknown_refs.append(k)  # "سقط شهداء دون تحديد عددهم"
                return True
        return False

    def _drop_hypothetical(self) -> None:
        """Casualties only feared or to be prevented are no statement: "لتجنب سقوط ضحايا",
        "تحسبا لوقوع إصابات", "حذرت من سقوط قتلى إذا استمر الحصار" (a fear alone, "أعرب عن قلقه
        من سقوط ضحايا", may be about casualties that happened: only with a condition or "مزيد")."""
        dropped: list[Statement] = []
        for stmt in self.statements:
            if stmt.zero or stmt.unknown or stmt.item or stmt.subset:
                continue
            a = stmt.trigger.start
            bare = stmt.count.mention is None and stmt.count.qualifier == "some"
            fear_window = range(max(self.start, a - FEAR_WINDOW), a)
            # the window ends at a relative pronoun: what the relative clause says is not feared
            lower = max(self.start, a - HYPOTHETICAL_WINDOW)
            lower = next((p + 1 for p in range(a - 1, lower - 1, -1) if "relative" in self.cue_keys(p)), lower)
            window = range(lower, a)
            if any("prevent" in self.cue_keys(p) for p in window) or (
                    bare and ((any("fear" in self.cue_keys(p) for p in window)
                              and any("more" in self.cue_keys(p) for p in window))
                              or (self._fear_before(fear_window) and self._condition_after(stmt)))):
                dropped.append(stmt)
        if dropped:
            gone = {id(s.trigger) for s in dropped}
            self.statements = [s for s in self.statements if id(s.trigger) not in gone]

    def _fear_before(self, window: range) -> bool:
        """A fear cue in the same clause before the statement ("حذرت منظمة ... من سقوط قتلى")."""
        for p in reversed(window):
            if self.is_punct(p):
                return False
            if "fear" in self.cue_keys(p):
                return True
        return False

    def _condition_after(self, stmt: Statement) -> bool:
        _, b = stmt.tok_span()
        for p in range(b, min(self.end, b + HYPOTHETICAL_WINDOW + 2)):
            if self.is_punct(p):
                return False
            if "condition" in self.cue_keys(p):
                return True
        return False

    def _unknown_counts(self) -> None:
        """A bare plural or "عدد من" that a cue says is of unknown size ("سقط شهداء دون تحديد
        عددهم", "قتل وجرح عدد من المدنيين ولم يعرف عدد الضحايا"): the nearest statement before
        the cue."""
        for cue in self.unknown_refs:
            before = [s for s in self.statements if s.anchor() < cue and not (s.zero or s.unknown or s.subset)]
            if not before:
                continue
            stmt = max(before, key=lambda s: s.anchor())
            for other in self._bare_joined(stmt, before):  # "سقط قتلى وجرحى ولم يعرف عددهم"
                other.unknown = True
                other.count.min = other.count.max = other.count.qualifier = None
            if stmt.count.qualifier == "some":
                stmt.unknown = True
                stmt.count.min = stmt.count.max = stmt.count.qualifier = None

    def _bare_joined(self, stmt: Statement, before: list[Statement]) -> list[Statement]:
        """Bare plurals joined by و right before ``stmt`` ("قتلى" in "قتلى وجرحى")."""
        if stmt.count.qualifier != "some" or stmt.count.mention is not None or not self.starts_with_conj(stmt.trigger):
            return []
        return [s for s in before if s is not stmt and s.count.qualifier == "some" and s.count.mention is None
                and s.trigger.end == stmt.trigger.start - (1 if self.tokens[stmt.trigger.start - 1].norm
                                                            == self.lex.conj else 0)]

    def _unknown_count_at(self, k: int, end: int) -> None:
        """"مقتل عدد غير محدد من الجنود": the trigger before, the group after."""
        trig = None
        for p in range(k - 1, max(self.start - 1, k - 3), -1):
            t = self.trigger_at.get(p)
            if t is not None and not t.used:
                trig = t
                break
        if trig is None:
            return
        stmt = Statement(trig.type, trig, Count(None, None, None, None, k, end), unknown=True, confidence=0.7)
        group = self.groups.get(end)
        if group is not None:
            stmt.group, stmt.group_span = group[0].group, (end, group[1])
        self._add(stmt)

    def _zero_at(self, k: int, anyone_only: bool = False) -> None:
        for p in range(k + 1, min(self.end, k + ANY_ZERO_WINDOW)):
            if "relative" in self.cue_keys(p):
                return  # "لم تعلن أي جهة مسؤوليتها عن الهجوم الذي أوقع قتلى"
            # "لم تسفر الهجمات الصاروخية عن وقوع خسائر بشرية": "وقوع" does not count
            reach = ZERO_WINDOW + sum(1 for q in range(k + 1, p) if "occurrence" in self.cue_keys(q))
            if p >= k + reach and not self.cue_keys(p) & {"any", "anyone"} and "any" not in self.cue_keys(p - 1):
                continue
            if self.is_punct(p) or (p in self.num_at and "anyone" not in self.cue_keys(p)):
                return  # a count: "لم يقتل سوى 3" is no zero statement
            trig = self.trigger_at.get(p)
            zero_type = self._zero_noun_type(p) if not anyone_only or "any" in self.cue_keys(p) else None
            if trig is not None and trig.pattern in (VERB, FRAME, VERBAL):
                nxt = trig.end
                if nxt < self.end and ("anyone" in self.cue_keys(nxt) or self._any_group(nxt)):
                    self._claim_anyone(nxt)
                    stmt = Statement(trig.type, trig, Count(0, 0, "exact"), zero=True)
                    found = self._group_at(self.cue_end(nxt, "anyone") or self.cue_end(nxt, "any") or nxt + 1)
                    if found is not None:
                        stmt.group, stmt.group_span = found  # "دون إصابة أي مدني"
                    self._add(stmt)
                    return
            if zero_type is not None:
                if trig is None:
                    trig = Trigger(p, self.cue_end(p, "zero_noun") or p + 1, zero_type, PLURAL, 0)
                    self.triggers.append(trig)
                trig.end = max(trig.end, self.cue_end(p, "zero_noun") or trig.end)
                stmt = Statement(zero_type, trig, Count(0, 0, "exact"), zero=True)
                # "لا توجد إصابات في صفوف القوات": the zero noun may hold "في صفوف" itself
                found = self._ranks_group(p + 1) if p + 1 < self.end else None
                if found is not None:
                    stmt.group, stmt.group_span = found  # "لم تسجل إصابات في صفوف المدنيين"
                self._add(stmt)
                self._use_triggers(trig.start, trig.end)
                return

    def _any_group(self, k: int) -> bool:
        """"أي مدني", "أي من الجنود": "any" and a group noun."""
        end = self.cue_end(k, "any")
        return end is not None and self._group_at(end) is not None

    def _claim_anyone(self, k: int) -> None:
        m = self.num_token.get(k)
        if m is not None:
            self.claimed.add(id(m))

    def _zero_noun_type(self, p: int) -> str | None:
        types = [c.type for c, _ in self.cues.get(p, ()) if c.cue == "zero_noun"]
        return types[0] if types else None

    def _use_triggers(self, a: int, b: int) -> None:
        for t in self.triggers:
            if a <= t.start < b:
                t.used = True

    # pass 2: counts written before the casualty noun
    def _left_counts(self) -> None:
        for trig in self.triggers:
            if trig.used:
                continue
            if trig.pattern == DUAL:
                if trig.definite and not self._toll_before(trig.start):
                    trig.used = True  # "أحد القتيلين": the two already told of
                    self.told_dual = True
                    told = self.num_token.get(trig.start)
                    if told is not None:
                        self.claimed.add(id(told))
                    continue
                m = self.num_token.get(trig.start)
                count = self._count_of(m) if m is not None else Count(2, 2, "exact", None, trig.start, trig.end)
                self._add(self._with_group(Statement(trig.type, trig, count), after=trig.end))
                continue
            if trig.pattern not in (PLURAL, SINGULAR, COUNTED) or self.starts_with_conj(trig):
                continue
            if trig.type in STATUS_TYPES and self._victim_of_next_verb(trig):
                continue  # "12 معتقلا قضوا تحت التعذيب": the detainees are the ones killed
            m = self._count_before(trig.start)
            if m is None:
                continue
            if trig.type in STATUS_TYPES and self._victim_of_prev_verb(m):
                continue  # "أعدم التنظيم ذبحا ثلاثة رهائن": the hostages are the ones killed
            partitive = self._partitive(trig, m)
            if partitive and self._verb_before(m):
                continue  # "توفي اثنان من المصابين": the verb's count
            stmt = Statement(trig.type, trig, self._count_of(m))
            self._combine_following(stmt)
            self._add(self._with_group(stmt, after=stmt.trigger_end or trig.end))
            if partitive:
                stmt.subset = True  # "حالة اثنين من المصابين حرجة": part of a toll told before
                stmt.parent = self._parent_before(stmt.anchor())

    def _partitive(self, trig: Trigger, m: Mention) -> bool:
        """"ستة من القتلى", "اثنين من المصابين": a count of the dead or injured already told."""
        return (trig.definite and trig.type in BARE_PLURAL_TYPES and not m.value.get("vague")
                and m.tok_end == trig.start - 1 and trig.start - 1 >= self.start
                and "from" in self.cue_keys(trig.start - 1))

    def _verb_before(self, m: Mention) -> bool:
        k = m.tok_start or 0
        return any(t.end in (k, k - 1) and t.pattern in (VERB, VERBAL, FRAME) and not t.used
                   for t in self.triggers)

    def _victim_of_prev_verb(self, m: Mention) -> bool:
        k = m.tok_start or 0
        for t in self.triggers:
            if t.type in (KILLED, INJURED) and t.pattern in (VERB, VERBAL, FRAME) and 0 <= k - t.end <= RIGHT_WINDOW:
                return not any(self.is_punct(p) or p in self.num_token or p in self.trigger_at for p in range(t.end, k))
        return False

    def _victim_of_next_verb(self, trig: Trigger) -> bool:
        if any(t.close is not None and t.start < trig.start < t.close for t in self.triggers):
            return True  # "قضى ثلاثة معتقلين تحت التعذيب": the detainees are the ones killed
        nxt = self.trigger_at.get(trig.end)
        return nxt is not None and nxt.type in (KILLED, INJURED) and nxt.pattern in (VERB, FRAME)

    def _count_before(self, k: int) -> Mention | None:
        """An unclaimed count ending right before token ``k``; "من"/"بين" and a group noun may
        stand between ("عشرات من القتلى", "35 شخصا بين قتيل وجريح", "7 أشخاص في عداد المفقودين")."""
        m = self.num_ending.get(k)
        if m is not None and id(m) not in self.claimed:
            return m
        if k - 1 >= self.start and ({"from", "between"} & self.cue_keys(k - 1)):
            k -= 1
            m = self.num_ending.get(k)
            if m is not None and id(m) not in self.claimed:
                return m
        for g in range(max(self.start, k - 3), k):
            group = self.groups.get(g)
            if group is not None and group[1] == k and group[0].number != ORG:
                m = self.num_ending.get(g)
                if m is not None and id(m) not in self.claimed:
                    return m
        return None

    def starts_with_conj(self, trig: Trigger) -> bool:
        """The casualty word is joined to what precedes by "و" (a token or its clitic)."""
        k = trig.start
        if k > self.start and self.tokens[k - 1].norm == self.lex.conj:
            return True
        return trig.prefix_len > 0 and self.tokens[k].norm.startswith(self.lex.conj)

    def _combine_following(self, stmt: Statement) -> None:
        """"20 قتيلا وجريحا" / "مقتل وإصابة 20": one figure for killed and injured together."""
        end = stmt.trigger.end
        if end >= self.end:
            return
        joined, nxt = self.is_conj_joined(end)
        other = self.trigger_at.get(nxt) if joined else None
        if other is None or other.used or {stmt.type, other.type} != {KILLED, INJURED}:
            return
        if self.num_ending.get(other.start) is not None:
            return
        if other.pattern in (PLURAL, SINGULAR) and self._count_before(other.start) is not None:
            return
        other.used = True
        stmt.type = COMBINED
        stmt.trigger_end = other.end

    # pass 3: counts after verbs and verbal nouns, then before verbs, then implied ones
    def _right_counts(self) -> None:
        for trig in self.triggers:
            if trig.used:
                continue
            if trig.pattern == STRICT:
                m = self.free_count(trig.end) if trig.end < self.end else None
                if m is not None and not self._conj_before_count(trig.end, m):
                    stmt = Statement(trig.type, trig, self._count_of(m))
                    self._add(self._with_group(stmt, after=stmt.count.tok_end))
                elif m is None and trig.end < self.end and self._others_plural(trig.end):
                    # "وفقد آخرون": others, three or more, of the previous count's group
                    stmt = Statement(trig.type, trig, Count(BARE_PLURAL_MIN, None, "some", None, None, None),
                                     confidence=0.55)
                    self._add(self._with_group(stmt, after=trig.end))
            elif trig.pattern in (VERB, VERBAL, FRAME):
                self._read_verb(trig)
            elif trig.pattern in (PLURAL, SINGULAR):
                self._read_noun(trig)
            elif trig.pattern == PRONOUN:
                self._add(Statement(trig.type, trig, Count(1, 1, "exact"), confidence=0.75))  # "مقتله"

    def _others_plural(self, k: int) -> bool:
        group = self.groups.get(k)
        return (group is not None and group[0].group == OTHER_GROUP and group[0].number == PL
                and any(not s.subset for s in self.statements))

    def _read_verb(self, trig: Trigger) -> None:
        stmt = Statement(trig.type, trig, Count(None, None, None))
        if self._died_of_wounds(stmt):
            return
        if self._may_combine(trig):
            self._combine_following(stmt)
        scan_from = stmt.trigger_end or trig.end
        if trig.close is not None:
            # "لقي 5 أشخاص حتفهم": the count sits inside the frame; "أودت الحرب بحياة 20": after it.
            found = self._scan_right(scan_from, until=trig.close) or self._scan_right(trig.close + 1)
        else:
            found = self._scan_right(scan_from)
            if found is None and trig.pattern == VERB and "plural_verb" not in self.cue_keys(trig.start):
                found = self._vso_object(scan_from)
            elif found is not None and found[0] == "group" and trig.pattern == VERB and (
                    self._plural_entry(found[2]) or self._agent_entry(found[2])):
                # "قتل انتحاري يرتدي حزاما ناسفا 14 مصليا": the attacker was the subject
                # "قتل مسلحون يستقلون دراجات نارية 11 قرويا": the plural was the subject
                obj = self._vso_object(scan_from, prepositions=False)
                if obj is None and self._plural_entry(found[2]) and self._unread_object(found[1], found[2]):
                    return  # "قتل شبان غاضبون لصا": the plural is the subject of an object not read
                found = obj or found
        if found is not None:
            kind, k, payload = found
            if kind == "count" and self._with_before(k) and trig.pattern == VERB:
                self._subject_with_companions(stmt, k, payload)
            elif kind == "count":
                stmt.count = self._count_of(payload)
                self._add(self._with_group(stmt, after=stmt.count.tok_end))
            elif kind == "group":
                self._implied_group_count(stmt, k, payload)
            if trig.close is not None and stmt in self.statements:
                _, end = stmt.group_span or (0, stmt.count.tok_end or trig.end)
                self._subject_items(stmt, end, trig.close)  # "لقي زعيم قبلي وثلاثة من أبنائه حتفهم"
            return
        if trig.pattern == VERBAL:
            if not self.starts_with_conj(trig):
                m = self._count_before(trig.start)
                if m is not None:
                    stmt.count = self._count_of(m)
                    self._add(self._with_group(stmt, after=stmt.trigger_end or trig.end))
                    return
            self._named_with_companion(stmt)
            return
        m, group = self._count_before_verb(trig.start)
        if m is not None:
            stmt.count = self._count_of(m)
            if group is not None:
                stmt.group, stmt.group_span = group
            elif m.value.get("dual") or m.value.get("max") in (1, 2):
                self._with_group(stmt, after=None)  # "جنديين قتلا", "شخصا واحدا لقي مصرعه"
            self._add(stmt)
            self._subject_items(stmt, group[1][1] if group is not None else (m.tok_end or trig.start), trig.start)
            return
        self._subject_noun(stmt)
        if stmt not in self.statements:
            self._far_subject(stmt)
        if stmt not in self.statements:
            self._relative_subject(stmt)
        if stmt not in self.statements:
            self._named_with_companion(stmt)

    def _died_of_wounds(self, stmt: Statement) -> bool:
        """"وتوفي جريح متأثرا بإصابته": a wounded person named as the subject of a verb of dying
        is one (two for a dual) killed, not injured."""
        trig = stmt.trigger
        noun = self.trigger_at.get(trig.end) if trig.end < self.end else None
        if (stmt.type != KILLED or trig.pattern != VERB or noun is None or noun.used or noun.type != INJURED
                or noun.pattern not in (SINGULAR, DUAL, COUNTED) or noun.end - noun.start != 1):
            return False
        size = 2 if noun.pattern == DUAL else 1
        noun.used = True
        stmt.count = Count(size, size, "exact", None, noun.start, noun.end)
        stmt.confidence = 0.7
        self._add(stmt)
        return True

    def _named_with_companion(self, stmt: Statement) -> None:
        """"مصرع عمدة البلدة وسائقه": a companion after the words that follow the casualty word
        says those words name one victim."""
        trig = stmt.trigger
        start = stmt.trigger_end or trig.end
        if stmt.type not in (KILLED, INJURED) or start >= self.end or start in self.groups:
            return
        joined = self._companion_after(start)
        if joined is None or joined - start > 3:
            return
        stmt.count = Count(1, 1, "exact", None, start, joined)
        stmt.confidence = 0.6
        self._add(stmt)

    def _subject_items(self, stmt: Statement, k: int, verb: int) -> None:
        """"22 تلميذا وامرأة لقوا مصرعهم": more subjects joined before the verb share it."""
        while k < verb:
            nxt = self._coordinated_item(k)
            if nxt is None:
                return
            count, group, gspan = nxt
            if gspan[1] > verb or self._second_counted_noun(stmt, count, gspan):
                return
            item = Statement(stmt.type, stmt.trigger, count, group, gspan, item=True, confidence=stmt.confidence)
            first = min(p for p in (count.tok_start, gspan[0]) if p is not None)
            if self.tokens[first].norm.startswith(self.lex.conj) and self.tokens[first].norm != self.lex.conj:
                item.lead_clitic = len(self.lex.conj)
            self._add(item)
            k = gspan[1]

    def _with_before(self, k: int) -> bool:
        return k - 1 >= self.start and "with" in self.cue_keys(k - 1)

    def _subject_with_companions(self, stmt: Statement, k: int, m: Mention) -> None:
        """"قائد الكتيبة قتل مع سبعة آخرين": the subject (one) and the count after "مع"."""
        trig = stmt.trigger
        stmt.count = Count(1, 1, "exact", None, None, None)
        for g in range(max(self.start, trig.start - 3), trig.start):
            group = self.groups.get(g)
            if group is not None and group[0].number == SG:
                stmt.group, stmt.group_span = self._group_key(group[0]), (g, group[1])
                break
        stmt.confidence = 0.7
        self._add(stmt)
        item = Statement(stmt.type, trig, self._count_of(m), item=True, confidence=0.7)
        self._add(self._with_group(item, after=item.count.tok_end))
        if item.group is None or item.group == OTHER_GROUP:
            item.group = stmt.group if item.group_span is not None and self._is_other(item.group_span[0]) \
                else item.group

    def _is_other(self, k: int) -> bool:
        group = self.groups.get(k)
        return group is not None and group[0].group == OTHER_GROUP

    def _may_combine(self, trig: Trigger) -> bool:
        """"قتل وأصيب 20": a shared count, unless the first verb has its own subject or count."""
        if trig.pattern == VERBAL:
            return True
        return (trig.pattern == VERB and self._count_before_verb(trig.start)[0] is None
                and not self._subject_before(trig))

    def _group_ending_at(self, k: int) -> tuple[str | None, tuple[int, int]] | None:
        for g in range(max(self.start, k - 2), k):
            group = self.groups.get(g)
            if group is not None and group[1] == k and group[0].number in (SG, DU):
                return self._group_key(group[0]), (g, k)
        return None

    def _subject_before(self, trig: Trigger) -> bool:
        """A one- or two-person subject right before the verb ("أن مستوطنا قتل وأصيب اثنان")."""
        for g in range(max(self.start, trig.start - 2), trig.start):
            group = self.groups.get(g)
            if group is not None and group[1] == trig.start and group[0].number in (SG, DU):
                return True
            if (group is not None and group[1] == trig.start and group[0].number == PL
                    and "dual_verb" in self.cue_keys(trig.start)):
                return True  # "أن فلسطينيين قتلا وأصيب آخر"
        return False

    def _subject_noun(self, stmt: Statement) -> None:
        """"أن صبيا قتل برصاص الجيش": a one-person subject right before a verb with no object."""
        k = stmt.trigger.start
        after = stmt.trigger.end
        if stmt.type not in (KILLED, INJURED):
            return  # "الحوثي احتجزت شحنة": the subject of an arrest is the one arresting
        if after < self.end and (after in self.groups or after in self.num_at):
            return
        for g in range(max(self.start, k - 2), k):
            group = self.groups.get(g)
            if group is not None and group[1] == k and group[0].number in (SG, DU):
                if g in self.num_ending:
                    return  # "171 فلسطينيا قتلوا": the count is elsewhere, not one
                if self._definite(g) and g - 1 >= self.start and self._definite(g - 1):
                    head = self._group_ending_at(g)
                    if head is None:
                        return  # "في الجيش اليمني قتل": the adjective of a noun, not the subject
                    g, group = head[1][0], self.groups[head[1][0]]  # "الجندي الإسرائيلي قتل": the noun
                self._implied_group_count(stmt, g, group)
                return
            if (group is not None and group[1] == k and group[0].number == PL and g not in self.num_ending
                    and "dual_verb" in self.cue_keys(k)):
                # "أن فلسطينيين قتلا": the dual verb says the -يين noun is a dual
                stmt.count = Count(2, 2, "exact", None, g, group[1])
                stmt.group, stmt.group_span = self._group_key(group[0]), (g, group[1])
                stmt.confidence = 0.75
                self._add(stmt)
                return

    def _far_subject(self, stmt: Statement) -> None:
        """"أن شرطيا كان يحرس مدخل السوق الرئيسي قتل في الهجوم": a one- or two-person subject
        right after "أن", with a clause of its own before the verb, in the same clause."""
        trig = stmt.trigger
        if (stmt.type not in (KILLED, INJURED) or self.starts_with_conj(trig)
                or "plural_verb" in self.cue_keys(trig.start)):
            return
        after = trig.end
        if after < self.end and (after in self.groups or after in self.num_at):
            return
        for p in range(trig.start - 1, max(self.start, trig.start - FAR_SUBJECT_WINDOW) - 1, -1):
            keys = self.cue_keys(p)
            if (self.is_punct(p) or p in self.trigger_at or p in self.num_token
                    or keys & {"relative", "zero_neg", "denial", "clause_break"}):
                return  # "إن الموظف حين عاد ... لكنه لم يصب"
            # the written word itself: "كان" is no "ك" + "أن"
            if "complementizer" not in self.lex.single_cues.get(self.tokens[p].norm, ()) or p + 1 >= trig.start:
                continue
            group = self.groups.get(p + 1)
            if group is None or group[0].number not in (SG, DU) or group[1] >= trig.start:
                return
            if group[0].group in (MILITANTS, ATTACKERS) or "companion" in self.cue_keys(p + 1):
                return  # "أن مسلحا ... قتل": the gunman is more likely the one who killed
            self._implied_group_count(stmt, p + 1, group)
            stmt.confidence = min(stmt.confidence, 0.6)
            return

    def _relative_subject(self, stmt: Statement) -> None:
        """"جواد الباروكي الذي قتل الأربعاء الماضي": a verb with no object right after a singular
        or dual relative pronoun tells of its antecedent, one person (two for a dual), whose
        group is the noun before the pronoun when it names one. "الهجوم الذي قتل فيه" (a
        pronoun after the verb points back to the event) is none."""
        trig = stmt.trigger
        k = trig.start
        if stmt.type not in (KILLED, INJURED) or k - 1 <= self.start or self.starts_with_conj(trig):
            return
        size = self._relative_size(k - 1)
        if (size is None or trig.close is not None or not self._no_object(trig.end)
                or self.cue_keys(k) & {"event_verb", "generic_verb"}):
            return  # "الحادث الذي راح ضحيته", "الأنهر التي تصب في دجلة"
        antecedent = k - 2
        if antecedent in self.trigger_at or antecedent in self.num_token:
            return  # "الشهداء الذين قتلوا": the casualty word before tells of them already
        stmt.count = Count(size, size, "exact", None, k - 1, k)
        # the noun before the pronoun, maybe before its adjective ("للقائد الميداني الذي")
        found = self._group_ending_at(k - 1) or (self._group_ending_at(k - 2) if self._adjective_at(k - 2) else None)
        if found is not None:
            stmt.group, stmt.group_span = found
        stmt.confidence = 0.6
        self._add(stmt)

    def _no_object(self, k: int) -> bool:
        """Nothing after the verb that could be its object: the end of the clause, a place, a
        time, a means or agent ("في غارة", "الأحد", "برصاص", "بغارة"), not "موقع رادار"."""
        while k < self.end and self.tokens[k].norm in QUOTE_MARKS:
            k += 1  # "الذي راح ضحيته "العديد""
        if k >= self.end or self.is_punct(k):
            return True
        keys = self.cue_keys(k)
        if "resumptive" in keys:
            return False  # "الهجوم الذي قتل فيه"
        if keys & {"stop", "np_prep", "time", "agent", "manner"}:
            return True
        tok = self.tokens[k]
        # a preposition glued to the next word ("بغارة", "بالرصاص"): no object
        return tok.kind == "word" and any(
            tok.norm.startswith(prefix) and form != tok.norm and tok.norm.endswith(form)
            for prefix in self.lex.preposition_clitics for form in tok.forms)

    def _relative_size(self, p: int) -> int | None:
        for cue, size in (("relative_sg", 1), ("relative_du", 2)):
            if cue in self.lex.single_cues.get(self.tokens[p].norm, ()):
                return size
        return None

    def _group_count(self, entry: GroupEntry, k: int, gend: int) -> Count | None:
        """The count a group noun implies: one, two, or a definite number after a plural
        ("المهاجمين الأربعة"); ``None`` for a plural alone."""
        if entry.number == SG:
            return Count(1, 1, "exact", None, k, gend)
        if entry.number == DU:
            return Count(2, 2, "exact", None, k, gend)
        if entry.number == PL and gend < self.end and gend not in self.num_token:
            value = definite_cardinal(self.tokens[gend].norm)
            if value is not None and self._definite(gend - 1):  # "منفذي الهجوم الثلاثة"
                return Count(value, value, "exact", None, k, gend + 1)
        return None

    def _implied_group_count(self, stmt: Statement, k: int, entry_end: tuple[GroupEntry, int]) -> None:
        entry, gend = entry_end
        if entry.group == OTHER_GROUP and not any(not s.subset for s in self.statements):
            return  # "آخر" / "ثالث" only count after another statement
        if "companion" in self.cue_keys(k) and (
                (stmt.trigger.pattern == VERBAL and stmt.trigger.prefix_len) or self._joined_group(k)):
            if self._joined_group(k):
                self._named_with_companion(stmt)  # "مصرع عمدة البلدة وسائقه"
            return  # "اتهم رجلا بقتل زوجته": a relative as the object of an accusation
        if entry.group == OTHER_GROUP and self._definite(k) and self.told_dual:
            return  # "أحد القتيلين ... توفي الآخر": the other one of the two already told of
        implied = self._group_count(entry, k, gend)
        if implied is not None:
            stmt.count = implied
            gend = implied.tok_end or gend
        elif entry.number == PL and stmt.type in BARE_PLURAL_TYPES:
            stmt.count = Count(BARE_PLURAL_MIN, None, "some", None, k, gend)
            stmt.confidence = 0.6
        else:
            return
        stmt.group = self._refined((entry, gend), k)[0]  # "القيادي في تنظيم القاعدة"
        stmt.group_span = (k, gend)
        if stmt.count.min in (1, 2):
            stmt.confidence = 0.8
        self._add(stmt)

    def _scan_right(self, k: int, until: int | None = None) -> tuple[str, int, object] | None:
        """The first count after a verb, or the group noun that is its object."""
        first_group: tuple[int, tuple[GroupEntry, int]] | None = None
        steps = 0
        # Words skipped on the way: a subject or a time word ("قتل الجمعة 4"); more than one
        # unknown word means the verb has an object of its own ("قتل زوجها عندما ...").
        unknown_budget = RIGHT_WINDOW if until is not None else 1
        p = k
        end = self.end if until is None else until
        while p < end and steps < RIGHT_WINDOW:
            m = self.num_at.get(p)
            if m is not None:
                if id(m) in self.claimed or self._conj_before_count(p, m):
                    break
                return "count", p, m
            skip = self._skippable(p, end)
            if skip:
                p += skip
                continue
            if self.is_punct(p) or p in self.trigger_at:
                break
            keys = self.cue_keys(p)
            if keys & {"subset", "additive", "agent"} or self.cue_end(p, "unknown_count") is not None:
                break
            group = self.groups.get(p)
            if group is not None and p > k and self._definite(p) and (p - 1) not in self.groups:
                group = None  # "قوات الاحتلال الإسرائيلي": a definite adjective of the subject
            if group is not None and p == k and group[0].number in (SG, DU) and until is None:
                first_group = (p, group)  # "مصرع شخص وإجلاء آلاف": the object closes the statement
                break
            if group is not None:
                if group[0].number != ORG and (
                    first_group is None or (first_group[1][0].number == PL and group[0].number in (SG, DU))
                ):
                    first_group = (p, group)
                p = group[1]
                steps += 1
                continue
            if "stop" in keys or self.tokens[p].kind != "word":
                break
            if not self._definite(p):
                # a subject is definite ("قتل الحرس الثوري الإيراني 9"); other words are few
                if unknown_budget == 0:
                    break
                unknown_budget -= 1
            steps += 1
            p += 1
        if first_group is not None and self._group_reachable(k, first_group[0]):
            return "group", first_group[0], first_group[1]
        return None

    @staticmethod
    def _agent_entry(payload: object) -> bool:
        return (isinstance(payload, tuple) and isinstance(payload[0], GroupEntry)
                and payload[0].group in (ATTACKERS, MILITANTS) and payload[0].number == SG)

    @staticmethod
    def _plural_entry(payload: object) -> bool:
        return isinstance(payload, tuple) and isinstance(payload[0], GroupEntry) and payload[0].number == PL

    def _vso_object(self, k: int, prepositions: bool = True) -> tuple[str, int, object] | None:
        """The object of a verb written after a subject phrase that is neither definite nor a
        group ("قتلت غارة جوية خمسة مدنيين", "قتل حشد غاضب رجلا") or after a place or means
        ("قتلت القوات الأمريكية في غارة جوية ثمانية عناصر"): only a count that names people,
        or a one- or two-person accusative noun."""
        words = 0
        p = k
        crossed_prep = False  # "قتلوا في نيجيريا": a noun after a preposition is no object
        while p < self.end and words < VSO_WINDOW:
            skip = self._skippable(p, self.end)
            if skip:
                p += skip
                continue
            m = self.num_at.get(p)
            if m is not None:
                if (id(m) in self.claimed or self._conj_before_count(p, m) or m.tok_end is None
                        or (self._group_at(m.tok_end) is None and not m.value.get("dual")
                            and not (m.value.get("max") in (1, 2) and self._noun_ends_at(p)))):
                    return None  # "قياديين اثنين": one and two follow their noun
                return "count", p, m
            tok = self.tokens[p]
            keys = self.cue_keys(p)
            if (tok.kind != "word" or p in self.trigger_at or p in self.num_token or tok.norm == self.lex.conj
                    or ("stop" in keys and not (prepositions and keys & {"np_prep", "time", "vso_prep"}))
                    or keys & {"subset", "additive", "agent", "relative", "from", "between", "with", "conj"}):
                return None
            group = self.groups.get(p)
            if group is not None and p > k and not crossed_prep and self._object_form(p, group):
                return "group", p, group
            crossed_prep = crossed_prep or "np_prep" in keys
            if group is not None:
                p = group[1]
            else:
                p += 1
            words += 1
        return None

    def _unread_object(self, k: int, group: object) -> bool:
        """After a plural subject and its adjective, an indefinite accusative word: the verb has
        an object of its own ("قتل شبان غاضبون لصا")."""
        if not isinstance(group, tuple):
            return False
        p = group[1]
        if not (p < self.end and self._adjective_at(p) and self.tokens[p].norm.endswith(self.lex.nominative_plural)):
            return False  # the subject's own adjective ("غاضبون") says it is a subject, not "لاجئين ميدانيا"
        p += 1
        if p >= self.end or not self._adjective_at(p) or self._definite(p):
            return False
        return self.tokens[p].norm.endswith(self.lex.accusative)

    def _noun_ends_at(self, k: int) -> bool:
        return any(g in self.groups and self.groups[g][1] == k and self.groups[g][0].number != ORG
                   for g in range(max(self.start, k - 2), k))

    def _object_form(self, p: int, group: tuple[GroupEntry, int]) -> bool:
        """A one- or two-person noun in the accusative: "رجلا", "شرطيا", "رجلين"."""
        entry, gend = group
        if gend - p != 1 or self._definite(p):
            return False
        norm = self.tokens[p].norm
        before = self.tokens[p - 1]
        if before.kind == "word" and p - 1 not in self.groups and before.norm.endswith(self.lex.accusative):
            return False  # "يرتدون زيا عسكريا": the adjective of an accusative noun
        if entry.number == SG:
            # "رجلا"; a feminine noun shows no accusative ending: "أصابت رصاصة طائشة طفلة"
            return norm.endswith(self.lex.accusative) or norm.endswith(self.lex.feminine)
        return entry.number == DU

    def _skippable(self, p: int, end: int) -> int:
        """Tokens that never end the search for a count: hashtag marks, a time word alone or
        between commas ("قتل الجيش، الأربعاء، 3 فلسطينيين")."""
        tok = self.tokens[p]
        if tok.norm in HASHTAG_MARKS or tok.norm in QUOTE_MARKS:
            return 1  # "قتل الجيش الفرنسي "عشرات الإرهابيين""
        time_end = self.cue_end(p, "time") or self.cue_end(p, "manner")
        if time_end is not None:
            return time_end - p  # "قتل الجمعة 4", "أعدمت الحركة رميا بالرصاص رجلين"
        if (tok.kind == "punct" and p + 2 < end and self.tokens[p + 2].norm == tok.norm
                and self.cue_end(p + 1, "time") == p + 2):
            return 3
        if tok.kind == "punct" and p + 2 < end:
            for hit in number_lexicon().after.match_at(self.tokens, p + 1, end):
                if hit.tok_end < end and self.tokens[hit.tok_end].norm == tok.norm:
                    return hit.tok_end + 1 - p  # "قتل، على الأقل، ستة أشخاص"
        return 0

    def _definite(self, p: int) -> bool:
        tok = self.tokens[p]
        return tok.norm.startswith(self._article()) and p not in self.num_token

    def _conj_before_count(self, p: int, m: Mention) -> bool:
        """"مقتل جندي وثلاثة مدنيين": a count joined by و starts a new item, not the object."""
        tok = self.tokens[p]
        if p > self.start and self.tokens[p - 1].norm == self.lex.conj:
            return True
        return m.start > tok.start and tok.norm.startswith(self.lex.conj)

    def _group_reachable(self, k: int, g: int) -> bool:
        """The group noun is the verb's object: right after it, or after a plural subject
        group and its adjective ("خطف مسلحون مجهولون طبيبا")."""
        if g == k:
            return True
        subject = self.groups.get(k)
        if subject is not None and subject[0].number == PL and g - subject[1] <= 1:
            return True
        # a subject phrase (a head noun, then definite words) or a time word before the object:
        # "قتلت قوات الاحتلال شابا", "توفي صباح الأحد شاب"
        return all(self._definite(p) or p in self.groups or self._skippable(p, g) for p in range(k + 1, g))

    def _count_before_verb(self, k: int) -> tuple[Mention | None, tuple[str | None, tuple[int, int]] | None]:
        """"خمسة جنود قتلوا": a count (and its group) right before the verb."""
        m = self.num_ending.get(k)
        if m is not None and id(m) not in self.claimed:
            return self._first_joined(m, None)
        for g in range(max(self.start, k - 5), k):
            group = self.groups.get(g)
            # the group may be followed by a qualifier: "14 مدنيا على الأقل قتلوا"
            if group is not None and 0 <= k - group[1] <= 2 and self._plain_words(group[1], k):
                m = self.num_ending.get(g)
                if m is not None and id(m) not in self.claimed:
                    return self._first_joined(m, (self._group_key(group[0]), (g, group[1])))
        m, group = self._subject_count(k)
        return self._first_joined(m, group) if m is not None else (m, group)

    def _first_joined(self, m: Mention, group: tuple[str | None, tuple[int, int]] | None
                      ) -> tuple[Mention | None, tuple[str | None, tuple[int, int]] | None]:
        """The first of several subjects joined by و ("خمسة مدنيين وشرطيان أصيبوا", "7 من عناصر
        الجيش و71 فردا قتلوا"): the later ones are read as items of the same statement."""
        if m.tok_start is None or m.tok_start <= self.start:
            return m, group
        lead = m.tok_start
        if m.value.get("max") in (1, 2) and not m.value.get("dual"):
            noun = next((g for g in range(max(self.start, lead - 2), lead)
                         if g in self.groups and self.groups[g][1] == lead and self.groups[g][0].number != ORG), None)
            if noun is not None:
                lead = noun  # "ومدنيا واحدا أصيبوا", "ومدنيين اثنين": the number follows its noun
        first_tok = self.tokens[lead]
        joined = (lead - 1 >= self.start and self.tokens[lead - 1].norm == self.lex.conj) or (
            first_tok.norm.startswith(self.lex.conj) and (lead != m.tok_start or m.start > first_tok.start))
        if not joined:
            return m, group
        at = lead - 1 if self.tokens[lead - 1].norm == self.lex.conj else lead
        first, first_group = self._count_before_verb(at)
        # "ما بين ثمانية وعشرة أشخاص": the first count must have a noun of its own
        return (first, first_group) if first is not None and first_group is not None else (m, group)

    def _subject_count(self, k: int) -> tuple[Mention | None, tuple[str | None, tuple[int, int]] | None]:
        """A counted subject a few words before the verb: "ثلاثة من جنوده لقوا مصرعهم",
        "128 من عناصر الميليشيا قتلوا", "3 بحارة لقوا حتفهم", "14 مقاتلا على الأقل، بينهم
        إيرانيون، قتلوا"."""
        qualifier_tokens = self._after_qualifier_tokens()
        p = k - 1
        words = 0
        # a plural verb agrees with a subject before it, which may end with a comma:
        # "أكثر من 140 عنصرا من الميليشيا الانقلابية، لقوا مصرعهم"
        plural_verb = k < self.end and "plural_verb" in self.cue_keys(k)
        commas = 1 if plural_verb else 0
        window = PLURAL_SUBJECT_WINDOW if plural_verb else SUBJECT_WINDOW
        while p >= self.start and words < window:
            m = self.num_ending.get(p + 1) if p + 1 < k else None
            if m is not None and m.tok_start is not None and self._adjective_number(m):
                words += 1  # "4 أطفال من عائلة واحدة، قتلوا": "واحدة" describes the family
                p = m.tok_start - 1
                continue
            if m is not None and m.tok_start is not None:
                if id(m) in self.claimed or (p + 1 in self.trigger_at
                                             and self.trigger_at[p + 1].type not in STATUS_TYPES):
                    return None, None
                return m, self._group_at(p + 1)
            tok = self.tokens[p]
            if tok.norm in HASHTAG_MARKS or tok.norm in QUOTE_MARKS or p in qualifier_tokens:
                p -= 1
                continue
            if tok.kind == "punct":
                opened = self._parenthetical_start(p)
                if opened is None and commas and p == k - 1 and tok.norm in CLAUSE_PUNCT:
                    commas -= 1
                    p -= 1
                    continue
                if opened is None:
                    return None, None
                p = opened - 1
                continue
            keys = self.cue_keys(p)
            status_noun = p in self.trigger_at and self.trigger_at[p].type in STATUS_TYPES
            inside_subject = plural_verb and "np_prep" in keys  # "27 عنصرا ... في ريف حماة قد لقوا"
            if ((p in self.trigger_at and not status_noun) or p in self.num_token
                    or (keys & {"stop", "subset", "additive", "conj"} and "from" not in keys
                        and not inside_subject)):
                return None, None
            words += 1
            p -= 1
        m = self.num_ending.get(p + 1) if p + 1 < k else None
        if m is not None and id(m) not in self.claimed and p + 1 not in self.trigger_at:
            return m, self._group_at(p + 1)
        return None, None

    def _joined_group(self, k: int) -> bool:
        """The group noun at ``k`` is joined by "و" (a token or a clitic, not a letter of "والدته")."""
        if k - 1 >= self.start and self.tokens[k - 1].norm == self.lex.conj:
            return True
        return k in self.group_clitic and self.tokens[k].norm.startswith(self.lex.conj)

    def _adjective_number(self, m: Mention) -> bool:
        """One or two written after a noun that names no people ("عائلة واحدة")."""
        k = m.tok_start
        if m.value.get("max") not in (1, 2) or m.value.get("dual") or k is None or k - 1 < self.start:
            return False
        prev = self.tokens[k - 1]
        return (prev.kind == "word" and self._group_ending_at(k) is None and k - 1 not in self.trigger_at
                and k - 1 not in self.num_token and not self.cues.get(k - 1))

    def _parenthetical_start(self, close: int) -> int | None:
        """"، بينهم إيرانيون،": the opening comma of a subset aside ending at ``close``."""
        mark = self.tokens[close].norm
        for q in range(close - 1, max(self.start, close - 6) - 1, -1):
            if self.tokens[q].norm == mark:
                return q if q + 1 < close and "subset" in self.cue_keys(q + 1) else None
            if self.tokens[q].kind == "punct":
                return None
        return None

    def _after_qualifier_tokens(self) -> set[int]:
        if self._after_qualifiers is None:
            self._after_qualifiers = self._find_after_qualifier_tokens()
        return self._after_qualifiers

    def _find_after_qualifier_tokens(self) -> set[int]:
        out: set[int] = set()
        lex = number_lexicon()
        for p in range(self.start, self.end):
            if not lex.first_words["after"].isdisjoint(self.tokens[p].forms):
                for hit in lex.after.match_at(self.tokens, p, self.end):
                    out.update(range(hit.tok_start, hit.tok_end))
        return out

    def _plain_words(self, a: int, b: int) -> bool:
        """Tokens ``[a, b)`` are empty or a qualifier that follows a counted noun ("على الأقل")."""
        if a == b:
            return True
        hits = number_lexicon().after.match_at(self.tokens, a, self.end)
        return any(h.tok_end == b for h in hits)

    def _read_noun(self, trig: Trigger) -> None:
        toll = any("toll" in self.cue_keys(p) or "update" in self.cue_keys(p)
                   for p in range(max(self.start, trig.start - 2), trig.start))
        if toll or trig.definite:
            found = self._scan_toll(trig.end)
            if found is not None:
                stmt = Statement(trig.type, trig, self._count_of(found))
                self._add(self._with_group(stmt, after=stmt.count.tok_end))
            if found is not None or trig.definite or self._toll_noun_before(trig.start):
                return  # "وصل جرحى": an indefinite plural after a toll verb is still a bare plural
        stmt = Statement(trig.type, trig, Count(None, None, None))
        subject = self._group_ending_at(trig.start)
        if subject is not None:
            stmt.group, stmt.group_span = subject  # "سقط شرطي قتيلا"
        m = self.free_count(trig.end) if trig.end < self.end else None
        if m is not None and m.tok_end not in self.trigger_at:
            stmt.count = self._count_of(m)
            self._add(self._with_group(stmt, after=stmt.count.tok_end))
            return
        if trig.pattern == SINGULAR:
            stmt.count = Count(1, 1, "exact", None, None, None)
            stmt.confidence = 0.75
        elif trig.type in BARE_PLURAL_TYPES:
            # "سقط قتلى وجرحى": killed and injured are each stated (a plural: three or more),
            # unlike one figure for both ("20 قتيلا وجريحا"); each noun is read on its own.
            if trig.end < self.end and self._construct_follows(trig.end):
                return
            stmt.count = Count(BARE_PLURAL_MIN, None, "some", None, None, None)
            stmt.confidence = 0.55
        else:
            return
        self._add(self._with_group(stmt, after=stmt.trigger_end or trig.end))

    def _toll_noun_before(self, k: int) -> bool:
        """"حصيلة ضحايا القصف", "عدد قتلى": the noun names a toll, not casualties of its own."""
        return any("toll_noun" in self.cue_keys(p) for p in range(max(self.start, k - 2), k))

    def _construct_follows(self, k: int) -> bool:
        """"قتلى الهجوم", "جثث ضحايا": a plural noun in construct names no new victims."""
        tok = self.tokens[k]
        if k in self.trigger_at:
            return not self.starts_with_conj(self.trigger_at[k])  # "قتلى وجرحى" is no construct
        return (tok.kind == "word" and k not in self.groups and tok.norm.startswith(self._article())
                and "stop" not in self.cue_keys(k))  # "نقل مصابون إلى": "إلى" is no definite noun

    def _scan_toll(self, k: int) -> Mention | None:
        """"ارتفع عدد القتلى إلى 17": the count follows the noun in a toll, maybe after a period
        ("ارتفع عدد القتلى منذ اندلاع المواجهات في طرابلس إلى 47")."""
        for p in range(k, min(self.end, k + TOLL_WINDOW + 1)):
            m = self.num_at.get(p)
            if m is not None:
                return m if id(m) not in self.claimed else None
            if self.is_punct(p) or p in self.trigger_at:
                return None
        return None

    # group of a count
    def _with_group(self, stmt: Statement, after: int | None) -> Statement:
        count = stmt.count
        if count.mention is not None and count.mention.value.get("dual") and count.tok_start is not None:
            group = self.groups.get(count.tok_start)
            if group is not None:
                stmt.group, stmt.group_span = self._refined(group, count.tok_start)  # "عنصران من الأمن"
                return stmt
        positions = []
        if count.tok_end is not None:
            positions.append(count.tok_end)
        if after is not None and after not in positions:
            positions.append(after)
        if count.mention is None and after is not None and after < self.end:
            nxt = self.trigger_at.get(after)
            if nxt is not None and nxt.pattern == PLURAL and self.starts_with_conj(nxt):
                positions.append(nxt.end)  # "قتلى وجرحى من الحوثيين": the group of both
        for k in positions:
            found = self._group_at(k)
            if found is not None:
                key, span = found
                stmt.group, stmt.group_span = key, span
                return stmt
        for k in positions:
            found = self._group_after_adjective(k, count) or self._ranks_group(k)
            if found is not None:
                stmt.group, stmt.group_span = found
                return stmt
        # "شرطيين اثنين", "قتيل واحد": one and two follow their noun as adjectives
        g = count.tok_start
        if count.mention is not None and g is not None and count.max in (1, 2) and g - 1 >= self.start:
            for s in range(max(self.start, g - 3), g):
                group = self.groups.get(s)
                if group is not None and group[1] == g and group[0].number != ORG:
                    # "قياديين اثنين في تنظيم الشباب": the body after the number
                    stmt.group = self._refined((group[0], count.tok_end or g), s)[0]
                    stmt.group_span = (s, g)
                    break
        return stmt

    def _group_after_adjective(self, k: int, count: Count) -> tuple[str | None, tuple[int, int]] | None:
        """"3 متعاونين مدنيين": a plural noun that is no group word, then a plural group word
        that describes it."""
        if (count.mention is None or (count.min or 0) < BARE_PLURAL_MIN or k + 1 >= self.end
                or k != count.tok_end or not self._adjective_at(k) or self._definite(k)):
            return None
        group = self.groups.get(k + 1)
        if group is None or group[0].number != PL or self._definite(k + 1):
            return None
        return self._group_key(group[0]), (k, group[1])

    def _ranks_group(self, k: int) -> tuple[str | None, tuple[int, int]] | None:
        """"قتلى وجرحى في صفوف الجيش": the group named after "في صفوف", a body included."""
        for q in range(k, min(self.end, k + 3)):
            end = self.cue_end(q, "ranks")
            if end is not None:
                group = self.groups.get(end)
                return (self._group_key(group[0]), (q, group[1])) if group is not None else None
            if q not in self.trigger_at and not (q in self.num_token and self.num_token[q].value.get("vague")):
                return None  # only the casualty words ("قتلى وجرحى") between
        return None

    def _group_at(self, k: int) -> tuple[str | None, tuple[int, int]] | None:
        """The victim group named at token ``k``: a group noun, or "من" and a group noun."""
        if k >= self.end:
            return None
        if self.tokens[k].norm in QUOTE_MARKS and k + 1 < self.end and self.tokens[k + 1].kind == "word":
            found = self._group_at(k + 1)  # 71 "فردا تكفيريا"
            return (found[0], (k, found[1][1])) if found is not None else None
        group = self.groups.get(k)
        if group is not None and group[0].number != ORG:
            return self._companion_key(group, k)
        if "from" in self.cue_keys(k) and k + 1 < self.end:
            group = self.groups.get(k + 1)
            if group is not None:
                key, (_, end) = self._companion_key(group, k + 1)
                return key, (k, end)
        return None

    def _companion_key(self, group: tuple[GroupEntry, int], k: int) -> tuple[str | None, tuple[int, int]]:
        """"4 من عناصره", "مرافقيه": someone's own men, whose side the noun does not say."""
        if "companion" in self.cue_keys(k):
            # "عناصره": whose men they are is not said; "أطفالها" says children
            weak = group[0].number == PL and group[0].group in WEAK_GROUPS
            return (None if weak else self._group_key(group[0])), (k, group[1])
        return self._refined(group, k)

    def _refined(self, group: tuple[GroupEntry, int], k: int) -> tuple[str | None, tuple[int, int]]:
        """A generic noun takes the group of the body named after it: "عناصر من الشرطة",
        "عناصر طالبان", "أفراد قوات الحشد الشعبي"."""
        entry, e = group
        if entry.group in WEAK_GROUPS:
            # the body right after the noun, after "من"/"في", or after one plain word (and "من"/"في"):
            # "القيادي في تنظيم القاعدة", "قائد كتيبة في الجيش"; not "مواطنين في قصف الجيش"
            p, plain = e, 0
            while p < self.end and not self._joined_group(p):  # "رجل وزوجته": a second victim
                named = self.groups.get(p)
                if named is not None and named[0].group != OTHER_GROUP and (
                        named[0].number == ORG or named[0].group not in WEAK_GROUPS):
                    return self._group_key(named[0]), (k, named[1])
                keys = self.cue_keys(p)
                if "from" in keys or ("np_prep" in keys and self.tokens[p].norm in self.lex.single_cues):
                    p += 1
                    if p < self.end and p not in self.groups and "body_head" in self.cue_keys(p):
                        p += 1  # "في تنظيم القاعدة"
                    named = self.groups.get(p) if p < self.end else None
                    if named is not None and named[0].group != OTHER_GROUP and (
                            named[0].number == ORG or named[0].group not in WEAK_GROUPS):
                        return self._group_key(named[0]), (k, named[1])
                    break
                if plain or not self._links_name(p) or self._glued_preposition(p):
                    break
                plain, p = 1, p + 1
        return self._group_key(entry), (k, e)

    def _glued_preposition(self, k: int) -> bool:
        tok = self.tokens[k]
        return any(tok.norm.startswith(prefix) and form != tok.norm and tok.norm.endswith(form)
                   for prefix in self.lex.preposition_clitics for form in tok.forms)

    def _links_name(self, p: int) -> bool:
        """"من" or a plain head word ("قوات") between a generic noun and the body it names."""
        keys = self.cue_keys(p)
        if "from" in keys:
            return True
        return (self.tokens[p].kind == "word" and not keys and p not in self.trigger_at
                and p not in self.num_token)

    def _group_key(self, entry: GroupEntry) -> str | None:
        if entry.group != OTHER_GROUP:
            return entry.group
        previous = [s for s in self.statements if not s.subset and not s.zero and not s.unknown]
        return previous[-1].group if previous else None

    # pass 4: "مقتل 3 جنود و5 مدنيين"
    def _coordinated(self) -> None:
        for stmt in list(self.statements):
            if stmt.zero or stmt.unknown:
                continue
            self._follow_coordination(stmt, subset=False, named_only=self._counted_noun(stmt))

    def _second_counted_noun(self, stmt: Statement, count: Count, gspan: tuple[int, int]) -> bool:
        """"قتل 35 عسكريا ومتطوعا": a second singular accusative noun after a count's own
        singular noun (11-99 count a singular accusative) is counted by the same number."""
        if count.mention is not None or count.max != 1 or stmt.count.mention is None or stmt.group_span is None:
            return False
        if (stmt.count.min or 0) < BARE_PLURAL_MIN:
            return False
        main = self.groups.get(stmt.group_span[0])
        if (stmt.count.min or 0) >= GENITIVE_COUNT and main is not None and main[0].number == SG:
            return gspan[1] - gspan[0] == 1  # "3 آلاف صحفي وعامل": a hundred and up count a genitive singular
        ending = self.lex.accusative
        own = self.tokens[stmt.group_span[1] - 1].norm
        other = self.tokens[gspan[1] - 1].norm
        return gspan[1] - gspan[0] == 1 and own.endswith(ending) and other.endswith(ending)

    def _bound_after(self, stmt: Statement, k: int) -> None:
        if k >= self.end or stmt.count.qualifier != "exact":
            return
        for hit in number_lexicon().after.match_at(self.tokens, k, self.end):
            if hit.payload in ("at_least", "more_than"):
                stmt.count.qualifier, stmt.count.max = hit.payload, None
                return

    def _counted_noun(self, stmt: Statement) -> bool:
        """"11 قتيلا و25 شخصا عالقين": a count before a casualty noun states that noun's count;
        what follows is another count of it only as "و9 من المسلحين"."""
        t = stmt.trigger
        return (t.pattern in (PLURAL, SINGULAR, COUNTED) and stmt.count.mention is not None
                and stmt.count.tok_end is not None and stmt.count.tok_end <= t.start)

    def _follow_coordination(self, stmt: Statement, subset: bool, named_only: bool = False) -> None:
        current = stmt
        while True:
            _, end = current.tok_span()
            # "معظمهم من النساء والأطفال": a subset of unsaid size goes on with plural nouns
            nxt = self._coordinated_item(end, bare_plural=subset and current.count.min is None)
            if nxt is None:
                return
            count, group, gspan = nxt
            if named_only and "from" not in self.cue_keys(gspan[0]):
                return
            if self._second_counted_noun(current, count, gspan):
                self._bound_after(current, gspan[1])  # "35 عسكريا ومتطوعا على الأقل"
                return
            item = Statement(stmt.type, stmt.trigger, count, group, gspan, subset=subset, item=True,
                             parent=stmt.parent if subset else None, confidence=stmt.confidence)
            first = min(p for p in (count.tok_start, gspan[0]) if p is not None)
            if self.tokens[first].norm.startswith(self.lex.conj) and self.tokens[first].norm != self.lex.conj:
                item.lead_clitic = len(self.lex.conj)
            self._add(item)
            current = item

    def _coordinated_item(self, k: int, bare_plural: bool = False
                          ) -> tuple[Count, str | None, tuple[int, int]] | None:
        if k >= self.end:
            return None
        skipped = 0
        while skipped < QUALIFIER_SKIP and k < self.end and self._adjective_at(k):
            k += 1  # "قائد ميداني وثلاثة من مرافقيه", "ضابط برتبة رائد وثلاثة جنود"
            skipped += 1
        if k >= self.end:
            return None
        if self.is_punct(k) and k + 1 < self.end and self._counted_from_item(k + 1):
            k += 1  # "قتل خمسة عناصر من قوات النظام، واثنان من مقاتلي الهيئة"
        joined, p = self.is_conj_joined(k)
        if not joined:
            skipped = self._companion_after(k)  # "قيادي في حركة الشباب واثنان من مرافقيه"
            if skipped is None:
                return None
            joined, p = self.is_conj_joined(skipped)
        if not joined or p >= self.end:
            return None
        m = self.free_count(p)
        if m is not None and m.value.get("dual"):
            group = self.groups.get(p)
            if group is None or p in self.trigger_at:
                return None
            return self._count_of(m), self._group_key(group[0]), (p, group[1])
        if m is not None:
            after = m.tok_end or p + 1
            if after < self.end and after in self.trigger_at:
                return None
            found = self._group_at(after)
            if found is None:
                if (after < self.end and "from" in self.cue_keys(after) and after + 1 < self.end
                        and (not m.value.get("vague") or "companion" in self.cue_keys(after + 1))):
                    return self._count_of(m), None, (p, after + 2)  # "وثلاثة من مرافقيه"
                return None
            key, span = found
            return self._count_of(m), key, span
        group = self.groups.get(p)
        if group is None or p in self.trigger_at:
            return None
        entry, gend = group
        after = self.free_count(gend) if gend < self.end else None
        if after is not None and after.value.get("max") in (1, 2) and not after.value.get("dual"):
            return self._count_of(after), self._group_key(entry), (p, after.tok_end or gend)  # "ومدنيين اثنين"
        if entry.number == SG:
            count = Count(1, 1, "exact", None, p, gend)
        elif entry.number == DU:
            count = Count(2, 2, "exact", None, p, gend)
        elif entry.number == PL and "companion" in self.cue_keys(p):
            count = Count(BARE_PLURAL_MIN, None, "some", None, p, gend)  # "مقتله ومرافقيه"
            return count, None, (p, gend)
        elif entry.number == PL and bare_plural:
            count = Count(None, None, None, None, p, gend)
        else:
            return None
        return count, self._group_key(entry), (p, gend)

    def _companion_after(self, k: int) -> int | None:
        """A few words qualifying the victim ("في حركة الشباب") before a و-joined companion
        count ("واثنان من مرافقيه", "وعدد من عناصره", "وسائقه"): the token of that و."""
        words = 0
        for q in range(k, self.end):
            tok = self.tokens[q]
            if tok.norm in QUOTE_MARKS:
                continue  # "قيادي في «كتائب حزب الله» واثنان من مرافقيه"
            if tok.kind != "word" or q in self.trigger_at or words > COMPANION_SKIP:
                return None
            joined, p = self.is_conj_joined(q)
            if joined and q > k and self._companion_at(p):
                return q
            if q in self.num_token:
                return None
            words += 1
        return None

    def _counted_from_item(self, k: int) -> bool:
        """"و" + a count + "من" + a group noun, not followed by a casualty word of its own."""
        joined, p = self.is_conj_joined(k)
        m = self.num_at.get(p) if joined else None
        if m is None or m.tok_end is None or m.tok_end + 1 >= self.end:
            return False
        after = m.tok_end
        return ("from" in self.cue_keys(after) and (after + 1) in self.groups
                and self.groups[after + 1][1] not in self.trigger_at)

    def _companion_at(self, p: int) -> bool:
        if p >= self.end:
            return False
        if "companion" in self.cue_keys(p):
            return True
        m = self.num_at.get(p)
        if m is None or m.tok_end is None:
            return False
        after = m.tok_end
        if after < self.end and "from" in self.cue_keys(after):
            after += 1
        return after < self.end and "companion" in self.cue_keys(after)

    def _adjective_at(self, k: int) -> bool:
        """A plain word that may qualify the noun before it (not a cue, trigger, count or و-joined)."""
        tok = self.tokens[k]
        return (tok.kind == "word" and k not in self.trigger_at and k not in self.num_token
                and k not in self.groups and not self.cues.get(k)
                and not tok.norm.startswith(self.lex.conj))

    # pass 5: "بينهم ثلاثة أطفال", "إضافة إلى الانتحاري"
    def _subsets(self) -> None:
        k = self.start
        while k < self.end:
            key = next((c for c in ("subset", "additive") if self.cue_end(k, c) is not None), None)
            if key is None:
                k += 1
                continue
            end = self.cue_end(k, key) or k + 1
            additive = key == "additive" or self._negated_before(k)  # "الحصيلة لا تشمل المهاجمين"
            parent = self._parent_before(k)
            inner = next((self.trigger_at[p] for p in range(k, end) if p in self.trigger_at), None)
            toll = self._toll_before(k)
            if toll is not None and inner is None and (
                    parent is None or parent.type != KILLED or parent.group == ATTACKERS):
                # "وأن الحصيلة تشمل المهاجمين": about the incident's whole toll, told anywhere
                parent, inner = None, Trigger(toll, toll + 1, KILLED, PLURAL, 0)
                self._orphan_subset(inner, end, additive)
                k = end
                continue
            if parent is not None:
                kind = inner.type if inner is not None and inner.type != COMBINED else parent.type
                self._subset_items(parent, end, additive, kind)
            elif inner is not None and not additive:
                self._orphan_subset(inner, end)  # "وكان بين القتلى أربعة جنود": the total is elsewhere
            k = end  # "من بينهم" is one cue, not two

    def _toll_before(self, k: int) -> int | None:
        for p in range(k - 1, max(self.start, k - 1 - NEGATION_BEFORE) - 1, -1):
            if "toll" in self.cue_keys(p):
                return p
            if "zero_neg" not in self.cue_keys(p):
                return None
        return None

    def _mark_subset(self, stmt: Statement, parent: Statement | None, additive: bool) -> None:
        """A statement and the items coordinated after it ("طفلان وامرأة") become the subset."""
        for s in [stmt] + [i for i in self.statements if i.item and i.trigger is stmt.trigger
                           and (i.count.tok_start or 0) > (stmt.count.tok_start or 0) and not i.subset]:
            s.type = stmt.type
            s.subset, s.additive, s.parent = not additive, additive, parent

    def _negated_before(self, k: int) -> bool:
        return any("zero_neg" in self.cue_keys(p) for p in range(max(self.start, k - NEGATION_BEFORE), k))

    def _orphan_subset(self, inner: Trigger, k: int, additive: bool = False) -> None:
        """A subset cue naming the casualties ("بين القتلى") with no count before it in the sentence."""
        for s in self.statements:
            if s.trigger is inner or s.count.tok_start == k:
                if s.count.tok_start is None or s.count.tok_start < k:
                    continue  # the cue's own noun read as a statement of its own ("قتلى")
                self._mark_subset(s, None, False)
                return
        carrier = Statement(inner.type, inner, Count(None, None, None), confidence=0.7)
        self._subset_items(carrier, k, additive, inner.type)
        for s in self.statements:
            if s.parent is carrier:
                s.parent = None

    def _parent_before(self, k: int) -> Statement | None:
        before = [s for s in self.statements if not s.subset and not s.additive and s.tok_span()[1] <= k
                  and not s.zero and not s.unknown]
        return max(before, key=lambda s: s.tok_span()[1]) if before else None

    def _subset_items(self, parent: Statement, k: int, additive: bool, kind: str) -> None:
        """The counts after a subset or additive cue ending at token ``k``."""
        if k >= self.end:
            return
        # A statement already read right after the cue ("بينهم 3 قتلى") becomes the subset.
        for s in self.statements:
            if s is not parent and s.count.tok_start == k and not s.subset:
                if s.type == COMBINED:
                    s.type = kind  # "ومن بين الضحايا ثلاثة أطفال": the dead of the toll before
                self._mark_subset(s, parent, additive)
                return
        if "from" in self.cue_keys(k) and k + 1 < self.end:
            k += 1  # "غالبيتهم من النساء"
        m = self.free_count(k)
        item: Statement | None = None
        if m is not None:
            item = Statement(kind, parent.trigger, self._count_of(m), subset=not additive,
                             additive=additive, parent=parent, confidence=parent.confidence)
            self._with_group(item, after=None)
        else:
            group = self.groups.get(k)
            if group is None:
                return
            entry, gend = group
            count = self._group_count(entry, k, gend) or (
                Count(BARE_PLURAL_MIN, None, "some", None, k, gend) if self._bare_subset(parent, entry, kind)
                else Count(None, None, None, None, k, gend))
            gend = count.tok_end or gend
            item = Statement(kind, parent.trigger, count,
                             self._refined(group, k)[0], (k, gend), subset=not additive, additive=additive,
                             parent=parent, confidence=parent.confidence)
        self._add(item)
        self._follow_coordination(item, subset=not additive)

    def _bare_subset(self, parent: Statement, entry: GroupEntry, kind: str) -> bool:
        """"جرحى بينهم أطفال": a plural subset of a bare plural is, like it, three or more; of a
        count ("20 شخصا غالبيتهم من النساء") its size is not said."""
        return (entry.number == PL and kind in BARE_PLURAL_TYPES and parent.count.mention is None
                and parent.count.qualifier == "some" and entry.group not in (ATTACKERS, OTHER_GROUP))

    # pass 6: flags
    def _flags(self) -> None:
        update_at = [k for k in range(self.start, self.end) if "update" in self.cue_keys(k) and self._revises(k)]
        preliminary = any("preliminary" in self.cue_keys(k) for k in range(self.start, self.end))
        aggregate_cues, war_cues = self._aggregate_cues()
        strong_cues = {p for p in aggregate_cues if "aggregate" in self.cue_keys(p)}
        for stmt in self.statements:
            a, _ = stmt.tok_span()
            stmt.preliminary = preliminary
            ref = stmt.count.tok_start if stmt.count.tok_start is not None else a
            stmt.update = any(u < max(a, ref) for u in update_at) and not stmt.zero
            stmt.aggregate = any(self._cue_applies(stmt, p, framing=p in strong_cues) for p in aggregate_cues) or any(
                self._cue_applies(stmt, p, across_relative=True) for p in war_cues)
            stmt.negated = not stmt.zero and (any("denial" in self.cue_keys(p)
                                                  for p in range(max(self.start, a - DENIAL_WINDOW), a))
                                              or self._attempted(stmt.trigger))
            if stmt.count.mention is not None and stmt.count.qualifier == "exact" and (any(
                "exceed" in self.cue_keys(p) for p in range(max(self.start, a - DENIAL_WINDOW), a)
            ) or self._exceeded(stmt.count.mention)):
                stmt.count.qualifier, stmt.count.max = "more_than", None
        for stmt in self.statements:
            if stmt.parent is not None:
                stmt.aggregate = stmt.aggregate or stmt.parent.aggregate
                stmt.update = stmt.update or stmt.parent.update
                stmt.negated = stmt.negated or stmt.parent.negated
                if (stmt.subset or stmt.additive) and stmt.group == MILITANTS and stmt.group_span \
                        and self._definite(stmt.group_span[0]):
                    stmt.group = ATTACKERS  # "بينهم المسلح الذي فتح النار": the gunman himself
                if stmt.subset and stmt.group == ATTACKERS:
                    stmt.parent.includes_attacker = True
                if stmt.additive and stmt.group == ATTACKERS:
                    stmt.parent.attackers_extra = True
            elif stmt.group == ATTACKERS and (stmt.subset or stmt.additive):
                # "الحصيلة تشمل المهاجمين" told apart from the count: the flag is on the mention
                stmt.includes_attacker, stmt.attackers_extra = stmt.subset, stmt.additive

    def _exceeded(self, m: Mention) -> bool:
        """"تجاوز عدد ضحايا الاشتباكات القبلية في ولاية النيل الأزرق 200 قتيل": the first count
        after "تجاوز عدد" in the clause is a lower bound."""
        k = m.tok_start
        if k is None:
            return False
        for p in range(k - 1, max(self.start, k - EXCEED_REACH) - 1, -1):
            if self.is_punct(p) or (p in self.num_token and self.num_token[p] is not m):
                return False
            if "exceed" in self.cue_keys(p):
                return p + 1 < self.end and bool(self.cue_keys(p + 1) & {"toll", "toll_noun"})
        return False

    def _revises(self, k: int) -> bool:
        """An update word followed closely by a toll, a casualty word or a count ("ارتفعت حصيلة",
        "ليرتفع عدد القتلى", "ارتفعت إلى 17"); "رفع المحتجون صور الناشط" revises nothing."""
        end = k + 1  # "ارتفعت حصيلة": the second word of a two-word cue is a toll word itself
        for p in range(end, min(self.end, end + UPDATE_REACH)):
            if self.is_punct(p):
                return False
            if p in self.trigger_at or p in self.num_token or self.cue_keys(p) & {"toll", "toll_noun", "update"}:
                return True
            if self.tokens[p].norm in self.lex.single_cues and "stop" in self.lex.single_cues[self.tokens[p].norm]:
                continue  # "ارتفعت إلى 17"
        return end >= self.end

    def _attempted(self, trig: Trigger) -> bool:
        """"محاولة اغتيال سكريبال", "بمحاولة قتل": an attempt right before the casualty word."""
        return any(self.cue_end(p, "attempt") == trig.start for p in range(max(self.start, trig.start - 2), trig.start))

    def _aggregate_cues(self) -> tuple[list[int], list[int]]:
        """Token positions of cues that make a count cumulative ("منذ 2011", "إجمالي"), and of
        wars that are the subject of a casualty statement ("أودت الحرب بحياة")."""
        cues: list[int] = []
        wars: list[int] = []
        for k in range(self.start, self.end):
            keys = self.cue_keys(k)
            if "aggregate" in keys or ("agg_intro" in keys and self._period_follows(k)) or (
                "span_intro" in keys and self._span_follows(k)
            ):
                cues.append(k)
            if "war" in keys and self._war_subject(k):
                wars.append(k)
        return cues, wars

    def _cue_applies(self, stmt: Statement, p: int, across_relative: bool = False, framing: bool = False) -> bool:
        """Same clause, and no relative clause between ("مدينة بنغازي التي تشهد منذ عام معارك")."""
        a, b = stmt.tok_span()
        if stmt.count.tok_start is not None:
            a = min(a, stmt.count.tok_start)
        if self.segment.get(p) not in (self.segment.get(a), self.segment.get(b - 1)) and not (
                not across_relative and self._framing_period(p, b, framing)):
            return False
        if across_relative:
            return True  # "النزاع الذي أوقع 40 ألف قتيل": the war is the relative's antecedent
        between = range(b, p) if p >= b else range(p + 1, a)
        # "قتل جندي ليرتفع عدد القتلى منذ بداية الهجوم إلى 45": the period is the new total's
        return not any(self.cue_keys(q) & {"relative", "update", "superlative"} for q in between)

    def _framing_period(self, p: int, b: int, trailing: bool) -> bool:
        """A period cue that frames a clause from outside it: at the head of the sentence
        ("ومنذ أواخر مارس، أسفرت المواجهات عن مقتل 40") or right after the clause's comma
        ("قتل أكثر من 160 فلسطينيا، منذ انطلاق المسيرات")."""
        if p <= self.start + 1 and self.segment.get(p) == self.segment.get(self.start):
            return True
        return (trailing and p - 1 >= self.start and self.is_punct(p - 1)
                and self.segment.get(p) == (self.segment.get(b - 1) or 0) + 1)

    def _period_follows(self, k: int) -> bool:
        end = max((e for _, e in self.cues.get(k, ())), default=k + 1)
        for p in range(end, min(self.end, end + AGG_WINDOW)):
            m = next((n for n in self.all_numbers if n.tok_start == p), None)
            if m is not None and m.value.get("unit") == "year":
                return True  # "منذ 2011"
            if m is not None and m.value.get("unit") == "date":
                # "منذ 18 فبراير"; a day named later is the event's own ("خلال مواكب 30 يونيو")
                return p == end
            if "agg_period" in self.cue_keys(p):
                day = next((n for n in self.all_numbers if n.tok_end == p and n.value.get("unit") == "date"), None)
                return day is None or day.tok_start == end
        return False

    def _span_follows(self, k: int) -> bool:
        """"خلال خمسة أيام", "على مدى أسبوعين", "المستمرة منذ 11 يوما": a stretch of days or weeks."""
        end = max((e for _, e in self.cues.get(k, ())), default=k + 1)
        return any("span_period" in self.cue_keys(p) for p in range(end, min(self.end, end + AGG_WINDOW)))

    def _war_subject(self, k: int) -> bool:
        """"أودت الحرب بحياة", "أسفر النزاع عن مقتل", "نزاع أوقع 40 ألف قتيل": a war as the
        subject of the casualty statement that follows it in the clause."""
        for t in self.triggers:
            if t.close is not None and t.start < k < t.close:
                return True
            if 0 < t.start - k <= WAR_WINDOW and self.segment.get(t.start) == self.segment.get(k):
                return True
        return False


def _int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value)
    return None
