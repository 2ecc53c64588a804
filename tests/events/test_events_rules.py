"""One test (or more) per assembly rule, each with sentences written for it."""

from __future__ import annotations

from event_builder import DocBuilder, non_events

from rasd.events.attach import is_dateline
from rasd.events.view import build_view

SHELL = "Shelling/artillery/missile attack"


def test_interception_is_disrupted_weapons_use_not_an_explosion() -> None:
    text = "واعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلق باتجاه مدينة جازان صباح اليوم."
    b = DocBuilder(text)
    b.add("trigger", "اعترضت الدفاعات", {"key": "intercept", "event_type": "Strategic developments",
                                          "sub_event_type": "Disrupted weapons use", "strength": "strong"})
    b.trigger("صاروخا باليستيا", SHELL).place("مدينة جازان", "taiz", name="Jizan", geonameid=105299)
    b.date("صباح اليوم", "2018-03-14")
    assert [e.sub_event_type for e in b.run().events] == ["Disrupted weapons use"]


def test_seized_explosives_are_not_an_explosion() -> None:
    text = "وضبطت قوات الأمن بحوزة الموقوفين أحزمة ناسفة وأسلحة خفيفة في مدينة العريش أمس."
    b = DocBuilder(text)
    b.trigger("أحزمة ناسفة", "Suicide bomb").place("مدينة العريش", "el_arish").date("أمس", "2018-03-13")
    assert [e.sub_event_type for e in b.run().events] == ["Disrupted weapons use"]


def test_taken_without_a_fight_is_non_violent_transfer() -> None:
    text = "وسيطرت حركة الشباب على بلدة محاس دون قتال بعد انسحاب القوات الإثيوبية منها أمس."
    b = DocBuilder(text)
    b.trigger("سيطرت", "Non-state actor overtakes territory")
    b.add("trigger", "دون قتال", {"key": "without_fighting", "event_type": "Strategic developments",
                                 "sub_event_type": "Non-violent transfer of territory", "strength": "strong"})
    b.actor("حركة الشباب", "Al Shabaab", 2).place("بلدة محاس", "mogadishu", name="Mahas").date("أمس", "2018-03-13")
    assert [e.sub_event_type for e in b.run().events] == ["Non-violent transfer of territory"]


def test_incident_dated_long_before_publication_is_background() -> None:
    text = "وكان تنظيم داعش قد شن في أكتوبر 2016 هجوما على مدينة كركوك قتل فيه 40 شخصا."
    b = DocBuilder(text, published="2018-03-14")
    b.trigger("هجوما", None, strength="weak").casualty("قتل فيه 40 شخصا", "killed", 40, group="people")
    b.date("أكتوبر 2016", "2016-10-15", 3).place("مدينة كركوك", "mosul", name="Kirkuk")
    doc = b.run()
    assert doc.events == [] and [r for r, _ in non_events(doc)] == ["background"]


def test_future_dated_incident_is_future() -> None:
    text = "وتعتزم القوات المشتركة إطلاق عملية عسكرية واسعة في ريف الحديدة في نيسان."
    b = DocBuilder(text, published="2018-03-14")
    b.trigger("عملية عسكرية", "Armed clash").date("في نيسان", "2018-04-15", 3, future=True)
    assert b.run().events == []


def test_attackers_killed_in_a_later_sentence_add_to_the_toll() -> None:
    text = ("قتل ستة جنود نيجيريين في هجوم على قاعدة عسكرية قرب مايدوغوري فجر اليوم. "
            "وأضاف المصدر أن الجنود اشتبكوا مع المهاجمين وقتلوا أربعة منهم.")
    b = DocBuilder(text)
    b.trigger("هجوم", None, strength="weak").trigger("اشتبكوا", "Armed clash")
    b.casualty("قتل ستة جنود", "killed", 6, group="soldiers").casualty("قتلوا أربعة منهم", "killed", 4,
                                                                       group="attackers")
    b.place("قرب مايدوغوري", "maiduguri", geo_precision=2, relation="near").date("فجر اليوم", "2018-03-14")
    events = b.run().events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 10)]


