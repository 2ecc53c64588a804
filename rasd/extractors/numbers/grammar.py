"""The quantity grammar: digits, cardinal words, vague amounts, bounds, ranges and units.

Works on the tokens of one sentence. All language knowledge comes from
:mod:`rasd.extractors.numbers.lexicon`; this module only knows how the pieces combine:
``unit [teen] | unit و ten | hundred و rest | rest scale و rest``, a vague word optionally
times a scale, a qualifier before or after, and two quantities joined into a range.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.document import Token
from rasd.extractors.numbers.lexicon import (
    DUAL_NOUN,
    HUNDRED,
    HUNDRED_MULT,
    ORDINAL,
    SCALE,
    SCALE_DUAL,
    SCALE_PLURAL,
    TEN,
    UNIT,
    NumberLexicon,
    NumWord,
    Vague,
    WordHit,
    count_nouns,
    number_lexicon,
    word_hits,
)
from rasd.tokenize.clitics import clitic_forms

YEAR_MIN = 1900
YEAR_MAX = 2100
TEEN = "teen"
EXACT = "exact"
RANGE = "range"
AT_LEAST = "at_least"
MORE_THAN = "more_than"
LESS_THAN = "less_than"
UP_TO = "up_to"
ID_UNIT = "id"  # "القرار 2254", "الطريق 5": a number naming a thing
ASIDE_COMMAS = frozenset("\u060c,")  # Arabic and Latin commas around "، على الأقل،"
CARDINAL_KINDS = frozenset({UNIT, TEN, HUNDRED, HUNDRED_MULT, SCALE, SCALE_DUAL, SCALE_PLURAL})
SCALE_KINDS = frozenset({SCALE, SCALE_PLURAL})


@dataclass(slots=True)
class Cardinal:
    """A bare amount (no qualifier): a point value, or a vague amount with its range."""

    value: int | float | None
    min: int | float | None
    max: int | float | None
    vague: str | None  # vague qualifier key
    tok_start: int
    tok_end: int
    prefix_len: int  # clitic chars before the amount in its first token
    digits: bool


@dataclass(slots=True)
class Quantity:
    tok_start: int
    tok_end: int
    prefix_len: int
    value: int | float | None
    min: int | float | None
    max: int | float | None
    qualifier: str | None
    vague: bool
    unit: str | None = None
    ordinal: bool = False
    dual: bool = False
    digits: bool = False

    def as_value(self) -> dict[str, object]:
        out: dict[str, object] = {
            "value": self.value,
            "min": self.min,
            "max": self.max,
            "qualifier": self.qualifier,
            "vague": self.vague,
            "unit": self.unit,
            "ordinal": self.ordinal,
        }
        if self.dual:
            out["dual"] = True
        return out


# No quantity in the news needs more digits; longer runs (account numbers, crafted text) are no
# number, and int() of more than 4,300 digits fails.
MAX_DIGITS = 15
# Values beyond this ("5 مليار مليار مليار ...") are no count of anything: the quantity is dropped.
MAX_QUANTITY = 10**15


def within_range(value: int | float | None) -> bool:
    return value is None or (math.isfinite(value) and abs(value) <= MAX_QUANTITY)


def parse_digits(text: str) -> int | float | None:
    """'1,200' -> 1200; '2.5' -> 2.5; '1,5' -> 1.5 (a comma not grouping thousands is decimal)."""
    if sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        return None
    if "," in text:
        head, *groups = text.split(",")
        if 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups):
            return int(head + "".join(groups))
        if len(groups) == 1:
            text = f"{head}.{groups[0]}"
        else:
            return None
    try:
        number = float(text) if "." in text else int(text)
    except ValueError:
        return None
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def _scale_hit(tok: Token, lex: NumberLexicon) -> NumWord | None:
    """A scale word in any form, definite included ("عشرات الآلاف")."""
    if tok.kind != "word":
        return None
    for form, _ in clitic_forms(tok.norm):
        for word in lex.words.get(form, ()):
            if word.kind in SCALE_KINDS:
                return word
    return None


def _cardinal_hits(tok: Token) -> list[WordHit]:
    return [h for h in word_hits(tok) if h.word.kind in CARDINAL_KINDS]


def _is_conj_token(tok: Token, lex: NumberLexicon) -> bool:
    return tok.norm == lex.conj


def _digits(tokens: Sequence[Token], j: int, end: int, lex: NumberLexicon) -> Cardinal | None:
    value = parse_digits(tokens[j].norm)
    if value is None:
        return None
    k = j + 1
    if k < end:
        scale = _scale_hit(tokens[k], lex)
        if scale is not None:
            value = value * scale.value
            value = int(value) if float(value).is_integer() else value
            k += 1
            rest = _digits_after_scale(tokens, k, end, lex, scale.value)
            if rest is not None:
                value, k = value + rest[0], rest[1]  # "61 ألفا و619"
    return Cardinal(value, value, value, None, j, k, 0, True)


def _digits_after_scale(tokens: Sequence[Token], k: int, end: int, lex: NumberLexicon, scale: int
                        ) -> tuple[int, int] | None:
    """Digits joined by و after a scale word, smaller than the scale: (value, end token)."""
    if k + 1 < end and _is_conj_token(tokens[k], lex) and tokens[k + 1].kind == "number":
        rest = parse_digits(tokens[k + 1].norm)
        scaled = k + 2 < end and _scale_hit(tokens[k + 2], lex) is not None  # "3 آلاف و5 آلاف"
        if isinstance(rest, int) and 0 < rest < scale and not scaled:
            return rest, k + 2
    return None


def _starts(tok: Token, lex: NumberLexicon, matcher: str) -> bool:
    """Cheap test before running a phrase matcher at a token."""
    return not lex.first_words[matcher].isdisjoint(tok.forms)


def _vague(tokens: Sequence[Token], j: int, end: int, lex: NumberLexicon) -> Cardinal | None:
    if not _starts(tokens[j], lex, "vague"):
        return None
    hits = lex.vague.match_at(tokens, j, end)
    if not hits:
        return None
    match = hits[0]
    entry: Vague = match.payload
    low, high, k = entry.min, entry.max, match.tok_end
    factor = 1
    if k < end:
        scale = _scale_hit(tokens[k], lex)
        if scale is not None:
            factor, k = scale.value, k + 1
    low = low * factor if low is not None else None
    high = high * factor + (factor - 1) if high is not None else None
    return Cardinal(None, low, high, entry.qualifier, j, k, match.prefix_len, False)


def _after_definite_unit(tokens: Sequence[Token], j: int, lex: NumberLexicon) -> bool:
    """"الستة عشر": a teen word after a definite unit belongs to it (not a count of ten)."""
    if j == 0 or tokens[j - 1].kind != "word":
        return False
    return any(w.kind == UNIT for form, _ in clitic_forms(tokens[j - 1].norm)[1:] for w in lex.words.get(form, ()))


def _words(tokens: Sequence[Token], j: int, end: int, lex: NumberLexicon) -> Cardinal | None:
    if any(h.word.teen for h in word_hits(tokens[j])) and _after_definite_unit(tokens, j, lex):
        return None
    total = 0
    cur = 0
    last: str | None = None
    last_scale = 0
    k = j
    first_prefix = 0
    while k < end:
        step = 1
        tok = tokens[k]
        conj = False
        if k > j and _is_conj_token(tok, lex) and k + 1 < end:
            conj, step, tok = True, 2, tokens[k + 1]
        hits = _cardinal_hits(tok)
        if k == j:
            # "ألفا طفل" (two thousand) at the start; "عشرون ألفا" (a thousand) after a number.
            hits.sort(key=lambda h: h.word.kind != SCALE_DUAL)
        if k > j and not conj:
            conj_hits = [h for h in hits if h.prefix.startswith(lex.conj)]
            plain_hits = [h for h in hits if h.prefix_len == 0]
            if conj_hits and not plain_hits:
                conj, hits = True, conj_hits
        chosen = None
        for hit in hits:
            state = _transition(hit.word, last, cur, last_scale, conj)
            if state is not None:
                chosen = (hit, state)
                break
        if chosen is None:
            break
        hit, (total_add, cur, last, last_scale) = chosen
        total += total_add
        if k == j:
            first_prefix = hit.prefix_len
        k += step
    if k == j:
        return None
    value = total + cur
    return Cardinal(value, value, value, None, j, k, first_prefix, False)


def _transition(
    word: NumWord, last: str | None, cur: int, last_scale: int, conj: bool
) -> tuple[int, int, str, int] | None:
    """Next grammar state ``(add_to_total, cur, last_kind, last_scale)``, or None to stop."""
    kind, v = word.kind, word.value
    if last is None:
        if conj:
            return None
        if kind == UNIT:
            return 0, v, TEEN if v >= 10 else UNIT, 0
        if kind == TEN:
            return 0, v, TEN, 0
        if kind in (HUNDRED, HUNDRED_MULT):
            return 0, v, HUNDRED, 0
        if kind == SCALE:
            return v, 0, SCALE, v
        if kind == SCALE_DUAL:
            return 2 * v, 0, SCALE, v
        return None
    if not conj:
        if last == UNIT and kind == UNIT and word.teen:
            return 0, cur + 10, TEEN, last_scale
        if last == UNIT and kind == HUNDRED_MULT and cur % 100 >= 1:
            return 0, cur - cur % 100 + (cur % 100) * 100, HUNDRED, last_scale
        if last in (UNIT, TEEN, TEN, HUNDRED) and kind in (SCALE, SCALE_PLURAL) and cur:
            if last_scale and v >= last_scale:
                return None
            return cur * v, 0, SCALE, v
        return None
    # joined with و
    if last == UNIT and kind == TEN and cur % 100 < 10:
        return 0, cur + v, TEN, last_scale
    if last == HUNDRED and kind in (UNIT, TEN):
        return 0, cur + v, (TEEN if v >= 10 and kind == UNIT else kind), last_scale
    if last == SCALE and kind in (UNIT, TEN, HUNDRED, HUNDRED_MULT) and v < last_scale:
        state = HUNDRED if kind in (HUNDRED, HUNDRED_MULT) else kind
        if kind == UNIT and v >= 10:
            state = TEEN
        return 0, v, state, last_scale
    return None


def parse_cardinal(tokens: Sequence[Token], j: int, end: int, lex: NumberLexicon) -> Cardinal | None:
    tok = tokens[j]
    if tok.kind == "number":
        return _digits(tokens, j, end, lex)
    if tok.kind != "word":
        return None
    return _fraction(tokens, j, end, lex) or _vague(tokens, j, end, lex) or _words(tokens, j, end, lex)


def _fraction(tokens: Sequence[Token], j: int, end: int, lex: NumberLexicon) -> Cardinal | None:
    """"نصف مليون" = 500,000: a fraction of the scale word after it."""
    if not _starts(tokens[j], lex, "fractions"):
        return None
    hits = lex.fractions.match_at(tokens, j, end)
    if not hits or hits[0].tok_end >= end:
        return None
    scale = _scale_hit(tokens[hits[0].tok_end], lex)
    if scale is None:
        return None
    value = int(hits[0].payload * scale.value)
    return Cardinal(value, value, value, None, j, hits[0].tok_end + 1, hits[0].prefix_len, False)


def _forms_in(tok: Token, words: frozenset[str]) -> bool:
    return any(f in words for f in tok.forms)


def _range_second(
    tokens: Sequence[Token], k: int, end: int, joiners: frozenset[str], lex: NumberLexicon
) -> Cardinal | None:
    """The second number of a range whose joiner starts at token ``k``."""
    if k >= end:
        return None
    tok = tokens[k]
    if tok.norm in joiners and k + 1 < end:
        second = parse_cardinal(tokens, k + 1, end, lex)
        if second is not None and second.vague is None:
            return second
        return None
    if lex.conj in joiners and tok.kind == "word":
        # "و15" is split by the tokenizer; "وخمسة" keeps the و as a clitic.
        second = parse_cardinal(tokens, k, end, lex)
        if second is not None and second.vague is None and tok.norm.startswith(lex.conj) and second.prefix_len:
            return second
    return None


def parse_quantity(tokens: Sequence[Token], i: int, end: int) -> Quantity | None:
    """The quantity starting at token ``i`` (qualifier and range included), or None."""
    lex = number_lexicon()
    roles = lex.range_roles
    tok = tokens[i]
    qualifier: str | None = None
    start_prefix = 0
    j = i
    opener: str | None = None
    if tok.kind == "word":
        two = f"{tok.norm} {tokens[i + 1].norm}" if i + 1 < end else ""
        if two in roles["open_between"]:
            opener, j = "between", i + 2
        elif tok.norm in roles["open_between"] or tok.norm in roles["open_from"]:
            opener = "between" if tok.norm in roles["open_between"] else "from"
            j = i + 1
        elif _starts(tok, lex, "before"):
            before = lex.before.match_at(tokens, i, end)
            if before:
                qualifier, j = before[0].payload, before[0].tok_end
                start_prefix = before[0].prefix_len
    if j >= end:
        return None
    nxt = tokens[j]
    if j > i and nxt.kind != "number" and lex.starters.isdisjoint(nxt.forms):
        return None  # an opener or qualifier word with no number after it ("من", "حتى")
    card = parse_cardinal(tokens, j, end, lex)
    if card is None:
        return None
    if j == i:
        start_prefix = card.prefix_len
    k = card.tok_end
    low, high = card.min, card.max
    if opener is not None:
        joiners = roles["join_between"] if opener == "between" else roles["join_from"]
        second = _range_second(tokens, k, end, joiners, lex) if card.vague is None else None
        if second is None:
            return None  # "بين" / "من" before a lone number is not part of the quantity
        low, high, qualifier, k = card.value, second.value, RANGE, second.tok_end
    elif card.vague is None and k < end:
        second = _range_second(tokens, k, end, roles["joiner_any"], lex)
        if second is not None and _plausible_range(card, second, tokens, k):
            low, high, qualifier, k = card.value, second.value, RANGE, second.tok_end
    value = card.value
    if qualifier is None:
        qualifier = _after_qualifier(tokens, k, end, lex)
    if qualifier is None and card.vague is None:
        aside = aside_qualifier_before(tokens, i, lex)
        qualifier = aside[0] if aside is not None else None
    low, high = _apply_bounds(qualifier, low, high)
    if qualifier is None:
        qualifier = card.vague or EXACT
    qty = Quantity(
        tok_start=i,
        tok_end=k,
        prefix_len=start_prefix,
        value=value,
        min=low,
        max=high,
        qualifier=qualifier,
        vague=card.vague is not None,
        digits=card.digits,
    )
    qty.unit = _unit(tokens, qty, card, end, lex)
    return qty


def _plausible_range(first: Cardinal, second: Cardinal, tokens: Sequence[Token], k: int) -> bool:
    if first.value is None or second.value is None:
        return False
    if tokens[k].kind == "punct":
        # "10-15": digits on both sides, the second larger; "13-5-2011" is a date.
        return (first.digits and second.digits and second.value > first.value
                and not _in_dash_chain(tokens, first.tok_start, second.tok_end))
    return second.value > first.value


def _in_dash_chain(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Glued "-" before the first or after the second number: a d-m-y date."""
    before = start >= 2 and tokens[start - 1].norm == "-" and tokens[start - 2].kind == "number" and _glued(
        tokens, start - 1)
    after = end + 1 < len(tokens) and tokens[end].norm == "-" and tokens[end + 1].kind == "number" and _glued(
        tokens, end)
    return before or after


