"""A throwaway PostgreSQL server for the tests, from Debian's packaged binaries.

Started once per test process on a free local port (socket in its own temporary folder),
as the ``postgres`` OS user when we run as root (postgres refuses root); stopped and
deleted when the process exits. Each test gets a fresh database on it.
"""

from __future__ import annotations

import atexit
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

PG_GLOB = "/usr/lib/postgresql/*/bin"
SERVER_SETTINGS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
    "-c full_page_writes=off -c max_connections=50"
)


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (or ``$NEWSCLAIMS_PG_BIN``)."""
    configured = os.environ.get("NEWSCLAIMS_PG_BIN")
    candidates = [Path(configured)] if configured else sorted(Path("/").glob(PG_GLOB[1:]))
    usable = [path for path in candidates if (path / "initdb").exists()]
    return usable[-1] if usable else None


class PostgresServer:
    """One running server; :meth:`create_database` hands out empty databases."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="newsclaims-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = _server_user()
        self._names = itertools.count(1)
        if self.user is not None:
            account = pwd.getpwnam(self.user)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync", "--no-instructions")  # fmt: skip
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "-o", f"-p {self.port} -k {self.root} {SERVER_SETTINGS}", "start")  # fmt: skip

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"test_{next(self._names)}"
        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root, check=False)
        if check and done.returncode != 0:
            log = self.root / "server.log"
            detail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed: {done.stderr or done.stdout}\n{detail}")


_server: PostgresServer | None = None


def shared_server() -> PostgresServer:
    """The process's server, started on first use (skips the test when there is none)."""
    global _server
    if _server is None:
        bin_dir = postgres_bin()
        if bin_dir is None:
            pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
        if os.geteuid() == 0 and _server_user() is None:
            pytest.skip("running as root without a 'postgres' user to run the server as")
        _server = PostgresServer(bin_dir)
        atexit.register(_server.stop)
    return _server


def _server_user() -> str | None:
    """Who runs the server: ``postgres`` when we are root (it refuses root), else us."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    return "postgres"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database, once as a SQLite file and once on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.db'}"
    return shared_server().create_database()
