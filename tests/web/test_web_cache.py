"""The view cache of the server: results kept per store revision, computed once each."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send
from web_reports import web_reports

from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter
from newsclaims.web import create_app
from newsclaims.web.cache import RESULTS, ResponseCache, ResultCache, _Answer, store_revision
from newsclaims.web.reads import open_readonly
from newsclaims.web.views import warm_views


def test_views_are_computed_again_once_the_store_grows(tmp_path: Path) -> None:
    """The views are kept per store revision: an ingest into a served store shows up."""
    reports = web_reports()
    first, rest = reports[:1], reports[1:]
    url = f"sqlite:///{tmp_path / 'growing.db'}"
    engine = open_store(url)
    ReportWriter(engine).write(first)
    with TestClient(create_app(url)) as growing:
        asked = {"what": "people", "where": "Gaza"}
        before = growing.get("/api/v1/timeline", params=asked).json()["total"]
        assert growing.get("/api/v1/timeline", params=asked).json()["total"] == before
        ReportWriter(engine).write(rest)
        after = growing.get("/api/v1/timeline", params=asked).json()["total"]
    engine.dispose()
    assert (before, after) == (1, 3)


def test_one_result_is_computed_once_for_concurrent_requests() -> None:
    results = ResultCache(max_results=4)
    computed: list[int] = []
    gate = threading.Event()

    def slow() -> list[int]:
        gate.wait(5)
        computed.append(1)
        return [len(computed)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        asked = [pool.submit(results.get, "r1", "view", slow) for _ in range(8)]
        gate.set()
        answers = [future.result() for future in asked]
    assert computed == [1]
    assert all(answer is answers[0] for answer in answers)
    for n in range(6):  # the oldest results leave first
        results.get("r1", n, lambda n=n: [n])
    assert results.get("r1", "view", lambda: [99]) == [99]


def test_an_answer_is_kept_tagged_and_not_sent_again_to_who_holds_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kept.db'}"
    engine = open_store(url)
    ReportWriter(engine).write(web_reports()[:1])
    with TestClient(create_app(url)) as client:
        first = client.get("/api/v1/timeline", params={"what": "people"})
        again = client.get("/api/v1/timeline", params={"what": "people"})
        assert first.json() == again.json()
        tag = first.headers["etag"]
        assert again.headers["etag"] == tag
        held = client.get(
            "/api/v1/timeline", params={"what": "people"}, headers={"if-none-match": tag}
        )
        assert (held.status_code, held.content) == (304, b"")
        assert "etag" not in client.get("/api/v1/articles/nope").headers  # errors: not kept
        ReportWriter(engine).write(web_reports()[1:])
        grown = client.get(
            "/api/v1/timeline", params={"what": "people"}, headers={"if-none-match": tag}
        )
        assert grown.status_code == 200 and grown.headers["etag"] != tag
        assert grown.json()["total"] > first.json()["total"]
    engine.dispose()


def test_no_answers_kept_when_the_cache_is_off(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'off.db'}"
    engine = open_store(url)
    ReportWriter(engine).write(web_reports()[:1])
    engine.dispose()
    with TestClient(create_app(url, cache_mb=0)) as client:
        answer = client.get("/api/v1/stats")
    assert answer.status_code == 200 and "etag" not in answer.headers


def test_warming_computes_the_opening_views(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'warm.db'}"
    engine = open_store(url)
    ReportWriter(engine).write(web_reports())
    engine.dispose()
    RESULTS.clear()
    reader = open_readonly(url)
    warm_views(reader)
    with reader.connect() as connection:
        revision = store_revision(connection)
    reader.dispose()
    kept = {key[0] for (kept_revision, key) in RESULTS.kept() if kept_revision == revision}
    assert kept == {"timeline", "pairs", "moves", "actors"}


def test_results_are_bounded_by_their_rows_and_the_newest_is_kept() -> None:
    results = ResultCache(max_results=10, max_rows=5)
    results.get("r1", "a", lambda: [1, 2, 3])
    results.get("r1", "b", lambda: [4, 5])
    results.get("r1", "c", lambda: [6])  # 6 rows in all: the oldest leaves
    assert [key for _, key in results.kept()] == ["b", "c"]
    results.get("r1", "huge", lambda: list(range(50)))  # over the bound alone: still kept
    assert [key for _, key in results.kept()] == ["huge"]


def test_warming_begins_no_view_once_told_to_stop(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'stopped.db'}"
    engine = open_store(url)
    ReportWriter(engine).write(web_reports())
    engine.dispose()
    RESULTS.clear()
    reader = open_readonly(url)
    stop = threading.Event()
    stop.set()
    warm_views(reader, stop)
    reader.dispose()
    assert not list(RESULTS.kept())


def test_an_answer_is_kept_per_host_and_links_stay_relative(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hosts.db'}"
    engine = open_store(url)
    ReportWriter(engine).write(web_reports())
    engine.dispose()
    with TestClient(create_app(url)) as client:
        poisoned = client.get("/search", params={"q": "the"}, headers={"host": "evil.example"})
        honest = client.get("/search", params={"q": "the"})
    assert "evil.example" not in poisoned.text
    assert poisoned.headers["etag"] != honest.headers["etag"]


def test_a_store_gone_is_a_503_with_the_cache_on(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    engine = open_store(f"sqlite:///{path}")
    ReportWriter(engine).write(web_reports()[:1])
    engine.dispose()
    app = create_app(f"sqlite:///{path}")
    with TestClient(app, raise_server_exceptions=False) as client:
        path.unlink()
        app.state.engine.dispose()  # no pooled connection keeps the removed file open
        answer = client.get("/api/v1/stats")
    assert answer.status_code == 503, answer.text


def test_answers_replaced_at_once_are_counted_once() -> None:
    async def route(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"x" * 100})

    cache = ResponseCache(route, engine=None, max_bytes=1_000)  # type: ignore[arg-type]
    first, second = _Answer(), _Answer()
    for answer in (first, second):
        answer.start({"type": "http.response.start", "status": 200}, b'"t"')
        answer.add({"type": "http.response.body", "body": b"x" * 100})
    key = (("db", 1), b"host", "/", b"")
    cache._keep(key, first)
    cache._keep(key, second)  # two asks of one URL finished together
    assert cache._held == 100
