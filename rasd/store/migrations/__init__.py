"""Alembic migrations of the event database, run programmatically by :mod:`rasd.store.migrate`."""
