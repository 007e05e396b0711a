"""Initial schema: stories, articles, actors, mentions, quotes, figures, events.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_actors")),
        sa.UniqueConstraint("key", name=op.f("uq_actors_key")),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_actors_name"), ["name"], unique=False)

    op.create_table(
        "stories",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("first_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_stories")),
    )
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("story_pk", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("dateline", sa.String(), nullable=True),
        sa.Column("agency", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("report_json", sa.Text(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_pk"], ["stories.pk"], name=op.f("fk_articles_story_pk_stories")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_publisher"), ["publisher"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_story_pk"), ["story_pk"], unique=False)

    op.create_table(
        "events",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("story_pk", sa.Integer(), nullable=False),
        sa.Column("is_copy", sa.Boolean(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("root", sa.String(length=2), nullable=False),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("source_pk", sa.Integer(), nullable=True),
        sa.Column("source_code", sa.String(), nullable=True),
        sa.Column("source_name", sa.String(), nullable=True),
        sa.Column("target_text", sa.Text(), nullable=True),
        sa.Column("target_pk", sa.Integer(), nullable=True),
        sa.Column("target_code", sa.String(), nullable=True),
        sa.Column("target_name", sa.String(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("reported_by", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name=op.f("fk_events_article_pk_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_pk"], ["actors.pk"], name=op.f("fk_events_source_pk_actors")
        ),
        sa.ForeignKeyConstraint(
            ["target_pk"], ["actors.pk"], name=op.f("fk_events_target_pk_actors")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_pk"), ["article_pk"], unique=False)
        batch_op.create_index("ix_events_code", ["code"], unique=False)
        batch_op.create_index("ix_events_date", ["date"], unique=False)
        batch_op.create_index("ix_events_root_date", ["root", "date"], unique=False)
        batch_op.create_index("ix_events_source_code", ["source_code"], unique=False)
        batch_op.create_index("ix_events_source_name", ["source_name"], unique=False)
        batch_op.create_index("ix_events_target_code", ["target_code"], unique=False)

    op.create_table(
        "figures",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("story_pk", sa.Integer(), nullable=False),
        sa.Column("is_copy", sa.Boolean(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(), nullable=False),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("what", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("where_text", sa.String(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("place_key", sa.String(), nullable=True),
        sa.Column("when_text", sa.String(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_pk", sa.Integer(), nullable=True),
        sa.Column("source_name", sa.String(), nullable=True),
        sa.Column("quote_item_id", sa.String(), nullable=True),
        sa.Column("sentence_start", sa.Integer(), nullable=True),
        sa.Column("sentence_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name=op.f("fk_figures_article_pk_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_pk"], ["actors.pk"], name=op.f("fk_figures_source_pk_actors")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_figures")),
    )
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_figures_article_pk"), ["article_pk"], unique=False)
        batch_op.create_index("ix_figures_date", ["date"], unique=False)
        batch_op.create_index("ix_figures_place_date", ["place_key", "date"], unique=False)
        batch_op.create_index(
            "ix_figures_series", ["what", "status", "place_key", "date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_figures_source_name"), ["source_name"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_pk"], ["actors.pk"], name=op.f("fk_mentions_actor_pk_actors")
        ),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name=op.f("fk_mentions_article_pk_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_mentions")),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_actor_pk"), ["actor_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_article_pk"), ["article_pk"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("article_pk", sa.Integer(), nullable=False),
        sa.Column("story_pk", sa.Integer(), nullable=False),
        sa.Column("is_copy", sa.Boolean(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("speaker_pk", sa.Integer(), nullable=True),
        sa.Column("speaker_name", sa.String(), nullable=True),
        sa.Column("cue", sa.String(), nullable=True),
        sa.Column("cue_lemma", sa.String(), nullable=True),
        sa.Column("in_headline", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name=op.f("fk_quotes_article_pk_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_pk"], ["actors.pk"], name=op.f("fk_quotes_speaker_pk_actors")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_quotes")),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_article_pk"), ["article_pk"], unique=False)
        batch_op.create_index("ix_quotes_date", ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_speaker_name"), ["speaker_name"], unique=False)


def downgrade() -> None:
    for table in ("quotes", "mentions", "figures", "events", "articles", "stories", "actors"):
        op.drop_table(table)
