"""Reports built by hand for the store and track tests: items located by their text."""

from __future__ import annotations

from typing import Any

from newsclaims.model import ActorRef, Cue, Event, Figure, Quote, Report, Span
from newsclaims.resolve.stage import resolve_report


def span_of(text: str, surface: str, after: int = 0) -> Span:
    start = text.index(surface, after)
    return Span(start=start, end=start + len(surface), text=surface)


def actor(text: str, code: str | None = None, kind: str | None = None, **more: Any) -> ActorRef:
    return ActorRef(text=text, code=code, kind=kind, **more)  # type: ignore[arg-type]


def figure(text: str, surface: str, value: float | None, **fields: Any) -> Figure:
    source = fields.pop("source", None)
    return Figure(
        id=f"f{text.index(surface)}",
        span=span_of(text, surface),
        value=value,
        source=actor(source, kind="organization") if isinstance(source, str) else source,
        **fields,
    )


def quote(text: str, content: str, speaker: ActorRef, cue: str = "said", **fields: Any) -> Quote:
    cue_span = span_of(text, cue)
    return Quote(
        id=f"q{text.index(content)}",
        kind=fields.pop("kind", "indirect"),
        content=span_of(text, content),
        speaker=speaker,
        cue=Cue(text=cue, start=cue_span.start, end=cue_span.end, lemma=fields.pop("lemma", cue)),
        **fields,
    )


def event(
    text: str,
    evidence: str,
    code: str,
    source: ActorRef,
    target: ActorRef | None = None,
    **more: Any,
) -> Event:
    return Event(
        id=f"e{text.index(evidence)}",
        span=span_of(text, evidence),
        code=code,
        source_actor=source,
        target_actor=target,
        **more,
    )


def report(article_id: str, text: str, date: str | None = "2023-11-08", **fields: Any) -> Report:
    """A report as the pipeline hands it to the store: extracted items, then resolved."""
    fields.setdefault("publisher", "Test Wire")
    return resolve_report(Report(id=article_id, text=text, date=date, **fields))
