"""The whole-store views, computed once per store revision and shared by every request.

A timeline, the contradiction pairs, the negotiation moves and the actors' activity are
built from every matching row of the store: seconds on a store of the three corpora, too
slow to redo for each page of the same result. A store only grows (an ingest appends
articles with their items, in one transaction per batch), so the number of articles and
the highest article key name what a result was computed from: a result is reused until
they change. Concurrent requests for the same result wait for one computation instead of
each doing it. The cache lives in the server process (each ``--workers`` process has its
own) and holds at most :data:`MAX_RESULTS` results, the least recently used leaving
first.

>>> results = ResultCache(max_results=2)
>>> calls = []
>>> results.get(("v1",), ("timeline", "people"), lambda: calls.append(1) or [1, 2])
[1, 2]
>>> results.get(("v1",), ("timeline", "people"), lambda: calls.append(1) or [1, 2])
[1, 2]
>>> len(calls)  # computed once for revision v1
1
>>> results.get(("v2",), ("timeline", "people"), lambda: calls.append(1) or [1, 2, 3])
[1, 2, 3]
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsclaims.store.schema import articles

T = TypeVar("T")
MAX_RESULTS = 64


class ResultCache:
    """Results by (revision, key), computed once each, at most ``max_results`` kept."""

    def __init__(self, max_results: int = MAX_RESULTS) -> None:
        self.max_results = max_results
        self._results: OrderedDict[tuple[Hashable, Hashable], Any] = OrderedDict()
        self._computing: dict[tuple[Hashable, Hashable], threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, revision: Hashable, key: Hashable, compute: Callable[[], T]) -> T:
        """The result of ``compute()`` for ``key`` at ``revision``: kept, or computed now.

        Callers share the result: they must not change it.
        """
        wanted = (revision, key)
        with self._guard:
            if wanted in self._results:
                self._results.move_to_end(wanted)
                return self._results[wanted]
            turn = self._computing.setdefault(wanted, threading.Lock())
        with turn:  # one computation per result; the others wait for it
            with self._guard:
                if wanted in self._results:
                    return self._results[wanted]
            try:
                result = compute()
            finally:
                with self._guard:
                    self._computing.pop(wanted, None)
            with self._guard:
                self._results[wanted] = result
                while len(self._results) > self.max_results:
                    self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._guard:
            self._results.clear()


def store_revision(connection: Connection) -> tuple[str, int, int]:
    """What a result was computed from: the store's URL, its article count and top key."""
    count, top = connection.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.max(articles.c.pk), 0))
    ).one()
    return (str(connection.engine.url), int(count), int(top))


RESULTS = ResultCache()


def shared_result(connection: Connection, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per store revision and ``key`` in this process (see the module)."""
    return RESULTS.get(store_revision(connection), key, compute)
