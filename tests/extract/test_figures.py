"""Figures on sentences written for these tests: hedges, number words, exclusions, sources."""

import pytest

from newsclaims.evaluation import gold_pairs, load_gold, score_report
from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.figures import extract_figures
from newsclaims.ingest.readers import read_article, text_article
from newsclaims.model import ActorRef, Figure, Quote, Span
from newsclaims.pipeline import analyze_article


@pytest.fixture
def figures(nlp):
    def run(text: str, quotes: list[Quote] | None = None) -> list[Figure]:
        doc = nlp(text)
        found = extract_figures(doc, ActorIndex(doc), quotes or [])
        for figure in found:
            assert text[figure.span.start : figure.span.end] == figure.span.text
        return found

    return run


def only(found: list[Figure]) -> Figure:
    assert len(found) == 1, [figure.span.text for figure in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "qualifier"),
    [
        ("Soldiers detained about 40 protesters in the square.", "about 40", 40, "approx"),
        ("Nearly 300 families fled the town.", "Nearly 300", 300, "approx"),
        ("Some 1,200 refugees crossed the border.", "Some 1,200", 1200, "approx"),
        ("The storm killed at least 17 villagers.", "at least 17", 17, "at_least"),
        ("More than 90 prisoners were freed.", "More than 90", 90, "at_least"),
        ("The toll climbed past 4,100 on Monday.", "past 4,100", 4100, "at_least"),
        ("Up to 60 sailors are missing.", "Up to 60", 60, "at_most"),
        ("Fewer than 20 guards were injured.", "Fewer than 20", 20, "at_most"),
        ("Rebels captured 212 soldiers.", "212", 212, "exact"),
        ("Fourteen miners were trapped underground.", "Fourteen", 14, "exact"),
        ("Floods displaced 1.4 million people.", "1.4 million", 1_400_000, "exact"),
        ("The war uprooted two and a half million people.", "two and a half million",
         2_500_000, "exact"),
        ("Police arrested at least another 25 people.", "at least another 25", 25, "at_least"),
        ("Officials say nearly  900 people died.", "nearly  900", 900, "approx"),
    ],
)  # fmt: skip
def test_hedges_and_number_words(figures, sentence, surface, value, qualifier):
    figure = only(figures(sentence))
    assert (figure.span.text, figure.value, figure.qualifier) == (surface, value, qualifier)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Dozens of fishermen were rescued.", "Dozens"),
        ("Militants fired hundreds of mortars at the base.", "hundreds"),
        ("Tens of thousands of pilgrims were stranded.", "Tens of thousands"),
        ("Several dozen students were arrested.", "Several dozen"),
        ("The navy intercepted several drones.", "several"),
        ("Scores of houses were destroyed.", "Scores"),
    ],
)
def test_vague_counts(figures, sentence, surface):
    figure = only(figures(sentence))
    assert (figure.span.text, figure.value, figure.qualifier) == (surface, None, "vague")


