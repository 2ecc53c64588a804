"""Geoparsing: find place names in a document, read their context, resolve each to a place.

Steps per document:
1. Country focus: country names, country adjectives (nisba) and unambiguous curated places
   vote for the countries the article is about.
2. Candidates: the gazetteer matcher (clitic-aware, multi-word, longest first) proposes names;
   the context before the name (type cue, relation, direction, distance, street, preposition)
   and after it (direction adjective, country adjective) is read from ``cues.tsv``.
3. Acceptance: a name that is also a common word (``ambiguous.tsv``) or a small GeoNames place
   needs context; big and curated places do not.
4. Homonyms: among places sharing the name, the kind asked for by the cue, the country focus
   and the population decide.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from rasd.document import Document, Token
from rasd.extractors.places import translit
from rasd.extractors.places.cues import Cue, Cues, load_cues, nisba_country
from rasd.extractors.places.gazetteer import Gazetteer, Place, capital_of, capitals, countries, load_gazetteer
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import known_words, split_variants
from rasd.match import Match, PhraseMatcher
from rasd.match.phrases import match_span
from rasd.tokenize.clitics import clitic_forms, definite_article

ARTICLE = definite_article()
BIG_CITY = 100_000  # GeoNames places this big in the conflict regions need no context
WORLD_CITY = 1_000_000  # elsewhere, only capitals and cities this big need no context
FOCUS_REGIONS = frozenset({"Middle East", "Northern Africa", "Eastern Africa", "Western Africa",
                           "Middle Africa", "South Asia"})
CONFLICT_TOWN = 1_000  # in the conflict regions, a town this big after "في"/"ب" is a place
FOCUS_TOWN = 20_000  # towns this big in a focus country need no context
MIN_FREE_NAME = 3  # shorter GeoNames names always need a cue
MIN_FOCUS_VOTES = 2  # the article's countries are known well enough to call a place far away
FOCUS_WEIGHT = 10.0  # homonyms: the article's countries outweigh population (Ariha, Idlib over Jericho)
FAMOUS_BONUS = 3.0  # a capital or a city of a million (_famous)...
# ...keeps its name against a namesake under 100k in the article's countries (الدوحه is Doha,
# not the village near Bethlehem); a namesake that big still wins with the focus (Tripoli,
# Lebanon). Outside the conflict regions only a city that big gets the focus bonus (جنيف is
# Geneva, not Geneva, Illinois, in a story about American mediators).
DEFINITE_SENSITIVE = frozenset({"type", "relation", "street", "offshore"})
CONTEXT_ROLES = frozenset({"type", "relation", "direction", "street", "locative", "linker", "offshore",
                           "country"})
LEADING_ROLES = frozenset({"type", "relation", "direction", "street", "offshore"})
ADMIN_KINDS = frozenset({"admin1", "admin2"})
CURATED_KINDS = frozenset({"country", "admin1", "district", "region", "natural"})


@dataclass(slots=True)
class Context:
    cue: Cue | None = None  # the cue right before the name (type, relation, direction, street…)
    cue_start: int | None = None  # token index where the descriptive phrase starts
    locative: bool = False
    preposition: bool = False  # an explicit preposition word (في، الى…), not a clitic
    outer: Cue | None = None  # a relation/direction before the type word: "قرب مدينة X"
    country_strict: bool = False  # the adjective sits between the type word and the name
    dateline: bool = False  # the article opens with it: "الشرقيه - اليوم السابع"
    after_definite: bool = False  # right after a definite noun: "الاحتجاجات السلميه" is an adjective
    reference: bool = False  # distance phrase: the place is a reference point
    parent: bool = False  # "القياره التابعه لقضاء الموصل": the administrative parent of the place before
    target: bool = False  # after "على" (a strike on X): weak, "علي" is also a first name
    modifier: bool = False  # right after a plain noun, no preposition: "مدرسه بنين" qualifies the noun
    outlet: bool = False  # part of a media outlet's name: "قناه الجزيره"، "الجزيره نت"
    post_direction: bool = False
    post_country: str | None = None  # country adjective right after the name
    post_agrees: bool = False  # ...agreeing with the name as with a noun: "العلم العراقي"، "سيده تركيه"
    post_end: int | None = None
    patron: bool = False  # after "بقياده"، "المدعومه من"، "المواليه لـ": the backer of a force
    person: bool = False  # after a personal title: "الملكه فيكتوريا" is a person


@dataclass(slots=True)
class Resolved:
    place: Place
    match: Match[tuple[int, ...]]
    context: Context
    confidence: float
    district: str | None = None


# -- country focus ------------------------------------------------------------------------------

@dataclass(slots=True)
class Scan:
    """One pass over the tokens: name candidates, country adjectives, blocked and cue tokens."""

    matches: dict[int, list[Match]]
    nisba_votes: Counter[str]
    blocked: dict[int, int]  # token -> end of the non-place name covering it
    street_cues: list[int]
    actors: dict[int, tuple[int, str]] = field(default_factory=dict)  # token -> (end, actor's country) of
    # the actor name covering it ("فيلق القدس", "القاعده في بلاد المغرب": a place inside names no place)


def scan(tokens: Sequence[Token], gaz: Gazetteer, cues: Cues) -> Scan:
    first = gaz.first_words
    blocker_first = blocker_first_words()
    actors = load_actor_names()
    nisba = cues.nisba_forms
    result = Scan({}, Counter(), {}, [])
    for tok in tokens:
        if tok.kind != "word":
            continue
        forms = tok.forms
        if not first.isdisjoint(forms):
            hits = gaz.match_at(tokens, tok.index)
            if hits:
                result.matches[tok.index] = hits
        if not nisba.keys().isdisjoint(forms):
            iso2 = nisba_country(forms, cues)
            if iso2 and not any(f in cues.ambiguous for f in forms):
                result.nisba_votes[iso2] += 1
        if not blocker_first.isdisjoint(forms):
            for b in load_blockers().match_at(tokens, tok.index):
                if _clitic_ok(tok, b):
                    for k in range(b.tok_start, b.tok_end):
                        result.blocked[k] = max(result.blocked.get(k, 0), b.tok_end)
        if not cues.street_or_district.isdisjoint(forms):
            result.street_cues.append(tok.index)
        if not actors.first_words.isdisjoint(forms):
            for a in actors.matcher.match_at(tokens, tok.index):
                if _clitic_ok(tok, a):
                    for k in range(a.tok_start, a.tok_end):
                        if a.tok_end > result.actors.get(k, (0, ""))[0]:
                            result.actors[k] = (a.tok_end, a.payload)
    return result


def focus_scores(doc: Document, gaz: Gazetteer | None = None, cues: Cues | None = None,
                 scanned: Scan | None = None) -> Counter[str]:
    """Votes for the countries an article is about (ISO2 -> weight)."""
    gaz = gaz or load_gazetteer()
    cues = cues or load_cues()
    scanned = scan(doc.tokens, gaz, cues) if scanned is None else scanned
    votes: Counter[str] = Counter(scanned.nisba_votes)
    for match in _longest_first(scanned.matches):
        places = [gaz.places[i] for i in match.payload]
        if cues.ambiguous.get(match.phrase):
            continue
        isos = {p.iso2 for p in places if _votes(p)}
        rivals = {p.iso2 for p in places if p.population >= BIG_CITY}
        if len(isos) == 1 and rivals <= isos:
            votes[isos.pop()] += 2 if any(p.kind == "country" for p in places) else 1
    return votes


def _votes(place: Place) -> bool:
    """A country or a curated place says which country an article is about; a district does not
    (its name is often a family name or a common word: "جوان حبيش")."""
    return place.kind == "country" or (place.source != "geonames" and place.kind != "admin2")


def _longest_first(matches: dict[int, list[Match]]) -> list[Match]:
    out: list[Match] = []
    end = -1
    for start in sorted(matches):
        if start >= end:
            best = matches[start][0]
            out.append(best)
            end = best.tok_end
    return out


def top_focus(votes: Counter[str]) -> str | None:
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2)
    if rest and rest[0][1] == n:
        return None
    return best


# -- context ------------------------------------------------------------------------------------

def _word_forms(tokens: Sequence[Token], i: int, lo: int) -> tuple[str, ...]:
    return tokens[i].forms if lo <= i and tokens[i].kind == "word" else ()


def _cue_at(tokens: Sequence[Token], i: int, lo: int, cues: Cues, role: str | None = None) -> Cue | None:
    """The cue word at token ``i``; a type word with the article (المدينه) refers back, it names nothing."""
    forms = _word_forms(tokens, i, lo)
    cue = cues.cue(forms, role)
    if (cue is not None and cue.role in DEFINITE_SENSITIVE and not cue.word.startswith(ARTICLE)
            and ARTICLE + cue.word in forms):
        return None
    return cue


def read_context(tokens: Sequence[Token], m: Match, lo: int, hi: int, cues: Cues) -> Context:
    ctx = Context()
    i = m.tok_start - 1
    first = tokens[m.tok_start]
    if m.prefix_len and first.norm[: m.prefix_len].endswith(cues.clitics["clitic_in"]):
        ctx.locative = True
    # "بالقرب من X" / "على مقربة من X": skip the preposition between cue and name.
    if i >= lo and _cue_at(tokens, i, lo, cues, "linker") is not None:
        before = _cue_at(tokens, i - 1, lo, cues, "relation")
        if before is not None:
            ctx.cue, ctx.cue_start = before, i - 1
        else:
            ctx.locative = True
            # "على بعد 30 كلم من الموصل": the town is only the point the distance starts from
            ctx.reference = _distance_before(tokens, i, lo, cues)
    # "العاصمه الليبيه طرابلس": a country adjective between a type cue and the name.
    if ctx.cue is None and i >= lo and nisba_country(_word_forms(tokens, i, lo), cues):
        type_cue = _cue_at(tokens, i - 1, lo, cues, "type")
        if type_cue is not None:
            ctx.cue, ctx.cue_start = type_cue, i - 1
            ctx.post_country = nisba_country(_word_forms(tokens, i, lo), cues)
            ctx.country_strict = True
    if ctx.cue is None and i >= lo:
        forms = _word_forms(tokens, i, lo)
        pair = next((cues.double[(a, b)] for a in _word_forms(tokens, i - 1, lo) for b in forms
                     if (a, b) in cues.double), None)
        if pair is not None:
            ctx.cue, ctx.cue_start = pair, i - 1
        else:
            cue = _cue_at(tokens, i, lo, cues)
            if cue is not None and cue.role in {"locative", "linker"}:
                ctx.locative = ctx.preposition = True
            elif cue is not None and cue.role == "target":
                ctx.target = True
            elif cue is not None and cue.role in LEADING_ROLES:
                ctx.cue, ctx.cue_start = cue, i
    if ctx.cue is None and i >= lo and tokens[i].kind == "word" and not m.prefix_len:
        plain_word = cues.cue(tokens[i].forms) is None
        # an indefinite noun before a name may govern it (مدرسه بنين: a boys' school)
        ctx.modifier = plain_word and not tokens[i].norm.startswith(ARTICLE)
        # "بالزاويه" has a preposition: not an adjective; "والي" is و + a word, not a definite noun
        ctx.after_definite = plain_word and m.phrase.startswith(ARTICLE) and tokens[i].norm.startswith(ARTICLE)
    ctx.outlet = _outlet_name(tokens, m, lo, hi, cues)
    ctx.patron, ctx.person = _patron_or_person(tokens, m, lo, cues)
    if ctx.cue is not None and ctx.cue.role == "type" and ctx.cue_start is not None:
        outer = _cue_at(tokens, ctx.cue_start - 1, lo, cues)
        if outer is not None and outer.role in {"relation", "direction", "offshore"}:
            ctx.outer = outer
    if ctx.cue is not None and ctx.cue.role == "direction" and ctx.cue_start is not None:
        ctx.reference = _distance_before(tokens, ctx.cue_start, lo, cues)
    # after the name
    j = m.tok_end
    ctx.dateline = m.tok_start == 0 and j < len(tokens) and tokens[j].norm in DATELINE_MARKS
    if j < hi and tokens[j].kind == "word":
        if cues.cue(tokens[j].forms, "post_direction"):
            ctx.post_direction, ctx.post_end = True, j + 1
        else:
            iso2 = cues.nisba_forms.get(tokens[j].norm)  # "طرابلس الليبيه", not "غزه واسراييليين"
            if iso2:
                ctx.post_country, ctx.post_end = iso2, j + 1
                # a place's own adjective is definite after a name without the article; one that
                # agrees in definiteness ("العلم العراقي", "سيده تركيه") may qualify a common noun
                ctx.post_agrees = tokens[j].norm.startswith(ARTICLE) == m.phrase.startswith(ARTICLE)
    return ctx


def _outlet_name(tokens: Sequence[Token], m: Match, lo: int, hi: int, cues: Cues) -> bool:
    """A name inside a media outlet's name: "قناه الجزيره"، "لصحيفه "الرياض""، "القدس برس"."""
    k = m.tok_start - 1
    while k >= lo and tokens[k].kind != "word" and tokens[k].norm in QUOTES:
        k -= 1
    if k >= lo and tokens[k].kind == "word" and cues.cue(tokens[k].forms, "outlet") is not None:
        return True
    j = m.tok_end
    while j < hi and tokens[j].kind != "word" and tokens[j].norm in QUOTES:
        j += 1
    return j < hi and tokens[j].kind == "word" and cues.cue((tokens[j].norm,), "outlet_tail") is not None


