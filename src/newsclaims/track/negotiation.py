"""Negotiation: per actor, the proposals, counter-proposals, demands, acceptances and
rejections over time, from coded events and from reported speech, with evidence.

This module is the view over the store: it reads the events whose CAMEO code may make a
move and the quotes that name what is negotiated, has ``track/move_typing.py`` type each
one as a move (or as none), keeps each move once, and adds the terms its sentence states
(``track/terms.py``: counts exchanged, duration, mediators). A proposal answering the
other side's proposal within ``COUNTER_WINDOW`` days is a counter-proposal. By default
it shows only the moves that name the other party (:func:`addressed`).
Actors are matched by identity (their code, its country, or their whole name), never by
a substring of a name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsclaims.extract.actors import country_prefix
from newsclaims.store.queries import Filters, contains_folded, item_columns, item_conditions
from newsclaims.store.schema import articles, events, figures, in_chunks, quotes
from newsclaims.track.move_typing import typed_event_move, typed_quote_move
from newsclaims.track.speech import move_tables
from newsclaims.track.terms import move_terms

COUNTER_WINDOW = 30  # days within which a proposal can answer another


def same_actor(wanted: str, name: str | None, code: str | None) -> bool:
    """``--actor`` names this actor: its code, its country's code, or its whole name
    (any case), never part of a name ("USA" is not "Humza Yousaf").

    >>> same_actor("USA", "Antony Blinken", "USAGOV"), same_actor("usa", "Humza Yousaf", None)
    (True, False)
    >>> same_actor("hamas", "Hamas", "PSEREB"), same_actor("Hama", "Hamas", None)
    (True, False)
    """
    folded = " ".join(wanted.split()).casefold()
    if name is not None and " ".join(name.split()).casefold() == folded:
        return True
    if not code:
        return False
    return code.casefold() == folded or (
        len(folded) == 3 and (country_prefix(code) or "").casefold() == folded
    )


def negotiation_moves(
    connection: Connection, filters: Filters, unaddressed: bool = False
) -> list[dict[str, Any]]:
    """The moves matching ``filters`` (actor, publisher, since, until), oldest first: those
    that name the other party (:func:`addressed`), and with ``unaddressed`` every move."""
    moves = distinct_moves([*_event_moves(connection, filters), *_quote_moves(connection, filters)])
    moves.sort(key=lambda move: (move["date"] or "9999", move["article_id"], move["span"]["start"]))
    held = _sentence_figures(connection, {move["article_id"] for move in moves})
    for move in moves:
        figures_there = held.get((move["article_id"], move["sentence_start"]), [])
        move["terms"] = move_terms(move["sentence"], figures_there)
    # Counter-proposals answer the other side: marked over everyone's moves, then one
    # actor's are picked (the web face picks them from everyone's, kept once).
    marked = mark_counter_proposals(moves)
    shown = marked if unaddressed else addressed(marked)
    return shown if filters.actor is None else moves_of(shown, filters.actor)


def addressed(moves: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The moves that name the other party: who does what to whom.

    A move told with no counterpart ("Israel rejected the calls", "Hamas agreed") is
    often no move in a negotiation at all (a third party's call answered, a stance, a
    domestic bill); in three samples read blind, 67 of 131 such moves were right against
    33 of 38 that named the other party. The view shows them only when asked.

    >>> addressed([{"counterpart": "Hamas", "counterpart_code": "PSEREB"},
    ...            {"counterpart": None, "counterpart_code": None}])
    [{'counterpart': 'Hamas', 'counterpart_code': 'PSEREB'}]
    """
    return [move for move in moves if move["counterpart"] or move["counterpart_code"]]


def moves_of(moves: list[dict[str, Any]], actor: str) -> list[dict[str, Any]]:
    """The moves ``actor`` (a name or code) made: as their actor, as the party a speaker
    speaks for, or as the other side of a joint agreement."""
    return [
        m for m in moves
        if same_actor(actor, m["actor"], m["actor_code"])
        or same_actor(actor, m["speaks_for"], None)
        or (m["joint"] and same_actor(actor, m["counterpart"], m["counterpart_code"]))
    ]  # fmt: skip