@pytest.mark.parametrize(
    ("sentence", "surface", "low", "high"),
    [
        ("Between 10 and 20 demonstrators were hurt.", "Between 10 and 20", 10, 20),
        ("The raid left 30 to 40 fighters dead.", "30 to 40", 30, 40),
    ],
)
def test_ranges(figures, sentence, surface, low, high):
    figure = only(figures(sentence))
    assert (figure.span.text, figure.qualifier, figure.low, figure.high) == (
        surface,
        "range",
        low,
        high,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The ceasefire was signed on March 3, 2021.",
        "The posts were collected between October 7-10 by the monitor.",
        "A six-week truce began at 7am on Sunday.",
        "The convoy waited for three weeks at the crossing.",
        "Talks lasted two months.",
        "A 25-year-old nurse was among those interviewed.",
        "The boy, aged 9, was treated in hospital.",
        "Leila Haddad, 38, said the shelling never stopped.",
        "The dead were named as Karim Saleh (24) and Omar Nasser (31).",
        "She was 14 when the war began.",
        "The fund pledged $5 million for reconstruction.",
        "Unemployment rose to 45 percent.",
        "The camp lies 5 km from the border.",
        "He commanded the Fifth Army Corps before his promotion.",
        "The council adopted Resolution 2334.",
        "The territory of 2.3 million Palestinians is under siege.",
        "About 40,000 Filipinos live in the kingdom.",
        "Negotiators agreed to three key points of the plan.",
        "Two groups of workers clashed at the hostel.",
        "One of the most violent nights of the war followed.",
        "The father of four was buried on Monday.",
        "It was the second attack on the town in 1995.",
        "Gaza's 2.3 million residents face famine.",
        "Aid reached a third of the 900,000 people who live in the province.",
        "One aid agency warned of famine.",
        # Wire-copy percentages, durations, weights and currencies.
        "Net profit rose 12 pct in the first six mths.",
        "Exports totalled 40 mln lbs.",
        "Sales reached 340 mln crowns.",
    ],
)
def test_numbers_that_are_not_figures(figures, sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The army said 12 soldiers were wounded in the ambush.", "The army"),
        ("Twelve soldiers were wounded in the ambush, the army said.", "the army"),
        ("Nine sailors drowned, according to the coast guard in the port city.",
         "the coast guard in the port city"),
        ("The ministry believes about 80 civilians remain under the rubble.", "The ministry"),
        ("The Red Cross reported 45 deaths in the district.", "The Red Cross"),
        ("A police spokesman told reporters that 16 suspects were arrested.",
         "A police spokesman"),
    ],
)  # fmt: skip
def test_sources_from_the_parse(figures, sentence, source):
    figure = only(figures(sentence))
    assert figure.source is not None
    assert figure.source.text == source


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen abducted 30 villagers on Friday.",
        "A farmer whose brother had hidden four fugitives said he was innocent.",
        "The strike brought the number of dead to 51.",
        "A new law is feared by thousands of farmers.",
    ],
)
def test_unattributed_figures_have_no_source(figures, sentence):
    assert only(figures(sentence)).source is None


def test_counts_of_things_and_of_one(figures):
    assert only(figures("Troops control the city's seven crossings.")).value == 7
    assert only(figures("One soldier was killed in the raid.")).value == 1


def test_pronoun_source_takes_the_enclosing_speaker(figures):
    figure = only(figures("The agency says it counted 300 wounded in the city."))
    assert figure.source is not None and figure.source.text == "The agency"


def test_pronoun_source_takes_the_previous_sentence_source(figures):
    found = figures(
        "Eleven people died in the blast, according to the civil defence agency. "
        "It also reported that 40 people were injured."
    )
    assert [f.value for f in found] == [11, 40]
    assert found[1].source is not None
    assert found[1].source.text == "the civil defence agency"


def test_enclosing_quote_gives_the_source(figures):
    text = '"We buried 23 people today," the mayor told reporters.'
    content = text.index("We"), text.index(",")
    quote = Quote(
        id="q1",
        kind="direct",
        content=Span(start=content[0], end=content[1], text=text[content[0] : content[1]]),
        speaker=ActorRef(text="Mayor Ana Silva"),
    )
    figure = only(figures(text, [quote]))
    assert figure.source is not None and figure.source.text == "Mayor Ana Silva"
    assert figure.quote_id == "q1"


def test_headline_figures_are_not_attributed_to_the_first_sentence(figures):
    found = figures(
        "Five Killed In Border Clash\n\nFive guards were killed and two injured, the army said."
    )
    assert [figure.value for figure in found] == [5, 5, 2]
    assert found[0].source is None
    assert [figure.source.text for figure in found[1:] if figure.source] == ["the army"] * 2


def test_what_status_where_and_when(figures):
    figure = only(figures("Israeli strikes killed 40 civilians in Gaza on October 12."))
    assert (figure.what, figure.status, figure.where) == ("civilians", "killed", "Gaza")
    assert figure.when is not None and "October 12" in figure.when
    statuses = [f.status for f in figures("Three crew are missing and 11 were injured.")]
    assert statuses == ["missing", "wounded"]