def test_vague_retelling_does_not_split_or_lower_the_toll() -> None:
    text = ("قتل تسعة عناصر من الشرطة في هجوم على حاجز في الموصل مساء أمس. "
            "وأكدت وزارة الداخلية في بيان أن عددا من عناصرها قتلوا في الهجوم على الحاجز في الموصل أمس.")
    b = DocBuilder(text)
    b.trigger("هجوم", None, strength="weak").trigger("الهجوم", None, strength="weak")
    b.casualty("قتل تسعة عناصر", "killed", 9, group="police").casualty("عددا من عناصرها قتلوا", "killed", 3,
                                                                         qualifier="some", group="police")
    b.place("الموصل", "mosul", 0).place("الموصل", "mosul", 1)
    b.date("مساء أمس", "2018-03-13").date("أمس", "2018-03-13", 1, 1)
    events = b.run().events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 9)]


def test_killed_protesters_mean_excessive_force() -> None:
    text = "ولقي متظاهران مصرعهما برصاص قوات الأمن في أم درمان اليوم."
    b = DocBuilder(text)
    b.casualty("لقي متظاهران مصرعهما", "killed", 2, group="protesters")
    b.place("أم درمان", "nyala", name="Omdurman", geonameid=365137).date("اليوم", "2018-03-14")
    assert [e.sub_event_type for e in b.run().events] == ["Excessive force against protesters"]


def test_clashes_between_crowds_are_riots() -> None:
    text = "واندلعت مواجهات بين محتجين من الطرفين في وسط مدينة كركوك أمس."
    b = DocBuilder(text)
    b.trigger("مواجهات", "Armed clash").actor("محتجين", "Protesters (Iraq)", 6, kind="protesters")
    b.place("مدينة كركوك", "mosul", name="Kirkuk").date("أمس", "2018-03-13")
    ev = b.run().events[0]
    assert (ev.event_type, ev.sub_event_type, ev.actor1, ev.actor2, ev.interaction) == (
        "Riots", "Mob violence", "Rioters (Iraq)", "Rioters (Iraq)", 55)


def test_dateline_place_is_not_the_incident_place() -> None:
    text = "مقديشو - وكالات: قتل أربعة مدنيين في انفجار عبوة ناسفة في مدينة جوهر اليوم."
    b = DocBuilder(text)
    b.place("مقديشو", "mogadishu").place("مدينة جوهر", "mogadishu", name="Jawhar", geonameid=57060)
    b.trigger("عبوة ناسفة", "Remote explosive/landmine/IED").casualty("قتل أربعة مدنيين", "killed", 4,
                                                                      group="civilians")
    doc = b.run()
    assert doc.events[0].location == "Jawhar"
    view = build_view(doc)
    assert is_dateline(view, doc.mentions_of("place")[0])


def test_east_of_reference_place_is_not_the_incident_place() -> None:
    text = "وقتل راعيان في انفجار لغم أرضي في بلدة الحمام شرقي الموصل."
    b = DocBuilder(text)
    b.trigger("انفجار لغم", "Remote explosive/landmine/IED").casualty("قتل راعيان", "killed", 2, group="civilians")
    b.place("بلدة الحمام", "mosul", name="Hammam al-Alil", geonameid=1, geo_precision=2)
    b.place("الموصل", "mosul", relation="direction", geo_precision=2)
    assert b.run().events[0].location == "Hammam al-Alil"


