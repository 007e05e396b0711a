"""Negotiation moves from events and reported speech, per actor, over time."""

from __future__ import annotations

import json

import pytest
from negotiation_cases import moves_shown
from report_builders import actor, event, figure, quote, report, span_of

from newsclaims.cli import main
from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter
from newsclaims.track.negotiation import mark_counter_proposals
from newsclaims.track.speech import quote_move, reported_party


@pytest.mark.parametrize(
    ("content", "move"),
    [
        ("the group had accepted the truce proposal", "acceptance"),
        ("it would not accept a deal that leaves soldiers in the city", "rejection"),
        ("the government rejected the truce plan outright", "rejection"),
        ("the council rejected the plan to build a road", None),  # no negotiation named
        ("the army released a video of the raid", None),
        ("they had sent a counter-proposal on the prisoner exchange", "counter_proposal"),
        ("any agreement must include a full withdrawal", "demand"),
        ("the mediators proposed a six-week pause", "proposal"),
        ("the weather was fine and the market was busy", None),
        # A move told of, not made: by a noun or participle of someone else's.
        ("a UN truce proposal to monitor the border is unhelpful", None),
        ("it called this a rejection of the truce deal", None),
        ("meeting this Israeli demand is impossible without a ceasefire", None),
        ("it voted in favour of a truce proposed by Egypt", None),
        ("our proposal for a truce stands", "proposal"),
        ("calls for a ceasefire are calls to surrender", None),
        ("Israel has not agreed to the terms of the truce deal yet", None),
        ("Israel did not accept the terms of the truce deal", "rejection"),
        ("it was time to propose a truce", None),
        ("the issue is one that must be settled in the truce talks", "demand"),
    ],
)
def test_reported_speech_moves(content: str, move: str | None) -> None:
    assert quote_move(content) == move


@pytest.mark.parametrize(
    ("content", "party"),
    [
        ("Israel had refused the offer of a longer truce", "Israel"),
        ("the Israeli cabinet rejected the truce proposal", "the Israeli cabinet"),
        ("Qatari mediators proposed a new pause", "Qatari mediators"),
        ("it had refused the offer of a longer truce", None),
        ("they would not accept any deal", None),
        ("the weather was fine", None),
    ],
)
def test_a_move_told_of_another_party_is_that_partys(content: str, party: str | None) -> None:
    assert reported_party(content) == party


def test_a_proposal_answering_the_other_side_is_a_counter_proposal() -> None:
    def move(actor_name: str, counterpart: str, day: str) -> dict:
        return {"move": "proposal", "actor": actor_name, "counterpart": counterpart,
                "date": day}  # fmt: skip

    moves = [move("A", "B", "2024-01-01"), move("B", "A", "2024-01-05"),
             move("C", "D", "2024-01-06")]  # fmt: skip
    assert [m["move"] for m in mark_counter_proposals(moves)] == [
        "proposal", "counter_proposal", "proposal",
    ]  # fmt: skip


def test_negotiation_command(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = "Qatar proposed a truce. Hamas said it had accepted the truce proposal."
    second = "Israel rejected the truce. Officials said the weather was fine."
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    qatar = actor("Qatar", code="QAT", kind="country", canonical="QAT")
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("one", first, date="2024-02-01", headline="Israel-Hamas truce talks", events=[
            event(first, "Qatar proposed a truce", "036", qatar, hamas)],
            quotes=[quote(first, "it had accepted the truce proposal", hamas)]),
        report("two", second, date="2024-02-03", headline="Truce talks on Gaza", events=[
            event(second, "Israel rejected the truce", "125", israel)],
            quotes=[quote(second, "the weather was fine", actor("Officials"))]),
    ])  # fmt: skip
    engine.dispose()
    assert main(["negotiation", "--unaddressed", "--format", "json", "--db", db_url]) == 0
    per_actor = json.loads(capsys.readouterr().out)
    assert {name: [m["move"] for m in moves] for name, moves in per_actor.items()} == {
        "Qatar": ["proposal"], "Hamas": ["acceptance"], "Israel": ["rejection"],
    }  # fmt: skip
    evidence = per_actor["Hamas"][0]
    assert first[evidence["span"]["start"] : evidence["span"]["end"]] == evidence["span"]["text"]
    assert (
        main(["negotiation", "--unaddressed", "--actor", "isr", "--format", "json", "--db", db_url])
        == 0
    )
    assert list(json.loads(capsys.readouterr().out)) == ["Israel"]
    assert main(["negotiation", "--unaddressed", "--since", "2024-02-02", "--db", db_url]) == 0
    assert "Israel: 1 moves" in capsys.readouterr().out
    # By default only the moves naming the other party: Qatar's proposal to Hamas.
    assert main(["negotiation", "--format", "json", "--db", db_url]) == 0
    assert {
        name: [(m["move"], m["counterpart"]) for m in moves]
        for name, moves in json.loads(capsys.readouterr().out).items()
    } == {"Qatar": [("proposal", "Hamas")]}


