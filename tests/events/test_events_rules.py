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


def test_excessive_force_protesters_first() -> None:
    text = "وقتل متظاهر برصاص حي خلال احتجاجات في أم درمان اليوم."
    b = DocBuilder(text)
    b.trigger("احتجاجات", "Excessive force against protesters")
    b.casualty("قتل متظاهر", "killed", 1, group="protesters").date("اليوم", "2018-03-14")
    b.place("أم درمان", "nyala", name="Omdurman", geonameid=365137)
    ev = b.run().events[0]
    # a protest event (ACLED, eval/dev/README.md): the protesters are actor1, the force actor2
    assert ev.actor1 == "Protesters (Sudan)" and ev.actor2.startswith("Police Forces of Sudan")


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


def test_running_war_toll_never_becomes_the_incident_toll() -> None:
    text = ("وقتل ستة مدنيين في قصف على مدينة غزة فجر اليوم. "
            "وأعلنت وزارة الصحة ارتفاع حصيلة الحرب منذ أشهر إلى 30120 قتيلا.")
    b = DocBuilder(text)
    b.trigger("قصف", SHELL).casualty("قتل ستة مدنيين", "killed", 6, group="civilians")
    b.casualty("30120 قتيلا", "killed", 30120, update=True)
    b.place("مدينة غزة", "gaza").date("فجر اليوم", "2018-03-14")
    doc = b.run()
    assert [e.fatalities for e in doc.events] == [6]
    assert "aggregate" in [r for r, _ in non_events(doc)]


def test_attackers_caught_during_the_attack_are_not_a_separate_arrest() -> None:
    text = "وقتلت قوات الأمن ثلاثة من المهاجمين واعتقلت رابعا بعد هجوم على فندق في مقديشو مساء أمس."
    b = DocBuilder(text)
    b.trigger("هجوم", None, strength="weak")
    b.add("trigger", "اعتقلت", {"key": "arrest", "event_type": "Strategic developments",
                                "sub_event_type": "Arrests", "strength": "strong"})
    b.casualty("وقتلت قوات الأمن ثلاثة من المهاجمين", "killed", 3, group="attackers")
    b.casualty("اعتقلت رابعا", "arrested", 1, group="attackers")
    b.place("مقديشو", "mogadishu").date("مساء أمس", "2018-03-13")
    assert [e.sub_event_type for e in b.run().events] == ["Armed clash"]


def test_lone_foreign_place_match_gives_way_to_the_article_country() -> None:
    text = ("قتل ثلاثة فلسطينيين في غارة إسرائيلية على مدينة جنين اليوم. "
            "وفي طولكرم، أصيب شاب في قصف على مخيم نور شمس مساء أمس.")
    b = DocBuilder(text)
    b.trigger("غارة", "Air/drone strike").trigger("قصف", SHELL)
    b.casualty("قتل ثلاثة فلسطينيين", "killed", 3, group="civilians").casualty("أصيب شاب", "injured", 1)
    jenin = dict(name="Jenin", geonameid=283506, iso2="PS", country="Palestine", iso=275)
    b.place("مدينة جنين", "gaza", **jenin).place("طولكرم", "gaza", name="Tulkarm", geonameid=281577)
    b.place("نور", "kabul", name="Nur", geonameid=113797, iso2="IR", country="Iran", iso=364)
    b.date("اليوم", "2018-03-14").date("مساء أمس", "2018-03-13")
    assert [e.location for e in b.run().events] == ["Jenin", "Tulkarm"]


def test_country_wide_mention_without_a_toll_is_not_an_incident() -> None:
    text = "وقال الوزير إن القتال في السودان أمس الخميس كشف هشاشة الهدنة."
    b = DocBuilder(text)
    b.trigger("القتال", "Armed clash").country("السودان", "Sudan", 729, "SD").date("أمس الخميس", "2018-03-08")
    assert b.run().events == []


def test_claim_of_responsibility_names_the_perpetrator() -> None:
    text = ("قتل سبعة أشخاص في انفجار سيارة مفخخة في سوق بمقديشو صباح اليوم. "
            "وتبنت حركة الشباب التفجير في بيان على موقع تابع لها.")
    b = DocBuilder(text)
    b.trigger("سيارة مفخخة", "Remote explosive/landmine/IED").trigger("التفجير", "Remote explosive/landmine/IED")
    b.casualty("قتل سبعة أشخاص", "killed", 7, group="people")
    b.place("بمقديشو", "mogadishu").date("صباح اليوم", "2018-03-14").actor("حركة الشباب", "Al Shabaab", 2)
    doc = b.run()
    assert [(e.actor1, e.actor2) for e in doc.events] == [("Al Shabaab", "Civilians (Somalia)")]
    assert "claim" in [r for r, _ in non_events(doc)]


