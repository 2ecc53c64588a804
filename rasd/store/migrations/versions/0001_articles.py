"""Articles, their extracted reports and mentions, outlets, ingest runs.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _stamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        _stamp("first_seen"),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("name", name="uq_sources_name"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(220), nullable=False),
        sa.Column("url", sa.String(2000)),
        sa.Column("outlet", sa.String(300)),
        sa.Column("source_id", sa.Integer),
        sa.Column("published", sa.String(40)),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("pipeline_version", sa.String(100), nullable=False),
        sa.Column("meta", JSON, nullable=False),
        _stamp("ingested_at"),
        _stamp("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name="fk_articles_source_id_sources"),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_table(
        "reports",
        sa.Column("report_id", sa.String(230), nullable=False),
        sa.Column("article_id", sa.String(220), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("event", JSON, nullable=False),
        sa.Column("evidence", JSON, nullable=False),
        sa.Column("country", sa.String(100)),
        sa.Column("event_day", sa.Date),
        sa.Column("time_precision", sa.Integer),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("event_type", sa.String(60)),
        sa.Column("sub_event_type", sa.String(60)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("injured", sa.Integer),
        sa.Column("actor1", sa.String(300)),
        sa.Column("actor2", sa.String(300)),
        sa.Column("is_recap", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("report_id", name="pk_reports"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_reports_article_id_articles", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("article_id", "n", name="uq_reports_article_id_n"),
    )
    op.create_index("ix_reports_article_id", "reports", ["article_id"])
    op.create_index("ix_reports_country_event_day", "reports", ["country", "event_day"])
    op.create_table(
        "article_mentions",
        sa.Column("article_id", sa.String(220), nullable=False),
        sa.Column("mentions", JSON, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_mentions"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_article_mentions_article_id_articles", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("command", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _stamp("started_at"),
        _stamp("finished_at", nullable=True),
        sa.Column("pipeline_version", sa.String(100), nullable=False),
        sa.Column("inputs", JSON, nullable=False),
        sa.Column("counts", JSON, nullable=False),
        sa.Column("errors", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_runs"),
    )


def downgrade() -> None:
    for table in ("ingest_runs", "article_mentions", "reports", "articles", "sources"):
        op.drop_table(table)
