"""Schema revisions: created from scratch, upgraded from an older one, a newer one refused."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, func, select, update
from store_helpers import DATA, rasd

from rasd.store import INSPECT, WRITE, open_store
from rasd.store.engine import make_engine, parse_url
from rasd.store.migrate import head_revision, known_revisions, upgrade
from rasd.store.schema import VERSION_TABLE, articles, metadata

ARTICLES = str(DATA / "articles.jsonl")


def _engine(url: str):
    return make_engine(parse_url(url), write=True)


def _article_count(url: str) -> int:
    with open_store(url, INSPECT) as store, store.reading() as conn:
        return conn.execute(select(func.count()).select_from(articles)).scalar_one()


def test_revisions_form_one_chain():
    assert known_revisions() == {"0001", "0002", "0003", "0004"}
    assert head_revision() == "0004"


def test_upgrade_from_base_gives_exactly_the_schema(db_url):
    result = rasd("db", "upgrade", "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert "upgraded from revision none to 0004" in result.stdout
    engine = _engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        diffs = compare_metadata(context, metadata)
    engine.dispose()
    assert diffs == []
    again = rasd("db", "upgrade", "--db", db_url)
    assert again.returncode == 0 and "at the latest schema revision 0004" in again.stdout


def test_older_revision_is_upgraded_by_db_upgrade_and_refused_by_the_rest(db_url):
    engine = _engine(db_url)
    upgrade(engine, "0001")
    engine.dispose()
    for command in (["events"], ["ingest", ARTICLES], ["explain", "ev-1"], ["refuse"]):
        result = rasd(*command, "--db", db_url)
        assert result.returncode == 1, command
        assert "schema revision 0001 is older" in result.stderr and "rasd db upgrade" in result.stderr
    assert _article_count(db_url) == 0
    info = rasd("db", "info", "--db", db_url)
    assert info.returncode == 0 and "schema revision: 0001" in info.stdout and "older" in info.stdout
    result = rasd("db", "upgrade", "--db", db_url)
    assert result.returncode == 0 and "upgraded from revision 0001 to 0004" in result.stdout
    assert rasd("ingest", ARTICLES, "--db", db_url).returncode == 0
    assert _article_count(db_url) == 4


def test_newer_unknown_revision_is_refused(db_url):
    with open_store(db_url, WRITE) as store, store.transaction() as conn:
        version = Table(VERSION_TABLE, MetaData(), autoload_with=conn)
        conn.execute(update(version).values(version_num="0099"))
    for command in (["events"], ["ingest", ARTICLES], ["db", "upgrade"], ["refuse"]):
        result = rasd(*command, "--db", db_url)
        assert result.returncode == 1, command
        assert "schema revision 0099 is newer than this Rasd knows" in result.stderr
    assert _article_count(db_url) == 0
    info = rasd("db", "info", "--db", db_url)
    assert info.returncode == 0 and "0099" in info.stdout and "newer" in info.stdout
