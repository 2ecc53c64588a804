"""Schema revisions: read a database's revision and upgrade it with the packaged migrations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from rasd.store.schema import VERSION_TABLE

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

EMPTY, CURRENT, OLDER, NEWER, FOREIGN = "empty", "current", "older", "newer", "foreign"


@dataclass(frozen=True, slots=True)
class SchemaState:
    kind: str  # empty | current | older | newer | foreign
    revision: str | None
    head: str
    tables: tuple[str, ...] = ()


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "no migrations packaged"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in script_directory().walk_revisions()}


def schema_state(conn: Connection) -> SchemaState:
    tables = tuple(sorted(inspect(conn).get_table_names()))
    head = head_revision()
    if VERSION_TABLE not in tables:
        return SchemaState(FOREIGN if tables else EMPTY, None, head, tables)
    revision = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()
    if revision == head:
        kind = CURRENT
    elif revision is None or revision in known_revisions():
        kind = OLDER
    else:
        kind = NEWER
    return SchemaState(kind, revision, head, tables)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction."""
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), revision)
        conn.commit()
