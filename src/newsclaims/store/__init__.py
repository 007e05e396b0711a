"""The corpus store: SQLite (default) or PostgreSQL, schema-versioned with Alembic.

``connect.open_store`` opens one; ``ingest`` fills it; ``queries`` reads it.
"""
