"""Event assembly on hand-built documents: grouping, merging, slots, roles, copies."""

from __future__ import annotations

from event_builder import DocBuilder, non_events

from rasd.events.actors import interaction


def test_retelling_in_the_next_sentence_is_one_event() -> None:
    text = ("قتل ثمانية مدنيين في غارة جوية على بلدة سراقب بريف إدلب اليوم الثلاثاء. "
            "وقال المرصد السوري لحقوق الإنسان إن الغارة أدت إلى مقتل ثمانية مدنيين بينهم ثلاثة أطفال.")
    b = DocBuilder(text, published="2018-02-06")
    b.trigger("غارة جوية", "Air/drone strike").trigger("الغارة", "Air/drone strike")
    b.casualty("قتل ثمانية مدنيين", "killed", 8, group="civilians")
    b.casualty("مقتل ثمانية مدنيين", "killed", 8, group="civilians")
    b.casualty("بينهم ثلاثة أطفال", "killed", 3, group="children", subset=True)
    b.place("سراقب", "idlib", name="Saraqib", geonameid=163345)
    b.date("اليوم الثلاثاء", "2018-02-06")
    b.source("المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights", "observatory")
    doc = b.run()
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert (ev.sub_event_type, ev.fatalities, ev.location, ev.event_date) == ("Air/drone strike", 8, "Saraqib",
                                                                               "2018-02-06")
    assert ev.civilian_targeting == "Civilian targeting"
    assert ev.reported_by == "Syrian Observatory for Human Rights"
    assert {v.group for v in ev.victims} == {"civilians", "children"}
    assert ev.actor2 == "Civilians (Syria)" and ev.inter2 == 7


def test_distinct_places_are_distinct_events() -> None:
    text = ("قتل ثلاثة جنود في هجوم على حاجز أمني في العريش، "
            "فيما قتل مدنيان في انفجار عبوة ناسفة في مدينة الشيخ زويد.")
    b = DocBuilder(text)
    b.trigger("هجوم", None, strength="weak", event_type=None)
    b.trigger("عبوة ناسفة", "Remote explosive/landmine/IED")
    b.casualty("قتل ثلاثة جنود", "killed", 3, group="soldiers").casualty("قتل مدنيان", "killed", 2, group="civilians")
    b.place("العريش", "el_arish").place("الشيخ زويد", "el_arish", name="Sheikh Zuweid", geonameid=349114)
    doc = b.run()
    got = [(e.sub_event_type, e.location, e.fatalities) for e in doc.events]
    assert got == [("Armed clash", "Al Arish", 3), ("Remote explosive/landmine/IED", "Sheikh Zuweid", 2)]


def test_distinct_days_are_distinct_events() -> None:
    text = ("قصفت قوات الحوثيين حي الروضة في مدينة تعز يوم الأحد ما أدى إلى مقتل امرأة. "
            "وتجدد القصف على الحي نفسه يوم الثلاثاء وقتل طفلان.")
    b = DocBuilder(text, published="2018-04-11")
    b.trigger("قصفت", "Shelling/artillery/missile attack").trigger("القصف", "Shelling/artillery/missile attack")
    b.actor("قوات الحوثيين", "Ansar Allah", 2)
    b.place("حي الروضة", "taiz", district="al-Rawdah")
    b.date("يوم الأحد", "2018-04-08").date("يوم الثلاثاء", "2018-04-10")
    b.casualty("مقتل امرأة", "killed", 1, group="women").casualty("قتل طفلان", "killed", 2, group="children")
    doc = b.run()
    assert [(e.event_date, e.fatalities) for e in doc.events] == [("2018-04-08", 1), ("2018-04-10", 2)]
    assert doc.events[0].actor1 == "Ansar Allah" and doc.events[0].interaction == 27
    assert doc.events[1].location == "Taizz"  # the place carries over through the discourse


def test_between_x_and_y() -> None:
    text = "واندلعت اشتباكات عنيفة بين الجيش الصومالي ومقاتلي حركة الشباب في بلدة قرب مقديشو."
    b = DocBuilder(text)
    b.trigger("اشتباكات", "Armed clash")
    b.actor("الجيش الصومالي", "Military Forces of Somalia (2017-)", 1)
    b.actor("حركة الشباب", "Al Shabaab", 2)
    b.place("قرب مقديشو", "mogadishu", geo_precision=2, relation="near")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2, ev.interaction) == ("Military Forces of Somalia (2017-)", "Al Shabaab", 12)
    assert ev.civilian_targeting is None


def test_perpetrator_and_target_markers() -> None:
    text = "وقتل 12 قرويا في هجوم شنه مسلحون من جماعة بوكو حرام على قرية قرب مايدوغوري."
    b = DocBuilder(text)
    b.trigger("هجوم", None, strength="weak")
    b.casualty("قتل 12 قرويا", "killed", 12, group="civilians")
    b.actor("جماعة بوكو حرام", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2)
    b.place("قرب مايدوغوري", "maiduguri", geo_precision=2, relation="near")
    ev = b.run().events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.actor1.startswith("Boko Haram") and ev.actor2 == "Civilians (Nigeria)"
    assert ev.interaction == 27 and ev.civilian_targeting == "Civilian targeting"