QUOTES = frozenset({'"', "«", "»", "\u201c", "\u201d", "'", "(", ")"})


def _patron_or_person(tokens: Sequence[Token], m: Match, lo: int, cues: Cues) -> tuple[bool, bool]:
    """(patron, person): the word before the name leads or backs a force ("التحالف بقياده واشنطن",
    "القوات المدعومه من ايران", "الموالين لطهران"), or is a personal title ("الملكه فيكتوريا")."""
    i = m.tok_start - 1
    if i < lo or tokens[i].kind != "word":
        return False, False
    if m.prefix_len == 0 and cues.cue(tokens[i].forms, "person_title") is not None:
        return False, True
    if m.prefix_len == 0 and cues.cue(tokens[i].forms, "linker") is not None:
        i -= 1  # "المدعومه من ايران"
    patron = i >= lo and tokens[i].kind == "word" and cues.cue(tokens[i].forms, "patron") is not None
    return patron, False


def _distance_before(tokens: Sequence[Token], start: int, lo: int, cues: Cues) -> bool:
    """A distance ("على بعد 50 كلم", "20 كم") in the few tokens before a direction word."""
    for k in range(start - 1, max(lo, start - 5) - 1, -1):
        cue = cues.cue(tokens[k].forms) if tokens[k].kind == "word" else None
        if cue is not None and cue.role in {"unit", "distance"}:
            return True
    return False


