"""Concurrent tactics: several trigger words that tell one incident.

Triggers of one clause within a few tokens are one incident: the highest in the ACLED
hierarchy names it, a territorial change stays its own incident, and an explicit outcome
("without a fight", "intercepted", "mass grave") outranks the verb or weapon told with it. A
weak trigger joins the nearest strong trigger of its clause. Side developments told inside an
incident's sentence (property burnt, attackers caught, arrests at a protest, the fighting that
led to a take-over) are part of it.
"""

from __future__ import annotations

from rasd.events import types as T
from rasd.events.fatalities import is_incident_toll, point
from rasd.events.incident import Incident
from rasd.events.modality import Verdict
from rasd.events.view import ArticleView
from rasd.extractors.casualties.lexicon import casualty_lexicon

CONCURRENT_REACH = 8  # tokens between triggers told as one incident ("clashes and shelling")


def _absorb(into: Incident, other: Incident) -> None:
    into.triggers.extend(other.triggers)
    into.casualties.extend(other.casualties)
    if {into.event_type, other.sub_event_type} == {T.PROTESTS, T.LOOTING} or {
            into.sub_event_type, other.event_type} == {T.LOOTING, T.PROTESTS}:
        # demonstrators who set fire or smash property: a violent demonstration (ACLED)
        into.event_type, into.sub_event_type = T.RIOTS, T.VIOLENT_DEMONSTRATION
        into.anchor_kind = "strong"
        return
    if {into.sub_event_type, other.sub_event_type} == {"Peaceful protest", T.VIOLENT_DEMONSTRATION}:
        # "اشتباكات بين المحتجين وقوات الأمن": protesters in a clash are a violent demonstration
        into.event_type, into.sub_event_type = T.RIOTS, T.VIOLENT_DEMONSTRATION
        into.anchor_kind = "strong" if "strong" in (into.anchor_kind, other.anchor_kind) else into.anchor_kind
        return
    if other.anchor_kind == "strong" and into.anchor_kind == "weak" and into.event_type in (None, other.event_type):
        into.anchor_kind = "strong"  # a strong word settles what a weak or untyped word left open
    for override, beaten in ((T.NON_VIOLENT_TRANSFER, T.TERRITORIAL), (T.DISRUPTED, T.REMOTE_SUBS),
                             (T.OTHER, T.VAC_SUBS)):
        # "took the town without a fight", "intercepted a missile", "bodies found in a mass grave":
        # the explicit outcome outranks the verb or the weapon told with it
        pair = {into.sub_event_type, other.sub_event_type}
        if override == T.DISRUPTED and other.sub_event_type == T.DISRUPTED and into.sub_event_type != T.DISRUPTED:
            continue  # "an air strike on caches": the seized/intercepted word comes first ("intercepted a missile")
        if override in pair and pair - {override} <= beaten | {override}:
            into.event_type, into.sub_event_type = T.STRATEGIC, override
            into.anchor_kind = "strong" if "strong" in (into.anchor_kind, other.anchor_kind) else into.anchor_kind
            return
    if other.anchor_kind == "strong" and T.rank(other.event_type, other.sub_event_type) < T.rank(
        into.event_type, into.sub_event_type
    ):
        into.event_type, into.sub_event_type = other.event_type, other.sub_event_type
    if into.event_type is None:
        into.event_type, into.sub_event_type = other.event_type, other.sub_event_type


def group_concurrent(incidents: list[Incident], soft: dict[int, Verdict], gap=None, barrier=None) -> list[Incident]:
    """``gap(a, b)``: tokens between two token indices (default: plain distance); ``barrier(a, b)``:
    a clause start that no incident reaches across lies between them."""
    gap = gap or (lambda a, b: abs(a - b))
    barrier = barrier or (lambda a, b: False)
    out: list[Incident] = []
    in_clause: dict[int, list[Incident]] = {}  # hosts by clause: only a host of the same clause can take it in
    toks: dict[int, list[int]] = {}  # per host: the token of every trigger it took in (a chain of tactics)
    for inc in incidents:
        host = next(
            (o for o in in_clause.get(inc.clause, ())
             if min(gap(t, inc.tok) for t in toks[id(o)]) <= CONCURRENT_REACH
             and id(o) not in soft and id(inc) not in soft and _concurrent(o, inc)),
            None,
        )
        if host is None:
            out.append(inc)
            in_clause.setdefault(inc.clause, []).append(inc)
            toks[id(inc)] = [inc.tok]
        else:
            _absorb(host, inc)
            toks[id(host)].append(inc.tok)
    # weak triggers join the nearest strong incident of their sentence
    strong: dict[int, list[Incident]] = {}
    for i in out:
        if i.anchor_kind == "strong":
            strong.setdefault(i.sentence, []).append(i)
    result: list[Incident] = []
    for inc in out:
        if inc.anchor_kind == "weak":
            peers = [s for s in strong.get(inc.sentence, ())
                     if (s.clause == inc.clause or (gap(s.tok, inc.tok) <= CONCURRENT_REACH
                                                      and not barrier(s.tok, inc.tok)))]
            if peers:
                _absorb(min(peers, key=lambda s: abs(s.tok - inc.tok)), inc)
                continue
        result.append(inc)
    return result


