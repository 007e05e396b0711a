"""PostgreSQL only: trigram indexes for the case-insensitive substring filters.

``--source ministry`` or ``--text "at least"`` become ``ILIKE '%...%'``, which no B-tree
serves; pg_trgm's GIN indexes do. Where the extension cannot be created (a managed server
without it), the indexes are skipped and the filters scan, as on SQLite.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Index name -> (table, column). Names start with "trgm_" (see migrate.include_object).
TRIGRAM_INDEXES = {
    "trgm_figures_source_text": ("figures", "source_text"),
    "trgm_figures_source_name": ("figures", "source_name"),
    "trgm_figures_span_text": ("figures", "span_text"),
    "trgm_quotes_speaker_text": ("quotes", "speaker_text"),
    "trgm_quotes_speaker_name": ("quotes", "speaker_name"),
    "trgm_quotes_span_text": ("quotes", "span_text"),
    "trgm_events_span_text": ("events", "span_text"),
    "trgm_articles_publisher": ("articles", "publisher"),
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        return  # no pg_trgm here: substring filters scan instead
    for name, (table, column) in TRIGRAM_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
