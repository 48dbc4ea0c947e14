"""Initial ledger schema: articles, events, figures, claims, blackouts, incidents, decisions.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def upgrade() -> None:
    """Create every table of the first ledger schema."""
    op.create_table(
        "articles",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("duplicate_of", sa.String, sa.ForeignKey("articles.id")),
        sa.Column("duplicate_score", sa.Float),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "article_aliases",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("article_id", sa.String, _article_fk(), nullable=False, index=True),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String, _article_fk(), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("is_main", sa.Boolean, nullable=False),
        sa.Column("event_type", sa.String, nullable=False),
        sa.Column("sub_event_type", sa.String, nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("date_precision", sa.String(8), nullable=False),
        sa.Column("location", sa.JSON),
        sa.Column("place", sa.Text),
        sa.Column("country_code", sa.String(2)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geonames_id", sa.Integer),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("injured", sa.Integer),
        sa.Column("arrested", sa.Integer),
        sa.UniqueConstraint("article_id", "idx", name="uq_events_article_idx"),
    )
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String, _article_fk(), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL"), index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("min", sa.Integer),
        sa.Column("max", sa.Integer),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("group", sa.String),
        sa.Column("location", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("attributed_to", sa.Text),
        sa.Column("reported_by", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.UniqueConstraint("article_id", "idx", name="uq_figures_article_idx"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String, _article_fk(), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("speaker", sa.Text, nullable=False),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("quote", sa.Text),
        sa.Column("reported_by", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.UniqueConstraint("article_id", "idx", name="uq_claims_article_idx"),
    )
    op.create_table(
        "blackouts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String, _article_fk(), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("country_code", sa.String(2)),
        sa.Column("area", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("duration_hours", sa.Float),
        sa.Column("services", sa.JSON, nullable=False),
        sa.Column("reported_by", sa.Text),
        sa.Column("ordered_by", sa.Text),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.UniqueConstraint("article_id", "idx", name="uq_blackouts_article_idx"),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event_type", sa.String, nullable=False),
        sa.Column("sub_event_type", sa.String, nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("place", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("country_code", sa.String(2)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("location", sa.JSON),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("injured", sa.Integer),
        sa.Column("arrested", sa.Integer),
        sa.Column("article_ids", sa.JSON, nullable=False),
        sa.Column("summary", sa.JSON, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
    )
    op.create_index("ix_incidents_country_date", "incidents", ["country_code", "date_start"])
    op.create_index("ix_incidents_type_date", "incidents", ["event_type", "date_start"])
    op.create_index("ix_incidents_date", "incidents", ["date_start"])
    op.create_table(
        "incident_events",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "incident_id",
            sa.Integer,
            sa.ForeignKey("incidents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("a_article", sa.String, nullable=False),
        sa.Column("a_idx", sa.Integer, nullable=False),
        sa.Column("b_article", sa.String, nullable=False),
        sa.Column("b_idx", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    """Drop every table of the first ledger schema."""
    for name in (
        "decisions",
        "incident_events",
        "incidents",
        "blackouts",
        "claims",
        "figures",
        "events",
        "article_aliases",
        "articles",
    ):
        op.drop_table(name)
