"""Showing corpus results: Rich tables, JSON and CSV from plain rows, and ingest progress."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # the store (SQLAlchemy) is not loaded to write a CSV
    from newsclaims.store.ingest import IngestCounts

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_json(value: Any, stream: TextIO | None = None) -> None:
    (stream or sys.stdout).write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def write_csv_rows(rows: Sequence[dict[str, Any]], stream: TextIO | None = None) -> None:
    """Rows as CSV with a header; nested values (spans) flattened to ``span_start``..."""
    flat = [dict(_flatten(row)) for row in rows]
    columns = list(dict.fromkeys(key for row in flat for key in row))
    writer = csv.DictWriter(stream or sys.stdout, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(spreadsheet_safe_row(row) for row in flat)


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, quoted with a leading ``'``.

    Numbers stay numbers; only text is changed, and only when it starts like a formula.

    >>> spreadsheet_safe("=1+2"), spreadsheet_safe("-5"), spreadsheet_safe(-5)
    ("'=1+2", "'-5", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: spreadsheet_safe(value) for key, value in row.items()}


def _flatten(row: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in row.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}_")
        else:
            yield f"{prefix}{key}", value


def rows_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None
) -> Table:
    """A Rich table of ``columns`` of ``rows`` (long text cells wrap)."""
    table = Table(title=title, show_lines=False, expand=False)
    for column in columns:
        if column.endswith("text"):  # evidence wraps; everything else stays on one line
            table.add_column(column, overflow="fold", min_width=20, ratio=1)
        else:
            table.add_column(column, no_wrap=True, max_width=30)
    for row in rows:
        # Text, never markup: "[the government]" in a sentence is the sentence's.
        table.add_row(*(Text(format_cell(row.get(column))) for column in columns))
    return table


def format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, bool):
        return "yes" if value else ""
    return " ".join(str(value).split())


class RateColumn(ProgressColumn):
    """Articles per second, over the task so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        done = task.fields.get("stored", 0)
        rate = done / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} articles/s", style="progress.data.speed")


@contextmanager
def ingest_progress(console: Console, total: int | None) -> Iterator[Any]:
    """A progress bar for ingest; yields the callback that :func:`ingest_articles` calls."""
    columns = (
        SpinnerColumn(),
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("stored {task.fields[stored]:,} · skipped {task.fields[skipped]:,}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=total, stored=0, skipped=0)

        def update(counts: IngestCounts) -> None:
            done = counts.stored + counts.skipped
            if total is not None and done > total:
                progress.update(task, total=done)
            progress.update(task, completed=done, stored=counts.stored, skipped=counts.skipped)

        yield update
