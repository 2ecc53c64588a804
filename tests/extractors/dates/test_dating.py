"""Event dating over whole articles: clause, sentence, discourse and publication rules."""

from __future__ import annotations

import pytest

from rasd.extractors.dates import DateChoice, date_for_span

ARTICLE_YEMEN = (
    "صنعاء - قال مسؤولون محليون إن غارة جوية استهدفت سوقا في محافظة صعدة صباح أمس الأحد، "
    "ما أسفر عن مقتل تسعة مدنيين. "
    "وأضاف المسؤولون أن من بين القتلى ثلاثة أطفال. "
    "وكانت اشتباكات قد اندلعت الأسبوع الماضي في مديرية حيدان، وقتل فيها ستة مسلحين الخميس. "
    "وتشهد البلاد حربا منذ أكثر من ثلاث سنوات."
)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def test_clause_date_governs(dated) -> None:
    doc = dated(ARTICLE_YEMEN, "2018-04-16T08:00:00+03:00")  # Monday
    choice = date_for_span(doc, *span(ARTICLE_YEMEN, "غارة جوية"))
    assert (choice.date, choice.precision, choice.how) == ("2018-04-15", 1, "clause")
    assert choice.mention is not None and choice.mention.value["part_of_day"] == "morning"


def test_later_sentence_without_date_takes_previous_incident(dated) -> None:
    doc = dated(ARTICLE_YEMEN, "2018-04-16T08:00:00+03:00")
    first = date_for_span(doc, *span(ARTICLE_YEMEN, "غارة جوية"))
    detail = date_for_span(doc, *span(ARTICLE_YEMEN, "ثلاثة أطفال"), previous=first)
    assert (detail.date, detail.how) == ("2018-04-15", "discourse")
    assert detail.confidence < first.confidence


def test_each_clause_keeps_its_own_date(dated) -> None:
    doc = dated(ARTICLE_YEMEN, "2018-04-16T08:00:00+03:00")
    clash = date_for_span(doc, *span(ARTICLE_YEMEN, "اشتباكات"))
    assert (clash.date, clash.precision, clash.how) == ("2018-04-10", 2, "clause")
    killed = date_for_span(doc, *span(ARTICLE_YEMEN, "ستة مسلحين"))
    assert (killed.date, killed.precision, killed.how) == ("2018-04-12", 1, "clause")


def test_background_is_never_an_incident_date(dated) -> None:
    doc = dated(ARTICLE_YEMEN, "2018-04-16T08:00:00+03:00")
    choice = date_for_span(doc, *span(ARTICLE_YEMEN, "حربا"))
    assert choice.how == "discourse" and choice.mention is not None
    assert not choice.mention.value["background"]
    text = "وتشهد البلاد حربا منذ أكثر من ثلاث سنوات."
    doc = dated(text, "2018-04-16")
    alone = date_for_span(doc, *span(text, "حربا"))
    assert (alone.how, alone.date, alone.precision) == ("publication", "2018-04-16", 2)
    assert alone.confidence <= 0.3


ARTICLE_NIGERIA = (
    "قتل 15 شخصا على الأقل في هجوم شنه مسلحون على قرية في ولاية بورنو شمال شرق نيجيريا. "
    "وقال سكان إن المهاجمين وصلوا على دراجات نارية ليل السبت وأحرقوا عشرات المنازل. "
    "ويعتزم الجيش إرسال تعزيزات إلى المنطقة الأسبوع المقبل."
)


def test_incident_dated_later_in_article_sentence_rule(dated) -> None:
    doc = dated(ARTICLE_NIGERIA, "2018-06-11")  # Monday
    arrival = date_for_span(doc, *span(ARTICLE_NIGERIA, "وصلوا"))
    assert (arrival.date, arrival.how) == ("2018-06-09", "clause")
    # The lead sentence has no date and nothing before it: the publication day, precision 2 (the
    # day of the incident itself is not known, only that it happened by then).
    lead = date_for_span(doc, *span(ARTICLE_NIGERIA, "هجوم"))
    assert (lead.date, lead.how, lead.precision) == ("2018-06-11", "publication", 2)


def test_future_expression_never_dates_an_incident(dated) -> None:
    doc = dated(ARTICLE_NIGERIA, "2018-06-11")
    choice = date_for_span(doc, *span(ARTICLE_NIGERIA, "تعزيزات"))
    assert choice.mention is None or not choice.mention.value["future"]
    futures = [m for m in doc.mentions if m.kind == "date" and m.value["future"]]
    assert futures and futures[0].value["key"] == "next_week"


ARTICLE_SINAI = (
    "أعلن الجيش المصري الثلاثاء مقتل عشرة مسلحين في مداهمات بشمال سيناء، "
    "فيما قتل ضابط وجندي في انفجار عبوة ناسفة مساء الأحد قرب العريش."
)


