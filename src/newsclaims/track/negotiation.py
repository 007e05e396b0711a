"""Negotiation: per actor, the proposals, counter-proposals, demands, acceptances and
rejections over time, from coded events and from reported speech, with evidence.

An event's CAMEO code says its move (``data/negotiation.yaml``); a quote is a move when
it names what is negotiated (a truce, a deal, hostages) and its cue or words say which
move. A proposal answering the other side's proposal within ``COUNTER_WINDOW`` days is a
counter-proposal.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import sqlalchemy as sa
import yaml
from sqlalchemy.engine import Connection

from newsclaims.store.queries import Filters, contains_folded, item_columns, item_conditions
from newsclaims.store.schema import articles, events, quotes

COUNTER_WINDOW = 30  # days within which a proposal can answer another


@dataclass(frozen=True)
class MoveTables:
    """``data/negotiation.yaml``, loaded once."""

    event_codes: dict[str, str]
    quote_words: list[tuple[str, re.Pattern[str]]]  # (move, pattern), by precedence
    cue_lemmas: dict[str, str]
    topic: re.Pattern[str]
    topic_words: tuple[str, ...]
    negation: re.Pattern[str]


def _words_pattern(words: Sequence[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(word) for word in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


@cache
def move_tables() -> MoveTables:
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("negotiation.yaml").read_text("utf-8")
    )
    return MoveTables(
        event_codes={str(code): move for code, move in raw["event_codes"].items()},
        quote_words=[(move, _words_pattern(words)) for move, words in raw["quote_words"].items()],
        cue_lemmas={lemma: move for move, lemmas in raw["cue_lemmas"].items() for lemma in lemmas},
        topic=_words_pattern(raw["topic_words"]),
        topic_words=tuple(raw["topic_words"]),
        negation=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in raw["negations"]) + r")(?!\w)",
            re.IGNORECASE,
        ),
    )


def event_move(code: str, negated: bool = False) -> str | None:
    """The move a CAMEO code makes (``None`` for codes that are not moves).

    >>> event_move("036"), event_move("125"), event_move("190"), event_move("057", True)
    ('proposal', 'rejection', None, 'rejection')
    """
    table = move_tables().event_codes
    prefix = next((code[:n] for n in range(len(code), 0, -1) if code[:n] in table), None)
    move = table.get(prefix) if prefix else None
    return _negated(move) if move and negated else move


def quote_move(content: str, cue_lemma: str | None = None) -> str | None:
    """The move reported speech makes, if it is about a negotiation.

    >>> quote_move("it had accepted the ceasefire proposal")
    'acceptance'
    >>> quote_move("the group would not accept any deal that leaves troops in Gaza")
    'rejection'
    >>> quote_move("it was a beautiful day"), quote_move("the truce holds", "propose")
    (None, 'proposal')
    """
    tables = move_tables()
    if not tables.topic.search(content):
        return None
    for move, pattern in tables.quote_words:
        match = pattern.search(content)
        if match:
            before = content[max(0, match.start() - 25) : match.start()]
            return _negated(move) if tables.negation.search(before) else move
    return tables.cue_lemmas.get(cue_lemma or "")


def _negated(move: str) -> str | None:
    return "rejection" if move == "acceptance" else None


def negotiation_moves(connection: Connection, filters: Filters) -> list[dict[str, Any]]:
    """Every move matching ``filters`` (actor, publisher, since, until), oldest first."""
    moves = [*_event_moves(connection, filters), *_quote_moves(connection, filters)]
    if filters.actor is not None:
        wanted = filters.actor.casefold()
        moves = [
            m
            for m in moves
            if wanted in m["actor"].casefold() or wanted == (m["actor_code"] or "").casefold()
        ]
    moves.sort(key=lambda move: (move["date"] or "9999", move["article_id"], move["span"]["start"]))
    return mark_counter_proposals(moves)


def _event_moves(connection: Connection, filters: Filters) -> list[dict[str, Any]]:
    scope = _scope(filters)
    roots = sorted({code[:2] for code in move_tables().event_codes})
    query = (
        sa.select(*item_columns(events))
        .select_from(events.join(articles, events.c.article_pk == articles.c.pk))
        .where(*item_conditions(events, scope), events.c.root.in_(roots))
    )
    found = []
    for row in connection.execute(query):
        item = dict(row._mapping)
        move = event_move(item["code"], item["negated"])
        if move is None:
            continue
        found.append(
            _move(
                item,
                move,
                actor=item["source_name"],
                actor_code=item["source_code"],
                counterpart=item["target_name"],
                via=f"event {item['code']}",
            )
        )
    return found


def _scope(filters: Filters) -> Filters:
    """The filters that apply to events and quotes alike (the actor is matched later)."""
    return Filters(
        publisher=filters.publisher,
        since=filters.since,
        until=filters.until,
        all_copies=filters.all_copies,
    )


def _quote_moves(connection: Connection, filters: Filters) -> list[dict[str, Any]]:
    scope = _scope(filters)
    topic = sa.or_(
        *(contains_folded(quotes.c.span_text, word) for word in move_tables().topic_words)
    )
    query = (
        sa.select(*item_columns(quotes))
        .select_from(quotes.join(articles, quotes.c.article_pk == articles.c.pk))
        .where(*item_conditions(quotes, scope), quotes.c.speaker_name.is_not(None), topic)
    )
    found = []
    for row in connection.execute(query):
        item = dict(row._mapping)
        move = quote_move(item["text"], item["cue_lemma"])
        if move is not None:
            found.append(
                _move(
                    item,
                    move,
                    actor=item["speaker_name"],
                    actor_code=None,
                    counterpart=None,
                    via=f"{item['kind']} quote",
                )
            )
    return found


def _move(
    item: dict[str, Any],
    move: str,
    *,
    actor: str,
    actor_code: str | None,
    counterpart: str | None,
    via: str,
) -> dict[str, Any]:
    day = item["date"]
    return {
        "date": day.isoformat() if isinstance(day, date) else day,
        "actor": actor,
        "actor_code": actor_code,
        "move": move,
        "counterpart": counterpart,
        "via": via,
        "publisher": item["publisher"],
        "article_id": item["article_id"],
        "span": {"start": item["start"], "end": item["end"], "text": item["text"]},
    }


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
