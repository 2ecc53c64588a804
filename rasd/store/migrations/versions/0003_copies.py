"""Copies of articles: exact and near duplicates (syndicated wire copies) are stored as articles
of their own that point at the article they copy, with its reports; LSH band keys of every
original article find the copies of the next ones.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("copy_of", sa.String(220)))
        batch.add_column(sa.Column("similarity", sa.Float))
    op.create_index("ix_articles_copy_of", "articles", ["copy_of"])
    op.create_index("ix_articles_text_sha256", "articles", ["text_sha256"])
    op.create_table(
        "article_bands",
        sa.Column("band", sa.BigInteger, nullable=False),
        sa.Column("article_id", sa.String(220), nullable=False),
        sa.PrimaryKeyConstraint("band", "article_id", name="pk_article_bands"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_article_bands_article_id_articles", ondelete="CASCADE"
        ),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_article_bands_article_id", "article_bands", ["article_id"])


def downgrade() -> None:
    op.drop_table("article_bands")
    op.drop_index("ix_articles_text_sha256", "articles")
    op.drop_index("ix_articles_copy_of", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("similarity")
        batch.drop_column("copy_of")
