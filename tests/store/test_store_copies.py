"""Copies of articles (the same text under another id, a syndicated wire copy) are recognised
before extraction and stored with the original's reports, credited to their own outlet."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from store_helpers import ingest_records, live_events, snapshot

from rasd.store import open_store
from rasd.store.schema import article_bands, article_mentions, articles, reports

STORY = ("إدلب - قتل 5 مدنيين وأصيب 9 آخرون صباح اليوم في غارة جوية استهدفت مدينة سراقب، "
         "بحسب ما أفاد الدفاع المدني.")
# neutral sentences: a longer text, where one changed word moves the similarity little
FILLER = ("\nوفي سياق آخر، قالت مديرية الزراعة إن موسم القمح هذا العام جاء أفضل من العام الماضي بسبب "
          "الأمطار الغزيرة التي هطلت في الشتاء، وإن الفلاحين بدأوا الحصاد في السهول الشمالية والجنوبية، "
          "وتوقعت المديرية أن تكفي الكميات حاجة السوق المحلية حتى نهاية الربيع المقبل، ودعت التجار إلى "
          "الالتزام بالأسعار المعلنة وعدم احتكار الطحين في المخازن والمستودعات التابعة لهم.")


def _record(n: str, text: str, source: str, published: str = "2020-03-03") -> dict[str, Any]:
    return {"id": n, "source": source, "published": published, "text": text}


def _articles(url: str) -> dict[str, Any]:
    with open_store(url) as store, store.reading() as conn:
        return {row.id: row for row in conn.execute(select(articles))}


def _reports(url: str, article: str) -> list[Any]:
    with open_store(url) as store, store.reading() as conn:
        return list(conn.execute(select(reports).where(reports.c.article_id == article).order_by(reports.c.n)))


def _bands(url: str) -> set[str]:
    with open_store(url) as store, store.reading() as conn:
        return set(conn.execute(select(article_bands.c.article_id)).scalars())


def test_the_same_text_under_another_id_is_stored_as_a_copy_and_counts_as_a_source(db_url):
    run = ingest_records(db_url, [_record("a1", STORY, "Outlet A"), _record("b1", STORY, "Outlet B")])
    assert run.totals.articles["new"] == 1 and run.totals.articles["copied"] == 1
    stored = _articles(db_url)
    assert stored["b1"].copy_of == "a1" and stored["b1"].similarity == 1.0
    assert stored["a1"].copy_of is None and stored["a1"].similarity is None
    original, copy = _reports(db_url, "a1"), _reports(db_url, "b1")
    assert original and len(copy) == len(original)
    for a, b in zip(original, copy, strict=True):
        assert {**a.event, "event_id": None, "source": None} == {**b.event, "event_id": None, "source": None}
        assert b.event["source"] == "Outlet B" and b.event["event_id"].startswith("b1-")
        assert b.evidence == a.evidence
    [event] = live_events(db_url).values()
    assert sorted(event["reports"]) == ["a1:1", "b1:1"] and set(event["outlets"]) == {"Outlet A", "Outlet B"}
    assert _bands(db_url) == {"a1"}  # copies are never originals


def test_a_wire_copy_gets_the_reports_with_evidence_moved_onto_its_own_text(db_url):
    wire = "(وكالات) - " + STORY + "\nإعداد: قسم الأخبار"
    ingest_records(db_url, [_record("a1", STORY, "Outlet A"), _record("w1", wire, "Outlet W")])
    stored = _articles(db_url)
    assert stored["w1"].copy_of == "a1" and 0.8 <= stored["w1"].similarity < 1.0
    for report in _reports(db_url, "w1"):
        assert report.evidence
        for span in report.evidence:
            assert wire[span["start"]:span["end"]] == span["text"]
    with open_store(db_url) as store, store.reading() as conn:
        mentions = conn.execute(select(article_mentions.c.mentions).where(
            article_mentions.c.article_id == "w1")).scalar_one()
    assert mentions and all(wire[m["start"]:m["end"]] == m["text"] for m in mentions)


def test_an_update_with_new_figures_or_another_day_is_extracted_on_its_own(db_url):
    update = STORY.replace("5 مدنيين", "8 مدنيين")
    records = [_record("a1", STORY, "A"), _record("u1", update, "B"), _record("d1", STORY, "C", "2020-03-04")]
    run = ingest_records(db_url, records)
    assert run.totals.articles == {"new": 3, "copied": 0, "unchanged": 0, "replaced": 0, "failed": 0}
    stored = _articles(db_url)
    assert all(stored[k].copy_of is None for k in ("u1", "d1"))
    assert _reports(db_url, "u1")[0].fatalities == 8
    assert _bands(db_url) == {"a1", "u1", "d1"}


def test_a_near_copy_whose_evidence_is_not_in_its_text_is_extracted_and_is_nobodys_original(db_url):
    long_story = STORY + FILLER
    other_place = long_story.replace("سراقب", "أريحا")  # one word: still near, but the place evidence is gone
    records = [_record("a1", long_story, "A"), _record("p1", other_place, "B"), _record("p2", other_place, "C")]
    run = ingest_records(db_url, records)
    assert run.totals.articles["copied"] == 0
    stored = _articles(db_url)
    for key in ("p1", "p2"):
        assert stored[key].copy_of is None and stored[key].similarity >= 0.8
        assert _reports(db_url, key)[0].event["location"] != _reports(db_url, "a1")[0].event["location"]
    assert _bands(db_url) == {"a1"}


def test_a_copy_of_an_article_stored_by_an_earlier_run_is_found_in_the_database(db_url):
    ingest_records(db_url, [_record("a1", STORY + FILLER, "A")])
    run = ingest_records(db_url, [_record("b1", "عاجل: " + STORY + FILLER, "B")])
    assert run.totals.articles["copied"] == 1 and _articles(db_url)["b1"].copy_of == "a1"


def test_re_ingesting_a_copy_changes_nothing_and_a_corrected_original_is_re_extracted(db_url):
    records = [_record("a1", STORY, "A"), _record("b1", STORY, "B")]
    ingest_records(db_url, records)
    before = snapshot(db_url, stamps=False)
    again = ingest_records(db_url, records)
    after = snapshot(db_url, stamps=False)
    assert again.totals.articles["unchanged"] == 2
    runs = "ingest_runs"
    assert {k: v for k, v in after.items() if k != runs} == {k: v for k, v in before.items() if k != runs}
    corrected = STORY.replace("5 مدنيين", "6 مدنيين")
    run = ingest_records(db_url, [_record("b1", corrected, "B")])
    assert run.totals.articles["replaced"] == 1
    stored = _articles(db_url)
    assert stored["b1"].copy_of is None and _reports(db_url, "b1")[0].fatalities == 6
    assert _bands(db_url) == {"a1", "b1"}
