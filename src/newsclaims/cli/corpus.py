"""Corpus commands: ingest, query, timeline, contradictions, negotiation, show."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from newsclaims.cli.app import (
    MAX_LIMIT,
    ModelOption,
    UserError,
    app,
    checked_workers,
    console,
    error_console,
)
from newsclaims.cli.options import (
    SCOPE_HELP,
    AllCopiesOption,
    BackgroundOption,
    CorpusFormat,
    CorpusFormatOption,
    CountScope,
    DbOption,
    ItemKind,
    PublisherOption,
    SinceOption,
    UntilOption,
    WhatOption,
    corpus_output,
    parse_day_option,
    scope_filter,
)
from newsclaims.cli.runs import (
    EXIT_INTERRUPTED,
    MaxBytesOption,
    OnError,
    OnErrorOption,
    RejectsOption,
    end_with_rejects,
    make_rejects,
    stop_on_signals,
    warn,
)
from newsclaims.ingest import iter_articles
from newsclaims.ingest.readers import MAX_ARTICLE_BYTES
from newsclaims.render import report_json
from newsclaims.store.errors import StoreError


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
    max_bytes: MaxBytesOption = MAX_ARTICLE_BYTES,
    on_error: OnErrorOption = OnError.skip,
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

    count = checked_workers(workers)
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
        code=code, publisher=publisher, since=parse_day_option(since, "--since"),
        until=parse_day_option(until, "--until"), text=text, scope=scope_filter(scope), all_copies=all_copies,
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        result = run_query(connection, kind.value, filters, limit=limit or None)
    engine.dispose()
    columns = _QUERY_COLUMNS[kind.value]
    title = f"{kind.value}: {len(result.rows):,} of {result.total:,}"
    if output is CorpusFormat.table:  # the sentence, else (stored without one) the item
        rows = [row | {"sentence": row.get("sentence") or row.get("text")} for row in result.rows]
    corpus_output(rows if output is CorpusFormat.table else result.rows, columns, output, title)


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
    placeless: Annotated[
        bool,
        typer.Option(
            "--placeless",
            help="Also show running tolls whose place the tool cannot tell, or can only "
            "guess from the article (where_basis 'article'). Left out by default: a toll is "
            "some place's, and one without the place its sentence or source gives cannot be "
            "checked.",
        ),
    ] = False,
    unregistered: Annotated[
        bool,
        typer.Option(
            "--unregistered",
            help="Also show running tolls told by sources the registry does not know (ids "
            "name:...). Left out by default unless --source asks: in samples read blind "
            "fewer than half were right.",
        ),
    ] = False,
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
    place most of the article is set in; each point's where_basis says which. A local
    authority's count (a health ministry's) is of its own place, whatever else the
    sentence names. A running toll with no place, or with only the article's, is left out
    (--placeless shows it), and so is one told by a source the registry does not know
    (--unregistered shows it).

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
        since=parse_day_option(since, "--since"), until=parse_day_option(until, "--until"), scope=scope_filter(scope),
        background=background,
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        points = timeline_points(
            connection, filters, placeless=placeless, unregistered=unregistered
        )
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
            help="Show claims and counter-claims instead: the two sides of one conflict on "
            "the same losses (both count one side's dead, or each the other's), the same days.",
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

    --sides sets the claims of a conflict's two sides next to each other instead: both
    counting one side's losses ("Israel said it killed 9,000 militants in Gaza", Gaza's
    health ministry: 25,000 killed), or each the other's ("Iraq said it killed 15,000
    Iranians", "Iran said 1,200 Iraqis were killed"); the dead against the dead, the
    wounded against the wounded, running tolls and periods (not one strike's count), at
    one place stated for both. Each claim's article must name the other side.

    Examples:

      newsclaims contradictions --what people --status killed --where Gaza

      newsclaims contradictions --agree --format json

      newsclaims contradictions --sides --status killed --window 1
    """
    from newsclaims.store.connect import open_store
    from newsclaims.store.queries import Filters
    from newsclaims.track.contradictions import claim_pairs
    from newsclaims.track.timeline import shown_value

    if sides and agree:
        raise UserError("--sides and --agree are two views: give one of them")
    if 0 < max_ratio < 1:
        raise UserError(f"--max-ratio {max_ratio}: give 0 (no limit) or a factor of 1 or more")
    filters = Filters(
        what=what, status=status, where=where, publisher=publisher,
        since=parse_day_option(since, "--since"), until=parse_day_option(until, "--until"), background=background,
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        pairs = claim_pairs(
            connection, filters, window=window, agreeing=agree, sides=sides, max_ratio=max_ratio
        )
    engine.dispose()
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
            # A counter-claim's sides: who tells each claim, and whose losses it counts.
            **{f"{side}_{key}": pair[side][key] for side in ("a", "b")
               for key in ("country", "victims") if key in pair[side]},
        }
        for pair in pairs
    ]  # fmt: skip
    if output is not CorpusFormat.table:
        corpus_output(pairs if output is CorpusFormat.json else rows, [], output, "")
        return
    columns = ["score", "status", "where", "a_date", "a_source_label", "a_claim", "a_sentence",
               "b_date", "b_source_label", "b_claim", "b_sentence", "copies"]  # fmt: skip
    if sides:  # who tells each claim and whose losses it counts, after its source
        columns[5:5] = ["a_country", "a_victims"]
        columns[11:11] = ["b_country", "b_victims"]
    view = "counter-claims" if sides else "agreements" if agree else "contradictions"
    corpus_output(rows, columns, output, f"{view}: {len(pairs)}")


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
    unaddressed: Annotated[
        bool,
        typer.Option(
            "--unaddressed",
            help="Also the moves that name no other party (about half of them are no "
            "move in a negotiation: a third party's call answered, a stance).",
        ),
    ] = False,
) -> None:
    """Per actor: proposals, counter-proposals, demands, acceptances, rejections,
    agreements and implementation (releases, access) over time.

    From coded events and reported speech, each with its sentence and article. A move
    another party is said to make ("Hamas said Israel refused the offer") is that
    party's, with reported_by; opinion and analysis articles are left out. Only moves
    that name the other party (who does what to whom) are shown unless --unaddressed.

    Example:

      newsclaims negotiation --actor Hamas --since 2023-11-01
    """
    from newsclaims.store.connect import open_store
    from newsclaims.store.queries import Filters
    from newsclaims.track.negotiation import by_actor, negotiation_moves
    from newsclaims.track.show import rows_table, write_csv_rows, write_json
    from newsclaims.track.terms import terms_text

    filters = Filters(
        actor=actor, publisher=publisher, since=parse_day_option(since, "--since"),
        until=parse_day_option(until, "--until"),
    )  # fmt: skip
    engine = open_store(db, create=False)
    with engine.connect() as connection:
        moves = negotiation_moves(connection, filters, unaddressed)
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
