"""Where extraction runs during an ingest: local worker processes, or a Dask cluster.

Either way the engine is a ``concurrent.futures.Executor`` that the ingest submits
``extract_for_store`` to; reading, storing and fusion stay in the ingesting process, in input
order, so every engine leaves the same database.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

ENGINES = ("local", "dask")
LOCAL_TASK_ARTICLES = 4
DASK_TASK_ARTICLES = 16


@contextmanager
def extraction_engine(kind: str, workers: int, scheduler: str | None = None) -> Iterator[tuple[Executor, int, int]]:
    """An executor, how many extractions it runs at once, and how many articles to send a task
    (a Dask task costs about a millisecond of scheduling: one article a task would double the
    time of an ingest)."""
    if kind == "dask":
        with _dask(workers, scheduler) as found:
            yield found
        return
    if scheduler is not None:
        raise ValueError("--scheduler is for --engine dask")
    with _local(workers) as found:
        yield found


@contextmanager
def _local(workers: int) -> Iterator[tuple[Executor, int, int]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from rasd.store.ingest import warm_worker

    context = multiprocessing.get_context("spawn")  # no inherited database connections
    with ProcessPoolExecutor(workers, mp_context=context, initializer=warm_worker) as pool:
        yield pool, workers, LOCAL_TASK_ARTICLES


@contextmanager
def _dask(workers: int, scheduler: str | None) -> Iterator[tuple[Executor, int, int]]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("--engine dask needs Dask: pip install 'rasd[cluster]'") from None
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client.get_executor(pure=False), max(sum(client.nthreads().values()), 1), DASK_TASK_ARTICLES
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client.get_executor(pure=False), workers, DASK_TASK_ARTICLES
