"""The web's building blocks: evidence with and without stored sentences, highlights that
overlap, downloads, parameters; and `newsclaims serve` on the command line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest
from markupsafe import Markup
from web_reports import filled_store
from web_server import free_port

from newsclaims.cli import main
from newsclaims.web.downloads import download, flat_rows
from newsclaims.web.evidence import article_link, evidence, sentence_bounds
from newsclaims.web.highlight import Mark, highlighted
from newsclaims.web.params import BadParameter, FilterParams, Format

TEXT = 'Talks stalled.\n\nAt least 40 people were killed, officials said. "It is over," he said.'


def test_evidence_cuts_the_sentence_around_the_item_from_the_text() -> None:
    start = TEXT.index("At least 40")
    row = {"article_id": "a", "start": start, "end": start + 11, "text": "At least 40"}
    found = evidence(row, {"a": {"text": TEXT, "headline": "H", "url": "https://x.org/a"}})
    assert (found.before, found.item) == ("", "At least 40")
    assert found.after == " people were killed, officials said."
    assert found.headline == "H" and found.url == "https://x.org/a" and found.located
    assert found.link == article_link("a", start, start + 11)


def test_evidence_prefers_the_rows_own_sentence_and_fields() -> None:
    """When a row carries its evidence (sentence, offsets, headline, url), it is used."""
    sentence_start = TEXT.index("At least")
    row = {
        "article_id": "a", "start": sentence_start + 9, "end": sentence_start + 11,
        "text": "40", "sentence": "At least 40 people were killed, officials said.",
        "sentence_start": sentence_start, "sentence_end": sentence_start + 47,
        "headline": "Row headline", "url": "https://row.example/a",
    }  # fmt: skip
    found = evidence(row, {"a": {"text": "another text", "headline": "Stored"}})
    assert (found.before, found.item) == ("At least ", "40")
    assert found.headline == "Row headline" and found.url == "https://row.example/a"


def test_evidence_of_a_point_with_a_span_and_no_text_falls_back_to_the_item() -> None:
    point = {"article_id": "gone", "span": {"start": 3, "end": 5, "text": "40"}}
    found = evidence(point, {})
    assert (found.before, found.item, found.after, found.located) == ("", "40", "", False)


def test_offsets_that_do_not_match_the_text_are_not_trusted() -> None:
    row = {"article_id": "a", "start": 0, "end": 5, "text": "Other"}
    assert not evidence(row, {"a": {"text": TEXT}}).located


def test_only_http_urls_are_links() -> None:
    row = {"article_id": "a", "url": "javascript:alert(1)"}
    assert evidence(row, {}).url is None


def test_sentence_bounds_stop_at_paragraphs_and_stops() -> None:
    start = TEXT.index("It is over")
    begin, end = sentence_bounds(TEXT, start, start + 10)
    assert TEXT[begin:end] == '"It is over," he said.'


def test_overlapping_highlights_keep_each_items_exact_characters() -> None:
    text = "one two three four five"
    marks = [Mark("q", "quote", 4, 18), Mark("f", "figure", 8, 13), Mark("e", "event", 0, 7)]
    html = str(highlighted(text, marks))
    for mark in marks:
        pieces = _pieces(html, mark.item_id)
        assert "".join(pieces) == text[mark.start : mark.end]
    assert isinstance(highlighted(text, marks), Markup)


def _pieces(html: str, item_id: str) -> list[str]:
    """The text inside every mark of ``item_id`` (marks nest)."""
    pieces: list[str] = []
    inside: list[bool] = []  # per open mark: is it one of the item's
    for token in re.findall(r"<mark[^>]*>|</mark>|[^<]+", html):
        if token.startswith("<mark"):
            inside.append(f'data-item="{item_id}"' in token)
        elif token == "</mark>":
            inside.pop()
        elif any(inside):
            pieces.append(token)
    return pieces


def test_marks_outside_the_text_are_dropped() -> None:
    assert str(highlighted("short", [Mark("x", "figure", 3, 99)])) == "short"


def test_nested_rows_flatten_for_csv_and_parquet() -> None:
    rows = [{"a": {"value": 1}, "b": {"value": 2.5}, "tags": ["x"]}, {"a": {"value": 3.5}}]
    assert flat_rows(rows)[0] == {"a_value": 1, "b_value": 2.5, "tags": '["x"]'}
    table = pq.read_table(io.BytesIO(download(rows, Format.parquet, "t").body))
    assert table.column("a_value").to_pylist() == [1.0, 3.5]


def test_empty_form_fields_are_not_filters_and_bad_days_are_refused() -> None:
    assert FilterParams(what="", since="", scope="").filters().given() == []
    with pytest.raises(BadParameter, match="not a day"):
        FilterParams(since="2023-02-30").filters()
    assert FilterParams(scope="all").filters().scope is None


def test_serve_help_teaches_and_a_bad_store_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--help"]) == 0
    assert "127.0.0.1" in capsys.readouterr().out
    assert main(["serve", "--db", str(tmp_path / "missing" / "x.db")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("newsclaims: error:") and error.count("\n") == 1


def test_serve_answers_from_several_worker_processes(tmp_path: Path) -> None:
    """`newsclaims serve --workers 2` as a user starts it: the store is found by each worker."""
    url = filled_store(f"sqlite:///{tmp_path / 'store.db'}")
    port = free_port()
    command = [sys.executable, "-c", "from newsclaims.cli import run; run()", "serve",
               "--db", url, "--port", str(port), "--workers", "2"]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail(
                f"the server did not answer: {server.stderr.read() if server.stderr else ''}"
            )
        assert answer.json()["articles"] == 7
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_evidence_of_a_timeline_point_finds_its_sentence_in_the_text() -> None:
    """Timeline points carry the sentence's text but not its offset: it is found in the
    stored text around the item, so a repeated number is cut at the item's own place."""
    text = "In 2022, 40 died. Now 40 people were killed, officials said."
    start = text.index("40", 10)
    point = {"article_id": "a", "span": {"start": start, "end": start + 2, "text": "40"},
             "sentence": "Now 40 people were killed, officials said."}  # fmt: skip
    found = evidence(point, {"a": {"text": text}})
    assert (found.before, found.item, found.after) == (
        "Now ",
        "40",
        " people were killed, officials said.",
    )
