"""Events through the whole pipeline: the day they happened and whether they are history."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

import newsclaims
from newsclaims.store.connect import open_store
from newsclaims.store.schema import events
from newsclaims.store.writer import ReportWriter

REPORT_DAY = "2024-02-01"  # a Thursday


@pytest.mark.parametrize(
    ("text", "claim_date", "background"),
    [
        ("Israel rejected the truce proposal on Monday.", "2024-01-29", False),
        ("Egypt hosted talks with Hamas on January 20, an official said.", "2024-01-20", False),
        ("Qatar condemned the strike.", REPORT_DAY, False),
        (
            "Israel on Monday rejected a lawsuit over a report published in 2019.",
            "2024-01-29",
            False,
        ),
        ("In 2014, Israel launched a ground offensive into Gaza on July 17.", None, True),
        ("Egypt and Israel signed a peace treaty in 1979.", None, True),
        ("On July 17, 2014, Israel launched a ground offensive into Gaza.", "2014-07-17", True),
    ],
)
def test_event_day_and_background(text: str, claim_date: str | None, background: bool) -> None:
    report = newsclaims.analyze(text, date=REPORT_DAY)
    assert report.events, f"no event coded in {text!r}"
    event = report.events[0]
    assert (event.claim_date, event.background) == (claim_date, background)


def test_stored_events_keep_their_day_and_history_undated(tmp_path: Path) -> None:
    text = "Israel rejected the truce proposal on Monday. Egypt and Israel signed a peace treaty in 1979."
    report = newsclaims.analyze(text, date=REPORT_DAY)
    engine = open_store(f"sqlite:///{tmp_path / 'events.db'}")
    ReportWriter(engine).write([report])
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(events.c.span_text, events.c.date, events.c.background).order_by(
                events.c.span_start
            )
        ).all()
    engine.dispose()
    stored = [(str(day) if day else None, history) for _, day, history in rows]
    assert stored[0] == ("2024-01-29", False)
    assert stored[1:] and set(stored[1:]) == {(None, True)}  # the treaty, each side's act