def test_property_destruction_during_an_attack_is_part_of_it() -> None:
    text = "وقتل مسلحون ثلاثة مزارعين وأحرقوا منازلهم في قرية قرب غاو أمس."
    b = DocBuilder(text)
    b.casualty("وقتل مسلحون ثلاثة مزارعين", "killed", 3, group="civilians")
    b.add("trigger", "أحرقوا", {"key": "arson", "event_type": "Strategic developments",
                                "sub_event_type": "Looting/property destruction", "strength": "weak"})
    b.place("قرب غاو", "gao", geo_precision=2, relation="near").date("أمس", "2018-03-13")
    assert [e.sub_event_type for e in b.run().events] == ["Attack"]


def test_deaths_do_not_attach_to_an_arrest() -> None:
    text = "واعتقلت الشرطة خمسة مشتبهين في بلدة قرب كابول، بينما قتل مسلحون شرطيين في بلدة أخرى أمس."
    b = DocBuilder(text)
    b.add("trigger", "اعتقلت", {"key": "arrest", "event_type": "Strategic developments",
                                "sub_event_type": "Arrests", "strength": "strong"})
    b.casualty("قتل مسلحون شرطيين", "killed", 2, group="police").casualty("خمسة مشتبهين", "arrested", 5)
    b.place("كابول", "kabul", relation="near", geo_precision=2).date("أمس", "2018-03-13")
    events = b.run().events
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].fatalities is None
    assert any(e.fatalities == 2 for e in events)


def test_generic_gunmen_named_by_the_next_actor() -> None:
    text = "واندلعت اشتباكات بين مسلحين ينتمون إلى حركة الشباب وقوات الجيش الصومالي في بلدة قرب مقديشو أمس."
    b = DocBuilder(text)
    b.trigger("اشتباكات", "Armed clash")
    b.add("actor", "مسلحين", {"name": "Unidentified Armed Group (Somalia)", "key": "unidentified_armed_group",
                              "inter": 3, "country": "SO", "generic": True, "kind": "militia"})
    b.actor("حركة الشباب", "Al Shabaab", 2).actor("قوات الجيش الصومالي", "Military Forces of Somalia (2017-)", 1)
    b.place("مقديشو", "mogadishu", relation="near", geo_precision=2).date("أمس", "2018-03-13")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == ("Al Shabaab", "Military Forces of Somalia (2017-)")


def test_expelled_side_takes_the_other_side_from_the_clash_before() -> None:
    text = ("ودارت اشتباكات عنيفة بين الجيش الليبي وعناصر داعش في مدينة سرت أمس، "
            "وتمكنت القوات من طرد عناصر داعش من وسط المدينة.")
    b = DocBuilder(text)
    b.trigger("اشتباكات", "Armed clash").trigger("طرد", "Government regains territory")
    b.actor("الجيش الليبي", "Military Forces of Libya (2014-)", 1).actor("عناصر داعش", "Islamic State (Libya)", 2, 0)
    b.actor("عناصر داعش", "Islamic State (Libya)", 2, 1)
    b.place("مدينة سرت", "tripoli", name="Sirte", geonameid=2210554).date("أمس", "2018-03-13")
    _clash, regain = b.run().events
    assert (regain.sub_event_type, regain.actor1, regain.actor2) == (
        "Government regains territory", "Military Forces of Libya (2014-)", "Islamic State (Libya)")


def test_elaboration_without_own_place_or_date_is_the_same_event() -> None:
    text = ("تظاهر مئات السودانيين في مدينة نيالا اليوم احتجاجا على غلاء الأسعار. "
            "ورفع المتظاهرون لافتات تطالب برحيل الحكومة، وقال أحد منظمي الاحتجاج إنه سيستمر.")
    b = DocBuilder(text)
    b.trigger("تظاهر", "Peaceful protest").trigger("الاحتجاج", "Peaceful protest")
    b.place("مدينة نيالا", "nyala").date("اليوم", "2018-03-14")
    assert len(b.run().events) == 1


