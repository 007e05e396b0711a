"""How long commands run: skipped records, stop signals, and the exit codes they end with.

Shared by ``analyze``, ``ingest`` and ``batch``: a record that cannot be read is skipped
(announced on stderr, counted, kept in a rejects file) or stops the run; SIGTERM or a
first Ctrl-C asks a run to stop after the batch in flight.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

EXIT_REJECTED = 3  # the run finished, but some records were skipped (--on-error skip)
EXIT_INTERRUPTED = 128  # plus the signal's number, as shells report it (130: Ctrl-C)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
REJECTS_SHOWN = 20  # skipped records announced one by one; the rest only counted


class OnError(StrEnum):
    skip = "skip"
    stop = "stop"


ON_ERROR_HELP = (
    "A record that cannot be read (a malformed JSONL line, a field of the wrong type, a "
    "record over --max-bytes, an empty or binary file in a folder): skip leaves it out, "
    "names its file and line on stderr, reads on, and ends with exit code 3; stop ends "
    "at the first one with exit code 2."
)
RejectsOption = Annotated[
    Path | None,
    typer.Option(
        "--rejects",
        help="Append every skipped record to this JSONL file (source, line, reason and "
        "the record as read), to fix and read again.",
        show_default=False,
    ),
]


def make_rejects(on_error: OnError, path: Path | None) -> Any:
    """The :class:`Rejects` of a run: skipped records announced on stderr, then counted."""
    from newsclaims.ingest.rejects import Rejects

    def announce(error: Exception) -> None:
        if rejects.count <= REJECTS_SHOWN:
            warn(f"skipped: {error}")
        if rejects.count == REJECTS_SHOWN:
            warn("more records skipped: counted, not shown")

    rejects = Rejects(stop=on_error is OnError.stop, path=path, announce=announce)
    return rejects


def end_with_rejects(rejects: Any) -> None:
    """Exit 3 when records were skipped, saying how many and where they went."""
    if rejects.count:
        kept = f"; written to {rejects.path}" if rejects.path else ""
        warn(f"{rejects.count:,} record{'s' if rejects.count != 1 else ''} skipped{kept}")
        raise typer.Exit(EXIT_REJECTED)


def warn(message: str) -> None:
    sys.stderr.write(f"newsclaims: warning: {' '.join(message.split())}\n")


class StopRequest:
    """Set by SIGTERM or a first Ctrl-C: the run ends after the batch in flight."""

    def __init__(self) -> None:
        self.signal = 0

    def __call__(self) -> bool:
        return self.signal != 0


@contextmanager
def stop_on_signals() -> Iterator[StopRequest]:
    """SIGTERM and Ctrl-C ask the run to stop after its batch; a second Ctrl-C stops now."""
    stop = StopRequest()

    def handle(number: int, _frame: Any) -> None:
        if stop() and number == signal.SIGINT:
            raise KeyboardInterrupt
        stop.signal = number
        warn("stopping after the batch being stored (Ctrl-C again to stop at once)")

    if threading.current_thread() is not threading.main_thread():  # signals need it
        yield stop
        return
    previous = {number: signal.signal(number, handle) for number in STOP_SIGNALS}
    try:
        yield stop
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


# The options of every command that reads articles: how large one may be (the readers'
# limit), and what a record that cannot be read does.
MaxBytesOption = Annotated[
    int,
    typer.Option(min=1, help="Largest single article (or JSONL record) accepted, in bytes."),
]
OnErrorOption = Annotated[OnError, typer.Option(help=ON_ERROR_HELP)]
