"""Contradictions: claims about one quantity from different sources that cannot both hold.

Two claims are about one quantity when they count the same thing (the resolved
``quantity`` and its side: children are not people), in the same state (``status``), at
the same place stated for them (not guessed from the article), with the same scope (a
running toll, one period's count or one incident's), within ``window`` days of each
other, from two different sources (by source id: one source's successive updates are a
revision of its own series, not a contradiction, and so are the updates of one state's
institutions: Israel's army and its government revising the October 7 toll). A figure
no source is given for is the reporter's, no party's claim, and is not compared. Each claim
stands for an interval of values its words allow: ``exact`` a point, ``approx`` the
point give or take ``APPROX_TOLERANCE``, ``at least`` everything from its bound up. Two
claims contradict when their intervals are disjoint, ranked by how far apart they are;
they agree when the intervals meet.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.engine import Connection

from newsclaims.resolve.places import place_country
from newsclaims.resolve.quantities import parent_of
from newsclaims.resolve.sources import (
    is_armed_group,
    is_identified,
    same_source,
    source_key,
    source_side,
)
from newsclaims.store.queries import TOLL, Filters, article_countries
from newsclaims.track.parties import opponents
from newsclaims.track.timeline import source_label, timeline_points

APPROX_TOLERANCE = 0.1  # "about 3,000" allows 2,700 to 3,300
# Claims further apart than this factor are rarely one quantity told two ways: they are a
# part against the whole (a day's dead against the toll, children against everyone).
MAX_RATIO = 3.0
# Where a claim's place must come from to be compared: its clause, its sentence or its
# source's name (None: stored before place bases were kept, when places were stated).
COMPARED_PLACE_BASES = frozenset({"stated", "sentence", "source", None})
# Counter-claims compare accounts of losses as one: "killed or wounded 15,000" and "3,000
# casualties" are both told of the fighting, whichever word the parser took as status.
LOSSES = frozenset({"killed", "dead", "wounded", "injured"})
KILLED = frozenset({"killed", "dead"})
MEDIA_SUFFIX = "-media"  # "Israeli media": a country's press, not its state
# A side's account of the fighting counts people, its soldiers or fighters, or the
# civilians or casualties on a side; a breakdown (children, women, journalists) is a part
# of an account, and no account of its own.
ACCOUNT_QUANTITIES = frozenset({"people", "soldiers", "fighters", "civilians", "casualties"})
PEOPLE = "people"


@dataclass(frozen=True)
class Interval:
    """The values a claim allows, ``low`` to ``high`` inclusive (``high`` may be inf)."""

    low: float
    high: float


def claim_interval(point: dict[str, Any]) -> Interval | None:
    """The values a timeline point allows; ``None`` for a vague or numberless claim.

    >>> claim_interval({"qualifier": "at_least", "value": 100, "low": 100, "high": None})
    Interval(low=100, high=inf)
    >>> claim_interval({"qualifier": "approx", "value": 3000, "low": None, "high": None})
    Interval(low=2700.0, high=3300.0)
    """
    qualifier, value, low, high = point["qualifier"], point["value"], point["low"], point["high"]
    if qualifier == "at_least" and low is not None:
        return Interval(low, math.inf)
    if qualifier == "at_most" and high is not None:
        return Interval(0.0, high)
    if qualifier == "range" and low is not None and high is not None:
        return Interval(min(low, high), max(low, high))
    if qualifier == "exact" and value is not None:
        return Interval(value, value)
    if qualifier == "approx" and value is not None:
        margin = abs(value) * APPROX_TOLERANCE
        return Interval(value - margin, value + margin)
    return None


def gap(first: Interval, second: Interval) -> float:
    """How far apart two intervals are relative to their size (0 when they meet)."""
    apart = max(first.low, second.low) - min(first.high, second.high)
    if apart <= 0:
        return 0.0
    nearest = min(first.high, second.high)
    return apart / max(abs(nearest), 1.0)


def compare_claims(
    points: Sequence[dict[str, Any]],
    window: int = 0,
    agreeing: bool = False,
    max_ratio: float = MAX_RATIO,
) -> list[dict[str, Any]]:
    """Pairs of claims from different sources about one quantity, best evidence first.

    Contradicting pairs (``agreeing=False``) are ranked by relative gap, leaving out those
    more than ``max_ratio`` times apart (0: keep all); agreeing pairs by how closely their
    intervals coincide (equal exact values first). The same two claims met again in other
    articles are one pair, with ``copies`` counting them.
    """
    groups: dict[tuple[Any, ...], list[tuple[dict[str, Any], Interval, date]]] = defaultdict(list)
    for point in points:
        interval = claim_interval(point)
        # An unknown place is not the same place: "2 killed" in one village and a national
        # toll are different quantities. Nor is a place only guessed from the article.
        counted = point.get("quantity") or point["what"]
        if interval is None or None in (point["date"], counted, point["where"]):
            continue
        if not comparable(point):
            continue
        # A day's or one strike's count is another quantity than the running toll.
        key = (counted, point.get("side"), point["status"], point["where"], point["scope"])
        groups[key].append((point, interval, date.fromisoformat(point["date"])))
    widest = max_ratio - 1 if max_ratio > 0 else math.inf
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for members in groups.values():
        near = _within(members, window, key=lambda member: member[2])
        for (first, first_span, _), (second, second_span, _), _ in near:
            if not _independent(first, second):
                continue
            if not agreeing and _grown(first, first_span, second, second_span):
                continue
            distance = gap(first_span, second_span)
            if (distance == 0) != agreeing or distance > widest:
                continue
            _merge(found, _pair(first, second, distance, first_span, second_span))
    pairs = _counted(found)
    if agreeing:
        pairs.sort(key=lambda pair: (pair["score"], pair["a"]["date"]), reverse=True)
    else:
        pairs.sort(key=lambda pair: (-pair["score"], pair["a"]["date"]))
    return pairs


def comparable(point: dict[str, Any]) -> bool:
    """Whether a point may be set against another source's: a running toll of people
    (one period's or one incident's count is of a period or an incident no other claim
    is known to share), not background history, not a part of its source's series, told
    by a known institution (not the reporter, a person whose institution is unknown, or a
    name such as "the figures"), at a place stated for it or, when the place is only
    named in its sentence, a place of the source's own side or by a source of no side (a
    UN agency): Israel's toll of October 7 in a sentence that names Gaza is not Gaza's.

    >>> point = {"scope": "toll", "background": False, "part": False, "where": "Gaza",
    ...          "where_basis": "sentence", "source_id": "pse-health-ministry",
    ...          "status": "killed", "quantity": "people"}
    >>> comparable(point), comparable(point | {"source_id": "isr-government"})
    (True, False)
    >>> comparable(point | {"source_id": "name:figures"}), comparable(point | {"scope": "incident"})
    (False, False)
    """
    if point["scope"] != TOLL or point.get("background") or point.get("part"):
        return False
    if point["status"] is None or not counts_people(point):
        return False  # a toll counts people something happened to
    return is_identified(point.get("source_id")) and place_holds(point)


def place_holds(point: dict[str, Any], side: str | None = None) -> bool:
    """Whether a point's place may be compared: stated for it, or its source's own, or,
    when only named in its sentence, a place of the source's side or told by a source of
    no side (a UN agency): Israel's toll of October 7 in a sentence that names Gaza is
    not Gaza's. ``side``: the side the source speaks for, where its id does not say (a
    person's country).

    >>> told = {"where": "Gaza", "where_basis": "sentence", "source_id": "isr-military"}
    >>> place_holds(told), place_holds(told | {"where_basis": "stated"})
    (False, True)
    """
    basis = point["where_basis"]
    if basis not in COMPARED_PLACE_BASES:
        return False
    if basis != "sentence":
        return True
    side, country = side or source_side(point.get("source_id")), place_country(point["where"])
    return None in (side, country) or side == country


# Counts that only grow: a lower count dated before a higher one is an earlier state of
# the same toll, not a contradiction of it. The displaced of a war and the dead of hunger
# are running totals too ("one million displaced since the war began", then 1.5 million).
CUMULATIVE_STATUSES = frozenset(
    {"killed", "dead", "died", "wounded", "injured", "arrested", "destroyed", "damaged",
     "fired", "displaced"}
)  # fmt: skip


def _grown(first: dict[str, Any], first_span: Interval, second: dict[str, Any],
           second_span: Interval) -> bool:  # fmt: skip
    """Whether ``second`` (dated no earlier) exceeds ``first`` only as a toll grows:
    ``first`` is dated before it, all below it, and counts what only grows."""
    return (
        first["status"] in CUMULATIVE_STATUSES
        and first["date"] < second["date"]
        and first_span.high < second_span.low
    )


# Counter-claims are set side by side over running tolls and one period's losses: which
# strike an incident's count is of is not stored, so two sides' incident counts of one
# day are most often two strikes.
COUNTER_SCOPES = frozenset({TOLL, "period"})


@dataclass(frozen=True)
class Account:
    """A side's claim of losses: the side that tells it and the side whose losses it counts."""

    point: dict[str, Any]
    teller: str
    victims: str
    day: date

    @property
    def place(self) -> str | None:
        """Where the losses are (stated for them: a guessed place makes no account)."""
        return self.point["where"]

    @property
    def killed(self) -> bool:
        """The dead, not the wounded."""
        return self.point["status"] in KILLED