def _after_qualifier(tokens: Sequence[Token], k: int, end: int, lex: NumberLexicon) -> str | None:
    """A qualifier right after the amount or after the noun it counts ("14 شخصا على الأقل")."""
    words = 0
    pos = k
    while pos < end and words < 2:
        hits = lex.after.match_at(tokens, pos, end) if _starts(tokens[pos], lex, "after") else []
        if hits and not (pos > k and tokens[pos - 1].norm in ASIDE_COMMAS and hits[0].prefix_len):
            return hits[0].payload  # after a comma, "وعلى الأقل" opens a clause of its own
        if tokens[pos].norm in ASIDE_COMMAS and pos + 1 < end:
            pos += 1  # "تسعة مدنيين، على الأقل،": the qualifier set off by a comma
            words = 1
            continue
        if tokens[pos].kind != "word" or word_hits(tokens[pos]):
            break
        words += 1
        pos += 1
    return None


def aside_qualifier_before(tokens: Sequence[Token], i: int, lex: NumberLexicon) -> tuple[str, int] | None:
    """"قتل، على الأقل، ستة أشخاص": an after-qualifier set off by commas right before the
    amount at token ``i``; returns the qualifier and the token where the aside opens."""
    if i < 3 or tokens[i - 1].norm not in ASIDE_COMMAS:
        return None
    for a in range(max(0, i - 5), i - 2):
        if tokens[a].norm != tokens[i - 1].norm or not _starts(tokens[a + 1], lex, "after"):
            continue
        hits = lex.after.match_at(tokens, a + 1, i - 1)
        if hits and hits[0].tok_end == i - 1:
            return hits[0].payload, a
    return None


