"""Referenced entities: outlets (sources), places and actors, created on first use."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from rasd.store.schema import actors, places, sources

_COUNTRY_SUFFIX = re.compile(r"\(([^()]+)\)\s*$")


CACHE = "rasd_entity_ids"


def _get_or_create(conn: Connection, table: Table, key: Column, values: dict[str, Any]) -> int:
    """The id of the row whose ``key`` equals ``values[key.name]``, inserted when missing
    (``ON CONFLICT DO NOTHING``, so two concurrent writers never collide).

    Entity rows are never deleted, so ids are remembered on the connection: those seen in the
    open transaction are kept once it commits (:func:`keep_entity_ids`) and dropped if it rolls
    back (an id inserted then would not exist)."""
    cache = conn.info.setdefault(CACHE, ({}, {}))
    committed, pending = cache
    cache_key = (table.name, values[key.name])
    found = committed.get(cache_key) or pending.get(cache_key)
    if found is not None:
        return int(found)
    found = conn.execute(select(table.c.id).where(key == values[key.name])).scalar()
    if found is None:
        dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        conn.execute(dialect_insert(table).on_conflict_do_nothing(index_elements=[key.name]), values)
        found = conn.execute(select(table.c.id).where(key == values[key.name])).scalar_one()
    pending[cache_key] = int(found)
    return int(found)


def keep_entity_ids(info: dict[str, Any]) -> None:
    """After a commit (``info``: the connection's ``info``): the ids met in the transaction are
    now safe to reuse."""
    cache = info.get(CACHE)
    if cache:
        cache[0].update(cache[1])
        cache[1].clear()


def forget_entity_ids(info: dict[str, Any]) -> None:
    """After a rollback: ids met in the transaction may name rows that no longer exist."""
    cache = info.get(CACHE)
    if cache:
        cache[1].clear()


def source_id(conn: Connection, name: str, now: datetime) -> int:
    return _get_or_create(conn, sources, sources.c.name, {"name": name, "first_seen": now})


def actor_id(conn: Connection, name: str | None, inter: Any) -> int | None:
    if not name:
        return None
    match = _COUNTRY_SUFFIX.search(name)
    values = {
        "name": name,
        "inter": int(inter) if isinstance(inter, int | float) else None,
        "country": match.group(1).strip() if match else None,
    }
    return _get_or_create(conn, actors, actors.c.name, values)


def place_key(fields: dict[str, Any]) -> str | None:
    name = fields.get("location")
    if not name:
        return None
    lat, lon = fields.get("latitude"), fields.get("longitude")
    coords = [f"{float(v):.4f}" if isinstance(v, int | float) else "" for v in (lat, lon)]
    parts = [str(fields.get(k) or "") for k in ("country", "admin1", "admin2", "admin3")]
    return "|".join([str(name), *parts, *coords])


def place_id(conn: Connection, fields: dict[str, Any]) -> int | None:
    key = place_key(fields)
    if key is None:
        return None
    values = {
        "key": key,
        "name": fields["location"],
        "country": fields.get("country"),
        "iso": fields.get("iso"),
        "admin1": fields.get("admin1"),
        "admin2": fields.get("admin2"),
        "admin3": fields.get("admin3"),
        "latitude": fields.get("latitude"),
        "longitude": fields.get("longitude"),
    }
    return _get_or_create(conn, places, places.c.key, values)