def test_counts_of_workers_are_figures_but_residents_are_a_population(figures):
    figure = only(figures("About 500 doctors work at the hospital."))
    assert (figure.value, figure.what) == (500, "doctors")
    assert figures("Some 3,000 families live in the district.") == []


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Gunmen took 30 hostages near the border.", "hostages"),
        ("Fighters took 12 captives during the raid.", "captives"),
    ],
)
def test_taking_hostages_is_seizing_them(figures, sentence, what):
    figure = only(figures(sentence))
    assert (figure.status, figure.what) == ("seized", what)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The ministry recorded 50 deaths in the district.", "The ministry"),
        ("The army urged 1,000 residents to leave the area.", None),
        ("The United States maintains 2,500 troops in the country.", None),
        ("The governor said the road was closed. About 20 people died, according to him.",
         "The governor"),
    ],
)  # fmt: skip
def test_which_verbs_attribute_a_count(figures, sentence, source):
    figure = only(figures(sentence))
    assert (figure.source.text if figure.source else None) == source


@pytest.mark.shared
def test_dev_figures_meet_the_bar(shared_dir):
    """The brief's bars on the dev set: figures_f1 >= 0.90, figure_values_f1 >= 0.80."""
    from newsclaims.evaluation import Scores

    total = Scores()
    for pair in gold_pairs(shared_dir / "eval" / "dev"):
        article = read_article(pair.text_path)
        prediction = analyze_article(article).model_dump(mode="json")
        total.add(score_report(prediction, load_gold(pair), article.text))
    assert total.counts["figures"].f1 >= 0.90
    assert total.counts["figure_values"].f1 >= 0.80


def test_since_date_keeps_its_preposition_and_nested_place(nlp):
    text = (
        "At least 29,092 Palestinians have been killed in Israeli assaults on Gaza since October 7."
    )
    (figure,) = analyze_article(text_article(text)).figures
    assert figure.when == "since October 7"
    assert figure.where == "Gaza"
    (struck,) = analyze_article(text_article("Israeli strikes on Gaza killed 40 people.")).figures
    assert struck.where == "Gaza"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("In the past 24 hours, 324 Palestinians have been killed, the ministry said.", "period"),
        ("The Gaza ministry said that 390 Palestinians were killed and 734 people were injured "
         "in the last 48 hours alone.", "period"),
        ("At least 207 people were killed over a 24-hour period.", "period"),
        ("Israeli forces carried out 18 attacks in the past hours, killing 252 people.",
         "period"),
        ("Two people were killed overnight in Jenin.", "period"),
        ("It said more than 100 were killed in Israeli attacks on Sunday.", "period"),
        ("The ministry said Israeli attacks on the territory over the past 24 hours had "
         "killed at least 76 Palestinians.", "period"),
        ("An Israeli air strike on a house in Rafah killed 12 people.", "incident"),
        ("At least 471 people were killed in the blast, the ministry said.", "incident"),
        ("Three soldiers were killed by a roadside bomb.", "incident"),
        # Running tolls: no period or incident limits them.
        ("At least 30,000 people have been killed since October 7, and 90 were killed in the "
         "past 24 hours.", None),
        ("At least 30,000 people have been killed, and an air strike killed 12 people on "
         "Monday.", None),
        ("Israeli fire has killed 500 Palestinians in the West Bank since October 7.", None),
        ("Israel's attacks have killed 28,000 people in the last 140 days.", None),
        ("At least 10,022 Palestinians have been killed in 31 days of Israeli attacks.", None),
        ("Israel's attack on Gaza has killed 30,000 people, the ministry said.", None),
        ("Strikes have killed 1,200 people since October 7.", None),
        # A count told in the simple past tells of an event that is over: one attack's,
        # one war's, not the running toll.
        ("At least 1,139 people were killed in the Hamas attack on October 7.", "incident"),
        ("Gunmen stormed the village at dawn, killing 40 people.", "incident"),
        ("Gunmen broke through the fence to massacre about 300 people.", "incident"),
        # Attacks pinned down to one site are that site's count, not the toll.
        ("At least 40 people have been killed in Israeli strikes on the Jabalia refugee "
         "camp.", "incident"),
        ("Israeli strikes on a school in the city have killed at least 40 people.",
         "incident"),
        ("More than 11,000 people have been killed in Israeli attacks on Gaza.", None),
        ("Twenty people were killed in the fighting, officials said.", "incident"),
        ("The war killed more than 2,000 people, most of them civilians.", "incident"),
        # ... unless its clause counts from a start, or the perfect makes it current.
        ("At least 500 people were killed in air strikes since the war began.", None),
        ("Officials said 232 people were killed and 1,900 wounded since the fighting began.",
         None),
        # A clause of its own adding up a toll does not make the day's count a toll.
        ("Troops killed five people in the town on Sunday morning, taking the toll in the "
         "raids to seven.", "incident"),
        ("Jets bombed the city at dawn, hitting a building and killing at least three "
         "people.", "incident"),
        ("Strikes have destroyed homes and killed 300 people, the ministry said.", None),
        ("The army says 40 soldiers were killed so far in the ground operation.", None),
        ("The death toll rose to 9,000 on Tuesday, the ministry said.", None),
        ("More than 200 people are killed every day.", None),
        # A toll noun makes a running count, unless its phrase names one incident.
        ("The number of dead rose to 9,100 on Tuesday, the ministry said.", None),
        ("His death raised the toll from Monday's raid to seven.", "incident"),
    ],
)  # fmt: skip
def test_a_count_limited_to_a_period_or_an_incident_says_so(nlp, text, scope):
    (first, *_) = analyze_article(text_article(text)).figures
    assert first.scope == scope


