"""Casualty statements in one sentence: casualty words linked to their counts and groups.

The sentence is read as a row of slots: counts (``number`` mentions without a unit),
casualty words (triggers, with the pattern that says where their count sits), victim-group
nouns and cue words. Linking runs in passes from the most to the least certain:

1. zero ("لم تسفر عن إصابات") and unknown ("لم يعرف عدد الضحايا") statements;
2. nouns whose count is right before them ("خمسة قتلى", "17 جريحا") and dual nouns;
3. verbs and verbal nouns whose count follows ("قتل 5", "مقتل 14 شخصا"), or precedes
   ("5 جنود قتلوا"), or is implied by the group noun ("مقتل جندي" = 1);
4. counts coordinated with a statement ("مقتل 3 جنود و5 مدنيين");
5. subsets ("بينهم ثلاثة أطفال") and counts set apart ("إضافة إلى الانتحاري");
6. flags: update, aggregate, negated, preliminary, includes_attacker.

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
from rasd.extractors.numbers.lexicon import number_lexicon
from rasd.match.phrases import Match

KILLED = "killed"
INJURED = "injured"
COMBINED = "killed_or_injured"
ATTACKERS = "attackers"
MILITANTS = "militants"
BARE_PLURAL_TYPES = frozenset({KILLED, INJURED, COMBINED})
STATUS_TYPES = frozenset({"abducted", "arrested", "missing"})
RIGHT_WINDOW = 5
LEFT_WINDOW = 2
FRAME_WINDOW = 12
SUBJECT_WINDOW = 7
ZERO_WINDOW = 6
UNKNOWN_WINDOW = 7
AGG_WINDOW = 4
WAR_WINDOW = 8
DENIAL_WINDOW = 4
HASHTAG_MARKS = frozenset("#_")  # "#ميليشيات_الحوثي": scraped hashtags inside a phrase
# Arabic comma, semicolon and question mark, then their Latin counterparts.
CLAUSE_PUNCT = frozenset("\u060c\u061b\u061f,;:()\"'[]!?.")
BARE_PLURAL_MIN = 3
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
        self.groups: dict[int, tuple[GroupEntry, int]] = {}
        self.segment: dict[int, int] = {}
        self.statements: list[Statement] = []

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
        return out

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
        for j in range(k, min(self.end, k + FRAME_WINDOW)):
            if self.tokens[j].kind == "punct":
                return None
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

    def cue_keys(self, k: int) -> set[str]:
        return {c.cue for c, _ in self.cues.get(k, ())}

    def cue_end(self, k: int, key: str) -> int | None:
        ends = [e for c, e in self.cues.get(k, ()) if c.cue == key]
        return max(ends) if ends else None

    def is_conj_joined(self, k: int) -> tuple[bool, int]:
        """Whether token ``k`` is "و" or starts with it; returns (joined, next content index)."""
        tok = self.tokens[k]
        if tok.norm == self.lex.conj:
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
        self.groups = self._groups()
        self.segment = self._segments()
        self._zero_and_unknown()
        self._left_counts()
        self._right_counts()
        self._coordinated()
        self._subsets()
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
            if "zero_neg" in keys:
                self._zero_at(k)
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
        for p in range(j + 1, min(self.end, j + UNKNOWN_WINDOW)):
            if self.is_punct(p) or p in self.num_at:
                return False
            trig = self.trigger_at.get(p)
            toll = p - 1 >= self.start and "toll" in self.cue_keys(p - 1)
            if trig is not None and not trig.used and (toll or self._zero_noun_type(p)):
                kind = self._zero_noun_type(p) or trig.type
                self._add(Statement(kind, trig, Count(None, None, None), unknown=True, confidence=0.7))
                return True
        return False

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

    def _zero_at(self, k: int) -> None:
        for p in range(k + 1, min(self.end, k + ZERO_WINDOW)):
            if self.is_punct(p) or (p in self.num_at and "anyone" not in self.cue_keys(p)):
                return  # a count: "لم يقتل سوى 3" is no zero statement
            trig = self.trigger_at.get(p)
            zero_type = self._zero_noun_type(p)
            if trig is not None and trig.pattern in (VERB, FRAME):
                nxt = trig.end
                if nxt < self.end and "anyone" in self.cue_keys(nxt):
                    self._claim_anyone(nxt)
                    self._add(Statement(trig.type, trig, Count(0, 0, "exact"), zero=True))
                    return
            if zero_type is not None:
                if trig is None:
                    trig = Trigger(p, self.cue_end(p, "zero_noun") or p + 1, zero_type, PLURAL, 0)
                    self.triggers.append(trig)
                trig.end = max(trig.end, self.cue_end(p, "zero_noun") or trig.end)
                self._add(Statement(zero_type, trig, Count(0, 0, "exact"), zero=True))
                self._use_triggers(trig.start, trig.end)
                return

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
            stmt = Statement(trig.type, trig, self._count_of(m))
            self._combine_following(stmt)
            self._add(self._with_group(stmt, after=stmt.trigger_end or trig.end))

    def _victim_of_next_verb(self, trig: Trigger) -> bool:
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
            elif trig.pattern in (VERB, VERBAL, FRAME):
                self._read_verb(trig)
            elif trig.pattern in (PLURAL, SINGULAR):
                self._read_noun(trig)

    def _read_verb(self, trig: Trigger) -> None:
        stmt = Statement(trig.type, trig, Count(None, None, None))
        if self._may_combine(trig):
            self._combine_following(stmt)
        scan_from = stmt.trigger_end or trig.end
        if trig.close is not None:
            # "لقي 5 أشخاص حتفهم": the count sits inside the frame; "أودت الحرب بحياة 20": after it.
            found = self._scan_right(scan_from, until=trig.close) or self._scan_right(trig.close + 1)
        else:
            found = self._scan_right(scan_from)
        if found is not None:
            kind, k, payload = found
            if kind == "count":
                stmt.count = self._count_of(payload)
                self._add(self._with_group(stmt, after=stmt.count.tok_end))
                return
            if kind == "group":
                self._implied_group_count(stmt, k, payload)
                return
        if trig.pattern == VERBAL:
            if not self.starts_with_conj(trig):
                m = self._count_before(trig.start)
                if m is not None:
                    stmt.count = self._count_of(m)
                    self._add(self._with_group(stmt, after=stmt.trigger_end or trig.end))
            return
        m, group = self._count_before_verb(trig.start)
        if m is not None:
            stmt.count = self._count_of(m)
            if group is not None:
                stmt.group, stmt.group_span = group
            self._add(stmt)
            return
        self._subject_noun(stmt)

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
                self._implied_group_count(stmt, g, group)
                return

    def _implied_group_count(self, stmt: Statement, k: int, entry_end: tuple[GroupEntry, int]) -> None:
        entry, gend = entry_end
        if entry.group == OTHER_GROUP and not any(not s.subset for s in self.statements):
            return  # "آخر" / "ثالث" only count after another statement
        if entry.number == SG:
            stmt.count = Count(1, 1, "exact", None, k, gend)
        elif entry.number == DU:
            stmt.count = Count(2, 2, "exact", None, k, gend)
        elif entry.number == PL and stmt.type in BARE_PLURAL_TYPES:
            stmt.count = Count(BARE_PLURAL_MIN, None, "some", None, k, gend)
            stmt.confidence = 0.6
        else:
            return
        stmt.group = self._group_key(entry)
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
            if keys & {"subset", "additive"} or self.cue_end(p, "unknown_count") is not None:
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

    def _skippable(self, p: int, end: int) -> int:
        """Tokens that never end the search for a count: hashtag marks, a time word alone or
        between commas ("قتل الجيش، الأربعاء، 3 فلسطينيين")."""
        tok = self.tokens[p]
        if tok.norm in HASHTAG_MARKS:
            return 1
        time_end = self.cue_end(p, "time")
        if time_end is not None:
            return time_end - p
        if (tok.kind == "punct" and p + 2 < end and self.tokens[p + 2].norm == tok.norm
                and self.cue_end(p + 1, "time") == p + 2):
            return 3
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
            return m, None
        for g in range(max(self.start, k - 5), k):
            group = self.groups.get(g)
            # the group may be followed by a qualifier: "14 مدنيا على الأقل قتلوا"
            if group is not None and 0 <= k - group[1] <= 2 and self._plain_words(group[1], k):
                m = self.num_ending.get(g)
                if m is not None and id(m) not in self.claimed:
                    return m, (self._group_key(group[0]), (g, group[1]))
        return self._subject_count(k)

    def _subject_count(self, k: int) -> tuple[Mention | None, tuple[str | None, tuple[int, int]] | None]:
        """A counted subject a few words before the verb: "ثلاثة من جنوده لقوا مصرعهم",
        "128 من عناصر الميليشيا قتلوا", "3 بحارة لقوا حتفهم", "14 مقاتلا على الأقل، بينهم
        إيرانيون، قتلوا"."""
        qualifier_tokens = self._after_qualifier_tokens()
        p = k - 1
        words = 0
        while p >= self.start and words < SUBJECT_WINDOW:
            m = self.num_ending.get(p + 1) if p + 1 < k else None
            if m is not None and m.tok_start is not None:
                if id(m) in self.claimed or (p + 1 in self.trigger_at
                                             and self.trigger_at[p + 1].type not in STATUS_TYPES):
                    return None, None
                return m, self._group_at(p + 1)
            tok = self.tokens[p]
            if tok.norm in HASHTAG_MARKS or p in qualifier_tokens:
                p -= 1
                continue
            if tok.kind == "punct":
                opened = self._parenthetical_start(p)
                if opened is None:
                    return None, None
                p = opened - 1
                continue
            keys = self.cue_keys(p)
            status_noun = p in self.trigger_at and self.trigger_at[p].type in STATUS_TYPES
            if ((p in self.trigger_at and not status_noun) or p in self.num_token
                    or (keys & {"stop", "subset", "additive", "conj"} and "from" not in keys)):
                return None, None
            words += 1
            p -= 1
        m = self.num_ending.get(p + 1) if p + 1 < k else None
        if m is not None and id(m) not in self.claimed and p + 1 not in self.trigger_at:
            return m, self._group_at(p + 1)
        return None, None

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
            return
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
            if trig.end < self.end and self._construct_follows(trig.end):
                return
            stmt.count = Count(BARE_PLURAL_MIN, None, "some", None, None, None)
            stmt.confidence = 0.55
        else:
            return
        self._add(self._with_group(stmt, after=stmt.trigger_end or trig.end))

    def _construct_follows(self, k: int) -> bool:
        """"قتلى الهجوم", "جثث ضحايا": a plural noun in construct names no new victims."""
        tok = self.tokens[k]
        if k in self.trigger_at:
            return True
        return tok.kind == "word" and k not in self.groups and tok.norm.startswith(self._article())

    def _scan_toll(self, k: int) -> Mention | None:
        """"ارتفع عدد القتلى إلى 17": the count follows the noun in a toll."""
        for p in range(k, min(self.end, k + RIGHT_WINDOW + 1)):
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
                stmt.group, stmt.group_span = self._group_key(group[0]), (count.tok_start, group[1])
                return stmt
        positions = []
        if count.tok_end is not None:
            positions.append(count.tok_end)
        if after is not None and after not in positions:
            positions.append(after)
        for k in positions:
            found = self._group_at(k)
            if found is not None:
                key, span = found
                stmt.group, stmt.group_span = key, span
                return stmt
        # "شرطيين اثنين", "قتيل واحد": one and two follow their noun as adjectives
        g = count.tok_start
        if count.mention is not None and g is not None and count.max in (1, 2) and g - 1 >= self.start:
            for s in range(max(self.start, g - 3), g):
                group = self.groups.get(s)
                if group is not None and group[1] == g and group[0].number != ORG:
                    stmt.group, stmt.group_span = self._group_key(group[0]), (s, g)
                    break
        return stmt

    def _group_at(self, k: int) -> tuple[str | None, tuple[int, int]] | None:
        """The victim group named at token ``k``: a group noun, or "من" and a group noun."""
        if k >= self.end:
            return None
        group = self.groups.get(k)
        if group is not None and group[0].number != ORG:
            return self._refined(group, k)
        if "from" in self.cue_keys(k) and k + 1 < self.end:
            group = self.groups.get(k + 1)
            if group is not None:
                key, (_, end) = self._refined(group, k + 1)
                return key, (k, end)
        return None

    def _refined(self, group: tuple[GroupEntry, int], k: int) -> tuple[str | None, tuple[int, int]]:
        """A generic noun takes the group of the body named after it: "عناصر من الشرطة",
        "عناصر طالبان", "أفراد قوات الحشد الشعبي"."""
        entry, e = group
        if entry.group in WEAK_GROUPS:
            for p in (e, e + 1):
                if p >= self.end or (p == e + 1 and not self._links_name(e)):
                    break
                named = self.groups.get(p)
                if named is not None and named[0].group != OTHER_GROUP and (
                        named[0].number == ORG or named[0].group not in WEAK_GROUPS):
                    return self._group_key(named[0]), (k, named[1])
        return self._group_key(entry), (k, e)

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
            self._follow_coordination(stmt, subset=False)

    def _follow_coordination(self, stmt: Statement, subset: bool) -> None:
        current = stmt
        while True:
            _, end = current.tok_span()
            nxt = self._coordinated_item(end)
            if nxt is None:
                return
            count, group, gspan = nxt
            item = Statement(stmt.type, stmt.trigger, count, group, gspan, subset=subset, item=True,
                             parent=stmt.parent if subset else None, confidence=stmt.confidence)
            first = min(p for p in (count.tok_start, gspan[0]) if p is not None)
            if self.tokens[first].norm.startswith(self.lex.conj) and self.tokens[first].norm != self.lex.conj:
                item.lead_clitic = len(self.lex.conj)
            self._add(item)
            current = item

    def _coordinated_item(self, k: int) -> tuple[Count, str | None, tuple[int, int]] | None:
        if k >= self.end:
            return None
        if self._adjective_at(k):
            k += 1  # "قائد ميداني وثلاثة من مرافقيه"
            if k >= self.end:
                return None
        joined, p = self.is_conj_joined(k)
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
                        and not m.value.get("vague")):
                    return self._count_of(m), None, (p, after + 2)  # "وثلاثة من مرافقيه"
                return None
            key, span = found
            return self._count_of(m), key, span
        group = self.groups.get(p)
        if group is None or p in self.trigger_at:
            return None
        entry, gend = group
        if entry.number == SG:
            count = Count(1, 1, "exact", None, p, gend)
        elif entry.number == DU:
            count = Count(2, 2, "exact", None, p, gend)
        else:
            return None
        return count, self._group_key(entry), (p, gend)

    def _adjective_at(self, k: int) -> bool:
        """A plain word that may qualify the noun before it (not a cue, trigger, count or و-joined)."""
        tok = self.tokens[k]
        return (tok.kind == "word" and k not in self.trigger_at and k not in self.num_token
                and k not in self.groups and not self.cues.get(k)
                and not tok.norm.startswith(self.lex.conj))

    # pass 5: "بينهم ثلاثة أطفال", "إضافة إلى الانتحاري"
    def _subsets(self) -> None:
        for k in range(self.start, self.end):
            for key in ("subset", "additive"):
                end = self.cue_end(k, key)
                if end is None:
                    continue
                parent = self._parent_before(k)
                if parent is None:
                    continue
                self._subset_items(parent, end, additive=key == "additive")

    def _parent_before(self, k: int) -> Statement | None:
        before = [s for s in self.statements if not s.subset and not s.additive and s.tok_span()[1] <= k
                  and not s.zero and not s.unknown]
        return max(before, key=lambda s: s.tok_span()[1]) if before else None

    def _subset_items(self, parent: Statement, k: int, additive: bool) -> None:
        """The counts after a subset or additive cue ending at token ``k``."""
        if k >= self.end:
            return
        # A statement already read right after the cue ("بينهم 3 قتلى") becomes the subset.
        for s in self.statements:
            if s is not parent and s.count.tok_start == k and not s.subset:
                s.subset = not additive
                s.additive = additive
                s.parent = parent
                return
        if "from" in self.cue_keys(k) and k + 1 < self.end:
            k += 1  # "غالبيتهم من النساء"
        m = self.free_count(k)
        item: Statement | None = None
        if m is not None:
            item = Statement(parent.type, parent.trigger, self._count_of(m), subset=not additive,
                             additive=additive, parent=parent, confidence=parent.confidence)
            self._with_group(item, after=None)
        else:
            group = self.groups.get(k)
            if group is None:
                return
            entry, gend = group
            counts = {SG: (1, 1, "exact"), DU: (2, 2, "exact")}
            low, high, qual = counts.get(entry.number, (None, None, None))
            item = Statement(parent.type, parent.trigger, Count(low, high, qual, None, k, gend),
                             self._group_key(entry), (k, gend), subset=not additive, additive=additive,
                             parent=parent, confidence=parent.confidence)
        self._add(item)
        self._follow_coordination(item, subset=not additive)

    # pass 6: flags
    def _flags(self) -> None:
        update_at = [k for k in range(self.start, self.end) if "update" in self.cue_keys(k)]
        preliminary = any("preliminary" in self.cue_keys(k) for k in range(self.start, self.end))
        aggregate_cues, war_cues = self._aggregate_cues()
        for stmt in self.statements:
            a, _ = stmt.tok_span()
            stmt.preliminary = preliminary
            ref = stmt.count.tok_start if stmt.count.tok_start is not None else a
            stmt.update = any(u < max(a, ref) for u in update_at) and not stmt.zero
            stmt.aggregate = any(self._cue_applies(stmt, p) for p in aggregate_cues) or any(
                self._cue_applies(stmt, p, across_relative=True) for p in war_cues)
            stmt.negated = any("denial" in self.cue_keys(p)
                               for p in range(max(self.start, a - DENIAL_WINDOW), a))
            if stmt.count.mention is not None and stmt.count.qualifier == "exact" and any(
                "exceed" in self.cue_keys(p) for p in range(max(self.start, a - DENIAL_WINDOW), a)
            ):
                stmt.count.qualifier, stmt.count.max = "more_than", None
        for stmt in self.statements:
            if stmt.parent is not None:
                stmt.aggregate = stmt.aggregate or stmt.parent.aggregate
                stmt.update = stmt.update or stmt.parent.update
                stmt.negated = stmt.negated or stmt.parent.negated
                if stmt.subset and stmt.group == MILITANTS and stmt.count.max == 1 and stmt.group_span \
                        and self._definite(stmt.group_span[0]):
                    stmt.group = ATTACKERS  # "بينهم المسلح الذي فتح النار": the gunman himself
                if stmt.subset and stmt.group == ATTACKERS:
                    stmt.parent.includes_attacker = True

    def _aggregate_cues(self) -> tuple[list[int], list[int]]:
        """Token positions of cues that make a count cumulative ("منذ 2011", "إجمالي"), and of
        wars that are the subject of a casualty statement ("أودت الحرب بحياة")."""
        cues: list[int] = []
        wars: list[int] = []
        for k in range(self.start, self.end):
            keys = self.cue_keys(k)
            if "aggregate" in keys or ("agg_intro" in keys and self._period_follows(k)):
                cues.append(k)
            if "war" in keys and self._war_subject(k):
                wars.append(k)
        return cues, wars

    def _cue_applies(self, stmt: Statement, p: int, across_relative: bool = False) -> bool:
        """Same clause, and no relative clause between ("مدينة بنغازي التي تشهد منذ عام معارك")."""
        a, b = stmt.tok_span()
        if stmt.count.tok_start is not None:
            a = min(a, stmt.count.tok_start)
        if self.segment.get(p) not in (self.segment.get(a), self.segment.get(b - 1)):
            return False
        if across_relative:
            return True  # "النزاع الذي أوقع 40 ألف قتيل": the war is the relative's antecedent
        between = range(b, p) if p >= b else range(p + 1, a)
        return not any("relative" in self.cue_keys(q) for q in between)

    def _period_follows(self, k: int) -> bool:
        end = max((e for _, e in self.cues.get(k, ())), default=k + 1)
        for p in range(end, min(self.end, end + AGG_WINDOW)):
            if "agg_period" in self.cue_keys(p):
                return True
            m = next((n for n in self.all_numbers if n.tok_start == p), None)
            if m is not None and m.value.get("unit") in ("year", "date"):
                return True  # "منذ 2011", "منذ 18 فبراير"
        return False

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
