"""Databases Rasd must not use: a clear one-line error, and nothing written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url
from store_helpers import DATA, need_postgres, rasd, snapshot

from rasd.store import READ, WRITE, StoreError, open_store
from rasd.store.engine import journal_mode, parse_url

ARTICLES = str(DATA / "articles.jsonl")
PW_ROLE = "rasd_pw_test"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- URLs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["postgresql://u:p@db.example:5432/rasd", "postgres://u:p@db.example/rasd",
                                 "postgresql+psycopg2://u:p@db.example/rasd"])
def test_postgresql_urls_use_psycopg_3(url):
    target = parse_url(url)
    assert target.url.drivername == "postgresql+psycopg"
    assert "p@" not in target.shown and "***" in target.shown


def test_a_bare_path_is_an_sqlite_file(tmp_path):
    assert parse_url(str(tmp_path / "x.db")).sqlite_path == tmp_path / "x.db"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "http://example.com/db"])
def test_unsupported_database_is_a_usage_error(url):
    with pytest.raises(StoreError) as err:
        parse_url(url)
    assert err.value.exit_code == 2 and "unsupported database" in str(err.value)


def test_cli_reports_bad_url_in_one_line():
    result = rasd("events", "--db", "mysql://u:secret@h/db")
    assert result.returncode == 2
    line = _error_line(result)
    assert "unsupported database" in line and "secret" not in line


# -- SQLite files -----------------------------------------------------------------------------


def test_missing_folder(tmp_path):
    url = f"sqlite:///{tmp_path / 'nowhere' / 'rasd.db'}"
    result = rasd("ingest", ARTICLES, "--db", url)
    assert result.returncode == 1
    assert "does not exist" in _error_line(result)
    assert not (tmp_path / "nowhere").exists()


def test_parent_is_a_file(tmp_path):
    (tmp_path / "plain").write_text("x")
    with pytest.raises(StoreError, match="is not a folder"):
        open_store(f"sqlite:///{tmp_path / 'plain' / 'rasd.db'}", WRITE)


def test_path_is_a_folder(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        open_store(f"sqlite:///{tmp_path}", WRITE)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StoreError, match="not writable"):
            open_store(f"sqlite:///{folder / 'rasd.db'}", WRITE)
        assert _siblings(folder / "x") == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_file(tmp_path, sqlite_url):
    open_store(sqlite_url, WRITE).close()
    path = tmp_path / "rasd.db"
    path.chmod(0o444)
    try:
        with pytest.raises(StoreError, match="not writable"):
            open_store(sqlite_url, WRITE)
    finally:
        path.chmod(0o644)


def test_reading_a_missing_database_creates_nothing(tmp_path):
    result = rasd("events", "--db", f"sqlite:///{tmp_path / 'rasd.db'}")
    assert result.returncode == 1
    assert "no database there yet" in _error_line(result)
    assert list(tmp_path.iterdir()) == []


def test_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("these are notes, not a database\n" * 20)
    before = _digest(path)
    result = rasd("ingest", ARTICLES, "--db", f"sqlite:///{path}")
    assert result.returncode == 1
    assert "not an SQLite database" in _error_line(result)
    assert _digest(path) == before and _siblings(path) == ["notes.txt"]


def test_sqlite_database_of_another_program(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers (name) VALUES ('someone')")
    con.commit()
    con.close()
    before = _digest(path)
    for command in (["ingest", ARTICLES], ["db", "upgrade"], ["events"], ["refuse"]):
        result = rasd(*command, "--db", f"sqlite:///{path}")
        assert result.returncode == 1, command
        assert "another program's tables (customers)" in _error_line(result)
    assert _digest(path) == before and _siblings(path) == ["other.db"]


def test_locked_database(sqlite_url, tmp_path):
    assert rasd("db", "upgrade", "--db", sqlite_url).returncode == 0
    before = snapshot(sqlite_url)
    holder = sqlite3.connect(tmp_path / "rasd.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        result = rasd("ingest", ARTICLES, "--db", sqlite_url, "--lock-timeout", "0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert "locked by another process" in _error_line(result)
    assert snapshot(sqlite_url) == before


def test_sqlite_is_in_wal_mode_with_foreign_keys(sqlite_url):
    with open_store(sqlite_url, WRITE) as store:
        assert journal_mode(store.engine) == "wal"
        with store.reading() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_a_reader_reads_while_a_writer_holds_the_lock(sqlite_url, tmp_path):
    from store_helpers import ingest_records, read_jsonl

    ingest_records(sqlite_url, read_jsonl("articles.jsonl"))
    holder = sqlite3.connect(tmp_path / "rasd.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM event_reports")  # uncommitted: readers still see the old state
    try:
        result = rasd("events", "--db", sqlite_url, "--format", "json")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 0 and '"event_id"' in result.stdout


# -- PostgreSQL --------------------------------------------------------------------------------


@pytest.mark.postgresql
def test_unreachable_postgresql_server(pg_server):
    del pg_server  # only to skip (or fail in CI) like the other PostgreSQL tests
    result = rasd("ingest", ARTICLES, "--db", "postgresql://rasd:secret@127.0.0.1:1/rasd")
    assert result.returncode == 1
    line = _error_line(result)
    assert "cannot connect to PostgreSQL" in line and "secret" not in line


@pytest.mark.postgresql
def test_missing_postgresql_database(pg_server):
    url = pg_server.set(database="rasd_no_such_database", drivername="postgresql")
    result = rasd("events", "--db", url.render_as_string(hide_password=False))
    assert result.returncode == 1
    assert 'database "rasd_no_such_database" does not exist' in _error_line(result)


@pytest.mark.postgresql
def test_postgresql_writer_waits_for_the_lock_then_gives_up(pg_url):
    from rasd.store.store import PG_WRITER_LOCK

    assert rasd("db", "upgrade", "--db", pg_url).returncode == 0
    before = snapshot(pg_url)
    other = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"))
    with other.begin() as conn:
        conn.execute(select(func.pg_advisory_xact_lock(PG_WRITER_LOCK)))  # another writer
        result = rasd("ingest", ARTICLES, "--db", pg_url, "--lock-timeout", "0.3")
    other.dispose()
    assert result.returncode == 1
    assert "locked by another process" in _error_line(result)
    assert snapshot(pg_url) == before


@pytest.mark.postgresql
def test_wrong_postgresql_password(pg_server, pg_database):
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.exec_driver_sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{PW_ROLE}'").scalar()
        verb = "ALTER" if exists else "CREATE"
        conn.exec_driver_sql(f"{verb} ROLE {PW_ROLE} LOGIN PASSWORD 'right-password'")
    admin.dispose()
    url = pg_database.set(username=PW_ROLE, password="wrong-password", drivername="postgresql")
    shown = url.render_as_string(hide_password=False)
    try:
        open_store(shown, READ)
    except StoreError as exc:
        message = str(exc)
    else:
        need_postgres(f"the server lets {PW_ROLE} in without a password (pg_hba.conf: trust)")
    assert "password authentication failed" in message
    assert "wrong-password" not in message and "\n" not in message
    assert make_url(shown).password == "wrong-password"
