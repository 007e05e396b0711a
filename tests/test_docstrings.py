"""The examples in the package's docstrings are tests: each module's must pass."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsclaims

# The Alembic environment script only runs under Alembic; __main__ runs the command line.
NOT_IMPORTABLE = {"newsclaims.store.migrations.env", "newsclaims.cli.__main__"}
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(newsclaims.__path__, prefix="newsclaims.")
    if info.name not in NOT_IMPORTABLE and ".migrations.versions." not in info.name
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
