"""Alembic migration scripts for the ledger (run programmatically by `crisisledger.store.migrate`)."""
