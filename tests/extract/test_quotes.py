"""Quotations: marks, direct and mixed quotes, reported speech, speakers."""

from __future__ import annotations

import pytest

from newsclaims.evaluation import run_eval
from newsclaims.extract.quote_marks import find_quoted_spans
from newsclaims.ingest.readers import text_article
from newsclaims.model import Quote, Report
from newsclaims.pipeline import analyze_article


def quoted_texts(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_quoted_spans(text)]


def covering(report: Report, words: str) -> list[Quote]:
    """The quotes whose content covers ``words`` (as the scorer matches keys)."""
    start = report.text.index(words)
    end = start + len(words)
    return [q for q in report.quotes if q.content.start <= start and end <= q.content.end]


def speaker_names(quotes: list[Quote]) -> set[str]:
    names: set[str] = set()
    for quote in quotes:
        if quote.speaker is not None:
            names.add(quote.speaker.text)
            if quote.speaker.canonical:
                names.add(quote.speaker.canonical)
    return names


# -- quotation marks ---------------------------------------------------------------------


def test_straight_curly_and_single_marks_pair_up():
    text = "He said \"one\". She said “two”. The sign read ‘three’ and 'four'."
    assert quoted_texts(text) == ["one", "two", "three", "four"]


def test_apostrophes_are_not_marks():
    text = "Hamas' leaders and the group’s allies don’t agree; the '90s are over."
    assert quoted_texts(text) == []


def test_quote_running_over_paragraphs_is_cut_per_paragraph():
    text = '"The town will be rebuilt.\n\n"It will take years," she said.'
    spans = find_quoted_spans(text)
    assert quoted_texts(text) == ["The town will be rebuilt.", "It will take years"]
    assert spans[0].continued and spans[0].close_mark is None


def test_one_odd_mark_spoils_only_its_paragraph():
    text = 'He called it "absurd.\n\nLater she said "we agree" with them.'
    assert quoted_texts(text) == ["absurd.", "we agree"]


# -- direct quotes -----------------------------------------------------------------------


def test_direct_quote_with_cue_after(analyze_text):
    report = analyze_text('"We will not give up," Maria Lopez said on Monday.')
    (quote,) = covering(report, "We will not give up")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.canonical == "Maria Lopez"
    assert quote.cue is not None and quote.cue.lemma == "say"
    assert quote.content.text == "We will not give up"


def test_direct_quote_with_cue_before_and_inverted_cue(analyze_text):
    report = analyze_text(
        'Mayor Tom Reed said: "The water is safe to drink." "We have enough food for '
        'a week," said Lena Ortiz, a volunteer at the shelter.'
    )
    assert speaker_names(covering(report, "The water is safe to drink")) >= {"Tom Reed"}
    assert "Lena Ortiz" in speaker_names(covering(report, "We have enough food for a week"))


def test_quote_split_around_the_cue_keeps_its_speaker(analyze_text):
    report = analyze_text(
        'Foreign Minister Jean Dupont spoke in Paris. "The plan is dead," he said. '
        '"Nobody wants it any more."'
    )
    first = covering(report, "The plan is dead")
    second = covering(report, "Nobody wants it any more")
    assert "Jean Dupont" in speaker_names(first)
    assert "Jean Dupont" in speaker_names(second)
    assert second[0].kind == "direct"


def test_follow_up_paragraph_takes_the_previous_speaker(analyze_text):
    report = analyze_text(
        'Anna Berg, a nurse at the clinic, said: "We ran out of beds on Sunday."\n'
        '"We are exhausted and we need help."'
    )
    (follow_up,) = covering(report, "We are exhausted and we need help")
    assert follow_up.kind == "direct"
    assert follow_up.cue is None
    assert follow_up.speaker is not None and follow_up.speaker.canonical == "Anna Berg"


def test_quote_running_over_paragraphs_keeps_its_speaker(analyze_text):
    report = analyze_text(
        "The flood damaged the old bridge.\n"
        'Engineer Paul Kim said: "The bridge will be closed for a month.\n\n'
        '"The repairs cannot start before the river falls."'
    )
    assert "Paul Kim" in speaker_names(covering(report, "The bridge will be closed"))
    assert "Paul Kim" in speaker_names(covering(report, "The repairs cannot start"))