def _concurrent(a: Incident, b: Incident) -> bool:
    if (a.sub_event_type in T.TERRITORIAL) != (b.sub_event_type in T.TERRITORIAL):
        return False
    return a.anchor_kind == b.anchor_kind == "strong" or "weak" in (a.anchor_kind, b.anchor_kind)




def _after_cue(view: ArticleView, inc: Incident) -> bool:
    return any(h.payload.effect == "aftermath" and 0 <= inc.tok - h.tok_end < h.payload.window
               for h in view.hits_in_sentence(view.context, inc.sentence))


def absorb_side_developments(view: ArticleView, incidents: list[Incident]) -> list[Incident]:
    """A strategic development told inside a violent incident's sentence (cars burnt, weapons
    taken during the attack) is part of that incident, not an event of its own; arrests at a
    protest make it a protest with intervention; a territorial change "without a fight" told in
    the sentence of a take-over is a non-violent transfer."""
    violent = [i for i in incidents if T.is_violent(i.event_type)
               or (i.event_type is None and i.anchor.value.get("disorder_type") == "Political violence")]
    protests = [i for i in incidents if i.event_type == T.PROTESTS]
    territorial = [i for i in incidents if i.sub_event_type in T.TERRITORIAL]
    out = []
    for inc in incidents:
        host = None
        if inc.sub_event_type == T.ARMED_CLASH and _after_cue(view, inc):
            # "took the town after days of fighting": the fighting is how the take-over happened
            host = next((t for t in territorial if t.sentence == inc.sentence), None)
            if host is not None:
                host.anchor_kind = "strong"  # the fighting confirms a take-over told with a weak word
        elif inc.sub_event_type == T.ARRESTS:
            host = next((p for p in protests if p.sentence == inc.sentence), None)
            if host is not None and host.sub_event_type == "Peaceful protest":
                host.sub_event_type = "Protest with intervention"
            if host is None:  # attackers caught during the attack; a raid that led to the killing
                caught = any(c.value.get("group") in ("attackers", "assailants", "gunmen") for c in inc.casualties)
                counted = any(c.value.get("type") == "arrested" for c in inc.casualties)
                host = next((v for v in violent if v is not inc and v.sentence == inc.sentence
                             and (v.clause == inc.clause or caught or not counted)), None)
        elif inc.sub_event_type == T.LOOTING and not _has_own_count(inc) and any(
                p.sentence == inc.sentence for p in protests):
            # arson or vandalism by demonstrators: the protest is a violent demonstration
            for protest in protests:
                if protest.sentence == inc.sentence:
                    protest.event_type, protest.sub_event_type = T.RIOTS, T.VIOLENT_DEMONSTRATION
                    host = host or protest
        elif inc.event_type == T.PROTESTS and any(
                r.event_type == T.RIOTS and r.sentence == inc.sentence for r in incidents if r is not inc):
            # the police dispersing the crowd that rioted: the intervention in that riot
            host = next(r for r in incidents if r is not inc and r.event_type == T.RIOTS and r.sentence == inc.sentence)
        elif inc.event_type == T.STRATEGIC and inc.sub_event_type not in T.STANDALONE_STRATEGIC \
                and not _has_own_count(inc):
            host = next((v for v in violent if v.sentence == inc.sentence and v is not inc), None)
            if (inc.sub_event_type == T.NON_VIOLENT_TRANSFER and inc.anchor_kind == "strong" and host is not None
                    and host.sub_event_type in T.TERRITORIAL):
                host.event_type, host.sub_event_type = T.STRATEGIC, T.NON_VIOLENT_TRANSFER
            if (inc.sub_event_type == T.OTHER and inc.anchor_kind == "strong" and host is not None
                    and (host.event_type in (T.VAC, None))):
                host.event_type, host.sub_event_type = T.STRATEGIC, T.OTHER  # a mass grave found
                host.anchor_kind, host.typed_by_victims = "strong", False
        if host is None:
            out.append(inc)
        else:
            host.triggers.extend(inc.triggers)
            host.casualties.extend(inc.casualties)
    return out


