"""The span invariant: every item's ``text`` is ``report.text[start:end]``, for every kind
of item and every sub-span (quote content, speaker, cue, figure span and source, event
span and actors, entities), over generated and mutated news-like text.

A resolved name ("Blinken" for "He") lives in ``canonical``, never in ``text``.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from newsclaims.ingest.readers import record_article, text_article
from newsclaims.model import Report
from newsclaims.pipeline import analyze_article


def spans(value: Any, path: str = "report") -> Iterator[tuple[str, Any]]:
    """Every model in ``value`` that has ``text``, ``start`` and ``end``, with its path."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if {"text", "start", "end"} <= fields.keys() and path != "report":
            yield path, value
        for name in fields:
            if name != "text" or path == "report":
                yield from spans(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from spans(item, f"{path}[{index}]")


def broken_spans(report: Report) -> list[str]:
    problems = []
    for path, span in spans(report):
        if span.start is None or span.end is None:
            continue  # an actor not written in this text (known only by name)
        at = report.text[span.start : span.end]
        if at != span.text:
            problems.append(f"{path}: text {span.text!r} but offsets cover {at!r}")
    return problems


SPEAKERS = ["Antony Blinken", "The health ministry", "A police spokesman", "Hamas", "Mr Silva"]
PRONOUNS = ["He", "She", "They", "It"]
CUES = ["said", "told reporters", "added", "warned", "claimed"]
FIGURES = [
    "at least 40 people were killed",
    "about 1,200 people were wounded",
    "12 soldiers died",
    "more than 300 hostages are still held",
    "nine sailors drowned",
]
EVENTS = [
    "Israel struck targets in Gaza on Monday.",
    "Qatar and Egypt mediated talks between Israel and Hamas.",
    "Russia accused Ukraine of shelling the plant.",
    "The United States imposed sanctions on Iran.",
]
OPEN_CLOSE = [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019")]


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """A short report: headline, dateline, quotes with named and pronoun speakers,
    figures, events; then a few mutations (line ends, spacing, odd characters)."""
    parts = [draw(st.sampled_from(["Talks stall", "Toll rises", "[Updated] Strike hits port"]))]
    parts.append(
        "\n\n" + draw(st.sampled_from(["GAZA CITY (AFP) - ", "DOHA, Nov 8 (Reuters) - ", ""]))
    )
    for _ in range(draw(st.integers(2, 5))):
        speaker = draw(st.sampled_from(SPEAKERS))
        cue = draw(st.sampled_from(CUES))
        opening, closing = draw(st.sampled_from(OPEN_CLOSE))
        figure = draw(st.sampled_from(FIGURES))
        shape = draw(st.integers(0, 3))
        if shape == 0:
            parts.append(f"{speaker} {cue} {figure}. ")
        elif shape == 1:
            pronoun = draw(st.sampled_from(PRONOUNS))
            parts.append(
                f"{speaker} {cue} talks would go on.\n{pronoun} added: "
                f"{opening}{figure.capitalize()} in the strikes.{closing} "
            )
        elif shape == 2:
            parts.append(f"{opening}{figure.capitalize()},{closing} {speaker} {cue}. ")
        else:
            parts.append(draw(st.sampled_from(EVENTS)) + " ")
        if draw(st.booleans()):
            parts.append("\n\n")
    text = "".join(parts)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        insert = draw(
            st.sampled_from(["\r\n", "  ", "\u00a0", "\u2028", "é", "\U0001f600", '"', "\t"])
        )
        text = text[:at] + insert + text[at:]
    return text


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=news_text())
def test_every_span_is_the_text_at_its_offsets(nlp, text):
    report = analyze_article(text_article(text))
    assert report.text == text
    assert broken_spans(report) == []


def test_a_pronoun_source_is_the_named_mention_it_stands_for(nlp):
    text = (
        "Antony Blinken said the talks would go on.\n"
        "He added: \u201cAt least 40 people were killed in the strikes.\u201d"
    )
    report = analyze_article(text_article(text))
    assert broken_spans(report) == []
    sources = [figure.source for figure in report.figures if figure.source is not None]
    assert sources, report.figures
    assert all(text[s.start : s.end] == s.text for s in sources if s.start is not None)
    # "He" stands for Antony Blinken: the source is that name, at the offsets it is
    # written at, so its text is the text there and the scorer's "as written" holds.
    assert any(
        s.text == "Antony Blinken" and s.start == 0 and s.canonical == "Antony Blinken"
        for s in sources
    )


def test_a_long_text_is_parsed_in_pieces_with_every_offset_kept(nlp, monkeypatch):
    monkeypatch.setattr("newsclaims.nlp.MAX_PIECE_CHARS", 3_000)  # small, so the test is quick
    paragraph = (
        "Antony Blinken said talks would resume. \u201cAt least 40 people were killed,\u201d "
        "the health ministry said.\n\n"
    )
    text = paragraph * (3_000 // len(paragraph) * 3 + 2)
    report = analyze_article(text_article(text))
    assert report.text == text and broken_spans(report) == []
    assert max(quote.content.end for quote in report.quotes) > 2 * 3_000  # in a third piece
    assert len(report.figures) == text.count("At least 40")


@pytest.mark.shared
def test_spans_hold_on_real_reports(shared_dir):
    corpus = shared_dir / "corpora" / "aljazeera-2017-2024.jsonl.gz"
    if not corpus.exists():
        pytest.skip(f"needs {corpus}")
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, 20)]
    problems = []
    for number, record in enumerate(records, start=1):
        report = analyze_article(record_article(record, f"{corpus}:{number}"))
        problems += [f"{report.id}: {problem}" for problem in broken_spans(report)]
    assert problems == []
