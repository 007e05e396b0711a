"""Indexes on the actor keys of quotes, figures and events: counting what the actors a
name search found said, claimed and did reads their rows, not every row.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_quotes_speaker_pk", "quotes", "speaker_pk"),
    ("ix_figures_source_pk", "figures", "source_pk"),
    ("ix_events_source_pk", "events", "source_pk"),
    ("ix_events_target_pk", "events", "target_pk"),
]


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _column in reversed(INDEXES):
        op.drop_index(name, table_name=table)
