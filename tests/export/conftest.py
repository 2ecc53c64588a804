"""Fixtures for the export tests: two small event databases, on SQLite and on PostgreSQL.

``news_db`` is filled the way users fill one: Arabic articles (written for these tests) go
through ``rasd ingest``'s own code path. ``crafted_db`` holds hand-made rows inserted through
the schema tables, with exact values for the filters and the edge cases (merged, deleted,
undated and unplaced events, a point east of the antimeridian).

PostgreSQL runs when ``RASD_TEST_PG_URL`` is set (see tests/store/conftest.py); in CI it must.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from export_data import NEWS_ARTICLES, insert_crafted
from store_helpers import throwaway_database

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@pytest.fixture(scope="session")
def pg_export_database() -> Iterator[URL]:
    """A throwaway PostgreSQL database for this session's export tests, dropped at the end."""
    with throwaway_database("rasd_export") as url:
        yield url


def _fresh_url(request: pytest.FixtureRequest, backend: str, tmp: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / 'rasd.db'}"
    database: URL = request.getfixturevalue("pg_export_database")
    schema = f"t_{secrets.token_hex(5)}"
    engine = create_engine(database, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    url = database.update_query_dict({"options": f"-csearch_path={schema}"})
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _ingest(url: str, records: list[dict[str, Any]]) -> None:
    """The same code path as ``rasd ingest``."""
    from rasd.document import ArticleMeta
    from rasd.ingest import ArticleInput
    from rasd.store import WRITE, open_store
    from rasd.store.ingest import IngestRun

    with open_store(url, WRITE) as store:
        run = IngestRun(store, "ingest", ["<export tests>"])
        for n, record in enumerate(records, 1):
            meta = ArticleMeta(**{k: record.get(k) for k in ("id", "url", "source", "published", "title")})
            run.add(ArticleInput(record["text"], meta, f"<export tests>:{n}", line=n))
        run.finish()
    assert not run.totals.errors, run.totals.errors


@pytest.fixture(scope="session", params=BACKENDS)
def news_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = _fresh_url(request, request.param, tmp_path_factory.mktemp("news"))
    _ingest(url, NEWS_ARTICLES)
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def crafted_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = _fresh_url(request, request.param, tmp_path_factory.mktemp("crafted"))
    insert_crafted(url)
    return url


@pytest.fixture(scope="session")
def crafted_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hand-made rows on SQLite only, for the command-line checks."""
    url = f"sqlite:///{tmp_path_factory.mktemp('crafted-sqlite') / 'rasd.db'}"
    insert_crafted(url)
    return url


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs against the PostgreSQL server of RASD_TEST_PG_URL")
