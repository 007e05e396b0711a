"""Batch runs: Parquet tables, shards, inputs, and a real Dask cluster on localhost."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsclaims.cli import main
from newsclaims.ingest.readers import text_article
from newsclaims.model import (
    ActorRef,
    Cue,
    Entity,
    Event,
    Figure,
    Quote,
    Report,
    Span,
)
from newsclaims.scale import (
    TABLE_SCHEMAS,
    BatchError,
    BatchSettings,
    ParquetDataset,
    iter_inputs,
    iter_shards,
    read_table,
    reports_to_tables,
    write_reports,
)

BIN = Path(sys.executable).parent
TEXT = "Gaza toll rises\n\nThe ministry said 12 people were killed. Israel struck Rafah."


def _at(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start=start, end=start + len(text), text=text)


def hand_made_report(number: int = 0) -> Report:
    """A report with one item of every kind, built directly (independent of extractors)."""
    said, israel_at = _at("said"), _at("Israel")
    ministry = ActorRef(text="The ministry", start=17, end=29, canonical="Health Ministry")
    israel = ActorRef(text="Israel", start=israel_at.start, end=israel_at.end, code="ISR")
    return Report(
        id=f"report-{number}",
        text=TEXT,
        headline="Gaza toll rises",
        date="2024-01-02",
        entities=[
            Entity(text="Israel", start=israel.start, end=israel.end, label="GPE", actor=israel)
        ],
        quotes=[
            Quote(
                id="q1",
                kind="indirect",
                content=_at("12 people were killed"),
                speaker=ministry,
                cue=Cue(text="said", start=said.start, end=said.end, lemma="say"),
            )
        ],
        figures=[
            Figure(
                id="f1",
                span=_at("12"),
                value=12.0,
                what="people",
                status="killed",
                source=ministry,
                quote_id="q1",
            )
        ],
        events=[
            Event(
                id="e1",
                span=_at("Israel struck Rafah"),
                code="190",
                source_actor=israel,
                target_actor=ActorRef(text="Rafah", code="PSE"),
            )
        ],
    )


def test_tables_hold_one_row_per_item_with_the_fixed_schemas():
    tables = reports_to_tables([(7, hand_made_report())])
    assert {name: table.schema for name, table in tables.items()} == TABLE_SCHEMAS
    article = tables["articles"].to_pylist()[0]
    assert (article["seq"], article["id"], article["quotes"], article["events"]) == (
        7,
        "report-0",
        1,
        1,
    )
    assert json.loads(article["report_json"]) == hand_made_report().model_dump(mode="json")
    quote = tables["quotes"].to_pylist()[0]
    assert quote["speaker"] == "The ministry"
    assert quote["speaker_canonical"] == "Health Ministry"
    assert (quote["cue"], quote["cue_lemma"], quote["text"]) == (
        "said",
        "say",
        "12 people were killed",
    )
    assert TEXT[quote["start"] : quote["end"]] == quote["text"]
    figure = tables["figures"].to_pylist()[0]
    assert (figure["value"], figure["status"], figure["source"], figure["quote_id"]) == (
        12.0,
        "killed",
        "The ministry",
        "q1",
    )
    event = tables["events"].to_pylist()[0]
    assert (event["source_code"], event["target_actor"], event["target_code"]) == (
        "ISR",
        "Rafah",
        "PSE",
    )
    assert tables["entities"].to_pylist()[0]["code"] == "ISR"


def test_a_report_without_items_still_gives_every_table_its_schema():
    tables = reports_to_tables([(0, Report(id="empty", text="Nothing happened."))])
    assert tables["articles"].num_rows == 1
    assert all(tables[name].num_rows == 0 for name in ("quotes", "figures", "events"))
    assert tables["quotes"].schema == TABLE_SCHEMAS["quotes"]


def test_shards_cut_the_input_in_order():
    articles = [text_article(f"Report number {number}.") for number in range(7)]
    shards = list(iter_shards(articles, 3))
    assert [(shard.index, shard.start, len(shard.articles)) for shard in shards] == [
        (0, 0, 3),
        (1, 3, 3),
        (2, 6, 1),
    ]
    assert [a for shard in shards for a in shard.articles] == articles


def test_written_parts_read_back_in_order_and_as_input(tmp_path):
    reports = [hand_made_report(number) for number in range(5)]
    counts = write_reports(reports, _prepared(tmp_path / "run"), shard_size=2)
    assert counts.shards == 3
    assert counts.rows["articles"] == counts.rows["quotes"] == 5
    assert sorted(p.name for p in (tmp_path / "run" / "quotes").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    articles = read_table(tmp_path / "run", "articles")
    assert articles.column("seq").to_pylist() == [0, 1, 2, 3, 4]
    # The articles table is itself an input: same ids, texts and headlines.
    again = list(iter_inputs([tmp_path / "run" / "articles"]))
    assert [(a.id, a.text, a.headline) for a in again] == [
        (r.id, r.text, r.headline) for r in reports
    ]


def test_a_second_run_refuses_earlier_parts_unless_told_to_replace_them(tmp_path):
    out = tmp_path / "run"
    write_reports([hand_made_report(n) for n in range(3)], _prepared(out), shard_size=1)
    with pytest.raises(BatchError, match="already holds"):
        ParquetDataset(str(out)).prepare(overwrite=False)
    ParquetDataset(str(out)).prepare(overwrite=True)
    write_reports([hand_made_report(9)], ParquetDataset(str(out)), shard_size=1)
    assert read_table(out, "articles").column("id").to_pylist() == ["report-9"]


def test_shard_size_must_be_a_multiple_of_the_batch_size():
    with pytest.raises(BatchError, match="multiple"):
        BatchSettings(batch_size=4, shard_size=6).check()


def test_analyze_writes_parquet_and_insists_on_out(tmp_path, capsys, nlp):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(source), "--format", "parquet", "--out", str(tmp_path / "o")]) == 0
    table = pq.read_table(tmp_path / "o" / "articles" / "part-00000.parquet")
    assert table.column("text").to_pylist() == [TEXT]
    assert main(["analyze", str(source), "--format", "parquet"]) == 2
    assert main(["analyze", str(source), "--out", str(tmp_path / "x")]) == 2
    assert "--format parquet needs --out" in capsys.readouterr().err


def test_batch_rejects_a_scheduler_without_the_dask_engine(tmp_path, capsys):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    code = main(["batch", str(source), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"])
    assert code == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


# --- a real Dask cluster on localhost ---------------------------------------------------


def _prepared(out: Path) -> ParquetDataset:
    dataset = ParquetDataset(str(out))
    dataset.prepare(overwrite=False)
    return dataset


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(command: list[str], log: Path) -> subprocess.Popen[bytes]:
    # A session of its own, so that teardown ends the command and every process it forks.
    return subprocess.Popen(
        command, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def dask_scheduler(tmp_path_factory) -> Iterator[str]:
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1; their address."""
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    processes = [
        _start(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", port,
             "--no-dashboard"],
            logs / "scheduler.log",
        )
    ]  # fmt: skip
    try:
        for number in range(2):
            processes.append(
                _start(
                    [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
                     "--host", "127.0.0.1", "--no-dashboard", "--name", f"worker-{number}",
                     "--local-directory", str(logs / f"worker-{number}")],
                    logs / f"worker-{number}.log",
                )
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=max(deadline - time.monotonic(), 1))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)


