"""A database for the API tests (generated incidents told by several outlets, wire copies, the
store's sample articles), built once per session on SQLite and on PostgreSQL; a read-only client
on the application over each."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from api_helpers import sample_records
from store_helpers import ingest_records, throwaway_database

from rasd.api.app import create_app


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def sample_db(request, tmp_path_factory) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}"
        ingest_records(url, sample_records())
        yield url
        return
    with throwaway_database("rasd_api") as server:
        url = server.set(drivername="postgresql").render_as_string(hide_password=False)
        ingest_records(url, sample_records())
        yield url


@pytest.fixture(scope="session")
def client(sample_db) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db, read_only=True)) as test_client:
        yield test_client