def test_running_total_inside_a_background_period_is_not_an_incident() -> None:
    text = "وأعلنت الشرطة أن حملتها منذ بداية العام أسفرت عن توقيف 85 مطلوبا في بغداد."
    b = DocBuilder(text)
    b.add("trigger", "توقيف", {"key": "detain", "event_type": "Strategic developments",
                               "sub_event_type": "Arrests", "strength": "weak"})
    b.casualty("توقيف 85 مطلوبا", "arrested", 85)
    b.place("بغداد", "mosul", name="Baghdad", geonameid=98182)
    assert b.run().events == []


def test_incident_with_only_aggregate_counts_is_a_non_event() -> None:
    text = "وتسببت الألغام في مقتل أكثر من ألف شخص في المحافظة منذ عام 2015."
    b = DocBuilder(text)
    b.trigger("الألغام", "Remote explosive/landmine/IED")
    b.casualty("مقتل أكثر من ألف شخص", "killed", 1001, qualifier="more_than", aggregate=True)
    doc = b.run()
    assert doc.events == [] and "aggregate" in [r for r, _ in non_events(doc)]


def test_one_report_of_protests_in_two_towns_is_two_events() -> None:
    text = "وشهدت مدينتا عطبرة وكسلا تظاهرات حاشدة اليوم للمطالبة بالحكم المدني."
    b = DocBuilder(text)
    b.trigger("تظاهرات", "Peaceful protest").date("اليوم", "2018-03-14")
    b.place("عطبرة", "nyala", name="Atbara", geonameid=379555).place("كسلا", "nyala", name="Kassala", geonameid=372753)
    assert [e.location for e in b.run().events] == ["Atbara", "Kassala"]


def test_a_town_and_its_country_are_not_two_events() -> None:
    text = "وشهدت مدينة عطبرة في السودان تظاهرات حاشدة اليوم."
    b = DocBuilder(text)
    b.trigger("تظاهرات", "Peaceful protest").date("اليوم", "2018-03-14")
    b.place("مدينة عطبرة", "nyala", name="Atbara", geonameid=379555).country("السودان", "Sudan", 729, "SD")
    assert [e.location for e in b.run().events] == ["Atbara"]


def test_counts_in_a_disaster_article_are_not_incidents() -> None:
    text = ("ضربت سيول جارفة ولاية كسلا شرقي السودان أمس. "
            "وقالت السلطات المحلية إن 23 شخصا لقوا حتفهم بينما تهدمت مئات المنازل.")
    b = DocBuilder(text)
    b.casualty("23 شخصا لقوا حتفهم", "killed", 23, group="people")
    b.actor("السلطات المحلية", "Government of Sudan", 1)
    doc = b.run()
    assert doc.events == [] and [r for r, _ in non_events(doc)] == ["disaster"]


def test_arrests_at_a_protest_make_it_a_protest_with_intervention() -> None:
    text = "وتظاهر مئات الطلاب في وسط العاصمة اليوم، واعتقلت الشرطة عددا منهم."
    b = DocBuilder(text)
    b.trigger("تظاهر", "Peaceful protest").place("العاصمة", "kabul").date("اليوم", "2018-03-14")
    b.add("trigger", "اعتقلت", {"key": "arrest", "event_type": "Strategic developments",
                                "sub_event_type": "Arrests", "strength": "strong"})
    events = b.run().events
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Protest with intervention", "Protesters (Afghanistan)")]


def test_generic_attack_on_an_armed_side_is_a_clash() -> None:
    text = "وهاجم مسلحون من حركة الشباب قاعدة للجيش الصومالي في بلدة قرب مقديشو فجر اليوم."
    b = DocBuilder(text)
    b.trigger("هاجم", None, strength="weak")
    b.actor("حركة الشباب", "Al Shabaab", 2).actor("جيش الصومالي", "Military Forces of Somalia (2017-)", 1)
    b.place("مقديشو", "mogadishu", relation="near", geo_precision=2).date("فجر اليوم", "2018-03-14", nth=0)
    ev = b.run().events[0]
    assert (ev.sub_event_type, ev.actor1) == ("Armed clash", "Al Shabaab")
    assert ev.actor2 == "Military Forces of Somalia (2017-)"


