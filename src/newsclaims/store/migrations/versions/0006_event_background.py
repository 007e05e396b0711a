"""Events: whether their sentence recounts an earlier year (the resolve stage's
``background``), as figures have had since 0004; their ``date`` is now the day the
resolve stage reads from the event's own date phrase.

Rows stored before this revision read ``false``; re-ingest into a new store to mark them.

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
