"""Ingest: idempotent, corrections replace, one transaction per article, fusion kept in step."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select
from store_helpers import DATA, ingest_records, live_events, rasd, read_jsonl, snapshot

from rasd.store import READ, open_store
from rasd.store.schema import article_mentions, articles, event_reports, events, ingest_runs, reports

SARAQIB = "Saraqib"


def _events_at(url: str, location: str) -> list[dict]:
    return [e for e in live_events(url).values() if e["location"] == location]


def _all_events(url: str) -> dict[str, dict]:
    with open_store(url, READ) as store, store.reading() as conn:
        return {row.event_id: row._asdict() for row in conn.execute(select(events))}


def _count(url: str, table) -> int:
    with open_store(url, READ) as store, store.reading() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _delta(version: int) -> dict:
    return read_jsonl("delta.jsonl")[version - 1]


def test_two_outlets_reporting_one_air_strike_make_one_event(db_url):
    run = ingest_records(db_url, read_jsonl("articles.jsonl"))
    assert run.totals.articles == {"new": 4, "copied": 0, "unchanged": 0, "replaced": 0, "failed": 0}
    [strike] = [e for e in _events_at(db_url, SARAQIB) if e["sub_event_type"] == "Air/drone strike"]
    assert strike["reports"] == ["wa-101:1", "wb-202:1"]
    assert strike["source_count"] == 2 and strike["grading"] == "fair"
    assert sorted(strike["outlets"]) == ["Wakala Alpha", "Wakala Beta"]
    assert (strike["fatalities_min"], strike["fatalities_max"]) == (5, 6)
    # the car bomb in the same town eight days later stays its own event
    [bomb] = [e for e in _events_at(db_url, SARAQIB) if e["event_date"] == "2019-05-10"]
    assert bomb["reports"] == ["wa-103:1"]
    assert len(live_events(db_url)) == 3


def test_reingesting_the_same_articles_changes_nothing(db_url):
    ingest_records(db_url, read_jsonl("articles.jsonl"))
    before = snapshot(db_url)
    run = ingest_records(db_url, read_jsonl("articles.jsonl"))
    assert run.totals.articles == {"new": 0, "copied": 0, "unchanged": 4, "replaced": 0, "failed": 0}
    assert run.totals.events.as_dict() == {"created": 0, "updated": 0, "merged": 0, "deleted": 0}
    after = snapshot(db_url)
    assert len(after.pop("ingest_runs")) == len(before.pop("ingest_runs")) + 1
    assert after == before


def test_a_corrected_article_replaces_its_reports_and_refuses_the_event(db_url):
    ingest_records(db_url, read_jsonl("articles.jsonl"))
    [strike] = [e for e in _events_at(db_url, SARAQIB) if e["sub_event_type"] == "Air/drone strike"]
    old_rows = _all_events(db_url)[strike["event_id"]]
    run = ingest_records(db_url, read_jsonl("corrected.jsonl"))
    assert run.totals.articles["replaced"] == 1
    assert run.totals.events.updated == 1 and run.totals.events.created == 0
    fused = live_events(db_url)[strike["event_id"]]
    assert fused["reports"] == ["wa-101:1", "wb-202:1"]
    assert fused["fatalities_max"] == 8
    row = _all_events(db_url)[strike["event_id"]]
    assert row["updated_at"] > old_rows["updated_at"] and row["created_at"] == old_rows["created_at"]
    with open_store(db_url, READ) as store, store.reading() as conn:
        text = conn.execute(select(articles.c.text).where(articles.c.id == "wb-202")).scalar_one()
        toll = conn.execute(select(reports.c.fatalities).where(reports.c.article_id == "wb-202")).scalar_one()
    assert text == read_jsonl("corrected.jsonl")[0]["text"] and toll == 8
    assert _count(db_url, reports) == 4 and _count(db_url, article_mentions) == 4
    # the same correction again: unchanged
    again = ingest_records(db_url, read_jsonl("corrected.jsonl"))
    assert again.totals.articles["unchanged"] == 1


def test_a_correction_that_moves_a_report_merges_the_old_event(db_url):
    ingest_records(db_url, [*read_jsonl("articles.jsonl"), _delta(1)])
    [ariha] = _events_at(db_url, "Ariha")
    assert ariha["reports"] == ["wd-401:1"]
    run = ingest_records(db_url, [_delta(2)])
    assert run.totals.events.merged == 1
    stored = _all_events(db_url)
    [strike] = [e for e in _events_at(db_url, SARAQIB) if e["sub_event_type"] == "Air/drone strike"]
    assert strike["reports"] == ["wa-101:1", "wb-202:1", "wd-401:1"]
    assert stored[ariha["event_id"]]["merged_into"] == strike["event_id"]
    assert stored[ariha["event_id"]]["deleted"] is False
    assert ariha["event_id"] not in live_events(db_url)
    shown = rasd("explain", ariha["event_id"], "--db", db_url)
    assert shown.returncode == 0 and f"{ariha['event_id']} was merged" in shown.stdout
    assert "wd-401:1" in shown.stdout


def test_a_correction_that_retracts_the_incident_deletes_its_event(db_url):
    ingest_records(db_url, [*read_jsonl("articles.jsonl"), _delta(1)])
    [ariha] = _events_at(db_url, "Ariha")
    run = ingest_records(db_url, [_delta(3)])
    assert run.totals.articles["replaced"] == 1 and run.totals.events.deleted == 1
    row = _all_events(db_url)[ariha["event_id"]]
    assert row["deleted"] is True and row["merged_into"] is None
    assert _count(db_url, reports) == 4


def test_a_failing_article_leaves_nothing_and_the_run_goes_on(db_url, monkeypatch):
    import rasd.store.ingest as ingest_module

    real = ingest_module.write_article

    def fail_for_beta(conn, key, doc, **kwargs):
        numbers = real(conn, key, doc, **kwargs)  # half the work is done when it breaks
        if key == "wb-202":
            raise RuntimeError("storing broke")
        return numbers

    monkeypatch.setattr(ingest_module, "write_article", fail_for_beta)
    run = ingest_records(db_url, read_jsonl("articles.jsonl"))
    assert run.totals.articles == {"new": 3, "copied": 0, "unchanged": 0, "replaced": 0, "failed": 1}
    assert run.totals.errors == [{"input": "<test>:2", "error": "RuntimeError: storing broke"}]
    with open_store(db_url, READ) as store, store.reading() as conn:
        ids = set(conn.execute(select(articles.c.id)).scalars())
        beta_reports = conn.execute(select(reports.c.report_id).where(reports.c.article_id == "wb-202")).all()
        run_row = conn.execute(select(ingest_runs)).one()
    assert ids == {"wa-101", "wa-103", "wc-301"} and beta_reports == []
    assert run_row.status == "finished" and run_row.errors == run.totals.errors
    assert run_row.counts["articles"]["failed"] == 1
    monkeypatch.setattr(ingest_module, "write_article", real)
    rerun = ingest_records(db_url, read_jsonl("articles.jsonl"))
    assert rerun.totals.articles == {"new": 1, "copied": 0, "unchanged": 3, "replaced": 0, "failed": 0}
    assert len(live_events(db_url)) == 3


def test_arrival_order_does_not_change_the_events(tmp_path):
    records = [*read_jsonl("articles.jsonl"), _delta(1)]
    results = []
    for n in range(3):
        shuffled = records[:]
        random.Random(n).shuffle(shuffled)
        url = f"sqlite:///{tmp_path / f'order{n}.db'}"
        ingest_records(url, shuffled)
        results.append(live_events(url))
    assert results[0] == results[1] == results[2]


def test_refuse_rebuilds_the_same_events(db_url):
    ingest_records(db_url, [*read_jsonl("articles.jsonl"), _delta(1)])
    before = live_events(db_url)
    with open_store(db_url, READ) as store, store.transaction() as conn:
        conn.execute(event_reports.delete())
    result = rasd("refuse", "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert "0 created" in result.stdout
    assert live_events(db_url) == before
    again = rasd("refuse", "--db", db_url)
    assert "0 created, 0 updated, 0 merged, 0 deleted" in again.stdout


@pytest.mark.postgresql
def test_same_results_on_both_backends(pg_url, sqlite_url):
    records = [*read_jsonl("articles.jsonl"), _delta(1), _delta(2)]
    for url in (sqlite_url, pg_url):
        ingest_records(url, records)
    assert live_events(sqlite_url) == live_events(pg_url)
    assert snapshot(sqlite_url, stamps=False) == snapshot(pg_url, stamps=False)


@pytest.mark.parametrize("how", ["id", "url"])
def test_identity_by_id_or_url(sqlite_url, how):
    first = dict(read_jsonl("articles.jsonl")[1])
    second = dict(read_jsonl("corrected.jsonl")[0])
    if how == "url":
        first.pop("id")
        second.pop("id")
    ingest_records(sqlite_url, [first])
    run = ingest_records(sqlite_url, [second])
    assert run.totals.articles["replaced"] == 1
    assert _count(sqlite_url, articles) == 1


def test_ingest_run_rows(sqlite_url):
    result = rasd("ingest", str(DATA / "articles.jsonl"), "--db", sqlite_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("rasd ingest: 4 article(s): 4 new, 0 copies of other articles, 0 unchanged, "
                                    "0 replaced, 0 failed; "
                                    "events: 3 created")
    with open_store(sqlite_url, READ) as store, store.reading() as conn:
        row = conn.execute(select(ingest_runs)).one()
    assert row.command == "ingest" and row.status == "finished" and row.finished_at >= row.started_at
    assert row.counts["articles"]["new"] == 4 and row.errors == []
    assert row.inputs == [str(DATA / "articles.jsonl")]


@pytest.mark.parametrize("every", [1, 7])
def test_fusing_in_batches_gives_the_events_of_fusing_each_article(tmp_path, monkeypatch, every):
    from store_helpers import generated_articles

    import rasd.store.ingest as ingest_module

    records = generated_articles(40)
    random.Random(every).shuffle(records)
    one_batch = f"sqlite:///{tmp_path / 'one.db'}"
    ingest_records(one_batch, records)  # 40 articles < FUSE_EVERY_ARTICLES: fused when the run ends
    monkeypatch.setattr(ingest_module, "FUSE_EVERY_ARTICLES", every)
    batched = f"sqlite:///{tmp_path / 'batched.db'}"
    ingest_records(batched, records[:25])
    ingest_records(batched, [*records[25:], {**records[3], "text": records[3]["text"] + " وأفادت مصادر محلية."}])
    ingest_records(one_batch, [{**records[3], "text": records[3]["text"] + " وأفادت مصادر محلية."}])
    assert live_events(batched) == live_events(one_batch)
    assert _count(batched, event_reports) == _count(batched, reports)
