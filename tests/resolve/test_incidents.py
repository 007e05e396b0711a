"""One armed group's attack, one family, one site's intake: an incident's count, not a
running toll."""

from __future__ import annotations

import pytest

from newsclaims.model import Figure, Report, Span
from newsclaims.resolve.stage import resolve_report


def resolved_scope(sentence: str, number: str) -> str | None:
    start = sentence.index(number)
    figure = Figure(
        id="f1",
        span=Span(start=start, end=start + len(number), text=number),
        value=1.0,
        what="people",
        status="killed",
        sentence=Span(start=0, end=len(sentence), text=sentence),
    )
    report = Report(id="r", text=sentence, date="2024-02-01", figures=[figure])
    return resolve_report(report).figures[0].scope


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Nearly 900 people were killed in the Hezbollah incursion, officials say.", "900"),
        ("Islamic Jihad stormed the town, killing at least 60 residents.", "60"),
        ("The 300 soldiers slain during Hamas's surprise assault were buried.", "300"),
        ("A rally marked the war, which began after Hamas fighters attacked the south, "
         "killing 700 people.", "700"),
        # One family's dead; the dead one site received.
        ("Rescuers said 14 members of a single family died when the block collapsed.", "14"),
        ("Relatives said nine people from the same extended family were killed.", "nine"),
        ("On Monday the bodies of 52 people were carried to the Nasser hospital.", "52"),
        ("Some 40 bodies were received at the city morgue, staff said.", "40"),
        # The dead of a counted set of attacks: their sum.
        ("Four other attacks by gunmen since early March killed 14 people.", "14"),
        ("Two air strikes on the camp overnight killed 31 people, medics said.", "31"),
        # The dead a group's own work handled.
        ("Since the raid, its volunteers have gathered and handled the bodies of more than "
         "600 people.", "600"),
        ("Teams buried the remains of 75 people in a mass grave, the charity said.", "75"),
    ],
)  # fmt: skip
def test_one_attacks_families_or_sites_dead_are_an_incidents_count(
    sentence: str, number: str
) -> None:
    assert resolved_scope(sentence, number) == "incident"


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # Counted on from the attack, or a campaign, or a series of attacks.
        ("Since the Hezbollah incursion, 4,000 people have been killed.", "4,000"),
        ("The army's offensive has killed 9,000 people, officials say.", "9,000"),
        ("Hamas rocket attacks killed 15 people last year.", "15"),
        ("Hamas attacked the border, and Israel's strikes have killed 8,000 people.", "8,000"),
        # Families and hospitals named in a toll do not make it one incident's.
        ("Over 20,000 people have been killed, many of them from the same families.", "20,000"),
        ("More than 300 wounded people were taken to the hospital, medics said.", "300"),
        ("Rescuers keep pulling bodies from the rubble as the toll of 9,000 rises.", "9,000"),
        ("Over the past two weeks, strikes have killed 9,000 people.", "9,000"),
        # An attack in an earlier clause does not make another's count its dead.
        ("After the Hezbollah raid, the army's campaign killed 5,000 people in the north, "
         "officials said.", "5,000"),
        ("Since Hamas stormed the town, air strikes killed 7,000 residents.", "7,000"),
        # Bodies, families or sites in a count that runs on.
        ("The agency said it has identified the bodies of 8,000 people since the war began.",
         "8,000"),
        ("Two air strikes a day have killed 3,000 people since January.", "3,000"),
    ],
)  # fmt: skip
def test_running_tolls_and_series_of_attacks_stay_tolls(sentence: str, number: str) -> None:
    assert resolved_scope(sentence, number) != "incident"


