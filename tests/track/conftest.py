"""Track test set-up: the same two databases as the store tests (SQLite, PostgreSQL)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

STORE_TESTS = Path(__file__).resolve().parents[1] / "store"


def store_test_module(name: str) -> ModuleType:
    """A helper module of the store tests, imported once per process under its own name
    (so both test folders share one PostgreSQL server)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, STORE_TESTS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


db_url = store_test_module("postgres_server").db_url
store_test_module("report_builders")