def test_clause_split_by_connector(dated) -> None:
    doc = dated(ARTICLE_SINAI, "2018-02-13T15:00:00+02:00")  # Tuesday
    raid = date_for_span(doc, *span(ARTICLE_SINAI, "مداهمات"))
    assert (raid.date, raid.how) == ("2018-02-13", "clause")
    blast = date_for_span(doc, *span(ARTICLE_SINAI, "انفجار"))
    assert (blast.date, blast.how) == ("2018-02-11", "clause")


def test_no_publication_date_means_unknown(dated) -> None:
    doc = dated(ARTICLE_SINAI)
    blast = date_for_span(doc, *span(ARTICLE_SINAI, "انفجار"))
    assert blast.date is None and blast.how == "clause"
    assert blast.mention is not None and blast.mention.value["reason"]
    text = "قتل ثلاثة أشخاص في هجوم على حاجز أمني في مدينة كركوك."
    doc = dated(text)
    choice = date_for_span(doc, 0, 10)
    assert choice == DateChoice(None, None, 0.0, None, "none")


ARTICLE_IRAQ = (
    "الموصل - 12 تموز 2017 (رويترز) - قتل أربعة من عناصر الشرطة أمس الثلاثاء في هجوم انتحاري "
    "غرب الموصل. وأصيب ستة آخرون بجروح."
)


def test_dateline_gives_the_publication_day(dated) -> None:
    doc = dated(ARTICLE_IRAQ)
    attack = date_for_span(doc, *span(ARTICLE_IRAQ, "هجوم انتحاري"))
    assert (attack.date, attack.precision, attack.how) == ("2017-07-11", 1, "clause")
    datelines = [m for m in doc.mentions if m.kind == "date" and m.value.get("dateline")]
    assert len(datelines) == 1 and datelines[0].value["date"] == "2017-07-12"


@pytest.mark.parametrize(
    ("text", "published", "needle", "expected"),
    [
        ("سقطت قذيفة على منزل في حي الشجاعية بغزة ليل الجمعة، ما أدى إلى إصابة طفلين.",
         "2018-07-15", "قذيفة", ("2018-07-13", 1)),
        ("وشهدت مدينة كيدال خلال الأسابيع الماضية هجمات متكررة على دوريات حفظ السلام.",
         "2018-03-28", "هجمات", ("2018-03-15", 3)),
        ("قتل مدنيان بنيران قناصة في مدينة تعز مطلع الشهر الجاري، وفق مصادر طبية.",
         "2018-09-20", "قناصة", ("2018-09-01", 3)),
        ("اختطف مسلحون مجهولون ثلاثة عمال إغاثة في إقليم دارفور قبل يومين.",
         "2018-01-10T09:00:00+03:00", "اختطف", ("2018-01-08", 1)),
    ],
)
def test_single_sentence_incidents(dated, text, published, needle, expected) -> None:
    doc = dated(text, published)
    choice = date_for_span(doc, *span(text, needle))
    assert (choice.date, choice.precision) == expected


def test_weekday_corrects_a_mistyped_year(dated) -> None:
    text = "قال مسؤول في وزارة الصحة العراقية، الأحد 14 يناير 2017، إن ثلاثة أشخاص قتلوا في تفجير ببغداد."
    doc = dated(text, "2018-01-14T12:00:00+03:00")  # Sunday 14 January 2018
    mention = next(m for m in doc.mentions if m.kind == "date")
    assert (mention.value["date"], mention.value["conflict"]) == ("2018-01-14", True)
    assert "year" in mention.value["reason"]


def test_weekday_with_equivalent_date(dated) -> None:
    text = "انفجرت عبوة ناسفة صباح الأحد الموافق 22 أبريل 2018 في سوق بمدينة الباب."
    doc = dated(text, "2018-04-23")
    mention = next(m for m in doc.mentions if m.kind == "date")
    assert (mention.value["key"], mention.value["date"], mention.value["part_of_day"]) == (
        "absolute", "2018-04-22", "morning")
    assert mention.value["conflict"] is False


@pytest.mark.parametrize(
    ("text", "published", "needle", "expected"),
    [
        ("أعلنت الشرطة الأفغانية الثلاثاء أن سبعة أشخاص قتلوا في تفجير انتحاري استهدف مسجدا في قندهار الأحد.",
         "2018-06-12", "تفجير", "2018-06-10"),
        ("قال الجيش السوداني أمس إن مسلحين هاجموا قافلة في شمال دارفور مساء الجمعة.",
         "2018-03-05", "هاجموا", "2018-03-02"),
        ("وذكرت وكالة الأنباء الرسمية، الخميس، أن اشتباكات اندلعت بين القبائل في ولاية النيل الأزرق ليل الثلاثاء.",
         "2018-08-16", "اشتباكات", "2018-08-14"),
    ],
)
def test_incident_date_preferred_over_report_date(dated, text, published, needle, expected) -> None:
    doc = dated(text, published)
    choice = date_for_span(doc, *span(text, needle))
    assert choice.date == expected
    reports = [m for m in doc.mentions if m.kind == "date" and m.value["reporting"]]
    assert len(reports) == 1


