"""Fixtures for the event database tests, on SQLite and on PostgreSQL.

PostgreSQL tests need ``RASD_TEST_PG_URL`` (e.g. ``postgresql://postgres@127.0.0.1:5433/postgres``,
a role allowed to create databases). Without it they skip, except when ``CI=true``: there they
fail. One throwaway database is created per session and one schema per test.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from store_helpers import pg_server_url, throwaway_database


@pytest.fixture(scope="session")
def pg_server() -> URL:
    """The server ``RASD_TEST_PG_URL`` names (skip without it; fail in CI)."""
    return pg_server_url()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[URL]:
    """A throwaway database for this test session, dropped at the end."""
    with throwaway_database("rasd_test") as url:
        yield url


@pytest.fixture
def pg_url(pg_database: URL) -> Iterator[str]:
    """A fresh schema in the session's database, as a URL whose search_path points at it."""
    schema = f"t_{secrets.token_hex(5)}"
    engine = create_engine(pg_database, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = pg_database.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.set(drivername="postgresql").render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'rasd.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on an SQLite file and on a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rasd.db'}"
    return request.getfixturevalue("pg_url")
