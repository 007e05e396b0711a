"""A report laid out for reading: the highlighted text and, per item, the fields a person
checks (speaker as written -> canonical, place and its basis, source, date, scope).

The same view serves a stored article (its stored rows add what the store resolved)
and a text just analysed (the report alone).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from newsclaims.model import ActorRef, Event, Figure, Quote, Report
from newsclaims.web.highlight import Mark, highlighted, speaker_colours, usable

Field = tuple[str, str]


@dataclass
class ItemView:
    """One item: where it is, what it says, and its fields in reading order."""

    item_id: str
    kind: str
    start: int
    end: int
    text: str
    title: str
    colour: str
    fields: list[Field]
    stored: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReportView:
    html: Markup
    items: list[ItemView]
    speakers: list[tuple[str, str]]  # (speaker, colour class)
    skipped: int  # items whose offsets fall outside the text


def report_view(report: Report, stored: Mapping[str, dict[str, Any]] | None = None) -> ReportView:
    """The view of ``report``; ``stored`` holds the store's rows by item id."""
    stored = stored or {}
    colours = speaker_colours([_speaker_key(quote.speaker) for quote in report.quotes])
    items: list[ItemView] = []
    for quote in report.quotes:
        colour = colours.get(_speaker_key(quote.speaker) or "", "")
        items.append(_quote_item(quote, colour, stored.get(quote.id, {})))
    items.extend(_figure_item(figure, stored.get(figure.id, {})) for figure in report.figures)
    items.extend(_event_item(event, stored.get(event.id, {})) for event in report.events)
    items.sort(key=lambda item: (item.start, -item.end))
    marks = [Mark(item.item_id, item.kind, item.start, item.end, item.colour) for item in items]
    kept = usable(marks, len(report.text))
    kept_ids = {mark.item_id for mark in kept}
    return ReportView(
        html=highlighted(report.text, kept),
        items=[item for item in items if item.item_id in kept_ids],
        speakers=list(colours.items()),
        skipped=len(items) - len(kept_ids),
    )


def _speaker_key(actor: ActorRef | None) -> str | None:
    return " ".join(actor.name.split()) if actor is not None else None


def _actor(actor: ActorRef | None) -> str:
    """``as written -> canonical [code, kind]``."""
    if actor is None:
        return "(none)"
    shown = actor.text
    if actor.canonical and actor.canonical != actor.text:
        shown += f" → {actor.canonical}"
    extra = ", ".join(part for part in (actor.code, actor.kind, actor.country) if part)
    return f"{shown} [{extra}]" if extra else shown


def _present(fields: list[tuple[str, Any]]) -> list[Field]:
    return [(name, str(value)) for name, value in fields if value not in (None, "")]


def _quote_item(quote: Quote, colour: str, stored: dict[str, Any]) -> ItemView:
    fields = _present([
        ("kind", quote.kind),
        ("speaker", _actor(quote.speaker)),
        ("speaker in store", stored.get("speaker_name")),
        ("cue", f"{quote.cue.text} ({quote.cue.lemma})" if quote.cue else None),
        ("in headline", "yes" if quote.in_headline else None),
        ("date", stored.get("date")),
    ])  # fmt: skip
    speaker = quote.speaker.name if quote.speaker else "unattributed"
    return ItemView(
        quote.id, "quote", quote.content.start, quote.content.end, quote.content.text,
        f"{quote.kind} quote · {speaker}", colour, fields, stored,
    )  # fmt: skip


def _figure_item(figure: Figure, stored: dict[str, Any]) -> ItemView:
    place = stored.get("place") or figure.where
    basis = stored.get("place_basis")
    fields = _present([
        ("value", _number(figure)),
        ("qualifier", figure.qualifier),
        ("what", figure.what),
        ("status", figure.status),
        ("place", f"{place} (basis: {basis})" if place and basis else place),
        ("place as written", figure.where if figure.where != place else None),
        ("when", figure.when),
        ("date", stored.get("date")),
        ("scope", figure.scope or ("running toll" if stored else None)),
        ("source", _actor(figure.source) if figure.source else "the reporter (no source given)"),
        ("source id", stored.get("source_id")),
        ("quantity", stored.get("quantity")),
        ("quote", figure.quote_id),
    ])  # fmt: skip
    what = " ".join(part for part in (figure.what, figure.status) if part)
    return ItemView(
        figure.id, "figure", figure.span.start, figure.span.end, figure.span.text,
        f"figure · {_number(figure)} {what}".strip(), "", fields, stored,
    )  # fmt: skip


def _event_item(event: Event, stored: dict[str, Any]) -> ItemView:
    fields = _present([
        ("code", f"{event.code} {event.label or ''}".strip()),
        ("source", _actor(event.source_actor)),
        ("target", _actor(event.target_actor) if event.target_actor else None),
        ("place", event.place),
        ("date", stored.get("date") or event.date),
        ("negated", "yes" if event.negated else None),
        ("reported by", _actor(event.reported_by) if event.reported_by else None),
    ])  # fmt: skip
    return ItemView(
        event.id, "event", event.span.start, event.span.end, event.span.text,
        f"event {event.code} · {event.label or ''}".strip(" ·"), "", fields, stored,
    )  # fmt: skip


def _number(figure: Figure) -> str:
    if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
        return f"{figure.low:,.0f}–{figure.high:,.0f}"
    value = figure.value if figure.value is not None else figure.low or figure.high
    return f"{value:,.0f}" if value is not None else "(no number)"
