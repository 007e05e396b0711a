"""Hostile input at the command line: one line on stderr and exit 2 (never a traceback),
or, for records skipped under ``--on-error skip``, the rest done and exit 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclaims.cli import main
from newsclaims.cli.runs import EXIT_REJECTED

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "afp-blinken-gaps.txt"
CLI = [sys.executable, "-m", "newsclaims.cli"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line_error(err: str) -> bool:
    lines = err.strip().splitlines()
    return len(lines) == 1 and lines[0].startswith("newsclaims: error: ") and "Traceback" not in err


def records(count: int) -> list[dict[str, object]]:
    return [
        {"id": f"r{n}", "title": f"Floods in town {n}",
         "text": f"Officials said {n + 2} homes were flooded in town {n} on Monday."}
        for n in range(1, count + 1)
    ]  # fmt: skip


def write_lines(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


def stored(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]


# --- skipped records: the rest stored, named by file and line, exit 3 ------------------


def test_ingest_skips_bad_records_and_stores_the_rest(tmp_path, capsys):
    lines: list[object] = list(records(12))
    lines[4] = '{"id": "r5", "text": "cut'
    lines[7] = {**records(8)[7], "url": 42}
    lines[9] = '{"id": "r10", "text": "A \\ud800 lone surrogate, escaped."}'
    corpus = write_lines(tmp_path / "c.jsonl", lines)
    db = tmp_path / "s.db"
    rejects = tmp_path / "rejects.jsonl"
    args = ["ingest", str(corpus), "--db", str(db), "-w", "1", "-q", "--rejects", str(rejects)]
    code, out, err = run(args, capsys)
    assert code == EXIT_REJECTED
    assert "stored 10 articles" in out and stored(db) == 10
    assert f"{corpus}:5: malformed JSON" in err and f"{corpus}:8: field 'url'" in err
    kept = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [(r["line"], r["raw"][:10]) for r in kept] == [(5, '{"id": "r5'), (8, '{"id": "r8')]
    # A re-run stores nothing more and names the same records again.
    code, out, _ = run(args, capsys)
    assert code == EXIT_REJECTED and "stored 0 articles" in out


def test_on_error_stop_ends_at_the_first_bad_record(tmp_path, capsys):
    corpus = write_lines(tmp_path / "c.jsonl", [*records(3), "{oops", *records(2)])
    code, _out, err = run(
        ["ingest", str(corpus), "--db", str(tmp_path / "s.db"), "-w", "1", "-q",
         "--on-error", "stop"],
        capsys,
    )  # fmt: skip
    assert code == 2 and one_line_error(err) and f"{corpus}:4: malformed JSON" in err


def test_an_empty_file_does_not_abort_a_folder(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Police said three people were arrested on Saturday.")
    (folder / "b.txt").write_text("")
    (folder / "c.txt").write_text("The council said the bridge would open on Monday.")
    db = tmp_path / "s.db"
    code, _out, err = run(["ingest", str(folder), "--db", str(db), "-w", "1", "-q"], capsys)
    assert code == EXIT_REJECTED and stored(db) == 2
    assert "b.txt: empty input" in err and "1 record skipped" in err


# --- one line and exit 2 ---------------------------------------------------------------


def test_deeply_nested_json(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    code, out, err = run(["analyze", str(path)], capsys)
    assert code == 2 and one_line_error(err) and "nested too deeply" in err and out == ""


def test_query_on_a_missing_database_neither_creates_it_nor_answers_nothing(tmp_path, capsys):
    db = tmp_path / "typo.db"
    for args in (["query", "figures"], ["timeline"], ["contradictions"], ["negotiation"]):
        code, _out, err = run([*args, "--db", str(db)], capsys)
        assert code == 2 and one_line_error(err) and "no database at" in err
    assert not db.exists()


@pytest.fixture
def small_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "s.db"
    corpus = write_lines(tmp_path / "c.jsonl", records(2))
    assert main(["ingest", str(corpus), "--db", str(db), "-w", "1", "-q"]) == 0
    capsys.readouterr()
    return db


@pytest.mark.parametrize(
    "args",
    [
        ["query", "figures", "--where", "x" * 50_001],
        ["query", "quotes", "--text", "%" * 60_000],
        ["timeline", "--source", "y" * 50_001],
        ["query", "figures", "--limit", "1e20"],
        ["query", "figures", "--limit", str(10**20)],
        ["contradictions", "--limit", str(10**20)],
    ],
)
def test_absurd_filters_and_limits(small_store, capsys, args):
    code, _out, err = run([*args, "--db", str(small_store)], capsys)
    assert code == 2 and one_line_error(err), err


def test_a_read_only_database_is_one_line_and_stays_intact(small_store, tmp_path, capsys):
    url = f"sqlite:///file:{small_store}?mode=ro&uri=true"
    corpus = write_lines(tmp_path / "more.jsonl", records(4))
    code, _out, err = run(["ingest", str(corpus), "--db", url, "-w", "1", "-q"], capsys)
    assert code == 2 and one_line_error(err) and "readonly" in err
    assert stored(small_store) == 2
    code, out, _ = run(["query", "figures", "--db", url, "--format", "json"], capsys)
    assert code == 0 and json.loads(out)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_database_file(small_store, tmp_path, capsys):
    small_store.chmod(0o444)
    corpus = write_lines(tmp_path / "more.jsonl", records(4))
    code, _out, err = run(["ingest", str(corpus), "--db", str(small_store), "-q"], capsys)
    assert code == 2 and one_line_error(err)


def test_a_non_numeric_postgresql_port(capsys):
    code, _out, err = run(
        ["query", "figures", "--db", "postgresql://me@localhost:abc/news"], capsys
    )
    assert code == 2 and one_line_error(err) and "not a database URL" in err


@pytest.mark.parametrize("workers", ["-1", "0"])
def test_workers_below_one(capsys, workers):
    code, _out, err = run(["analyze", str(SAMPLE), "-w", workers], capsys)
    assert code == 2 and one_line_error(err) and "--workers" in err


def test_workers_above_the_cores_are_lowered_with_a_warning(capsys):
    code, out, err = run(["analyze", str(SAMPLE), "-w", "999", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["quotes"]
    assert "this machine has" in err


def test_a_text_longer_than_spacy_accepts_at_once(nlp, monkeypatch, tmp_path, capsys):
    # The limits made small, so the test is quick: the same code runs at 1,000,000.
    monkeypatch.setattr("newsclaims.nlp.MAX_PIECE_CHARS", 2_000)
    monkeypatch.setattr(nlp, "max_length", 5_000)
    paragraph = "The ministry said 12 people were killed. \u201cWe mourn,\u201d he said.\n\n"
    path = tmp_path / "long.txt"
    path.write_text(paragraph * (12_000 // len(paragraph)))
    code, out, err = run(["analyze", str(path), "--format", "json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert len(report["figures"]) == 12_000 // len(paragraph)


# --- real processes: closed streams, broken pipes, non-UTF-8 arguments -----------------


def cli(
    args: list[str | bytes], shell_suffix: str = "", **options: object
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    if shell_suffix:
        command = " ".join([*CLI, *map(str, args)]) + " " + shell_suffix
        return subprocess.run(
            ["sh", "-c", command], capture_output=True, text=True, env=env, check=False
        )
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, env=env, check=False, **options
    )


def test_closed_stdout():
    result = cli(["schema"], shell_suffix=">&-")
    assert result.returncode == 2 and one_line_error(result.stderr), result.stderr


def test_closed_stdin():
    result = cli(["analyze", "-"], shell_suffix="<&-")
    assert result.returncode == 2 and one_line_error(result.stderr), result.stderr
    assert "stdin is closed" in result.stderr


def test_a_broken_pipe():
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        [*CLI, "schema"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first write
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 2 and one_line_error(err), err


def test_non_utf8_arguments(tmp_path):
    result = cli([b"analyze", os.fsencode(tmp_path) + b"/caf\xe9.txt"])
    assert result.returncode == 2 and one_line_error(result.stderr), result.stderr
    assert "no such file" in result.stderr