# -- acceptance and choice ----------------------------------------------------------------------

def _clitic_ok(tok: Token, m: Match) -> bool:
    """A stripped article may not create a name: النووي is not the town نووي."""
    if m.exact or not m.prefix_len:
        return True
    stripped = tok.norm[: m.prefix_len]
    if load_cues().clitics["clitic_like"] in stripped:
        return False  # "like X" is never how a place is named; كانكارا is not ك + انكارا
    # "للبنين" is ل + the article: the contraction hides the article's alif
    article_stripped = stripped.endswith(ARTICLE) or stripped.endswith(ARTICLE[-1] * 2)
    return m.phrase.startswith(ARTICLE) or not article_stripped


def _strong(ctx: Context) -> bool:
    return ctx.dateline or (ctx.cue is not None and ctx.cue.role in {"type", "relation", "direction", "offshore"})


def _kind_fits(place: Place, cue: Cue | None) -> bool:
    if cue is None or cue.role != "type" or not cue.kinds:
        return True
    if place.kind in cue.kinds:
        return True
    return "city" in cue.kinds and place.kind == "district"


def choose(places: list[Place], ctx: Context, focus: Counter[str]) -> Place | None:
    total = sum(focus.values()) or 1
    admin_cue = ctx.cue is not None and ctx.cue.role == "type" and "admin1" in ctx.cue.kinds
    country_hint = ctx.post_country
    with_town = {p.iso2 for p in places if p.kind not in ADMIN_KINDS}
    famous_rival = any(_famous(p) for p in places)

    def score(p: Place) -> float:
        s = math.log10(p.population + 10)
        if _famous(p):
            s += FAMOUS_BONUS
        if p.population >= BIG_CITY or p.kind in CURATED_KINDS or (
                not famous_rival and _in_conflict_region(p)):
            s += FOCUS_WEIGHT * focus.get(p.iso2, 0) / total
        if p.kind in CURATED_KINDS or p.source != "geonames":
            s += 1.5
        if p.kind == "country":
            s += 3.0
        if _kind_fits(p, ctx.cue):
            s += 3.0
        if p.kind in ADMIN_KINDS and not admin_cue and p.iso2 in with_town:
            s -= 4.0  # a bare name shared in one country is the city (حلب), not the governorate
        if country_hint and p.iso2 == country_hint:
            s += 6.0
        return s

    pool = [p for p in places if not country_hint or p.iso2 == country_hint]
    if not pool and ctx.country_strict:
        return None  # "العاصمه الروسيه X": X must be in Russia
    pool = pool or places
    if ctx.cue is not None and ctx.cue.role == "type" and ctx.cue.kinds:
        pool = [p for p in pool if _kind_fits(p, ctx.cue)] or pool
    best = max(pool, key=score) if pool else None
    if best is not None and best.kind == "city" and _region_cue(ctx.cue) and (
            not focus or best.iso2 in _top_countries(focus)):  # "بمنطقه بغداد" in a Darfur story: a local area
        # "منطقه تاهوا"، "اقليم تاهوا": the region named after its seat, not the town
        return next((p for p in pool if p.kind == "admin1" and p.iso2 == best.iso2), best)
    return best


def _region_cue(cue: Cue | None) -> bool:
    """An area or province word (منطقه، اقليم، ولايه), not a settlement word (مدينه، بلده)."""
    return cue is not None and cue.role == "type" and (not cue.kinds or "admin1" in cue.kinds)


def far_away(place: Place, focus: Counter[str], min_votes: int = MIN_FOCUS_VOTES) -> bool:
    """The place lies outside every country the article mentions and the neighbours of its main one.

    (Iran is named in most Yemen stories; Afghanistan, its neighbour, is not thereby in play.)
    """
    if sum(focus.values()) < min_votes or place.iso2 in focus:
        return False  # one country adjective is too little to call a place foreign
    main = countries().get(top_focus(focus) or "")  # a tie names no main country
    return main is None or place.iso2 not in main.neighbours


def _famous(place: Place) -> bool:
    """A capital or a city of a million (a district inherits its city's population: not counted)."""
    return place.kind == "city" and (place.population >= WORLD_CITY or (
        place.id in capitals() and place.population >= FOCUS_TOWN))  # not Stanley, Falklands


def _in_conflict_region(place: Place) -> bool:
    country = countries().get(place.iso2)
    return country is not None and country.region in FOCUS_REGIONS


def _top_countries(focus: Counter[str]) -> set[str]:
    best = max(focus.values(), default=0)
    return {iso2 for iso2, n in focus.items() if n == best and n > 0}


