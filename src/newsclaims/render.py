"""Writing reports out: a Rich terminal view, JSON, JSONL and CSV, and one article with
its items highlighted at their exact characters (``newsclaims show``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsclaims.model import ActorRef, Event, Figure, Quote, Report, Span
from newsclaims.track.show import spreadsheet_safe_row

CSV_COLUMNS = (
    "article_id", "item", "id", "kind", "start", "end", "text", "speaker", "speaker_canonical",
    "cue", "value", "qualifier", "low", "high", "what", "status", "where", "when", "source",
    "code", "source_actor", "target_actor",
)  # fmt: skip
CONTEXT_CHARS = 60


def report_json(report: Report, indent: int | None = 2) -> str:
    """The report as JSON (the scoring contract's field names)."""
    return report.model_dump_json(indent=indent)


def report_dict(report: Report) -> dict[str, Any]:
    return report.model_dump(mode="json")


def _actor_text(actor: ActorRef | None) -> str:
    if actor is None:
        return ""
    if actor.canonical and actor.canonical != actor.text:
        return f"{actor.text} ({actor.canonical})"
    return actor.text


def csv_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One flat row per quote, figure, event and entity."""
    for quote in report.quotes:
        yield {
            "article_id": report.id, "item": "quote", "id": quote.id, "kind": quote.kind,
            "start": quote.content.start, "end": quote.content.end, "text": quote.content.text,
            "speaker": quote.speaker.text if quote.speaker else None,
            "speaker_canonical": quote.speaker.canonical if quote.speaker else None,
            "cue": quote.cue.text if quote.cue else None,
        }  # fmt: skip
    for figure in report.figures:
        yield {
            "article_id": report.id, "item": "figure", "id": figure.id, "kind": figure.qualifier,
            "start": figure.span.start, "end": figure.span.end, "text": figure.span.text,
            "value": figure.value, "qualifier": figure.qualifier, "low": figure.low,
            "high": figure.high, "what": figure.what, "status": figure.status,
            "where": figure.where, "when": figure.when,
            "source": _actor_text(figure.source) or None,
        }  # fmt: skip
    for event in report.events:
        yield {
            "article_id": report.id, "item": "event", "id": event.id, "kind": event.label,
            "start": event.span.start, "end": event.span.end, "text": event.span.text,
            "code": event.code, "source_actor": event.source_actor.code or event.source_actor.name,
            "target_actor": (event.target_actor.code or event.target_actor.name)
            if event.target_actor else None,
        }  # fmt: skip
    for entity in report.entities:
        yield {
            "article_id": report.id, "item": "entity", "kind": entity.label,
            "start": entity.start, "end": entity.end, "text": entity.text,
            "code": entity.actor.code if entity.actor else None,
            "speaker_canonical": entity.actor.canonical if entity.actor else None,
        }  # fmt: skip


def write_csv(reports: Iterable[Report], stream: io.TextIOBase | Any) -> None:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for report in reports:
        writer.writerows(spreadsheet_safe_row(row) for row in csv_rows(report))


def write_jsonl(reports: Iterable[Report], stream: Any) -> None:
    for report in reports:
        stream.write(json.dumps(report_dict(report), ensure_ascii=False) + "\n")


def _in_context(text: str, start: int, end: int) -> Text:
    """The span highlighted inside a little of its surrounding text."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    shown = Text("…" if left else "")
    shown.append(" ".join(text[left:start].split(" ")).replace("\n", " "), style="dim")
    shown.append(text[start:end].replace("\n", " "), style="bold yellow")
    shown.append(text[end:right].replace("\n", " "), style="dim")
    shown.append("…" if right < len(text) else "")
    return shown


def _header(report: Report, details: tuple[tuple[str, str | None], ...]) -> Text:
    """The headline in bold, then the ``details`` that have a value, on one line."""
    header = Text(report.headline or "(no headline)", style="bold")
    shown = [f"{label}: {value}" for label, value in details if value]
    header.append("\n" + "   ".join(shown), style="cyan")
    return header


def terminal_view(report: Report) -> Group:
    """Quotes, figures, events and actors as tables, each with its source text."""
    details = (("dateline", report.dateline), ("agency", report.agency), ("date", report.date),
               ("publisher", report.publisher), ("id", report.id))  # fmt: skip
    parts: list[Any] = [Panel(_header(report, details), title="newsclaims", expand=True)]

    quotes = Table(title=f"Quotations ({len(report.quotes)})", show_lines=True, expand=True)
    for column in ("speaker", "cue", "kind", "content in context"):
        quotes.add_column(column, overflow="fold")
    for quote in report.quotes:
        quotes.add_row(
            Text(_actor_text(quote.speaker) or "?"),
            Text(quote.cue.text if quote.cue else ""),
            quote.kind,
            _in_context(report.text, quote.content.start, quote.content.end),
        )
    parts.append(quotes)

    figures = Table(title=f"Figures ({len(report.figures)})", show_lines=True, expand=True)
    for column in ("value", "hedge", "what / status", "where / when", "source", "in context"):
        figures.add_column(column, overflow="fold")
    for figure in report.figures:
        value = (
            f"{figure.low:g}–{figure.high:g}"
            if figure.low is not None and figure.high is not None
            else (f"{figure.value:,.0f}" if figure.value is not None else "–")
        )
        figures.add_row(
            value,
            figure.qualifier,
            Text(" / ".join(x for x in (figure.what, figure.status) if x)),
            Text(" / ".join(x for x in (figure.where, figure.when) if x)),
            Text(_actor_text(figure.source) or "(reporter)"),
            _in_context(report.text, figure.span.start, figure.span.end),
        )
    parts.append(figures)

    if report.events:
        events = Table(title=f"Events ({len(report.events)})", show_lines=True, expand=True)
        for column in ("code", "action", "source", "target", "evidence in context"):
            events.add_column(column, overflow="fold")
        for event in report.events:
            events.add_row(
                event.code,
                (event.label or "") + (" (negated)" if event.negated else ""),
                Text(f"{event.source_actor.name} [{event.source_actor.code or '-'}]"),
                Text(f"{event.target_actor.name} [{event.target_actor.code or '-'}]")
                if event.target_actor
                else "",
                _in_context(report.text, event.span.start, event.span.end),
            )
        parts.append(events)

    actors = Table(title="Actors", expand=True)
    for column in ("as written", "canonical", "code", "kind", "role", "mentions"):
        actors.add_column(column, overflow="fold")
    seen: dict[tuple[str, str | None], list[Any]] = {}
    for entity in report.entities:
        actor = entity.actor
        if actor is None or (actor.code is None and actor.kind is None):
            continue
        key = (actor.canonical or entity.text, actor.code)
        if key in seen:
            seen[key][-1] += 1
            continue
        seen[key] = [entity.text, actor.canonical or "", actor.code or "", actor.kind or "",
                     actor.role or "", 1]  # fmt: skip
    for row in seen.values():
        actors.add_row(*[Text(str(cell)) for cell in row])
    parts.append(actors)
    for warning in report.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    return Group(*parts)


def print_report(report: Report, console: Console) -> None:
    console.print(terminal_view(report))


Item = Quote | Figure | Event
# How each kind of item is highlighted in an article, and the one asked for.
ITEM_STYLES = {"quote": "yellow", "figure": "bold green", "event": "cyan"}
CHOSEN_STYLE = "bold black on bright_yellow"


def find_item(report: Report, item_id: str) -> Item | None:
    """The quote, figure or event of ``report`` with this id."""
    items: list[Item] = [*report.quotes, *report.figures, *report.events]
    return next((item for item in items if item.id == item_id), None)


def item_span(item: Item) -> Span:
    """Where an item stands in the text: a quote's content, a figure's or event's span."""
    return item.content if isinstance(item, Quote) else item.span


def article_view(report: Report, item_id: str | None = None) -> Group:
    """The article's text with every item highlighted (quotes, figures, events); the
    item ``item_id``, if given, stands out, and its fields follow, as written and as
    resolved."""
    details = (("publisher", report.publisher), ("date", report.date), ("id", report.id),
               ("url", report.url))  # fmt: skip
    header = _header(report, details)
    chosen = find_item(report, item_id) if item_id else None
    body = Text(report.text)
    for kind, items in (("event", report.events), ("quote", report.quotes),
                        ("figure", report.figures)):  # fmt: skip
        for item in items:
            span = item_span(item)
            body.stylize(ITEM_STYLES[kind], span.start, span.end)
    parts: list[Any] = [Panel(header, title="newsclaims show", expand=True)]
    if chosen is not None:
        span = item_span(chosen)
        body.stylize(CHOSEN_STYLE, span.start, span.end)
        parts.append(_item_fields(chosen))
    legend = Text("quotes ", style=ITEM_STYLES["quote"])
    legend.append("figures ", style=ITEM_STYLES["figure"])
    legend.append("events", style=ITEM_STYLES["event"])
    parts += [legend, body]
    return Group(*parts)


def _item_fields(item: Item) -> Table:
    """An item's fields: what the text says and what it was resolved to."""
    table = Table(title=f"item {item.id}", show_header=False, expand=False)
    table.add_column("field", style="cyan", no_wrap=True)
    table.add_column("value", overflow="fold")
    fields = item.model_dump(mode="json", exclude={"id", "sentence"}, exclude_none=True)
    for name, value in fields.items():
        if isinstance(value, dict):
            value = value.get("name") or value.get("text") or json.dumps(value)
        table.add_row(name, Text(str(value)))  # the text's brackets are no markup
    return table
