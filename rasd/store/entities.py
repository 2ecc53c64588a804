"""Referenced entities: outlets (sources), places and actors, created on first use."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from rasd.store.schema import actors, places, sources

_COUNTRY_SUFFIX = re.compile(r"\(([^()]+)\)\s*$")


def _get_or_create(conn: Connection, table: Table, key: Column, values: dict[str, Any]) -> int:
    """The id of the row whose ``key`` equals ``values[key.name]``, inserted when missing
    (``ON CONFLICT DO NOTHING``, so two concurrent writers never collide)."""
    found = conn.execute(select(table.c.id).where(key == values[key.name])).scalar()
    if found is not None:
        return int(found)
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(dialect_insert(table).values(**values).on_conflict_do_nothing(index_elements=[key.name]))
    return int(conn.execute(select(table.c.id).where(key == values[key.name])).scalar_one())


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
