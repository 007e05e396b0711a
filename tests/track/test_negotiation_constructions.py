"""Negotiation moves (issue 9, round 2): constructions that tell no move whatever the
event's code (a stance, attending talks, an appeal for an appeal, a standing refusal of
talks, a denied permission, an opening "with" phrase, a lead-up release, aid let in with
no deal), and parties agreeing together told across a split sentence or by "they".
Invented sentences."""

from __future__ import annotations

import json
from typing import Any

import pytest
from report_builders import actor, event, quote, report, span_of

from newsclaims.cli import main
from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter

ISRAEL = actor("Israel", code="ISR", kind="country", canonical="ISR")
HAMAS = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
JORDAN = actor("Jordan", code="JOR", kind="country", canonical="JOR")


def _shown(db_url: str, capsys: pytest.CaptureFixture[str], *reports: Any) -> list[str]:
    engine = open_store(db_url)
    ReportWriter(engine).write(list(reports))
    engine.dispose()
    assert main(["negotiation", "--unaddressed", "--format", "json", "--db", db_url]) == 0
    per_actor = json.loads(capsys.readouterr().out)
    return sorted(
        f"{m['actor']}: {m['move']} ({m['counterpart']})"
        for moves in per_actor.values()
        for m in moves
    )


def _told(
    article_id: str,
    text: str,
    evidence: str,
    code: str,
    source: Any,
    sentence: str | None = None,
) -> Any:
    return report(article_id, text, date="2024-02-01", headline="War in Gaza", events=[
        event(text, evidence, code, source, sentence=span_of(text, sentence or text))])  # fmt: skip


def test_stances_trips_appeals_for_appeals_and_refused_talks_are_no_moves(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    envoy = actor("the Palestinian envoy", code="PSEGOV", kind="person")
    found = _shown(
        db_url, capsys,
        _told("a", "Hamas was willing to be flexible on parts of a Gaza truce deal, it said.",
              "was willing", "030", HAMAS),
        _told("b", "Israel said it would send a delegation to Doha for more truce talks on Gaza.",
              "would send a delegation", "036", ISRAEL),
        _told("c", "The Palestinian envoy urged UN officials to call for a ceasefire in Gaza.",
              "urged UN officials to call for a ceasefire", "020", envoy),
        _told("d", "Israel's leader has ruled out peace talks with the Palestinians.",
              "has ruled out peace talks", "120", ISRAEL),
        _told("e", "Israel has flatly refused to negotiate with Hamas over the captives.",
              "has flatly refused to negotiate with Hamas", "125", ISRAEL),
        _told("f", "Israel refused to allow it to airdrop aid over Gaza.",
              "refused to allow it", "124", ISRAEL),
        _told("g", "With Israel unwilling to sign a truce deal at any price, Gaza waits.",
              "unwilling to sign a truce deal", "120", ISRAEL),
        _told("h", "In the days before the truce deal, Hamas had released two captives.",
              "had released two captives", "0841", HAMAS),
        _told("i", "Israel has allowed a few aid trucks into Gaza through Rafah.",
              "has allowed a few aid trucks", "0863", ISRAEL),
        # The same verbs with a move put, or a deal named, stay moves.
        _told("j", "Israel rejected the Hamas proposal for a truce in Gaza.",
              "rejected the Hamas proposal", "125", ISRAEL),
        _told("k", "Under the truce deal, Israel allowed aid trucks into Gaza.",
              "allowed aid trucks", "0863", ISRAEL),
        _told("l", "Hamas proposed a six-week truce in Gaza on Monday.",
              "proposed a six-week truce", "036", HAMAS),
    )  # fmt: skip
    assert found == [
        "Hamas: proposal (None)",
        "Israel: implementation (None)",
        "Israel: rejection (None)",
    ]


def test_parties_agreeing_together_across_a_split_or_by_they_and_others_agreements(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    split = "Gaza today\n\nIsrael and Hamas have agreed to a ceasefire in Gaza."
    they = "Hamas and Israel said they are ready to fight again after they agreed to a truce."
    found = _shown(
        db_url, capsys,
        _told("a", split, "have agreed to a ceasefire", "030", HAMAS,
              sentence="and Hamas have agreed to a ceasefire in Gaza."),
        _told("b", they, "agreed to a truce", "030", ISRAEL),
        _told("c", "Israel and Jordan reached an agreement on water, near Gaza.",
              "reached an agreement", "057", ISRAEL),
        _told("d", "Israel reached an agreement under which satellite phones work in Gaza.",
              "reached an agreement", "057", ISRAEL),
        _told("e", "Israel reached an agreement to let aid trucks into Gaza.",
              "reached an agreement", "057", ISRAEL),
    )  # fmt: skip
    assert found == [
        "Hamas: agreement (Israel)",
        "Israel: agreement (Hamas)",
        "Israel: agreement (None)",
    ]


def test_unowned_ideas_the_pa_on_gaza_and_a_speakers_own_resolve_are_no_moves(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    abbas = actor("Mahmoud Abbas", code="PSEGOV", kind="person", canonical="Mahmoud Abbas")
    leader = actor("Ismail Haniyeh", code="PSEREB", kind="person", canonical="Ismail Haniyeh")
    resolve = (
        "Haniyeh said any flexibility in the Gaza talks must be matched by his group's resolve."
    )
    asked = "Haniyeh said Israel must end its assault on Gaza before any truce."
    found = _shown(
        db_url, capsys,
        _told("a", "Israel has rejected the idea of foreign peacekeepers brokering a deal in Gaza.",
              "has rejected the idea", "120", ISRAEL),
        _told("b", "Abbas called for a ceasefire in the Gaza Strip on Sunday.",
              "called for a ceasefire", "0256", abbas),
        report("c", resolve, date="2024-02-01", headline="War in Gaza",
               quotes=[quote(resolve, resolve[len("Haniyeh said "):-1], leader, kind="indirect")]),
        # An idea or prospect someone put is refused; a side's call and
        # a demand of the other side are moves.
        _told("d", "Israel rejected the prospect of Hamas ruling Gaza after a truce, a suggestion from Qatar.",
              "rejected the prospect", "120", ISRAEL),
        _told("e", "Israel rejected the idea of foreign peacekeepers floated by Egypt in the Gaza truce talks.",
              "rejected the idea", "120", ISRAEL),
        _told("f", "Hamas called for a ceasefire in the Gaza Strip on Sunday.",
              "called for a ceasefire", "0256", HAMAS),
        report("g", asked, date="2024-02-01", headline="War in Gaza",
               quotes=[quote(asked, asked[len("Haniyeh said "):-1], leader, kind="indirect")]),
    )  # fmt: skip
    assert found == [
        "Hamas: demand (None)",
        "Ismail Haniyeh: demand (Israel)",
        "Israel: rejection (None)",
        "Israel: rejection (None)",
    ]