def distinct_moves(moves: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each move once: the coder may code one clause twice ("Israel reached an agreement
    with Qatar": Israel's with Qatar and Qatar's with Israel), and an agreement is the
    same move whichever of its parties is named first.

    >>> one = {"article_id": "a", "span": {"start": 0, "end": 5}, "move": "agreement",
    ...        "actor": "Israel", "actor_code": "ISR", "counterpart": "Qatar",
    ...        "counterpart_code": "QAT"}
    >>> other = one | {"actor": "Qatar", "actor_code": "QAT", "counterpart": "Israel",
    ...                "counterpart_code": "ISR"}
    >>> len(distinct_moves([one, other])), len(distinct_moves([one, other | {"move": "demand"}]))
    (1, 2)
    """
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for move in moves:
        sides = (
            move["actor_code"] or move["actor"],
            move["counterpart_code"] or move["counterpart"],
        )
        parties = frozenset(sides) if move["move"] == "agreement" else sides
        key = (
            move["article_id"],
            move["span"]["start"],
            move["span"]["end"],
            move["move"],
            parties,
        )
        if key not in seen:
            seen.add(key)
            kept.append(move)
    return kept


def _sentence_figures(
    connection: Connection, article_ids: set[str]
) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """The figures of these articles by (article id, sentence start): a move's terms."""
    found: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    columns = (figures.c.value, figures.c.qualifier, figures.c.quantity, figures.c.side,
               figures.c.status)  # fmt: skip
    query = sa.select(articles.c.article_id, figures.c.sentence_start, *columns).select_from(
        figures.join(articles, figures.c.article_pk == articles.c.pk)
    )
    for chunk in in_chunks(sorted(article_ids)):
        rows = connection.execute(query.where(articles.c.article_id.in_(chunk)))
        for article_id, start, *values in rows:
            if start is not None:
                found[(article_id, start)].append(dict(zip(COLUMN_NAMES, values, strict=True)))
    return found


COLUMN_NAMES = ("value", "qualifier", "quantity", "side", "status")


def _event_moves(connection: Connection, filters: Filters) -> list[dict[str, Any]]:
    scope = _scope(filters)
    roots = sorted({code[:2] for code in move_tables().event_codes})
    query = (
        sa.select(*item_columns(events), _preceding(events), _ending())
        .select_from(events.join(articles, events.c.article_pk == articles.c.pk))
        .where(*item_conditions(events, scope), events.c.root.in_(roots))
    )
    found = []
    for row in connection.execute(query):
        typed = typed_event_move(dict(row._mapping))
        if typed is not None:
            found.append(typed)
    return found


PRECEDING = 240  # characters before a sentence: the one it may continue


def _preceding(table: sa.Table) -> Any:
    """The text just before an item's sentence (cut by the database)."""
    start = table.c.sentence_start
    first = sa.case((start > PRECEDING, start - PRECEDING + 1), else_=1)
    length = sa.case((start > PRECEDING, PRECEDING), else_=start)
    return sa.case(
        (start.is_not(None), sa.func.substr(articles.c.text, first, length)), else_=None
    ).label("preceding")


ENDING = 300  # characters at an article's end that may sign it off as opinion


def _ending() -> Any:
    """The last ``ENDING`` characters of an item's article (cut by the database)."""
    length = sa.func.length(articles.c.text)
    return sa.case(
        (length > ENDING, sa.func.substr(articles.c.text, length - ENDING + 1)),
        else_=articles.c.text,
    ).label("ending")


def _scope(filters: Filters) -> Filters:
    """The filters that apply to events and quotes alike (the actor is matched later)."""
    return Filters(
        publisher=filters.publisher,
        since=filters.since,
        until=filters.until,
        all_copies=filters.all_copies,
        background=False,  # events the resolve stage found to be history
    )


def _quote_moves(connection: Connection, filters: Filters) -> list[dict[str, Any]]:
    scope = _scope(filters)
    topic = sa.or_(
        *(contains_folded(quotes.c.span_text, word) for word in move_tables().topic_words)
    )
    query = (
        sa.select(*item_columns(quotes), quotes.c.speaker_code, _preceding(quotes), _ending())
        .select_from(quotes.join(articles, quotes.c.article_pk == articles.c.pk))
        .where(*item_conditions(quotes, scope), quotes.c.speaker_name.is_not(None), topic)
    )
    found = []
    for row in connection.execute(query):
        typed = typed_quote_move(dict(row._mapping))
        if typed is not None:
            found.append(typed)
    return found


def mark_counter_proposals(moves: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relabel a proposal that answers the other side's proposal (moves oldest first)."""
    last_proposal: dict[tuple[str, str], date] = {}  # (from, to) -> day
    for move in moves:
        if move["move"] != "proposal" or not move["counterpart"] or not move["date"]:
            continue
        day = date.fromisoformat(move["date"])
        answered = last_proposal.get((move["counterpart"], move["actor"]))
        if answered is not None and (day - answered).days <= COUNTER_WINDOW:
            move["move"] = "counter_proposal"
        last_proposal[(move["actor"], move["counterpart"])] = day
    return moves


def by_actor(moves: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Moves grouped per actor, most active actor first, each in date order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for move in moves:
        groups[move["actor"]].append(move)
    return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])))
