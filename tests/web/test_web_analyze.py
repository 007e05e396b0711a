"""Analyze over the web: the real pipeline, limits of size, nothing stored unless asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_reports import filled_store

from newsclaims.web import create_app
from newsclaims.web.analysis import Limits
from newsclaims.web.app import request_limit

TEXT = (
    "Mayor opens bridge\n\n"
    'The new bridge will carry 40,000 cars a day, Mayor Ann Lee said on Monday. "It is '
    'finished at last," she told reporters.'
)


@pytest.fixture(scope="module")
def small_limits() -> Limits:
    return Limits(max_bytes=2_000, seconds=120)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    folder: Path = tmp_path_factory.mktemp("analyze")
    return (filled_store(f"sqlite:///{folder / 'read.db'}"),
            filled_store(f"sqlite:///{folder / 'write.db'}"))  # fmt: skip


@pytest.fixture(scope="module")
def reader(stores: tuple[str, str], small_limits: Limits, nlp) -> TestClient:
    return TestClient(create_app(stores[0], limits=small_limits), raise_server_exceptions=False)


def test_analyze_returns_the_report_and_stores_nothing(reader: TestClient) -> None:
    before = reader.get("/api/v1/stats").json()
    answer = reader.post("/api/v1/analyze", json={"text": TEXT})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["stored"] is False
    assert any(quote["speaker"] and "Lee" in quote["speaker"]["text"] for quote in report["quotes"])
    for figure in report["figures"]:
        assert TEXT[figure["span"]["start"] : figure["span"]["end"]] == figure["span"]["text"]
    assert reader.get("/api/v1/stats").json() == before


def test_analyze_page_shows_the_report_highlighted(reader: TestClient) -> None:
    page = reader.post("/analyze", data={"text": TEXT})
    assert page.status_code == 200
    assert 'class="hl quote' in page.text and "not stored" in page.text


def test_upload_is_read_like_a_file(reader: TestClient) -> None:
    page = reader.post("/analyze", files={"file": ("bridge.txt", TEXT.encode(), "text/plain")})
    assert page.status_code == 200
    assert "Mayor opens bridge" in page.text


def test_a_text_over_the_limit_is_413(reader: TestClient, small_limits: Limits) -> None:
    long_text = "word " * (small_limits.max_bytes // 4)
    answer = reader.post("/api/v1/analyze", json={"text": long_text})
    assert answer.status_code == 413
    assert "at most 2,000 bytes" in answer.json()["detail"]
    page = reader.post("/analyze", data={"text": long_text})
    assert page.status_code == 413


def test_a_request_over_the_body_limit_is_413_unread(
    reader: TestClient, small_limits: Limits
) -> None:
    body = b"x" * (request_limit(small_limits) + 1)
    answer = reader.post(
        "/api/v1/analyze", content=body, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413


@pytest.mark.parametrize("body", [{"text": "   "}, {"text": "a\x00b"}, {}, {"text": 5}])
def test_empty_or_malformed_texts_are_422(reader: TestClient, body: dict) -> None:
    answer = reader.post("/api/v1/analyze", json=body)
    assert answer.status_code == 422
    assert answer.json()["detail"]


def test_storing_is_refused_unless_the_server_allows_it(reader: TestClient) -> None:
    answer = reader.post("/api/v1/analyze", json={"text": TEXT, "store": True})
    assert answer.status_code == 403
    assert "--allow-store" in answer.json()["detail"]


def test_storing_when_allowed_and_asked(stores: tuple[str, str], nlp) -> None:
    writer = TestClient(create_app(stores[1], allow_store=True), raise_server_exceptions=False)
    answer = writer.post("/api/v1/analyze", json={"text": TEXT, "store": True})
    assert answer.status_code == 200 and answer.json()["stored"] is True
    stored = writer.get(f"/api/v1/articles/{answer.json()['id']}")
    assert stored.status_code == 200
    assert stored.json()["articles"][0]["report"]["text"] == TEXT


def test_an_analysis_past_its_time_is_503(stores: tuple[str, str], nlp) -> None:
    hurried = create_app(stores[0], limits=Limits(seconds=0.000001))
    answer = TestClient(hurried).post("/api/v1/analyze", json={"text": TEXT})
    assert answer.status_code == 503
    assert "longer than" in answer.json()["detail"]
