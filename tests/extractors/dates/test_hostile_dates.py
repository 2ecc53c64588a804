"""Date words in odd places and publication days at the ends of the calendar: never a crash."""

import pytest

from rasd.pipeline import extract


@pytest.mark.parametrize("text", ["الجمعه منذ", "الاثنين منذ\n", "قتل شخص يوم الخميس منذ\nوقتل آخر", "منذ"])
def test_a_weekday_before_since_at_a_line_end_gives_valid_spans(text):
    doc = extract(text, published="2018-05-05")
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text


def test_since_before_a_weekday_still_marks_background():
    doc = extract("قتل شخص في تعز منذ الجمعة", published="2018-05-05")
    [date] = [m for m in doc.mentions if m.kind == "date"]
    assert date.value.get("background") and date.text == "منذ الجمعة"


@pytest.mark.parametrize(("published", "text"), [
    ("0001-01-01", "قتل شخص في غارة على تعز أمس"),
    ("9999-12-31", "قتل شخص في غارة على تعز اليوم وسيقصف غدا"),
    ("9999-12-31T23:30:00+00:00", "قتل شخص في غارة على تعز الليلة"),
])
def test_publication_days_outside_the_news_years_are_unreadable_not_a_crash(published, text):
    doc = extract(text, published=published, timezone="Asia/Aden")
    assert any("is not a readable date" in w and "1900-2100" in w for w in doc.warnings)
    assert all(m.value.get("date") is None for m in doc.mentions if m.kind == "date")


def test_an_unreadable_published_value_is_named_in_the_warning():
    doc = extract("قتل شخص في غارة على تعز أمس", published="2015-13-45")
    assert any("'2015-13-45' is not a readable date" in w for w in doc.warnings)
    assert not any("no publication date" in w for w in doc.warnings)


def test_a_dotted_date_with_thousands_of_digits_is_no_date_and_no_crash():
    text = "قتل شخص في تعز 1.31." + "3074185296" * 450
    doc = extract(text, published="2018-05-05")
    assert not [m for m in doc.mentions if m.kind == "date"]
