"""Attach place, date, sources and context cues to candidate incidents.

Nearest first: the incident's clause, then its sentence, then the discourse (the incident
told just before, when no topic shift lies between). Places named only as reference points
(``is_reference``) are never incident places.
"""

from __future__ import annotations

from rasd.document import Mention
from rasd.events import types as T
from rasd.events.incident import DatePick, Incident
from rasd.events.lexicons import ContextCue
from rasd.events.view import ArticleView, Hit

# Lower = more specific. Places at least as specific as a town end the search in a clause.
SPECIFICITY = {"district": 0, "city": 0, "admin3": 1, "admin2": 1, "natural": 1,
               "admin1": 2, "region": 2, "country": 3}
TOWN_LEVEL = 1
OCCASION_WINDOW = 6
DISCOURSE_SENTENCES = 2


def specificity(place: Mention) -> int:
    return SPECIFICITY.get(place.value.get("kind") or "", 2)


def attach_all(view: ArticleView, incidents: list[Incident]) -> None:
    previous: Incident | None = None
    for inc in incidents:
        inc.place, inc.place_how = pick_place(view, inc, previous)
        inc.place = _announced_at(view, inc) or inc.place
        inc.date = pick_date(view, inc, previous)
        inc.sources = _sources(view, inc)
        inc.context = _context(view, inc)
        inc.occasions = _occasions(view, inc)
        _refine_type(inc)
        previous = inc


# -- places ----------------------------------------------------------------------------------


DATELINE_REACH = 4  # tokens from the article start
DATELINE_MARKS = frozenset("-–—(/:")


def is_dateline(view: ArticleView, place: Mention) -> bool:
    """The place of a dateline ("Tripoli - (agency) -" at the article start) is where the report was filed."""
    a, b = view.tok_range(place)
    if a >= DATELINE_REACH:
        return False
    following = view.doc.tokens[b : b + 3]
    return any(t.kind == "punct" and t.norm in DATELINE_MARKS for t in following)


def _after_cue(view: ArticleView, place: Mention, sentence: int, effect: str) -> bool:
    a, _ = view.tok_range(place)
    return any(h.payload.effect == effect and 0 <= a - h.tok_end < h.payload.window
               for h in view.hits_in_sentence(view.context, sentence))


def _is_destination(view: ArticleView, place: Mention, sentence: int) -> bool:
    """"withdrew towards the Hamrin mountains": where they went, not where it happened."""
    return _after_cue(view, place, sentence, "destination")


def _is_speakers_place(view: ArticleView, place: Mention, sentence: int) -> bool:
    """"said the prosecutor in Paris", "the ambassador in Washington": where someone speaks from."""
    return _after_cue(view, place, sentence, "speaker")


PARTY_MARKERS = frozenset({"between", "with"})
AGENT_MARKER = "agent"


def _party_places(view: ArticleView, places: list[Mention], sentence: int) -> set[int]:
    """Places named as who acted, not where: a country right after "بين" / "مع" ("a ceasefire
    between Israel and Islamic Jihad"), a place of another country than the article's
    right after an agent marker ("الضربات التي نفذتها لندن وباريس وواشنطن": capitals standing for
    their governments), and the places
    listed with it by "و"."""
    markers = [h for h in view.hits_in_sentence(view.roles, sentence)
               if h.payload in PARTY_MARKERS or h.payload == AGENT_MARKER]
    ordered = sorted(places, key=lambda m: m.start)
    spans = [view.tok_range(p) for p in ordered]
    # the next place of a list is glued to its conjunction ("وباريس"): its name starts after a clitic
    listed = [i > 0 and spans[i][0] == spans[i - 1][1] and p.start > view.doc.tokens[spans[i][0]].start
              for i, p in enumerate(ordered)]
    party: set[int] = set()
    for i, place in enumerate(ordered):
        if listed[i] and id(ordered[i - 1]) in party:
            party.add(id(place))
            continue
        after = [h.payload for h in markers if h.tok_end == spans[i][0]]
        if not after:
            continue
        country = place.value.get("kind") == "country"
        foreign = view.main_country is not None and place.value.get("iso2") not in (view.main_country, None)
        a_list = i + 1 < len(ordered) and listed[i + 1]
        if country or (AGENT_MARKER in after and (foreign or a_list)):
            party.add(id(place))
    return party


def _incident_places(view: ArticleView, sentence: int) -> list[Mention]:
    known = view.memo.setdefault("incident_places", {})
    if sentence not in known:
        known[sentence] = _find_incident_places(view, sentence)
    return known[sentence]