def test_generic_attack_by_an_armed_group_on_nobody_armed_is_an_attack() -> None:
    text = "وهاجم مسلحون من بوكو حرام قرية قرب مايدوغوري فجر اليوم وأحرقوا عشرات المنازل."
    b = DocBuilder(text)
    b.trigger("هاجم", None, strength="weak")
    b.actor("بوكو حرام", "Boko Haram", 2)
    b.place("قرب مايدوغوري", "maiduguri", relation="near", geo_precision=2).date("فجر اليوم", "2018-03-14")
    assert [e.sub_event_type for e in b.run().events] == ["Attack"]


def test_bomb_with_no_perpetrator_named_is_an_unidentified_armed_group() -> None:
    text = "وانفجرت عبوة ناسفة بسيارة مدنية في الموصل اليوم ما أدى إلى مقتل ثلاثة مدنيين."
    b = DocBuilder(text)
    b.trigger("عبوة ناسفة", "Remote explosive/landmine/IED").casualty("مقتل ثلاثة مدنيين", "killed", 3,
                                                                      group="civilians")
    b.place("الموصل", "mosul").date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2, ev.interaction) == ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)", 37)


def test_war_scale_toll_without_a_date_is_aggregate() -> None:
    text = "وتتحدث أنقرة عن مجازر متبادلة أوقعت مئات آلاف القتلى في الأناضول."
    b = DocBuilder(text)
    b.trigger("مجازر", "Attack").casualty("مئات آلاف القتلى", "killed", 100000, qualifier="hundreds")
    doc = b.run()
    assert doc.events == [] and [r for r, _ in non_events(doc)] == ["aggregate"]


def test_large_toll_with_its_own_date_stays_an_incident() -> None:
    text = "وقتل أكثر من ألف وخمسمئة شخص في هجوم بالغازات السامة على بلدة قرب دمشق أمس."
    b = DocBuilder(text)
    b.trigger("الغازات السامة", "Attack")
    b.casualty("قتل أكثر من ألف وخمسمئة شخص", "killed", 1501, qualifier="more_than", group="people")
    b.date("أمس", "2018-03-13").place("دمشق", "aleppo", name="Damascus", geonameid=170654, relation="near")
    assert [e.fatalities for e in b.run().events] == [1501]


def test_group_named_after_the_weapon_is_its_target() -> None:
    text = "وشنت طائرات مسيرة غارات على مواقع لحركة الشباب قرب بلدة جلب أمس."
    b = DocBuilder(text)
    b.trigger("غارات", "Air/drone strike").actor("حركة الشباب", "Al Shabaab", 2)
    b.place("بلدة جلب", "mogadishu", name="Jilib", relation="near", geo_precision=2).date("أمس", "2018-03-13")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == (None, "Al Shabaab")


def test_subject_right_after_the_verb_stays_the_perpetrator() -> None:
    text = "وقصفت قوات الدعم السريع أحياء في مدينة نيالا أمس."
    b = DocBuilder(text)
    b.trigger("وقصفت", "Shelling/artillery/missile attack").actor("قوات الدعم السريع", "Rapid Support Forces", 2)
    b.place("مدينة نيالا", "nyala").date("أمس", "2018-03-13")
    assert b.run().events[0].actor1 == "Rapid Support Forces"


def test_arrests_state_arrests_the_others() -> None:
    text = "وأعلنت الشرطة العراقية القبض على ثلاثة عناصر من داعش في الموصل اليوم."
    b = DocBuilder(text)
    b.add("trigger", "القبض على", {"key": "apprehend", "event_type": "Strategic developments",
                                   "sub_event_type": "Arrests", "strength": "strong"})
    b.actor("داعش", "Islamic State (Iraq)", 2).actor("الشرطة العراقية", "Police Forces of Iraq (2014-)", 1)
    b.place("الموصل", "mosul").date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == ("Police Forces of Iraq (2014-)", "Islamic State (Iraq)")


