"""What the web face reads from a store, over a read-only connection.

Browsing never writes: a SQLite store is opened with ``mode=ro`` (and ``query_only``), a
PostgreSQL one with ``default_transaction_read_only`` and a statement timeout. The reads
here are the ones the command line has no query for: an article by id with its text and
stored items, the versions of its story, articles by words, and the store's counts.
Every statement is built with SQLAlchemy Core, never from strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError

from newsclaims.store.connect import database_url, shown_url
from newsclaims.store.errors import StoreError
from newsclaims.store.queries import Filters, QueryResult, contains_folded, run_query
from newsclaims.store.schema import actors, articles, events, figures, in_chunks, quotes
from newsclaims.web.cache import shared_result

# Browsing statements that run longer than this are cancelled (PostgreSQL).
STATEMENT_TIMEOUT_MS = 15_000
# Deep pages cost a scan of everything before them: past this, narrow the filters.
MAX_OFFSET = 10_000
ITEM_TABLES = {"quotes": quotes, "figures": figures, "events": events}
# Columns of a stored item that are keys, not fields a reader checks.
_INTERNAL = {"pk", "article_pk", "story_pk", "speaker_pk", "source_pk", "target_pk"}


def open_readonly(value: str | None) -> Engine:
    """An engine on the store at ``value`` that cannot write (else :class:`StoreError`)."""
    url = make_url(database_url(value))
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:"):
            raise StoreError("serve needs a database file, not an in-memory SQLite store")
        readonly = url.set(database=f"file:{database}", query={"mode": "ro", "uri": "true"})
        engine = create_engine(readonly)
        event.listen(engine, "connect", _sqlite_readonly)
    else:
        options = f"-c default_transaction_read_only=on -c statement_timeout={STATEMENT_TIMEOUT_MS}"
        engine = create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            connect_args={"connect_timeout": 10, "options": options},
        )
    try:
        with engine.connect() as connection:
            connection.execute(sa.select(sa.func.count()).select_from(articles))
    except DBAPIError as error:
        engine.dispose()
        reason = str(error.orig or error).strip().splitlines()[0]
        raise StoreError(f"cannot read database {shown_url(str(url))}: {reason}") from None
    return engine


def _sqlite_readonly(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@dataclass
class StoredArticle:
    """One stored article: its metadata, text, report JSON and story."""

    pk: int
    article_id: str
    story_pk: int
    version: int
    headline: str | None
    date: str | None
    publisher: str | None
    url: str | None
    dateline: str | None
    agency: str | None
    text: str
    report_json: str


def stored_articles(connection: Connection, article_id: str) -> list[StoredArticle]:
    """Every article stored under ``article_id`` (usually one), in storing order."""
    query = (
        sa.select(
            articles.c.pk, articles.c.article_id, articles.c.story_pk, articles.c.version,
            articles.c.headline, articles.c.date, articles.c.publisher, articles.c.url,
            articles.c.dateline, articles.c.agency, articles.c.text, articles.c.report_json,
        )
        .where(articles.c.article_id == article_id)
        .order_by(articles.c.pk)
    )  # fmt: skip
    found = []
    for row in connection.execute(query):
        values = dict(row._mapping)
        values["date"] = _day(values["date"])
        found.append(StoredArticle(**values))
    return found


def story_versions(connection: Connection, story_pk: int) -> list[dict[str, Any]]:
    """The articles of one story, first version first."""
    query = (
        sa.select(
            articles.c.article_id, articles.c.version, articles.c.date, articles.c.publisher,
            articles.c.headline, articles.c.similarity,
        )
        .where(articles.c.story_pk == story_pk)
        .order_by(articles.c.version, articles.c.pk)
    )  # fmt: skip
    return [_plain(row._mapping) for row in connection.execute(query)]


def stored_items(connection: Connection, article_pk: int) -> dict[str, dict[str, Any]]:
    """The stored (resolved) rows of one article's quotes, figures and events, by item id."""
    found: dict[str, dict[str, Any]] = {}
    for table in ITEM_TABLES.values():
        shown = [column for column in table.c if column.name not in _INTERNAL]
        query = sa.select(*shown).where(table.c.article_pk == article_pk)
        for row in connection.execute(query):
            found[row.item_id] = _plain(row._mapping)
    return found


def article_briefs(connection: Connection, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Headline, date, publisher, URL and text of each article id (its first stored text)."""
    wanted = sorted({article_id for article_id in article_ids if article_id})
    found: dict[str, dict[str, Any]] = {}
    query = sa.select(
        articles.c.article_id, articles.c.headline, articles.c.date, articles.c.publisher,
        articles.c.url, articles.c.text,
    ).order_by(articles.c.pk)  # fmt: skip
    for chunk in in_chunks(wanted):
        for row in connection.execute(query.where(articles.c.article_id.in_(chunk))):
            found.setdefault(row.article_id, _plain(row._mapping))
    return found


def search_articles(
    connection: Connection, words: str | None, filters: Filters, offset: int, limit: int
) -> QueryResult:
    """Articles whose headline or text contains ``words`` (any case), newest first."""
    conditions: list[Any] = []
    if words:
        conditions.append(
            sa.or_(
                contains_folded(articles.c.headline, words), contains_folded(articles.c.text, words)
            )
        )
    if filters.publisher is not None:
        conditions.append(contains_folded(articles.c.publisher, filters.publisher))
    if filters.since is not None:
        conditions.append(articles.c.date >= filters.since)
    if filters.until is not None:
        conditions.append(articles.c.date <= filters.until)
    total = connection.scalar(sa.select(sa.func.count()).select_from(articles).where(*conditions))
    query = (
        sa.select(
            articles.c.article_id, articles.c.headline, articles.c.date, articles.c.publisher,
            articles.c.url, articles.c.version, sa.func.substr(articles.c.text, 1, 300).label("lead"),
        )
        .where(*conditions)
        .order_by(articles.c.date.desc().nulls_last(), articles.c.pk.desc())
        .offset(offset)
        .limit(limit)
    )  # fmt: skip
    return QueryResult([_plain(row._mapping) for row in connection.execute(query)], total or 0)


def item_page(
    connection: Connection, kind: str, filters: Filters, offset: int, limit: int
) -> QueryResult:
    """One page of :func:`run_query` rows: ``limit`` rows after the first ``offset``."""
    if offset > MAX_OFFSET:
        raise StoreError(f"pages stop after {MAX_OFFSET:,} rows: narrow the filters")
    if kind == "actors":  # ranked by activity over the whole store: counted once
        ranked = shared_result(
            connection, ("actors", filters), lambda: run_query(connection, kind, filters, None)
        )
        return QueryResult(ranked.rows[offset : offset + limit], ranked.total)
    result = run_query(connection, kind, filters, limit=offset + limit)
    return QueryResult(result.rows[offset:], result.total)


def store_counts(connection: Connection) -> dict[str, int]:
    """How many articles, quotes, figures, events and actors the store holds."""
    tables = {"articles": articles, **ITEM_TABLES, "actors": actors}
    return {
        name: connection.scalar(sa.select(sa.func.count()).select_from(table)) or 0
        for name, table in tables.items()
    }


def _day(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _plain(mapping: Any) -> dict[str, Any]:
    return {key: _day(value) for key, value in dict(mapping).items()}
