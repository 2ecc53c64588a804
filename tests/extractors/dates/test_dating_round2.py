"""Round 2 dating classes: narrative days after a topic opener, undated incidents (precision 2)."""

from __future__ import annotations

import pytest

from rasd.extractors.dates import date_for_span


def span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


SAME_DAY_AFTER_SHIFT = [
    # (published, text, first incident word, second incident word, expected day of the second)
    ("2023-03-05", "قتل سبعة أشخاص في غارة جوية على بلدة سرمدا أمس السبت.\nوفي حادث آخر، قتل ثلاثة مدنيين "
     "في قصف على بلدة أريحا في اليوم ذاته.", "غارة", "قصف", "2023-03-04"),
    ("2024-06-12", "انفجرت عبوة ناسفة بدورية للجيش قرب مدينة درعا يوم الأحد.\nوفي سياق منفصل، اغتال مسلحون "
     "قياديا محليا في بلدة طفس في اليوم التالي.", "عبوة", "اغتال", "2024-06-10"),
    ("2022-10-20", "قتل جنديان في هجوم على حاجز عسكري في مدينة العريش يوم الإثنين.\nوفي حادث منفصل، انفجرت "
     "عبوة ناسفة بسيارة مدنية في مدينة رفح في اليوم نفسه.", "هجوم", "عبوة", "2022-10-17"),
]


@pytest.mark.parametrize("published,text,first,second,expected", SAME_DAY_AFTER_SHIFT)
def test_narrative_day_counts_from_the_incident_told_before_a_topic_opener(
        dated, published: str, text: str, first: str, second: str, expected: str) -> None:
    doc = dated(text, published)
    before = date_for_span(doc, *span(text, first))
    after = date_for_span(doc, *span(text, second), previous=before)
    assert after.date == expected


def test_topic_opener_without_a_narrative_day_inherits_nothing(dated) -> None:
    text = ("قتل سبعة أشخاص في غارة جوية على بلدة سرمدا أمس السبت.\n"
            "وفي سياق منفصل، اعتقلت الشرطة ثلاثة مهربين في مدينة اعزاز.")
    doc = dated(text, "2023-03-05")
    before = date_for_span(doc, *span(text, "غارة"))
    after = date_for_span(doc, *span(text, "اعتقلت"), previous=before)
    assert (after.date, after.precision, after.how) == ("2023-03-05", 2, "publication")


ANTECEDENT = [
    # (published, text, incident word, expected date) - the relative clause describes the incident word
    ("2024-01-13", "قال مسؤول إن الغارات التي نفذتها طائرات أمريكية أمس الجمعة استهدفت مخازن أسلحة.",
     "الغارات", "2024-01-12"),
    ("2023-06-20", "ارتفعت حصيلة التفجير الذي استهدف سوقا في مدينة الباب يوم الأحد إلى 12 قتيلا.",
     "التفجير", "2023-06-18"),
    ("2022-09-07", "أدان المجلس الهجوم الذي شنه مسلحون على قرية قرب مدينة بانكاس مساء الإثنين.",
     "الهجوم", "2022-09-05"),
]


@pytest.mark.parametrize("published,text,word,expected", ANTECEDENT)
def test_relative_clause_dates_its_antecedent(dated, published: str, text: str, word: str, expected: str) -> None:
    choice = date_for_span(dated(text, published), *span(text, word))
    assert choice.date == expected


def test_relative_clause_does_not_date_a_distant_incident(dated) -> None:
    text = "تمركزت القوات في المعسكر الذي أخلته البعثة الأممية قبل أسبوعين، وفق مصادر محلية."
    choice = date_for_span(dated(text, "2023-11-14"), *span(text, "تمركزت"))
    assert choice.how == "publication"