def test_state_forces_at_a_bombing_are_its_target() -> None:
    text = "وأصيب جنديان من الجيش الصومالي بانفجار عبوة ناسفة في مقديشو اليوم."
    b = DocBuilder(text)
    b.trigger("عبوة ناسفة", "Remote explosive/landmine/IED").actor("الجيش الصومالي", "Military Forces of Somalia", 1)
    b.casualty("أصيب جنديان", "injured", 2, group="soldiers").place("مقديشو", "mogadishu").date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Somalia)", "Military Forces of Somalia")


def test_excessive_force_state_on_protesters() -> None:
    text = "وقتل متظاهر برصاص حي خلال احتجاجات في أم درمان اليوم."
    b = DocBuilder(text)
    b.trigger("احتجاجات", "Excessive force against protesters")
    b.casualty("قتل متظاهر", "killed", 1, group="protesters").date("اليوم", "2018-03-14")
    b.place("أم درمان", "nyala", name="Omdurman", geonameid=365137)
    ev = b.run().events[0]
    assert ev.actor1.startswith("Police Forces of Sudan") and ev.actor2 == "Protesters (Sudan)"


def test_peaceful_protest_has_no_second_side() -> None:
    text = "وتظاهر المئات في وسط الخرطوم اليوم دون أي احتكاك مع الشرطة."
    b = DocBuilder(text)
    b.trigger("تظاهر", "Peaceful protest").actor("الشرطة", "Police Forces of Sudan (2019-)", 1)
    b.place("الخرطوم", "nyala", name="Khartoum", geonameid=379252).date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == ("Protesters (Sudan)", None)


def test_protest_with_intervention_implies_police() -> None:
    text = "وفرقت قوات الأمن بالغاز المسيل للدموع تظاهرة للخريجين في بغداد اليوم."
    b = DocBuilder(text)
    b.add("trigger", "بالغاز المسيل للدموع", {"key": "tear_gas", "event_type": "Protests",
                                                "sub_event_type": "Protest with intervention", "strength": "strong"})
    b.place("بغداد", "mosul", name="Baghdad", geonameid=98182).date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == ("Protesters (Iraq)", "Police Forces of Iraq (2014-)")


def test_violence_against_civilians_puts_civilians_second() -> None:
    text = "واختطف مسلحون من عصابة إجرامية عشرة قرويين قرب مايدوغوري بحضور الشرطة أمس."
    b = DocBuilder(text)
    b.trigger("اختطف", "Abduction/forced disappearance")
    b.add("actor", "الشرطة", {"name": "Police Forces of Nigeria", "key": "police", "inter": 1, "generic": True,
                              "kind": "state", "country": "NG"})
    b.add("actor", "مسلحون", {"name": "Unidentified Armed Group (Nigeria)", "key": "unidentified_armed_group",
                              "inter": 3, "generic": True, "kind": "militia", "country": "NG"})
    b.casualty("عشرة قرويين", "abducted", 10, group="civilians")
    b.place("قرب مايدوغوري", "maiduguri", relation="near", geo_precision=2).date("أمس", "2018-03-13")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


def test_bomb_victims_named_only_as_people_are_civilians() -> None:
    text = "وقتل خمسة أشخاص في تفجير انتحاري في مدينة مايدوغوري صباح اليوم."
    b = DocBuilder(text)
    b.trigger("تفجير انتحاري", "Suicide bomb").casualty("قتل خمسة أشخاص", "killed", 5, group="people")
    b.place("مدينة مايدوغوري", "maiduguri").date("صباح اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert ev.civilian_targeting == "Civilian targeting" and ev.actor2 == "Civilians (Nigeria)"
