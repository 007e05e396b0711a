"""Web test set-up: a store of invented reports on SQLite and on PostgreSQL, the app over
it, and (for the browser tests) a real uvicorn server on a free localhost port."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from postgres_server import shared_server
from web_reports import filled_store
from web_server import served

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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server (uvicorn, in a thread) over a SQLite store; its base URL."""
    url = filled_store(f"sqlite:///{tmp_path_factory.mktemp('live') / 'store.db'}")
    with served(create_app(url)) as base:
        yield base
