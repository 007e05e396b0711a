"""Queries over a store: figures, quotes, events and actors, by the filters the CLI offers.

Every query returns plain rows (dicts of JSON-ready values), so tables, JSON and CSV are
written from the same thing. Items that an earlier version of their story already holds
are left out unless ``all_copies`` is set: counts are per story, not per copy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles

from newsclaims.extract.actors import country_prefix
from newsclaims.model import ActorRef, Report
from newsclaims.resolve.places import normalise_place
from newsclaims.resolve.quantities import quantity_of
from newsclaims.resolve.sources import source_identity
from newsclaims.store.errors import StoreError
from newsclaims.store.schema import (
    actors,
    articles,
    events,
    figures,
    in_chunks,
    mentions,
    quotes,
)

ITEM_KINDS = ("figures", "quotes", "events", "actors")


# The scope filter's name for counts limited to neither a period nor an incident.
TOLL = "toll"


MAX_FILTER_CHARS = 1_000  # longer is no name, place or phrase, only a slow LIKE


@dataclass(frozen=True)
class Filters:
    """What to keep; ``None`` keeps everything. Text filters are case-insensitive."""

    what: str | None = None  # figures: the quantity counted (people, children, hostages...)
    status: str | None = None  # figures: killed, injured, held...
    where: str | None = None  # figures, events: a place, normalised like stored places
    source: str | None = None  # figures: a source id or name; events: a name (substring)
    speaker: str | None = None  # quotes: who spoke (substring)
    actor: str | None = None  # events, actors: either side's name (substring) or code
    code: str | None = None  # events: CAMEO code prefix
    publisher: str | None = None  # substring
    since: date | None = None
    until: date | None = None
    text: str | None = None  # substring of the evidence
    scope: str | None = None  # figures: toll (a running count), period or incident
    all_copies: bool = False
    background: bool = True  # figures, events: also those of sentences recounting earlier years

    def __post_init__(self) -> None:
        for name in self.given():
            value = getattr(self, name)
            if isinstance(value, str) and len(value) > MAX_FILTER_CHARS:
                raise StoreError(
                    f"--{name.replace('_', '-')}: {len(value):,} characters is longer than a "
                    f"filter may be ({MAX_FILTER_CHARS:,})"
                )

    def given(self) -> list[str]:
        """The names of the filters set."""
        return [
            field.name
            for field in fields(self)
            if field.name not in ("all_copies", "background")
            and getattr(self, field.name) is not None
        ]


# Which filters mean something for which kind of item.
APPLICABLE = {
    "figures": {
        "what",
        "status",
        "where",
        "source",
        "publisher",
        "since",
        "until",
        "text",
        "scope",
    },
    "quotes": {"speaker", "publisher", "since", "until", "text"},
    "events": {"actor", "source", "code", "where", "publisher", "since", "until", "text"},
    "actors": {"actor", "publisher", "since", "until"},
}


@dataclass
class QueryResult:
    """One page of rows and how many rows match in all."""

    rows: list[dict[str, Any]]
    total: int


def check_filters(kind: str, filters: Filters) -> None:
    """Refuse a filter that does not apply to ``kind`` (one line for the user)."""
    if kind not in APPLICABLE:
        raise StoreError(f"unknown item kind {kind!r}: choose from {', '.join(ITEM_KINDS)}")
    stray = [name for name in filters.given() if name not in APPLICABLE[kind]]
    if stray:
        allowed = ", ".join(f"--{name}" for name in sorted(APPLICABLE[kind]))
        raise StoreError(f"--{stray[0]} does not filter {kind} (these do: {allowed})")


def run_query(
    connection: Connection, kind: str, filters: Filters, limit: int | None = 50
) -> QueryResult:
    """Rows of ``kind`` matching ``filters``, newest first, at most ``limit`` (all: None)."""
    check_filters(kind, filters)
    if kind == "actors":
        return _actor_query(connection, filters, limit)
    table = {"figures": figures, "quotes": quotes, "events": events}[kind]
    conditions = item_conditions(table, filters)
    # Only the publisher lives on the article: without it, matching needs no join.
    joined = table.join(articles, table.c.article_pk == articles.c.pk)
    source = joined if filters.publisher is not None else table
    if connection.dialect.name == "postgresql":
        return _matched_once(connection, table, source, conditions, limit)
    # SQLite: its LIKE is cheap per row, and there the count and the page apart beat the
    # one statement (measured over 100k figures: "everything" 16 ms against 105 ms).
    total = connection.scalar(sa.select(sa.func.count()).select_from(source).where(*conditions))
    query = (
        sa.select(*item_columns(table))
        .select_from(joined)
        .where(*conditions)
        .order_by(table.c.date.desc().nulls_last(), table.c.pk)
        .limit(limit)
    )
    return QueryResult([_plain(row._mapping) for row in connection.execute(query)], total or 0)


_TOTAL = "_total"  # the count of all matches, a column of every row of _matched_once


def _matched_once(
    connection: Connection,
    table: sa.Table,
    source: Any,
    conditions: list[sa.ColumnElement[bool]],
    limit: int | None,
) -> QueryResult:
    """:func:`run_query` in one statement that tests the filters once per row (PostgreSQL).

    The matches are kept narrow (key and date), counted, and the page is cut from them
    before any wide column is read or any article joined. A count and a page apart test
    a broad substring filter twice over the table, and PostgreSQL's ILIKE, which lowers
    both strings, is dear per row; this also keeps the planner from sorting wide rows.
    Same rows, order and total as the two statements.
    """
    matched = sa.select(table.c.pk, table.c.date).select_from(source).where(*conditions)
    matches = matched.cte("matched")
    if limit is not None and limit <= 0:
        total = connection.scalar(sa.select(sa.func.count()).select_from(matches))
        return QueryResult([], total or 0)
    page = (
        sa.select(matches.c.pk, matches.c.date)
        .order_by(matches.c.date.desc().nulls_last(), matches.c.pk)
        .limit(limit)
        .subquery("page")
    )
    counted = sa.select(sa.func.count()).select_from(matches).scalar_subquery()
    query = (
        sa.select(*item_columns(table), counted.label(_TOTAL))
        .select_from(
            page.join(table, table.c.pk == page.c.pk).join(
                articles, table.c.article_pk == articles.c.pk
            )
        )
        .order_by(page.c.date.desc().nulls_last(), page.c.pk)
    )
    rows = [dict(row._mapping) for row in connection.execute(query)]
    # An empty page (limit >= 1) means that nothing matched.
    total = rows[0].pop(_TOTAL) if rows else 0
    for row in rows[1:]:
        del row[_TOTAL]
    return QueryResult([_plain(row) for row in rows], total)


def stored_reports(connection: Connection, article_id: str) -> list[Report]:
    """The whole reports stored under ``article_id`` (its text put back into each)."""
    query = sa.select(articles.c.text, articles.c.report_json).where(
        articles.c.article_id == article_id
    )
    return [
        Report.model_validate({**json.loads(saved), "text": text})
        for text, saved in connection.execute(query.order_by(articles.c.pk))
    ]


def figure_rows(connection: Connection, filters: Filters) -> list[dict[str, Any]]:
    """Every figure matching ``filters``, oldest first (for timelines and comparisons)."""
    check_filters("figures", filters)
    query = (
        sa.select(*item_columns(figures))
        .select_from(figures.join(articles, figures.c.article_pk == articles.c.pk))
        .where(*item_conditions(figures, filters))
        .order_by(figures.c.date.nulls_last(), figures.c.pk)
    )
    return [_plain(row._mapping) for row in connection.execute(query)]


def source_candidates(connection: Connection, words: str, limit: int = 8) -> list[dict[str, Any]]:
    """Source ids whose names as written contain ``words``, most figures first: what to
    offer a user whose ``--source`` matched nothing."""
    count = sa.func.count().label("figures")
    query = (
        sa.select(figures.c.source_id, sa.func.min(figures.c.source_name).label("name"), count)
        .where(figures.c.source_id.is_not(None), contains_folded(figures.c.source_name, words))
        .group_by(figures.c.source_id)
        .order_by(count.desc(), figures.c.source_id)
        .limit(limit)
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def article_countries(connection: Connection, article_ids: Iterable[str]) -> dict[str, set[str]]:
    """The countries each article mentions (its actors' countries, or the country their
    code is under: ``IRQMED`` -> ``IRQ``), by article id."""
    wanted = sorted(set(article_ids))
    found: dict[str, set[str]] = {article_id: set() for article_id in wanted}
    query = (
        sa.select(articles.c.article_id, actors.c.country, actors.c.code)
        .select_from(mentions.join(actors).join(articles))
        .distinct()
    )
    for chunk in in_chunks(wanted):
        for article_id, country, code in connection.execute(
            query.where(articles.c.article_id.in_(chunk))
        ):
            if side := country or country_prefix(code):
                found[article_id].add(side)
    return found


def item_conditions(table: sa.Table, filters: Filters) -> list[sa.ColumnElement[bool]]:
    """The WHERE clauses of ``filters`` for a figures, quotes or events query."""
    c = table.c
    conditions: list[sa.ColumnElement[bool]] = []
    if not filters.all_copies:
        conditions.append(c.is_copy.is_(False))
    if filters.what is not None:
        # One quantity, never its parts: "people" leaves out "children"; "Palestinians"
        # is people of that side. Rows stored before quantities were resolved are
        # matched by their noun as written.
        wanted = _folded(filters.what)
        quantity = quantity_of(filters.what)
        named = c.quantity == (quantity.name if quantity else wanted)
        if quantity is not None and quantity.side is not None:
            named = sa.and_(named, c.side == quantity.side)
        conditions.append(sa.or_(named, sa.and_(c.quantity.is_(None), c.what == wanted)))
    if filters.status is not None:
        conditions.append(c.status == _folded(filters.status))
    if filters.where is not None:
        key = (normalise_place(filters.where) or filters.where).casefold()
        compared = c.place_key if "place_key" in c else sa.func.lower(c.place)
        conditions.append(compared == key)
    if not filters.background and "background" in c:
        conditions.append(c.background.is_(False))
    if filters.scope is not None:
        wanted_scope = _folded(filters.scope)
        conditions.append(c.scope.is_(None) if wanted_scope == TOLL else c.scope == wanted_scope)
    if filters.source is not None:
        if "source_id" in c:
            # An id, or a name resolved to one: never a substring of another's name.
            conditions.append(c.source_id.in_(source_ids(filters.source)))
        else:
            conditions.append(_any_contains(filters.source, c.source_text, c.source_name))
    if filters.speaker is not None:
        conditions.append(_any_contains(filters.speaker, c.speaker_text, c.speaker_name))
    if filters.actor is not None:
        conditions.append(
            sa.or_(
                c.source_code == filters.actor.upper(),
                c.target_code == filters.actor.upper(),
                _any_contains(filters.actor, c.source_name, c.target_name),
            )
        )
    if filters.code is not None:
        conditions.append(c.code.startswith(filters.code, autoescape=True))
    if filters.text is not None:
        conditions.append(contains_folded(c.span_text, filters.text))
    conditions.extend(_article_conditions(filters, c.date))
    return conditions


def _article_conditions(filters: Filters, day: sa.ColumnElement[Any]) -> list[Any]:
    conditions: list[Any] = []
    if filters.publisher is not None:
        conditions.append(contains_folded(articles.c.publisher, filters.publisher))
    if filters.since is not None:
        conditions.append(day >= filters.since)
    if filters.until is not None:
        conditions.append(day <= filters.until)
    return conditions


def _any_contains(value: str, *columns: sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
    return sa.or_(*(contains_folded(column, value) for column in columns))


class _ContainsFolded(sa.sql.expression.ColumnElement[bool]):
    """``column`` contains ``pattern`` in any case: ILIKE on PostgreSQL, and on SQLite a
    plain LIKE (case-blind there, and unlike ``lower(column) LIKE`` it costs no call per
    row)."""

    inherit_cache = True
    type = sa.Boolean()

    def __init__(self, column: sa.ColumnElement[Any], pattern: str) -> None:
        self.column = column
        self.pattern = sa.bindparam(None, pattern, type_=sa.String())


@compiles(_ContainsFolded)
def _contains_folded_default(element: _ContainsFolded, compiler: Any, **kw: Any) -> str:
    return (
        f"{compiler.process(element.column, **kw)} LIKE "
        f"{compiler.process(element.pattern, **kw)} ESCAPE '/'"
    )


@compiles(_ContainsFolded, "postgresql")
def _contains_folded_postgres(element: _ContainsFolded, compiler: Any, **kw: Any) -> str:
    return (
        f"{compiler.process(element.column, **kw)} ILIKE "
        f"{compiler.process(element.pattern, **kw)} ESCAPE '/'"
    )


def contains_folded(column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    """``column`` contains ``value``, case-insensitively (``%`` and ``_`` taken literally)."""
    escaped = value.replace("/", "//").replace("%", "/%").replace("_", "/_")
    if value.isascii() and not any(character.isalpha() for character in value):
        # No letter, no case to ignore ("--text 40"): a plain LIKE gives the same rows,
        # and on PostgreSQL costs a fraction of ILIKE, which lowers both strings per row.
        # (Only ASCII: no character's lower case is an ASCII digit or sign.)
        return column.like(f"%{escaped}%", escape="/")
    return _ContainsFolded(column, f"%{escaped}%")


# The columns each kind of item shows, as (column, name shown), after article and date.
ITEM_COLUMNS = {
    "figures": (
        ("value", "value"), ("qualifier", "qualifier"), ("low", "low"), ("high", "high"),
        ("what", "what"), ("status", "status"), ("place", "where"),
        ("place_basis", "where_basis"), ("where_text", "where_text"), ("when_text", "when_text"),
        ("scope", "scope"), ("background", "background"), ("quantity", "quantity"),
        ("side", "side"),
        ("source_text", "source"), ("source_name", "source_name"), ("source_id", "source_id"),
    ),
    "quotes": (
        ("kind", "kind"), ("speaker_text", "speaker"), ("speaker_name", "speaker_name"),
        ("cue", "cue"), ("cue_lemma", "cue_lemma"), ("in_headline", "in_headline"),
    ),
    "events": (
        ("code", "code"), ("label", "label"), ("source_text", "source"),
        ("source_code", "source_code"), ("source_name", "source_name"),
        ("target_text", "target"), ("target_code", "target_code"),
        ("target_name", "target_name"), ("place", "where"), ("negated", "negated"),
    ),
}  # fmt: skip


def item_columns(table: sa.Table) -> list[Any]:
    """An item's columns, then its evidence: the sentence it stands in (cut from the
    article's text by the database), the article's headline, publisher and URL."""
    c = table.c
    # (a sentence ending before it starts would be an error on PostgreSQL: NULL instead)
    sentence = sa.case(
        (
            c.sentence_end > c.sentence_start,
            sa.func.substr(
                articles.c.text, c.sentence_start + 1, c.sentence_end - c.sentence_start
            ),
        ),
        else_=None,
    )
    return [
        articles.c.article_id,
        c.item_id,
        articles.c.publisher,
        c.date,
        *(c[column].label(shown) for column, shown in ITEM_COLUMNS[table.name]),
        c.span_start.label("start"),
        c.span_end.label("end"),
        c.span_text.label("text"),
        c.story_pk.label("story"),
        sentence.label("sentence"),
        c.sentence_start,
        c.sentence_end,
        articles.c.headline,
        articles.c.url,
    ]


def source_ids(source: str) -> list[str]:
    """The source ids ``--source`` stands for: itself (an id as shown in every output)
    and the id its words resolve to as a name ("Gaza's health ministry")."""
    written = " ".join(source.split())
    named = source_identity(ActorRef(text=written)).id
    return list(dict.fromkeys((written.casefold(), named)))


def _actor_query(connection: Connection, filters: Filters, limit: int | None) -> QueryResult:
    """Actors with how many articles mention them and how many items they are party to."""

    named: list[Any] = []
    if filters.actor is not None:
        named.append(
            sa.or_(
                actors.c.code == filters.actor.upper(), _any_contains(filters.actor, actors.c.name)
            )
        )
    # Counting only the actors named keeps a name search from counting the whole store.
    wanted = sa.select(actors.c.pk).where(*named).scalar_subquery() if named else None

    def per_actor(actor_column: sa.ColumnElement[Any], table: sa.Table, counted: Any) -> Any:
        day = table.c.date if "date" in table.c else articles.c.date
        conditions = _article_conditions(filters, day)
        # The article is joined only for what lives there (its publisher, a mention's day).
        needs_article = filters.publisher is not None or (
            "date" not in table.c and (filters.since or filters.until) is not None
        )
        joined = (
            table.join(articles, table.c.article_pk == articles.c.pk) if needs_article else table
        )
        if wanted is not None:
            conditions.append(actor_column.in_(wanted))
        if "is_copy" in table.c and not filters.all_copies:
            conditions.append(table.c.is_copy.is_(False))
        return (
            sa.select(actor_column.label("actor_pk"), counted.label("n"))
            .select_from(joined)
            .where(actor_column.is_not(None), *conditions)
            .group_by(actor_column)
            .subquery()
        )

    counts = {
        "articles": per_actor(
            mentions.c.actor_pk, mentions, sa.func.count(sa.distinct(mentions.c.article_pk))
        ),
        "quotes": per_actor(quotes.c.speaker_pk, quotes, sa.func.count()),
        "figures": per_actor(figures.c.source_pk, figures, sa.func.count()),
        "events_as_source": per_actor(events.c.source_pk, events, sa.func.count()),
        "events_as_target": per_actor(events.c.target_pk, events, sa.func.count()),
    }
    joined: Any = actors
    for sub in counts.values():
        joined = joined.outerjoin(sub, sub.c.actor_pk == actors.c.pk)
    numbers = [sa.func.coalesce(sub.c.n, 0).label(name) for name, sub in counts.items()]
    conditions: list[Any] = [sa.or_(*(sub.c.n.is_not(None) for sub in counts.values())), *named]
    base = sa.select(actors.c.name, actors.c.code, actors.c.kind, *numbers).select_from(joined)
    base = base.where(*conditions)
    total = connection.scalar(sa.select(sa.func.count()).select_from(base.subquery()))
    activity = sum((number for number in numbers[1:]), numbers[0])
    query = base.order_by(activity.desc(), actors.c.name).limit(limit)
    return QueryResult([_plain(row._mapping) for row in connection.execute(query)], total or 0)


def _plain(mapping: Any) -> dict[str, Any]:
    """A row as a dict of JSON-ready values (its date as YYYY-MM-DD)."""
    row = dict(mapping)
    if isinstance(row.get("date"), date):
        row["date"] = row["date"].isoformat()
    return row


def _folded(value: str) -> str:
    return " ".join(value.split()).casefold()
