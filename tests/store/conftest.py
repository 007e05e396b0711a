"""Store test set-up: every test that takes ``db_url`` runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from postgres_server import db_url

__all__ = ["db_url"]