def resolved_place_scope(
    sentence: str, number: str, where: str, value: float | None = None
) -> tuple[str | None, str | None]:
    qualifier = "at_least" if number.startswith("at least") else "exact"
    start = sentence.index(number)
    digits = number.replace(",", "")
    figure = Figure(
        id="f1",
        span=Span(start=start, end=start + len(number), text=number),
        value=value if value is not None else float(digits) if digits.isdigit() else 1.0,
        qualifier=qualifier,
        what="people",
        status="killed",
        where=where,
        sentence=Span(start=0, end=len(sentence), text=sentence),
    )
    got = resolve_report(Report(id="r", text=sentence, date="2024-02-01", figures=[figure]))
    return got.figures[0].place, got.figures[0].scope


@pytest.mark.parametrize(
    ("sentence", "number", "where", "expected"),
    [
        # A count in a town, a camp or a part of a territory is one raid's or one day's ...
        ("Four people were killed in Tubas, the ministry said.", "Four", "Tubas",
         ("Tubas", "incident")),
        ("At least 30 people have been killed in northern Gaza, medics said.", "30",
         "northern Gaza", ("northern Gaza", "incident")),
        # ... also over the last few days ("since Tuesday"), and with a comparison whose
        # "since" and "toll" start no count ...
        ("Six people have been killed in Tubas alone since Tuesday, the ministry said.", "Six",
         "Tubas", ("Tubas", "incident")),
        ("At least 9 people have been killed in Tubas since early on Monday, when troops "
         "stormed it.", "9", "Tubas", ("Tubas", "incident")),
        ("The incursion into Tubas killed nine people, the highest toll in a single army "
         "operation since 2005.", "nine", "Tubas", ("Tubas", "incident")),
        # ... unless it runs on; a territory's or a country's count is a toll.
        ("In Tubas, 19 people have been killed since the raids began.", "19", "Tubas",
         ("Tubas", None)),
        ("In Tubas, 19 people have been killed since 2021.", "19", "Tubas", ("Tubas", None)),
        # A superlative in another phrase ("the worst-hit town,", "most residents have
        # fled") compares nothing: the count's "since" still runs on.
        ("In Tubas, the worst-hit town, 19 people have been killed since the raids began.",
         "19", "Tubas", ("Tubas", None)),
        ("In Tubas, most residents have fled and 19 people have been killed since the raids "
         "began.", "19", "Tubas", ("Tubas", None)),
        ("In Tubas, the busiest market town in the north, 19 people have been killed since "
         "the raids began.", "19", "Tubas", ("Tubas", None)),
        ("At least 30 people have been killed in Gaza, medics said.", "30", "Gaza",
         ("Gaza", None)),
    ],
)  # fmt: skip
def test_a_count_in_a_town_is_local_unless_it_runs_on(
    sentence: str, number: str, where: str, expected: tuple[str | None, str | None]
) -> None:
    assert resolved_place_scope(sentence, number, where) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "value", "where", "expected"),
    [
        # A small count in a whole territory or country, with nothing running on: one
        # raid's or one day's.
        ("Troops have killed two people in the occupied West Bank, the ministry said.", "two",
         2, "the occupied West Bank", ("West Bank", "incident")),
        ("Air strikes on Lebanon kill 7", "7", 7, "Lebanon", ("Lebanon", "incident")),
        # A small count that runs on, or over a stretch of time, stays a toll.
        ("Troops have killed 12 people in the West Bank since Monday.", "12", 12, "West Bank",
         ("West Bank", None)),
        ("Eleven people have been killed in Israel in a little more than a week.", "Eleven",
         11, "Israel", ("Israel", None)),
        ("Twelve people were killed in Israel during the same period.", "Twelve", 12, "Israel",
         ("Israel", None)),
        # A count told as "at least" is still rising.
        ("In the West Bank, troops have killed at least 13 people.", "at least 13", 13,
         "West Bank", ("West Bank", None)),
    ],
)  # fmt: skip
def test_a_small_count_in_a_territory_is_local_unless_it_runs_on(
    sentence: str, number: str, value: float, where: str, expected: tuple[str | None, str | None]
) -> None:
    assert resolved_place_scope(sentence, number, where, value) == expected