def _find_incident_places(view: ArticleView, sentence: int, references: bool = False) -> list[Mention]:
    """The places of the sentence that can be an incident's; with ``references``, only the towns
    named as reference points of an unknown place ("منطقة الجاح جنوب الحديدة")."""
    named = view.in_sentence("place", sentence)
    party = _party_places(view, named, sentence)
    places = [p for p in named
              if bool(p.value.get("is_reference")) == references and not _is_destination(view, p, sentence)
              and not _is_speakers_place(view, p, sentence) and id(p) not in party]
    own = [p for p in places if not is_dateline(view, p)] or places
    # "a missile launched from Saada towards Jazan": where it struck or was downed, when told
    origins = _launch_sites(view, named, sentence)
    return [p for p in own if id(p) not in origins] or own


TOWARDS_EFFECTS = frozenset({"towards", "destination"})


def _towards_between(view: ArticleView, sentence: int, a: int, b: int) -> bool:
    return any(h.payload.effect in TOWARDS_EFFECTS and a <= h.tok_start < b  # type: ignore[attr-defined]
               for h in view.hits_in_sentence(view.context, sentence))


def _launch_sites(view: ArticleView, places: list[Mention], sentence: int) -> set[int]:
    """The first place named within reach after "launched from" ("من داخل الأراضي اليمنية (صعدة)")."""
    sites: set[int] = set()
    for hit in view.hits_in_sentence(view.context, sentence):
        if hit.payload.effect != "origin":
            continue
        after = [p for p in places if 0 <= view.tok_range(p)[0] - hit.tok_end < hit.payload.window
                 and not _towards_between(view, sentence, hit.tok_end, view.tok_range(p)[0])]
        if after:
            sites.add(id(min(after, key=lambda p: p.start)))
    return sites


def pick_place(view: ArticleView, inc: Incident, previous: Incident | None) -> tuple[Mention | None, str]:
    places = _domestic_first(view, _incident_places(view, inc.sentence))
    clause = [p for p in places if view.clause_of_mention(p) == inc.clause]
    if clause:
        best = _best(view, clause, inc)
        return _finer_inside(view, inc, best, places) or _after_dateline(view, inc, best) or best, "clause"
    if places:
        best = _best(view, places, inc)
        return _after_dateline(view, inc, best) or best, "sentence"
    # "في منطقة الجاح جنوب الحديدة": a place missing from the gazetteer, located by a town - the
    # event is near that town (ACLED geo-precision 2), not placeless nor at an earlier sentence's place
    near = _domestic_first(view, _find_incident_places(view, inc.sentence, references=True))
    if near:
        return _best(view, near, inc), "sentence"
    if _shift_between(view, previous, inc):
        return None, "none"
    if previous is not None and previous.place is not None and inc.sentence - previous.sentence <= DISCOURSE_SENTENCES:
        return previous.place, "discourse"
    for back in range(1, DISCOURSE_SENTENCES + 1):
        earlier = _incident_places(view, inc.sentence - back) if inc.sentence - back >= 0 else []
        if earlier:
            return _best(view, earlier, inc), "discourse"
    return None, "none"


def _announced_at(view: ArticleView, inc: Incident) -> Mention | None:
    """"أعلنت الحركتان الانضمام إلى القتال ... وقال مناوي في مؤتمر صحفي في مدينة بورتسودان": an
    agreement, a group's change or a new base told with no place or only its country takes the
    first town of the next sentence (in that country) - where it was announced or concluded."""
    if (inc.sub_event_type not in T.STANDALONE_STRATEGIC or inc.sentence + 1 >= len(view.doc.sentences)
            or (inc.place is not None and inc.place.value.get("kind") != "country")):
        return None
    towns = [p for p in _domestic_first(view, _incident_places(view, inc.sentence + 1))
             if _town(p) and (inc.place is None or _inside(p, inc.place))]
    return min(towns, key=lambda p: p.start) if towns else None


DIRECTION_REACH = 4  # tokens between "X" and "east of Y"
FINER_SENTENCES_AFTER = 1


TOWN_KINDS = frozenset({"city", "district", "admin2", "admin3"})


def _town(place: Mention) -> bool:
    return place.value.get("kind") in TOWN_KINDS


def _inside(town: Mention, area: Mention) -> bool:
    t, a = town.value, area.value
    if a.get("kind") == "country":
        return t.get("iso2") == a.get("iso2")
    return bool(a.get("admin1")) and t.get("admin1") == a.get("admin1") and t.get("iso2") == a.get("iso2")


