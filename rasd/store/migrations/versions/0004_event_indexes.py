"""Indexes for browsing events (the API and the dashboard):

- a country (matched case-insensitively) and a date range, the most common filter;
- the date with the id, so that a page in date order is read in index order, with no sort;
- the merge pointer only where it is set: a listing of live events ("merged_into IS NULL", nearly
  every row) must never be planned through it, whatever the planner's statistics say.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SET = sa.text("merged_into IS NOT NULL")


def upgrade() -> None:
    op.create_index("ix_events_country_lower_date", "events", [sa.text("lower(country)"), "event_date"])
    op.drop_index("ix_events_event_date", "events")
    op.create_index("ix_events_event_date_event_id", "events", ["event_date", "event_id"])
    op.drop_index("ix_events_merged_into", "events")
    op.create_index("ix_events_merged_into", "events", ["merged_into"], sqlite_where=SET, postgresql_where=SET)


def downgrade() -> None:
    op.drop_index("ix_events_merged_into", "events")
    op.create_index("ix_events_merged_into", "events", ["merged_into"])
    op.drop_index("ix_events_event_date_event_id", "events")
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.drop_index("ix_events_country_lower_date", "events")
