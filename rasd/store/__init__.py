"""The event database: articles, per-article reports, fused events (SQLite or PostgreSQL).

    from rasd.store import open_store, WRITE
    with open_store("sqlite:///rasd.db", WRITE) as store:
        ...

See docs/store.md for the tables, the ingest rules and the commands that use them.
"""

from rasd.store.errors import StoreError
from rasd.store.store import INSPECT, READ, UPGRADE, WRITE, Store, open_store

__all__ = ["INSPECT", "READ", "UPGRADE", "WRITE", "Store", "StoreError", "open_store"]
