"""Request parameters shared by the pages and the API: the CLI's filters, pages, formats.

HTML forms send empty fields as ``name=``: an empty value means "not given". A value that
cannot be what it names (a day that is not YYYY-MM-DD, a NUL character) is refused with
:class:`BadParameter`, answered 422 with its message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from fastapi import Query

from newsclaims.store.queries import TOLL, Filters

T = TypeVar("T")

MAX_TEXT = 200  # characters of a filter value
DAY_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"


class BadParameter(ValueError):
    """A request parameter that cannot be used; its message says why (422)."""


class Kind(StrEnum):
    articles = "articles"
    quotes = "quotes"
    figures = "figures"
    events = "events"
    actors = "actors"


class ItemKind(StrEnum):
    quotes = "quotes"
    figures = "figures"
    events = "events"
    actors = "actors"


class ScopeChoice(StrEnum):
    toll = "toll"
    period = "period"
    incident = "incident"
    all = "all"


class PairView(StrEnum):
    contradicts = "contradicts"
    agrees = "agrees"
    sides = "sides"


class Format(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


TextParam = Annotated[str | None, Query(max_length=MAX_TEXT)]
DayParam = Annotated[str | None, Query(pattern=DAY_PATTERN, description="YYYY-MM-DD")]
Unaddressed = Annotated[
    bool, Query(description="also the negotiation moves that name no other party")
]
Placeless = Annotated[
    bool,
    Query(description="also running tolls whose place is unknown or only guessed from the article"),
]
Unregistered = Annotated[
    bool, Query(description="also running tolls told by sources the registry does not know")
]


def text_value(value: str | None, name: str) -> str | None:
    """A filter's text, ``None`` when empty; refuses characters no store can hold."""
    if value is None or not value.strip():
        return None
    if "\x00" in value:
        raise BadParameter(f"{name}: NUL characters are not allowed")
    return value.strip()


def day_value(value: str | None, name: str) -> date | None:
    """A YYYY-MM-DD day, ``None`` when empty."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(f"{name}: {value!r} is not a day (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class FilterParams:
    """The CLI's filters as given in a URL (strings, possibly empty)."""

    what: str | None = None
    status: str | None = None
    where: str | None = None
    source: str | None = None
    speaker: str | None = None
    actor: str | None = None
    code: str | None = None
    publisher: str | None = None
    since: str | None = None
    until: str | None = None
    scope: str | None = None
    all_copies: bool = False

    def filters(self, text: str | None = None, keep: set[str] | None = None) -> Filters:
        """The store's :class:`Filters`; only those named in ``keep`` when given."""
        values = {
            name: text_value(getattr(self, name), name)
            for name in ("what", "status", "where", "source", "speaker", "actor", "code",
                         "publisher")
        }  # fmt: skip
        since, until = day_value(self.since, "since"), day_value(self.until, "until")
        if since and until and since > until:
            raise BadParameter(f"since {since} is after until {until}")
        scope = text_value(self.scope, "scope")
        if scope is not None and scope not in set(ScopeChoice):
            raise BadParameter(f"scope: {scope!r} is not one of toll, period, incident, all")
        chosen: dict[str, Any] = {
            **values,
            "since": since,
            "until": until,
            "text": text_value(text, "q"),
            "scope": None if scope in (None, ScopeChoice.all) else scope,
        }
        if keep is not None:
            chosen = {name: value for name, value in chosen.items() if name in keep}
        return Filters(**chosen, all_copies=self.all_copies)


def filter_params(
    what: TextParam = None,
    status: TextParam = None,
    where: TextParam = None,
    source: TextParam = None,
    speaker: TextParam = None,
    actor: TextParam = None,
    code: TextParam = None,
    publisher: TextParam = None,
    since: DayParam = None,
    until: DayParam = None,
    scope: Annotated[
        str | None, Query(pattern=r"^(toll|period|incident|all)?$", description="figures")
    ] = None,
    all_copies: bool = False,
) -> FilterParams:
    """The filters of a request (a FastAPI dependency)."""
    return FilterParams(
        what, status, where, source, speaker, actor, code, publisher, since, until, scope,
        all_copies,
    )  # fmt: skip


def toll_by_default(params: FilterParams) -> FilterParams:
    """Timelines default to running tolls, as on the command line."""
    if params.scope in (None, ""):
        return FilterParams(**{**vars(params), "scope": TOLL})
    return params


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def cut(self, rows: Sequence[T]) -> list[T]:
        """This page's rows of ``rows``.

        >>> Page(2, 3).cut(list(range(8)))
        [3, 4, 5]
        """
        return list(rows[self.offset : self.offset + self.size])
