"""Extracted articles are stored a group per transaction: the database ends as with one
transaction per article, and an article that cannot be stored sinks only itself."""

from __future__ import annotations

import random

from store_helpers import article_inputs, generated_articles, snapshot

import rasd.store.ingest as ingest_module
from rasd.store import WRITE, open_store
from rasd.store.ingest import FAILED, NEW, IngestRun

RUN_TABLES = ("ingest_runs",)


def _ingest(url: str, records: list[dict], group_size: int) -> list[tuple[str, str]]:
    with open_store(url, WRITE) as store:
        run = IngestRun(store, "ingest", ["<test>"])
        run.group_size = group_size
        results = [(item.origin, result.outcome) for item, result in run.add_many(article_inputs(records), batch=7)]
        run.finish()
    return results


def _tables(url: str) -> dict[str, list[tuple]]:
    return {name: rows for name, rows in snapshot(url, stamps=False).items() if name not in RUN_TABLES}


def test_groups_give_the_database_of_one_transaction_per_article(db_url, tmp_path):
    records = generated_articles(40, copies_every=6)  # copies flush the group before them
    random.Random(7).shuffle(records)
    corrected = {**records[3], "text": records[3]["text"] + " وأفادت مصادر محلية بارتفاع الحصيلة."}
    batch = [*records, records[8], corrected]
    single = f"sqlite:///{tmp_path / 'single.db'}"
    one_each = _ingest(single, batch, group_size=1)
    grouped = _ingest(db_url, batch, group_size=8)
    assert grouped == one_each  # every article, its outcome, in input order
    assert [origin for origin, _ in grouped] == [f"<test>:{n}" for n in range(1, len(batch) + 1)]
    assert _tables(db_url) == _tables(single)


def test_an_article_that_cannot_be_stored_sinks_only_itself(db_url, monkeypatch):
    records = generated_articles(10)
    bad_id = records[4]["id"]
    real_write = ingest_module.write_article

    def write(conn, key, doc, **kwargs):
        if doc.meta.id == bad_id:
            raise ValueError("a value the database refuses")
        return real_write(conn, key, doc, **kwargs)

    monkeypatch.setattr(ingest_module, "write_article", write)
    with open_store(db_url, WRITE) as store:
        run = IngestRun(store, "ingest", ["<test>"])
        outcomes = [result.outcome for _, result in run.add_many(article_inputs(records))]
        run.finish()
    assert outcomes == [NEW] * 4 + [FAILED] + [NEW] * 5
    assert run.totals.articles[NEW] == 9 and run.totals.articles[FAILED] == 1
    assert [e["input"] for e in run.totals.errors] == ["<test>:5"]
    stored = snapshot(db_url, stamps=False)["articles"]
    assert len(stored) == 9


def test_a_single_article_is_stored_at_once():
    with open_store("sqlite://", WRITE) as store:
        run = IngestRun(store, "ingest", ["<test>"])
        [item] = article_inputs(generated_articles(1))
        assert run.add(item).outcome == NEW
        assert run.group == []  # nothing waits for a group that will not fill


def test_a_group_is_counted_and_fused_even_when_the_caller_stops_reading(tmp_path):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    with open_store(url, WRITE) as store:
        run = IngestRun(store, "ingest", ["<test>"])
        results = run.add_many(article_inputs(generated_articles(3)))
        next(results)  # the caller read one result of the group and stopped
        run.finish("interrupted")
    tables = snapshot(url, stamps=False)
    assert len(tables["articles"]) == 3 and run.totals.articles[NEW] == 3
    assert len(tables["event_reports"]) == len(tables["reports"])  # every stored report was fused
