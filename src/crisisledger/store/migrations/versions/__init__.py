"""Alembic revisions; each module declares `revision` and `down_revision`."""
