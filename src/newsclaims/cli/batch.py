"""Batch runs to Parquet, on local cores or Dask: batch."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsclaims.cli.app import (
    ModelOption,
    UserError,
    app,
    checked_workers,
    console,
)
from newsclaims.cli.runs import (
    MaxBytesOption,
    OnError,
    OnErrorOption,
    RejectsOption,
    end_with_rejects,
    make_rejects,
)
from newsclaims.ingest.readers import MAX_ARTICLE_BYTES
from newsclaims.model import Report

# --- scale commands: batch on local cores or Dask (issue 5) ---


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def write_parquet(reports: Iterable[Report], out: Path) -> None:
    from newsclaims.scale import BatchError, ParquetDataset, write_reports

    dataset = ParquetDataset(ParquetDataset.location_of(out))
    try:
        dataset.prepare(overwrite=False)
    except BatchError as error:
        raise UserError(str(error)) from None
    counts = write_reports(reports, dataset)
    console.print(f"wrote {counts.summary()} to {out}", soft_wrap=True, highlight=False)


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="JSONL(.gz) or Parquet shards, JSON, text or HTML files, or folders of them.",
            show_default=False,
        ),
    ],
    out: Annotated[
        str,  # not a Path, which would turn s3://bucket into s3:/bucket
        typer.Option(
            "--out",
            help="Folder (or pyarrow URL such as s3://bucket/run) for the Parquet tables; "
            "with --engine dask the workers write there, so they must reach it.",
            show_default=False,
        ),
    ],
    engine: Annotated[
        Engine, typer.Option(help="local: worker processes here; dask: a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786). Without it, --engine dask "
            "starts a local cluster of --workers processes."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Local worker processes (default: all cores)."),
    ] = None,
    shard_size: Annotated[
        int | None,
        typer.Option(
            help="Articles per output part (default 1024); a multiple of --batch-size.",
            show_default=False,
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    overwrite: Annotated[
        bool, typer.Option(help="Replace the Parquet parts of an earlier run in --out.")
    ] = False,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for the Dask scheduler and a first worker.")
    ] = 30.0,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = MAX_ARTICLE_BYTES,
    on_error: OnErrorOption = OnError.skip,
    rejects_file: RejectsOption = None,
) -> None:
    """Analyze many articles into Parquet tables: articles, quotes, figures, events, entities.

    Writes OUT/<table>/part-NNNNN.parquet, one part per shard of input articles, in input
    order; a local run and a Dask run of the same input write identical tables.

    Examples:

      newsclaims batch corpus.jsonl.gz --out run/

      newsclaims batch shards/ --engine dask --scheduler tcp://10.0.0.5:8786 --out /nfs/run
    """
    from newsclaims.scale import DEFAULT_SHARD_SIZE, BatchError, BatchSettings, run_batch

    settings = BatchSettings(model, batch_size, shard_size or DEFAULT_SHARD_SIZE)
    try:
        with make_rejects(on_error, rejects_file) as rejects:
            counts, seconds = run_batch(
                inputs,
                out,
                engine=engine.value,
                scheduler=scheduler,
                workers=checked_workers(workers) if engine is Engine.local else workers,
                settings=settings,
                overwrite=overwrite,
                max_bytes=max_bytes,
                connect_timeout=timeout,
                rejects=rejects,
            )
    except BatchError as error:
        raise UserError(str(error)) from None
    articles = counts.rows["articles"]
    console.print(
        f"wrote {counts.summary()} to {out} in {seconds:.1f} s "
        f"({articles / max(seconds, 1e-9):.1f} articles/s, {engine.value})",
        soft_wrap=True,
        highlight=False,
    )
    end_with_rejects(rejects)
