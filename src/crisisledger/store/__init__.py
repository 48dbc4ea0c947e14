"""The ledger store: SQLite or PostgreSQL through SQLAlchemy, schema managed by Alembic migrations.

>>> ledger = Ledger.open("crisisledger.db")          # or "postgresql://user@host/db"
>>> ledger.add_records([(article, record), ...])      # idempotent, one transaction per batch
>>> ledger.resolve()                                  # rebuild incidents
>>> ledger.incidents(country="KZ", min_killed=10)
"""

from __future__ import annotations

from crisisledger.store.ledger import Ledger
from crisisledger.store.query import Filters
from crisisledger.store.writer import IngestStats

__all__ = ["Filters", "IngestStats", "Ledger"]