def _adjective_places(place: Place, ctx: Context, need: str | None) -> bool:
    """A country adjective right after the name locates it ("طرابلس الليبيه") - unless it agrees with a
    common word or a small town's name as with a noun ("الفصايل الفلسطينيه", "العلم العراقي")."""
    if ctx.post_country != place.iso2:
        return False
    small = place.source == "geonames" and place.kind not in CURATED_KINDS and place.population < FOCUS_TOWN
    return not (ctx.post_agrees and (need is not None or small))


def _not_a_place_here(place: Place, ctx: Context) -> bool:
    """A person's name after a title; a country or capital after "بقياده"، "المدعومه من" (the backer)."""
    return ctx.person or (ctx.patron and (place.kind in {"country", "admin1"} or _famous(place)))


def accepted(place: Place, phrase: str, ctx: Context, focus: Counter[str], cues: Cues) -> bool:
    need = cues.ambiguous.get(phrase)
    if need == "never" or ctx.outlet or _not_a_place_here(place, ctx):
        return False
    geonames_town = place.kind not in CURATED_KINDS and place.source == "geonames"
    if ctx.after_definite and not ctx.dateline and place.kind != "country":
        return False  # "التوتر القائم", "القوه القاهره": an adjective agreeing with its noun
    if geonames_town and not _famous(place) and far_away(place, focus) and not (
            _adjective_places(place, ctx, need) or (place.population >= BIG_CITY and (
                ctx.preposition or ctx.locative or ctx.target or _strong(ctx)))):
        return False  # a small town abroad in a story about elsewhere: a common word read as a town
    if need == "named":
        return ctx.dateline or _adjective_places(place, ctx, need) or (
            ctx.cue is not None and ctx.cue.role == "type")
    if need == "focus":
        if ctx.modifier or ctx.after_definite:
            return _strong(ctx)
        return _strong(ctx) or _adjective_places(place, ctx, need) or place.iso2 in _top_countries(focus) or (
            (ctx.preposition or ctx.locative) and focus.get(place.iso2, 0) > 0)
    if need == "context":
        if ctx.after_definite:
            return False
        return _strong(ctx) or ctx.preposition or focus.get(place.iso2, 0) > 0 or (
            _adjective_places(place, ctx, need))
    if need == "admin":
        return ctx.dateline or (ctx.cue is not None and ctx.cue.role == "type" and "admin1" in ctx.cue.kinds)
    if need == "type":
        if ctx.cue is not None and ctx.cue.role == "relation":  # "صحراء القايم" in an Iraqi story
            return place.source != "geonames" or place.population >= BIG_CITY or focus.get(place.iso2, 0) > 0
        return _strong(ctx) or _adjective_places(place, ctx, need)
    if ctx.cue is not None and ctx.cue.role == "street":
        return True  # handled by the caller: the name of a street
    if place.kind == "admin2":
        # a district is named in stories about its country ("جبهات نهم" in a Yemen story), else
        # with a cue; "بنهم" in a story about Turkey is a misspelt word
        return (_strong(ctx) and not far_away(place, focus)) or place.iso2 in _top_countries(focus) or (
            _adjective_places(place, ctx, need))
    if place.kind in CURATED_KINDS or place.source != "geonames":
        return True
    if len(phrase.replace(" ", "")) < MIN_FREE_NAME:
        return _strong(ctx)
    if _strong(ctx) or _famous(place):
        return True
    country = countries().get(place.iso2)
    if country is None or country.region not in FOCUS_REGIONS:
        return ctx.preposition and place.population >= BIG_CITY
    if place.population >= BIG_CITY or (ctx.locative and place.population >= CONFLICT_TOWN):
        return True
    if place.population < CONFLICT_TOWN:
        # a hamlet (or a district) after a bare "في": only in the article's main country; a country
        # named in passing does not make its hamlets likely ("الي كو…" is no Syrian village)
        return ctx.locative and place.iso2 in _top_countries(focus)
    in_focus = focus.get(place.iso2, 0) > 0
    return in_focus and (ctx.locative or place.population >= FOCUS_TOWN)


def geoparse(doc: Document) -> list[Resolved]:
    gaz = load_gazetteer()
    cues = load_cues()
    tokens = doc.tokens
    scanned = scan(tokens, gaz, cues)
    matches, blocked = scanned.matches, scanned.blocked
    focus = focus_scores(doc, gaz, cues, scanned)
    out: list[Resolved] = []
    street_names: dict[int, Place] = {}
    area_cues: list[int] = []  # "بمنطقه الرياض" in a Darfur story: a local area, not Riyadh
    free = 0  # first token not yet consumed by an accepted name
    for i in sorted(matches):
        if i < free:
            continue
        sent = doc.sentences[tokens[i].sentence]
        lo, hi = sent.tok_start, sent.tok_end
        hits = [m for m in matches[i] if m.tok_end <= hi
                and _clitic_ok(tokens[i], m) and not _is_cue_word(tokens[i], m, cues)]
        if not hits:
            continue
        m = min(hits, key=lambda h: (h.tok_start - h.tok_end, h.prefix_len))
        if m.tok_end <= blocked.get(i, 0):
            continue  # inside a name that is not a place (سرايا القدس), unless a longer name wins
        if m.tok_end - m.tok_start == 1 and cues.cue((m.phrase,), "name_head") is not None:
            continue  # "عين"، "جبل"، "وادي" alone: the head of a longer name the gazetteer lacks
        ctx = read_context(tokens, m, lo, hi, cues)
        if ctx.cue is None and out and _coordinated(tokens[i], m, out[-1]):
            ctx.cue, ctx.cue_start = out[-1].context.cue, out[-1].context.cue_start
        places = [gaz.places[k] for k in m.payload]
        if ctx.post_country is None and len({p.iso2 for p in places}) > 1:
            ctx.post_country = _anchor_country(tokens, m, hi, places, gaz, cues)
        place = choose(places, ctx, focus)
        if place is None:
            continue
        if (_local_area(ctx) and ctx.cue_start is not None and place.kind == "city" and not ctx.post_direction
                and far_away(place, _others(focus, place, m, scanned, gaz), min_votes=1)):
            street_names[m.tok_start] = place  # coded to the story's city below, its name kept
            area_cues.append(ctx.cue_start)
            free = m.tok_end
            continue
        if ctx.after_definite and m.phrase not in cues.ambiguous and (
                _others(focus, place, m, scanned, gaz).get(place.iso2, 0) > 0):
            ctx.after_definite = False  # the story's own place as an object: "قصف الجيش السوري الغوطه"
        if _not_a_place_here(place, ctx) or _in_actor_name(m, place, scanned):
            free = m.tok_end  # nor is any part of it: "بقياده المملكه العربيه السعوديه"
            continue
        if not accepted(place, m.phrase, ctx, focus, cues):
            continue
        free = m.tok_end
        if ctx.cue is not None and ctx.cue.role == "street":
            street_names[m.tok_start] = place  # a street named after a place is not that place
            continue
        if ctx.cue is not None and ctx.cue.role == "type" and ctx.cue.kinds and not any(
                _kind_fits(p, ctx.cue) for p in places) and place.kind in LOOSE_KINDS:
            continue  # "ولاية سيناء": a group's "province", not the region
        if _dateline_source(tokens, m, out) or _ambiguous_head(tokens, m, hi, gaz, cues):
            continue
        out.append(Resolved(place, m, ctx, _confidence(place, ctx, m)))
        free = max(m.tok_end, ctx.post_end or 0)
    out = _transliterated(doc, out, focus, cues, scanned)
    spelled = {r.match.tok_start for r in out if r.place.source == translit.SOURCE}
    area_cues = [c for c in area_cues if c + 1 not in spelled]  # "منطقه بن قردان": Ben Gardane itself
    out = _streets_and_districts(doc, out, cues, street_names, sorted({*scanned.street_cues, *area_cues}),
                                 frozenset(area_cues))
    _mark_descriptors(out, doc)
    return _capitals_named(doc, out, gaz, cues)


