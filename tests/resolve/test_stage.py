"""The resolve stage's claim rules: whose a figure is, and how exact it is."""

from __future__ import annotations

import pytest

from newsclaims.model import ActorRef, Figure, Report, Span
from newsclaims.resolve.stage import resolve_report


def resolved(
    text: str, number: str, source: str | None = None, qualifier: str = "exact", where=None
):
    start = text.index(number)
    actor = None
    if source is not None:
        actor = ActorRef(
            text=source, start=text.index(source), end=text.index(source) + len(source)
        )
    figure = Figure(
        id="f1",
        span=Span(start=start, end=start + len(number), text=number),
        value=1.0,
        qualifier=qualifier,
        what="people",
        status="killed",
        source=actor,
        sentence=Span(start=0, end=len(text), text=text),
        where=where,
    )
    return resolve_report(Report(id="r", text=text, date="2024-01-02", figures=[figure])).figures[0]


@pytest.mark.parametrize(
    ("text", "source", "number"),
    [
        ("Netanyahu pledges to fight on as Gaza death toll passes 25,000", "Netanyahu", "25,000"),
        ("The army pressed its assault while the toll climbed to 9,000.", "The army", "9,000"),
    ],
)
def test_a_count_in_an_as_clause_after_its_source_is_the_reporters(
    text: str, source: str, number: str
) -> None:
    assert resolved(text, number, source).source is None


@pytest.mark.parametrize(
    ("text", "source", "number"),
    [
        ("Hamas says 40 killed as strikes hit the camp", "Hamas", "40"),
        ("The ministry said, as the strikes went on, that 300 had been killed.", "The ministry",
         "300"),
        ("The agency said as many as 70 people had been killed.", "The agency", "70"),
        ("The ministry put the figures as at least 610 killed.", "The ministry", "610"),
    ],
)  # fmt: skip
def test_a_count_the_source_states_keeps_its_source(text: str, source: str, number: str) -> None:
    assert resolved(text, number, source).source is not None


@pytest.mark.parametrize(
    ("text", "number", "qualifier"),
    [
        ("By Friday the toll had risen past the bleak mark of 12,000.", "12,000", "at_least"),
        ("The death toll climbed above 500 on Sunday.", "500", "at_least"),
        ("The death toll climbed to 500 on Sunday.", "500", "exact"),
        ("The death toll climbed over the past week to 500.", "500", "exact"),
    ],
)
def test_a_toll_rising_past_a_number_is_at_least_it(text: str, number: str, qualifier: str) -> None:
    assert resolved(text, number).qualifier == qualifier


def test_two_sides_officials_give_each_side_its_own_count() -> None:
    text = (
        "Some 900 Lebanese in Lebanon and 40 people in Israel have died in the clashes, "
        "according to Lebanese and Israeli officials."
    )
    source = "Lebanese and Israeli officials"
    lebanon = resolved(text, "900", source, where="Lebanon")
    israel = resolved(text, "40", source, where="Israel")
    assert lebanon.source_id == "lbn-government"
    assert israel.source_id == "isr-government"


@pytest.mark.parametrize(
    ("text", "source", "number", "expected"),
    [
        # A relative clause with its own speaker, ending at the count, is that speaker's.
        ("The envoy warned of escalation as the army shells the province, which officials "
         "there say has killed at least 900 people.", "The envoy", "900", "officials there"),
        ("The minister spoke as raids went on in the north, which medics said had killed "
         "40 people.", "The minister", "40", "medics"),
        # A relative clause without a speaker keeps the source.
        ("The ministry said the raids, which began on Monday, had killed 40 people.",
         "The ministry", "40", "The ministry"),
    ],
)  # fmt: skip
def test_a_relative_clauses_own_speaker_is_the_counts_source(
    text: str, source: str, number: str, expected: str
) -> None:
    got = resolved(text, number, source)
    assert got.source is not None and got.source.text == expected


