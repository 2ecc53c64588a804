"""Alembic environment: runs on the connection that :mod:`rasd.store.migrate` passes in."""

from __future__ import annotations

from alembic import context

from rasd.store.schema import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
