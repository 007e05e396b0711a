"""Ingest through the real pipeline: fields used, idempotent, resumable after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsclaims.cli import main
from newsclaims.store.connect import database_url, open_store
from newsclaims.store.schema import articles, stories

WIRE = (
    "The port authority said on Tuesday that two cargo ships had collided in thick fog at "
    "the mouth of the harbour, spilling part of a load of timber into the water. No one was "
    "hurt, but the channel was closed for six hours while tugs cleared the debris, and "
    "dozens of ferries were delayed. Investigators from the maritime agency boarded both "
    "vessels to examine their radar logs, a spokeswoman said, adding that fog warnings had "
    "been issued the evening before."
)
RECORDS = [
    {"id": "w1", "date": "2024-02-06T10:00:00", "publisher": "Harbour News",
     "title": "Ships collide in fog", "text": WIRE},
    {"id": "w2", "date": "2024-02-06", "publisher": "Coast Daily", "title": "Fog collision",
     "text": WIRE.replace("six hours", "seven hours")},
    {"id": "w3", "date": "2024-02-07", "publisher": "Harbour News", "title": "Bridge opens",
     "text": "The new bridge over the river opened to traffic on Wednesday, the council said."},
    {"id": "w1-again", "date": "2024-02-06", "publisher": "Harbour News",
     "title": "Ships collide in fog", "text": WIRE},
]  # fmt: skip


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def article_count(url: str) -> int:
    engine = sa.create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return connection.scalar(sa.select(sa.func.count()).select_from(articles)) or 0
    except sa.exc.DBAPIError:  # not created yet
        return 0
    finally:
        engine.dispose()


def test_ingest_stores_each_text_once_with_its_fields(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_jsonl(tmp_path / "wire.jsonl", RECORDS)
    assert main(["ingest", str(corpus), "--db", db_url, "--workers", "1", "-q"]) == 0
    assert "stored 3 articles (2 new stories, 1 versions" in capsys.readouterr().out
    assert main(["ingest", str(corpus), "--db", db_url, "--workers", "1", "-q"]) == 0
    assert "stored 0 articles" in capsys.readouterr().out
    engine = open_store(db_url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(articles.c.article_id, articles.c.date, articles.c.publisher,
                      articles.c.headline, articles.c.story_pk).order_by(articles.c.article_id)
        ).all()  # fmt: skip
        story_count = connection.scalar(sa.select(sa.func.count()).select_from(stories))
    engine.dispose()
    assert [row.article_id for row in rows] == ["w1", "w2", "w3"]
    first = rows[0]
    assert (str(first.date), first.publisher, first.headline) == (
        "2024-02-06",
        "Harbour News",
        "Ships collide in fog",
    )
    assert rows[0].story_pk == rows[1].story_pk != rows[2].story_pk
    assert story_count == 2


def test_ingest_reads_stdin(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    text = "Police said three people were arrested after the match on Saturday night."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["ingest", "-", "--db", db_url, "--workers", "1", "-q"]) == 0
    assert article_count(db_url) == 1


def test_killed_ingest_resumes_to_exactly_every_article(db_url: str, tmp_path: Path) -> None:
    towns = ["Arden", "Belmont", "Carlow", "Dunmore", "Elgin", "Fenwick", "Garvey", "Hollis"]
    records = [
        {"id": f"r{n}", "date": f"2024-03-{1 + n % 28:02d}", "publisher": "Test Wire",
         "text": f"Officials in {towns[n % 8]} said {n + 2} homes were flooded on day {n} "
                 f"after the river rose, and {n % 7 + 1} families were moved to a school."}
        for n in range(120)
    ]  # fmt: skip
    corpus = write_jsonl(tmp_path / "many.jsonl", records)
    command = [sys.executable, "-m", "newsclaims.cli", "ingest", str(corpus), "--db", db_url,
               "--workers", "1", "--batch-size", "5", "-q"]  # fmt: skip
    first = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while article_count(db_url) == 0 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    at_kill = article_count(db_url)
    assert 0 < at_kill < len(records), "the kill must land mid-run"
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=240)
    engine = open_store(db_url)
    with engine.connect() as connection:
        ids = connection.scalars(sa.select(articles.c.article_id)).all()
    engine.dispose()
    assert len(ids) == len(records)
    assert sorted(ids) == sorted(record["id"] for record in records)
