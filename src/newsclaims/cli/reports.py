"""Commands on reports themselves: analyze, schema, eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsclaims.cli.app import (
    ModelOption,
    OutputFormat,
    UserError,
    app,
    checked_workers,
    console,
    error_console,
)
from newsclaims.cli.runs import (
    MaxBytesOption,
    OnError,
    OnErrorOption,
    RejectsOption,
    end_with_rejects,
    make_rejects,
)
from newsclaims.ingest import iter_articles
from newsclaims.ingest.readers import MAX_ARTICLE_BYTES
from newsclaims.model import Report, report_json_schema
from newsclaims.render import print_report, report_json, write_csv, write_jsonl


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Report files (.txt, .html, .json, .jsonl[.gz]), folders, or - for stdin.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: readable view; json: one report object "
            "(a list for several); jsonl: one report a line; csv: one item a row; "
            "parquet: one table per item kind, into the --out folder.",
        ),
    ] = OutputFormat.table,
    out: Annotated[Path | None, typer.Option("--out", help="Folder for --format parquet.")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            help="Worker processes for many inputs, 1 to the number of cores (default: all "
            "cores; more is lowered to the cores, with a warning).",
        ),
    ] = None,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = MAX_ARTICLE_BYTES,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    on_error: OnErrorOption = OnError.stop,
    rejects_file: RejectsOption = None,
) -> None:
    """Extract quotes, figures, events and actors from news reports.

    Examples:

      newsclaims analyze report.txt

      newsclaims analyze page.html --format json

      cat report.txt | newsclaims analyze - --format csv

    Exit codes: 0 done; 2 an error (one line on stderr); 3 done, some records skipped
    (--on-error skip).
    """
    from newsclaims.pipeline import analyze_parallel

    if (out is not None) != (output_format is OutputFormat.parquet):
        raise UserError("--format parquet needs --out FOLDER, and --out needs --format parquet")
    with make_rejects(on_error, rejects_file) as rejects:
        articles = iter_articles(paths, max_bytes=max_bytes, rejects=rejects)
        reports = analyze_parallel(articles, checked_workers(workers), model, batch_size)
        _write_reports(reports, output_format, out)
    end_with_rejects(rejects)


def _write_reports(
    reports: Iterable[Report], output_format: OutputFormat, out: Path | None
) -> None:
    if out is not None:
        from newsclaims.cli.batch import write_parquet

        write_parquet(reports, out)
    elif output_format is OutputFormat.table:
        for report in reports:
            for warning in report.warnings:
                error_console.print(f"[yellow]warning:[/] {warning}")
            print_report(report, console)
    elif output_format is OutputFormat.json:
        collected = list(reports)
        if len(collected) == 1:
            sys.stdout.write(report_json(collected[0]) + "\n")
        else:
            sys.stdout.write(
                "[\n" + ",\n".join(report_json(report) for report in collected) + "\n]\n"
            )
    elif output_format is OutputFormat.jsonl:
        write_jsonl(reports, sys.stdout)
    else:
        write_csv(reports, sys.stdout)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a report (from the pydantic models)."""
    sys.stdout.write(json.dumps(report_json_schema(), indent=2) + "\n")


class Baseline(StrEnum):
    textacy = "textacy"


@app.command("eval")
def evaluate(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Folder of NAME.txt + NAME.gold.json pairs.", show_default=False),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores as one JSON object.")
    ] = False,
    baseline: Annotated[
        Baseline | None,
        typer.Option(help="Score a peer tool instead of newsclaims (textacy: direct_quotations)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Scores per article.")] = False,
    plover: Annotated[
        Path | None,
        typer.Option(
            "--plover",
            help="Score event coding on a PLOVER sentence TSV instead "
            "(rules: shared/eval/events-plv-dev/README.md).",
            show_default=False,
        ),
    ] = None,
    model: ModelOption = None,
) -> None:
    """Score extraction against gold files (rules: shared/eval/README.md).

    Prints precision, recall and F1 per category, then one line
    quotes_f1=… attribution_f1=… figures_f1=… figure_values_f1=… events_f1=…
    casualty_status_acc=… (the share of gold casualty figures — killed, wounded, held,
    released, seized, arrested, missing, displaced — whose figure got that state).

    With --plover FILE.tsv: event coding on PLOVER-rooted sentences (precision, recall,
    F1, macro-F1, coverage, source agreement, a table per root), then one line
    plv_precision=… plv_recall=… plv_f1=… plv_macro_f1=… plv_coverage=… …
    """
    from newsclaims.evaluation import run_eval

    if plover is not None:
        _evaluate_plover(plover, as_json, model)
        return
    if directory is None:
        raise UserError("give a folder of gold pairs, or --plover FILE.tsv")
    if not directory.is_dir():
        raise UserError(f"{directory}: not a folder of gold pairs")
    result = run_eval(directory, baseline=baseline.value if baseline else None, model=model)
    if not result.articles:
        raise UserError(f"{directory}: no NAME.txt + NAME.gold.json pairs found")
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(), indent=2) + "\n")
        return
    result.print(console, verbose=verbose)
    sys.stdout.write(result.total.summary_line() + "\n")


def _evaluate_plover(path: Path, as_json: bool, model: str | None) -> None:
    from newsclaims.evaluation_plover import print_scores, run_plover_eval

    scores = run_plover_eval(path, model=model)
    if as_json:
        sys.stdout.write(json.dumps(scores.as_dict(), indent=2) + "\n")
        return
    print_scores(scores, console)
    sys.stdout.write(scores.summary_line() + "\n")
