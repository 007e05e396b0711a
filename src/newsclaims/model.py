"""Pydantic types of a Report: the one shape every stage writes and every output reads.

Every extracted item carries character offsets into ``Report.text`` (the text exactly as
read), so a person can check it against the source in one click. Field names under
``quotes``, ``figures`` and ``events`` follow the scoring contract in the eval README.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

QuoteKind = Literal["direct", "indirect", "mixed"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague"]
# What a count covers when not a running toll: one stated short period, or one incident.
Scope = Literal["period", "incident"]
# Where a figure's place comes from, most direct first: its own clause, the place in its
# source's name ("the health ministry in Gaza"), the one place its sentence is set in,
# or the place the article is about.
PlaceBasis = Literal["stated", "source", "sentence", "article"]
ActorKind = Literal["country", "igo", "organization", "group", "person", "media", "other"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A run of characters ``text[start:end]`` of the report."""

    start: int
    end: int
    text: str


class ActorRef(_Model):
    """Someone or something as written in the text, with what it resolves to.

    ``canonical`` is the fullest name the article gives (``Antony Blinken`` for a later
    ``he`` or ``Blinken``); ``code`` is a CAMEO-style actor code (``USA``, ``USAGOV``,
    ``ISRMIL``) or, for a named group without a country code, the group's name.
    """

    text: str
    start: int | None = None
    end: int | None = None
    canonical: str | None = None
    code: str | None = None
    kind: ActorKind | None = None
    role: str | None = None
    country: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _drop_computed_name(cls, data: Any) -> Any:
        # ``name`` is derived; accept it when reading a report back from its JSON.
        if isinstance(data, dict) and "name" in data:
            return {key: value for key, value in data.items() if key != "name"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def name(self) -> str:
        """The best display name: canonical when known, else as written."""
        return self.canonical or self.text


class Entity(_Model):
    """A named mention (spaCy NER plus our canonical actor for it)."""

    text: str
    start: int
    end: int
    label: str
    actor: ActorRef | None = None


class Cue(_Model):
    """The verb or phrase that introduces speech (``said``, ``told``, ``according to``)."""

    text: str
    start: int
    end: int
    lemma: str


class Quote(_Model):
    """Who said what: the content span, its speaker and the cue."""

    id: str
    kind: QuoteKind
    content: Span
    speaker: ActorRef | None = None
    cue: Cue | None = None
    in_headline: bool = False
    sentence: Span | None = None


class Figure(_Model):
    """A count of people or things claimed in the text, with its hedge and source."""

    id: str
    span: Span
    value: float | None = None
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None
    what: str | None = None
    status: str | None = None
    where: str | None = None
    when: str | None = None
    scope: Scope | None = None
    source: ActorRef | None = None
    quote_id: str | None = None
    sentence: Span | None = None
    # Set by the resolve stage (``newsclaims.resolve``): what the store holds and the
    # views compare. ``place`` is a series name ("Gaza"), ``claim_date`` the day the
    # figure holds for (YYYY-MM-DD), ``source_id`` one id per institution however it is
    # written, ``quantity`` what is counted as one series ("people", "children") and
    # ``side`` the country its noun names ("Palestinians": PSE).
    place: str | None = None
    place_basis: PlaceBasis | None = None
    claim_date: str | None = None
    source_id: str | None = None
    quantity: str | None = None
    side: str | None = None
    # The sentence recounts an earlier year ("in the 2014 war"): history, not news.
    background: bool = False


class Event(_Model):
    """Actor -- action -- target, CAMEO-coded, with the evidence span."""

    id: str
    span: Span
    code: str
    label: str | None = None
    source_actor: ActorRef
    target_actor: ActorRef | None = None
    sentence: Span | None = None
    date: str | None = None  # as written ("on Wednesday")
    place: str | None = None
    negated: bool = False
    reported_by: ActorRef | None = None
    # Resolved (resolve/stage.py): the day it happened, and whether its sentence recounts
    # an earlier year (history told for background, not news of the report's time).
    claim_date: str | None = None
    background: bool = False


class Report(_Model):
    """Everything newsclaims extracts from one article."""

    id: str
    text: str
    headline: str | None = None
    dateline: str | None = None
    agency: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    source_path: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def report_json_schema() -> dict[str, object]:
    """The JSON Schema of a report, as printed by ``newsclaims schema``."""
    return Report.model_json_schema(mode="serialization")