def _capitals_named(doc: Document, out: list[Resolved], gaz: Gazetteer, cues: Cues) -> list[Resolved]:
    """"عاصمة بوركينا فاسو" with no city named right after it: the country's capital, not the country."""
    result = []
    for k, res in enumerate(out):
        result.append(res)
        if res.place.kind != "country" or res.match.tok_start == 0:
            continue
        cue = cues.cue(tuple(doc.tokens[res.match.tok_start - 1].forms), "type")
        if cue is None or CAPITAL_KIND not in cue.kinds:
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        if nxt is not None and nxt.match.tok_start - res.match.tok_end <= 1 and nxt.place.kind == "city":
            continue  # "عاصمة بوركينا فاسو، واغادوغو": the city is named itself
        capital = gaz.get(capital_of().get(res.place.iso2 or "", ""))
        if capital is not None:
            result[-1] = Resolved(capital, res.match, res.context, res.confidence, res.district)
    return result


CAPITAL_KIND = "capital"  # a place-type cue of this kind before a country names its capital
TRANSLIT_CONFIDENCE = 0.6
TRANSLIT_WORDS = (2, 1)  # "سبين بولدك" before "سبين"


def _transliterated(doc: Document, out: list[Resolved], focus: Counter[str], cues: Cues,
                    scanned: Scan) -> list[Resolved]:
    """Names after a place cue that only the Latin spelling of a focus-country place explains.

    "بلدة كتم" in a Darfur story is Kutum (GeoNames has no Arabic name for it), not Kitim, Jordan.
    """
    # the main country (or those tied for it): a minor one (Iran in a Yemen story) is not enough
    countries_in_play = sorted(_top_countries(focus) & countries().keys())
    tokens = doc.tokens
    result: list[Resolved] = []
    placers_in_out = _Placers(out)
    for res in out:  # a small namesake abroad loses to the focus country's Latin-only place
        place = res.place
        if (countries_in_play and place.source == "geonames" and place.kind == "city"
                and focus.get(place.iso2, 0) == 0 and not _famous(place) and place.population < BIG_CITY):
            placed_in = _country_after(placers_in_out, doc, res.match.tok_end)
            alt = _translit_lookup(res.match.phrase, placed_in, countries_in_play)
            if alt is not None:
                res = Resolved(alt, res.match, res.context, TRANSLIT_CONFIDENCE)
        result.append(res)
    covered = {k for res in result for k in range(res.match.tok_start, res.match.tok_end)}
    placers = _Placers(result)
    triggers = _translit_triggers()
    for tok in tokens:
        if tok.kind != "word" or (triggers.isdisjoint(tok.forms) and tok.norm not in cues.single) or (
                tok.index + 1 in covered):
            continue
        cue = _cue_at(tokens, tok.index, 0, cues)
        # "في دابشي في شمال شرق نيجيريا": after a bare preposition only when a country follows to place it
        placed_only = cue is not None and cue.role == "locative" and cue.word == tok.norm
        if cue is None or not (cue.role == "direction" or cue.word in triggers or placed_only):
            continue
        hi = doc.sentences[tok.sentence].tok_end
        found = _translit_after(doc, tok.index + 1, hi, cue, countries_in_play, cues, scanned, placers,
                                placed_only=placed_only)
        if found is not None:
            place, m = found
            ctx = Context(locative=True, preposition=True) if placed_only else Context(cue=cue, cue_start=tok.index)
            outer = _cue_at(tokens, tok.index - 1, doc.sentences[tok.sentence].tok_start, cues)
            if cue.role == "type" and outer is not None and outer.role in {"relation", "direction"}:
                ctx.outer = outer  # "قرب بلدة X"
            result.append(Resolved(place, m, ctx, TRANSLIT_CONFIDENCE))
            covered.update(range(m.tok_start, m.tok_end))
    result.sort(key=lambda r: r.match.tok_start)
    return result


@cache
def _translit_triggers() -> frozenset[str]:
    """Settlement and division words (translit_cues.tsv) and direction words."""
    directions = {w for w, c in load_cues().single.items() if c.role == "direction"}
    return translit.load_letters().cue_words | directions


def _translit_lookup(phrase: str, placed_in: str | None, in_play: list[str],
                     admin1: str | None = None) -> Place | None:
    """The country (and division) a following name places it in decides; else the article's
    countries, main first."""
    if placed_in is not None:
        return translit.lookup(phrase, placed_in, admin1)
    for iso2 in in_play:
        place = translit.lookup(phrase, iso2)
        if place is not None:
            return place
    return None


def _country_after(placers: _Placers, doc: Document, end: int) -> str | None:
    """"منطقه قنديل شمالي العراق": a country or division named right after places the name there."""
    placer = _placed_by(placers, doc, end)
    return placer.iso2 if placer is not None else None


PLACER_KINDS = frozenset({"country", "admin1"})


