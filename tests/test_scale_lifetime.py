"""Worker processes live no longer than the run that started them.

Real processes, real signals: ``newsclaims ingest -w 2`` is killed with SIGKILL (no
worker may survive it), stopped with SIGTERM (it ends after a whole batch, and a re-run
completes the store exactly), and loses a worker to SIGKILL (one line, exit 2).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsclaims.scale import process_alive

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def descendants(pid: int) -> set[int]:
    """Every living process below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if fields[0] not in ("Z", "X"):
                parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[1])


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(0.2)


def start_ingest(tmp_path: Path, count: int) -> tuple[subprocess.Popen[str], Path, Path]:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"r{n}", "text": f"Officials said {n + 2} homes were flooded in "
                        f"district {n} on Monday, and {n % 7 + 1} families were moved."}) + "\n"
            for n in range(count)
        )
    )  # fmt: skip
    db = tmp_path / "store.db"
    command = [sys.executable, "-m", "newsclaims.cli", "ingest", str(corpus), "--db", str(db),
               "-w", "2", "--batch-size", "2", "-q"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    return process, corpus, db


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def workers_started(process: subprocess.Popen[str]) -> bool:
    # The forkserver and two workers (and the resource tracker) below the ingest.
    return len(descendants(process.pid)) >= 3 or process.poll() is not None


def kill_all(pids: set[int]) -> None:
    """Clean up after a failed test: the processes it started that still run."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def test_no_worker_survives_a_killed_parent(tmp_path):
    process, _corpus, _db = start_ingest(tmp_path, 400)
    children: set[int] = set()
    try:
        wait_for(lambda: workers_started(process), 120, "the worker processes")
        assert process.poll() is None, process.communicate()
        children = descendants(process.pid)
        process.kill()
        process.wait(timeout=30)  # not communicate(): a surviving worker holds the pipes
        wait_for(lambda: not any(process_alive(pid) for pid in children), 20, "workers to end")
    finally:
        kill_all(children | descendants(process.pid))


def test_sigterm_ends_after_a_whole_batch_and_a_rerun_completes(tmp_path):
    process, corpus, db = start_ingest(tmp_path, 400)
    children: set[int] = set()
    try:
        wait_for(lambda: stored(db) > 0 or process.poll() is not None, 180, "a first batch")
        children = descendants(process.pid)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 128 + signal.SIGTERM, err
        assert "stopped on request" in err and "Traceback" not in err
        said = int(out.split("stored ")[1].split()[0])
        assert said == stored(db) and said % 2 == 0 and 0 < said < 400
        wait_for(lambda: not any(process_alive(pid) for pid in children), 20, "workers to end")
    finally:
        kill_all(children | descendants(process.pid))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    rerun = subprocess.run(
        [sys.executable, "-m", "newsclaims.cli", "ingest", str(corpus), "--db", str(db),
         "-w", "1", "-q"],
        capture_output=True, text=True, env=env, check=False, timeout=600,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert stored(db) == 400


def test_a_killed_worker_is_one_line_and_exit_2(tmp_path):
    process, _corpus, db = start_ingest(tmp_path, 400)
    children: set[int] = set()
    try:
        wait_for(lambda: stored(db) > 0 or process.poll() is not None, 180, "a first batch")
        children = descendants(process.pid)
        # Workers are the forkserver's children, grandchildren of the ingest.
        workers = [pid for pid in children if parent_of(pid) != process.pid]
        assert workers and process.poll() is None
        before = stored(db)
        os.kill(max(workers), signal.SIGKILL)
        _out, err = process.communicate(timeout=120)
        lines = err.strip().splitlines()
        assert process.returncode == 2 and len(lines) == 1, err
        assert "a worker process died" in lines[0] and stored(db) >= before
        wait_for(lambda: not any(process_alive(pid) for pid in children), 20, "workers to end")
    finally:
        kill_all(children | descendants(process.pid))