def test_accusation_does_not_name_the_perpetrator() -> None:
    text = ("قتل ستة أشخاص في انفجار سيارة مفخخة في سوق بمدينة اعزاز أمس. "
            "واتهم الجيش الوطني وحدات حماية الشعب بالوقوف وراء التفجير.")
    b = DocBuilder(text)
    b.trigger("سيارة مفخخة", "Remote explosive/landmine/IED").trigger("التفجير", "Remote explosive/landmine/IED")
    b.casualty("قتل ستة أشخاص", "killed", 6, group="people")
    b.place("اعزاز", "aleppo", name="Azaz", geonameid=172082).date("أمس", "2018-03-13")
    b.actor("وحدات حماية الشعب", "YPG: People's Protection Units", 2)
    doc = b.run()
    assert [e.actor1 for e in doc.events] == ["Unidentified Armed Group (Syria)"]


def test_territory_taken_by_state_forces_is_regained() -> None:
    text = "وسيطرت قوات الجيش اليمني على مواقع استراتيجية في مديرية باقم صباح اليوم."
    b = DocBuilder(text)
    b.trigger("سيطرت", "Non-state actor overtakes territory").actor("قوات الجيش اليمني", "Military Forces of Yemen", 1)
    b.place("مديرية باقم", "taiz", name="Baqim", geonameid=1).date("صباح اليوم", "2018-03-14")
    assert [e.sub_event_type for e in b.run().events] == ["Government regains territory"]


def test_territory_taken_by_a_rebel_group_is_overtaken() -> None:
    text = "وحررت قوات الدعم السريع مدينة سنجة بالكامل اليوم."
    b = DocBuilder(text)
    b.trigger("وحررت", "Government regains territory").actor("قوات الدعم السريع", "Rapid Support Forces", 2)
    b.place("مدينة سنجة", "nyala", name="Singa", geonameid=2).date("اليوم", "2018-03-14")
    assert [e.sub_event_type for e in b.run().events] == ["Non-state actor overtakes territory"]


def test_same_toll_told_with_other_words_is_one_event() -> None:
    text = ("مقتل 9 عناصر من الحرس الثوري في قصف على مطار عسكري وسط سوريا\n"
            "قتل 9 عناصر من الحرس الثوري الإيراني في غارات جوية استهدفت مطار التيفور العسكري فجر اليوم.")
    b = DocBuilder(text)
    b.trigger("قصف", SHELL).trigger("غارات جوية", "Air/drone strike")
    b.casualty("مقتل 9 عناصر", "killed", 9, group="fighters").casualty("قتل 9 عناصر", "killed", 9, 1, group="fighters")
    b.country("سوريا", "Syria", 760, "SY").place("مطار التيفور", "aleppo", name="Tiyas airbase", geo_precision=2)
    b.date("فجر اليوم", "2018-03-14")
    events = b.run().events
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [("Air/drone strike", "Tiyas airbase", 9)]


def test_battle_with_one_side_in_its_clause_takes_the_other_from_its_sentence() -> None:
    text = "وأعلنت قوات الدعم السريع، اليوم، أن معارك عنيفة دارت في حي الحلفايا بمدينة بحري."
    b = DocBuilder(text)
    b.trigger("معارك", "Armed clash").actor("قوات الدعم السريع", "Rapid Support Forces", 2)
    b.add("actor", "أن", {"name": "Military Forces of Sudan (2019-)", "key": "state_military", "inter": 1,
                          "generic": True, "kind": "state", "country": "SD"})
    b.place("بمدينة بحري", "nyala", name="Bahri", geonameid=3).date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert {ev.actor1, ev.actor2} == {"Rapid Support Forces", "Military Forces of Sudan (2019-)"}


