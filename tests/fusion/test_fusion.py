"""Cross-article fusion: which reports become one incident, and what the fused event says."""

from __future__ import annotations

from rasd.fusion import Report, cluster, pair_score, report_from_event

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
    assert len(cluster([today, tomorrow_other])) == 2
    assert len(cluster([today, tomorrow_same])) == 1


def test_protesters_shot_told_as_a_protest_and_as_an_attack_can_be_one_incident():
    protest = report("a1", event_type="Protests", sub_event_type="Excessive force against protesters",
                     actor1="Military Forces of Israel (2009-)", fatalities=7)
    shooting = report("b1", "B", event_type="Violence against civilians", sub_event_type="Attack",
                      actor1="Military Forces of Israel (2009-)", fatalities=7)
    assert pair_score(protest, shooting).ok
    assert pair_score(protest, shooting).parts["type"] == 0.0


def test_a_peaceful_protest_and_an_air_strike_in_one_town_stay_apart():
    protest = report("a1", event_type="Protests", sub_event_type="Peaceful protest", actor1=None, fatalities=None)
    assert not pair_score(protest, report("b1", "B")).compatible
    crowd = report("c1", event_type="Protests", sub_event_type="Protest with intervention", actor1=None)
    assert not pair_score(crowd, report("d1", "B")).compatible  # an air strike is not force used on a crowd


def test_a_report_placed_only_in_its_country_neither_confirms_nor_contradicts_the_place():
    placed = report("a1", fatalities=None, actor1=None)
    country_only = report("b1", "B", location="Yemen", admin1=None, latitude=15.5, longitude=47.5,
                          geo_precision=3, fatalities=None, actor1=None)
    same_town = report("c1", "C", fatalities=None, actor1=None)
    assert 0 < pair_score(placed, country_only).parts["place"] < pair_score(placed, same_town).parts["place"]


def test_a_day_read_off_the_publication_date_is_no_sign_of_another_day():
    from rasd.fusion.compat import next_day

    said = [{"field": "event_date", "start": 0, "end": 4, "text": "أمس"}]
    told = report("a1", "A", event_date="2018-04-03", event_type="Violence against civilians",
                  sub_event_type="Attack", actor1=None, fatalities=None, evidence=said)
    later = "2018-04-04T10:00:00+00:00"
    told_next = report("b1", "B", published=later, event_date="2018-04-04", evidence=said)
    untold_next = report("c1", "C", published=later, event_date="2018-04-04", evidence=[])
    assert next_day(told, told_next)
    assert not next_day(told, untold_next)
    assert pair_score(told, untold_next).score == pair_score(told, told_next).score
    assert pair_score(told, untold_next).ok and not pair_score(told, told_next).ok
