"""Negotiation: per actor, the proposals, counter-proposals, demands, acceptances and
rejections over time, from coded events and from reported speech, with evidence.

An event's CAMEO code says its move (``data/negotiation.yaml``) when its sentence names
what is negotiated (a truce, a deal, hostages, talks); a release or a pause
observed carries out a deal (``implementation``), it accepts nothing. A quote is a move
when it names what is negotiated (a truce, a deal, hostages) and its cue or words say
which move; when its clause opens with another party doing the move ("Hamas said
Israel refused the offer") the move is that party's, reported by the speaker. Opinion
and analysis articles are the writer's views, not the parties' moves, and are left out.
Actors are matched by identity (their code, its country, or their whole name), never by
a substring of a name. A proposal answering the other side's proposal within
``COUNTER_WINDOW`` days is a counter-proposal. Each move carries the terms its sentence
states (``track/terms.py``: counts exchanged, duration, mediators).
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

from newsclaims.extract.actors import country_prefix
from newsclaims.store.queries import Filters, contains_folded, item_columns, item_conditions
from newsclaims.store.schema import articles, events, figures, in_chunks, quotes
from newsclaims.track.terms import move_terms

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
    referring: re.Pattern[str]
    handed_over: re.Pattern[str]
    opinion_url_parts: tuple[str, ...]
    opinion_headline_openings: tuple[str, ...]


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
        referring=_words_pattern(raw["referring_words"]),
        handed_over=_words_pattern(raw["implementation_words"]),
        opinion_url_parts=tuple(raw["opinion_url_parts"]),
        opinion_headline_openings=tuple(raw["opinion_headline_openings"]),
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
    return _quote_move(content, cue_lemma)[0]


def reported_party(content: str) -> str | None:
    """The party whose move reported speech tells, when its clause opens with one
    ("Israel had refused the truce offer" -> ``Israel``); ``None`` for the speaker's own.

    >>> reported_party("Israel had refused the truce offer"), reported_party("it had refused")
    ('Israel', None)
    >>> reported_party("the Israeli government rejected the truce proposal")
    'the Israeli government'
    >>> reported_party("on Tuesday Israel rejected the truce proposal")
    'Israel'
    >>> reported_party("the ceasefire proposal was rejected by Israel")
    'Israel'
    >>> reported_party("nobody has accepted the truce"), reported_party("all hostages must go")
    (None, None)
    >>> reported_party("the war in Gaza must end, and a truce is not enough")
    """
    _, start = _quote_move(content, None)
    if start is None:
        return None
    before = _LEADING_TIME.sub("", content[:start])
    if _PASSIVE_END.search(before):  # "the proposal was rejected by Israel"
        agent = _AGENT_AFTER_MOVE.match(content[start:])
        return agent["party"] if agent else None
    match = _PARTY_BEFORE_MOVE.match(before)
    if match is None:
        return None
    words = match["party"].casefold().split()
    if words[-1] in _PRONOUNS or words[0] in _QUANTIFIERS or words[-1] in _QUANTIFIERS:
        return None  # "it", "nobody", "all hostages": no party named
    named = match["party"].split()
    first = named[1] if named[0].casefold() == "the" and len(named) > 1 else named[0]
    if not first[:1].isupper() and first.casefold() not in _PARTY_NOUNS:
        return None  # "the war in Gaza must end": a thing, no party
    if any(word in _PREPOSITIONS for word in words):
        return None
    return match["party"]


def _quote_move(content: str, cue_lemma: str | None) -> tuple[str | None, int | None]:
    """The move and where its word starts (``None``: from the cue, or no move)."""
    tables = move_tables()
    if not tables.topic.search(content):
        return None, None
    for move, pattern in tables.quote_words:
        match = pattern.search(content)
        if match:
            # The negation of the move itself: among the three words before it ("did not
            # accept", "would never agree to"), not anywhere ("no doubt that X accepted").
            before = " ".join(content[: match.start()].split()[-3:])
            found = _negated(move) if tables.negation.search(before) else move
            return found, match.start()
    return tables.cue_lemmas.get(cue_lemma or ""), None


# A clause opening with a named party (capitalised, or "the" + words ending in one) and
# at most an auxiliary before the move word.
_PARTY_BEFORE_MOVE = re.compile(
    r"^\s*(?:that\s+)?(?P<party>(?:the\s+)?(?:[a-z]+\s+){0,2}?[A-Z][\w'’.-]*"
    r"(?:\s+[A-Za-z][\w'’.-]*){0,3}?)\s+"
    r"(?:(?:has|had|have|would|will|could|did|does|do|was|is|had\s+not|has\s+not|not)\s+)*$"
)
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that"})
# Nouns that name a party without a name ("the government rejected ..."); prepositions
# inside a "party" make it a thing ("the war in Gaza").
_PARTY_NOUNS = frozenset(
    {"government", "cabinet", "group", "movement", "army", "military", "mediators",
     "negotiators", "delegation", "administration", "leadership", "authorities", "officials",
     "side", "sides", "militants", "faction", "factions", "regime", "ministry", "presidency"}
)  # fmt: skip
_PREPOSITIONS = frozenset({"in", "of", "on", "for", "to", "with", "from", "about", "at"})
_QUANTIFIERS = frozenset(
    {"all", "no", "nobody", "none", "noone", "everyone", "everybody", "some", "many", "few",
     "both", "neither", "either", "any", "each", "every", "most", "several"}
)  # fmt: skip
_LEADING_TIME = re.compile(
    r"^\s*(?:(?:on|by|late|early|earlier|later)\s+)*(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|today|tonight|this\s+week|last\s+week|earlier|"
    r"later|then)\b[\s,]*",
    re.IGNORECASE,
)
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_AGENT_AFTER_MOVE = re.compile(
    r"^\S+\s+(?:\S+\s+){0,3}?by\s+(?P<party>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)


def about_negotiation(sentence: str, headline: str | None = None, move: str = "") -> bool:
    """Whether a sentence is about a negotiation: it names what is negotiated, or refers
    back to it ("rejected the plan") under a headline that names it; a deal carried out
    (``implementation``) may name only those handed over ("freed 13 hostages").

    >>> about_negotiation("Israel rejected the plan.", "Truce talks in Doha")
    True
    >>> about_negotiation("Israel rejected the plan.", "Floods in the north")
    False
    >>> about_negotiation("Hamas freed 13 hostages.", None, "implementation")
    True
    >>> about_negotiation("Biden offered condolences to families of hostages.", None, "proposal")
    False
    """
    tables = move_tables()
    if tables.topic.search(sentence):
        return True
    if move == "implementation" and tables.handed_over.search(sentence):
        return True
    return bool(headline and tables.topic.search(headline) and tables.referring.search(sentence))


def is_opinion(url: str | None, headline: str | None) -> bool:
    """Whether an article is opinion or analysis, by its URL's path or headline.

    >>> is_opinion("https://example.com/opinions/2023/11/1/why", None)
    True
    >>> is_opinion("https://example.com/news/2023/11/1/talks", "Talks resume in Doha")
    False
    """
    tables = move_tables()
    path = (url or "").casefold()
    opening = (headline or "").casefold().lstrip()
    return any(part in path for part in tables.opinion_url_parts) or opening.startswith(
        tables.opinion_headline_openings
    )


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


def _negated(move: str) -> str | None:
    """Not accepting or not agreeing is rejecting; a negated other move is none."""
    return "rejection" if move in ("acceptance", "agreement") else None


def negotiation_moves(connection: Connection, filters: Filters) -> list[dict[str, Any]]:
    """Every move matching ``filters`` (actor, publisher, since, until), oldest first."""
    moves = [*_event_moves(connection, filters), *_quote_moves(connection, filters)]
    if filters.actor is not None:
        wanted = filters.actor
        moves = [m for m in moves if same_actor(wanted, m["actor"], m["actor_code"])]
    moves.sort(key=lambda move: (move["date"] or "9999", move["article_id"], move["span"]["start"]))
    held = _sentence_figures(connection, {move["article_id"] for move in moves})
    for move in moves:
        figures_there = held.get((move["article_id"], move["sentence_start"]), [])
        move["terms"] = move_terms(move["sentence"], figures_there)
    return mark_counter_proposals(moves)


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
        sa.select(*item_columns(events))
        .select_from(events.join(articles, events.c.article_pk == articles.c.pk))
        .where(*item_conditions(events, scope), events.c.root.in_(roots))
    )
    found = []
    for row in connection.execute(query):
        item = dict(row._mapping)
        move = event_move(item["code"], item["negated"])
        if move is None or is_opinion(item["url"], item["headline"]):
            continue
        if not about_negotiation(item["sentence"] or item["text"], item["headline"], move):
            continue  # "rejected accusations", "called for a probe": no negotiation
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
        if move is None or is_opinion(item["url"], item["headline"]):
            continue
        party = reported_party(item["text"])
        found.append(
            _move(
                item,
                move,
                actor=party or item["speaker_name"],
                actor_code=None,
                counterpart=None,
                via=f"{item['kind']} quote",
                reported_by=item["speaker_name"] if party else None,
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
    reported_by: str | None = None,
) -> dict[str, Any]:
    day = item["date"]
    return {
        "date": day.isoformat() if isinstance(day, date) else day,
        "actor": actor,
        "actor_code": actor_code,
        "move": move,
        "counterpart": counterpart,
        "via": via,
        "reported_by": reported_by,
        "publisher": item["publisher"],
        "article_id": item["article_id"],
        "item_id": item["item_id"],
        "span": {"start": item["start"], "end": item["end"], "text": item["text"]},
        "sentence": item["sentence"],
        "sentence_start": item["sentence_start"],
        "headline": item["headline"],
        "url": item["url"],
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