def test_residents_are_no_party_to_a_transfer_of_territory() -> None:
    text = "ودخل مقاتلو حركة الشباب بلدة واجد دون قتال اليوم بعد انسحاب القوات الإثيوبية، واستقبلهم السكان."
    b = DocBuilder(text)
    b.add("trigger", "دون قتال", {"key": "without_fighting", "event_type": "Strategic developments",
                                 "sub_event_type": "Non-violent transfer of territory", "strength": "strong"})
    b.actor("حركة الشباب", "Al Shabaab", 2)
    b.add("actor", "السكان", {"name": "Civilians (Somalia)", "key": "residents", "inter": 7, "generic": True,
                              "kind": "civilians", "country": "SO"})
    b.place("بلدة واجد", "mogadishu", name="Waajid", geonameid=4).date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert ev.actor1 == "Al Shabaab" and ev.actor2 is None


def test_fighting_that_led_to_a_take_over_is_part_of_it() -> None:
    text = "وسيطرت حركة طالبان أمس على مدينة قندوز بعد معارك عنيفة مع القوات الحكومية استمرت أياما."
    b = DocBuilder(text)
    b.trigger("وسيطرت", "Non-state actor overtakes territory").trigger("معارك", "Armed clash")
    b.actor("حركة طالبان", "Taliban", 2).actor("القوات الحكومية", "Military Forces of Afghanistan", 1)
    b.place("مدينة قندوز", "kabul", name="Kunduz", geonameid=1135689).date("أمس", "2018-03-13")
    assert [e.sub_event_type for e in b.run().events] == ["Non-state actor overtakes territory"]


def test_fighting_told_as_its_own_clause_stays_an_event() -> None:
    text = ("وشهدت بلدة هجين اشتباكات عنيفة بين قسد وداعش أمس، "
            "وتمكنت قسد من طرد عناصر التنظيم من البلدة.")
    b = DocBuilder(text)
    b.trigger("اشتباكات", "Armed clash").trigger("طرد", "Non-state actor overtakes territory")
    b.actor("قسد", "SDF", 2, 0).actor("داعش", "Islamic State (Syria)", 2).actor("قسد", "SDF", 2, 1)
    b.place("بلدة هجين", "aleppo", name="Hajin", geonameid=174506).date("أمس", "2018-03-13")
    assert [e.sub_event_type for e in b.run().events] == ["Armed clash", "Non-state actor overtakes territory"]


def test_weapons_found_on_the_arrested_are_part_of_the_arrest() -> None:
    text = ("واعتقلت الشرطة أربعة مطلوبين في مدينة غاو اليوم. "
            "وضبطت القوة بحوزة الموقوفين عبوات ناسفة وأسلحة خفيفة خلال المداهمة فجر اليوم.")
    b = DocBuilder(text)
    b.add("trigger", "اعتقلت", {"key": "arrest", "event_type": "Strategic developments",
                                "sub_event_type": "Arrests", "strength": "strong"})
    b.trigger("عبوات ناسفة", "Remote explosive/landmine/IED")
    b.place("مدينة غاو", "gao").date("اليوم", "2018-03-14").date("فجر اليوم", "2018-03-14")
    assert [e.sub_event_type for e in b.run().events] == ["Arrests"]


def test_bodies_found_in_a_mass_grave_are_a_discovery_not_an_attack() -> None:
    text = "وانتشلت فرق البحث أمس ست جثث مجهولة الهوية من مقبرة جماعية في بلدة قرب الموصل."
    b = DocBuilder(text)
    b.add("trigger", "جثث مجهولة الهوية", {"key": "bodies_found", "strength": "weak",
                                           "default_sub_event_type": "Attack"})
    b.add("trigger", "مقبرة جماعية", {"key": "mass_grave", "event_type": "Strategic developments",
                                      "sub_event_type": "Other", "strength": "strong"})
    b.casualty("ست جثث", "killed", 6)
    b.place("الموصل", "mosul", relation="near", geo_precision=2).date("أمس", "2018-03-13")
    assert [e.sub_event_type for e in b.run().events] == ["Other"]


def test_detail_sentence_names_the_weapon_more_precisely() -> None:
    text = ("قتل 18 شخصا على الأقل في تفجيرات استهدفت سوقا في بلدة غوزا صباح اليوم. "
            "وقال شهود إن امرأة فجرت نفسها وسط المتسوقين.")
    b = DocBuilder(text)
    b.trigger("تفجيرات", "Remote explosive/landmine/IED").trigger("فجرت نفسها", "Suicide bomb")
    b.casualty("قتل 18 شخصا على الأقل", "killed", 18, qualifier="at_least", group="people")
    b.place("بلدة غوزا", "maiduguri", name="Gwoza", geonameid=2339354).date("صباح اليوم", "2018-03-14")
    events = b.run().events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Suicide bomb", 18)]