def counter_claims(
    points: Sequence[dict[str, Any]],
    window: int = 0,
    countries_of: Mapping[str, set[str]] | None = None,
) -> list[dict[str, Any]]:
    """Claims and counter-claims: the two opposing sides of one conflict (the sides of
    ``data/negotiation.yaml``'s conflicts) on the losses of the same fighting, over the
    same days.

    Two sides' accounts meet when both count one side's losses (Israel's count of the
    militants it killed in Gaza and Gaza's toll) or each counts the other's (Iraq's of
    the Iranians killed, Iran's of the Iraqis: belligerents mostly count each other's
    losses). A side counting only its own dead meets no claim of the other side's, and
    a third state, a UN agency, an NGO or a news agency is no side. Places must not
    differ (an unknown place does not), and with ``countries_of`` (article id -> the
    countries it mentions) each claim's article must name the other side. Same day
    first, then the larger claims.
    """
    groups: dict[str, list[Account]] = defaultdict(list)
    for point in points:
        account = side_account(point)
        if account is not None:
            groups[point["scope"]].append(account)
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for members in groups.values():
        for first, second, days in _within(members, window, key=lambda account: account.day):
            if not _accounts_meet(first, second):
                continue
            if countries_of is not None and not (
                second.teller in countries_of.get(first.point["article_id"], set())
                and first.teller in countries_of.get(second.point["article_id"], set())
            ):
                continue
            _merge(found, _counter_pair(first, second, days))
    return sorted(_counted(found), key=lambda pair: (pair["score"], -_size(pair)))