def test_actors_by_identity_opinion_left_out_and_evidence_shown(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    news = "Hamas said Israel had refused the truce offer. Yousaf said he proposed a truce."
    column = "Opinion: the truce proposal was accepted too late."
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    yousaf = actor("Humza Yousaf", kind="person", canonical="Humza Yousaf")
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("news", news, date="2024-02-01", url="https://example.com/news/1", quotes=[
            quote(news, "Israel had refused the truce offer", hamas,
                  sentence=span_of(news, "Hamas said Israel had refused the truce offer.")),
            quote(news, "he proposed a truce", yousaf, cue="said he")]),
        report("column", column, date="2024-02-02", headline="Opinion: too late", quotes=[
            quote(column, "the truce proposal was accepted too late", hamas, cue="Opinion")]),
    ])  # fmt: skip
    engine.dispose()
    assert main(["negotiation", "--unaddressed", "--format", "json", "--db", db_url]) == 0
    per_actor = json.loads(capsys.readouterr().out)
    # Yousaf, no party to an Israel-Hamas negotiation, makes no move in it.
    assert {name: [m["move"] for m in moves] for name, moves in per_actor.items()} == {
        "Israel": ["rejection"],
    }  # fmt: skip
    israel = per_actor["Israel"][0]
    assert israel["reported_by"] == "Hamas"
    assert israel["sentence"] == "Hamas said Israel had refused the truce offer."
    assert israel["url"] == "https://example.com/news/1"
    assert (
        main(["negotiation", "--unaddressed", "--actor", "USA", "--format", "json", "--db", db_url])
        == 0
    )
    assert json.loads(capsys.readouterr().out) == {}  # "USA" is no part of "Humza Yousaf"


def test_a_moves_terms_come_from_its_sentence(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Hamas accepted the Egyptian-brokered truce deal, under which it will free 50 "
        "hostages for 150 Palestinian prisoners over a four-day pause."
    )
    sentence = span_of(text, text)
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("deal", text, date="2024-02-01", headline="Israel, Hamas agree truce", events=[
            event(text, "Hamas accepted the Egyptian-brokered truce deal", "0311", hamas,
                  sentence=sentence)],
            figures=[figure(text, "50", 50, what="hostages", status="released",
                            sentence=sentence),
                     figure(text, "150", 150, what="Palestinian prisoners",
                            status="released", sentence=sentence)]),
    ])  # fmt: skip
    engine.dispose()
    assert main(["negotiation", "--unaddressed", "--format", "json", "--db", db_url]) == 0
    (move,) = json.loads(capsys.readouterr().out)["Hamas"]
    terms = move["terms"]
    assert [(part["value"], part["quantity"], part["side"]) for part in terms["exchanged"]] == [
        (50, "hostages", None), (150, "prisoners", "PSE"),
    ]  # fmt: skip
    assert (terms["duration"], terms["mediators"]) == ("4 days", ["Egypt"])


def test_history_events_are_no_moves_and_one_actors_counter_proposals_stay_marked(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    history = "Israel rejected a Hamas truce proposal in 2014."
    proposal = "Israel proposed a truce to Hamas on Monday."
    answer = "Hamas proposed a truce to Israel on Tuesday."
    reports = (
        report("old", history, date="2024-02-01", headline="War in Gaza", events=[
            event(history, "rejected", "125", israel, hamas, date="2014",
                  sentence=span_of(history, history))]),
        report("p1", proposal, date="2024-02-06", headline="War in Gaza", events=[
            event(proposal, "proposed a truce", "036", israel, hamas, date="Monday",
                  sentence=span_of(proposal, proposal))]),
        report("p2", answer, date="2024-02-07", headline="War in Gaza", events=[
            event(answer, "proposed a truce", "036", hamas, israel, date="Tuesday",
                  sentence=span_of(answer, answer))]),
    )  # fmt: skip
    everyone = moves_shown(db_url, capsys, *reports)
    assert "rejection>Israel" not in str(everyone) and "rejection" not in everyone.get("Israel", [])
    assert moves_shown(db_url, capsys, actor_name="Hamas") == {"Hamas": everyone["Hamas"]}
    assert everyone["Hamas"] == ["counter_proposal>Israel"]