# -- mixed quotes and scare quotes ---------------------------------------------------------


def test_quoted_fragment_in_reported_speech_is_the_mixed_part_of_its_clause(analyze_text):
    """One statement, one item (issue 12): the clause is ``mixed``, the fragment in it."""
    report = analyze_text(
        "Finance Minister Karen Holt said the government wants a "
        '"fair and lasting settlement" with the unions.'
    )
    assert [q.content.text for q in report.quotes] == [
        'the government wants a "fair and lasting settlement" with the unions'
    ]
    assert report.quotes[0].kind == "mixed"
    assert "Karen Holt" in speaker_names(report.quotes)


def test_scare_quotes_with_no_speaker_are_not_quotes(analyze_text):
    report = analyze_text('The so-called "peace dividend" never arrived in the valley.')
    assert report.quotes == []


# -- reported speech ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The central bank said prices would rise next year.",
        "Prices would rise next year, the central bank said.",
        "The central bank said that prices would rise next year.",
    ],
)
def test_reported_speech_in_both_orders(analyze_text, text):
    report = analyze_text(text)
    quotes = covering(report, "rise next year")
    assert quotes and quotes[0].kind == "indirect"
    assert quotes[0].speaker is not None and quotes[0].speaker.text.lower() == "the central bank"
    content = quotes[0].content.text
    assert "said" not in content and "bank" not in content and not content.startswith("that")


def test_participle_takes_the_subject_of_its_clause(analyze_text):
    report = analyze_text(
        "The army withdrew from the town, saying the operation had achieved its aims."
    )
    (quote,) = covering(report, "the operation had achieved its aims")
    assert quote.speaker is not None and quote.speaker.text == "The army"
    assert quote.cue is not None and quote.cue.text == "saying"


def test_told_with_its_hearer(analyze_text):
    report = analyze_text("Supplies are running out, a local official told Reuters on Tuesday.")
    (quote,) = covering(report, "Supplies are running out")
    assert quote.speaker is not None and quote.speaker.text == "a local official"


def test_according_to_names_the_source(analyze_text):
    report = analyze_text(
        "At least 12 people died in the floods, according to the regional health ministry."
    )
    (quote,) = covering(report, "At least 12 people died in the floods")
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.speaker is not None and quote.speaker.text == "the regional health ministry"
    assert "according" not in quote.content.text


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The company believes demand will recover by spring.",
            "demand will recover",
            "The company",
        ),
        ("Residents fear the old dam could break.", "the old dam could break", "Residents"),
        ("The league expects to announce a new calendar.", "announce a new calendar", "The league"),
    ],
)
def test_cognition_verbs_report_beliefs(analyze_text, text, content, speaker):
    quotes = covering(analyze_text(text), content)
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_headline_says_and_single_quoted_fragment(analyze_text, line_end):
    report = analyze_text(
        f"Mayor says city will 'never surrender' to floods{line_end}{line_end}"
        "The mayor spoke to reporters in the town hall on Monday."
    )
    headline = covering(report, "city will 'never surrender' to floods")
    assert headline and headline[0].in_headline and headline[0].kind == "mixed"
    assert "Mayor" in speaker_names(headline)
    assert not [q for q in report.quotes if q.content.text == "never surrender"]


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_body_quotes_are_not_in_the_headline(analyze_text, line_end):
    report = analyze_text(
        f"Floods close schools{line_end}{line_end}The mayor said the city would rebuild."
    )
    (quote,) = covering(report, "the city would rebuild")
    assert not quote.in_headline


@pytest.mark.parametrize(
    "text",
    [
        "The minister did not say whether the border would reopen.",
        "The storm is expected to hit the coast on Friday.",
        "The navy maintained a blockade of the port after the rebels seized it.",
        "Officials released a list of the missing on Thursday.",
    ],
)
def test_non_reports_are_not_quotes(analyze_text, text):
    assert analyze_text(text).quotes == []