def test_the_toll_a_days_count_adds_up_to_is_a_toll(nlp):
    text = (
        "Israeli attacks on the territory over the past 24 hours had killed at least 76 "
        "Palestinians, raising the total to at least 32,490 Palestinians."
    )
    assert [f.scope for f in analyze_article(text_article(text)).figures] == ["period", None]


def test_a_place_noun_is_kept_as_written_for_the_store_to_resolve(nlp):
    text = "Strikes on the besieged enclave killed 40 people, the ministry said."
    (figure,) = analyze_article(text_article(text)).figures
    assert figure.where == "the besieged enclave"
    named = "Strikes hit Rafah. Twelve people were killed in the town of Beit Lahiya."
    assert analyze_article(text_article(named)).figures[0].where == "Beit Lahiya"
    some_camp = "Two people were killed in a refugee camp."
    assert analyze_article(text_article(some_camp)).figures[0].where is None
    site = "The ministry said at least 40 people had been killed at the hospital."
    assert analyze_article(text_article(site)).figures[0].where == "the hospital"


def test_the_place_after_coordinated_counts_covers_both(nlp):
    text = "At least 18 people were killed and 100 injured in the West Bank since Saturday."
    assert [f.where for f in analyze_article(text_article(text)).figures] == [
        "the West Bank",
        "the West Bank",
    ]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The death toll has passed 5,000, officials said.", "at_least"),
        ("The toll surpassed 1,200 on Monday.", "at_least"),
        ("The death toll nears 9,000 as strikes go on.", "at_most"),
        ("The number of dead is approaching 300, officials said.", "at_most"),
        ("A dozen or so soldiers were killed.", "approx"),
        ("Police arrested 40 or more protesters.", "at_least"),
        ("Rebels passed 12 checkpoints on the road.", "exact"),  # things passed, not a floor
        ("Fighting goes on, with the death toll in the province topping 900 people.", "at_least"),
        ("The death toll in the town topped 900 people on Sunday.", "at_least"),
        ("The tally exceeded 40 villagers by noon.", "at_least"),
        ("Troops passed 12 villagers on the road.", "exact"),
        ("Troops killed 12 fighters.", "exact"),
    ],
)
def test_qualifiers_from_verbs_and_after_the_number(figures, sentence, qualifier):
    assert only(figures(sentence)).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # By-agents and possessed estimates name the source; a toll's "from" is its cause.
        (
            "The army put the toll at 40, but an estimate by the health ministry is 65 dead.",
            ["The army", "the health ministry"],
        ),
        ("Figures from the health ministry show 40 people were killed.", ["the health ministry"]),
        ("The UN's count of 300 dead was disputed.", ["The UN"]),
        ("The official death toll from Ruvan's attacks stands at about 900.", [None]),
        # A sentence or list that introduces the figures attributes them.
        ("Officials gave these figures: 30 people were killed and 70 wounded.", ["Officials"] * 2),
        (
            "The ministry gave the following toll:\n- 30 killed in Sela\n- 12 killed in Mora\n\n"
            "Rain fell on 40 tents.",
            ["The ministry", "The ministry", None],
        ),
        # A narrative subject that did not speak is no source.
        ("The flight with 239 people on board vanished over the sea.", [None]),
        # A running count in a participle clause after "..., X said," continues X's report.
        ("More than 30 people had been killed since Monday, the health ministry in the "
         "territory said, raising the overall toll to 9,400.",
         ["the health ministry in the territory"] * 2),
        ("At least 75 people had been killed since Sunday, the interior ministry in the "
         "province said, bringing the total number of dead to 3,120.",
         ["the interior ministry in the province"] * 2),
    ],
)  # fmt: skip
def test_figure_sources_by_agent_introduction_and_narrative(figures, text, sources):
    assert [f.source.text if f.source else None for f in figures(text)] == sources


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            'Mayor Jane Okafor visited the site on Monday.\nShe said: "At least 40 people were '
            'killed in the fire."',
            "Jane Okafor",
        ),
        (
            "The regional health ministry released its data.\nThey said 120 people were killed "
            "in the floods.",
            None,
        ),
    ],
)
def test_a_pronoun_source_points_at_the_name_it_stands_for(
    analyze_text, text: str, named: str | None
) -> None:
    report = analyze_text(text)
    sources = [figure.source for figure in report.figures if figure.source is not None]
    for source in sources:  # the text at the source's offsets is its text, always
        assert text[source.start : source.end] == source.text
    if named is not None:
        assert [source.text for source in sources] == [named]
        assert sources[0].start == text.index(named)


