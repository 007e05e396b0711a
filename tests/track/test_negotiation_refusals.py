"""Negotiation moves (issue 9): refusals of third parties' calls and stances are no
moves; history told by former officeholders or by reference back; columns signed in
their headline; accounts, approvals of talks, procedures and described appeals; an
actor named by its description before its name. Invented sentences."""

from __future__ import annotations

import pytest
from negotiation_cases import HAMAS, ISRAEL, moves_made, told
from report_builders import actor, quote, report


def test_refusing_third_parties_calls_or_what_no_one_put_is_no_move(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    official = actor("an Israeli official", code="ISRGOV", kind="person")
    dictates = "Israel rejects outright foreign dictates on any truce with Hamas"
    quoted = f"An Israeli official said {dictates}."
    unaccepted = "An Israeli official said Israel will not accept calls for a truce with Hamas."
    found = moves_made(
        db_url, capsys,
        told("a", "Israel again rejected mounting calls for a truce in Gaza.",
              "rejected mounting calls", "120", ISRAEL),
        told("b", "Israel dismissed international appeals for a pause in the fighting in Gaza.",
              "dismissed international appeals", "120", ISRAEL),
        told("c", "Norway urged a ceasefire in Gaza, something Israel has flatly rejected.",
              "something Israel has flatly rejected", "120", ISRAEL),
        told("d", "Israel opposes a truce in Gaza, its officials say.", "opposes a truce",
              "120", ISRAEL),
        report("q", quoted, date="2024-02-01", headline="War in Gaza",
               quotes=[quote(quoted, dictates, official)]),
        report("n", unaccepted, date="2024-02-01", headline="War in Gaza",
               quotes=[quote(unaccepted, "Israel will not accept calls for a truce with Hamas",
                             official)]),
        # A side's or a mediator's move refused is a move.
        told("e", "Israel rejected Hamas's calls for a permanent truce in Gaza.",
              "rejected Hamas's calls", "120", ISRAEL),
        told("f", "Israel dismissed calls from Qatar for a longer truce in Gaza.",
              "dismissed calls", "120", ISRAEL),
        told("g", "Israel opposes the truce plan of Hamas.", "opposes the truce plan", "120",
              ISRAEL),
    )  # fmt: skip
    assert found == {"Israel": ["rejection", "rejection", "rejection"]}


def test_former_officeholders_and_refusals_of_history_are_nomoves_made(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    doe = actor("John Doe", code="ISRGOV", kind="person", canonical="John Doe")
    former = "Former Israeli leader John Doe said that, as premier, he rejected a truce deal."
    serving = "Prime Minister John Doe rejected the truce deal with Hamas."
    recalled = (
        "Over the years, Hamas offered long truces to Israel. "
        "Israel rejected those proposals, saying the group could not be trusted."
    )
    found = moves_made(
        db_url, capsys,
        told("f", former, "rejected a truce deal", "120", doe),
        told("s", serving, "rejected the truce deal", "120", doe),
        told("r", recalled, "rejected those proposals", "120", ISRAEL,
              sentence="Israel rejected those proposals, saying the group could not be trusted.",
              headline="Hamas truce offers"),
        told("n", "Israel rejected those proposals from Hamas on Tuesday.",
              "rejected those proposals",
              "120", ISRAEL, headline="Hamas truce offers"),
    )  # fmt: skip
    assert found == {"John Doe": ["rejection"], "Israel": ["rejection"]}


def test_signed_columns_accounts_procedures_and_described_appeals_are_nomoves_made(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    egypt = actor("Egypt", code="EGY", kind="country", canonical="EGY")
    envoy = actor("the Palestinian envoy", code="PSEGOV", kind="person")
    described = "To do the things that they are asking for, a truce in Gaza is needed."
    found = moves_made(
        db_url, capsys,
        told("c", "Hamas rejected the truce proposal of Israel.", "rejected the truce proposal",
              "125", HAMAS, headline="Why the fighting must go on; Jane Writer"),
        told("a", "Egypt offered its own account of the truce deal between Israel and Hamas.",
              "offered its own account", "030", egypt),
        told("p", "Israel is calling for an urgent meeting on the truce deal with Hamas.",
              "is calling for an urgent meeting", "020", ISRAEL),
        told("d", described, "things that they are asking", "020", envoy),
        # A mediator's proposal is one.
        told("o", "Egypt offered a new truce proposal to Israel and Hamas.",
              "offered a new truce proposal", "030", egypt),
    )  # fmt: skip
    assert found == {"Egypt": ["proposal"]}


def test_approving_talks_accepts_them_and_a_group_is_named_by_its_name(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    netanyahu = actor("Netanyahu", code="ISRGOV", kind="person", canonical="Benjamin Netanyahu")
    described = actor("the Palestinian armed group", code="PSEREB", kind="organization")
    declared = "and the Palestinian armed group Islamic Jihad have declared a truce in Gaza."
    found = moves_made(
        db_url, capsys,
        told("t", "Netanyahu gave approval for new truce talks with Hamas in Cairo.",
              "gave approval", "080", netanyahu),
        told("j", declared, "have declared a truce", "0871", described),
    )  # fmt: skip
    assert found == {"Benjamin Netanyahu": ["acceptance"], "Islamic Jihad": ["agreement"]}


def test_signed_off_columns_and_tallies_carrying_on_a_recap_are_nomoves_made(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    column = (
        "Hamas rejected the truce proposal of Israel.\n"
        "The views expressed in this article are the author's own."
    )
    recap = (
        "During a truce that ran from November 4 to November 9, aid entered Gaza. "
        "Israel released 90 Palestinian prisoners under the truce with Hamas."
    )
    today = (
        "During a truce that ran from November 4 to November 9, aid entered Gaza. "
        "On Monday, Israel released 90 Palestinian prisoners under a new truce with Hamas."
    )
    tally = "Israel released 90 Palestinian prisoners under the truce with Hamas."
    found = moves_made(
        db_url, capsys,
        told("c", column, "rejected the truce proposal", "125", HAMAS,
              sentence="Hamas rejected the truce proposal of Israel."),
        told("r", recap, "released 90 Palestinian prisoners", "0841", ISRAEL, sentence=tally),
        told("t", today, "released 90 Palestinian prisoners", "0841", ISRAEL,
              sentence=today.split(". ")[1]),
    )  # fmt: skip
    assert found == {"Israel": ["implementation"]}


def test_terms_threats_withheld_proposals_and_concessive_phrases_are_nomoves_made(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = (
        "Hamas proposed a truce of three months, during which captives would go free, "
        "Israel would pull back its forces and talks would follow."
    )
    threat = "Netanyahu vowed a harsh response if Hamas breaks the truce in Gaza."
    withheld = "Netanyahu has refused to present a plan for Gaza after the truce talks."
    despite = "Despite foreign pressure for a truce and US calls for fewer civilian deaths"
    warned = f"{despite}, Netanyahu on Monday warned that the war in Gaza goes on."
    netanyahu = actor("Netanyahu", code="ISRGOV", kind="person", canonical="Benjamin Netanyahu")
    found = moves_made(
        db_url, capsys,
        told("t", terms, "would pull back its forces", "035", ISRAEL),
        told("v", threat, "vowed a harsh response", "030", netanyahu),
        told("w", withheld, "has refused", "120", netanyahu),
        report("d", warned, date="2024-02-01", headline="War in Gaza",
               quotes=[quote(warned, despite, netanyahu, cue="warned")]),
    )  # fmt: skip
    assert found == {}


def test_a_party_named_before_a_time_and_its_verb_is_the_quotes_actor(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    official = actor("an Israeli official", code="ISRGOV", kind="person")
    content = "Israel's war cabinet on Sunday night approved the broad terms of a truce deal"
    text = f"{content}, an Israeli official said."
    reported = report("q", text, date="2024-02-01", headline="Truce talks in Gaza",
                      quotes=[quote(text, content, official)])  # fmt: skip
    assert moves_made(db_url, capsys, reported) == {"Israel's war cabinet": ["acceptance"]}
