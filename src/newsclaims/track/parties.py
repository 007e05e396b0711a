"""Parties to a negotiation: who may make a move in it, and in which role.

A negotiation is about a conflict (``data/negotiation.yaml``: ``conflicts``). Its sides
make moves of any kind; its mediators make mediation moves only (a proposal, or a move
addressed to a side); anyone else (another state, the UN, a court, lawmakers, a church,
an analyst) calling for a ceasefire makes no move in it. A conflict is a move's when its
sentence or headline names it by a word other than the actor's own names.

A party acts as a state named as such ("Israel", "Washington", never "Israelis" or
"Israel's allies"), or through an agent that binds it: its government, military,
intelligence service or an armed group (``ISRGOV``, ``PSEREB``), never its lawmakers,
courts, media or civilians.

>>> party_role("ISR", "Israel", "Israel rejected Hamas's truce proposal.", None, "rejection")
'side'
>>> party_role("RUS", "Russia", "Russia vetoed the resolution on Gaza.", None, "rejection")
>>> party_role("CHN", "China", "China called for a ceasefire in Gaza.", None, "demand")
>>> party_role("USAGOV", "Joe Biden", "Biden urged Israel to agree to a pause.", "ISR",
...            "demand")
'mediator'
>>> party_role("USAGOV", "Joe Biden", "Biden called for a ceasefire in Gaza.", None, "demand")
>>> party_role("ISR", "Israelis", "Israelis rejected the truce in Gaza.", None, "rejection")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsclaims.extract.actors import (
    actor_tables,
    country_code,
    country_prefix,
    resolve_name,
    strip_article,
)
from newsclaims.resolve.places import place_tables
from newsclaims.track.negotiation_tables import negotiation_data


@dataclass(frozen=True)
class Conflict:
    """One conflict's sides and mediators (actor codes) and the words that name it."""

    name: str
    sides: frozenset[str]
    mediators: frozenset[str]
    words: re.Pattern[str]


@dataclass(frozen=True)
class PartyTables:
    conflicts: tuple[Conflict, ...]
    negotiating_agents: frozenset[str]
    mediation_moves: frozenset[str]


@cache
def party_tables() -> PartyTables:
    raw = negotiation_data()
    conflicts = tuple(
        Conflict(
            name=name,
            sides=frozenset(entry["sides"]),
            mediators=frozenset(entry["mediators"]),
            words=_words(entry["words"]),
        )
        for name, entry in raw["conflicts"].items()
    )
    return PartyTables(
        conflicts=conflicts,
        negotiating_agents=frozenset(raw["negotiating_agents"]),
        mediation_moves=frozenset(raw["mediation_moves"]),
    )