class _Placers:
    """The countries and first-level divisions of a growing list of resolved places, by first
    token (a scan of the whole list per name would grow with the square of the article)."""

    def __init__(self, places: list[Resolved]) -> None:
        self.places = places
        self.indexed = 0
        self.by_start: dict[int, list[tuple[int, Resolved]]] = {}

    def starting_in(self, lo: int, hi: int) -> list[Resolved]:
        """Those whose first token is in ``[lo, hi]``, in list order."""
        for i in range(self.indexed, len(self.places)):
            res = self.places[i]
            if res.place.kind in PLACER_KINDS:
                self.by_start.setdefault(res.match.tok_start, []).append((i, res))
        self.indexed = len(self.places)
        found = [item for k in range(lo, hi + 1) for item in self.by_start.get(k, ())]
        return [res for _, res in sorted(found, key=lambda item: item[0])]


def _placed_by(placers: _Placers, doc: Document, end: int) -> Place | None:
    """The country or first-level division named right after a name that places it there."""
    tokens = doc.tokens
    sentence = tokens[end - 1].sentence
    cues = load_cues()
    for res in placers.starting_in(end, end + COUNTRY_AFTER):
        k = res.match.tok_start
        if tokens[k].sentence != sentence:
            continue
        # only when it places the name: right after it, or after a direction, type word or "في"
        # ("على الحدود مع الكاميرون" names a neighbour)
        before = cues.cue(tokens[k - 1].forms) if k > end and tokens[k - 1].kind == "word" else None
        if k == end or res.match.prefix_len or (before is not None and before.role in PLACING_ROLES):
            return res.place
    return None


PLACING_ROLES = frozenset({"direction", "type", "locative"})
ADMIN_SEAT = 10_000  # a province named after its seat: the seat is a town, not a village
COUNTRY_AFTER = 4  # tokens: "X شمالي العراق"، "X بولايه قندهار"، "X في محافظه انطاليا"
MIN_FEMININE_NAME = 4  # consonants: "كبكابيه" is a town, "سكنيه"، "عسكريه" are adjectives


def _translit_after(doc: Document, start: int, hi: int, cue: Cue, in_play: list[str], cues: Cues,
                    scanned: Scan, placers: _Placers, placed_only: bool = False) -> tuple[Place, Match] | None:
    """The Latin-only place named by the one or two words at ``start``. After a bare preposition
    (``placed_only``) the words must be no known vocabulary and a country must follow to place them."""
    tokens = doc.tokens
    for n in TRANSLIT_WORDS:
        end = start + n
        if end > hi or not all(_translit_word(tokens[k], k == start, cue, cues, scanned) for k in range(start, end)):
            continue
        placer = _placed_by(placers, doc, end)
        if placed_only and (placer is None or any(
                f in known_words() for k in range(start, end) for f in tokens[k].forms)):
            continue
        phrase = " ".join(tokens[k].norm for k in range(start, end))
        # "X بمحافظه صعده": X must lie in that governorate
        place = _translit_lookup(phrase, placer.iso2 if placer else None, in_play,
                                 placer.admin1 if placer is not None and placer.kind == "admin1" else None)
        if place is not None and _admin_cue(cue) and place.population < ADMIN_SEAT:
            return None  # "ولايه مانيبور" is the state, not the village Manipura
        if place is not None:
            return place, Match(start, end, phrase, (), True, 0)
    return None


def _translit_word(tok: Token, first: bool, cue: Cue, cues: Cues, scanned: Scan) -> bool:
    """A word that may be an unknown name: no cue, common word, country adjective or agreeing adjective."""
    if tok.kind != "word" or tok.index in scanned.blocked:
        return False
    word_cue = cues.cue(tok.forms)
    if word_cue is not None and word_cue.role != "name_head":  # "ابو جبيهه" is a name
        return False
    if any(f in cues.ambiguous or f in cues.nisba_forms for f in tok.forms):
        return False
    feminine = cues.clitics.get("clitic_feminine", "")
    if not (first and feminine and cue.word.endswith(feminine) and tok.norm.endswith(feminine)
            and not tok.norm.startswith(ARTICLE)):
        return True
    # "منطقه سكنيه"، "قريه صغيره": an indefinite feminine word after a feminine cue is an adjective,
    # unless it is long and no participle (م…)
    spelling = translit.arabic_spelling(tok.norm)
    return (spelling is not None and len(spelling.consonants) >= MIN_FEMININE_NAME
            and not tok.norm.startswith(cues.clitics["clitic_participle"]))


def _others(focus: Counter[str], place: Place, m: Match, scanned: Scan, gaz: Gazetteer) -> Counter[str]:
    """The focus votes without those this name casts itself (بغداد votes for Iraq)."""
    if not any(gaz.places[k].iso2 == place.iso2 and _votes(gaz.places[k]) for k in m.payload):
        return focus  # only plain GeoNames towns carry this name: it casts no vote
    own = sum(1 for hits in scanned.matches.values() if hits and hits[0].phrase == m.phrase)
    rest = Counter(focus)
    rest[place.iso2] -= own
    return +rest


def _anchor_country(tokens: Sequence[Token], m: Match, hi: int, places: list[Place], gaz: Gazetteer,
                    cues: Cues) -> str | None:
    """"بلده الدوحه غرب بيت لحم": a namesake located from a place lies in that place's country."""
    j = m.tok_end
    if j + 1 >= hi or tokens[j].kind != "word" or cues.cue(tokens[j].forms, "direction") is None:
        return None
    hits = gaz.match_at(tokens, j + 1, hi)
    if not hits:
        return None
    common = {p.iso2 for p in places} & {gaz.places[k].iso2 for k in hits[0].payload}
    return common.pop() if len(common) == 1 else None


def _local_area(ctx: Context) -> bool:
    """An area or neighbourhood word right before the name (منطقه، حي), no relation before it."""
    cue = ctx.cue
    return (cue is not None and cue.role == "type" and ctx.outer is None
            and (not cue.kinds or cue.kinds == DISTRICT_KIND))


DISTRICT_KIND = frozenset({"district"})


def _is_cue_word(tok: Token, m: Match, cues: Cues) -> bool:
    """A cue word is never a name, nor is what is left of it after a stripped clitic (ولايه -> لايه)."""
    if m.tok_end - m.tok_start == 1 and m.phrase in cues.single and cues.single[m.phrase].role in CONTEXT_ROLES:
        return True
    return not m.exact and any(
        form in cues.single and cues.single[form].role in CONTEXT_ROLES for form in tok.forms)


DATELINE_TOKENS = 6
DATELINE_MARKS = frozenset({"-", "(", "/", ":", "\u060c", ","})  # \u060c: Arabic comma


