"""ACLED-conservative counts from casualty mentions (hand-built mention values)."""

from __future__ import annotations

from rasd.document import Mention
from rasd.events.fatalities import count_of, point


def cas(type_: str, n: int | None, *, sentence: int = 0, start: int = 0, qualifier: str | None = None,
        group: str | None = None, high: int | None = None, **flags) -> Mention:
    exact = qualifier in (None, "exact")
    value = {"type": type_, "min": n, "max": high if high is not None else (n if exact else None),
             "qualifier": qualifier or ("exact" if n is not None else None), "group": group}
    value.update(flags)
    return Mention("casualty", start, start + 5, "x" * 5, value, 0.9, sentence)


def test_plain_count() -> None:
    c = count_of([cas("killed", 5)], "killed")
    assert (c.value, c.min, c.max, c.qualifier) == (5, 5, 5, "exact")


def test_vague_words_take_the_convention() -> None:
    assert point(cas("killed", None, qualifier="dozens")) == 12
    assert point(cas("killed", None, qualifier="tens")) == 10
    assert point(cas("killed", None, qualifier="hundreds")) == 100
    assert point(cas("killed", None, qualifier="several")) == 3
    c = count_of([cas("injured", None, qualifier="dozens")], "injured")
    assert (c.value, c.qualifier, c.vague) == (12, "dozens", True)


def test_at_least_keeps_lowest_figure() -> None:
    c = count_of([cas("killed", 14, qualifier="at_least")], "killed")
    assert (c.value, c.min, c.max, c.qualifier) == (14, 14, None, "at_least")


def test_range_takes_lowest() -> None:
    c = count_of([cas("killed", 8, qualifier="range", high=10)], "killed")
    assert (c.value, c.min, c.max) == (8, 8, 10)


def test_aggregate_negated_subset_are_never_tolls() -> None:
    assert count_of([cas("killed", 350000, aggregate=True)], "killed") is None
    assert count_of([cas("killed", 3, negated=True)], "killed") is None
    c = count_of([cas("killed", 9, start=0), cas("killed", 4, start=20, group="children", subset=True)], "killed")
    assert c.value == 9


def test_zero_stated() -> None:
    c = count_of([cas("killed", 0, zero=True)], "killed")
    assert (c.value, c.min, c.max) == (0, 0, 0)


def test_unknown_stays_unknown() -> None:
    assert count_of([cas("killed", None, unknown=True)], "killed") is None
    assert count_of([cas("killed", None)], "killed") is None


def test_update_replaces_earlier_figure() -> None:
    c = count_of([cas("killed", 4, start=0), cas("killed", 11, start=50, sentence=2, update=True)], "killed")
    assert c.value == 11


def test_distinct_groups_in_one_sentence_add_up() -> None:
    c = count_of([cas("killed", 3, group="soldiers", start=0), cas("killed", 2, group="civilians", start=10)],
                 "killed")
    assert (c.value, c.min, c.max, c.qualifier) == (5, 5, 5, "exact")


def test_conflicting_retellings_keep_lowest() -> None:
    c = count_of([cas("killed", 7, sentence=1, start=0), cas("killed", 6, sentence=4, start=90)], "killed")
    assert c.value == 6 and c.disputed and c.max == 7


def test_same_figure_retold_is_not_disputed() -> None:
    c = count_of([cas("killed", 5, sentence=1), cas("killed", 5, sentence=3, start=80)], "killed")
    assert c.value == 5 and not c.disputed


def test_injured_and_killed_are_separate() -> None:
    ms = [cas("killed", 2), cas("injured", 9, start=10)]
    assert count_of(ms, "killed").value == 2 and count_of(ms, "injured").value == 9
    assert count_of([cas("killed_or_injured", 20)], "killed") is None


def test_counts_of_one_verb_add_up_even_without_groups() -> None:
    a = cas("killed", 7, group="soldiers", start=0, trigger_span=[0, 3])
    b = cas("killed", 12, start=20, trigger_span=[0, 3])
    assert count_of([a, b], "killed").value == 19


def test_counts_of_two_verbs_in_one_sentence_do_not_add_when_one_is_a_total() -> None:
    a = cas("killed", 9, start=0, trigger_span=[0, 3])
    b = cas("killed", 4, start=40, group="soldiers", trigger_span=[35, 39])
    assert count_of([a, b], "killed").value == 9


def test_vague_retelling_in_another_sentence_does_not_lower_a_stated_figure() -> None:
    c = count_of([cas("killed", 12, sentence=0), cas("killed", 3, sentence=1, start=50, qualifier="some")], "killed")
    assert (c.value, c.qualifier) == (12, "exact")


def test_plural_with_no_number_word_is_no_count() -> None:
    assert point(cas("injured", 3, qualifier="some", number_span=None)) is None
    assert point(cas("injured", None, qualifier="dozens", number_span=[5, 12])) == 12


def test_revised_total_in_a_later_telling_replaces_the_first() -> None:
    from rasd.events.fatalities import combine_tellings

    first = [cas("killed", 3, sentence=0)]
    later = [cas("killed", 5, sentence=2, start=80, update=True)]
    assert combine_tellings([(first, True), (later, False)], "killed").value == 5


def test_higher_figure_from_another_report_is_noted_not_taken() -> None:
    from rasd.events.fatalities import combine_tellings

    c = combine_tellings([([cas("killed", 15, qualifier="at_least")], True), ([cas("killed", 18, start=90)], False)],
                         "killed")
    assert (c.value, c.max, c.disputed) == (15, 18, True)


def test_parts_sharing_a_casualty_word_add_up_before_the_lowest_telling_is_chosen() -> None:
    # "قتل القيادي وثلاثة من مرافقيه ..., وقال مسؤول إن 6 أشخاص قتلوا": 1 + 3 = 4 against 6 -> 4
    leader = cas("killed", 1, start=0, group="commanders", trigger_span=[0, 3])
    companions = cas("killed", 3, start=10, group="companions", trigger_span=[0, 3])
    people = cas("killed", 6, start=60, group="people", trigger_span=[55, 58])
    assert count_of([leader, companions, people], "killed").value == 4
    # the other way round: the sum is the higher telling -> the lower total is kept
    people5 = cas("killed", 3, start=60, group="people", trigger_span=[55, 58])
    assert count_of([leader, companions, people5], "killed").value == 3


def test_attackers_counted_apart_add_through_their_shared_casualty_word() -> None:
    # "قتل 6 جنود إضافة إلى المهاجمين الأربعة": attackers_extra, one casualty word -> 10
    soldiers = cas("killed", 6, start=0, group="soldiers", trigger_span=[0, 3], attackers_extra=True)
    attackers = cas("killed", 4, start=20, group="attackers", trigger_span=[0, 3])
    assert count_of([soldiers, attackers], "killed").value == 10


def test_the_includes_attacker_flag_counts_on_any_mention_of_the_incident() -> None:
    # "قتل 7 بينهم الانتحاري" (flag on the subset mention); "وقتلت القوات اثنين من المهاجمين" later
    toll = cas("killed", 7, start=0, group="people", trigger_span=[0, 3])
    bomber = cas("killed", 1, start=12, group="attackers", trigger_span=[0, 3], subset=True, includes_attacker=True)
    others = cas("killed", 2, sentence=1, start=80, group="attackers", trigger_span=[80, 84])
    assert count_of([toll, bomber, others], "killed").value == 7