def side_account(point: dict[str, Any]) -> Account | None:
    """The point as a side's account of losses, or ``None`` when it is none: a paper's
    own reporting, history, a part of its source's series, a breakdown (children,
    journalists: a part of an account), an incident's count, a claim no side tells, or
    one whose victims cannot be told.

    >>> gaza = {"source_name": "the ministry", "source": None, "source_id": "pse-health-ministry",
    ...         "date": "2024-01-01", "status": "killed", "scope": "toll", "quantity": "people",
    ...         "side": None, "where": "Gaza", "where_basis": "stated"}
    >>> account = side_account(gaza)
    >>> account.teller, account.victims
    ('PSE', 'PSE')
    >>> side_account(gaza | {"quantity": "children"}), side_account(gaza | {"scope": "incident"})
    (None, None)
    """
    if not (point["source_name"] or point["source"]):
        return None  # a paper's own reporting is no side's claim
    if point.get("part") or point.get("background") or point["scope"] not in COUNTER_SCOPES:
        return None
    if (point.get("quantity") or PEOPLE) not in ACCOUNT_QUANTITIES:
        return None  # "100 people" and "100,000 rockets" are no two accounts of one thing
    teller = _side_of(point)
    if teller is None or point["date"] is None or point["status"] not in LOSSES:
        return None  # arrests, captives, the displaced are no losses of fighting
    if point["where"] is not None and not place_holds(point, teller):
        return None  # a place only guessed: where the losses are is not known
    victims = victims_of(point, teller, is_armed_group(point.get("source_id")))
    if victims is None:
        return None
    return Account(point, teller, victims, date.fromisoformat(point["date"]))


