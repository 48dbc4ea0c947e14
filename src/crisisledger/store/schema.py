"""The ledger's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

The migration scripts in `migrations/versions` create exactly these tables; a test
checks that the two agree. Events and figures are keyed by the article they came
from and their position in its record (`article_id`, `idx`), which stays stable
across re-ingests, so user decisions can refer to them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("published", Date),
    Column("url", Text),
    Column("source", Text),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("record", JSON, nullable=False),
    Column("minhash", LargeBinary),
    Column("duplicate_of", String, ForeignKey("articles.id")),
    Column("duplicate_score", Float),
    Column("ingested_at", DateTime, nullable=False),
)

article_aliases = Table(
    "article_aliases",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("is_main", Boolean, nullable=False, default=False),
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("date", Date),
    Column("date_precision", String(8), nullable=False),
    Column("location", JSON),
    Column("place", Text),
    Column("country_code", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("actors", JSON, nullable=False),
    Column("fatalities", Integer, nullable=False),
    Column("injured", Integer),
    Column("arrested", Integer),
    UniqueConstraint("article_id", "idx", name="uq_events_article_idx"),
    Index("ix_events_country_date", "country_code", "date"),  # migration 0003
)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="SET NULL"), index=True),
    Column("kind", String(16), nullable=False),
    Column("value", Integer, nullable=False),
    Column("min", Integer),
    Column("max", Integer),
    Column("qualifier", String(16), nullable=False),
    Column("group", String),
    Column("location", Text),
    Column("date", Date),
    Column("attributed_to", Text),
    Column("reported_by", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("in_title", Boolean, nullable=False, default=False, server_default=false()),  # migration 0006
    UniqueConstraint("article_id", "idx", name="uq_figures_article_idx"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("speaker", Text, nullable=False),
    Column("statement", Text, nullable=False),
    Column("quote", Text),
    Column("reported_by", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    UniqueConstraint("article_id", "idx", name="uq_claims_article_idx"),
)

blackouts = Table(
    "blackouts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("country_code", String(2)),
    Column("area", Text),
    Column("status", String(16), nullable=False),
    Column("start", Date),
    Column("end", Date),
    Column("duration_hours", Float),
    Column("services", JSON, nullable=False),
    Column("reported_by", Text),
    Column("ordered_by", Text),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    UniqueConstraint("article_id", "idx", name="uq_blackouts_article_idx"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place", Text),
    Column("country", Text),
    Column("country_code", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("location", JSON),
    Column("fatalities", Integer, nullable=False),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("article_ids", JSON, nullable=False),
    Column("summary", JSON, nullable=False),
    Column("reasons", JSON, nullable=False),
    Index("ix_incidents_country_date", "country_code", "date_start"),
    Index("ix_incidents_type_date", "event_type", "date_start"),
    Index("ix_incidents_date", "date_start"),
    Index("ix_incidents_country_type_date", "country_code", "event_type", "date_start"),  # migration 0003
    Index("ix_incidents_country_sub_date", "country_code", "sub_event_type", "date_start"),  # migration 0003
    Index("ix_incidents_list_order", "date_start", "id"),  # migration 0005
)

incident_events = Table(
    "incident_events",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "incident_id", Integer, ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False, index=True
    ),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),  # "merge" (must-link) or "split" (cannot-link)
    Column("a_article", String, nullable=False),
    Column("a_idx", Integer, nullable=False),
    Column("b_article", String, nullable=False),
    Column("b_idx", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# ---- blackouts from records, merged blackouts and their links to incidents (migration 0002) ----
blackout_records = Table(
    "blackout_records",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String, nullable=False),
    Column("source_id", String, nullable=False),
    Column("country_code", String(2), nullable=False),
    Column("area", Text),
    Column("location", JSON),
    Column("start", Date),
    Column("end", Date),
    Column("duration_hours", Float),
    Column("shutdown_type", String),
    Column("status", String),
    Column("services", JSON, nullable=False),
    Column("cause", Text),
    Column("ordered_by", Text),
    Column("url", Text),
    UniqueConstraint("source", "source_id", name="uq_blackout_records_source_id"),
    Index("ix_blackout_records_country_start", "country_code", "start"),
)

ledger_blackouts = Table(
    "ledger_blackouts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("country_code", String(2), nullable=False),
    Column("area", Text),
    Column("location", JSON),
    Column("start", Date),
    Column("end", Date),
    Column("services", JSON, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("members", JSON, nullable=False),
    Index("ix_ledger_blackouts_country_start", "country_code", "start"),
)

blackout_links = Table(
    "blackout_links",
    metadata,
    Column("blackout_id", Integer, ForeignKey("ledger_blackouts.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "incident_id", Integer, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
    Column("reason", Text, nullable=False),
)

# ---- what each article tells about its story, computed at write time (migration 0004) ----
story_facts = Table(
    "story_facts",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("words", Integer, nullable=False),
    Column("names", JSON, nullable=False),
    Column("addresses", JSON, nullable=False),
    Column("ages", JSON, nullable=False),
    Column("terms", JSON, nullable=False, server_default=text("'[]'")),  # migration 0007
)
