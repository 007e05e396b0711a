"""Events through the whole pipeline: the day they happened and whether they are history."""

from __future__ import annotations

import pytest

import newsclaims

REPORT_DAY = "2024-02-01"  # a Thursday


@pytest.mark.parametrize(
    ("text", "claim_date", "background"),
    [
        ("Israel rejected the truce proposal on Monday.", "2024-01-29", False),
        ("Egypt hosted talks with Hamas on January 20, an official said.", "2024-01-20", False),
        ("Qatar condemned the strike.", REPORT_DAY, False),
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
