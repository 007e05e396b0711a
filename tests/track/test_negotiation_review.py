"""Negotiation moves: cases a review found wrongly dropped or kept. Invented sentences."""

from __future__ import annotations

import pytest
from negotiation_cases import HAMAS, ISRAEL, moves_made, told
from report_builders import actor, quote, report

from newsclaims.track.constructions import outside_the_talks

EGYPT = actor("Egypt", code="EGY", kind="country", canonical="EGY")


def test_a_move_verbs_that_clause_is_no_described_appeal(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = moves_made(
        db_url, capsys,
        told("a", "Hamas agreed that they would release 50 hostages under the truce deal.",
              "agreed that they would release 50 hostages", "057", HAMAS),
        told("d", "Hamas named Israel and demanded that it withdraw its troops under a truce.",
              "demanded that it withdraw its troops", "02", HAMAS),
    )  # fmt: skip
    assert found == {"Hamas": ["agreement", "demand"]}


def test_a_title_case_headline_with_a_semicolon_is_no_signed_column(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = moves_made(
        db_url, capsys,
        told("t", "Hamas rejected the truce proposal of Israel.", "rejected the truce proposal",
              "125", HAMAS, headline="Truce Talks Stall in Cairo; Families Despair"),
        told("c", "Israel rejected the truce proposal of Hamas.", "rejected the truce proposal",
              "125", ISRAEL, headline="Why the fighting must go on; Jane Writer"),
    )  # fmt: skip
    assert found == {"Hamas": ["rejection"]}


def test_only_the_actor_named_after_a_former_title_is_a_former_officeholder(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Former president John Doe said Israel rejected the truce deal with Hamas."
    found = moves_made(
        db_url, capsys,
        told("t", text, "rejected the truce deal", "120", ISRAEL),
    )  # fmt: skip
    assert found == {"Israel": ["rejection"]}


def test_a_fronted_phrases_terms_clause_ends_at_its_comma(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "In truce talks in which Qatar mediates, Hamas rejected the proposal of Israel."
    found = moves_made(
        db_url, capsys,
        told("t", text, "rejected the proposal", "125", HAMAS),
    )  # fmt: skip
    assert found == {"Hamas": ["rejection"]}


def test_a_speakers_resolve_in_another_clause_leaves_the_demand(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    leader = actor("John Doe", code="PSEREB", kind="person", canonical="John Doe")
    asked = "Doe said Israel must stop its raids on Gaza, and I think we should push for a truce."
    content = asked[len("Doe said ") : -1]
    found = moves_made(
        db_url, capsys,
        report("q", asked, date="2024-02-01", headline="War in Gaza",
               quotes=[quote(asked, content, leader, kind="indirect")]),
    )  # fmt: skip
    assert found == {"John Doe": ["demand"]}


def test_only_the_palestinian_authoritys_full_names_sit_outside_the_talks() -> None:
    text = "{} called for a truce in Gaza."
    assert outside_the_talks("demand", "Mahmoud Abbas", None, text.format("Mahmoud Abbas"))
    assert outside_the_talks("demand", "Riyad Mansour", None, text.format("Riyad Mansour"))
    assert not outside_the_talks("demand", "Abbas Kamel", None, text.format("Abbas Kamel"))
    assert not outside_the_talks("demand", "Mansour Abbas", None, text.format("Mansour Abbas"))


def test_an_appeal_taken_up_by_something_and_an_acceptance_are_read_right(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    taken_up = "Belgium is calling for a ceasefire in Gaza, something Israel has rejected."
    accepted = "Hamas rejected Israel's truce proposal but accepted calls from Belgium for talks."
    found = moves_made(
        db_url, capsys,
        told("b", taken_up, "has rejected", "120", ISRAEL),
        told("a", accepted, "rejected Israel's truce proposal but accepted calls", "125", HAMAS),
    )  # fmt: skip
    assert found == {"Hamas": ["rejection"]}
