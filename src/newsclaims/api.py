"""The Python API: analyze a text, open a store, run the views, as the CLI does.

Every function returns what the CLI's ``--format json`` prints: a :class:`Report`, or
plain rows (dicts) that carry their evidence (``sentence``, ``headline``,
``publisher``, ``url``, ``article_id``, ``item_id``).

>>> from newsclaims import analyze
>>> report = analyze("Officials said at least 12 people were killed in Gaza on Monday.",
...                  date="2024-01-09")
>>> figure = report.figures[0]
>>> figure.value, figure.qualifier, figure.quantity, figure.status, figure.place
(12.0, 'at_least', 'people', 'killed', 'Gaza')
>>> report.text[figure.span.start : figure.span.end] == figure.span.text
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine

from newsclaims.ingest.readers import text_article
from newsclaims.model import Report
from newsclaims.pipeline import analyze_article
from newsclaims.store.connect import open_store
from newsclaims.store.ingest import IngestCounts, ingest_articles
from newsclaims.store.queries import Filters, run_query, stored_reports
from newsclaims.track.contradictions import claim_pairs
from newsclaims.track.negotiation import negotiation_moves
from newsclaims.track.timeline import timeline_points


def analyze(
    text: str,
    *,
    headline: str | None = None,
    date: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    model: str | None = None,
) -> Report:
    """Analyze one report's text (a first line and a blank line: its headline).

    ``date`` (YYYY-MM-DD) is the report's date, which relative dates ("on Monday") and
    claim dates are read against.
    """
    article = text_article(text, headline=headline, date=date, publisher=publisher, url=url)
    return analyze_article(article, model=model)


@dataclass
class Store:
    """A corpus store (SQLite file or PostgreSQL URL) and the views over it.

    >>> store = Store.open("sqlite:///:memory:")
    >>> store.timeline(what="people", status="killed", where="Gaza")
    []
    >>> store.timeline(what="people", placeless=True, unregistered=True)
    []
    >>> store.negotiation(actor="Hamas", unaddressed=True)
    []
    >>> store.close()
    """

    engine: Engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating or upgrading) the store at ``url`` (default: $NEWSCLAIMS_DB,
        else ``sqlite:///newsclaims.db``)."""
        return cls(open_store(url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def ingest(self, texts: Iterable[str], workers: int = 1) -> IngestCounts:
        """Analyze plain-text reports and store them; texts already stored are skipped."""
        return ingest_articles(self.engine, map(text_article, texts), workers=workers)

    def article(self, article_id: str) -> Report | None:
        """The stored report of an article (its latest version), to check an item in."""
        with self.engine.connect() as connection:
            reports = stored_reports(connection, article_id)
        return reports[-1] if reports else None

    def query(self, kind: str, limit: int | None = 50, **filters: Any) -> list[dict[str, Any]]:
        """Rows of ``kind`` (figures, quotes, events, actors) matching the CLI's filters."""
        with self.engine.connect() as connection:
            return run_query(connection, kind, _filters(filters), limit=limit).rows

    def timeline(
        self, *, placeless: bool = False, unregistered: bool = False, **filters: Any
    ) -> list[dict[str, Any]]:
        """Points of one quantity per source over time (``scope`` defaults to toll); running
        tolls with no place of their own, or told by sources the registry does not know,
        only with ``placeless`` / ``unregistered`` (as the CLI's switches)."""
        filters.setdefault("scope", "toll")
        filters.setdefault("background", False)
        with self.engine.connect() as connection:
            return timeline_points(
                connection, _filters(filters), placeless=placeless, unregistered=unregistered
            )

    def contradictions(self, window: int = 0, agree: bool = False, sides: bool = False,
                       **filters: Any) -> list[dict[str, Any]]:  # fmt: skip
        """Pairs of claims that cannot both hold (``agree``: that agree; ``sides``:
        claims and counter-claims of two sides)."""
        filters.setdefault("background", False)
        with self.engine.connect() as connection:
            return claim_pairs(
                connection, _filters(filters), window=window, agreeing=agree, sides=sides
            )

    def negotiation(self, unaddressed: bool = False, **filters: Any) -> list[dict[str, Any]]:
        """Negotiation moves (``actor``: a code or a whole name), oldest first: those that
        name the other party, or every move with ``unaddressed``."""
        with self.engine.connect() as connection:
            return negotiation_moves(connection, _filters(filters), unaddressed)


def _filters(given: dict[str, Any]) -> Filters:
    """The CLI's filters from keywords; days may be strings (YYYY-MM-DD)."""
    for name in ("since", "until"):
        if isinstance(given.get(name), str):
            given[name] = date.fromisoformat(given[name])
    return Filters(**given)