def generated_corpus(path: Path, size: int) -> Path:
    """``size`` short wire reports as JSONL, each with its own id, place and numbers."""
    places = ["Cairo", "Geneva", "Doha", "Vienna", "Ankara", "Oslo"]
    with path.open("w", encoding="utf-8") as out:
        for number in range(size):
            place = places[number % len(places)]
            record = {
                "id": f"gen-{number}",
                "date": f"2024-02-{number + 1:02d}",
                "title": f"Envoys meet in {place}",
                "text": f"{place.upper()} (Reuters) - Foreign Minister Ayman Safadi said on "
                f'Monday that {number + 4} aid trucks had crossed into Gaza. "We need '
                f'{10 * (number + 2)} more," he told reporters in {place}.',
            }
            out.write(json.dumps(record) + "\n")
    return path


def test_dask_run_writes_the_same_tables_as_the_local_run(tmp_path, dask_scheduler, nlp):
    corpus = generated_corpus(tmp_path / "corpus.jsonl", 6)
    common = ["--shard-size", "2", "--batch-size", "2"]
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(corpus), "--out", str(local), "--workers", "1", *common]) == 0
    assert (
        main(["batch", str(corpus), "--out", str(dask), "--engine", "dask",
              "--scheduler", dask_scheduler, *common])
        == 0
    )  # fmt: skip
    for table in TABLE_SCHEMAS:
        parts = sorted(p.name for p in (dask / table).iterdir())
        assert parts == sorted(p.name for p in (local / table).iterdir())
        assert len(parts) == 3
        assert read_table(dask, table).to_pylist() == read_table(local, table).to_pylist()
    articles = read_table(dask, "articles")
    assert articles.column("id").to_pylist() == [f"gen-{number}" for number in range(6)]
    assert sum(articles.column("entities").to_pylist()) > 0


def test_dask_engine_reports_an_unreachable_scheduler(tmp_path, capsys):
    corpus = generated_corpus(tmp_path / "corpus.jsonl", 1)
    address = f"tcp://127.0.0.1:{_free_port()}"
    code = main(
        ["batch", str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask",
         "--scheduler", address, "--timeout", "2"]
    )  # fmt: skip
    assert code == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
