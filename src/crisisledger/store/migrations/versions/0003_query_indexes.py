"""Indexes for the typical query (country + date range + event or sub-event type).

Revision ID: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_incidents_country_type_date", "incidents", ["country_code", "event_type", "date_start"]),
    ("ix_incidents_country_sub_date", "incidents", ["country_code", "sub_event_type", "date_start"]),
    ("ix_events_country_date", "events", ["country_code", "date"]),
)


def upgrade() -> None:
    """Create the query indexes."""
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    """Drop the query indexes."""
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
