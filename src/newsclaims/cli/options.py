"""Options and helpers the corpus commands share: the store, dates, filters, output."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from newsclaims.cli.app import UserError, console

# --- corpus commands: ingest, query, timeline, contradictions, negotiation (issue 4) ---

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: sqlite:///FILE, a file path, or postgresql://USER@HOST/DB "
        "(default: $NEWSCLAIMS_DB, else sqlite:///newsclaims.db).",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Only from this day (YYYY-MM-DD).", show_default=False)
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", help="Only up to this day (YYYY-MM-DD).", show_default=False),
]
PublisherOption = Annotated[
    str | None, typer.Option("--publisher", help="Publisher contains this.", show_default=False)
]
WhatOption = Annotated[
    str | None,
    typer.Option(
        "--what",
        help="figures: the quantity counted (people, children, journalists, hostages...). "
        "One series, never its parts: people leaves out children. Palestinians and "
        "Israelis are people (each with its side).",
        show_default=False,
    ),
]
BackgroundOption = Annotated[
    bool,
    typer.Option(
        "--background",
        help='Also figures of sentences that recount an earlier year ("in the 2014 war, '
        '2,251 were killed"): history told as background, left out by default.',
    ),
]
AllCopiesOption = Annotated[
    bool,
    typer.Option(
        "--all-copies", help="Also items that an earlier version of the same story holds."
    ),
]


class CorpusFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class CountScope(StrEnum):
    toll = "toll"
    period = "period"
    incident = "incident"
    all = "all"


SCOPE_HELP = (
    'figures: toll (running counts), period ("in the past 24 hours", "overnight"), '
    'incident ("killed in the blast") or all.'
)


def scope_filter(scope: CountScope | None) -> str | None:
    return None if scope in (None, CountScope.all) else str(scope)


CorpusFormatOption = Annotated[
    CorpusFormat, typer.Option("--format", "-f", help="table, json or csv.")
]


class ItemKind(StrEnum):
    figures = "figures"
    quotes = "quotes"
    events = "events"
    actors = "actors"


def parse_day_option(value: str | None, option: str) -> date | None:
    from newsclaims.resolve.dates import parse_day

    if value is None:
        return None
    day = parse_day(value)
    if day is None or len(value.strip()) != 10:
        raise UserError(f"{option} {value!r}: expected a day as YYYY-MM-DD")
    return day


def corpus_output(
    rows: list[dict[str, Any]], columns: list[str], output: CorpusFormat, title: str
) -> None:
    from newsclaims.track.show import rows_table, write_csv_rows, write_json

    if output is CorpusFormat.json:
        write_json(rows)
    elif output is CorpusFormat.csv:
        write_csv_rows(rows)
    else:
        console.print(rows_table(rows, columns, title=title))
