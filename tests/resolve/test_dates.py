"""Claim dates: the day a sentence states, read against the report's date."""

from __future__ import annotations

from datetime import date

import pytest

from newsclaims.resolve.dates import claim_date, parse_day

REPORT = date(2024, 1, 3)  # a Wednesday


@pytest.mark.parametrize(
    ("when", "day"),
    [
        (None, REPORT),
        ("on Wednesday", REPORT),
        ("on Sunday", date(2023, 12, 31)),
        ("yesterday", date(2024, 1, 2)),
        ("on December 28", date(2023, 12, 28)),
        ("2 January", date(2024, 1, 2)),
        ("Oct. 7, 2023", date(2023, 10, 7)),
        ("since October 7", REPORT),  # a cumulative count is as of the report
        ("in recent weeks", REPORT),
    ],
)
def test_stated_day(when: str | None, day: date) -> None:
    assert claim_date(when, REPORT) == day


def test_without_a_report_date_only_full_dates_count() -> None:
    assert claim_date("on Monday", None) is None
    assert claim_date("March 3, 2020", None) == date(2020, 3, 3)


def test_parse_day_takes_iso_dates_only() -> None:
    assert parse_day("2023-10-07T09:00:00") == date(2023, 10, 7)
    assert parse_day("7 October") is None
    assert parse_day("2023-02-30") is None


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("In the 2014 war, 2,251 Palestinians were killed.", True),
        ("In 2014, 2,251 Palestinians were killed.", True),
        ("During the 2021 conflict, 260 people died.", True),
        ("At least 23,968 people have been killed in the war that began in October 2023.", False),
        ("Gaza, under blockade since 2007, lost 100 people this week.", False),
        ("The ministry said 10,328 people had been killed.", False),
        ("Officials counted 2,014 bodies.", False),  # a number, not a year
    ],
)
def test_background_is_a_sentence_dated_to_an_earlier_year(sentence: str, background: bool) -> None:
    from newsclaims.resolve.dates import is_background

    assert is_background(sentence, date(2024, 1, 15)) is background


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "Hamas launched an attack on southern Israel on October 7, killing 1,200 people.",
            date(2023, 10, 7),
        ),
        (
            "The 11-day offensive, which began on May 10, killed at least 254 people.",
            date(2023, 5, 10),
        ),
        ("The attack on October 7 began a war that has killed 13,000 Palestinians.", None),
        ("Since the attack on October 7, more than 13,000 people have been killed.", None),
        ("The death toll from the attack on October 7 stands at 1,200.", None),
        ("At least 40 people were killed on Sunday in strikes on the camp.", None),  # no day
        # An invasion or an operation is an attack; a comparison's "since" and "toll" are
        # no running count.
        (
            "An army invasion of the town on January 9 killed 11 people, the highest toll in a "
            "single operation since 2005.",
            date(2023, 1, 9),
        ),
        ("A military operation in the camp on November 2 killed nine people.", date(2023, 11, 2)),
        # A superlative in a phrase of its own compares nothing: the count's "since" runs on.
        (
            "In the camp, the worst-hit in the north, 40 people have been killed since the raid "
            "on November 2.",
            None,
        ),
        (
            "In the camp, most families have fled and 40 people have been killed since the "
            "incursion on November 2.",
            None,
        ),
        # An operation that rescues, moves or feeds people is no attack.
        (
            "A rescue operation on November 2 freed two hostages, and 130 remain in captivity, "
            "officials said.",
            None,
        ),
        (
            "The evacuation operation that began on November 2 has moved 40,000 people, while "
            "1.7 million remain displaced.",
            None,
        ),
        ("An aid operation on November 2 reached 12,000 families in the north.", None),
    ],
)
def test_a_count_told_of_an_earlier_attack_is_that_attacks(sentence: str, day: date | None) -> None:
    from newsclaims.resolve.dates import dated_incident

    assert dated_incident(sentence, date(2023, 11, 20)) == day


@pytest.mark.parametrize("extracted_scope", [None, "incident"])
def test_an_attack_count_is_dated_to_the_attack_whatever_extraction_said(extracted_scope):
    from newsclaims.model import Figure, Report, Span
    from newsclaims.resolve.stage import resolve_report

    text = "Fighters launched an attack on October 7, killing 1,200 people."
    start = text.index("1,200")
    count = Figure(id="f1", span=Span(start=start, end=start + 5, text="1,200"), value=1200,
                   what="people", status="killed", scope=extracted_scope,
                   sentence=Span(start=0, end=len(text), text=text))  # fmt: skip
    report = Report(id="r", text=text, date="2023-11-20", figures=[count])
    (resolved,) = resolve_report(report).figures
    assert (resolved.scope, resolved.claim_date) == ("incident", "2023-10-07")


