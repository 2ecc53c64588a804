"""The event database's tables (SQLAlchemy Core), as the latest migration leaves them.

The migrations in ``rasd/store/migrations/versions/`` create these tables step by step; a test
checks that a database upgraded from scratch matches this metadata exactly.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB

VERSION_TABLE = "rasd_schema_version"

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# JSON on SQLite, JSONB on PostgreSQL.
Json = JSON().with_variant(JSONB(), "postgresql")

ID = 220  # article and report ids
NAME = 300


def _stamp(name: str, nullable: bool = False) -> Column:
    return Column(name, DateTime(timezone=True), nullable=nullable)


sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(NAME), nullable=False, unique=True),
    _stamp("first_seen"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("url", String(2000), index=True),
    Column("outlet", String(NAME)),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("published", String(40)),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("pipeline_version", String(100), nullable=False),
    Column("meta", Json, nullable=False),
    _stamp("ingested_at"),
    _stamp("updated_at"),
    # a copy (the same text, or a near copy) of another stored article: the reports are the
    # original's, re-anchored on this text and credited to this article's outlet
    Column("copy_of", String(ID), index=True),
    Column("similarity", Float),
    Index("ix_articles_text_sha256", "text_sha256"),
)

# LSH band keys of the MinHash of every original (not copied) article, to find its copies
article_bands = Table(
    "article_bands",
    metadata,
    Column("band", BigInteger, primary_key=True),
    Column("article_id", String(ID), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True),
    sqlite_with_rowid=False,  # the key is the table: one b-tree fewer to write per article
)

reports = Table(
    "reports",
    metadata,
    Column("report_id", String(ID + 10), primary_key=True),
    Column("article_id", String(ID), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("n", Integer, nullable=False),
    Column("event", Json, nullable=False),
    Column("evidence", Json, nullable=False),
    Column("country", String(100)),
    Column("event_day", Date),
    Column("time_precision", Integer),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("event_type", String(60)),
    Column("sub_event_type", String(60)),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("actor1", String(NAME)),
    Column("actor2", String(NAME)),
    Column("is_recap", Boolean, nullable=False),
    UniqueConstraint("article_id", "n"),
    Index("ix_reports_country_event_day", "country", "event_day"),
)

article_mentions = Table(
    "article_mentions",
    metadata,
    Column("article_id", String(ID), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("mentions", Json, nullable=False),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    _stamp("started_at"),
    _stamp("finished_at", nullable=True),
    Column("pipeline_version", String(100), nullable=False),
    Column("inputs", Json, nullable=False),
    Column("counts", Json, nullable=False),
    Column("errors", Json, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(1000), nullable=False, unique=True),
    Column("name", String(NAME), nullable=False),
    Column("country", String(100)),
    Column("iso", Integer),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("admin3", String(200)),
    Column("latitude", Float),
    Column("longitude", Float),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(NAME), nullable=False, unique=True),
    Column("inter", Integer),
    Column("country", String(100)),
)

# Fused event columns filled from ``FusedCluster.fields`` (same names).
EVENT_FIELD_COLUMNS: tuple[Column, ...] = (
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("disorder_type", String(60)),
    Column("event_type", String(60)),
    Column("sub_event_type", String(60)),
    Column("actor1", String(NAME)),
    Column("actor2", String(NAME)),
    Column("inter1", Integer),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", String(40)),
    Column("iso", Integer),
    Column("region", String(100)),
    Column("country", String(100)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("admin3", String(200)),
    Column("location", String(NAME)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_min", Integer),
    Column("fatalities_max", Integer),
    Column("fatalities_best", Integer),
    Column("injured", Integer),
    Column("injured_min", Integer),
    Column("injured_max", Integer),
    Column("injured_best", Integer),
    Column("source_count", Integer),
    Column("outlets", Json),
    Column("grading", String(20)),
    Column("first_seen", String(40)),
    Column("last_seen", String(40)),
    Column("confidence", Float),
    Column("notes", Text),
    Column("is_recap", Boolean),
)
EVENT_FIELDS: tuple[str, ...] = tuple(c.name for c in EVENT_FIELD_COLUMNS)

events = Table(
    "events",
    metadata,
    Column("event_id", String(ID + 10), primary_key=True),
    *EVENT_FIELD_COLUMNS,
    Column("extra", Json, nullable=False),
    Column("place_id", Integer, ForeignKey("places.id"), index=True),
    Column("actor1_id", Integer, ForeignKey("actors.id"), index=True),
    Column("actor2_id", Integer, ForeignKey("actors.id"), index=True),
    Column("fingerprint", String(64), nullable=False),
    _stamp("created_at"),
    _stamp("updated_at"),
    Column("merged_into", String(ID + 10), ForeignKey("events.event_id")),
    Column("deleted", Boolean, nullable=False),
    Index("ix_events_country_event_date", "country", "event_date"),
    Index("ix_events_event_date_event_id", "event_date", "event_id"),  # pages in date order, no sort
)
# filters match a country case-insensitively (rasd/store/filters.py): an index on the expression
Index("ix_events_country_lower_date", func.lower(events.c.country), events.c.event_date)
# only where set: a listing of live events (merged_into IS NULL) is never planned through it
_MERGED = events.c.merged_into.is_not(None)
Index("ix_events_merged_into", events.c.merged_into, sqlite_where=_MERGED, postgresql_where=_MERGED)

event_reports = Table(
    "event_reports",
    metadata,
    Column("event_id", String(ID + 10), ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("report_id", String(ID + 10), ForeignKey("reports.report_id", ondelete="CASCADE"), primary_key=True),
    Column("score", Float),
    Column("parts", Json, nullable=False),
    Column("reason", Text),
    UniqueConstraint("report_id"),
)

RASD_TABLES: tuple[str, ...] = tuple(metadata.tables)
