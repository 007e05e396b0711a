"""Evidence end to end: a real report through the real pipeline into a real store; every
row of every view carries the sentence, headline, publisher and URL it came from, and
``show`` prints the article with the item highlighted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclaims.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "afp-blinken-gaps.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('evidence') / 'store.db'}"
    assert main(["ingest", str(EXAMPLE), "--db", url, "--quiet", "--workers", "1"]) == 0
    return url


def output_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("kind", ["figures", "quotes", "events"])
def test_every_query_row_carries_its_sentence(
    store: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE.read_text("utf-8")
    rows = output_json(capsys, "query", kind, "--limit", "0", "--db", store)
    assert rows
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        # The sentence is the article's text at its offsets, around the item.
        assert text[row["sentence_start"] : row["sentence_end"]] == row["sentence"]
        assert row["sentence_start"] <= row["start"] < row["sentence_end"]
        assert row["headline"] and row["item_id"] and row["article_id"]


def test_figures_have_resolved_identities(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = output_json(capsys, "query", "figures", "--limit", "0", "--db", store)
    ministry = [row for row in rows if row["value"] == 31490]
    assert [(row["quantity"], row["source_id"], row["where"]) for row in ministry] == [
        ("people", "pse-health-ministry", "Gaza")
    ]
    by_name = output_json(capsys, "timeline", "--source", "Gaza's health ministry", "--db", store)
    assert [point["value"] for point in by_name] == [31490]
    assert by_name[0]["sentence"] and by_name[0]["source_id"] == "pse-health-ministry"


def test_show_highlights_the_item(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = output_json(capsys, "query", "figures", "--limit", "1", "--db", store)
    article_id, item_id = rows[0]["article_id"], rows[0]["item_id"]
    assert main(["show", article_id, item_id, "--db", store]) == 0
    shown = capsys.readouterr().out
    assert f"item {item_id}" in shown and "Blinken" in shown
    assert main(["show", article_id, "no-such-item", "--db", store]) == 2
    assert "has no item" in capsys.readouterr().err
    assert main(["show", "no-such-article", "--db", store]) == 2


def test_a_source_matching_nothing_is_offered_the_ids_it_may_mean(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["timeline", "--source", "ministry", "--format", "json", "--db", store]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []  # never a substring of a source's name
    assert "pse-health-ministry" in captured.err
