"""Cross-article fusion: which reports become one incident, and what the fused event says."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from rasd.fusion import Report, cluster, cluster_all, connected_component, pair_score, report_from_event

BASE = {
    "event_date": "2018-04-03",
    "time_precision": 1,
    "disorder_type": "Political violence",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Saudi Arabia (2015-)",
    "inter1": 8,
    "actor2": "Civilians (Yemen)",
    "inter2": 7,
    "country": "Yemen",
    "admin1": "Al Hudaydah",
    "location": "Hodeidah",
    "latitude": 14.7978,
    "longitude": 42.9545,
    "geo_precision": 1,
    "fatalities": 5,
    "injured": None,
    "confidence": {"event": 0.8},
}


def report(article: str, outlet: str = "A", published: str = "2018-04-03T10:00:00+00:00", n: int = 1, **fields):
    meta = {"id": article, "source": outlet, "url": f"https://{outlet}.example/{article}", "published": published}
    return report_from_event(meta, n, {**BASE, **fields})


def one_incident(reports: list[Report]) -> dict:
    fused = cluster(reports)
    assert len(fused) == 1, [[r.report_id for r in c.reports] for c in fused]
    return fused[0].fields


def test_two_outlets_one_strike_is_one_event_with_two_sources():
    fields = one_incident([report("a1", "SkyNews"), report("b1", "AlArabiya", latitude=14.80, longitude=42.95)])
    assert fields["source_count"] == 2
    assert fields["grading"] == "fair"
    assert fields["outlets"] == ["AlArabiya", "SkyNews"]


def test_air_strike_and_shelling_of_the_same_raid_merge():
    fields = one_incident([report("a1"), report("b1", "B", sub_event_type="Shelling/artillery/missile attack")])
    assert fields["sub_event_type"] in ("Air/drone strike", "Shelling/artillery/missile attack")


def test_rising_toll_takes_the_latest_figure_and_keeps_the_range():
    fields = one_incident(
        [report("a1", fatalities=5), report("a2", published="2018-04-04T08:00:00+00:00", fatalities=16)]
    )
    assert (fields["fatalities"], fields["fatalities_min"], fields["fatalities_max"]) == (16, 5, 16)


def test_conflicting_simultaneous_reports_take_the_lowest():
    fields = one_incident([report("a1", "A", fatalities=7), report("b1", "B", fatalities=9)])
    assert fields["fatalities"] == 7
    assert fields["fatalities_max"] == 9


def test_claim_next_day_fills_the_perpetrator_and_confirms():
    first = report("a1", actor1="Unidentified Armed Group (Yemen)", inter1=3)
    claim = report(
        "a2", "B", published="2018-04-04T09:00:00+00:00", actor1="Houthi Movement", claimed_by="Houthi Movement",
        sub_event_type="Shelling/artillery/missile attack",
    )
    fields = one_incident([first, claim])
    assert fields["actor1"] == "Houthi Movement"
    assert fields["grading"] == "confirmed"


def test_same_camp_eight_days_apart_stays_two_events():
    early = report("a1", event_date="2018-04-03")
    late = report("b1", "B", published="2018-04-11T10:00:00+00:00", event_date="2018-04-11")
    assert not pair_score(early, late).ok
    assert len(cluster([early, late])) == 2


def test_towns_far_apart_on_one_day_stay_apart():
    sanaa = report("b1", "B", location="Sanaa", latitude=15.3547, longitude=44.2067, admin1="Amanat al-Asimah")
    assert len(cluster([report("a1"), sanaa])) == 2


def test_two_events_of_one_article_are_never_fused():
    assert len(cluster([report("a1", n=1), report("a1", n=2)])) == 2


def test_different_named_perpetrators_lower_the_score_and_contest():
    a = report("a1", actor1="Islamic State (Iraq)", country="Iraq")
    b = report("b1", "B", actor1="Popular Mobilization Forces", country="Iraq")
    assert pair_score(a, b).parts["actor"] < 0


def test_unknown_country_is_never_fused():
    assert len(cluster([report("a1", country=None), report("b1", "B", country=None)])) == 2


def test_event_id_is_stable_when_a_later_report_joins():
    first = cluster([report("a1")])[0].event_id
    later = cluster([report("a1"), report("b1", "B", published="2018-04-03T18:00:00+00:00")])
    assert [c.event_id for c in later] == [first]


def _synthetic(count: int, seed: int) -> list[Report]:
    rng = random.Random(seed)
    towns = [(14.79, 42.95), (15.35, 44.20), (13.58, 44.02), (12.78, 45.03)]
    out = []
    for i in range(count):
        lat, lon = rng.choice(towns)
        day = date(2018, 4, 1) + timedelta(days=rng.randrange(20))
        out.append(
            report(
                f"art{i}",
                rng.choice("ABC"),
                published=f"{day + timedelta(days=rng.randrange(2))}T{rng.randrange(24):02d}:00:00+00:00",
                event_date=day.isoformat(),
                time_precision=rng.choice([1, 1, 1, 2]),
                latitude=lat + rng.uniform(-0.02, 0.02),
                longitude=lon,
                sub_event_type=rng.choice(["Air/drone strike", "Shelling/artillery/missile attack"]),
                fatalities=rng.choice([None, 2, 3, 10]),
            )
        )
    return out


def _incremental(reports: list[Report]) -> dict[str, frozenset[str]]:
    """Ingest one report at a time the way the store does: component of the new report, re-cluster it."""
    stored: list[Report] = []
    events: dict[str, frozenset[str]] = {}
    owner: dict[str, str] = {}

    def fetch(country, lo, hi):
        return [r for r in stored if r.country == country and r.day is not None and lo <= r.day <= hi]

    for new in reports:
        stored.append(new)
        component = connected_component([new], fetch)
        for r in component:
            events.pop(owner.get(r.report_id, ""), None)
        for fused in cluster(component):
            events[fused.event_id] = frozenset(r.report_id for r in fused.reports)
            for r in fused.reports:
                owner[r.report_id] = fused.event_id
    return events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_arrival_order_gives_the_same_events(seed):
    reports = _synthetic(60, seed)
    batch = {c.event_id: frozenset(r.report_id for r in c.reports) for c in cluster_all(reports)}
    shuffled = reports[:]
    random.Random(seed + 100).shuffle(shuffled)
    assert _incremental(reports) == batch
    assert _incremental(shuffled) == batch
    assert len(batch) < len(reports)  # some reports did merge


def _worded(article, outlet, *phrases, **fields):
    evidence = [{"field": f"f{k}", "start": k, "end": k + 1, "text": p} for k, p in enumerate(phrases)]
    return report(article, outlet, evidence=evidence, **fields)


def test_syndicated_copies_of_one_wire_count_once():
    wire = ("غارة جوية", "مقتل خمسة", "سوق المدينة")
    fields = one_incident([_worded("a1", "SkyNews", *wire), _worded("b1", "AlArabiya", *wire)])
    assert fields["source_count"] == 2 and fields["independent_sources"] == 1
    assert fields["grading"] == "weak"


def test_two_outlets_in_their_own_words_are_independent():
    fields = one_incident([
        _worded("a1", "SkyNews", "غارة جوية", "مقتل خمسة"),
        _worded("b1", "AlArabiya", "قصف جوي", "خمسة قتلى"),
    ])
    assert fields["independent_sources"] == 2 and fields["grading"] == "fair"


def test_a_day_apart_needs_stronger_evidence_than_the_same_day():
    today = report("a1", "A", fatalities=4, sub_event_type="Armed clash", event_type="Battles")
    tomorrow_other = report("b1", "B", published="2018-04-04T10:00:00+00:00", event_date="2018-04-04",
                            fatalities=9, sub_event_type="Attack", event_type="Violence against civilians",
                            actor1=None)
    tomorrow_same = report("c1", "C", published="2018-04-04T10:00:00+00:00", event_date="2018-04-04",
                           fatalities=4, sub_event_type="Armed clash", event_type="Battles")
    assert not pair_score(today, tomorrow_other).ok  # a town's next incident, not a retelling
    assert pair_score(today, tomorrow_same).ok  # "last night" / "yesterday": one incident