# -- speakers -----------------------------------------------------------------------------


def test_pronouns_resolve_to_compatible_antecedents(analyze_text):
    report = analyze_text(
        "Finance Minister Karen Holt met bankers on Monday. She said the budget would be "
        "balanced. The ministry issued a statement later. It said taxes would not rise. "
        "Two senior diplomats briefed reporters. They said the talks had stalled."
    )
    (she,) = covering(report, "the budget would be balanced")
    (it,) = covering(report, "taxes would not rise")
    (they,) = covering(report, "the talks had stalled")
    assert she.speaker is not None and she.speaker.canonical == "Karen Holt"
    assert it.speaker is not None and it.speaker.canonical == "The ministry"
    assert they.speaker is not None and they.speaker.canonical == "Two senior diplomats"


def test_pronoun_prefers_the_previous_speaker(analyze_text):
    report = analyze_text(
        "A police spokesman said the suspect, whose brother is a soldier, had been "
        "arrested. He said the investigation would take weeks."
    )
    (quote,) = covering(report, "the investigation would take weeks")
    assert quote.speaker is not None and quote.speaker.canonical == "A police spokesman"


def test_short_name_resolves_to_the_fullest_name(analyze_text):
    report = analyze_text(
        "U.S. Secretary of State Antony Blinken arrived in Cairo on Sunday. "
        "Blinken said the talks had been constructive."
    )
    (quote,) = covering(report, "the talks had been constructive")
    assert quote.speaker is not None
    assert quote.speaker.text == "Blinken" and quote.speaker.canonical == "Antony Blinken"


def test_titled_name_keeps_its_title_in_the_text(analyze_text):
    report = analyze_text("U.S. Secretary of State Antony Blinken said the talks would go on.")
    (quote,) = covering(report, "the talks would go on")
    assert quote.speaker is not None
    assert quote.speaker.text == "U.S. Secretary of State Antony Blinken"
    assert quote.speaker.canonical == "Antony Blinken"


def test_possessive_organisation_is_kept_whole(analyze_text):
    report = analyze_text("Prime Minister Jane Doe's office said the visit was cancelled.")
    (quote,) = covering(report, "the visit was cancelled")
    assert quote.speaker is not None
    assert quote.speaker.text == "Prime Minister Jane Doe's office"
    assert quote.speaker.canonical != "Jane Doe"


def test_role_noun_resolves_to_the_named_holder(analyze_text):
    report = analyze_text(
        "The ministry's spokesperson, Omar Haddad, spoke on Monday. "
        "On Tuesday the spokesperson said the strikes had stopped."
    )
    (quote,) = covering(report, "the strikes had stopped")
    assert quote.speaker is not None and quote.speaker.text == "the spokesperson"
    assert quote.speaker.canonical == "Omar Haddad"


def test_quote_ids_follow_text_order(analyze_text):
    report = analyze_text('The army said the road was open. "Convoys can pass," a colonel said.')
    assert [q.id for q in report.quotes] == ["q1", "q2"]
    starts = [q.content.start for q in report.quotes]
    assert starts == sorted(starts)
    for quote in report.quotes:
        assert report.text[quote.content.start : quote.content.end] == quote.content.text


