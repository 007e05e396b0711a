"""Two writers at once into one store (two real processes): both finish, and the store
holds exactly what one writer alone would have stored, near-duplicate links included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from newsclaims.store.connect import database_url, open_store
from newsclaims.store.schema import articles, stories

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
STORIES = 30  # each written twice: the report and a lightly edited copy


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)])}


def counts(url: str) -> tuple[int, int, int]:
    engine = sa.create_engine(database_url(url))
    with engine.connect() as connection:
        stored = connection.scalar(sa.select(sa.func.count()).select_from(articles))
        story_count = connection.scalar(sa.select(sa.func.count()).select_from(stories))
        per_story = connection.execute(
            sa.select(sa.func.count()).select_from(articles).group_by(articles.c.story_pk)
        ).scalars()
        largest = max(per_story, default=0)
    engine.dispose()
    return stored or 0, story_count or 0, largest or 0


def test_two_writers_at_once_on_a_fresh_store_store_each_text_once(db_url: str) -> None:
    writers = [
        subprocess.Popen(
            [sys.executable, str(HERE / "concurrent_writer.py"), db_url, order, "4", str(STORIES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        for order in ("a", "b")
    ]
    results = []
    for writer in writers:
        out, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err
        results.append(json.loads(out))
    assert sum(r["stored"] for r in results) == 2 * STORIES
    assert sum(r["stored"] + r["skipped"] for r in results) == 2 * 2 * STORIES
    # Every edited copy joined its story, whichever process stored which copy.
    assert counts(db_url) == (2 * STORIES, STORIES, 2)
    assert sum(r["versions"] for r in results) == STORIES


def test_two_ingests_at_once_from_the_command_line(tmp_path: Path) -> None:
    """The whole command (schema set-up, NLP, writes) twice at once on a fresh file."""
    records = [
        {"id": f"r{n}", "text": f"Police in district {n} said {n + 3} people were arrested "
                                f"after the protest on day {n}, and {n % 5 + 1} were charged."}
        for n in range(24)
    ]  # fmt: skip
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    db = tmp_path / "both.db"
    command = [sys.executable, "-m", "newsclaims.cli", "ingest", str(corpus), "--db", str(db),
               "-w", "1", "-q", "--batch-size", "4"]  # fmt: skip
    runs = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env()
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    stored = [int(out.split("stored ")[1].split()[0]) for out, _ in outputs]
    assert sum(stored) == len(records)
    engine = open_store(str(db))
    with engine.connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(articles)) == 24
    engine.dispose()
