"""The results the pages and the API show, computed the way the command line does.

Search runs the store's queries (``run_query``) and the article search; timelines,
contradictions and negotiation run the ``track`` views. Each returns plain rows and a
total, so a page, a JSON answer and a CSV/Parquet download are the same rows. The views
and the actors' activity read the whole store, so they are computed once per store
revision (:mod:`newsclaims.web.cache`) and their rows are shared: callers only read them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.engine import Connection, Engine

from newsclaims.store.queries import APPLICABLE, QueryResult
from newsclaims.track.contradictions import claim_pairs
from newsclaims.track.negotiation import moves_of, negotiation_moves
from newsclaims.track.timeline import timeline_points
from newsclaims.web.cache import RESULTS, shared_result, store_revision
from newsclaims.web.params import (
    BadParameter,
    FilterParams,
    Page,
    PairView,
    text_value,
    toll_by_default,
)
from newsclaims.web.reads import item_page, search_articles

ARTICLE_FILTERS = {"publisher", "since", "until"}
PAIR_FILTERS = {"what", "status", "where", "publisher", "since", "until"}
TIMELINE_FILTERS = {"what", "status", "where", "source", "publisher", "since", "until", "scope"}
NEGOTIATION_FILTERS = {"actor", "publisher", "since", "until"}


def search(
    connection: Connection, kind: str, words: str | None, params: FilterParams, page: Page
) -> QueryResult:
    """One page of ``kind`` (articles, quotes, figures, events, actors) matching ``words``.

    The words are searched in the article's headline and text, an item's evidence, or an
    actor's name.
    """
    if kind == "articles":
        filters = params.filters(keep=ARTICLE_FILTERS)
        return search_articles(connection, _words(words), filters, page.offset, page.size)
    if kind == "actors":
        filters = params.filters()
        if _words(words) is not None:
            filters = replace(filters, actor=_words(words))
    else:
        filters = params.filters(text=words)
    return item_page(connection, kind, filters, page.offset, page.size)


def search_everywhere(
    connection: Connection, words: str | None, params: FilterParams, size: int
) -> dict[str, QueryResult]:
    """The first ``size`` matches of every kind, each kind with the filters that apply to it."""
    found = {}
    for kind in ("articles", "quotes", "figures", "events", "actors"):
        keep = ARTICLE_FILTERS if kind == "articles" else APPLICABLE[kind] | {"text"}
        narrowed = FilterParams(
            **{
                name: value
                for name, value in vars(params).items()
                if name in keep or name == "all_copies"
            }
        )
        found[kind] = search(connection, kind, words, narrowed, Page(1, size))
    return found


def given_outside(params: FilterParams, kind: str) -> list[str]:
    """The filters given that do not apply to ``kind`` (the search form says so)."""
    keep = ARTICLE_FILTERS if kind == "articles" else APPLICABLE.get(kind, set())
    return [
        name
        for name, value in vars(params).items()
        if name != "all_copies" and value not in (None, "") and name not in keep
    ]


@dataclass(frozen=True)
class TollOptions:
    """The toll view's switches (as ``newsclaims timeline --placeless --unregistered``)."""

    placeless: bool = False
    unregistered: bool = False


def timeline(
    connection: Connection, params: FilterParams, options: TollOptions = TollOptions()
) -> list[dict[str, Any]]:
    """The timeline points matching ``params``, oldest first (as ``newsclaims timeline``)."""
    filters = params.filters(keep=TIMELINE_FILTERS)
    return shared_result(
        connection,
        ("timeline", filters, options),
        lambda: timeline_points(
            connection, filters, placeless=options.placeless, unregistered=options.unregistered
        ),
    )


@dataclass(frozen=True)
class PairOptions:
    view: PairView = PairView.contradicts
    window: int = 0
    max_ratio: float = 3.0


def pairs(
    connection: Connection, params: FilterParams, options: PairOptions
) -> list[dict[str, Any]]:
    """Contradicting or agreeing pairs, or claims and counter-claims (``--sides``)."""
    if 0 < options.max_ratio < 1:
        raise BadParameter(f"max_ratio {options.max_ratio}: give 0 (no limit) or 1 or more")
    filters = params.filters(keep=PAIR_FILTERS)
    return shared_result(
        connection,
        ("pairs", filters, options),
        lambda: claim_pairs(
            connection,
            filters,
            window=options.window,
            agreeing=options.view is PairView.agrees,
            sides=options.view is PairView.sides,
            max_ratio=options.max_ratio,
        ),
    )


def moves(
    connection: Connection, params: FilterParams, unaddressed: bool = False
) -> list[dict[str, Any]]:
    """Negotiation moves matching ``params``, oldest first: those naming the other party,
    or every move with ``unaddressed``."""
    filters = params.filters(keep=NEGOTIATION_FILTERS)
    everyone = replace(filters, actor=None)
    revision = store_revision(connection)  # one revision for both results
    found = RESULTS.get(
        revision,
        ("moves", everyone, unaddressed),
        lambda: negotiation_moves(connection, everyone, unaddressed),
    )
    wanted = filters.actor
    if wanted is None:
        return found
    # One actor's moves are picked from everyone's, as the view matches actors.
    return RESULTS.get(revision, ("moves", filters, unaddressed), lambda: moves_of(found, wanted))


ACTOR_ROWS = 200  # per kind on an actor's page


def actor_record(
    connection: Connection, name: str, params: FilterParams
) -> list[tuple[str, dict[str, Any]]]:
    """Everything one actor said, claimed or did, oldest first: (kind, row) pairs.

    The name is matched as the command line matches it (a speaker or source containing
    it, an event's actor by name or code), at most ``ACTOR_ROWS`` newest of each kind.
    """
    scope = params.filters(keep={"publisher", "since", "until"})
    asks = {
        "quote": ("quotes", replace(scope, speaker=name)),
        "figure": ("figures", replace(scope, source=name)),
        "event": ("events", replace(scope, actor=name)),
    }
    found = [
        (label, row)
        for label, (kind, filters) in asks.items()
        for row in item_page(connection, kind, filters, 0, ACTOR_ROWS).rows
    ]
    found.sort(key=lambda pair: (pair[1].get("date") or "9999", pair[1].get("start") or 0))
    return found


def warm_views(engine: Engine, stop: threading.Event | None = None) -> None:
    """Compute the views the pages open with (no filters), so that the first person to
    open them does not wait while the whole store is read; once ``stop`` is set (the
    server is shutting down) no further view is begun."""
    opening = FilterParams()
    steps: list[Callable[[Connection], object]] = [
        lambda connection: timeline(connection, toll_by_default(opening)),
        lambda connection: pairs(connection, opening, PairOptions()),
        lambda connection: moves(connection, opening),
        lambda connection: item_page(connection, "actors", opening.filters(), 0, 1),
    ]
    with engine.connect() as connection:
        for step in steps:
            if stop is not None and stop.is_set():
                return
            step(connection)


def _words(words: str | None) -> str | None:
    return text_value(words, "q")
