"""Event assembly on inputs no article is like: bounded work, with a warning, never silently."""

from itertools import pairwise
from types import SimpleNamespace

from rasd.events.stage import MAX_SECTION_INCIDENTS, sections
from rasd.limits import MAX_ARTICLE_INCIDENTS
from rasd.pipeline import extract

TOWNS = ["تعز", "عدن", "الحديدة", "صنعاء", "مأرب", "إب", "ذمار", "حجة"]


def _incidents(per_sentence: list[int]):
    return [SimpleNamespace(sentence=s) for s, n in enumerate(per_sentence) for _ in range(n)]


def test_sections_are_capped_and_cut_between_sentences():
    incidents = _incidents([3] * 150)  # 450 incidents, three a sentence
    parts = sections(incidents)
    assert [len(p) for p in parts] == [198, 198, 54]
    assert [inc for part in parts for inc in part] == incidents
    for a, b in pairwise(parts):
        assert a[-1].sentence != b[0].sentence


def test_a_sentence_longer_than_a_section_is_cut_inside_it():
    parts = sections(_incidents([MAX_SECTION_INCIDENTS * 2 + 5]))
    assert [len(p) for p in parts] == [MAX_SECTION_INCIDENTS, MAX_SECTION_INCIDENTS, 5]


def test_short_articles_are_one_section():
    incidents = _incidents([2, 0, 4])
    assert sections(incidents) == [incidents]
    assert sections([]) == []


def _report(n: int) -> str:
    return " ".join(f"قتل {i % 7 + 3} أشخاص في غارة جوية على مدينة {TOWNS[i % len(TOWNS)]} أمس." for i in range(n))


def test_retellings_still_merge_within_a_section():
    text = "قتل 9 أشخاص في غارة جوية على مدينة تعز أمس. وقالت مصادر إن الغارة الجوية أودت بحياة 9 أشخاص."
    doc = extract(text, published="2018-03-04")
    assert [e.fatalities for e in doc.events] == [9]


def test_a_long_dump_is_assembled_in_sections_with_a_warning():
    doc = extract(_report(MAX_SECTION_INCIDENTS + 100), published="2018-03-04")
    assert any("sections of the article" in w for w in doc.warnings)
    assert doc.events


def test_more_candidates_than_any_article_holds_are_cut_with_a_warning():
    text = _report(MAX_ARTICLE_INCIDENTS + 200)
    doc = extract(text, published="2018-03-04")
    [warning] = [w for w in doc.warnings if "than any article holds" in w]
    assert int(warning.split("only the first ")[1].split()[0]) <= MAX_ARTICLE_INCIDENTS
    cut_at = int(warning.split("up to character ")[1].split(")")[0].strip())
    assert all(e.evidence[0].start <= cut_at for e in doc.events)
