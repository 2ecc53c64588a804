"""The seed article's incidents, with the mentions the extractor stages are contracted to give.

The text here is written fresh in the seed's shape (not copied): a condemnation, a video
threat, a Derna clash and take-over, one shelling told twice, a week-long battle, and air
strikes "on two occasions".
"""

from __future__ import annotations

import pytest
from event_builder import DocBuilder, non_events


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    """These tests pin the rules' assembly and their own confidence; the statistical event filter
    that re-weighs it has tests of its own (tests/events/test_events_filter.py)."""
    monkeypatch.setenv("RASD_EVENT_FILTER", "off")

TEXT = (
    "ادانت الحكومة الليبية بشدة صمت المجتمع الدولي ازاء ما يجري في بنغازي، ودعت الى دعم الجيش. "
    "واشار البيان الى ان المدينة تقدم كل يوم قوافل من الشهداء. "
    "من جهة اخرى بث تنظيم داعش تسجيلا مصورا يقر فيه بخسارة مواقعه في درنة بعد معارك مع فصائل مسلحة، "
    "متوعدا بالانتقام من هذه الفصائل. "
    "وشهدت درنة خلال الاسابيع الماضية اشتباكات بين مجلس شورى درنة وعناصر داعش، "
    "وتمكن مقاتلو المجلس من طرد عناصر التنظيم من معظم احياء المدينة. "
    "كما قتل اربعة اشخاص واصيب 11 اخرون في قصف طال حيا سكنيا وسط بنغازي التي تعيش منذ اكثر من عام معارك "
    "بين الجيش وجماعات مسلحة. "
    "وقال مستشفى الهواري ان اربعة قتلى و11 جريحا وصلوا اليه ليل السبت جراء سقوط قذائف على شارع جمال عبد الناصر. "
    "وشهدت بنغازي الاسبوع الماضي معارك ضارية قتل فيها 9 اشخاص على الاقل واصيب العشرات، بينهم جنود. "
    "ونقلت وكالة الانباء الرسمية عن مصادر عسكرية ان سلاح الجو قصف في مناسبتين الاسبوع الماضي قاربين قرب بنغازي."
)


def seed_like():
    b = DocBuilder(TEXT, published="2015-06-30", doc_id="seedlike")
    b.place("بنغازي", "benghazi", 0).place("درنة", "derna", 0).place("درنة", "derna", 1)
    b.place("بنغازي", "benghazi", 1).place("بنغازي", "benghazi", 2)
    b.place("شارع جمال عبد الناصر", "benghazi", district="Gamal Abdel Nasser Street")
    b.place("قرب بنغازي", "benghazi", geo_precision=2, relation="near")
    b.actor("تنظيم داعش", "Islamic State (Libya)", 2).actor("مجلس شورى درنة", "Mujahideen Shura Council of Derna", 2)
    b.actor("عناصر داعش", "Islamic State (Libya)", 2)
    b.actor("سلاح الجو", "Military Forces of Libya (2014-) Air Force", 1)
    b.trigger("معارك", "Armed clash", 0).trigger("اشتباكات", "Armed clash")
    b.trigger("طرد", "Non-state actor overtakes territory").trigger("قصف", "Shelling/artillery/missile attack")
    b.trigger("معارك", "Armed clash", 1).trigger("قذائف", "Shelling/artillery/missile attack")
    b.trigger("معارك", "Armed clash", 2).trigger("قصف", "Shelling/artillery/missile attack", 1)
    b.casualty("قوافل من الشهداء", "killed", None)
    b.casualty("قتل اربعة اشخاص", "killed", 4, group="people").casualty("اصيب 11", "injured", 11)
    b.casualty("اربعة قتلى", "killed", 4).casualty("11 جريحا", "injured", 11)
    b.casualty("قتل فيها 9 اشخاص على الاقل", "killed", 9, qualifier="at_least", group="people")
    b.casualty("اصيب العشرات", "injured", None, qualifier="dozens")
    b.casualty("بينهم جنود", "injured", None, group="soldiers", subset=True)
    b.date("خلال الاسابيع الماضية", "2015-06-15", 3)
    b.date("منذ اكثر من عام", None, 3, background=True)
    b.date("ليل السبت", "2015-06-27", 1)
    b.date("الاسبوع الماضي", "2015-06-24", 2, 0).date("الاسبوع الماضي", "2015-06-24", 2, 1)
    b.source("مستشفى الهواري", "al-Hawari hospital", "hospital")
    b.source("وكالة الانباء الرسمية", "the official news agency").source("مصادر عسكرية", "military sources", "military")
    return b.run()


def test_seed_like_events():
    doc = seed_like()
    got = [(e.sub_event_type, e.location, e.event_date, e.fatalities, e.injured) for e in doc.events]
    assert got == [
        ("Armed clash", "Darnah", "2015-06-15", None, None),
        ("Non-state actor overtakes territory", "Darnah", "2015-06-15", None, None),
        ("Shelling/artillery/missile attack", "Benghazi", "2015-06-27", 4, 11),
        ("Armed clash", "Benghazi", "2015-06-24", 9, 12),
        ("Air/drone strike", "Benghazi", "2015-06-24", None, None),
        ("Air/drone strike", "Benghazi", "2015-06-24", None, None),
    ]


def test_seed_like_details():
    doc = seed_like()
    clash, takeover, shelling, battle, air1, air2 = doc.events
    assert (clash.actor1, clash.actor2, clash.interaction) == (
        "Mujahideen Shura Council of Derna", "Islamic State (Libya)", 22)
    assert takeover.actor1 == "Mujahideen Shura Council of Derna"
    assert shelling.civilian_targeting == "Civilian targeting"
    assert shelling.reported_by == "al-Hawari hospital"
    assert shelling.fatalities_qualifier == "exact"
    assert battle.fatalities_qualifier == "at_least" and battle.injured_qualifier == "dozens"
    assert battle.civilian_targeting is None
    assert air1.reported_by == "the official news agency citing military sources"
    assert air1.geo_precision == 2 and air1.actor1.startswith("Military Forces of Libya")
    assert air1.event_id != air2.event_id
    assert "occasion 1 of 2" in air1.notes
    for ev in doc.events:
        assert ev.confidence["event"] > 0.5
        for item in ev.evidence:
            assert doc.text[item.start:item.end] == item.text


def test_seed_like_non_events():
    reasons = {r for r, _ in non_events(seed_like())}
    assert {"video", "background"} <= reasons


CITED = ("sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities", "injured",
         "reported_by", "civilian_targeting")


def test_every_coded_value_has_evidence():
    for ev in seed_like().events:
        cited = {item.field for item in ev.evidence}
        for name in CITED:
            if getattr(ev, name) is not None:
                assert name in cited, (ev.sub_event_type, name)
                assert name in ev.confidence, (ev.sub_event_type, name)