@pytest.mark.parametrize(
    ("text", "source", "number"),
    [
        ("Lawmakers urged an arms halt, citing \u201cgrave breaches of the law\u201d as the "
         "bombing has killed 5,000 people.", "grave breaches of the law", "5,000"),
        ('Protesters decried "collective punishment" as the war killed 5,000 people.',
         "collective punishment", "5,000"),
    ],
)  # fmt: skip
def test_a_quoted_phrase_is_no_source(text: str, source: str, number: str) -> None:
    assert resolved(text, number, source).source_id is None


@pytest.mark.parametrize(
    ("text", "source", "number"),
    [
        # A "referring to" gloss after the speaker's words: the reporter's count.
        ("The minister said the raids must stop, referring to the offensive that has killed "
         "4,000 people in the valley.", "The minister", "4,000"),
        # A dash-set aside after the speaker's name: the reporter's count.
        ("Observers warned that the siege \u2013 more than 4,000 people killed so far \u2013 "
         "could amount to a crime.", "Observers", "4,000"),
        ("Observers warned that the siege - more than 4,000 people killed so far - could "
         "amount to a crime.", "Observers", "4,000"),
    ],
)  # fmt: skip
def test_a_reporters_aside_after_the_speaker_is_no_ones(text, source, number) -> None:
    assert resolved(text, number, source).source_id is None


def test_a_dash_pair_closed_before_the_count_keeps_the_speaker() -> None:
    text = "The ministry said \u2013 as it does every day \u2013 that 4,000 people were killed."
    assert resolved(text, "4,000", "The ministry").source_id is not None
    text = "The ministry said 30 people died overnight \u2013 bringing the toll to 4,000."
    assert resolved(text, "4,000", "The ministry").source_id is not None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The army struck Gaza as more than 2,500 people have been killed on both sides.", "2,500"),
        ("In Gaza the death toll on both sides has passed 2,500.", "2,500"),
    ],
)
def test_both_sides_dead_together_are_no_one_places(text: str, number: str) -> None:
    assert resolved(text, number, where="in Gaza").place is None


def test_a_toll_beside_fighting_on_both_sides_keeps_its_place() -> None:
    text = "In Gaza the toll rose to 2,500, as shelling on both sides went on."
    assert resolved(text, "2,500", where="In Gaza").place == "Gaza"


@pytest.mark.parametrize(
    ("text", "number", "quantity"),
    [
        ("The invasion has caused some 9,000 civilian deaths so far.", "9,000", "civilians"),
        ("Around 12 civilians in the north and at least 40 in the south have died.", "at least 40",
         "civilians"),
        ("Around 12 children in the north and at least 40 in the south have died.", "at least 40",
         "children"),
        ("Around 12 people in the north and at least 40 in the south have died.", "at least 40",
         "people"),
    ],
)  # fmt: skip
def test_a_civilian_or_elided_sub_count_is_not_people(
    text: str, number: str, quantity: str
) -> None:
    assert resolved(text, number).quantity == quantity


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("This contrasts with the toll of around 9,000 in Gaza, reported by the Gaza health "
         "ministry.", "9,000"),
        ("Nobody disputes the toll of 9,000 in Gaza, as reported by the Gaza health ministry, "
         "officials said.", "9,000"),
    ],
)  # fmt: skip
def test_a_count_reported_by_a_body_after_it_is_that_bodys(text: str, number: str) -> None:
    assert resolved(text, number, where="in Gaza").source_id == "pse-health-ministry"


def test_people_released_by_a_group_are_not_its_count() -> None:
    text = "The 12 captives killed, released by the militia on Sunday, were buried."
    assert resolved(text, "12").source is None


def test_figures_released_by_a_body_are_its_count_up_to_a_day() -> None:
    text = (
        "The war has killed 9,000 people, figures released by the Gaza health ministry on Monday."
    )
    assert resolved(text, "9,000").source_id == "pse-health-ministry"


def test_a_that_has_killed_clause_after_an_unknown_body_is_the_reporters() -> None:
    text = "Rights groups condemned the veto that prolonged a war that has killed 9,000 people."
    assert resolved(text, "9,000", "Rights groups").source_id is None


def test_a_that_has_killed_clause_with_speech_keeps_its_source() -> None:
    text = "Rights groups said the war, which has killed 9,000 people, they say, must end."
    assert resolved(text, "9,000", "Rights groups").source_id is not None
