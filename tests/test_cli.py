"""The command line: outputs, and bad input as one line on stderr with exit code 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclaims.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "afp-blinken-gaps.txt"


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("setup", "args_after", "needle"),
    [
        (lambda p: p.write_bytes(b""), [], "empty input"),
        (lambda p: p.write_bytes(bytes(range(256))), [], "binary data"),
        (lambda p: p.with_suffix(".json").write_text('{"text": '), None, "malformed JSON"),
        (lambda p: p.write_text("x " * 500), ["--max-bytes", "100"], "larger than one article"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, setup, args_after, needle):
    path = tmp_path / "input.txt"
    setup(path)
    target = path.with_suffix(".json") if args_after is None else path
    code, out, err = run(["analyze", str(target), *(args_after or [])], capsys)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert out == ""


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "--no-such-option", "x"],
        ["no-such-command"],
        ["analyze"],
        ["analyze", "/no/such/file"],
        ["eval", "/no/such/dir"],
        ["analyze", str(SAMPLE), "--format", "yaml"],
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, args):
    code, _out, err = run(args, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("newsclaims: error:")


def test_json_output_follows_the_scoring_contract(capsys):
    code, out, _ = run(["analyze", str(SAMPLE), "--format", "json"], capsys)
    assert code == 0
    report = json.loads(out)
    text = SAMPLE.read_text(encoding="utf-8")
    assert report["text"] == text
    assert "says US working" in report["headline"]
    assert report["dateline"] == "VIENNA"
    assert report["quotes"] and report["figures"] and report["events"] and report["entities"]
    for quote in report["quotes"]:
        assert {"start", "end"} <= quote["content"].keys()
        assert quote["kind"] in {"direct", "indirect", "mixed"}
        assert text[quote["content"]["start"] : quote["content"]["end"]] == quote["content"]["text"]
    for figure in report["figures"]:
        assert text[figure["span"]["start"] : figure["span"]["end"]] == figure["span"]["text"]
        assert "value" in figure and "qualifier" in figure and "source" in figure
    for event in report["events"]:
        assert {"code", "source_actor", "span"} <= event.keys()
        assert {"code", "name"} <= event["source_actor"].keys()


def test_csv_and_jsonl_outputs(capsys):
    code, out, _ = run(["analyze", str(SAMPLE), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {row["item"] for row in rows} >= {"entity"}
    code, out, _ = run(["analyze", str(SAMPLE), str(SAMPLE), "--format", "jsonl"], capsys)
    assert code == 0 and len(out.strip().splitlines()) == 2


def test_table_view_shows_headline_and_sections(capsys):
    code, out, _ = run(["analyze", str(SAMPLE)], capsys)
    assert code == 0
    for needle in ("says US working", "Quotations", "Figures", "Actors", "VIENNA"):
        assert needle in out


def test_schema_is_the_report_json_schema(capsys):
    code, out, _ = run(["schema"], capsys)
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "Report"
    assert {"quotes", "figures", "events"} <= schema["properties"].keys()


def test_real_entry_point_has_no_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", "analyze", str(empty)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"newsclaims: error: {empty}: empty input, no text to analyze"


@pytest.mark.parametrize(
    ("gold", "needle"),
    [("{not json", "malformed gold JSON"), ('{"quotes": [{"kind": "direct"}]}', "needs a 'key'")],
)
def test_eval_on_broken_gold_exits_2(tmp_path, capsys, gold, needle):
    (tmp_path / "a.txt").write_text("Qatar said talks resumed.")
    (tmp_path / "a.gold.json").write_text(gold)
    code, _out, err = run(["eval", str(tmp_path)], capsys)
    assert code == 2 and needle in err and len(err.strip().splitlines()) == 1


def test_eval_prints_the_summary_line_last(tmp_path, capsys):
    (tmp_path / "a.txt").write_text('Qatar said "talks resumed" on Friday.')
    (tmp_path / "a.gold.json").write_text(
        json.dumps({"quotes": [{"key": "talks resumed", "kind": "direct", "speaker": ["Qatar"]}]})
    )
    code, out, _ = run(["eval", str(tmp_path)], capsys)
    last = out.strip().splitlines()[-1]
    assert code == 0
    assert last.startswith("quotes_f1=1.000 attribution_f1=1.000 figures_f1=")
    assert " events_f1=" in last and last.split()[-1].startswith("casualty_status_acc=")


def test_unwritable_output_and_out_of_range_numbers_exit_2(tmp_path, capsys):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    for args in (
        ["analyze", str(SAMPLE), "--format", "parquet", "--out", str(not_a_folder)],
        ["analyze", str(SAMPLE), "--batch-size", "0"],
    ):
        code, _out, err = run(args, capsys)
        assert code == 2 and len(err.strip().splitlines()) == 1, err