@pytest.mark.shared
def test_dev_set_meets_the_bars(shared_dir):
    scores = run_eval(shared_dir / "eval" / "dev").total.counts
    assert scores["quotes"].f1 >= 0.90
    assert scores["attribution"].f1 >= 0.85


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        (
            "The mayor urged residents to stay indoors until the storm passed.",
            "residents to stay indoors until the storm passed",
            "The mayor",
        ),
        (
            "The union asked the ministry to publish the names of the missing.",
            "the ministry to publish the names of the missing",
            "The union",
        ),
        (
            "The rebel group claimed to have shot down two helicopters.",
            "to have shot down two helicopters",
            "The rebel group",
        ),
    ],
)
def test_cue_with_object_and_infinitive_reports_both(sentence, content, speaker):
    quotes = analyze_article(text_article(sentence)).quotes
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        (content, speaker)
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The flood was the worst in decades, said Lukas Weber, an engineer at Leeds "
            "University.",
            "Lukas Weber",
        ),
        (
            "Mara Olsen, the envoy for the northern provinces, who urged both sides to "
            "return to talks, left on Friday.",
            "Mara Olsen",
        ),
    ],
)
def test_appositive_and_relative_speakers_resolve_to_the_person(text, speaker):
    (quote,) = analyze_article(text_article(text)).quotes
    assert quote.speaker is not None
    assert speaker in {quote.speaker.text, quote.speaker.canonical}
    assert quote.speaker.text in {speaker, "who"}


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A trailing speaker the parser hangs inside the claim (apposition, conjunct).
        (
            "The injured were taken to the Nordby clinic in Falun, the health office in "
            "the northern region said in a statement.",
            "The injured were taken to the Nordby clinic in Falun",
            "the health office in the northern region",
        ),
        (
            "There were about 30 lorries in the second convoy carrying fuel and flour, "
            "customs and police sources said.",
            "There were about 30 lorries in the second convoy carrying fuel and flour",
            "customs and police sources",
        ),
        # A name the parser broke stays whole; a time phrase is not part of the speaker.
        (
            "According to the Committee to Protect Journalists, three reporters were "
            "detained at the border.",
            "three reporters were detained at the border",
            "the Committee to Protect Journalists",
        ),
        (
            "The port will reopen on Monday, according to a statement from the harbour "
            "authority on Saturday night.",
            "The port will reopen on Monday",
            "a statement from the harbour authority",
        ),
    ],
)
def test_trailing_and_according_to_speakers(text, content, speaker):
    quotes = analyze_article(text_article(text)).quotes
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        (content, speaker)
    ]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # A scare-quoted word is the mixed part of its reported clause: one item.
        (
            'The company said the riot was "contained" within an hour.',
            [("mixed", 'the riot was "contained" within an hour')],
        ),
        # Two coordinated statements: the quoted phrase in the second is its own item.
        (
            'The ministry said five sailors are missing, and their state was "grave".',
            [("indirect", "five sailors are missing"), ("mixed", "grave")],
        ),
    ],
)
def test_scare_quotes_belong_to_their_clause(text, contents):
    quotes = analyze_article(text_article(text)).quotes
    assert [(q.kind, q.content.text) for q in quotes] == contents


def test_relative_clause_cue_reports_the_gapped_verb_and_a_negated_cue_reports_nothing():
    text = "The talks follow raids on two villages that local officials say killed 35 people."
    report = analyze_article(text_article(text))
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in report.quotes] == [
        ("killed 35 people", "local officials")
    ]
    (figure,) = report.figures
    assert figure.source is not None and figure.source.text == "local officials"
    assert analyze_article(text_article("The army did not say how many had died.")).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The newspaper quoted Karin Olsen as saying the talks had failed.", "Karin Olsen"),
        (
            "Radio Kiro quoted a senior official as saying the port would reopen.",
            "a senior official",
        ),
    ],
)
def test_quoted_as_saying_is_the_quoted_persons(text, speaker):
    (quote,) = analyze_article(text_article(text)).quotes
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The company confirmed receipt of the offer.",
        "The index rose 3 percent, adding 2 percent to the gains of last week.",
        "Writing by Ana Lobo; Editing by Tom Hale",
        "Data suggested that exports fell in May.",
        "The army did not confirm the report.",
        "No group claimed responsibility for the attack.",
        "Nobody said the road was safe.",
    ],
)
def test_non_speech_cues_are_not_quotes(text):
    assert analyze_article(text_article(text)).quotes == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The group described the attack as an act of war.",
            "the attack as an act of war",
            "The group",
        ),
        (
            "The rebels have described their raids as part of a campaign to defend the "
            "valley, where 300 people have been killed, according to the health office.",
            "their raids as part of a campaign to defend the valley",
            "The rebels",
        ),
        (
            "He called the decision a betrayal of the workers.",
            "the decision a betrayal of the workers",
            "He",
        ),
        (
            "The union at the time accused the firm of hiding the accident.",
            "the firm of hiding the accident",
            "The union",
        ),
        (
            "The mayor blamed the utility for the blackout.",
            "the utility for the blackout",
            "The mayor",
        ),
        ("The government denied blocking aid convoys.", "blocking aid convoys", "The government"),
    ],
)
def test_characterising_and_accusing_verbs(text, content, speaker):
    quotes = analyze_article(text_article(text)).quotes
    found = [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes]
    assert (content, speaker) in found


