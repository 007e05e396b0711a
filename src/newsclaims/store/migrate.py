"""The schema version: run the packaged Alembic migrations up to head when a store opens."""

from __future__ import annotations

from functools import cache
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection, Engine

from newsclaims.store.connect import lock_for_writing, shown_url
from newsclaims.store.errors import StoreError

BACKEND_ONLY_INDEX_PREFIX = "trgm_"  # PostgreSQL trigram indexes, not in schema.py


def include_object(
    obj: object, name: str | None, kind: str, reflected: bool, _other: object
) -> bool:
    """What schema comparison looks at: not the backend-only trigram indexes."""
    return not (kind == "index" and (name or "").startswith(BACKEND_ONLY_INDEX_PREFIX))


def alembic_config() -> Config:
    """An Alembic configuration pointing at the migrations shipped in the package."""
    config = Config()
    location = resources.files("newsclaims.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


@cache
def head_revision() -> str:
    """The newest schema version this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def current_revision(connection: Connection) -> str | None:
    """The schema version of the database (``None`` when it has none yet)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema, in one transaction.

    An up-to-date store is only read. Otherwise the write lock is taken first, and the
    version read again under it, so that a second process opening a fresh store waits
    for the first one's set-up and then finds it done.
    """
    with engine.connect() as connection:
        if current_revision(connection) == head_revision():
            return
    with engine.begin() as connection:
        lock_for_writing(connection)
        revision = current_revision(connection)
        if revision == head_revision():
            return
        if revision is not None and not _known(revision):
            raise StoreError(
                f"{shown_url(str(engine.url))} has schema version {revision}, newer than this "
                "newsclaims knows; upgrade newsclaims"
            )
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False