def _told_on(view: ArticleView, inc: Incident):
    """The sentences right after the incident's that only add detail to it (no count, no date,
    no cue of their own, no topic shift): where "ووقع الانفجار في سوق بمدينة جلال آباد" says where."""
    for nxt in range(inc.sentence + 1, inc.sentence + 1 + FINER_SENTENCES_AFTER):
        if (nxt >= len(view.doc.sentences) or view.in_sentence("casualty", nxt) or view.in_sentence("date", nxt)
                or view.hits_in_sentence(view.cues, nxt) or any(c.shift for c in view.clauses_in_sentence(nxt))
                or any(_other_type(t, inc) for t in view.in_sentence("trigger", nxt))):
            return
        yield nxt


def _other_type(trigger: Mention, inc: Incident) -> bool:
    """A trigger word of another event type ("clashes" after a bombing) tells another incident."""
    v = trigger.value
    event = T.event_type_of(v.get("sub_event_type"), v.get("event_type"))
    return event is not None and event != inc.event_type


def _after_dateline(view: ArticleView, inc: Incident, best: Mention) -> Mention | None:
    """"كابول - قتل 5 أشخاص في انفجار. ووقع الانفجار في مدينة جلال آباد": the dateline city is
    only where the report was filed; a place the next sentence gives is where it happened."""
    if not is_dateline(view, best):
        return None
    for nxt in _told_on(view, inc):
        found = [p for p in _incident_places(view, nxt) if not is_dateline(view, p)]
        if found:
            return _best(view, _domestic_first(view, found), inc)
    return None


def _finer_inside(view: ArticleView, inc: Incident, best: Mention, places: list[Mention]) -> Mention | None:
    """"قتل مسلحون 12 مزارعا في ولاية بورنو ... وقع الهجوم في قرية كوندوغا": the incident's clause
    names only its province, but its sentence (or the next one, with no incident of its own in
    view) names a town inside it - the town is where it happened."""
    if specificity(best) <= TOWN_LEVEL:
        return None
    other_clauses = {view.clause_of_mention(t) for t in view.in_sentence("trigger", inc.sentence)} - {inc.clause}
    towns = [p for p in places if _town(p) and _inside(p, best) and view.clause_of_mention(p) not in other_clauses]
    if towns:
        return _best(view, towns, inc)
    for nxt in _told_on(view, inc):
        towns = [p for p in _incident_places(view, nxt) if _town(p) and _inside(p, best)]
        if len(towns) == 1:
            return towns[0]
    return None


def _domestic_first(view: ArticleView, places: list[Mention]) -> list[Mention]:
    """Drop places in another country than the article's main one when the sentence also names
    a place in the main country: a lone foreign match is more often a geocoding slip ("Nur Shams camp"
    read as an Iranian town) than the incident place."""
    main = view.main_country
    if not main:
        return places
    domestic = [p for p in places if p.value.get("iso2") in (main, None)]
    return domestic or places


def _best(view: ArticleView, places: list[Mention], inc: Incident) -> Mention:
    ends = [view.tok_range(p)[1] for p in places]

    def secondary(p: Mention) -> bool:
        """"Y" in "X, east of Y": a reference for X, not the incident place."""
        if p.value.get("relation") not in ("direction", "distance"):
            return False
        a, _ = view.tok_range(p)
        return any(0 <= a - end <= DIRECTION_REACH for end in ends)

    def key(p: Mention) -> tuple:
        a, _ = view.tok_range(p)
        return (specificity(p), secondary(p), abs(a - inc.tok))

    return min(places, key=key)


def _shift_between(view: ArticleView, previous: Incident | None, inc: Incident) -> bool:
    lo = previous.clause + 1 if previous is not None else 0
    return any(c.shift for c in view.clauses[lo : inc.clause + 1])


# -- dates -----------------------------------------------------------------------------------


# Security operations (arrests, caches seized) are announced as results, without their day: the
# day of the announcement is not the day of the operation (ACLED precision 1 needs the latter).
ANNOUNCED_RESULTS = frozenset({T.ARRESTS, T.DISRUPTED})
ANNOUNCED_PRECISION = 2


