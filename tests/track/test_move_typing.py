"""Typing one coded event or one quote as a negotiation move (``track/move_typing.py``):
the move a code makes, who is a party, and wording that tells no move. Invented sentences."""

from __future__ import annotations

from typing import Any

import pytest
from negotiation_cases import moves_shown
from report_builders import actor, event, quote, report, span_of

from newsclaims.track.move_typing import event_move


def test_event_codes() -> None:
    assert [event_move(code) for code in ("036", "0871", "107", "125", "190")] == [
        "proposal", "agreement", "demand", "rejection", None,
    ]  # fmt: skip


def test_carrying_out_a_deal_accepts_nothing() -> None:
    # Releasing captives, allowing aid in, easing a blockade: a deal carried out.
    assert [event_move(code) for code in ("0841", "086", "0872")] == ["implementation"] * 3
    assert event_move("057") == "agreement"  # signing is both sides', not a proposal


def _event_report(
    article_id: str,
    text: str,
    evidence: str,
    code: str,
    source: Any,
    target: Any = None,
    headline: str = "War in Gaza",
) -> Any:
    return report(article_id, text, date="2024-02-01", headline=headline, events=[
        event(text, evidence, code, source, target, sentence=span_of(text, text))])  # fmt: skip


def test_third_parties_calls_are_no_moves_and_mediators_only_mediate(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    china = actor("China", code="CHN", kind="country", canonical="CHN")
    council = actor("the Security Council", code="IGOUNO", kind="igo")
    lawmakers = actor("lawmakers", code="USALEG", kind="organization")
    biden = actor("Joe Biden", code="USAGOV", kind="person", canonical="Joe Biden")
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    found = moves_shown(
        db_url, capsys,
        _event_report("c", "China called for a ceasefire.", "called for a ceasefire", "0256",
                      china),
        _event_report("u", "the Security Council demanded a ceasefire.",
                      "demanded a ceasefire", "1056", council),
        _event_report("l", "lawmakers called for a ceasefire.", "called for a ceasefire",
                      "0256", lawmakers),
        _event_report("b1", "Joe Biden called for a ceasefire.", "called for a ceasefire",
                      "0256", biden),
        _event_report("b2", "Joe Biden urged Israel to agree to a ceasefire.", "urged Israel",
                      "020", biden, israel),
        _event_report("h", "Hamas demanded that Israel agree to a full ceasefire.",
                      "demanded", "1056", hamas),
    )  # fmt: skip
    assert found == {"Joe Biden": ["demand>Israel"], "Hamas": ["demand"]}


def test_a_people_a_place_or_a_thing_is_no_party(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    palestinians = actor("Palestinians", code="PSE", kind="country", canonical="PSE")
    gaza = actor("Gaza", code="PSE", kind="country", canonical="PSE")
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    truce = actor("a temporary truce")
    found = moves_shown(
        db_url, capsys,
        _event_report("p", "Palestinians rejected the truce plan of Israel.", "rejected the truce plan",
                      "120", palestinians, israel),
        _event_report("g", "Gaza rejected the truce plan of Israel.", "rejected the truce plan", "120",
                      gaza, israel),
        _event_report("i", "Israel rejected a temporary truce.", "rejected a temporary truce",
                      "120", israel, truce),
    )  # fmt: skip
    assert found == {"Israel": ["rejection"]}  # the counterpart "a temporary truce" is none


def test_parties_agreeing_together_make_one_agreement(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    cabinet = actor("the Israeli cabinet", code="ISRGOV", kind="organization")
    qatar = actor("Qatar", code="QAT", kind="country", canonical="QAT")
    text = "Early on Friday, the Israeli cabinet and Hamas agreed to a four-day truce."
    passive = "The truce was agreed by Israel and Hamas on Wednesday."
    said = "Qatar said Israel and Hamas had agreed to extend the truce."
    reports = [
        report("j", text, date="2024-02-01", headline="Truce", events=[
            event(text, "agreed to a four-day truce", "030", hamas, sentence=span_of(text, text)),
            event(text, "agreed to a four-day truce", "030", cabinet,
                  sentence=span_of(text, text))]),
        _event_report("p", passive, "was agreed", "030", hamas, headline="Truce"),
        report("q", said, date="2024-02-02", headline="Truce", quotes=[
            quote(said, "Israel and Hamas had agreed to extend the truce", qatar,
                  sentence=span_of(said, said))]),
    ]  # fmt: skip
    found = moves_shown(db_url, capsys, *reports, actor_name="Hamas")
    assert found == {
        "Israeli cabinet": ["agreement>Hamas"], "Israel": ["agreement>Hamas"] * 2,
    }  # fmt: skip


def test_a_release_is_one_done_and_history_or_hedges_are_no_moves(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    captives = actor("13 hostages")
    done_text = "Hamas freed 13 hostages from Gaza under the truce with Israel."
    future = "Hamas said it will not release the hostages until Israel ends the war."
    history = "In 2014, Israel rejected a truce proposal from Hamas."
    hedge = "Analysts say Israel would probably reject the truce proposal from Hamas."
    found = moves_shown(
        db_url, capsys,
        _event_report("d", done_text, "freed 13 hostages", "0841", hamas, captives),
        _event_report("f", future, "release the hostages", "0841", hamas, captives),
        _event_report("h", history, "rejected a truce proposal", "125", israel),
        _event_report("s", hedge, "would probably reject", "125", israel),
    )  # fmt: skip
    assert found == {"Hamas": ["implementation"]}


def test_a_quote_is_the_party_its_speaker_speaks_for(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Hamas official Osama Hamdan said the group rejected the truce proposal of Israel. "
        "Analyst Jane Roe said she rejected the truce proposal of Israel."
    )
    hamdan = actor("Hamas official Osama Hamdan", code="PSEREB", kind="person",
                   canonical="Osama Hamdan")  # fmt: skip
    analyst = actor("Analyst Jane Roe", kind="person", canonical="Jane Roe")
    reported = report("q", text, date="2024-02-01", headline="Truce talks", quotes=[
        quote(text, "the group rejected the truce proposal of Israel", hamdan),
        quote(text, "she rejected the truce proposal of Israel", analyst, cue="said she")])  # fmt: skip
    found = moves_shown(db_url, capsys, reported, actor_name="Hamas")
    assert found == {"Osama Hamdan": ["rejection"]}


def test_walking_out_rejects_aid_pledges_offer_nothing_and_guessed_actors_are_none(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    usa = actor("the United States", code="USA", kind="country", canonical="USA")
    mayor = actor("the mayor of the town", code="ISRGOV", kind="organization")
    walked = "Israel pulled out of the truce talks with Hamas in Cairo."
    aid = "the United States will donate $50m under the agreement with Israel and Hamas."
    guessed = "the mayor of the town rejected the truce proposal of Hamas."
    found = moves_shown(
        db_url, capsys,
        _event_report("w", walked, "pulled", "0874", israel),
        _event_report("a", aid, "will donate $50m", "033", usa),
        _event_report("g", guessed, "rejected the truce proposal", "120", mayor),
    )  # fmt: skip
    assert found == {"Israel": ["rejection"]}


def test_demands_told_of_a_party_denials_trips_and_empty_releases(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    official = actor("A Hamas official", code="PSEREB", kind="person")
    usa = actor("Antony Blinken", code="USAGOV", kind="person", canonical="Antony Blinken")
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    said = "A Hamas official said Israel must end its raids before any truce."
    told = "Qatar's prime minister said Hamas had demanded a permanent truce with Israel."
    qatari = actor("Qatar's prime minister", code="QATGOV", kind="person")
    denied = "A Hamas official denied rejecting the Egyptian truce deal."
    trip = "Antony Blinken will travel to Qatar to discuss the truce with Hamas and Israel."
    recalled = "Israel ordered its negotiators to return home from the truce talks with Hamas."
    found = moves_shown(
        db_url, capsys,
        report("s", said, date="2024-02-01", headline="Truce talks", quotes=[
            quote(said, "Israel must end its raids before any truce", official)]),
        report("q", told, date="2024-02-01", headline="Truce talks", quotes=[
            quote(told, "Hamas had demanded a permanent truce with Israel", qatari)]),
        report("d", denied, date="2024-02-01", headline="Truce talks", quotes=[
            quote(denied, "rejecting the Egyptian truce deal", official, cue="denied",
                  lemma="deny")]),
        _event_report("t", trip, "will travel to Qatar", "036", usa),
        _event_report("r", recalled, "ordered its negotiators to return", "0841", israel),
    )  # fmt: skip
    # The demand is the official's, made of Israel; the denial, the trip and the recall
    # of negotiators (nothing handed over) are no moves.
    assert found == {"A Hamas official": ["demand>Israel"], "Hamas": ["demand"]}


def test_commentaries_and_unconfirmed_moves_are_none(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    column = "Hamas rejected the truce proposal of Israel."
    unconfirmed = "Israel had yet to confirm it had accepted the truce plan of Hamas."
    found = moves_shown(
        db_url, capsys,
        _event_report("c", column, "rejected the truce proposal", "125", hamas,
                      headline="The price of peace: a commentary on the truce"),
        _event_report("u", unconfirmed, "had accepted the truce plan", "0834", israel),
    )  # fmt: skip
    assert found == {}


def test_un_votes_recaps_and_nouns_are_no_moves_and_long_parties_agree_together(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    usa = actor("the US", code="USA", kind="country", canonical="USA")
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    forces = actor("Israeli forces", code="ISRMIL", kind="organization")
    draft = "the US proposed a draft resolution calling for a truce between Israel and Hamas."
    recap = (
        "During the truce in November, Hamas freed 105 captives. "
        "In exchange, Israel released 240 Palestinian prisoners."
    )
    outrage = "Israel struck Gaza despite global outrage and calls for a ceasefire with Hamas."
    joint = "Israeli forces and Palestinian armed groups in Gaza have agreed to a ceasefire."
    found = moves_shown(
        db_url, capsys,
        _event_report("d", draft, "proposed a draft resolution", "036", usa),
        report("r", recap, date="2024-01-20", headline="War on Gaza", events=[
            event(recap, "released 240 Palestinian prisoners", "0841", israel,
                  sentence=span_of(recap, "In exchange, Israel released 240 Palestinian "
                                          "prisoners."))]),
        _event_report("o", outrage, "calls for a ceasefire", "0256", israel),
        _event_report("j", joint, "have agreed to a ceasefire", "030", forces),
    )  # fmt: skip
    assert found == {"Israeli forces": ["agreement>Palestinian armed groups"]}


def test_conditions_un_drafts_and_offers_of_support_are_no_moves(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    russia = actor("Russia", code="RUS", kind="country", canonical="RUS")
    usa = actor("the US", code="USA", kind="country", canonical="USA")
    condition = "Israel said the truce could go on as long as Hamas released 10 hostages a day."
    drafted = "Russia, which drafted a resolution calling for a ceasefire, criticised Ukraine."
    support = "the US is ready to offer support should Israel and Hamas seek a ceasefire."
    found = moves_shown(
        db_url, capsys,
        _event_report("c", condition, "released 10 hostages", "0841", hamas),
        _event_report("d", drafted, "calling for a ceasefire", "0256", russia),
        _event_report("s", support, "ready to offer support", "030", usa),
    )  # fmt: skip
    assert found == {}


def test_terms_efforts_recaps_by_month_and_the_makers_of_a_proposal(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hamas = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")
    israel = actor("Israel", code="ISR", kind="country", canonical="ISR")
    qatar = actor("Qatari mediators", code="QATGOV", kind="organization")
    officials = actor("two Egyptian officials", code="EGYGOV", kind="person")
    terms = "Hamas proposed a truce during which Israel would withdraw its troops from Gaza."
    trying = "Qatari mediators are seeking to negotiate the deal between Israel and Hamas."
    recap = "Talks on Gaza are the closest since a November truce under which Hamas freed 80."
    made = (
        "Officials said the round in Cairo ended, Hamas has presented a truce proposal to Israel."
    )
    found = moves_shown(
        db_url, capsys,
        _event_report("t", terms, "would withdraw its troops", "035", israel),
        _event_report("s", trying, "are seeking to negotiate the deal", "036", qatar),
        report("r", recap, date="2024-04-08", headline="Gaza truce talks", events=[
            event(recap, "freed 80", "0841", hamas, sentence=span_of(recap, recap))]),
        report("m", made, date="2024-03-05", headline="Gaza truce talks", quotes=[
            quote(made, "the round in Cairo ended, Hamas has presented a truce proposal to "
                        "Israel", officials)]),
    )  # fmt: skip
    assert found == {"Hamas": ["proposal"]}  # the proposal is Hamas's, told by Egypt