def test_report_date_used_when_alone(dated) -> None:
    text = "أعلن الجيش الصومالي الأربعاء مقتل عشرة من مسلحي حركة الشباب في عملية عسكرية قرب كيسمايو."
    doc = dated(text, "2018-04-18")
    choice = date_for_span(doc, *span(text, "عملية عسكرية"))
    assert (choice.date, choice.how) == ("2018-04-18", "clause")


@pytest.mark.parametrize(
    "text",
    [
        "قتل ثلاثة مرشحين قبل يومين من الانتخابات البرلمانية في العراق.",
        "اعتقلت الشرطة المشتبه به قبل أسبوع من الهجوم على الكنيسة.",
    ],
)
def test_interval_before_another_event_is_not_a_date(dated, text) -> None:
    doc = dated(text, "2018-05-14")
    assert not [m for m in doc.mentions if m.kind == "date" and m.value["key"] == "ago"]


def test_day_of_current_month(dated) -> None:
    text = "وكان مسلحون قد اقتحموا السجن المركزي في مدينة غاو في العاشر من الشهر الجاري."
    doc = dated(text, "2018-02-20")
    mention = next(m for m in doc.mentions if m.kind == "date")
    assert (mention.value["date"], mention.value["precision"]) == ("2018-02-10", 1)


ARTICLE_KABUL = (
    "قتل 14 شخصا على الأقل في تفجير انتحاري استهدف حافلة لموظفين حكوميين في كابول صباح اليوم الخميس. "
    "ويأتي التفجير بعد يومين من هجوم على نقطة تفتيش في ولاية لوغر أسفر عن مقتل خمسة جنود. "
    "وفي اليوم التالي للهجوم، اعتقلت القوات الأفغانية ثلاثة مشتبه بهم. "
    "وفي سياق منفصل، قتل مدنيان في انفجار لغم في ولاية هلمند."
)


def test_narrative_days_count_from_the_incident_before(dated) -> None:
    doc = dated(ARTICLE_KABUL, "2018-09-13T14:00:00+04:30")  # Thursday
    bus = date_for_span(doc, *span(ARTICLE_KABUL, "تفجير انتحاري"))
    assert bus.date == "2018-09-13"
    checkpoint = date_for_span(doc, *span(ARTICLE_KABUL, "هجوم على نقطة"), previous=bus)
    assert (checkpoint.date, checkpoint.precision) == ("2018-09-11", 1)
    arrests = date_for_span(doc, *span(ARTICLE_KABUL, "اعتقلت"), previous=checkpoint)
    assert arrests.date == "2018-09-12"


def test_topic_shift_inherits_no_date(dated) -> None:
    doc = dated(ARTICLE_KABUL, "2018-09-13T14:00:00+04:30")
    bus = date_for_span(doc, *span(ARTICLE_KABUL, "تفجير انتحاري"))
    mine = date_for_span(doc, *span(ARTICLE_KABUL, "انفجار لغم"), previous=bus)
    assert (mine.how, mine.date) == ("publication", "2018-09-13")


def test_date_in_relative_clause_dates_only_that_clause(dated) -> None:
    text = ("أعلن الجيش المالي أمس الأربعاء أن قواته انتشرت في القاعدة التي انسحبت منها القوات "
            "الفرنسية قبل ثلاثة أسابيع قرب مدينة غاو.")
    doc = dated(text, "2018-11-15")
    deploy = date_for_span(doc, *span(text, "انتشرت"))
    assert deploy.date == "2018-11-14"
    withdraw = date_for_span(doc, *span(text, "انسحبت"))
    assert withdraw.precision == 2 and withdraw.date != "2018-11-14"


def test_detail_sentence_dates_a_reported_operation(dated) -> None:
    text = ("أعلنت الشرطة العراقية، اليوم الأحد، القبض على أربعة مطلوبين في حي الجهاد غربي بغداد. "
            "وقال مصدر في الشرطة إن العملية نفذت فجر الجمعة بناء على معلومات استخبارية.")
    doc = dated(text, "2018-04-22")
    arrest = date_for_span(doc, *span(text, "القبض"))
    assert (arrest.date, arrest.how) == ("2018-04-20", "discourse")


def test_look_back_to_the_sentence_before(dated) -> None:
    text = ("خرج مئات المحتجين إلى شوارع مدينة البصرة مساء الجمعة احتجاجا على انقطاع الكهرباء. "
            "وقال شهود إن قوات الأمن أطلقت الرصاص الحي لتفريقهم.")
    doc = dated(text, "2018-07-14")
    shots = date_for_span(doc, *span(text, "أطلقت الرصاص"))
    assert (shots.date, shots.how) == ("2018-07-13", "discourse")
