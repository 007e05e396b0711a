"""Database URLs and opening errors: one line for the user, never a traceback."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from report_builders import report

from newsclaims.cli import main
from newsclaims.store.connect import (
    DB_ENV,
    database_url,
    lock_for_writing,
    open_store,
    refresh_statistics,
)
from newsclaims.store.errors import StoreError
from newsclaims.store.schema import stories
from newsclaims.store.writer import ReportWriter


def test_bare_path_is_a_sqlite_file(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "c.db")) == f"sqlite:///{tmp_path / 'c.db'}"


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+psycopg"])
def test_postgres_urls_use_psycopg_3(scheme: str) -> None:
    assert database_url(f"{scheme}://me:pw@db.example:5433/news") == (
        "postgresql+psycopg://me:pw@db.example:5433/news"
    )


def test_environment_sets_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.db"))
    assert database_url(None).endswith("env.db")
    monkeypatch.delenv(DB_ENV)
    assert database_url(None) == "sqlite:///newsclaims.db"


@pytest.mark.parametrize("url", ["mysql://me@host/db", "sqlite:///missing-folder/x/c.db"])
def test_unusable_urls_are_store_errors(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)


def test_unreachable_server_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    # Port 1 on localhost: nothing listens there, so the connection is refused at once.
    code = main(["query", "figures", "--db", "postgresql://nobody:secret@127.0.0.1:1/news"])
    error = capsys.readouterr().err
    assert code == 2
    assert error.startswith("newsclaims: error: cannot open database")
    assert error.count("\n") == 1
    assert "secret" not in error


def test_bad_date_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "figures", "--since", "last week", "--db", str(tmp_path / "c.db")])
    assert code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_statistics_wait_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    """An ingest ending while another one writes: ``PRAGMA optimize`` reads, then writes;
    without the write lock first, SQLite fails it at once ("database is locked")."""
    url = f"sqlite:///{tmp_path / 'race.db'}"
    engine = open_store(url)
    ReportWriter(engine).write(
        [report(f"a{n}", f"Police said {n} people were arrested on day {n}.") for n in range(30)]
    )
    other = open_store(url)

    def write_for_a_while() -> None:
        with other.begin() as connection:
            lock_for_writing(connection)
            connection.execute(stories.insert().values(headline="x", first_date=None))
            time.sleep(0.6)

    writer = threading.Thread(target=write_for_a_while)
    writer.start()
    time.sleep(0.2)
    try:
        refresh_statistics(engine)
    finally:
        writer.join()
        engine.dispose()
        other.dispose()
