"""Opening the event database: checks, schema revision, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, func, select

from rasd.store.engine import (
    DEFAULT_LOCK_TIMEOUT,
    Target,
    check_sqlite_file,
    enable_wal,
    make_engine,
    parse_url,
    translated,
)
from rasd.store.entities import forget_entity_ids, keep_entity_ids
from rasd.store.errors import StoreError
from rasd.store.migrate import CURRENT, EMPTY, FOREIGN, NEWER, OLDER, SchemaState, schema_state, upgrade

READ, WRITE, UPGRADE, INSPECT = "read", "write", "upgrade", "inspect"
SQLITE_ANALYSIS_ROWS = 400
PG_WRITER_LOCK = 0x72617364  # advisory lock id: one writer transaction at a time on PostgreSQL


class Store:
    """An open event database. Use :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, target: Target, engine: Engine, state: SchemaState, lock_timeout: float) -> None:
        self.target = target
        self.engine = engine
        self.state = state
        self.lock_timeout = lock_timeout

    @property
    def shown(self) -> str:
        return self.target.shown

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back when it raises."""
        info: dict = {}
        committed = False
        try:
            with translated(self.target, self.lock_timeout), self.engine.begin() as conn:
                info = conn.info
                if self.backend == "postgresql":
                    wait_ms = max(int(self.lock_timeout * 1000), 1)
                    # one round trip: the lock wait, then the single-writer lock
                    conn.execute(select(func.set_config("lock_timeout", f"{wait_ms}ms", True),
                                        func.pg_advisory_xact_lock(PG_WRITER_LOCK)))
                yield conn
            committed = True
        finally:
            (keep_entity_ids if committed else forget_entity_ids)(info)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with translated(self.target, self.lock_timeout), self.engine.connect() as conn:
            yield conn

    def refresh_statistics(self) -> None:
        """Let the query planner know the tables' sizes again (after an ingest): without them
        SQLite picks the merged_into index for every listing of live events and sorts them all.
        SQLite's analysis is sampled (a few hundred rows per index), so it stays fast on any size."""
        with self.transaction() as conn:
            if self.backend == "sqlite":
                conn.exec_driver_sql(f"PRAGMA analysis_limit = {SQLITE_ANALYSIS_ROWS}")
                conn.exec_driver_sql("ANALYZE")
            else:
                conn.exec_driver_sql("ANALYZE events, reports, articles, article_bands, event_reports")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str, mode: str = READ, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Store:
    """Open ``url`` for ``mode``: read (at the latest revision), write (an empty database is
    created), upgrade (an older one is migrated), inspect (any Rasd revision)."""
    target = parse_url(url)
    writes = mode in (WRITE, UPGRADE)
    exists = check_sqlite_file(target, write=writes)
    if not exists and not writes:
        raise StoreError(f"{target.shown}: no database there yet (rasd ingest or rasd db upgrade creates it)")
    engine = make_engine(target, write=writes, lock_timeout=lock_timeout)
    try:
        with translated(target, lock_timeout):
            with engine.connect() as conn:
                state = schema_state(conn)
            check_state(target, state, mode)
            if writes:
                state = _prepare_for_writing(engine, state)
    except BaseException:
        engine.dispose()
        raise
    return Store(target, engine, state, lock_timeout)


def _prepare_for_writing(engine: Engine, state: SchemaState) -> SchemaState:
    enable_wal(engine)
    if state.kind in (EMPTY, OLDER):
        upgrade(engine)
        with engine.connect() as conn:
            state = schema_state(conn)
    return state


def check_state(target: Target, state: SchemaState, mode: str) -> None:
    """Refuse a database this command must not touch, with what to do about it."""
    shown = target.shown
    if state.kind == FOREIGN:
        listed = ", ".join(state.tables[:5]) + (", …" if len(state.tables) > 5 else "")
        raise StoreError(f"{shown}: holds another program's tables ({listed}), not Rasd's; "
                         "nothing was changed (choose another --db)")
    if mode == INSPECT or state.kind == CURRENT:
        return
    if state.kind == NEWER:
        raise StoreError(f"{shown}: schema revision {state.revision} is newer than this Rasd knows "
                         f"(its latest is {state.head}); upgrade Rasd to use this database")
    if state.kind == EMPTY and mode == READ:
        raise StoreError(f"{shown}: not a Rasd database yet (no tables); rasd ingest or rasd db upgrade creates it")
    if state.kind == OLDER and mode != UPGRADE:
        raise StoreError(f"{shown}: schema revision {state.revision or 'none'} is older than this Rasd's "
                         f"{state.head}; run: rasd db upgrade --db {shown}")
