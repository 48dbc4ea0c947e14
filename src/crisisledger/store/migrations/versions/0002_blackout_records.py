"""Blackouts from records (KeepItOn, IODA), merged blackouts, and their links to incidents.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create blackout_records, ledger_blackouts and blackout_links."""
    op.create_table(
        "blackout_records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("source_id", sa.String, nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("area", sa.Text),
        sa.Column("location", sa.JSON),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("duration_hours", sa.Float),
        sa.Column("shutdown_type", sa.String),
        sa.Column("status", sa.String),
        sa.Column("services", sa.JSON, nullable=False),
        sa.Column("cause", sa.Text),
        sa.Column("ordered_by", sa.Text),
        sa.Column("url", sa.Text),
        sa.UniqueConstraint("source", "source_id", name="uq_blackout_records_source_id"),
    )
    op.create_index("ix_blackout_records_country_start", "blackout_records", ["country_code", "start"])
    op.create_table(
        "ledger_blackouts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("area", sa.Text),
        sa.Column("location", sa.JSON),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("services", sa.JSON, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("members", sa.JSON, nullable=False),
    )
    op.create_index("ix_ledger_blackouts_country_start", "ledger_blackouts", ["country_code", "start"])
    op.create_table(
        "blackout_links",
        sa.Column(
            "blackout_id",
            sa.Integer,
            sa.ForeignKey("ledger_blackouts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "incident_id", sa.Integer, sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_blackout_links_incident_id", "blackout_links", ["incident_id"])


def downgrade() -> None:
    """Drop the three blackout tables."""
    op.drop_table("blackout_links")
    op.drop_table("ledger_blackouts")
    op.drop_table("blackout_records")
