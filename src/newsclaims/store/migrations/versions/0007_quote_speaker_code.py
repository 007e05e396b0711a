"""Quotes: the speaker's actor code in the report ("a Hamas official" speaks for Hamas),
so reported speech is a party's move by identity, not by the speaker's name.

Rows stored before this revision keep NULL: their speakers are then no party to any
negotiation. Re-ingest skips stored articles, so ingest into a new store to get them.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("speaker_code", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_column("speaker_code")
