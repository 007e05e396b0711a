"""The schema: migrations build exactly the tables the code queries, on both backends."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from newsclaims.store.connect import open_store
from newsclaims.store.migrate import current_revision, head_revision, include_object
from newsclaims.store.schema import metadata


def test_opening_a_new_database_migrates_it_to_head(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        tables = set(sa.inspect(connection).get_table_names())
    assert {"articles", "stories", "actors", "mentions", "quotes", "figures", "events"} <= tables
    engine.dispose()


def test_migrated_schema_matches_the_tables_the_code_uses(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


def test_reopening_keeps_the_data_and_the_version(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO stories (headline) VALUES ('kept')"))
    engine.dispose()
    again = open_store(db_url)
    with again.connect() as connection:
        assert connection.scalar(sa.text("SELECT headline FROM stories")) == "kept"
        assert current_revision(connection) == head_revision()
    again.dispose()


def test_sqlite_store_uses_write_ahead_logging(tmp_path) -> None:
    engine = open_store(str(tmp_path / "wal.db"))
    with engine.connect() as connection:
        assert connection.scalar(sa.text("PRAGMA journal_mode")) == "wal"
    engine.dispose()


def test_postgres_gets_trigram_indexes_for_substring_filters(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.connect() as connection:
        names = {index["name"] for index in sa.inspect(connection).get_indexes("figures")}
    engine.dispose()
    has_trigram = "trgm_figures_source_text" in names
    assert has_trigram == db_url.startswith("postgresql")
