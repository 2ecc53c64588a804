"""The user's seed article (published Tuesday 2015-06-30): its dates must come out right."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.extractors.dates import date_for_span

SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "examples" / "seed-article.ar.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    return SEED.read_text(encoding="utf-8")


def _mention(doc, surface: str):
    found = [m for m in doc.mentions if m.kind == "date" and m.text == surface]
    assert found, f"no date mention {surface!r}: {[m.text for m in doc.mentions if m.kind == 'date']}"
    return found[0]


def test_seed_dates(seed_text, dated) -> None:
    doc = dated(seed_text, "2015-06-30")
    dawn = _mention(doc, "فجرامس الاثنين")
    assert (dawn.value["date"], dawn.value["precision"], dawn.value["conflict"]) == ("2015-06-29", 1, False)
    night = _mention(doc, "ليل الاحد")
    assert (night.value["date"], night.value["precision"], night.value["part_of_day"]) == ("2015-06-28", 1, "night")
    weeks = [m for m in doc.mentions if m.kind == "date" and m.value["key"] == "last_week"]
    assert len(weeks) == 2 and all(m.value["precision"] == 2 for m in weeks)
    past_weeks = next(m for m in doc.mentions if m.kind == "date" and m.value["key"] == "past_weeks")
    assert past_weeks.value["precision"] == 3
    background = _mention(doc, "منذ اكثر من عام")
    assert background.value["background"] is True and background.value["date"] is None


def test_seed_incidents(seed_text, dated) -> None:
    doc = dated(seed_text, "2015-06-30")
    shelling = seed_text.index("القذائف العشوائية")
    choice = date_for_span(doc, shelling, shelling + 10)
    assert (choice.date, choice.precision) == ("2015-06-28", 1)
    fighting = seed_text.index("معارك عنيفة")
    choice = date_for_span(doc, fighting, fighting + 10)
    assert (choice.precision, choice.how) == (2, "clause")
    strikes = seed_text.index("سفينتين")
    assert date_for_span(doc, strikes, strikes + 6).precision == 2
    derna = seed_text.index("اشتباكات بين")
    assert date_for_span(doc, derna, derna + 8).precision == 3
