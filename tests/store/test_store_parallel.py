"""Extraction in worker processes leaves the database exactly as a one-process ingest does."""

from __future__ import annotations

import random

from store_helpers import article_inputs, generated_articles, rasd, snapshot

from rasd.store import WRITE, open_store
from rasd.store.ingest import COPIED, FAILED, NEW, UNCHANGED, IngestRun, Looked

RUN_COLUMNS = ("ingest_runs",)


def _ingest(url: str, records: list[dict], workers: int) -> list[str]:
    with open_store(url, WRITE) as store:
        run = IngestRun(store, "ingest", ["<test>"])
        items = article_inputs(records)
        results = run.add_parallel(items, workers, batch=5) if workers > 1 else run.add_many(items, batch=5)
        outcomes = [result.outcome for _, result in results]
        run.finish()
    return outcomes


def _tables(url: str) -> dict[str, list[tuple]]:
    return {name: rows for name, rows in snapshot(url, stamps=False).items() if name not in RUN_COLUMNS}


def test_two_workers_give_the_database_of_one(db_url, tmp_path):
    records = generated_articles(45, copies_every=5)  # copies, some read before their original
    random.Random(4).shuffle(records)
    corrected = {**records[2], "text": records[2]["text"] + " وأفادت مصادر محلية بارتفاع الحصيلة."}
    batch = [*records, records[5], corrected]  # an article twice, and a correction, late in the input
    one = f"sqlite:///{tmp_path / 'one.db'}"
    outcomes_one = _ingest(one, batch, workers=1)
    outcomes_two = _ingest(db_url, batch, workers=2)
    assert outcomes_two == outcomes_one
    assert outcomes_two.count(NEW) + outcomes_two.count(COPIED) == 54 and outcomes_two[-2] == UNCHANGED
    assert outcomes_two.count(COPIED) >= 5
    assert _tables(db_url) == _tables(one)
    # a second run of what the database now holds changes nothing, and extracts nothing
    final = [r for r in records if r is not records[2]] + [corrected]
    assert set(_ingest(db_url, final, workers=2)) == {UNCHANGED}
    assert _tables(db_url) == _tables(one)


def test_an_article_that_broke_a_stage_in_its_worker_is_recorded_and_skipped(tmp_path):
    from concurrent.futures import Future

    url = f"sqlite:///{tmp_path / 'w.db'}"
    [item] = article_inputs(generated_articles(1))
    broken: Future = Future()
    broken.set_exception(ValueError("a stage failed"))
    with open_store(url, WRITE) as store:
        run = IngestRun(store, "ingest", ["<test>"])
        looked = Looked(item, "k", "h", {}, unchanged=False)
        [(_, result)] = list(run._store_done(looked, (broken, 0)))
        run.finish()
    assert result.outcome == FAILED and result.error == "ValueError: a stage failed"
    assert run.totals.errors == [{"input": "<test>:1", "error": "ValueError: a stage failed"}]


def test_one_article_that_breaks_a_stage_does_not_sink_the_others_of_its_task(monkeypatch):
    import rasd.store.ingest as ingest_module

    items = article_inputs(generated_articles(3))

    def extract(item):
        if item is items[1]:
            raise ValueError("a stage failed")
        return item.meta.id

    monkeypatch.setattr(ingest_module, "extract_for_store", extract)
    done = ingest_module.extract_many_for_store(items)
    assert done[0] == items[0].meta.id and done[2] == items[2].meta.id
    assert isinstance(done[1], ValueError)


def test_the_command_takes_workers(tmp_path):
    from store_helpers import DATA

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    done = rasd("ingest", str(DATA / "articles.jsonl"), "--db", url, "--workers", "2")
    assert done.returncode == 0 and "4 new" in done.stdout
    refused = rasd("ingest", str(DATA / "articles.jsonl"), "--db", url, "--workers", "0")
    assert refused.returncode == 2 and "give 1 to 64 worker processes" in refused.stderr


def test_a_dask_local_cluster_gives_the_database_of_one_process(tmp_path):
    """The same pipeline on a Dask LocalCluster (the real command, two worker processes)."""
    from store_helpers import write_jsonl

    records = generated_articles(30)
    path = write_jsonl(tmp_path / "in.jsonl", records)
    local = f"sqlite:///{tmp_path / 'local.db'}"
    dask = f"sqlite:///{tmp_path / 'dask.db'}"
    assert rasd("ingest", str(path), "--db", local).returncode == 0
    done = rasd("ingest", str(path), "--db", dask, "--engine", "dask", "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "30 new" in done.stdout
    assert _tables(dask) == _tables(local)


def test_a_scheduler_needs_the_dask_engine(tmp_path):
    from store_helpers import DATA

    refused = rasd("ingest", str(DATA / "articles.jsonl"), "--db", f"sqlite:///{tmp_path / 'x.db'}",
                   "--scheduler", "tcp://127.0.0.1:8786")
    assert refused.returncode == 2 and "--engine dask" in refused.stderr