def pick_date(view: ArticleView, inc: Incident, previous: Incident | None) -> DatePick:
    choice = _dates_helper(view, inc, previous)
    if choice is not None:
        if (inc.sub_event_type in ANNOUNCED_RESULTS and choice.mention is not None
                and choice.mention.value.get("reporting") and (choice.precision or 1) < ANNOUNCED_PRECISION):
            choice.precision = ANNOUNCED_PRECISION
        return choice
    dates = [d for d in view.in_sentence("date", inc.sentence)
             if d.value.get("date") and not d.value.get("background")]
    if dates:
        clause = [d for d in dates if view.clause_of_mention(d) == inc.clause]
        pool = clause or dates
        best = min(pool, key=lambda d: abs(view.tok_range(d)[0] - inc.tok))
        return DatePick(best.value["date"], best.value.get("precision"), best.confidence, best,
                        "clause" if clause else "sentence")
    if previous is not None and previous.date is not None and previous.date.date and not _shift_between(
        view, previous, inc
    ):
        d = previous.date
        return DatePick(d.date, d.precision, min(d.confidence, 0.6), d.mention, "discourse")
    published = (view.doc.meta.published or "")[:10]
    if len(published) == 10:
        return DatePick(published, 1, 0.3, None, "published")
    return DatePick(None, None, 0.0, None, "none")


def _dates_helper(view: ArticleView, inc: Incident, previous: Incident | None) -> DatePick | None:
    try:
        from rasd.extractors.dates.dating import date_for_span
    except ImportError:
        return None
    prev_choice = previous.extra.get("date_choice") if previous is not None else None
    try:
        choice = date_for_span(view.doc, inc.anchor.start, inc.anchor.end, previous=prev_choice)
    except Exception:  # a helper still being written must not break assembly
        return None
    if choice is None:
        return None
    inc.extra["date_choice"] = choice
    mention = getattr(choice, "mention", None)
    if mention is not None:
        sentence = view.sentence_of(mention)
        how = ("clause" if view.clause_of_mention(mention) == inc.clause else "sentence") \
            if sentence == inc.sentence else "discourse"
    else:
        how = "published" if getattr(choice, "date", None) else "none"
    return DatePick(choice.date, choice.precision, float(choice.confidence or 0.0), mention, how)


# -- sources, context, occasions ---------------------------------------------------------------


def _sources(view: ArticleView, inc: Incident) -> list[Mention]:
    return [s for sent in sorted(inc.sentences) for s in view.in_sentence("source", sent)]


def _context(view: ArticleView, inc: Incident) -> list[Hit]:
    out = []
    toks = [view.tok_range(t)[0] for t in inc.triggers] or [inc.tok]
    for hit in view.hits_in_sentence(view.context, inc.sentence):
        cue: ContextCue = hit.payload  # type: ignore[assignment]
        if min(abs(hit.tok_start - t) for t in toks) <= cue.window:
            out.append(hit)
    return out


def _occasions(view: ArticleView, inc: Incident) -> Hit | None:
    toks = [view.tok_range(t)[0] for t in inc.triggers] or [inc.tok]
    for hit in view.hits_in_sentence(view.occasions, inc.sentence):
        if view.clause_of_tok(hit.tok_start) == inc.clause or min(
            abs(hit.tok_start - t) for t in toks
        ) <= OCCASION_WINDOW:
            return hit
    return None


def _refine_type(inc: Incident) -> None:
    """Fill default sub-event types; remote violence delivered from the air is an air strike."""
    air = any(h.payload.effect == "air" for h in inc.context)  # type: ignore[attr-defined]
    seized = any(h.payload.effect == "seizure" and h.tok_end <= inc.tok for h in inc.context)  # type: ignore[attr-defined]
    if seized and inc.event_type == T.REMOTE:
        inc.event_type, inc.sub_event_type, inc.anchor_kind = T.STRATEGIC, T.DISRUPTED, "weak"
    if inc.event_type == T.REMOTE and air and inc.sub_event_type in (None, T.SHELLING):
        inc.sub_event_type = T.AIR_STRIKE
    if inc.sub_event_type is None:
        inc.sub_event_type = {
            T.BATTLES: T.ARMED_CLASH, T.REMOTE: T.AIR_STRIKE if air else T.SHELLING, T.VAC: T.ATTACK,
        }.get(inc.event_type or "")
    if inc.event_type is None and inc.casualties:
        from rasd.events.candidates import type_from_victims

        inc.event_type, inc.sub_event_type = type_from_victims(inc.casualties)
        inc.typed_by_victims = True


def mark_inclusive_tolls(view: ArticleView, incidents: list[Incident]) -> None:
    """"... and that the toll includes the attackers": the attackers' own count is not added."""
    marked = {view.sentence_of_tok(h.tok_start) for h in view.context
              if h.payload.effect == "includes_perpetrators"}  # type: ignore[attr-defined]
    for inc in incidents:
        if marked & (inc.sentences | {inc.sentence}):
            inc.extra["includes_perpetrators"] = True
