"""Web test set-up: a store of invented reports on SQLite and on PostgreSQL, the app over
it, and (for the browser tests) a real uvicorn server on a free localhost port."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from postgres_server import shared_server
from web_reports import filled_store

from newsclaims.web import create_app


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of the invented reports, once as a SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        return filled_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}")
    return filled_store(shared_server().create_database())


@pytest.fixture(scope="module")
def app(store_url: str) -> FastAPI:
    return create_app(store_url)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server (uvicorn, in a thread) over a SQLite store; its base URL."""
    import uvicorn

    url = filled_store(f"sqlite:///{tmp_path_factory.mktemp('live') / 'store.db'}")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