def _words(words: list[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(word) for word in words), key=len, reverse=True)
    # "Israel-Hamas war" names both: a hyphen bounds a word here.
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?:['’]s)?(?!\w)")


def party_code(code: str | None, written: str | None) -> str | None:
    """The party an actor stands for: its state's code (``ISRGOV`` -> ``ISR``), or an
    organisation's whole code (``IGOUNO``); ``None`` for an actor that cannot bind a
    party (lawmakers, a court, civilians) or a state not named as one ("Israelis").

    >>> party_code("ISRGOV", "the Israeli cabinet"), party_code("PSEREB", "Hamas")
    ('ISR', 'PSE')
    >>> party_code("ISR", "Israel's"), party_code("USA", "Washington")
    ('ISR', 'USA')
    >>> party_code("PSE", "Palestinians"), party_code("ISR", "Israel's allies")
    (None, None)
    >>> party_code("GBRLEG", "Parliament"), party_code("PSEJUD", "the court")
    (None, None)
    >>> party_code("IGOUNO", "the UN"), party_code(None, "analysts")
    ('IGOUNO', None)
    >>> party_code("PSE", "Gaza"), party_code("IGOUNO", "its policy in the UN")
    (None, None)
    """
    if not code:
        return None
    state = country_prefix(code)
    if state is None:
        named = strip_article(" ".join((written or "").split()))
        return code if code.startswith("IGO") and named in actor_tables().igos else None
    agent = code[len(state) :]
    if agent:
        return state if agent[:3] in party_tables().negotiating_agents else None
    return state if _names_the_state(written or "", state) else None


def _names_the_state(written: str, state: str) -> bool:
    """ "Israel", "the United States", "Washington": the state itself; "Israelis",
    "Palestinian", "Israel's allies" are its people, an adjective, or others, and "Gaza"
    or "the West Bank" a place in it."""
    name = strip_article(" ".join(written.split()))
    tables = actor_tables()
    if name in tables.demonyms or country_code(name) != state:
        return False
    return name in tables.capitals or name.casefold() not in place_tables().names


def party_role(
    code: str | None,
    written: str | None,
    text: str,
    counterpart: str | None,
    move: str,
) -> str | None:
    """``side`` or ``mediator`` when the actor is a party to a conflict ``text`` (the
    move's sentence and headline) names, in a role that may make ``move``; else ``None``.
    ``counterpart``: the party the move is addressed to (``party_code``), if any."""
    party = party_code(code, written)
    if party is None:
        return None
    counterpart = counterpart if counterpart != party else None
    tables = party_tables()
    mediating = False
    for conflict in tables.conflicts:
        if not _names_other_than(conflict, text, party):
            continue
        if party in conflict.sides:
            return "side"
        if party in conflict.mediators and (
            move in tables.mediation_moves or counterpart in conflict.sides
        ):
            mediating = True
    return "mediator" if mediating else None


def _names_other_than(conflict: Conflict, text: str, party: str) -> bool:
    """Whether ``text`` names the conflict by a word other than the party's own names:
    "Israel rejected the offer" alone names no conflict; "Israel rejected Hamas's offer"
    or a headline on Gaza does (a place names it for any side: "Hamas ... in Gaza").

    >>> gaza = party_tables().conflicts[0]
    >>> _names_other_than(gaza, "Israel rejected the offer.", "ISR")
    False
    >>> _names_other_than(gaza, "Hamas demanded a ceasefire in Gaza.", "PSE")
    True
    """
    for match in conflict.words.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(0))
        if word.casefold() in place_tables().names:
            return True  # a place of the conflict ("Gaza", "Tel Aviv"), whoever names it
        own = country_prefix(resolve_name(word).code) or resolve_name(word).code
        if own != party and country_code(word) != party:
            return True
    return False


def in_a_conflict(party: str | None) -> bool:
    """Whether a party is a side or a mediator of any conflict listed.

    >>> in_a_conflict("ISR"), in_a_conflict("PHL"), in_a_conflict(None)
    (True, False, False)
    """
    return party is not None and any(
        party in conflict.sides | conflict.mediators for conflict in party_tables().conflicts
    )


def opponents(side: str | None) -> frozenset[str]:
    """The sides ``side`` fights in the two-sided conflicts listed (in a conflict of
    more parties, who fights whom is not listed: Saudi Arabia and the UAE are allies
    in Yemen's).

    >>> sorted(opponents("ISR")), sorted(opponents("PSE")), sorted(opponents("QAT"))
    (['LBN', 'PSE'], ['ISR'], [])
    >>> sorted(opponents("SAU"))
    []
    """
    return frozenset(
        other
        for conflict in party_tables().conflicts
        if side in conflict.sides and len(conflict.sides) == 2
        for other in conflict.sides - {side}
    )


def same_conflict(party: str | None, other: str | None, text: str) -> bool:
    """Whether two parties take part in one conflict that ``text`` names: a counterpart
    is shown only then (France mediates for Lebanon, not in talks on Gaza in Paris).

    >>> same_conflict("ISR", "FRA", "Israel's delegation agreed in Paris to a Gaza truce")
    False
    >>> same_conflict("ISR", "QAT", "Israel reached an agreement with Qatar on Gaza aid")
    True
    """
    if party is None or other is None:
        return False
    return any(
        {party, other} <= conflict.sides | conflict.mediators
        and (_names_other_than(conflict, text, party) or _names_other_than(conflict, text, other))
        for conflict in party_tables().conflicts
    )
