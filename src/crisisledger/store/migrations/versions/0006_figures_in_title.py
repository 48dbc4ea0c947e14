"""Figures read from an article's title (a page whose text reports no event): `figures.in_title`.

Revision ID: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column; every figure stored before came from the text."""
    op.add_column("figures", sa.Column("in_title", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("in_title")