def _dateline_source(tokens: Sequence[Token], m: Match, out: list[Resolved]) -> bool:
    """"الزاويه - ليبيا الاحرار:" / "الزاويه – عين ليبيا": after the dateline's place and dash comes
    the outlet's name, not a place of the story."""
    if m.tok_start >= DATELINE_TOKENS or not out or out[0].match.tok_start != 0:
        return False
    return any(tokens[d].norm == "-" for d in range(out[0].match.tok_end, m.tok_start))


def _ambiguous_head(tokens: Sequence[Token], m: Match, hi: int, gaz: Gazetteer, cues: Cues) -> bool:
    """A common-word name followed by a place name is the head of a phrase (مديريه امن مصراته)."""
    if m.phrase not in cues.ambiguous or m.tok_end >= hi:
        return False
    return any(h.exact and h.phrase not in cues.ambiguous and not _is_cue_word(tokens[m.tok_end], h, cues)
               for h in gaz.match_at(tokens, m.tok_end, hi))


def _coordinated(tok: Token, m: Match, prev: Resolved) -> bool:
    """"مديريتي المنصوره والشيخ عثمان": a name joined by و to the one before shares its type cue."""
    cue = prev.context.cue
    return (cue is not None and cue.role == "type" and prev.match.tok_end == m.tok_start
            and m.prefix_len > 0 and tok.norm.startswith(load_cues().clitics["clitic_and"]))


def _in_actor_name(m: Match, place: Place, scanned: Scan) -> bool:
    """A place inside a multi-word actor name (``rasd/lang/ar/actors``) of another country: "فيلق
    القدس" is Iran's Quds Force, "انصار بيت المقدس" an Egyptian group, "الفصايل المسلحه" armed factions.
    A group named after its own country or town ("طالبان باكستان", "مجلس شوري ثوار بنغازي") keeps it."""
    end, country = scanned.actors.get(m.tok_start, (0, ""))
    return m.tok_end <= end and place.iso2 != country


@dataclass(slots=True, frozen=True)
class ActorNames:
    matcher: PhraseMatcher[str]  # multi-word actor names -> the actor's country ("" when none)
    first_words: frozenset[str]


ACTOR_LEXICONS = ("actors/actors.tsv", "actors/generic.tsv")


@cache
def load_actor_names() -> ActorNames:
    """Multi-word actor names of the actors lexicon that contain a gazetteer name."""
    gaz = load_gazetteer()
    entries: list[tuple[str, str]] = []
    for lexicon in ACTOR_LEXICONS:
        for row in read_tsv(lexicon):
            country = row.get("country") or row.get("state") or ""
            for alias in split_variants(row["ar"]):
                words = alias.split()
                if len(words) > 1 and any(" ".join(words[a:b]) in gaz.names for a in range(len(words))
                                          for b in range(a + 1, len(words) + 1)):
                    entries.append((alias, country))
    return ActorNames(PhraseMatcher(entries, normalize=False), frozenset(a.split()[0] for a, _ in entries))


@cache
def blocker_first_words() -> frozenset[str]:
    cues = load_cues()
    return frozenset(p.split(" ", 1)[0] for p, need in cues.ambiguous.items() if need == "never")


@cache
def load_blockers() -> PhraseMatcher[str]:
    """Multi-word names that contain a place name but are not places (سرايا القدس)."""
    cues = load_cues()
    return PhraseMatcher(((phrase, need) for phrase, need in cues.ambiguous.items() if need == "never"),
                         normalize=False)


HOST_KINDS = frozenset({"city", "district"})
LOOSE_KINDS = frozenset({"region", "natural", "district"})
HOST_WINDOW = 4  # a street's city follows it closely: "بشارع بيروت وسط بنغازي"


def _streets_and_districts(doc: Document, out: list[Resolved], cues: Cues, street_names: dict[int, Place],
                           cue_tokens: list[int], area_cues: frozenset[int] = frozenset()) -> list[Resolved]:
    """Streets, squares and neighbourhoods coded to their city, their own name kept as ``district``.

    "شارع بيروت وسط بنغازي" -> Benghazi, district "Beirut Street"; "حي الروضه" in a Taiz story ->
    Taiz, district "Ar Rawdah" (the town of that name elsewhere is not meant).
    """
    tokens = doc.tokens
    covered = {k: res for res in out for k in range(res.match.tok_start, res.match.tok_end)}
    main_city = _main_city([r for r in out if r.context.cue is None or r.context.cue.word not in
                            cues.street_or_district])  # "حي الروضه" alone does not make Ar Rawdah the city
    result = list(out)
    for c in cue_tokens:
        tok = tokens[c]
        cue = _cue_at(tokens, c, 0, cues)
        if c in covered or cue is None or (cue.word not in cues.street_or_district and c not in area_cues):
            continue
        sent = doc.sentences[tok.sentence]
        name_end = _name_end(tokens, c + 1, sent.tok_end, cues)
        if name_end is None:
            continue
        named = covered.get(c + 1)
        if named is not None and named.place.kind == "district":
            continue
        host = _host_city(result, tokens, c, name_end, sent.tok_start, sent.tok_end) or main_city
        if host is None:
            if named is not None and named in result and cue.role == "type" and (
                    named.place.source == "geonames" and not _famous(named.place)):
                result.remove(named)  # "حي الروضه" in a story naming no city: not the town elsewhere
            continue
        if named is not None and named in result:
            result.remove(named)
        label = _district_label(cue, named.place if named else street_names.get(c + 1), doc, tokens,
                                c + 1, name_end)
        prefix = dict(clitic_forms(tok.norm)).get(cue.word, 0)  # the span leaves out "ب" of "بشارع"
        span = Match(c, name_end, " ".join(t.norm for t in tokens[c:name_end]), (), prefix == 0, prefix)
        result.append(Resolved(host.place, span, Context(), round(host.confidence - 0.1, 3), district=label))
    result.sort(key=lambda r: r.match.tok_start)
    return result


def _name_end(tokens: Sequence[Token], start: int, stop: int, cues: Cues) -> int | None:
    """End of the name after a street/district word: one word, two when the first is a name head."""
    if start >= stop or tokens[start].kind != "word":
        return None
    cue = cues.cue(tokens[start].forms)
    if cue is not None and cue.role not in {"name_head", "target"}:  # "شارع علي عبد المغني" is a name
        return None  # a cue word or an adjective (طريق سريع، احياء سكنيه) names nothing
    if _preposition_article(tokens[start].norm, cues):
        return None  # "رصاص حي بالصدر": a name after حي or شارع never takes a preposition
    end = start + 1
    if end < stop and tokens[end].kind == "word" and cues.cue(tokens[start].forms, "name_head"):
        end += 1
    return end


