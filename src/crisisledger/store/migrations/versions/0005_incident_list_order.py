"""An index in the API's list order (date_start, id): a page of GET /incidents is then a range scan
instead of a sort of every matching incident.

Revision ID: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the list-order index."""
    op.create_index("ix_incidents_list_order", "incidents", ["date_start", "id"])


def downgrade() -> None:
    """Drop the list-order index."""
    op.drop_index("ix_incidents_list_order", table_name="incidents")
