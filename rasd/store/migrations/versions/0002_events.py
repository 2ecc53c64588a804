"""Fused events, their links to reports, and the places and actors they reference.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _stamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _fused_columns() -> list[sa.Column]:
    text = sa.String
    return [
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.Integer),
        sa.Column("disorder_type", text(60)),
        sa.Column("event_type", text(60)),
        sa.Column("sub_event_type", text(60)),
        sa.Column("actor1", text(300)),
        sa.Column("actor2", text(300)),
        sa.Column("inter1", sa.Integer),
        sa.Column("inter2", sa.Integer),
        sa.Column("interaction", sa.Integer),
        sa.Column("civilian_targeting", text(40)),
        sa.Column("iso", sa.Integer),
        sa.Column("region", text(100)),
        sa.Column("country", text(100)),
        sa.Column("admin1", text(200)),
        sa.Column("admin2", text(200)),
        sa.Column("admin3", text(200)),
        sa.Column("location", text(300)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_min", sa.Integer),
        sa.Column("fatalities_max", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("injured", sa.Integer),
        sa.Column("injured_min", sa.Integer),
        sa.Column("injured_max", sa.Integer),
        sa.Column("injured_best", sa.Integer),
        sa.Column("source_count", sa.Integer),
        sa.Column("outlets", JSON),
        sa.Column("grading", text(20)),
        sa.Column("first_seen", text(40)),
        sa.Column("last_seen", text(40)),
        sa.Column("confidence", sa.Float),
        sa.Column("notes", sa.Text),
        sa.Column("is_recap", sa.Boolean),
    ]


def upgrade() -> None:
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("key", sa.String(1000), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("country", sa.String(100)),
        sa.Column("iso", sa.Integer),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("admin3", sa.String(200)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
        sa.UniqueConstraint("key", name="uq_places_key"),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("inter", sa.Integer),
        sa.Column("country", sa.String(100)),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
        sa.UniqueConstraint("name", name="uq_actors_name"),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(230), nullable=False),
        *_fused_columns(),
        sa.Column("extra", JSON, nullable=False),
        sa.Column("place_id", sa.Integer),
        sa.Column("actor1_id", sa.Integer),
        sa.Column("actor2_id", sa.Integer),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.Column("merged_into", sa.String(230)),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name="fk_events_place_id_places"),
        sa.ForeignKeyConstraint(["actor1_id"], ["actors.id"], name="fk_events_actor1_id_actors"),
        sa.ForeignKeyConstraint(["actor2_id"], ["actors.id"], name="fk_events_actor2_id_actors"),
        sa.ForeignKeyConstraint(["merged_into"], ["events.event_id"], name="fk_events_merged_into_events"),
    )
    for name, columns in (
        ("ix_events_place_id", ["place_id"]),
        ("ix_events_actor1_id", ["actor1_id"]),
        ("ix_events_actor2_id", ["actor2_id"]),
        ("ix_events_merged_into", ["merged_into"]),
        ("ix_events_country_event_date", ["country", "event_date"]),
        ("ix_events_event_date", ["event_date"]),
    ):
        op.create_index(name, "events", columns)
    op.create_table(
        "event_reports",
        sa.Column("event_id", sa.String(230), nullable=False),
        sa.Column("report_id", sa.String(230), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("parts", JSON, nullable=False),
        sa.Column("reason", sa.Text),
        sa.PrimaryKeyConstraint("event_id", "report_id", name="pk_event_reports"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.event_id"], name="fk_event_reports_event_id_events", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.report_id"], name="fk_event_reports_report_id_reports", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("report_id", name="uq_event_reports_report_id"),
    )


def downgrade() -> None:
    for table in ("event_reports", "events", "actors", "places"):
        op.drop_table(table)