def test_an_actors_own_estimate_is_its_figure(figures):
    figure = only(figures("The army's estimate of the dead is 40."))
    assert figure.source is not None and figure.source.text == "The army"
    assert figure.status == "killed"


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("At least 1,200 people were killed in the October 7 attack.", "incident"),
        ("At least 471 people were killed in the attack on al-Ahli Arab Hospital.", "incident"),
        ("Twelve people were killed in an assault on a school in the north.", "incident"),
        (
            "More than 10,000 Palestinians have been killed in Israel's offensive against Hamas.",
            None,
        ),
        ("More than 11,000 people have been killed in Israel's attack on Gaza.", None),
        ("Hundreds have been killed in the assault on the city.", None),
        (
            "It began with the attack on southern Israel on October 7, which killed 1,139 people.",
            "incident",
        ),
        (
            "The October 7 attack, in which 1,200 people were killed, shocked the country.",
            "incident",
        ),
        ("The blast, which killed 471 people, destroyed the ward.", "incident"),
        ("Israel's offensive, which has killed more than 20,000 people, goes on.", None),
        # One attack ("an attack"), or attacks set near a site, are one incident.
        ("At least two people have been killed in an Israeli attack in the south.",
         "incident"),
        ("More than 100 people have been killed in strikes close to the clinic, officials said.",
         "incident"),
        ("Dozens have been killed in strikes near the hospital.", "incident"),
        ("At least 40 people have been killed in strikes near Khan Younis.", None),
        # A count's own participle clause limits it ("six people killed on Tuesday").
        ("The figure includes six people killed on Tuesday in the north.", "period"),
        ("The toll includes 20,000 people killed since October.", None),
        # "shot dead" in the simple past is one event's count.
        ("A gunman shot dead seven people outside a cafe.", "incident"),
    ],
)  # fmt: skip
def test_a_campaign_noun_pinned_to_a_day_or_a_site_is_one_incident(
    figures, sentence: str, scope: str | None
) -> None:
    assert [figure.scope for figure in figures(sentence)][:1] == [scope]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The total number of journalists killed in Gaza was 56, the group said.", "journalists"),
        ("The number of Palestinians killed rose to 80, the ministry said.", "Palestinians"),
        ("The toll of children killed has reached 5,000.", "children"),
        # A toll noun that names no one counts people.
        ("The number of dead rose to 80.", "people"),
        ("The death toll rose to 9,000.", "people"),
    ],
)
def test_a_toll_nouns_of_phrase_says_what_its_value_counts(nlp, text, what):
    (first, *_) = analyze_article(text_article(text)).figures
    assert first.what == what


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A non-restrictive relative clause deep in a speaker's words is the reporter's
        # gloss on a noun, not the speaker's claim.
        ("The group vowed to keep up its attacks until Israel ends its war on Gaza, which "
         "has killed more than 29,000 people.", None),
        ("The minister said he hoped for a deal with the group, which killed more than "
         "1,000 people in its October attack.", None),
        # ... unless the clause says who says so, or a closing "X said" covers it ...
        ("Israel has faced condemnation for the war, which has killed more than 28,000 "
         "people in Gaza, the health authorities there say.", "the health authorities there"),
        # ... or it glosses the reported clause's own subject: the speaker's words.
        ("The army said the strike, which killed at least two fighters, hit a depot.",
         "The army"),
        ("The ministry said that 9,000 people have been killed.", "The ministry"),
        # A preposition and "which" open a gloss too, however the parser attaches it.
        ("Earlier this week, she drafted a joint letter with her Danish, Czech and Belgian "
         "peers declaring they were willing \u201cto act\u201d if that might help bring about "
         "a settlement to nearly seven months of fighting in Gaza, during which Israeli "
         "strikes have killed at least 9,100 people, according to Palestinian health "
         "officials.", "Palestinian health officials"),
        # A phrase setting the report in time or circumstance is the reporter's too ...
        ("The two sides announced a truce after a week of clashes in which 40 villagers "
         "were killed.", None),
        ("The rebels declared a ceasefire after three days of battles that left 75 "
         "soldiers dead.", None),
        ("The mayor spoke amid protests in which 12 students died.", None),
        # ... but not a phrase that holds what is reported, however the parser hangs it.
        ("The agency reported after the storm that 30 people had died.", "The agency"),
        ("The ministry said after the strike that 30 people had died.", "The ministry"),
        ("Hospital officials said following the attack that 30 people had been killed.",
         "Hospital officials"),
        ("The governor told reporters after the flood that 60 people had drowned.",
         "The governor"),
        ("The ministry said during the week 300 people had been killed.", "The ministry"),
        ("The ministry reported during its daily briefing 30 new deaths.", "The ministry"),
    ],
)  # fmt: skip
def test_a_reporters_gloss_in_a_speakers_words_is_not_the_speakers(nlp, text, source):
    (first, *_) = analyze_article(text_article(text)).figures
    assert (first.source.text if first.source else None) == source


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # "according to X" between two clauses covers the one it closes ...
        ("About 300 soldiers were killed in the raid, according to army officials, and more "
         "than 500 villagers have been killed in strikes since.", ["army officials", None]),
        # ... and every count before it, or after it when it opens the sentence.
        ("More than 1,000 people have been killed and 5,000 have been wounded, according to "
         "the ministry.", ["the ministry", "the ministry"]),
        ("According to the ministry, 1,000 people have been killed and 5,000 have been "
         "wounded.", ["the ministry", "the ministry"]),
    ],
)  # fmt: skip
def test_according_to_covers_its_own_clause(nlp, text, sources):
    figures = analyze_article(text_article(text)).figures
    assert [f.source.text if f.source else None for f in figures] == sources


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # A count of the weapons themselves is where they were fired from ...
        ("Militants fired 30 rockets from Lebanon on Tuesday, the army said.", "Lebanon"),
        ("More than 9,500 rockets have been fired from Gaza since October 7.", "Gaza"),
        ("The rebels launched 12 drones from Yemen overnight.", "Yemen"),
        ("Some 40 mortar shells were fired from Syria on Monday.", "Syria"),
        # ... while their dead are not where they came from.
        ("At least 12 people have been killed by rockets from Gaza since May 10.", None),
        ("Missiles fired from Syria killed three people overnight.", None),
    ],
)
def test_a_fired_weapons_origin_is_the_place_of_a_count_of_the_weapons(nlp, text, where):
    (figure,) = analyze_article(text_article(text)).figures
    assert figure.where == where


@pytest.mark.parametrize(
    ("text", "whats"),
    [
        # Two groups under one number are counted together: no count of the first alone.
        ("At least 25,000 women and children have been killed.", ["women and children"]),
        ("More than 9,000 women and girls have been killed.", ["women and girls"]),
        # Each group with a number of its own is its own count.
        ("Strikes killed 40 people, including 10 women and 12 children.",
         ["people", "women", "children"]),
        ("At least 66 children and 41 women were killed.", ["children", "women"]),
    ],
)  # fmt: skip
def test_groups_counted_together_are_one_count(nlp, text, whats):
    assert [figure.what for figure in analyze_article(text_article(text)).figures] == whats