def victims_of(point: dict[str, Any], teller: str, armed_group: bool = False) -> str | None:
    """Whose losses a claim counts: the side its words name ("Iranians", "Israeli
    soldiers"); soldiers a state counts are its own, those an armed group counts its one
    enemy's; else the country where the dead are stated to be (people killed in Gaza),
    and fighters a side counts there its enemy's (none in its own country: whose they
    are is not said).

    >>> victims_of({"side": "IRN", "quantity": "people", "where": None}, "IRQ")
    'IRN'
    >>> soldiers = {"side": None, "quantity": "soldiers", "where": "Gaza", "where_basis": "stated"}
    >>> victims_of(soldiers, "ISR"), victims_of(soldiers, "PSE", armed_group=True)
    ('ISR', 'ISR')
    >>> fighters = soldiers | {"quantity": "fighters"}
    >>> victims_of(fighters, "ISR"), victims_of(fighters | {"where": "Israel"}, "ISR")
    ('PSE', None)
    """
    if point.get("side"):
        return str(point["side"])
    quantity = point.get("quantity") or PEOPLE
    if quantity == "soldiers":
        if not armed_group:
            return teller
        enemies = opponents(teller)
        return next(iter(enemies)) if len(enemies) == 1 else None
    country = place_country(point["where"])
    if quantity == "fighters" and country == teller:
        return None
    return country


def _accounts_meet(first: Account, second: Account) -> bool:
    """Two opposing sides counting one of their losses, or each the other's: the dead
    against the dead (or the wounded against the wounded) at one place stated for both,
    or both told with no place."""
    if first.teller == second.teller or second.teller not in opponents(first.teller):
        return False
    if first.killed != second.killed or first.place != second.place:
        return False
    tellers = {first.teller, second.teller}
    if first.victims == second.victims:
        return first.victims in tellers  # one of the two sides' losses, no third's
    return first.victims == second.teller and second.victims == first.teller


def _side_of(point: dict[str, Any]) -> str | None:
    """The side a claim is told by: a known institution's side (none for the UN, an NGO,
    a news agency, a country's media: they are no side). A person tells no side: whom
    they speak for is not known (a reporter's title names a place, a leader's a group),
    nor does a name the registry does not know ("Israeli and Palestinian officials")."""
    source_id = point.get("source_id")
    if not is_identified(source_id) or str(source_id).endswith(MEDIA_SUFFIX):
        return None
    return source_side(source_id)


Member = TypeVar("Member")


def _within(
    members: list[Member], window: int, key: Callable[[Member], date]
) -> Iterator[tuple[Member, Member, int]]:
    """Every two members at most ``window`` days apart by ``key`` (their day), earlier
    first, with the days between them."""
    members.sort(key=key)
    for index, first in enumerate(members):
        for second in members[index + 1 :]:
            days = (key(second) - key(first)).days
            if days > window:
                break
            yield first, second, days


def _counter_pair(first: Account, second: Account, days: int) -> dict[str, Any]:
    return {
        "relation": "counter-claim",
        "score": days,
        "what": first.point["what"],
        "status": "losses",  # killed or wounded: whichever word the parser took as status
        "where": first.point["where"] or second.point["where"],
        "scope": first.point["scope"],
        **{
            side: _evidence(account.point) | {"country": account.teller, "victims": account.victims}
            for side, account in (("a", first), ("b", second))
        },
    }


def _size(pair: dict[str, Any]) -> float:
    numbers = [
        pair[side][key] for side in ("a", "b") for key in ("value", "low", "high")
        if pair[side][key] is not None
    ]  # fmt: skip
    return max(numbers, default=0.0)


