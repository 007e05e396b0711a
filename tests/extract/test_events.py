"""CAMEO event coding on sentences written for these tests (not the eval sets)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.cameo_lexicon import cameo_lexicon
from newsclaims.extract.events import extract_events
from newsclaims.model import ActorRef, Event, Quote, Span


def events_of(nlp: Language, text: str, quotes: list[Quote] | None = None) -> list[Event]:
    doc = nlp(text)
    return extract_events(doc, ActorIndex(doc), quotes or [], date="2024-03-15")


def coded(events: list[Event]) -> set[tuple[str, str]]:
    """(source code, CAMEO root) pairs, the part of an event the scorer reads first."""
    return {(event.source_actor.code or "", event.code[:2]) for event in events}


def test_active_attack_codes_source_target_and_evidence(nlp: Language) -> None:
    text = "Turkish warplanes bombed Kurdish positions in northern Iraq on Sunday."
    [event] = events_of(nlp, text)
    assert event.source_actor.code == "TURMIL"
    assert event.code.startswith("19")
    assert "bombed" in event.span.text
    assert text[event.span.start : event.span.end] == event.span.text
    assert event.sentence is not None and event.sentence.text == text
    assert event.date == "Sunday"
    assert event.place == "Iraq"


def test_report_date_when_the_sentence_gives_none(nlp: Language) -> None:
    [event] = events_of(nlp, "Kenya expelled two Somali diplomats.")
    # Expelling diplomats reduces relations (CAMEO 161; 174 is for other individuals).
    assert (event.source_actor.code, event.code, event.date) == ("KEN", "161", "2024-03-15")


def test_passive_with_agent_is_coded_like_the_active(nlp: Language) -> None:
    [event] = events_of(nlp, "The border post was attacked by Syrian troops overnight.")
    assert event.source_actor.code == "SYRMIL"
    assert event.code.startswith("19")


def test_passive_without_agent_has_no_source_and_no_event(nlp: Language) -> None:
    assert events_of(nlp, "Three villages were shelled overnight.") == []


def test_compound_subject_gives_one_event_per_actor(nlp: Language) -> None:
    events = events_of(nlp, "Brazil and Argentina condemned the coup in Bolivia.")
    assert coded(events) == {("BRA", "11"), ("ARG", "11")}


def test_compound_subject_of_a_meeting_meets_each_other(nlp: Language) -> None:
    events = events_of(nlp, "Germany and Poland met in Warsaw last week.")
    pairs = {(e.source_actor.code, e.target_actor.code if e.target_actor else None) for e in events}
    assert pairs == {("DEU", "POL"), ("POL", "DEU")}
    assert all(e.code == "040" for e in events)


def test_a_meeting_announced_in_the_future_is_both_sides_intent(nlp: Language) -> None:
    # CAMEO 036: "will visit" is a commitment to meet; a joint one commits both sides.
    events = events_of(nlp, "Chile and Peru will hold talks in Lima next month.")
    assert coded(events) == {("CHL", "03"), ("PER", "03")}
    assert all(e.code == "036" for e in events)


def test_refusal_of_a_yielding_act_is_a_rejection(nlp: Language) -> None:
    [event] = events_of(nlp, "Russia refused to withdraw its troops from Moldova.")
    assert event.source_actor.code == "RUS"
    assert event.code == "124"
    assert "refused" in event.span.text


def test_negated_cooperation_is_a_rejection_and_negated_attack_no_event(nlp: Language) -> None:
    [event] = events_of(nlp, "Egypt said it would not allow aid convoys into the area.")
    assert (event.source_actor.code, event.code, event.negated) == ("EGY", "124", True)
    assert events_of(nlp, "India did not attack the Pakistani outpost.") == []


def test_intention_is_coded_with_the_intent_code(nlp: Language) -> None:
    [event] = events_of(nlp, "Japan plans to send humanitarian aid to Turkey.")
    assert (event.source_actor.code, event.code) == ("JPN", "033")


def test_scheduled_act_is_coded_as_the_act(nlp: Language) -> None:
    [event] = events_of(nlp, "The Canadian prime minister is scheduled to visit Mexico.")
    assert event.source_actor.code == "CANGOV"
    assert event.code == "042"
    assert event.target_actor is not None and event.target_actor.code == "MEX"


def test_speculation_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "Iran might attack the tankers in the Gulf.") == []


def test_asking_another_to_act_is_an_appeal_by_the_asker(nlp: Language) -> None:
    [event] = events_of(nlp, "Ukraine urged Germany to supply more tanks.")
    assert (event.source_actor.code, event.code[:2]) == ("UKR", "02")
    assert event.target_actor is not None and event.target_actor.code == "DEU"


def test_metonyms_stand_for_the_state(nlp: Language) -> None:
    events = events_of(nlp, "Washington criticized Beijing over the trade curbs.")
    [event] = events
    assert (event.source_actor.code, event.code) == ("USA", "111")
    assert event.target_actor is not None and event.target_actor.code == "CHN"


def test_pronoun_in_reported_clause_is_the_speaker(nlp: Language) -> None:
    [event] = events_of(nlp, "Iraq said its troops repulsed an assault near Mosul.")
    assert event.source_actor.code == "IRQMIL"
    assert event.reported_by is not None and event.reported_by.code == "IRQ"


def test_reported_hostile_act_is_also_the_reporters_accusation(nlp: Language) -> None:
    events = events_of(nlp, "Armenia said that Azerbaijan had shelled its villages.")
    assert coded(events) == {("AZE", "19"), ("ARM", "11")}


def test_obligation_under_speech_is_the_speakers_demand(nlp: Language) -> None:
    [event] = events_of(nlp, "Serbia said Kosovo must release the detained policemen.")
    assert (event.source_actor.code, event.code) == ("SRB", "100")
    assert event.target_actor is not None and event.target_actor.code == "XKX"


def test_beliefs_and_future_subordinate_clauses_are_no_events(nlp: Language) -> None:
    assert events_of(nlp, "Analysts believe Venezuela will invade Guyana.") == []
    assert events_of(nlp, "The talks ended before Chile expelled the envoy.") == []


def test_sentences_without_events(nlp: Language) -> None:
    for text in (
        "The weather in Lisbon was mild on Tuesday.",
        "Norway's economy grew by two percent last year.",
        "The relentless bombardments have killed hundreds of people.",
    ):
        assert events_of(nlp, text) == [], text


def test_protesters_destroying_property_riot(nlp: Language) -> None:
    [event] = events_of(nlp, "The embassy was demolished by Serbian protesters.")
    assert (event.source_actor.code, event.code) == ("SRBOPP", "145")


def test_group_member_acts_for_the_group(nlp: Language) -> None:
    events = events_of(nlp, "Militants from Hezbollah fired rockets at Haifa.")
    [event] = events
    assert event.source_actor.name == "Hezbollah"
    assert event.code.startswith("19")


def test_agent_without_a_state_gets_unknown_country(nlp: Language) -> None:
    [event] = events_of(nlp, "Rebels ambushed a convoy.")
    assert event.source_actor.code == "---REB"


def test_quote_speaker_is_kept_as_reporter(nlp: Language) -> None:
    text = '"We will expel the ambassador," the Ghanaian minister said.'
    content_end = text.index(",")
    speaker = ActorRef(text="the Ghanaian minister", code="GHAGOV", country="GHA")
    quote = Quote(
        id="q1",
        kind="direct",
        content=Span(start=1, end=content_end, text=text[1:content_end]),
        speaker=speaker,
    )
    [event] = events_of(nlp, text, [quote])
    assert event.source_actor.code == "GHAGOV"
    # A coercive act announced in the future tense is a threat (CAMEO 13).
    assert event.code[:2] == "13"
    assert event.reported_by is not None and event.reported_by.code == "GHAGOV"


def test_headline_is_skipped_and_repeats_are_kept_once(nlp: Language) -> None:
    text = (
        "Peru Expels Envoy\n\n"
        "Peru expelled the Bolivian ambassador on Monday. "
        "Lima said it expelled the Bolivian ambassador over his remarks. "
        "The decision drew protests in La Paz."
    )
    events = events_of(nlp, text)
    assert [(e.source_actor.code, e.code) for e in events] == [("PER", "161")]
    assert events[0].span.start > text.index("\n\n")


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_headline_events_are_skipped_whatever_the_line_ends(nlp: Language, line_end: str) -> None:
    headline = "Chile expels Peruvian diplomats"
    body = "Officials in Santiago gave no reason for the decision."
    assert coded(events_of(nlp, headline)) == {("CHL", "16")}
    assert events_of(nlp, line_end.join([headline, "", body, ""])) == []
    # Without a blank line the first line is no headline: its event counts.
    assert coded(events_of(nlp, line_end.join([headline, body, ""]))) == {("CHL", "16")}


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("042", "make a visit"),
        ("045", "mediate"),
        ("111", "criticize or denounce"),
        ("1999", "fight"),
    ],
)
def test_codebook_labels(code: str, label: str) -> None:
    assert cameo_lexicon().label(code) == label


# --- coverage across the codebook (light verbs, event nouns, frames, actors) ---------


def roots(events: list[Event]) -> set[tuple[str, str]]:
    """(source code or name, CAMEO root): the two things the scorer checks."""
    return {
        (event.source_actor.code or event.source_actor.name, event.code[:2]) for event in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a light verb performs the event its object names
        ("Indonesian troops launched air strikes on rebel camps.", ("IDNMIL", "195")),
        (
            "The Nigerian army carried out a ground offensive against the insurgents.",
            ("NGAMIL", "190"),
        ),
        ("Paraguay opened an investigation into the bank's dealings.", ("PRY", "090")),
        ("Lebanese authorities imposed a curfew on the northern town.", ("LBNGOV", "1723")),
        ("Chile offered its condolences to Peru after the floods.", ("CHL", "018")),
        ("Thousands of Ecuadorian workers went on strike on Monday.", ("ECUCVL", "143")),
        ("Norway provided $30 million in emergency aid to Sudan.", ("NOR", "071")),
        ("Norway will provide $30 million in emergency aid to Sudan.", ("NOR", "033")),
        ("Qatar delivered 40 tonnes of medical supplies to Lebanon.", ("QAT", "073")),
        # verbs across the roots
        ("The Thai prime minister arrived in Hanoi on Monday.", ("THAGOV", "042")),
        ("Kazakhstan received the Turkish president in Astana.", ("KAZ", "043")),
        ("Bolivia dismissed the Chilean objections as baseless.", ("BOL", "120")),
        ("Ireland called for an immediate ceasefire in Yemen.", ("IRL", "0256")),
        ("Senegal recalled its ambassador from Gambia.", ("SEN", "161")),
        ("Estonia summoned the Russian envoy over the airspace violation.", ("EST", "114")),
        ("Italy froze the assets of three Libyan businessmen.", ("ITA", "163")),
        ("Pakistan test-fired a cruise missile on Friday.", ("PAK", "150")),
        ("Guatemalan riot police fired tear gas at the marchers.", ("GTMCOP", "175")),
        ("The Bahraini government expelled an Iranian diplomat.", ("BHRGOV", "161")),
        ("Ghana deported 40 Liberian traders.", ("GHA", "174")),
        ("Rwandan troops captured the town of Goma.", ("RWAMIL", "192")),
        ("Myanmar's army pounded the village with artillery.", ("MMRMIL", "194")),
    ],
)
def test_codes_across_the_codebook(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    pairs = {(e.source_actor.code or "", e.code) for e in events_of(nlp, text)}
    assert expected in pairs, (text, pairs)


def test_light_verb_with_a_compound_subject_codes_both_sides(nlp: Language) -> None:
    events = events_of(nlp, "Egypt and Greece began joint naval exercises in the Mediterranean.")
    assert roots(events) == {("EGY", "06"), ("GRC", "06")}


def test_event_noun_is_not_the_target(nlp: Language) -> None:
    [first, *_] = events_of(nlp, "Serbia held talks with Kosovo in Brussels on Thursday.")
    assert first.code == "046"
    assert first.target_actor is not None and first.target_actor.code == "XKX"
    assert "talks" in first.span.text


def test_frame_verbs_and_nouns_change_an_event_nouns_code(nlp: Language) -> None:
    threat = events_of(nlp, "Algeria threatened military action against Morocco.")
    assert {(e.source_actor.code, e.code) for e in threat} == {("DZA", "138")}
    [intent] = events_of(nlp, "Venezuela expressed its willingness to negotiate with Guyana.")
    assert (intent.source_actor.code, intent.code) == ("VEN", "036")


def test_urging_codes_one_appeal_not_two(nlp: Language) -> None:
    [event] = events_of(nlp, "Fiji called on Australia to cut its emissions.")
    assert (event.source_actor.code, event.code[:2]) == ("FJI", "02")
    assert event.target_actor is not None and event.target_actor.code == "AUS"


def test_people_named_by_a_plural_demonym_protest(nlp: Language) -> None:
    events = events_of(nlp, "Thousands of Hungarians rallied in Budapest against the new law.")
    assert roots(events) == {("HUN", "14")}


def test_named_groups_keep_their_name(nlp: Language) -> None:
    [event] = events_of(nlp, "Fighters of the Pakistani Taliban attacked a checkpoint.")
    assert event.source_actor.name == "Pakistani Taliban"
    [event] = events_of(nlp, "The Rapid Support Forces shelled a market in El Fasher.")
    assert (event.source_actor.name, event.code) == ("Rapid Support Forces", "194")


def test_an_attack_acts_for_whoever_claimed_or_launched_it(nlp: Language) -> None:
    claimed = events_of(nlp, "A roadside bomb claimed by al-Shabaab killed four soldiers.")
    assert {e.source_actor.name for e in claimed} == {"al-Shabaab"}
    owned = events_of(nlp, "A Turkish drone strike killed three PKK fighters in Iraq.")
    assert {(e.source_actor.code, e.code[:2]) for e in owned} == {("TUR", "19")}


def test_known_office_holders_and_the_pope_stand_for_their_state(nlp: Language) -> None:
    [visit] = events_of(nlp, "Lula visited Beijing to meet Chinese business leaders.")
    assert (visit.source_actor.code, visit.code) == ("BRAGOV", "042")
    [praise] = events_of(nlp, "Pope Francis praised Mozambique for its peace accord.")
    assert (praise.source_actor.code, praise.code) == ("VAT", "051")


def test_no_visit_by_people_on_the_move_and_no_event_in_background(nlp: Language) -> None:
    for text in (
        "Syrian refugees arrived in Greece by boat.",
        "The Red Sea carries about 12 percent of global trade.",
        "The strait is one of the busiest shipping lanes in the world.",
        "Talks between the two sides are expected to resume next month.",
        "Oman hosts a large British naval base.",
        "Shares in European defence companies rose sharply on Monday.",
    ):
        assert events_of(nlp, text) == [], text


def test_foreign_troops_killed_without_an_agent_are_killed_by_the_host(nlp: Language) -> None:
    text = "Three Canadian soldiers were killed in Syria on Tuesday."
    [event] = events_of(nlp, text)
    host = event.source_actor
    assert (host.code, event.code[:2], event.target_actor and event.target_actor.code) == (
        "SYR",
        "19",
        "CANMIL",
    )
    assert (host.text, host.start, host.end) == ("Syria", text.index("Syria"), text.index(" on"))


def test_a_named_agent_is_the_killer_not_the_place(nlp: Language) -> None:
    # A bomb is no actor: the clause has a killer, so the place does not stand in for it.
    assert events_of(nlp, "Three Canadian soldiers were killed in Syria by a roadside bomb.") == []
    [event] = events_of(nlp, "Four Italian soldiers were killed in Lebanon by Hezbollah fighters.")
    assert (event.source_actor.text, event.source_actor.code) == ("Hezbollah fighters", "LBNREB")
    # Troops of the place's own state are killed by someone the sentence does not name.
    assert events_of(nlp, "Two Syrian soldiers were killed in Syria on Tuesday.") == []


@pytest.mark.parametrize("reciprocal", ["each other", "one another"])
def test_compound_subject_acting_on_each_other_targets_the_other(
    nlp: Language, reciprocal: str
) -> None:
    events = events_of(nlp, f"India and Pakistan shelled {reciprocal} across the border.")
    pairs = {(e.source_actor.code, e.target_actor.code if e.target_actor else None) for e in events}
    assert pairs == {("IND", "PAK"), ("PAK", "IND")}
    assert all(e.code[:2] == "19" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan president attended the World Cup in Qatar.", ("KENGOV", "042", "QAT")),
        ("The Kenyan president will attend the World Cup in Qatar.", ("KENGOV", "036", "QAT")),
        ("The Brazilian foreign minister attended a summit in Nigeria.", ("BRAGOV", "042", "NGA")),
    ],
)
def test_attending_a_gathering_is_a_visit_to_its_host(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    [event] = events_of(nlp, text)
    target = event.target_actor.code if event.target_actor else None
    assert (event.source_actor.code, event.code, target) == expected


def test_attend_codes_only_gatherings(nlp: Language) -> None:
    assert coded(events_of(nlp, "Turkey attended the funeral of the king.")) == {("TUR", "04")}
    assert events_of(nlp, "Russia attended the exhibition.") == []


@pytest.mark.parametrize(
    ("text", "source", "root"),
    [
        ("The rights group denounced the arrests of reporters.", "The rights group", "11"),
        ("A local lawyer filed a lawsuit against the mining firm.", "A local lawyer", "11"),
        ("Zorvan Industries sued the regulator over the fine.", "Zorvan Industries", "11"),
    ],
)
def test_unknown_named_or_described_sources_are_kept_without_a_code(
    nlp: Language, text: str, source: str, root: str
) -> None:
    events = events_of(nlp, text)
    assert {(e.source_actor.text, e.code[:2]) for e in events} == {(source, root)}


def test_nouns_for_no_actor_are_no_sources(nlp: Language) -> None:
    assert events_of(nlp, "The storm destroyed the old bridge.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Senses picked by the object, read off the codebook's definitions.
        ("A Kenyan court found the former mayor guilty of fraud.", ("KENJUD", "116")),
        ("Iraqi troops captured Mosul after a week of fighting.", ("IRQMIL", "192")),
        ("Norway reduced its aid to Malawi.", ("NOR", "162")),
        ("Sweden expelled two UN inspectors.", ("SWE", "1662")),
        ("Chad refused to comment on the report.", ("TCD", "011")),
        ("Chad refused to open the border.", ("TCD", "120")),
        ("The Zambian finance minister resigned on Friday.", ("ZMBGOV", "0831")),
        ("Mali called off the planned talks with Niger.", ("MLI", "125")),
        ("Canada contributed $10 million to the relief effort.", ("CAN", "071")),
        ("Poland will send peacekeepers to Lebanon.", ("POL", "033")),
        ("The Malian army engaged the rebels in a firefight.", ("MLIMIL", "190")),
        ("Ukraine reiterated its support for the peace plan.", ("UKR", "051")),
        ("Brazil reversed its decision to close the embassy.", ("BRA", "0832")),
    ],
)
def test_codebook_senses_by_object_and_complement(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert (expected[0], expected[1]) in {
        (e.source_actor.code, e.code) for e in events_of(nlp, text)
    }


def test_criticism_faced_from_someone_is_theirs(nlp: Language) -> None:
    [event] = events_of(nlp, "Japan faces mounting criticism from China over the plan.")
    target = event.target_actor.code if event.target_actor else None
    assert (event.source_actor.code, event.code, target) == ("CHN", "111", "JPN")


@pytest.mark.parametrize(
    "text",
    [
        "Israel made no commitment to the talks.",
        "Gabon sought a bigger share of the oil revenue.",
        "Peru took over the chairmanship of the group.",
    ],
)
def test_objects_outside_a_senses_class_code_nothing(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An attack or weapon acts for whoever its phrase names: demonym, name, by-phrase.
        ("Five villagers were killed in Zorvanian tank shelling.", None),
        ("Four soldiers were killed in Israeli tank shelling near the border.", ("ISR", "19")),
        ("A Taliban-claimed car bomb struck a police bus in Kabul.", ("AFGREB", "19")),
        ("A car bombing by Hamas killed six people in the town.", ("PSEREB", "18")),
        ("Russian air strikes killed twelve civilians in Idlib.", ("RUS", "18")),
    ],
)
def test_attacks_act_for_their_owner(
    nlp: Language, text: str, expected: tuple[str, str] | None
) -> None:
    found = coded(events_of(nlp, text))
    if expected is None:
        assert found == set()
    else:
        assert expected in found


def test_an_arrest_without_agent_is_the_host_states(nlp: Language) -> None:
    [event] = events_of(nlp, "The opposition journalist was arrested on Monday in Uganda.")
    assert (event.source_actor.code, event.code) == ("UGA", "173")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya said Somalia was responsible for the raid.", ("KEN", "112", "SOM")),
        ("Kenya said Somalia must withdraw its claim to the island.", ("KEN", "100", "SOM")),
        ("Kenya said the decision was unacceptable.", ("KEN", "111", None)),
    ],
)
def test_speech_that_blames_demands_or_criticizes(
    nlp: Language, text: str, expected: tuple[str, str, str | None]
) -> None:
    events = events_of(nlp, text)
    found = {
        (e.source_actor.code, e.code, e.target_actor.code if e.target_actor else None)
        for e in events
    }
    assert expected in found


def test_speaker_does_not_demand_of_itself(nlp: Language) -> None:
    assert events_of(nlp, "Kenya said it must review its budget.") == []


def test_three_coordinated_actors_give_every_pair(nlp: Language) -> None:
    events = events_of(nlp, "Chad, Sudan and Niger met in Niamey on Monday.")
    pairs = {(e.source_actor.code, e.target_actor.code if e.target_actor else None) for e in events}
    countries = ("TCD", "SDN", "NER")
    assert pairs == {(a, b) for a in countries for b in countries if a != b}


def test_coordinated_signatories_sign_with_each_other(nlp: Language) -> None:
    events = events_of(nlp, "Colombia and Ecuador signed a trade deal.")
    pairs = {(e.source_actor.code, e.target_actor.code if e.target_actor else None) for e in events}
    assert pairs == {("COL", "ECU"), ("ECU", "COL")}


@pytest.mark.parametrize(
    "text",
    [
        "Houthi rebels backed by Iran gathered near the port.",
        "The territories occupied by Israel lie east of the city.",
        "Turkish troops have shelled 40 villages since March.",
    ],
)
def test_participles_and_running_totals_are_no_new_acts(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


def test_a_mediating_participle_still_reports_mediation(nlp: Language) -> None:
    events = events_of(nlp, "Talks mediated by Egypt resumed in Cairo on Sunday.")
    assert ("EGY", "04") in coded(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amnesty International issued a report accusing the Nigerian army.", "112"),
        ("Egypt's parliament passed a resolution condemning the raid.", "111"),
    ],
)
def test_documents_speak_for_whoever_issued_them(nlp: Language, text: str, expected: str) -> None:
    [event] = events_of(nlp, text)
    assert event.code == expected and event.source_actor.code is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nurses in Kenya went on strike for better pay.", ("14", "143")),
        ("Ghanaian troops remained on alert along the border.", ("15", "152")),
        ("Canada's prime minister called his Irish counterpart on Monday to discuss trade.",
         ("04", "041")),
        ("Peru's government pressured the miners to end their blockade.", ("02", "025")),
        ("The Syrian army ceased its military operations near Homs.", ("08", "087")),
        ("Chile and Peru agreed a new trade deal.", ("05", "057")),
        ("President Ruto pardoned the former governor on Friday.", ("08", "0841")),
    ],
)  # fmt: skip
def test_light_verbs_and_senses_across_roots(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    codes = {e.code for e in events_of(nlp, text)}
    assert expected[1] in codes
    assert all(code[:2] == expected[0] for code in codes)


def test_a_release_without_agent_is_the_host_states(nlp: Language) -> None:
    [event] = events_of(nlp, "Two French tourists were released from captivity in Mali.")
    assert (event.source_actor.code, event.code) == ("MLI", "0841")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Kenyan court charged the former minister with fraud.", "115"),
        ("Kenyan and Ugandan troops began joint war games on Monday.", "062"),
        ("The Danish delegation offered harsh criticism of the Ghanaian government.", "111"),
        ("Swiss prosecutors shared evidence with Brazil.", "064"),
        ("Canada accepted 900 Syrian refugees in May.", "075"),
        ("The Chilean president had lunch with his Peruvian counterpart.", "040"),
        ("Norway launched a mediation effort between the two parties.", "045"),
        ("Ghana gave Togo a one-week deadline.", "139"),
        ("Kenya threatened to pull its funding from the agency.", "130"),
    ],
)
def test_more_codebook_senses(nlp: Language, text: str, expected: str) -> None:
    assert expected in {e.code for e in events_of(nlp, text)}


def test_joint_exercises_are_cooperation_each_with_each(nlp: Language) -> None:
    events = events_of(nlp, "Kenyan and Ugandan troops began joint war games on Monday.")
    assert {e.code for e in events} == {"062"}
    assert len(events) == 2


@pytest.mark.parametrize(
    "text",
    [
        "US and British activists rallied outside the embassy on Friday.",
        "Thousands of US and British activists have protested outside the embassy.",
    ],
)
def test_coordinated_country_modifiers_are_one_actor_each(nlp: Language, text: str) -> None:
    assert coded(events_of(nlp, text)) == {("USAOPP", "14"), ("GBROPP", "14")}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The former premier launched a scathing attack on the Kenyan government.", {"111"}),
        ("Ghana summoned the US envoy after allegations that the agency targeted its party.",
         {"114"}),
        ("Uganda ordered the newspaper to suspend publication for a week.", {"1721"}),
        ("President Ruto pardoned him on Friday.", {"0841"}),
        ("Ghana rejected the resolution proposed by Togo.", {"120"}),
    ],
)  # fmt: skip
def test_verbal_attacks_hearsay_orders_and_proposals(
    nlp: Language, text: str, codes: set[str]
) -> None:
    assert {e.code for e in events_of(nlp, text)} == codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Germany gave 350 million euros to Ethiopia.", "071"),
        ("Japan is sending troops to the UN peacekeeping force in South Sudan.", "074"),
        ("Kenya sent 300 troops to Somalia.", "154"),
        ("Norway provided relief materials to the flood victims.", "073"),
    ],
)
def test_aid_by_what_is_given(nlp: Language, text: str, code: str) -> None:
    assert {e.code for e in events_of(nlp, text)} == {code}


@pytest.mark.parametrize(
    "text",
    [
        "Germany has reinforced its commitment to the refugees.",
        "The European Union has deployed election observers in Malawi.",
    ],
)
def test_force_posture_needs_forces(nlp: Language, text: str) -> None:
    assert not any(e.code.startswith("15") for e in events_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ethiopia let free some 74 political prisoners.", "0841"),
        ("The United States returned an ancient statue to Iraq.", "0842"),
        ("Egypt has lifted the state of emergency.", "0814"),
        ("A Kenyan court dropped the charges against the former governor.", "080"),
        ("Chile lowered tariffs on Peruvian imports.", "085"),
    ],
)
def test_yielding_by_what_is_given_up(nlp: Language, text: str, code: str) -> None:
    assert code in {e.code for e in events_of(nlp, text)}


def test_returning_fire_is_no_return(nlp: Language) -> None:
    assert not any(
        e.code.startswith("08") for e in events_of(nlp, "Jordanian troops returned fire.")
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Rebel fighters held 300 villagers as human shields in the town.", "184"),
        ("Ghanaian troops violated the ceasefire agreement on Sunday.", "196"),
        ("Kenyan troops fired across the ceasefire line.", "190"),
        ("The Malian army closed all crossing points into the enclave.", "191"),
        ("The Swiss government gave account information to India.", "064"),
        ("The Kenyan president called his Ugandan counterpart on Saturday, discussing trade.",
         "041"),
    ],
)  # fmt: skip
def test_verb_senses_by_object_across_roots(nlp: Language, text: str, code: str) -> None:
    assert code in {e.code for e in events_of(nlp, text)}


def test_willingness_to_act_is_an_intent(nlp: Language) -> None:
    [event] = events_of(nlp, "Norway is willing to provide technical expertise to Sudan.")
    assert (event.source_actor.code, event.code) == ("NOR", "030")
    assert "willing" in event.span.text
    assert events_of(nlp, "Ghana is ready for the match.") == []


def test_a_demanded_act_is_the_demand_not_the_act(nlp: Language) -> None:
    events = events_of(nlp, "Ghana has reiterated its demand that Togo lift the embargo.")
    assert {(e.source_actor.code, e.code) for e in events} == {("GHA", "100")}


def test_an_announced_protest_is_a_threat_of_dissent(nlp: Language) -> None:
    events = events_of(nlp, "Opposition parties in Togo said they would boycott the elections.")
    assert {e.code for e in events} == {"133"}


def test_a_demanded_that_clause_is_no_act_of_its_subject(nlp: Language) -> None:
    events = events_of(nlp, "Kenyan lawmakers demanded that the Ugandan minister resign.")
    assert {e.code[:2] for e in events} == {"10"}


def test_a_filed_appeal_described_by_its_participle_is_no_new_appeal(nlp: Language) -> None:
    events = events_of(nlp, "A Kenyan court rejected an appeal filed by the former governor.")
    assert {e.code[:2] for e in events} == {"12"}


def test_a_relative_clause_on_anothers_object_is_background(nlp: Language) -> None:
    text = "Kenya condemned a protest by farmers who stormed a court building in Nairobi."
    assert {e.code[:2] for e in events_of(nlp, text)} == {"11"}
    # A relative clause on the subject still reports its act.
    text = "Rebels who stormed a Malian army base killed six soldiers."
    assert "19" in {e.code[:2] for e in events_of(nlp, text)}


def test_joint_games_by_one_named_side_are_still_cooperation(nlp: Language) -> None:
    events = events_of(nlp, "The Kenyan army held joint war games with Uganda in May.")
    assert "062" in {e.code for e in events}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ghana defended Togo over the border incident.", "052"),
        ("Kenya backed Uganda in the dispute.", "051"),
        ("Peru respects the sovereignty of Bolivia.", "051"),
    ],
)
def test_countries_as_objects_are_actors_not_places(nlp: Language, text: str, code: str) -> None:
    assert code in {e.code for e in events_of(nlp, text)}


def test_a_past_tense_tagged_as_participle_with_subject_and_object_is_an_act(
    nlp: Language,
) -> None:
    # The tagger reads these verbs after "a <noun> on a <place>" as participles (VBN); with
    # their own subject and a direct object they can only be past tenses.
    assert ("SYR", "18") in coded(events_of(nlp, "A Syrian rocket on a school killed six."))
    events = events_of(nlp, "An Iranian drone on a base wounded six of the army's senior officers.")
    assert {("IRN", "18"), ("IRN", "19")} & coded(events)


def test_a_reduced_relative_participle_is_still_no_act(nlp: Language) -> None:
    assert events_of(nlp, "Soldiers wounded in the fighting were flown to a hospital.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eritrean soldiers wounded two farmers near the border.", ("ERIMIL", "19")),
        ("Militants injured three Kenyan police officers in an ambush.", ("---REB", "18")),
        ("Three Chadian soldiers were wounded by Libyan troops.", ("LBYMIL", "19")),
    ],
)
def test_wounding_is_an_assault_like_killing(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in coded(events_of(nlp, text))


def test_wounded_without_an_agent_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "Four people were wounded overnight.") == []


def test_wounded_as_a_noun_after_a_passive_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "The Kabul clinic has been overwhelmed by refugees and wounded.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia's winter offensive has killed at least 4,000 Ukrainian civilians.",
        "More than 2,000 people have been killed in Saudi air strikes on Yemen.",
        "About 600 Sudanese soldiers have so far been killed by the rebels.",
        "The Turkish bombardment, which has now killed 300 Kurds, continued.",
    ],
)
def test_running_tolls_are_totals_not_acts(nlp: Language, text: str) -> None:
    assert not {code for code in roots(events_of(nlp, text)) if code[1] in {"18", "19"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Saudi air strike killed 20 people at a Yemeni wedding.", ("SAU", "18")),
        ("Malian troops have killed three militants near the border.", ("MLIMIL", "19")),
    ],
)
def test_single_attacks_in_any_tense_are_acts(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in coded(events_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of Ghanaian peacekeepers began deploying on Monday.", ("GHAMIL", "074")),
        ("Some 300 Irish peacekeepers arrived in Beirut on Friday.", ("IRLMIL", "074")),
        ("About 500 Kenyan soldiers were deployed as peacekeepers in Somalia.", ("KENMIL", "074")),
        ("Nepalese peacekeepers are being deployed to Mali.", ("NPLMIL", "074")),
    ],
)
def test_peacekeepers_deploying_or_arriving_are_their_states_peacekeeping(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in {(e.source_actor.code, e.code) for e in events_of(nlp, text)}


def test_subject_condition_leaves_other_movers_alone(nlp: Language) -> None:
    assert events_of(nlp, "Troops were deployed to the border.") == []
    assert coded(events_of(nlp, "The Dutch minister arrived in Rome.")) == {("NLDGOV", "04")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan and Australia failed to reach agreement on whaling quotas.", ("JPN", "12")),
        ("Greek and Turkish negotiators have failed to reach a deal on Cyprus.", ("GRC", "12")),
    ],
)
def test_failing_to_cooperate_is_a_rejection(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in {(code[:3], root) for code, root in coded(events_of(nlp, text))}


def test_failing_to_attack_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "The Sudanese army failed to capture the town of El Fasher.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Returning recalled ambassadors restores relations (050; announced: intent 03x).
        ("Egypt returned its ambassador to Qatar on Monday.", ("EGY", "05")),
        ("Egypt and Sudan will return their recalled ambassadors next week.", ("SDN", "03")),
        # An adjective predicate of disapproval is a criticism.
        ("Senegal has been critical of Mali's military government.", ("SEN", "11")),
        # Referring a case to a court brings a lawsuit (115), however the parser hangs "to".
        ("Bolivia referred Chile's conduct to the International Court of Justice.", ("BOL", "11")),
        ("Gambia referred the case to the court in The Hague.", ("GMB", "11")),
        # Tear gas thrown at a crowd is repression; stones thrown by protesters a riot.
        ("Iraqi police hurled tear gas canisters at the protesters.", ("IRQCOP", "17")),
        ("Protesters threw stones at Turkish police.", ("TUROPP", "14")),
        ("Armenia and Azerbaijan agreed to de-escalate.", ("ARM", "03")),
    ],
)
def test_codebook_classes_added_from_fresh_reports(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in coded(events_of(nlp, text))


def test_returning_fire_or_throwing_a_party_is_no_such_act(nlp: Language) -> None:
    assert not {r for _, r in coded(events_of(nlp, "Kenya threw a party for its athletes."))}
    assert ("EGY", "05") not in coded(events_of(nlp, "Egyptian troops returned fire."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clashes broke out between Indian and Pakistani troops on Sunday.",
            {("INDMIL", "19"), ("PAKMIL", "19")},
        ),
        (
            "There were heavy clashes between Kurdish fighters and Turkish forces overnight.",
            {("TURMIL", "19")},
        ),
        ("Talks between Russia and Ukraine resumed in Istanbul.", {("RUS", "04"), ("UKR", "04")}),
    ],
)
def test_a_symmetric_event_noun_between_two_sides_is_each_sides_act(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= coded(events_of(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Diplomats fear that fighting could erupt between Serbia and Kosovo.",
        "No clashes took place between Greek and Turkish ships.",
        "The border between Chad and Sudan was quiet.",
    ],
)
def test_feared_denied_or_non_event_between_phrases_are_no_events(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


def test_withdrawing_from_a_tournament_or_race_is_no_military_retreat(nlp: Language) -> None:
    assert events_of(nlp, "The Iraqi football team has withdrawn from a tournament in Qatar.") == []
    assert events_of(nlp, "The senator withdrew from the presidential race.") == []
    assert coded(events_of(nlp, "Russian troops withdrew from Kherson.")) == {("RUSMIL", "08")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada will bring its troops home from Mali.", ("CAN", "03")),
        ("Spain brought its soldiers back from Iraq in May.", ("ESP", "08")),
        ("A Turkish court ordered two Kurdish mayors jailed.", ("TURJUD", "17")),
        ("A Kenyan judge ordered three Somali activists released.", ("KENJUD", "08")),
    ],
)
def test_troops_sent_home_withdraw_and_ordered_acts_are_the_acts(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in coded(events_of(nlp, text))


def test_troops_ordered_to_a_border_still_mobilize(nlp: Language) -> None:
    assert ("RUSGOV", "15") in coded(events_of(nlp, "Putin ordered Russian troops to the border."))


def test_a_year_describing_the_object_does_not_date_the_act(nlp: Language) -> None:
    text = (
        "The Kenyan campaign on Wednesday filed a lawsuit against the Nation newspaper "
        "over a piece it published in 2019, as the 2020 vote neared."
    )
    assert ("KEN", "11") in coded(events_of(nlp, text))


def test_a_year_dating_the_act_before_the_reports_latest_is_history(nlp: Language) -> None:
    text = "Israel invaded Lebanon on June 6, 1982, and withdrew in 2000."
    assert events_of(nlp, text) == []


def test_a_participle_after_a_copula_is_the_act(nlp: Language) -> None:
    text = "Norway has been the largest donor, contributing 46 million dollars to the Iraq fund."
    assert ("NOR", "07") in coded(events_of(nlp, text))


def test_a_participle_after_an_act_elaborates_it(nlp: Language) -> None:
    assert coded(events_of(nlp, "Israeli jets hit the town, killing five people.")) == {
        ("ISRMIL", "19")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Modi called Sharif on Sunday to congratulate him on his win.", ("IND", "05")),
        ("The Kenyan president phoned Museveni to thank him for his help.", ("KENGOV", "05")),
    ],
)
def test_a_call_made_to_perform_a_verbal_act_performs_it(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    found = {
        (code[:3] if expected[0] == "IND" else code, root)
        for code, root in coded(events_of(nlp, text))
    }
    assert expected in found


def test_a_calls_other_aims_are_the_call(nlp: Language) -> None:
    assert coded(events_of(nlp, "Macron called Putin to discuss Ukraine.")) == {("FRAGOV", "04")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erdogan commenced air and ground assaults on Kurdish fighters.", ("TURGOV", "19")),
        ("Russia commenced shelling Kharkiv on Monday.", ("RUS", "19")),
    ],
)
def test_commencing_an_act_is_the_act(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in coded(events_of(nlp, text))


def test_a_meeting_whose_with_phrase_the_parser_hangs_on_the_verb(nlp: Language) -> None:
    text = (
        "The Kenyan president broke off from budget planning for a hastily arranged "
        "meeting on Saturday with Ugandan officials."
    )
    events = events_of(nlp, text)
    assert {
        (e.source_actor.code, e.target_actor.code if e.target_actor else None) for e in events
    } >= {("KENGOV", "UGAGOV")}


def test_a_government_meeting_its_own_citizens_is_a_consultation(nlp: Language) -> None:
    text = "The Kenyan president cut short a trip for talks on Sunday with Kenyan farmers."
    assert ("KENGOV", "04") in coded(events_of(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Kenya wants to bring Somalia to a point where it will agree to talks.",
        "Uganda cancelled the visit after an attack that killed a Kenyan soldier.",
    ],
)
def test_a_relative_clause_on_a_phrase_of_another_act_is_background(
    nlp: Language, text: str
) -> None:
    codes = {root for _, root in coded(events_of(nlp, text))}
    assert not codes & {"03", "18", "19"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ghana recalled its envoy after remarks by Togolese leaders who accused Ghana of "
            "fraud.",
            ("TGO", "11"),
        ),
        (
            "The fighting began on Friday, when Ethiopian troops attacked Eritrean positions.",
            ("ETHMIL", "19"),
        ),
    ],
)
def test_relative_clauses_on_agents_and_times_are_acts(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in {
        (code[:3] if len(expected[0]) == 3 else code, root)
        for code, root in coded(events_of(nlp, text))
    }


def test_forces_barring_people_from_a_place_restrict_movement(nlp: Language) -> None:
    events = events_of(nlp, "Ethiopian troops barred aid workers from entering the town.")
    assert {(e.source_actor.code, e.code) for e in events} == {("ETHMIL", "191")}
    assert events_of(nlp, "The Kenyan court barred the newspaper from publishing the story.") == []


def test_first_time_since_is_news_not_a_running_total(nlp: Language) -> None:
    text = (
        "For the first time since the conflict in Yemen began earlier this month, Saudi Arabia "
        "has officially accused Iran of being directly responsible for the attack."
    )
    assert coded(events_of(nlp, text)) == {("SAU", "11")}


def test_what_a_period_is_counted_from_is_background(nlp: Language) -> None:
    text = (
        "Turkey has kept troops on the border since Syria shelled the town and subsequently "
        "seized the hills from the rebels."
    )
    assert not any(event.code[:2] in {"19", "20"} for event in events_of(nlp, text))


def test_correlative_comparative_is_no_act(nlp: Language) -> None:
    for text in (
        "“The more pressure, the more firepower and the more we strike the rebels – the greater "
        "our chances are to end this war,” the Sudanese general said.",
        "The more firepower and the more we shell the rebels, the sooner the war will end, the "
        "Ethiopian general said.",
    ):
        assert events_of(nlp, text) == []
    text = "Russian forces bombed Kharkiv, and the more they strike it, the worse it gets."
    assert coded(events_of(nlp, text)) == {("RUSMIL", "19")}


def test_event_noun_with_a_by_agent_that_the_clause_asserts(nlp: Language) -> None:
    [event] = events_of(nlp, "There have been violent crackdowns by Iranian police on students.")
    assert (event.source_actor.code or "").startswith("IRN") and event.code[:2] == "17"
    [event] = events_of(nlp, "The border town has been under heavy bombardment by Sudanese forces.")
    assert (event.source_actor.code, event.code[:2]) == ("SDNMIL", "19")
    for text in (
        "There were no crackdowns by Iranian police on students.",
        "Analysts fear there could be a crackdown by Iranian police on students.",
    ):
        assert events_of(nlp, text) == []


def test_reported_clause_judging_what_its_subject_does_is_criticism(nlp: Language) -> None:
    [event] = events_of(nlp, "Japan said that China was making excessive claims.")
    assert (event.source_actor.code, event.code) == ("JPN", "111")
    assert event.target_actor is not None and event.target_actor.code == "CHN"
    assert events_of(nlp, "Japan said the talks had produced unacceptable results.") == []


def test_reported_toll_without_a_named_doer_is_no_accusation(nlp: Language) -> None:
    text = "Armenia said that 12 villagers were killed in an Azerbaijani drone strike."
    assert ("ARM", "11") not in coded(events_of(nlp, text))
    text = "Armenia said that 12 villagers were killed by Azerbaijani forces."
    assert ("ARM", "11") in coded(events_of(nlp, text))


def test_reported_involvement_is_an_accusation_and_its_denial_is_not(nlp: Language) -> None:
    events = events_of(nlp, "Baku is claiming that Yerevan was involved in planning the raid.")
    assert ("AZE", "11") in coded(events)
    events = events_of(nlp, "Azerbaijan said Armenia was not involved in the raid.")
    assert ("AZE", "11") not in coded(events)


def test_involvement_in_no_harm_is_no_accusation(nlp: Language) -> None:
    events = events_of(nlp, "Kenya said Uganda was involved in the negotiations on a truce.")
    assert ("KEN", "11") not in coded(events)
    events = events_of(nlp, "Kenya said Uganda was implicated in the killing of a judge.")
    assert ("KEN", "11") in coded(events)


def test_existential_fighting_between_two_sides(nlp: Language) -> None:
    events = events_of(nlp, "There is fighting between Hezbollah and Israeli troops.")
    assert coded(events) == {("LBNREB", "19"), ("ISRMIL", "19")}


def test_relative_clause_aside_on_a_subject_is_description(nlp: Language) -> None:
    text = (
        "An Iraqi spokesman said the Iraqi Seventh Army Corps, whose troops fought off the "
        "Iranians, had a new commander."
    )
    assert events_of(nlp, text) == []
    text = "Iraqi troops fought off the Iranians near Basra."
    assert coded(events_of(nlp, text)) == {("IRQMIL", "19")}


def test_they_under_speech_of_coordinated_speakers_is_each_speaker(nlp: Language) -> None:
    events = events_of(nlp, "Chile and Peru said they will resume diplomatic relations.")
    assert coded(events) == {("CHL", "03"), ("PER", "03")}


def test_allowing_aid_or_inspectors_in_is_allowing_international_involvement(
    nlp: Language,
) -> None:
    [event] = events_of(nlp, "Egypt allowed aid trucks to enter the Sinai.")
    assert (event.source_actor.code, event.code) == ("EGY", "0863")
    [event] = events_of(nlp, "Sudan allowed UN inspectors to enter Darfur.")
    assert (event.source_actor.code, event.code) == ("SDN", "0862")


def test_regretting_what_another_did_is_criticism(nlp: Language) -> None:
    events = events_of(nlp, "Japan regrets that China has rejected the proposal.")
    assert ("JPN", "11") in coded(events)
    assert events_of(nlp, "Japan regretted the loss of life in the earthquake.") == []
    assert events_of(nlp, "Japan said it regretted its past actions.") == []


def test_one_act_is_coded_once_by_its_governing_verb(nlp: Language) -> None:
    events = events_of(nlp, "Kenya reiterated its commitment to support the Somali government.")
    assert [(event.source_actor.code, event.code[:2]) for event in events] == [("KEN", "03")]
    assert events[0].target_actor is not None and events[0].target_actor.code == "SOMGOV"
