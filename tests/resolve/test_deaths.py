"""Deaths that are no killing: other causes and captives' deaths are ``died``."""

from __future__ import annotations

import pytest

from newsclaims.model import Figure, Report, Span
from newsclaims.resolve.stage import resolve_report


def resolved_status(sentence: str, number: str, status: str = "killed") -> str | None:
    start = sentence.index(number)
    figure = Figure(
        id="f1",
        span=Span(start=start, end=start + len(number), text=number),
        value=1.0,
        what="people",
        status=status,
        sentence=Span(start=0, end=len(sentence), text=sentence),
    )
    report = Report(id="r", text=sentence, date="2024-03-01", figures=[figure])
    return resolve_report(report).figures[0].status


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Fifteen children have died from dehydration in the north, doctors said.", "Fifteen"),
        ("At least 27 people have died of hunger and disease in the camps.", "27"),
        ("The agency recorded 12 deaths from hypothermia among the displaced.", "12"),
        ("Of the 250 people taken, 110 were freed and 18 died in captivity.", "18"),
        ("The army believes 101 captives remain, 34 of them presumed dead.", "34"),
        ("Officials counted nine starvation-related deaths this week.", "nine"),
    ],
)
def test_deaths_from_another_cause_than_violence_are_not_killed(sentence: str, number: str) -> None:
    assert resolved_status(sentence, number) == "died"


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("At least 40 people died in air strikes overnight, medics said.", "40"),
        ("More than 28,000 people have been killed, and 20 died of malnutrition.", "28,000"),
        ("Shelling killed 12 people who had fled the cold in a school.", "12"),
        # Another clause's cause or captives are not the count's.
        ("Some 9,000 people have been killed in the city, where captives are presumed "
         "dead.", "9,000"),
        ("About 6,000 were killed in the region; more deaths from hunger are feared.", "6,000"),
    ],
)  # fmt: skip
def test_killings_stay_killed(sentence: str, number: str) -> None:
    assert resolved_status(sentence, number) == "killed"


def test_other_states_are_left_alone() -> None:
    assert resolved_status("Some 30 people were wounded by cold weapons.", "30", "wounded") == (
        "wounded"
    )
