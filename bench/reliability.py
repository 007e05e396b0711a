"""Reliability benchmark: what an ingest stores when it is killed, doubled or fed junk.

    .venv/bin/python bench/reliability.py                        # 3 kill trials, 120 records
    .venv/bin/python bench/reliability.py --trials 10 --records 300 --fuzz 400

Not part of ``make test`` (it takes minutes). Every run is a real ``newsclaims ingest``
process into a fresh SQLite store, compared with a clean run of the same sample:

- kill -9: ingest with ``-w 2``, SIGKILL the main process at a random moment, count the
  worker processes still alive 10 s later, re-run to the end, compare with the clean run;
- concurrent: two ingests of the sample at once into one fresh store, compared;
- fuzz: the sample's records mutated (cut lines, bad bytes, wrong field types, lone
  surrogates, deep nesting, over-long records) and ingested with ``--rejects``; every
  line must end stored or rejected, never a traceback; plus random files through
  ``analyze`` (exit 0, 2 or 3 only).

"Same as clean" compares the texts stored, how they group into stories, and the number
of quotes, figures and events. Peak memory is the largest total resident memory of the
ingest's process tree (main process and workers), sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "aljazeera-2017-2024.jsonl.gz"
CLI = [sys.executable, "-m", "newsclaims.cli"]
ENV = {**os.environ, "PYTHONPATH": str(REPO / "src")}
BATCH_SIZE = 4  # small batches: a kill falls between many commits


# --- processes ---------------------------------------------------------------------------


def tree(pid: int) -> set[int]:
    """``pid`` and every living process below it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if fields[0] not in ("Z", "X"):
                parents[int(entry.name)] = int(fields[1])
    found = {pid} if pid in parents else set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def rss_mib(pids: set[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    peak_mib: float
    orphans: int = 0


def run_ingest(args: list[str], kill_after: float | None = None) -> Run:
    """One ``newsclaims ingest``; with ``kill_after``, SIGKILLed after that many seconds."""
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        command = [*CLI, "ingest", *args, "-q", "--batch-size", str(BATCH_SIZE)]
        process = subprocess.Popen(command, stdout=out, stderr=err, env=ENV)
        peak = 0.0
        members: set[int] = set()
        while process.poll() is None:
            members |= tree(process.pid)
            peak = max(peak, rss_mib(tree(process.pid)))
            if kill_after is not None and time.monotonic() - started > kill_after:
                members |= tree(process.pid)
                process.kill()
                break
            time.sleep(0.2)
        code = process.wait()
        orphans = 0
        if kill_after is not None:
            time.sleep(10)
            survivors = {pid for pid in members - {process.pid} if tree(pid)}
            orphans = len(survivors)
            for pid in survivors:  # leave the machine as found
                os.kill(pid, signal.SIGKILL)
        out.seek(0)
        err.seek(0)
        return Run(code, out.read(), err.read(), time.monotonic() - started, peak, orphans)


# --- what a store holds ------------------------------------------------------------------


def fingerprint(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT content_hash, story_pk FROM articles").fetchall()
        stories: dict[int, set[str]] = {}
        for digest, story in rows:
            stories.setdefault(story, set()).add(digest)
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "stories", "quotes", "figures", "events")
        }
    return {
        "counts": counts,
        "stories": sorted(sorted(group) for group in stories.values()),
    }


# --- inputs ------------------------------------------------------------------------------


def sample_records(corpus: Path | None, count: int) -> list[dict[str, Any]]:
    if corpus is not None and corpus.exists():
        with gzip.open(corpus, "rt", encoding="utf-8") as lines:
            return [json.loads(line) for line in itertools.islice(lines, count)]
    towns = ["Arden", "Belmont", "Carlow", "Dunmore", "Elgin", "Fenwick", "Garvey", "Hollis"]
    return [
        {"id": f"r{n}", "date": f"2024-03-{1 + n % 28:02d}", "title": f"Floods in {towns[n % 8]}",
         "text": f"Officials in {towns[n % 8]} said {n + 2} homes were flooded on day {n}. "
                 f"\u201cWe moved {n % 7 + 1} families to the school,\u201d the mayor said."}
        for n in range(count)
    ]  # fmt: skip


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_bytes(b"".join(line.encode("utf-8", "surrogateescape") + b"\n" for line in lines))
    return path


MUTATIONS = (
    "cut", "bad_byte", "url_number", "id_true", "surrogate", "deep", "huge", "not_object",
    "no_text", "bom", "u2028",
)  # fmt: skip


def mutate(record: dict[str, Any], how: str, draw: random.Random) -> tuple[str, bool]:
    """A JSONL line from ``record`` mutated ``how``; whether it should still be stored."""
    line = json.dumps(record, ensure_ascii=False)
    if how == "cut":
        return line[: draw.randrange(1, max(2, len(line) - 1))], False
    if how == "bad_byte":  # one raw 0xFF byte in the text (surrogateescape writes it so)
        return json.dumps({**record, "text": "\udcff" + record["text"]}, ensure_ascii=False), True
    if how == "url_number":
        return json.dumps({**record, "url": 42}), False
    if how == "id_true":
        return json.dumps({**record, "id": True}), False
    if how == "surrogate":
        return json.dumps({**record, "text": "\ud800 " + record["text"]}), True
    if how == "deep":
        nested = json.dumps({**record, "extra": 0})[: -len("0}")]
        return nested + "[" * 50_000 + "]" * 50_000 + "}", False
    if how == "huge":
        return json.dumps({**record, "text": "word " * 1_100_000}), False
    if how == "not_object":
        return json.dumps([record]), False
    if how == "no_text":
        return json.dumps({key: value for key, value in record.items() if key != "text"}), False
    if how == "bom":
        return json.dumps({**record, "title": "\ufeff" + str(record.get("title", ""))}), True
    return json.dumps(
        {**record, "text": record["text"] + "\u2028" + "More."}, ensure_ascii=False
    ), True


# --- the trials --------------------------------------------------------------------------


def kill_trials(corpus: Path, clean: dict[str, Any], trials: int, span: float, work: Path,
                draw: random.Random) -> list[dict[str, Any]]:  # fmt: skip
    results = []
    for trial in range(trials):
        db = work / f"killed-{trial}.db"
        moment = draw.uniform(2.0, max(3.0, span))
        killed = run_ingest([str(corpus), "--db", str(db), "-w", "2"], kill_after=moment)
        partial = fingerprint(db)["counts"]["articles"] if db.exists() else 0
        resumed = run_ingest([str(corpus), "--db", str(db), "-w", "2"])
        result = {
            "killed_after_s": round(moment, 1), "stored_before_kill": partial,
            "orphans": killed.orphans, "rerun_code": resumed.code,
            "same_as_clean": resumed.code == 0 and fingerprint(db) == clean,
        }  # fmt: skip
        print(f"kill -9 trial {trial + 1}: {result}", flush=True)
        results.append(result)
    return results


def concurrent_trial(corpus: Path, clean: dict[str, Any], work: Path) -> dict[str, Any]:
    db = work / "concurrent.db"
    command = [*CLI, "ingest", str(corpus), "--db", str(db), "-w", "1", "-q",
               "--batch-size", str(BATCH_SIZE)]  # fmt: skip
    processes = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
        )
        for _ in range(2)
    ]
    outputs = [process.communicate() for process in processes]
    result = {
        "codes": [process.returncode for process in processes],
        "errors": [err.strip().splitlines()[-1] for _, err in outputs if err.strip()],
        "same_as_clean": fingerprint(db) == clean,
    }
    print(f"two ingests at once: {result}", flush=True)
    return result


