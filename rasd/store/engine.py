"""Database URLs and engines: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL (psycopg 3).

Every problem met while opening or using a database becomes a one-line :class:`StoreError`
naming the database (its password hidden). Checks that can be made before touching the
database (a missing folder, a file that is not SQLite) are made first, so nothing is written.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DataError, DBAPIError, IntegrityError, NoSuchModuleError

from rasd.store.errors import EXIT_USAGE, StoreError

DEFAULT_URL = "sqlite:///rasd.db"
DEFAULT_LOCK_TIMEOUT = 10.0  # seconds a writer waits for another writer's lock
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DRIVER = "postgresql+psycopg"
PG_CONNECT_TIMEOUT = 10


@dataclass(frozen=True, slots=True)
class Target:
    """A parsed database URL."""

    url: URL

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def shown(self) -> str:
        """The URL as the user writes it, password hidden."""
        url = self.url.set(drivername="postgresql") if self.backend == "postgresql" else self.url
        return url.render_as_string(hide_password=True)

    @property
    def sqlite_path(self) -> Path | None:
        """The database file of an SQLite URL; None for PostgreSQL and in-memory SQLite."""
        if self.backend != "sqlite" or self.url.database in (None, "", ":memory:"):
            return None
        return Path(self.url.database)


def parse_url(text: str) -> Target:
    """``sqlite:///FILE`` (or a bare file path) or ``postgresql://USER:PASSWORD@HOST:PORT/DB``."""
    if "://" not in text:
        text = f"sqlite:///{text}"
    try:
        url = make_url(text)
    except ArgumentError:
        raise StoreError(f"{text!r} is not a database URL (sqlite:///FILE or postgresql://…)", EXIT_USAGE) from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        url = url.set(drivername=PG_DRIVER)
    elif backend != "sqlite":
        raise StoreError(
            f"{url.render_as_string(hide_password=True)}: unsupported database "
            "(use sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DATABASE)",
            EXIT_USAGE,
        )
    return Target(url)


def check_sqlite_file(target: Target, *, write: bool) -> bool:
    """Refuse paths SQLite cannot use, before anything is created. True when the file exists."""
    path = target.sqlite_path
    if path is None:
        return True
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists():
        _check_existing_file(path, folder, write=write)
        return True
    if not folder.exists():
        raise StoreError(f"{target.shown}: folder {folder} does not exist")
    if not folder.is_dir():
        raise StoreError(f"{target.shown}: {folder} is not a folder")
    if write and not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"{target.shown}: folder {folder} is not writable")
    return False


def _check_existing_file(path: Path, folder: Path, *, write: bool) -> None:
    if path.is_dir():
        raise StoreError(f"sqlite:///{path}: is a folder, not a database file")
    if not os.access(path, os.R_OK):
        raise StoreError(f"sqlite:///{path}: file is not readable")
    if write and not os.access(path, os.W_OK):
        raise StoreError(f"sqlite:///{path}: file is not writable")
    if write and not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"sqlite:///{path}: folder {folder} is not writable (SQLite keeps its journal there)")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"sqlite:///{path}: not an SQLite database file")


def make_engine(target: Target, *, write: bool, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Engine:
    if target.backend == "sqlite":
        return _sqlite_engine(target, write=write, lock_timeout=lock_timeout)
    try:
        return create_engine(
            target.url,
            connect_args={"connect_timeout": PG_CONNECT_TIMEOUT},
            pool_pre_ping=True,
        )
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(
            f"{target.shown}: the PostgreSQL driver is missing ({exc}); pip install 'psycopg[binary]'"
        ) from None


def _sqlite_engine(target: Target, *, write: bool, lock_timeout: float) -> Engine:
    engine = create_engine(target.url)
    busy_ms = max(int(lock_timeout * 1000), 0)
    begin = "BEGIN IMMEDIATE" if write else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling defers it).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
        if write:
            # In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed article
            # survives Rasd being killed; a power cut may lose the last commits, never half of one.
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock at once, so two writers never deadlock on an upgrade.
        conn.exec_driver_sql(begin)

    return engine


def enable_wal(engine: Engine) -> None:
    """Switch an SQLite database (one that is Rasd's) to write-ahead logging; it persists."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()  # outside any transaction: journal_mode cannot change inside one
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        mode = cursor.fetchone()[0]
        cursor.close()
    finally:
        raw.close()
    if str(mode).lower() not in ("wal", "memory"):
        raise StoreError(f"{engine.url.render_as_string(hide_password=True)}: cannot switch to WAL mode ({mode})")


def journal_mode(engine: Engine) -> str:
    if engine.dialect.name != "sqlite":
        return "-"
    with engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())


@contextmanager
def translated(target: Target, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Turn driver errors (connection, lock, file) into a one-line StoreError naming the database."""
    try:
        yield
    except (IntegrityError, DataError):
        raise  # a problem with one article's data, not with the database
    except DBAPIError as exc:
        raise StoreError(describe(exc, target, lock_timeout)) from None


def describe(exc: DBAPIError, target: Target, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> str:
    orig = exc.orig
    text = "; ".join(" ".join(line.split()) for line in str(orig).splitlines() if line.strip())
    if isinstance(orig, sqlite3.Error):
        return f"{target.shown}: {_sqlite_message(text, lock_timeout)}"
    if "lock timeout" in text:
        return f"{target.shown}: {_locked(lock_timeout)}"
    if exc.connection_invalidated or _is_connect_failure(text):
        return f"{target.shown}: cannot connect to PostgreSQL: {_pg_connect_detail(text)}"
    return f"{target.shown}: {type(orig).__name__}: {text}"


def _sqlite_message(text: str, lock_timeout: float) -> str:
    low = text.lower()
    if "locked" in low or "busy" in low:
        return _locked(lock_timeout)
    if "not a database" in low:
        return "not an SQLite database file"
    if "readonly" in low or "read-only" in low:
        return "the database is read-only"
    if "unable to open" in low:
        return "cannot open the database file (check the folder and its permissions)"
    return text


def _locked(lock_timeout: float) -> str:
    return (f"the database is locked by another process (waited {lock_timeout:g} s); "
            "try again when it has finished")


def _is_connect_failure(text: str) -> bool:
    return text.startswith("connection failed") or "connection to server" in text


def _pg_connect_detail(text: str) -> str:
    detail = re.split(r"\bfailed:\s*", text)[-1].replace("; Is the", "; is the")
    detail = re.sub(r"^(FATAL|ERROR):\s*", "", detail)
    return detail.rstrip(". ")
