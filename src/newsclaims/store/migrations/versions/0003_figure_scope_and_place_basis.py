"""Figures: the scope of a count (period, incident) and where its place comes from.

Rows stored before this revision keep NULL in both: their place is the stated one only,
and their scope is unknown (read as a running toll). Re-ingesting does not refresh them,
because re-ingest skips stored articles; ingest into a new store to get both.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("place_basis", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("scope", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_column("scope")
        batch_op.drop_column("place_basis")