def fuzz_trial(records: list[dict[str, Any]], count: int, work: Path,
               draw: random.Random) -> dict[str, Any]:  # fmt: skip
    lines: list[str] = []
    expected_stored = 0
    for index in range(count):
        record = dict(records[index % len(records)])
        record["text"] = f"[{index}] " + str(record.get("text", ""))  # each line a new text
        how = draw.choice(("none",) * 3 + MUTATIONS)
        line, kept = (json.dumps(record), True) if how == "none" else mutate(record, how, draw)
        lines.append(line)
        expected_stored += kept
    corpus = write_jsonl(work / "fuzz.jsonl", lines)
    rejects = work / "fuzz-rejects.jsonl"
    db = work / "fuzz.db"
    run = run_ingest([str(corpus), "--db", str(db), "-w", "1", "--rejects", str(rejects)])
    stored = fingerprint(db)["counts"]["articles"]
    rejected = len(rejects.read_text().splitlines()) if rejects.exists() else 0
    files = file_fuzz(work, draw)
    result = {
        "lines": count, "code": run.code, "stored": stored, "expected_stored": expected_stored,
        "rejected": rejected, "every_line_accounted": stored + rejected == count,
        "traceback": "Traceback" in run.err, "peak_mib": round(run.peak_mib),
        "random_files": files,
    }  # fmt: skip
    print(f"fuzz: {result}", flush=True)
    return result