def test_arrests_with_no_arresting_force_named_are_by_the_police() -> None:
    text = "وتم القبض على ثلاثة عناصر من داعش في مدينة الموصل اليوم."
    b = DocBuilder(text)
    b.add("trigger", "القبض على", {"key": "apprehend", "event_type": "Strategic developments",
                                   "sub_event_type": "Arrests", "strength": "strong"})
    b.actor("داعش", "Islamic State (Iraq)", 2).place("مدينة الموصل", "mosul").date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == ("Police Forces of Iraq (2014-)", "Islamic State (Iraq)")


def test_place_someone_withdrew_towards_is_not_the_incident_place() -> None:
    text = ("قتل ثلاثة من عناصر الحشد في هجوم لداعش على نقطة قرب طوز خورماتو ليل الأحد. "
            "ودارت اشتباكات استمرت ساعة قبل انسحاب المهاجمين نحو جبال حمرين.")
    b = DocBuilder(text)
    b.trigger("هجوم", None, strength="weak").trigger("اشتباكات", "Armed clash")
    b.casualty("قتل ثلاثة من عناصر الحشد", "killed", 3, group="fighters")
    b.place("طوز خورماتو", "mosul", name="Tuz Khurmatu", geonameid=5, relation="near", geo_precision=2)
    b.place("جبال حمرين", "mosul", name="Hamrin Mountains", kind="natural", geonameid=6)
    b.date("ليل الأحد", "2018-03-11")
    events = b.run().events
    assert [(e.sub_event_type, e.location) for e in events] == [("Armed clash", "Tuz Khurmatu")]


def test_differing_reports_from_the_same_town_are_one_event() -> None:
    text = ("قتل 15 مدنيا على الأقل في قصف على سوق مدينة الفاشر صباح اليوم. "
            "وقالت وزارة الصحة إن حصيلة القصف على الفاشر بلغت 18 قتيلا.")
    b = DocBuilder(text)
    b.trigger("قصف", SHELL).trigger("القصف", SHELL)
    b.casualty("قتل 15 مدنيا على الأقل", "killed", 15, qualifier="at_least", group="civilians")
    b.casualty("18 قتيلا", "killed", 18)
    b.place("مدينة الفاشر", "nyala", name="El Fasher", geonameid=7).place("الفاشر", "nyala", 1, name="El Fasher",
                                                                           geonameid=7)
    b.date("صباح اليوم", "2018-03-14")
    events = b.run().events
    assert [(e.fatalities, e.fatalities_max) for e in events] == [(15, 18)]
    assert "reports differ" in events[0].notes


def test_headline_toll_retold_in_the_body_is_one_event() -> None:
    text = ("مقتل 12 جنديا في هجوم لحركة الشباب في الصومال\n"
            "أعلن مسؤول عسكري أن هجوما شنته حركة الشباب على قاعدة في بلدة جوهر صباح اليوم أسفر عن مقتل "
            "12 جنديا. وأضاف أن المهاجمين استخدموا سيارة مفخخة قبل اقتحام القاعدة.")
    b = DocBuilder(text)
    b.trigger("هجوم", None, 0, strength="weak").trigger("هجوما", None, strength="weak")
    b.casualty("مقتل 12 جنديا", "killed", 12, group="soldiers").casualty("مقتل 12 جنديا", "killed", 12, 1,
                                                                         group="soldiers")
    b.country("الصومال", "Somalia", 706, "SO").place("بلدة جوهر", "mogadishu", name="Jawhar", geonameid=57060)
    b.date("صباح اليوم", "2018-03-14")
    events = b.run().events
    assert [(e.location, e.fatalities) for e in events] == [("Jawhar", 12)]


def test_group_named_among_the_dead_of_a_strike_is_its_target() -> None:
    text = "وأعلنت القيادة مقتل أربعة من عناصر داعش بضربة جوية على أوكار للتنظيم جنوب كركوك اليوم."
    b = DocBuilder(text)
    b.trigger("ضربة جوية", "Air/drone strike").casualty("مقتل أربعة من عناصر", "killed", 4, group="militants")
    b.actor("داعش", "Islamic State (Iraq)", 2).place("كركوك", "mosul", name="Kirkuk", relation="direction",
                                                   geo_precision=2).date("اليوم", "2018-03-14")
    ev = b.run().events[0]
    assert (ev.actor1, ev.actor2) == (None, "Islamic State (Iraq)")
