"""Each article's terms in its story facts (`story_facts.terms`), for same-story links by rare terms.

Rows stored before have an empty list and an older facts version: they are computed again, terms
included, on the next resolve.

Revision ID: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column, an empty list for the rows already stored."""
    column = sa.Column("terms", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
    op.add_column("story_facts", column)


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("story_facts") as batch:
        batch.drop_column("terms")
