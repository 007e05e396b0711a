"""Figures: source id, quantity, side and background from the resolve stage; quotes and
events: the sentence they are evidenced by.

Rows stored before this revision keep NULL in all of these: the views then fall back
to the item's own span, and `--source`/`--what` by id match none of them. Re-ingest
skips stored articles, so ingest into a new store to get them.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_id", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("quantity", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("side", sa.String(), nullable=True))
        batch_op.add_column(
            sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index("ix_figures_source_id", ["source_id"])
        batch_op.create_index("ix_figures_quantity", ["quantity", "status", "place_key", "date"])
    for table in ("quotes", "events"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("sentence_start", sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column("sentence_end", sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in ("events", "quotes"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("sentence_end")
            batch_op.drop_column("sentence_start")
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index("ix_figures_quantity")
        batch_op.drop_index("ix_figures_source_id")
        batch_op.drop_column("background")
        batch_op.drop_column("side")
        batch_op.drop_column("quantity")
        batch_op.drop_column("source_id")
