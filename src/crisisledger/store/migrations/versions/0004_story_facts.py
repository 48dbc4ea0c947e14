"""Story facts (names, street addresses, ages) stored per article, so resolving reads no texts.

Existing articles get their facts on the next resolve (rows missing here are computed then).

Revision ID: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the story_facts table."""
    op.create_table(
        "story_facts",
        sa.Column(
            "article_id", sa.String(), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("addresses", sa.JSON(), nullable=False),
        sa.Column("ages", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    """Drop the story_facts table."""
    op.drop_table("story_facts")