def file_fuzz(work: Path, draw: random.Random, count: int = 12) -> dict[str, Any]:
    """Random and mangled files through ``analyze``: exit 0, 2 or 3, never a traceback."""
    codes: dict[str, int] = {}
    bad = 0
    for index in range(count):
        suffix = draw.choice([".txt", ".json", ".jsonl", ".html", ""])
        data = draw.choice([
            bytes(draw.randrange(256) for _ in range(draw.randrange(1, 3000))),
            b"{" * draw.randrange(1, 200_000),
            "Talks \u201cresume\u201d, he said.".encode() + b"\xff" + b" More text." * 20,
            b"",
        ])  # fmt: skip
        path = work / f"random-{index}{suffix}"
        path.write_bytes(data)
        done = subprocess.run([*CLI, "analyze", str(path), "-f", "json", "-w", "1"],
                              capture_output=True, text=True, env=ENV, check=False)  # fmt: skip
        codes[str(done.returncode)] = codes.get(str(done.returncode), 0) + 1
        bad += done.returncode not in (0, 2, 3) or "Traceback" in done.stderr
    return {"files": count, "exit_codes": codes, "tracebacks_or_other_codes": bad}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--records", type=int, default=120)
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--fuzz", type=int, default=200, help="fuzzed JSONL lines")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "reliability.json")
    args = parser.parse_args()
    draw = random.Random(args.seed)
    records = sample_records(args.corpus, args.records)
    with tempfile.TemporaryDirectory(prefix="newsclaims-reliability-") as folder:
        work = Path(folder)
        corpus = work / "sample.jsonl"
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        clean_run = run_ingest([str(corpus), "--db", str(work / "clean.db"), "-w", "2"])
        if clean_run.code != 0:
            raise SystemExit(f"the clean run failed: {clean_run.err}")
        clean = fingerprint(work / "clean.db")
        print(f"clean run: {clean['counts']} in {clean_run.seconds:.0f} s, "
              f"peak {clean_run.peak_mib:.0f} MiB", flush=True)  # fmt: skip
        results = {
            "records": len(records),
            "source": str(args.corpus) if args.corpus.exists() else "synthetic",
            "clean": {"counts": clean["counts"], "seconds": round(clean_run.seconds, 1),
                      "peak_mib": round(clean_run.peak_mib)},
            "kill_trials": kill_trials(corpus, clean, args.trials, clean_run.seconds * 0.6,
                                       work, draw),
            "concurrent": concurrent_trial(corpus, clean, work),
            "fuzz": fuzz_trial(records, args.fuzz, work, draw),
            "measured": time.strftime("%Y-%m-%d %H:%M"),
        }  # fmt: skip
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