# Guard contexts flagged by the triggers stage -> non-event reasons (docs/mentions.md).


def _has_own_count(inc: Incident) -> bool:
    return any(is_incident_toll(c) and (point(c) or 0) > 0 for c in inc.casualties)


PROTEST_ARREST_REACH = 2  # sentences


def absorb_protest_arrests(incidents: list[Incident]) -> list[Incident]:
    """Arrests told without a place or day of their own in the sentences right after a protest
    ("... and they detained a photographer") are the intervention at that protest (ACLED: arrests
    at a protest make it a protest with intervention)."""
    out: list[Incident] = []
    for inc in incidents:
        host = None
        if inc.sub_event_type == T.ARRESTS and not inc.place_own and not inc.date_own:
            host = next((p for p in reversed(out) if p.event_type == T.PROTESTS
                         and 0 < inc.sentence - max(p.sentences | {p.sentence}) <= PROTEST_ARREST_REACH), None)
        if host is None:
            out.append(inc)
            continue
        if host.sub_event_type == "Peaceful protest":
            host.sub_event_type = "Protest with intervention"
        host.triggers.extend(inc.triggers)
        host.casualties.extend(inc.casualties)
        host.sentences |= inc.sentences | {inc.sentence}
    return out


ATTACKER_ARREST_REACH = 3  # sentences after the attack
ATTACKER_GROUPS = frozenset({"attackers", "assailants", "bombers"})
ARRESTED_WINDOW = 5  # tokens after the arrest word where the arrested are named
ARRESTED_LEADS = frozenset({"towards", "from", "quantity"})  # context effects: "على", "من", "أحد"، "عدد"
VIOLENT = frozenset({T.BATTLES, T.REMOTE, T.VAC})


def absorb_attacker_arrests(view: ArticleView, incidents: list[Incident]) -> list[Incident]:
    """The attacker himself caught, told in the sentences after the attack ("the police detained
    the attacker", "two of the attackers were arrested"), with no day of its own: part of that
    attack (ACLED codes the apprehension with it). Accomplices and suspects, or an arrest told with
    another day, stay events of their own."""
    out: list[Incident] = []
    for inc in incidents:
        if inc.sub_event_type == T.ARRESTS and _arrests_the_attacker(view, inc):
            host = next((p for p in reversed(out) if p.event_type in VIOLENT and _same_day(p, inc)
                         and 0 <= inc.sentence - max(p.sentences | {p.sentence}) <= ATTACKER_ARREST_REACH), None)
            if host is not None:
                host.sentences |= inc.sentences | {inc.sentence}
                continue
        out.append(inc)
    return out


def _same_day(attack: Incident, arrest: Incident) -> bool:
    if not arrest.date_own:
        return True
    return attack.date is not None and arrest.date is not None and attack.date.date == arrest.date.date


def _arrests_the_attacker(view: ArticleView, inc: Incident) -> bool:
    tokens = view.doc.tokens
    groups = casualty_lexicon().groups
    leads = _lead_tokens(view, inc.sentence)
    for trigger in inc.triggers:
        _, i = view.tok_range(trigger)
        stop = min(i + ARRESTED_WINDOW, len(tokens))
        # the object right after the word, past "على", a number and "من" ("على اثنين من المهاجمين");
        # "صديقا للمهاجم" (a friend of the attacker) is someone else
        while i < stop and (tokens[i].kind == "number" or i in leads):
            i += 1
        if i < stop and any(hit.payload.group in ATTACKER_GROUPS for hit in groups.match_at(tokens, i, stop)):
            return True
    return False


def _lead_tokens(view: ArticleView, sentence: int) -> set[int]:
    """Tokens of the words that may stand between an arrest word and the arrested: numbers
    (written in words too) and the prepositions and quantity words of ``context.tsv``."""
    spans = [view.tok_range(m) for m in view.in_sentence("number", sentence)]
    spans += [(h.tok_start, h.tok_end) for h in view.hits_in_sentence(view.context, sentence)
              if h.payload.effect in ARRESTED_LEADS]  # type: ignore[attr-defined]
    return {k for a, b in spans for k in range(a, b)}