def _apply_bounds(
    qualifier: str | None, low: int | float | None, high: int | float | None
) -> tuple[int | float | None, int | float | None]:
    if qualifier in (AT_LEAST, MORE_THAN):
        return low, None
    if qualifier == UP_TO:
        return None, high
    if qualifier == LESS_THAN and isinstance(high, int):
        return None, high - 1
    if qualifier == LESS_THAN:
        return None, high
    return low, high


def _unit(tokens: Sequence[Token], qty: Quantity, card: Cardinal, end: int, lex: NumberLexicon) -> str | None:
    k = qty.tok_end
    value = card.value
    is_year = (
        card.digits
        and qty.qualifier == EXACT
        and isinstance(value, int)
        and YEAR_MIN <= value <= YEAR_MAX
        and "," not in tokens[card.tok_start].norm
        and card.tok_end == card.tok_start + 1
    )
    if k < end:
        hits = lex.unit_after.match_at(tokens, k, end) if _starts(tokens[k], lex, "unit_after") else []
        if hits:
            return hits[0].payload
        if tokens[k].norm in ("/", ":") and k + 1 < end and tokens[k + 1].kind == "number" and _glued(tokens, k):
            return "date" if tokens[k].norm == "/" else "time"
    i = qty.tok_start
    if i >= 2 and tokens[i - 1].norm in ("/", ":") and tokens[i - 2].kind == "number" and _glued(tokens, i - 1):
        return "date" if tokens[i - 1].norm == "/" else "time"
    if card.digits and _in_dash_chain(tokens, i, qty.tok_end):
        return "date"
    if i >= 1:
        prev = tokens[i - 1]
        for form in prev.forms:
            cue = lex.unit_before.get(form)
            if cue is not None and (not cue.year_only or is_year) and not (
                    cue.unit == ID_UNIT and not card.digits and k < end and _forms_in(tokens[k], count_nouns())):
                return cue.unit  # "الطريق 5" is a road; "على جانب الطريق ثلاثة جنود" is a count
    if is_year and not (k < end and _forms_in(tokens[k], count_nouns())):
        return "year"
    return None


def _glued(tokens: Sequence[Token], k: int) -> bool:
    """Punctuation at ``k`` touches the tokens on both sides (no spaces: "10:30", "1/7")."""
    return tokens[k - 1].nend == tokens[k].nstart and tokens[k].nend == tokens[k + 1].nstart


def parse_word_quantity(tokens: Sequence[Token], i: int) -> Quantity | None:
    """Ordinals and dual nouns: single-token quantities that are not cardinals."""
    for hit in word_hits(tokens[i]):
        if hit.word.kind == ORDINAL:
            value, end = hit.word.value, i + 1
            if end < len(tokens) and any(h.word.teen for h in word_hits(tokens[end])):
                value, end = value + 10, end + 1  # "السابعة عشرة", "الحادي عشر"
            return Quantity(i, end, hit.prefix_len, value, value, value, EXACT, False, ordinal=True)
        if hit.word.kind == DUAL_NOUN:
            return Quantity(i, i + 1, hit.prefix_len, 2, 2, 2, EXACT, False, unit=hit.word.unit, dual=True)
    return None