def test_a_content_that_opens_a_quotation_runs_to_its_end():
    text = (
        'The minister called the truce a "short pause, after which the fighting resumes" on Friday.'
    )
    (quote,) = analyze_article(text_article(text)).quotes
    assert quote.content.text.endswith('after which the fighting resumes"')
    assert quote.kind == "mixed"


@pytest.mark.parametrize(
    ("headline", "content", "speaker"),
    [
        (
            "Root causes of the flood must be addressed: UNICEF",
            "Root causes of the flood must be addressed",
            "UNICEF",
        ),
        (
            "Mayor Ana Olsen: we will rebuild the bridge",
            "we will rebuild the bridge",
            "Mayor Ana Olsen",
        ),
        ("Ukraine: the long road to peace talks", None, None),
        ("Flood war: what we know on day two", None, None),
    ],
)
def test_headline_speaker_beside_a_colon(headline, content, speaker):
    report = analyze_article(text_article(f"{headline}\n\nThe agency spoke on Sunday."))
    found = [(q.content.text, q.speaker.text if q.speaker else None) for q in report.quotes]
    assert found == ([(content, speaker)] if content else [])


def test_a_cue_with_its_own_object_does_not_report_the_clause_before_it():
    text = "The council will meet on Sunday after the secretary general, Ana Voss, urged “all efforts to avoid a wider war”."
    (quote,) = analyze_article(text_article(text)).quotes
    assert quote.content.text == "all efforts to avoid a wider war"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The group, which according to the UN has 3,000 fighters, denied the claim.",
            "has 3,000 fighters",
            "the UN",
        ),
        (
            "The strike hit a school where, according to witnesses, 40 people were sheltering.",
            "40 people were sheltering",
            "witnesses",
        ),
    ],
)
def test_according_to_inside_a_relative_clause(text, content, speaker):
    quotes = analyze_article(text_article(text)).quotes
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        (content, speaker)
    ]


def test_an_all_caps_headline_verb_is_no_cue_inside_a_phrase():
    text = "CURFEW CLAMPED ON NORTHERN STATE AFTER RIOTS\n\nThe army imposed a curfew."
    assert analyze_article(text_article(text)).quotes == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Officials rejected the minister's claim that the dam had burst.",
            "the dam had burst",
            "the minister",
        ),
        (
            "Few believed the claim by the army that no civilians were hurt.",
            "no civilians were hurt",
            "the army",
        ),
        (
            "Mayor Ana Olsen spoke. Officials rejected her insistence that the vote was rigged.",
            "the vote was rigged",
            "Ana Olsen",
        ),
    ],
)
def test_noun_cues_report_their_owners_claim(text, content, speaker):
    quotes = [q for q in analyze_article(text_article(text)).quotes if q.content.text == content]
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert speaker in {quotes[0].speaker.text, quotes[0].speaker.canonical}


def test_a_noun_cue_with_no_owner_quotes_nobody():
    text = "Officials rejected the claim that the dam had burst."
    assert analyze_article(text_article(text)).quotes == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry put the death toll at 350.", "the death toll at 350"),
        ("The army raised the toll to 40 on Monday.", "the toll to 40"),
        ("The storm put the harvest at risk.", None),
    ],
)
def test_toll_verbs_report_the_count(text, content):
    quotes = analyze_article(text_article(text)).quotes
    assert [q.content.text for q in quotes] == ([content] if content else [])
