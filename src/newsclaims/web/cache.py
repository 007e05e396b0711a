"""The whole-store views, computed once per store revision and shared by every request.

A timeline, the contradiction pairs, the negotiation moves and the actors' activity are
built from every matching row of the store: seconds on a store of the three corpora, too
slow to redo for each page of the same result. A store only grows (an ingest appends
articles with their items, in one transaction per batch, and nothing deletes them), so
the highest article key names what a result was computed from: a result is reused until
it changes. Concurrent requests for the same result wait for one computation instead of
each doing it. The cache lives in the server process (each ``--workers`` process has its
own) and holds at most :data:`MAX_RESULTS` results and :data:`MAX_ROWS` rows in all
(points, pairs, moves), the least recently used leaving first; the newest result is kept
whatever its size, so the unfiltered views of a very large store are still computed once.

:class:`ResponseCache` does the same for whole answers: a GET answered 200 is kept by its
URL and the store's revision, sent again without running its route, and tagged with an
ETag so a browser that holds it gets a 304.

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

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsclaims import __version__
from newsclaims.store.schema import articles

T = TypeVar("T")
MAX_RESULTS = 64
MAX_ROWS = 400_000  # about 400 MB of rows at ~1 KB a row


class ResultCache:
    """Results by (revision, key), computed once each, at most ``max_results`` kept."""

    def __init__(self, max_results: int = MAX_RESULTS, max_rows: int = MAX_ROWS) -> None:
        self.max_results = max_results
        self.max_rows = max_rows
        self._results: OrderedDict[tuple[Hashable, Hashable], Any] = OrderedDict()
        self._rows: dict[tuple[Hashable, Hashable], int] = {}
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
            except BaseException:
                with self._guard:
                    self._computing.pop(wanted, None)
                raise
            with self._guard:  # kept before its turn is gone: no second computation
                self._results[wanted] = result
                self._rows[wanted] = rows_in(result)
                self._computing.pop(wanted, None)
                while len(self._results) > 1 and (
                    len(self._results) > self.max_results
                    or sum(self._rows.values()) > self.max_rows
                ):
                    oldest, _ = self._results.popitem(last=False)
                    self._rows.pop(oldest, None)
        return result

    def kept(self) -> list[tuple[Hashable, Hashable]]:
        """The (revision, key) of every result kept, oldest use first."""
        with self._guard:
            return list(self._results)

    def clear(self) -> None:
        with self._guard:
            self._results.clear()
            self._rows.clear()


def rows_in(result: Any) -> int:
    """The rows a result holds, for the cache's bound: a list's items, a mapping's rows
    (moves by actor), a page's rows; anything else is one.

    >>> rows_in([1, 2, 3]), rows_in({"Hamas": [1, 2], "Israel": [3]}), rows_in(7)
    (3, 3, 1)
    """
    if isinstance(result, dict):
        return sum(rows_in(value) if isinstance(value, list) else 1 for value in result.values())
    if isinstance(result, (list, tuple)):
        return len(result)
    rows = getattr(result, "rows", None)
    return len(rows) if isinstance(rows, list) else 1


def store_revision(connection: Connection) -> tuple[str, int]:
    """What a result was computed from: the store's URL and its highest article key (an
    index lookup: 0.03 ms, where counting the articles took 3 ms on 23,548)."""
    top = connection.scalar(sa.select(sa.func.coalesce(sa.func.max(articles.c.pk), 0)))
    return (str(connection.engine.url), int(top or 0))


RESULTS = ResultCache()


def shared_result(connection: Connection, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per store revision and ``key`` in this process (see the module)."""
    return RESULTS.get(store_revision(connection), key, compute)


# Answers the response cache never keeps: analyze runs on the text sent; static files
# and the Vega bundle are the package's own (served with their own validators).
UNCACHED_PREFIXES = ("/analyze", "/api/v1/analyze", "/static", "/assets")
MAX_ANSWER_BYTES = 4_000_000  # a larger answer (a whole download) is not kept
AnswerKey = tuple[Hashable, bytes, str, bytes]  # revision, host, path, query


class ResponseCache:
    """ASGI middleware: GET answers (200) kept by URL and store revision, ``max_bytes`` in
    all per process, the least recently used leaving first; 0 keeps none.

    A kept answer is sent again without running its route; every cacheable answer carries
    an ETag of the URL and revision, and a request whose If-None-Match holds it gets 304.
    """

    def __init__(self, app: ASGIApp, engine: Engine, max_bytes: int) -> None:
        self.app = app
        self.engine = engine
        self.max_bytes = max_bytes
        self._answers: OrderedDict[AnswerKey, _Answer] = OrderedDict()
        self._held = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        try:
            revision = await run_in_threadpool(self._revision)
        except DBAPIError:  # the route reports the store's failure, as without a cache
            await self.app(scope, receive, send)
            return
        # The host is part of the key: an answer is never sent to another host's asker.
        key = (
            revision,
            _header(scope, b"host") or b"",
            scope["path"],
            scope.get("query_string", b""),
        )
        tag = _etag(key)
        if _header(scope, b"if-none-match") == tag:
            await _send_not_modified(send, tag)
            return
        kept = self._answers.get(key)
        if kept is not None:
            self._answers.move_to_end(key)
            await kept.replay(send)
            return
        answer = _Answer()

        async def keeping(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = answer.start(message, tag)
            elif message["type"] == "http.response.body":
                answer.add(message)
            await send(message)

        await self.app(scope, receive, keeping)
        if answer.complete and answer.status == 200 and answer.size <= MAX_ANSWER_BYTES:
            self._keep(key, answer)

    def _cacheable(self, scope: Scope) -> bool:
        return (
            self.max_bytes > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and not str(scope["path"]).startswith(UNCACHED_PREFIXES)
        )

    def _revision(self) -> Hashable:
        with self.engine.connect() as connection:
            return store_revision(connection)

    def _keep(self, key: AnswerKey, answer: _Answer) -> None:
        if answer.size > self.max_bytes:
            return
        replaced = self._answers.pop(key, None)  # two asks made it at once
        if replaced is not None:
            self._held -= replaced.size
        self._answers[key] = answer
        self._held += answer.size
        while self._held > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self._held -= dropped.size


class _Answer:
    """One answer as it was sent: its start message (status, headers) and body."""

    def __init__(self) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []
        self.size = 0
        self.complete = False

    def start(self, message: Message, tag: bytes) -> Message:
        self.status = int(message["status"])
        headers = list(message.get("headers", []))
        if self.status == 200:
            headers += [(b"etag", tag), (b"cache-control", b"no-cache")]
        self.headers = headers
        return {**message, "headers": headers}

    def add(self, message: Message) -> None:
        body = message.get("body", b"")
        self.chunks.append(body)
        self.size += len(body)
        self.complete = not message.get("more_body", False)

    async def replay(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        await send({"type": "http.response.body", "body": b"".join(self.chunks)})


def _etag(key: AnswerKey) -> bytes:
    """The answer's tag: its key and this program's version (an upgrade makes pages anew)."""
    digest = hashlib.blake2b(repr((__version__, key)).encode(), digest_size=12).hexdigest()
    return f'"{digest}"'.encode()


def _header(scope: Scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope.get("headers", []) if key == name), None)


async def _send_not_modified(send: Send, tag: bytes) -> None:
    headers = [(b"etag", tag), (b"cache-control", b"no-cache")]
    await send({"type": "http.response.start", "status": 304, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
