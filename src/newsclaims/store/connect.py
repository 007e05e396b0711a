"""Database URLs and engines: SQLite by default (a file, WAL), PostgreSQL via psycopg 3.

``--db`` takes a SQLAlchemy URL (``sqlite:///corpus.db``, ``postgresql://user@host/db``)
or a bare file path; ``$NEWSCLAIMS_DB`` sets the default.

>>> database_url("postgresql://me@localhost/news")
'postgresql+psycopg://me@localhost/news'
>>> database_url("corpus.db"), database_url("sqlite:///corpus.db")
('sqlite:///corpus.db', 'sqlite:///corpus.db')
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from newsclaims.store.errors import StoreError
from newsclaims.store.schema import metadata

DB_ENV = "NEWSCLAIMS_DB"
DEFAULT_DB = "sqlite:///newsclaims.db"
# Plain PostgreSQL URLs go through psycopg 3, the driver the project installs.
_POSTGRES_SCHEMES = {"postgres", "postgresql", "postgresql+psycopg"}
# Any fixed 64-bit number: the PostgreSQL advisory lock every newsclaims writer takes.
WRITER_LOCK_KEY = 0x6E657773636C6D  # "newsclm"
SQLITE_PRAGMAS = (
    "PRAGMA busy_timeout=30000",  # first: a second process may be setting up the file
    "PRAGMA journal_mode=WAL",  # readers never block the ingest writer
    "PRAGMA synchronous=NORMAL",  # WAL + NORMAL survives a killed process
    "PRAGMA foreign_keys=ON",
)


def database_url(value: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, ``$NEWSCLAIMS_DB`` or the default file."""
    raw = (value or os.environ.get(DB_ENV) or DEFAULT_DB).strip()
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser()}"
    try:
        url = make_url(raw)
        url.port  # noqa: B018 - a non-numeric port fails here, not deep in the driver
    except (ArgumentError, ValueError):
        raise StoreError(
            f"{raw!r} is not a database URL (sqlite:///FILE or postgresql://...)"
        ) from None
    if url.drivername in _POSTGRES_SCHEMES:
        url = url.set(drivername="postgresql+psycopg")
    elif url.get_backend_name() != "sqlite":
        raise StoreError(
            f"unsupported database {url.drivername!r}: use sqlite:///FILE or postgresql://..."
        )
    return url.render_as_string(hide_password=False)


def shown_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def open_engine(value: str | None = None) -> Engine:
    """An engine for ``value`` that has answered one query (else :class:`StoreError`)."""
    url = make_url(database_url(value))
    _check_sqlite_folder(url)
    try:
        engine = create_engine(url, **_engine_options(url))
    except (ArgumentError, NoSuchModuleError) as error:
        raise StoreError(f"{shown_url(str(url))}: {error}") from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        engine.dispose()
        raise StoreError(
            f"cannot open database {shown_url(str(url))}: {db_reason(error)}"
        ) from None
    return engine


def open_store(value: str | None = None, create: bool = True) -> Engine:
    """Open the store at ``value``, creating or upgrading its schema as needed.

    With ``create=False`` (every command but ``ingest``) a SQLite file that does not
    exist is an error, not a new empty store: a mistyped ``--db`` must not answer
    "nothing found".
    """
    from newsclaims.store.migrate import upgrade_to_head  # migrate needs this module

    if not create:
        _check_sqlite_exists(make_url(database_url(value)))
    engine = open_engine(value)
    try:
        upgrade_to_head(engine)
    except DBAPIError as error:
        engine.dispose()
        raise StoreError(
            f"cannot set up {shown_url(str(engine.url))}: {db_reason(error)}"
        ) from None
    return engine


def db_reason(error: DBAPIError) -> str:
    """The first line of what the database said."""
    return (str(error.orig or error).strip().splitlines() or ["unknown error"])[0]


def lock_for_writing(connection: Connection) -> None:
    """Make this transaction the only writer of the store until it ends.

    SQLite: ``BEGIN IMMEDIATE`` takes the write lock now (waiting up to busy_timeout),
    so what the transaction reads before writing (which texts are stored, which stories
    exist) cannot change under it. PostgreSQL: a transaction-scoped advisory lock, so
    that two ingests link near-duplicates against each other's committed articles.
    Must be the transaction's first statement.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def is_lock_timeout(error: DBAPIError) -> bool:
    """Whether ``error`` is another writer holding the store past the wait (worth a retry)."""
    reason = db_reason(error).lower()
    return "database is locked" in reason or "database is busy" in reason


def refresh_statistics(engine: Engine) -> None:
    """Let the query planner see what a large write changed.

    SQLite: ``PRAGMA optimize``. PostgreSQL: ``VACUUM (ANALYZE)``, not ANALYZE alone: the
    vacuum also moves the rows just written out of the trigram (GIN) indexes' pending
    lists into the indexes proper and marks the pages all-visible. Until then the planner
    prices those indexes as costly (rightly: every search reads the whole pending list)
    and tests a substring filter such as ``--source ministry`` on every row instead.
    """
    if engine.dialect.name != "postgresql":
        # The write lock first: ANALYZE writes after reading, and a reader that another
        # ingest wrote past fails at once ("database is locked"), without waiting.
        with engine.begin() as connection:
            lock_for_writing(connection)
            connection.execute(text("PRAGMA optimize"))
        return
    # Only our tables: a shared database may hold others that are not ours to vacuum.
    tables = ", ".join(engine.dialect.identifier_preparer.quote(name) for name in metadata.tables)
    # VACUUM cannot run inside a transaction block.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"VACUUM (ANALYZE) {tables}"))


def _engine_options(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql":
        return {"pool_pre_ping": True, "connect_args": {"connect_timeout": 10}}
    return {}


def _sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (``file:PATH?mode=ro`` URIs too); ``None`` in memory."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if url.query.get("uri") == "true" and database.startswith("file:"):
        database = database.removeprefix("file:")
    return Path(database).expanduser()


def _check_sqlite_exists(url: URL) -> None:
    database = _sqlite_file(url)
    if database is not None and not database.exists():
        raise StoreError(
            f"no database at {database} (newsclaims ingest creates one; check --db or ${DB_ENV})"
        )


def _check_sqlite_folder(url: URL) -> None:
    database = _sqlite_file(url)
    if database is None:
        return
    folder = database.resolve().parent
    if not folder.is_dir():
        raise StoreError(f"cannot create database {database}: no folder {folder}")


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        _execute_waiting(cursor, pragma)
    cursor.close()


SETUP_WAIT = 30.0  # seconds, as busy_timeout


def _execute_waiting(cursor: Any, statement: str) -> None:
    """Run ``statement``, waiting while another process sets up the same file.

    Two processes opening a new file at once both switch it to WAL, and SQLite may answer
    one of them "database is locked" at once rather than after its busy timeout (a
    reader that must upgrade its lock while another holds the write lock is refused, not
    made to wait, lest they deadlock); seen once in two ingests started together.
    """
    deadline, pause = time.monotonic() + SETUP_WAIT, 0.01
    while True:
        try:
            cursor.execute(statement)
            return
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
