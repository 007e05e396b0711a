"""The tables of a corpus: stories, articles, actors, mentions, quotes, figures, events.

Each article keeps its text and its whole report (as JSON, less the text) so any later
view can be rebuilt; quotes, figures and events are also stored as rows, with the
columns that queries filter on indexed. ``is_copy`` marks an item that an earlier
version of the same story already holds, so counts are per story, not per copy.
The Alembic migrations in ``store/migrations`` create exactly these tables (a test
compares them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import sqlalchemy as sa

IN_CHUNK = 500  # values per IN (...) list: well under every backend's parameter limit


def in_chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    """``values`` in runs short enough for one ``IN (...)`` list each."""
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _article_fk() -> sa.Column[int]:
    return sa.Column(
        "article_pk",
        sa.Integer,
        sa.ForeignKey("articles.pk", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _actor_fk(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, sa.ForeignKey("actors.pk"), nullable=True)


def _item_columns() -> list[sa.Column[object]]:
    """What every extracted item row has: its story, copy flag, id, span and date."""
    return [
        sa.Column("story_pk", sa.Integer, nullable=False),
        sa.Column("is_copy", sa.Boolean, nullable=False, default=False),
        sa.Column("item_id", sa.String, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("span_text", sa.Text, nullable=False),
        sa.Column("date", sa.Date, nullable=True),
    ]


stories = sa.Table(
    "stories",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("headline", sa.Text),
    sa.Column("first_date", sa.Date),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String, nullable=False, index=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("story_pk", sa.Integer, sa.ForeignKey("stories.pk"), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("similarity", sa.Float),
    sa.Column("headline", sa.Text),
    sa.Column("date", sa.Date, index=True),
    sa.Column("publisher", sa.String, index=True),
    sa.Column("url", sa.Text),
    sa.Column("source_path", sa.Text),
    sa.Column("dateline", sa.String),
    sa.Column("agency", sa.String),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("report_json", sa.Text, nullable=False),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("key", sa.String, nullable=False, unique=True),
    sa.Column("name", sa.String, nullable=False, index=True),
    sa.Column("code", sa.String, index=True),
    sa.Column("kind", sa.String),
    sa.Column("country", sa.String),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("actor_pk", sa.Integer, sa.ForeignKey("actors.pk"), nullable=False, index=True),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("span_text", sa.Text, nullable=False),
    sa.Column("label", sa.String),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _article_fk(),
    *_item_columns(),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("speaker_text", sa.Text),
    _actor_fk("speaker_pk"),
    sa.Column("speaker_name", sa.String, index=True),
    # The speaker's actor code in this report ("a Hamas official": PSEREB): a person's
    # actor row is shared across reports and keeps the first code it was stored with.
    sa.Column("speaker_code", sa.String),
    sa.Column("cue", sa.String),
    sa.Column("cue_lemma", sa.String),
    sa.Column("in_headline", sa.Boolean, nullable=False, default=False),
    sa.Column("sentence_start", sa.Integer),
    sa.Column("sentence_end", sa.Integer),
    sa.Index("ix_quotes_speaker_pk", "speaker_pk"),  # an actor's quotes (the actors list)
    sa.Index("ix_quotes_date", "date"),
)

figures = sa.Table(
    "figures",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _article_fk(),
    *_item_columns(),
    sa.Column("value", sa.Float),
    sa.Column("qualifier", sa.String, nullable=False),
    sa.Column("low", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("what", sa.String),
    sa.Column("status", sa.String),
    sa.Column("where_text", sa.String),
    sa.Column("place", sa.String),
    sa.Column("place_key", sa.String),  # place case-folded: what filters compare
    sa.Column("place_basis", sa.String),  # stated, source, sentence or article
    sa.Column("when_text", sa.String),
    sa.Column("scope", sa.String),  # period or incident; NULL for a running toll
    sa.Column("source_text", sa.Text),
    _actor_fk("source_pk"),
    sa.Column("source_name", sa.String, index=True),
    sa.Column("quote_item_id", sa.String),
    sa.Column("sentence_start", sa.Integer),
    sa.Column("sentence_end", sa.Integer),
    sa.Column("source_id", sa.String),  # the source's identity (resolve/sources.py)
    sa.Column("quantity", sa.String),  # what is counted, as a series (resolve/quantities.py)
    sa.Column("side", sa.String),  # the country the counted noun names
    # the sentence recounts an earlier year: history, left out of current views
    sa.Column("background", sa.Boolean, nullable=False, default=False, server_default=sa.false()),
    # The timeline and contradiction queries: one quantity, one place, over time.
    sa.Index("ix_figures_series", "what", "status", "place_key", "date"),
    sa.Index("ix_figures_quantity", "quantity", "status", "place_key", "date"),
    sa.Index("ix_figures_source_id", "source_id"),
    sa.Index("ix_figures_place_date", "place_key", "date"),
    sa.Index("ix_figures_date", "date"),
    sa.Index("ix_figures_source_pk", "source_pk"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True),
    _article_fk(),
    *_item_columns(),
    sa.Column("code", sa.String, nullable=False),
    sa.Column("root", sa.String(2), nullable=False),
    sa.Column("label", sa.String),
    sa.Column("source_text", sa.Text, nullable=False),
    _actor_fk("source_pk"),
    sa.Column("source_code", sa.String),
    sa.Column("source_name", sa.String),
    sa.Column("target_text", sa.Text),
    _actor_fk("target_pk"),
    sa.Column("target_code", sa.String),
    sa.Column("target_name", sa.String),
    sa.Column("place", sa.String),
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("reported_by", sa.Text),
    sa.Column("sentence_start", sa.Integer),
    sa.Column("sentence_end", sa.Integer),
    # the sentence recounts an earlier year: history, left out of current views
    sa.Column("background", sa.Boolean, nullable=False, default=False, server_default=sa.false()),
    sa.Index("ix_events_root_date", "root", "date"),
    sa.Index("ix_events_code", "code"),
    sa.Index("ix_events_source_code", "source_code"),
    sa.Index("ix_events_target_code", "target_code"),
    sa.Index("ix_events_source_name", "source_name"),
    sa.Index("ix_events_date", "date"),
    sa.Index("ix_events_source_pk", "source_pk"),
    sa.Index("ix_events_target_pk", "target_pk"),
)