def counts_people(point: dict[str, Any]) -> bool:
    """Whether a point counts people (``people`` or a part of them, such as children).

    >>> counts_people({"quantity": "children"}), counts_people({"quantity": "projectiles"})
    (True, False)
    """
    quantity = point.get("quantity")
    return quantity == PEOPLE or (quantity is not None and parent_of(quantity) == PEOPLE)


def _independent(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """Different sources however written, and not two versions of one story."""
    if first["story"] == second["story"] and first["article_id"] != second["article_id"]:
        return False
    if first.get("source_id") and second.get("source_id"):
        if first["source_id"] == second["source_id"]:
            return False
        side = source_side(first["source_id"])  # one state's institutions revise as one
        return side is None or side != source_side(second["source_id"])
    return not same_source(source_key(source_label(first)), source_key(source_label(second)))


def _merge(found: dict[tuple[Any, ...], dict[str, Any]], pair: dict[str, Any]) -> None:
    """Keep one pair per two claims, remembering every article that makes them."""
    kept = found.setdefault(_claims_of(pair), pair | {"articles": set()})
    kept["articles"] |= {pair["a"]["article_id"], pair["b"]["article_id"]}


def _counted(found: dict[tuple[Any, ...], dict[str, Any]]) -> list[dict[str, Any]]:
    """The kept pairs, ``copies`` the number of articles that make either claim."""
    return [
        {key: value for key, value in pair.items() if key != "articles"}
        | {"copies": len(pair["articles"])}
        for pair in found.values()
    ]


def _claims_of(pair: dict[str, Any]) -> tuple[Any, ...]:
    """What a pair sets against what: the same two claims repeated are one pair."""
    sides = sorted(
        (pair[side]["date"], pair[side]["source_id"] or str(source_key(pair[side]["source_label"])),
         str(pair[side]["value"]),
         pair[side]["qualifier"], str(pair[side]["low"]), str(pair[side]["high"]),
         str(pair[side]["what"]), str(pair[side]["where"]))
        for side in ("a", "b")
    )  # fmt: skip
    return (pair["relation"], pair["status"], pair["where"], pair["scope"], *sides)


def _pair(
    first: dict[str, Any], second: dict[str, Any], distance: float, a: Interval, b: Interval
) -> dict[str, Any]:
    if distance > 0:
        relation, score = "contradicts", round(distance, 4)
    else:
        score = 1.0 if a == b else round(_overlap(a, b), 4)
        relation = "agrees"
    return {
        "relation": relation,
        "score": score,
        "what": first["what"],
        "quantity": first.get("quantity"),
        "status": first["status"],
        "where": first["where"],
        "scope": first["scope"],
        "a": _evidence(first),
        "b": _evidence(second),
    }


def _overlap(a: Interval, b: Interval) -> float:
    """Shared width over total width, for finite intervals; 0.5 when one is open."""
    if math.isinf(a.high) or math.isinf(b.high):
        return 0.5
    shared = min(a.high, b.high) - max(a.low, b.low)
    total = max(a.high, b.high) - min(a.low, b.low)
    return shared / total if total > 0 else 1.0


def _evidence(point: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "date",
        "what",
        "status",
        "where",
        "where_basis",
        "value",
        "qualifier",
        "low",
        "high",
        "source",
        "source_id",
        "quantity",
        "publisher",
        "article_id",
        "item_id",
        "span",
        "sentence",
        "headline",
        "url",
    )
    return {"source_label": source_label(point)} | {key: point.get(key) for key in keys}


def claim_pairs(
    connection: Connection,
    filters: Filters,
    *,
    window: int = 0,
    agreeing: bool = False,
    sides: bool = False,
    max_ratio: float = MAX_RATIO,
) -> list[dict[str, Any]]:
    """The view over a store: the pairs of the timeline points ``filters`` match that
    contradict (or agree, with ``agreeing``), or, with ``sides``, claims and
    counter-claims of two sides (each claim's article naming the other side)."""
    points = timeline_points(connection, filters, numberless=sides)
    if sides:
        countries = article_countries(connection, (point["article_id"] for point in points))
        return counter_claims(points, window=window, countries_of=countries)
    return compare_claims(points, window=window, agreeing=agreeing, max_ratio=max_ratio)
