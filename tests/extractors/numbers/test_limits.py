"""Numbers no news needs: huge digit runs and scale chains are no quantity, and never a crash."""

import pytest

from rasd.extractors.numbers.grammar import MAX_DIGITS, MAX_QUANTITY, parse_digits
from rasd.pipeline import extract


@pytest.mark.parametrize("text", [
    "قتل " + "9" * 5000 + " شخصا في تعز",  # more digits than int() converts
    "قتل " + "٩" * 5000 + " شخصا في تعز",  # the same in Arabic-Indic digits
    "قتل " + "9" * 400 + ".5 مليار شخص في تعز",  # a float past 1e308
    "قتل 1.5 " + "مليار " * 40 + "شخص في تعز",  # a scale chain past 1e308
    "قتل " + "9" * 14 + ".5 مليار مليار شخص",
])
def test_absurd_numbers_are_no_quantity_and_no_crash(text):
    doc = extract(text, published="2018-01-01")
    for m in doc.mentions:
        if m.kind == "number":
            assert abs(m.value["value"]) <= MAX_QUANTITY
    assert all((e.fatalities or 0) <= MAX_QUANTITY for e in doc.events)


def test_digit_runs_longer_than_any_count_are_not_parsed():
    assert parse_digits("9" * MAX_DIGITS) == int("9" * MAX_DIGITS)
    assert parse_digits("9" * (MAX_DIGITS + 1)) is None


def test_ordinary_large_figures_still_read():
    doc = extract("قتل 12 شخصا في غارة جوية على مدينة تعز أمس ونزح 1,200,000 شخص", published="2018-01-01")
    values = sorted(m.value["value"] for m in doc.mentions if m.kind == "number")
    assert values == [12, 1_200_000]