def _preposition_article(word: str, cues: Cues) -> bool:
    """بال…، كال…، لل…: a preposition fused with the article."""
    fused = (cues.clitics["clitic_in"] + ARTICLE, cues.clitics["clitic_like"] + ARTICLE, ARTICLE[-1] * 2)
    return word.startswith(fused)


def _host_city(out: list[Resolved], tokens: Sequence[Token], c: int, name_end: int, lo: int,
               hi: int) -> Resolved | None:
    """The city a street belongs to: a city named just after it, else the nearest one in the sentence."""
    in_sentence = [r for r in out if lo <= r.match.tok_start < hi and r.place.kind in HOST_KINDS
                   and not r.context.reference and not (c <= r.match.tok_start < name_end)]
    if not in_sentence:
        return None
    after = [r for r in in_sentence if 0 <= r.match.tok_start - name_end <= HOST_WINDOW]
    if after:
        return after[0]
    return min(in_sentence, key=lambda r: abs(r.match.tok_start - c))


def _main_city(out: list[Resolved]) -> Resolved | None:
    counts = Counter(r.place.id for r in out if r.place.kind == "city" and not r.context.reference)
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return next(r for r in out if r.place.id == best)


def _district_label(cue: Cue, named: Place | None, doc: Document, tokens: Sequence[Token],
                    start: int, end: int) -> str:
    if named is not None:
        return f"{named.name} Street" if cue.role == "street" else named.name
    return doc.text[tokens[start].start : tokens[end - 1].end]


def _mark_descriptors(out: list[Resolved], doc: Document) -> None:
    """"X شمال Y" right after a place X: Y only locates X, it is a reference point."""
    for prev, cur in itertools.pairwise(out):
        ctx = cur.context
        if ctx.cue is None or ctx.cue_start is None:
            continue
        if ctx.cue.role == "direction":
            start = ctx.cue_start
        elif (ctx.cue.role == "type" and ctx.outer is not None and ctx.outer.role == "direction"
              and not doc.tokens[ctx.cue_start - 1].norm.startswith(load_cues().clitics["clitic_and"])):
            start = ctx.cue_start - 1  # "جبهات نهم شرق العاصمه صنعاء", not "صعده وشمال محافظه عمران"
        else:
            continue
        prev_end = max(prev.match.tok_end, prev.context.post_end or 0)
        if 0 <= start - prev_end <= 1:
            ctx.reference = True
    cues = load_cues()
    resolved_ends = {max(r.match.tok_end, r.context.post_end or 0) for r in out}
    for cur in out:
        # "X التابعه لقضاء Y" / "X التابع للموصل": Y only places X, a known place before the link
        ctx = cur.context
        typed = ctx.cue is not None and ctx.cue.role in LEADING_ROLES and ctx.cue_start is not None
        link = (ctx.cue_start if typed else cur.match.tok_start) - 1
        if link in resolved_ends and doc.tokens[link].kind == "word" and cues.cue(
                doc.tokens[link].forms, "parent_link"):
            ctx.reference = ctx.parent = True
    for cur in out:
        ctx = cur.context
        if ctx.cue is None or ctx.cue.role != "direction" or ctx.cue_start is None:
            continue
        # "بلدة التاجي شمال بغداد": a named (even unknown) town located relative to Y.
        k = ctx.cue_start - 2
        if k >= 0 and doc.tokens[k].kind == "word" and cues.cue(doc.tokens[k].forms, "type"):
            ctx.reference = True


def _confidence(place: Place, ctx: Context, m: Match) -> float:
    conf = 0.75
    if _strong(ctx) or ctx.post_country == place.iso2:
        conf += 0.15
    if place.kind in CURATED_KINDS or place.population >= BIG_CITY or place.source != "geonames":
        conf += 0.05
    if not m.exact:
        conf -= 0.05
    return round(min(conf, 0.98), 3)


# -- output -------------------------------------------------------------------------------------

def precision_and_relation(res: Resolved) -> tuple[int, str | None]:
    place, ctx = res.place, res.context
    base = 3 if place.kind in {"country", "admin1", "natural"} else 2 if place.kind in {"region", "admin2"} else 1
    if ctx.reference:
        return base, None if ctx.parent else "distance"
    if place.source == translit.SOURCE and _admin_cue(ctx.cue):
        return 3, None  # "اقليم ساريبول": the province, located at its namesake town
    cue = ctx.outer or ctx.cue
    if cue is None or cue.role in {"type", "street"}:
        return base, None
    relation = cue.relation
    if cue.role == "direction":
        return (3 if base == 3 else 2), "direction"
    if cue.role == "offshore":
        return 3, "near"
    precision = max(base, cue.precision or base)
    if relation == "centre":
        precision = base
    return precision, relation


def _admin_cue(cue: Cue | None) -> bool:
    return cue is not None and cue.role == "type" and bool(cue.kinds) and cue.kinds <= ADMIN_KINDS | {"region"}


def mention_value(res: Resolved, doc: Document) -> dict[str, object]:
    gaz = load_gazetteer()
    place = res.place
    city = gaz.get(place.parent) if place.kind == "district" and place.parent else None
    located = city or place
    precision, relation = precision_and_relation(res)
    country = countries().get(place.iso2)
    admin1 = None if place.kind == "country" else gaz.admin1_names.get((place.iso2, place.admin1))
    kind = "natural" if res.context.cue is not None and res.context.cue.role == "offshore" else place.kind
    if res.district and kind == "city":
        kind = "district"
    if kind == "natural" and place.kind != "natural":
        located = place
    district = res.district or (place.name if place.kind == "district" else None)
    value: dict[str, object] = {
        "name": located.name,
        "name_ar": doc.text[slice(*match_span(doc.tokens, res.match, doc.norm.offsets))],
        "geonameid": located.geonameid if located.kind != "country" else (
            country.geonameid if country else None),
        "kind": kind,
        "country": country.name if country else None,
        "iso": country.isonum if country else None,
        "iso2": place.iso2,
        "region": country.region if country else None,
        "admin1": admin1,
        "admin2": place.name if place.kind == "admin2" else None,
        "admin3": None,
        "latitude": round(place.lat, 4),
        "longitude": round(place.lon, 4),
        "geo_precision": precision,
        "relation": relation,
        "district": district,
        "is_reference": res.context.reference,
    }
    if place.source == translit.SOURCE:
        value["match"] = "transliteration"
    return value
