"""Events: whether they are history (the resolve stage's ``background``: their own date
phrase names an earlier year or a day over a year back), as figures have had since 0004.

Rows stored before this revision read ``false`` and keep the date they were stored
with; only articles ingested from this revision on (into a new store: re-ingest skips
stored texts) have history marked and their events dated by their own date phrase.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("background")