def test_concurrent_tactics_take_the_higher_type() -> None:
    text = "ودارت معارك ضارية تخللها قصف مدفعي متبادل في ضواحي مدينة نيالا أمس."
    b = DocBuilder(text)
    b.trigger("معارك", "Armed clash").trigger("قصف مدفعي", "Shelling/artillery/missile attack")
    b.place("مدينة نيالا", "nyala", geo_precision=2, relation="outskirts")
    b.date("أمس", "2018-03-13")
    doc = b.run()
    assert [e.sub_event_type for e in doc.events] == ["Armed clash"]
    assert len([x for x in doc.events[0].evidence if x.field == "sub_event_type"]) == 2


def test_counts_in_the_next_sentence_continue_the_incident() -> None:
    text = ("فجر انتحاري نفسه وسط تجمع لمجندين في العاصمة الأفغانية كابول صباح اليوم. "
            "وأسفر ذلك عن سقوط 14 قتيلا و22 جريحا بحسب وزارة الداخلية.")
    b = DocBuilder(text)
    b.trigger("فجر انتحاري نفسه", "Suicide bomb")
    b.place("كابول", "kabul").date("صباح اليوم", "2018-03-14")
    b.casualty("14 قتيلا", "killed", 14).casualty("22 جريحا", "injured", 22)
    b.source("وزارة الداخلية", "Ministry of Interior", "ministry")
    doc = b.run()
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert (ev.fatalities, ev.injured, ev.reported_by) == (14, 22, "Ministry of Interior")


def test_casualties_without_trigger_found_an_incident(monkeypatch) -> None:
    # the rules' own confidence (the shipped event filter re-weighs it from real articles)
    monkeypatch.setenv("RASD_EVENT_FILTER", "off")
    text = "قتل ثلاثة جنود ماليين وأصيب اثنان آخران قرب مدينة غاو شمالي البلاد أمس."
    b = DocBuilder(text)
    b.casualty("قتل ثلاثة جنود", "killed", 3, group="soldiers").casualty("أصيب اثنان", "injured", 2)
    b.place("قرب مدينة غاو", "gao", geo_precision=2, relation="near").date("أمس", "2018-03-13")
    doc = b.run()
    assert [(e.sub_event_type, e.fatalities, e.injured) for e in doc.events] == [("Armed clash", 3, 2)]
    assert doc.events[0].confidence["event"] < 0.8


def test_aggregate_tolls_are_not_events() -> None:
    text = "وقتل أكثر من 350 ألف شخص منذ اندلاع النزاع في سوريا عام 2011."
    b = DocBuilder(text)
    b.casualty("قتل أكثر من 350 ألف شخص", "killed", 350001, qualifier="more_than", aggregate=True)
    doc = b.run()
    assert doc.events == []
    assert [r for r, _ in non_events(doc)] == ["aggregate"]


def test_reference_places_are_never_incident_places() -> None:
    text = "وقتل خمسة أشخاص في قصف على درنة الواقعة على بعد 1200 كلم شرق طرابلس."
    b = DocBuilder(text)
    b.trigger("قصف", "Shelling/artillery/missile attack").casualty("قتل خمسة أشخاص", "killed", 5, group="people")
    b.place("طرابلس", "tripoli", is_reference=True).place("درنة", "derna")
    assert b.run().events[0].location == "Darnah"


def test_no_specifics_no_event() -> None:
    text = "وطالب الأهالي بالابتعاد عن مناطق الاشتباكات حفاظا على حياتهم."
    b = DocBuilder(text)
    b.trigger("الاشتباكات", "Armed clash")
    assert b.run().events == []


def test_event_ids_are_deterministic_and_evidence_points_into_text() -> None:
    text = "وقتل شرطيان في هجوم بعبوة ناسفة على دورية في الموصل يوم الجمعة."
    b1, b2 = DocBuilder(text, doc_id=None), DocBuilder(text, doc_id=None)
    for b in (b1, b2):
        b.trigger("عبوة ناسفة", "Remote explosive/landmine/IED").casualty("قتل شرطيان", "killed", 2, group="police")
        b.place("الموصل", "mosul").date("يوم الجمعة", "2018-03-09")
    d1, d2 = b1.run(), b2.run()
    assert d1.events[0].event_id == d2.events[0].event_id
    for item in d1.events[0].evidence:
        assert d1.text[item.start:item.end] == item.text
    fields = {item.field for item in d1.events[0].evidence}
    assert {"sub_event_type", "fatalities", "location", "event_date"} <= fields


def test_interaction_codes() -> None:
    assert interaction(2, 1) == 12
    assert interaction(1, None) == 10
    assert interaction(None, 7) == 70
    assert interaction(3, 7) == 37
    assert interaction(None, None) is None


def test_minimal_document_without_metadata() -> None:
    text = "وقتل ثلاثة جنود في هجوم على حاجز أمني في الموصل."
    b = DocBuilder(text, published=None, source=None, doc_id=None)
    b.trigger("هجوم", None, strength="weak").casualty("قتل ثلاثة جنود", "killed", 3, group="soldiers")
    b.place("الموصل", "mosul")
    doc = b.run()
    assert [(e.sub_event_type, e.event_date, e.source) for e in doc.events] == [("Armed clash", None, None)]
    assert doc.events[0].event_id.endswith("-1")


def test_document_without_candidates_is_left_alone() -> None:
    doc = DocBuilder("وافتتح الوزير معرضا للكتاب في العاصمة اليوم.").run()
    assert doc.events == [] and doc.mentions_of("non_event") == []