@pytest.mark.parametrize(
    ("text", "when", "claim_day"),
    [
        ("More than 5,000 people have been killed, the ministry said on Monday.", None,
         "2024-01-08"),
        ("The ministry on Monday said that 5,000 people had been killed.", None, "2024-01-08"),
        ("The ministry said 5,000 people have been killed since Monday.", None, "2024-01-09"),
        # A part of the day is that day: "late Monday", "early on Monday", "Monday night".
        ("Over 5,000 people have been killed, the health authorities said late Monday.", None,
         "2024-01-08"),
        ("The ministry early on Monday said 5,000 people had been killed.", None,
         "2024-01-08"),
        ("The ministry on Monday evening reported that 5,000 people had been killed.", None,
         "2024-01-08"),
        # The count's own day wins over the statement's.
        ("The ministry said on Monday that 5,000 people were killed on Sunday.", "on Sunday",
         "2024-01-07"),
    ],
)  # fmt: skip
def test_a_day_on_the_reporting_verb_dates_the_count(text, when, claim_day):
    from newsclaims.model import ActorRef, Figure, Report, Span
    from newsclaims.resolve.stage import resolve_report

    start = text.index("5,000")
    count = Figure(id="f1", span=Span(start=start, end=start + 5, text="5,000"), value=5000,
                   what="people", status="killed", when=when,
                   source=ActorRef(text="the ministry", start=0, end=1),
                   sentence=Span(start=0, end=len(text), text=text))  # fmt: skip
    report = Report(id="r", text=text, date="2024-01-09", figures=[count])  # a Tuesday
    (resolved,) = resolve_report(report).figures
    assert resolved.claim_date == claim_day


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        # A superlative's "since" compares; it starts no running count.
        ("Last year was the deadliest for the region since 2006, with 171 people killed.", True),
        ("In 2021, troops killed 90 people, the highest toll since the survey began.", True),
        # A month with its year dates what the sentence tells, with no preposition too.
        ("March-April 2019 - a siege in which 300 people are killed.", True),
        # A month of "last" year: a past war's toll.
        ("Last June's five-day war, in which 80 people were killed, ended in a truce.", True),
        ("The war that started last June has killed 80 people.", False),
        ("The deadliest war since the 1948 Nakba has killed 20,000 people.", False),
        # "most of" counts a share; it compares nothing.
        ("Most of the 9,000 killed since October were men, a toll above that of 2014.", False),
        # "from" a place or a post starts no running count; "from" a time does.
        ("In 2012, he resigned from the council over a siege that killed 700 people.", True),
        ("In 2012, he fled from Homs during a siege that killed 700 people.", True),
        ("From the start of 2023 to now, the siege has killed 700 people.", False),
        # A past year as the subject: that year's figures.
        ("Monitors said 2019 was the bloodiest year in the valley since 2001: 95 killed.", True),
        ("Officials noted that 2020 saw at least 64 people killed in the province.", True),
        ("Officials said 2,019 people were killed in the province.", False),
        ("Officials said 2024 was already the deadliest year, with 64 people killed.", False),
    ],
)
def test_past_counts_told_by_comparison_or_month_are_background(sentence, background) -> None:
    from newsclaims.resolve.dates import is_background

    assert is_background(sentence, date(2024, 1, 15)) is background


def test_a_running_counts_attack_day_does_not_date_the_count() -> None:
    from newsclaims.model import Figure, Report, Span
    from newsclaims.resolve.stage import resolve_report

    text = "Clashes since the war began have killed 600 people in the north, mostly in the raid on March 3."
    start = text.index("600")
    count = Figure(id="f1", span=Span(start=start, end=start + 3, text="600"), value=600,
                   what="people", status="killed", when="on March 3",
                   sentence=Span(start=0, end=len(text), text=text))  # fmt: skip
    report = Report(id="r", text=text, date="2024-04-10", figures=[count])
    (resolved,) = resolve_report(report).figures
    assert resolved.claim_date == "2024-04-10"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 40 died overnight, bringing the toll since the start of the fighting on "
        "March 3 to 600.",
        "The number killed since the offensive was launched on March 3 has passed 600.",
    ],
)
def test_a_day_ending_a_since_phrase_starts_the_count_and_does_not_date_it(text: str) -> None:
    from newsclaims.model import Figure, Report, Span
    from newsclaims.resolve.stage import resolve_report

    start = text.index("600")
    count = Figure(id="f1", span=Span(start=start, end=start + 3, text="600"), value=600,
                   what="people", status="killed", when="on March 3",
                   sentence=Span(start=0, end=len(text), text=text))  # fmt: skip
    report = Report(id="r", text=text, date="2024-04-10", figures=[count])
    (resolved,) = resolve_report(report).figures
    assert resolved.claim_date == "2024-04-10"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # A sentence opening with its day dates the statement it reports ...
        ("On Thursday, the ministry had reported that the toll passed 30,000.", ["2024-02-29"]),
        # ... and a running count "since" a day, reported on a stated day, holds as of it.
        ("The toll stands at 17,997 while 49,229 have been wounded since October 7, the UN "
         "agency OCHA reported on Sunday.", ["2024-02-25", "2024-02-25"]),
        # ... but not a day on or before the count began: a page updated after its date.
        ("At least 51 people have been killed since February 24, the ministry said on "
         "Saturday.", ["2024-03-01"]),
        # An opening day dates no count another clause reports, nor one an earlier
        # statement gave ("a day after ... said").
        ("On Monday, the army said it had killed 20 militants, and the health ministry says "
         "30,000 people have been killed since October 7.", ["2024-03-01", "2024-03-01"]),
        ("On Monday, a day after the ministry said that 40 people had been killed, aid "
         "convoys entered the city.", ["2024-03-01"]),
        # A count since a weekday, reported on a later weekday, holds as of the report.
        ("The ministry said on Monday that 40 people had been killed since Thursday.",
         ["2024-02-26"]),
        # A count "by" or "as of" a day holds for that day.
        ("The ministry says at least 22,835 people had been killed by yesterday.",
         ["2024-02-29"]),
        ("At least 100 people had been killed as of Tuesday, the ministry said.", ["2024-02-27"]),
        # An opening day with no report in its clause dates no statement.
        ("On Tuesday, strikes killed 50 people in the city, the ministry said.", ["2024-02-27"]),
    ],
)  # fmt: skip
def test_the_day_a_count_holds_for_in_the_pipeline(text: str, days: list[str]) -> None:
    from newsclaims.api import analyze

    report = analyze(text, date="2024-03-01")  # a Friday
    assert [figure.claim_date for figure in report.figures] == days
