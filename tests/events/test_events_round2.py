"""Classes of assembly errors fixed in round 2, checked through the whole pipeline
(data/round2_cases.tsv: fresh sentences, several per class, with negatives)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.lang.ar import read_tsv_path
from rasd.pipeline import extract

CASES = Path(__file__).parent / "data" / "round2_cases.tsv"


def _rows() -> list[dict[str, str]]:
    return read_tsv_path(CASES)


def _events(text: str, published: str):
    return extract(text.replace("\\n", "\n"), published=published, id="round2").events


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['class']}:{r['text'][:20]}")
def test_round2_case(row: dict[str, str]) -> None:
    expected = [] if row["expect"] == "-" else [x.strip() for x in row["expect"].split(" ; ")]
    events = _events(row["text"], row["published"])
    assert [f"{e.sub_event_type}@{e.event_date}/{e.time_precision}" for e in events] == expected
    if row.get("fatalities"):
        assert [str(e.fatalities) for e in events] == [x.strip() for x in row["fatalities"].split(" ; ")]


FALLEN_ON_ONE_SIDE = [
    # (published, text, the side the fallen groups are on, the other side)
    ("2024-05-12", "قتل 20 جنديا ومتطوعا للدفاع عن الوطن في هجوم شنه مسلحون من جماعة نصرة الإسلام والمسلمين "
     "على مواقع عسكرية في مدينة جيبو أمس السبت.", "Military Forces of Burkina Faso (2022-)",
     "JNIM: Jamaah Nusrah al Islam wal Muslimin"),
    ("2024-03-02", "قتل 14 جنديا ومتطوعا للدفاع عن الوطن في كمين نصبه مقاتلو تنظيم الدولة الإسلامية قرب "
     "مدينة دوري أمس الجمعة.", "Military Forces of Burkina Faso (2022-)", "Islamic State"),
]


@pytest.mark.parametrize("published,text,fallen,other", FALLEN_ON_ONE_SIDE)
def test_groups_killed_together_are_one_side(published: str, text: str, fallen: str, other: str) -> None:
    [event] = _events(text, published)
    assert event.actor2 == fallen
    assert (event.actor1 or "").startswith(other)


BOTH_SIDES = [
    # (published, text, the two sides expected on the "between the two sides" battle)
    ("2024-03-13", "أعلن الجيش السوداني اليوم الأربعاء استعادة السيطرة على جسر الحلفايا من قوات الدعم السريع.\n"
     "وفي مدينة بحري، دارت معارك عنيفة بين الطرفين في حي الكدرو.",
     {"Military Forces of Sudan (2019-)", "Rapid Support Forces"}),
    ("2024-03-19", "اندلعت اشتباكات فجر اليوم بين قوات الجيش اليمني وجماعة الحوثي في مديرية حيس.\n"
     "وقال سكان إن مواجهات متقطعة تجددت بين الجانبين في مدينة الجراحي.",
     {"Military Forces of Yemen (2012-)", "Houthi Movement (Ansar Allah)"}),
    ("2023-11-02", "سيطرت قوات الدعم السريع أمس على مقر قيادة الفرقة 16 مشاة التابعة للجيش السوداني في مدينة نيالا.\n"
     "وكانت اشتباكات عنيفة قد دارت بين الطرفين في المدينة طوال الأسبوع الماضي.\n"
     "واستمر القتال بين الطرفين في مدينة زالنجي اليوم الخميس.",
     {"Military Forces of Sudan (2019-)", "Rapid Support Forces"}),
]


@pytest.mark.parametrize("published,text,sides", BOTH_SIDES)
def test_battle_between_the_two_sides_takes_the_sides_told_before(published: str, text: str, sides: set) -> None:
    last = _events(text, published)[-1]
    assert last.sub_event_type == "Armed clash"
    assert {last.actor1, last.actor2} == sides


def test_two_sides_too_far_back_are_not_taken() -> None:
    text = ("أعلن الجيش السوداني استعادة السيطرة على جسر الحلفايا من قوات الدعم السريع يوم الاثنين.\n"
            "وقالت الأمم المتحدة إن آلاف الأسر نزحت من المنطقة.\nوأضافت أن المساعدات لم تصل بعد.\n"
            "وأكد شهود أن المخيمات مكتظة.\nوفي مدينة الأبيض، دارت معارك بين الطرفين اليوم الأربعاء.")
    events = _events(text, "2024-03-13")
    assert all(not (e.sub_event_type == "Armed clash" and e.actor1 == "Rapid Support Forces") for e in events)


EXCESSIVE_FORCE = [
    ("2022-06-30", "قتل متظاهران برصاص قوات الأمن خلال مواكب احتجاجية في مدينة أم درمان اليوم الخميس.", "Sudan"),
    ("2019-10-02", "قتل ثلاثة متظاهرين برصاص الشرطة خلال احتجاجات على البطالة في مدينة الناصرية أمس الثلاثاء.", "Iraq"),
    ("2024-02-22", "قتل محتج برصاص عناصر الأمن الذين أطلقوا النار على المتظاهرين في مدينة السويداء أمس الأربعاء.",
     "Syria"),
]


@pytest.mark.parametrize("published,text,country", EXCESSIVE_FORCE)
def test_excessive_force_is_coded_with_protesters_first(published: str, text: str, country: str) -> None:
    [event] = _events(text, published)
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1 == f"Protesters ({country})"
    assert event.actor2 and "Forces of" in event.actor2
