"""Where a figure's count is (resolve/figure_places.py): its own clause's place, the one
place its sentence is set in, its source's home, or the article's; never a place in a
"since" phrase, a weapon's origin, an attack's owner, an example, or an earlier count's."""

from __future__ import annotations

import pytest


def _resolved_place(text: str, number: str, source: str) -> tuple[str | None, str | None]:
    """The place and basis the resolve stage gives the figure ``number`` told by ``source``."""
    from newsclaims.resolve.stage import resolve_report

    report, figure = _report_with(text, number, source)
    resolved = resolve_report(report.model_copy(update={"figures": [figure]})).figures[0]
    return resolved.place, resolved.place_basis


def _report_with(text: str, number: str, source: str | None = None, **fields):
    from newsclaims.model import ActorRef, Figure, Report, Span

    start = text.index(number)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    figure = Figure(
        id="f1",
        span=Span(start=start, end=start + len(number), text=number),
        value=1.0,
        source=ActorRef(text=source, start=text.index(source), end=text.index(source) + len(source))
        if source
        else None,
        sentence=Span(
            start=sentence_start, end=sentence_end, text=text[sentence_start:sentence_end]
        ),
        **fields,
    )
    return Report(id="r", text=text), figure


@pytest.mark.parametrize(
    ("text", "number", "source", "where", "expected"),
    [
        # The clause states it.
        ("Israeli strikes hit Rafah. 40 people were killed in Gaza.", "40", None, "Gaza",
         ("Gaza", "stated")),
        # The source's name holds a place that is not a country.
        ("40 people were killed, the health ministry in Gaza said.", "40",
         "the health ministry in Gaza", None, ("Gaza", "source")),
        ("40 people were killed, the enclave's ministry said. Strikes hit Gaza.", "40",
         "the enclave's ministry", None, ("Gaza", "source")),
        # A country's ministry speaks for the state, not for where its count happened.
        ("Two citizens were killed, Israel's foreign ministry said.", "Two",
         "Israel's foreign ministry", None, (None, None)),
        # The one place the sentence is set in.
        ("In the occupied West Bank, 12 Palestinians were killed, officials said.", "12",
         "officials", None, ("West Bank", "sentence")),
        # Two places in the sentence: none of them, nor the article's place.
        ("Raids in Jenin and in Nablus left 5 dead.", "5", None, None, (None, None)),
        # Where a source speaks from, or where words were said, is not where people died.
        ("Hamas officials in Beirut said 30,000 people had been killed.", "30,000",
         "Hamas officials in Beirut", None, (None, None)),
        ("The UN said in Geneva that 20,000 people had been killed.", "20,000", "The UN", None,
         (None, None)),
        # The start of a running toll is not where it is counted.
        ("Officials said 300 people had been killed since the attack on southern Israel.",
         "300", "Officials", None, (None, None)),
        ("Officials said 300 people had been killed since October 7, when fighters attacked "
         "southern Israel.", "300", "Officials", None, (None, None)),
        # What an attack strikes is where its dead are: a noun with "of"/"against", a verb's
        # object; only where the sentence sets nothing in a place with a locative word.
        ("Israel's bombardment of the Gaza Strip has killed more than 9,000 people.", "9,000",
         None, None, ("Gaza", "sentence")),
        ("More than 900 people have been killed by air raids targeting the Gaza Strip.", "900",
         None, None, ("Gaza", "sentence")),
        ("The war against the besieged West Bank has killed 90 people.", "90", None, None,
         ("West Bank", "sentence")),
        ("Israeli jets pounded Gaza overnight, killing 40 people.", "40", None, None,
         ("Gaza", "sentence")),
        ("Israeli jets struck Gaza, killing 12 people in Rafah.", "12", None, None,
         ("Rafah", "sentence")),
        ("The history of Gaza tells of 300 people killed.", "300", None, None, (None, None)),
        # A place that names a toll: "the Gaza death toll", "Gaza's toll".
        ("The Gaza death toll rose to 9,000 on Monday.", "9,000", None, None,
         ("Gaza", "sentence")),
        ("Gaza's toll passed 9,000 people, officials said.", "9,000", "officials", None,
         ("Gaza", "sentence")),
        # A place named as an example lies within the count's place.
        ("At least 15 Palestinians were killed across the West Bank, including in Jenin.",
         "15", None, None, ("West Bank", "sentence")),
        # A government named with a place that is not a country counts there.
        ("The enclave's Hamas-run government said 9,000 people had been killed. Strikes hit "
         "Gaza.", "9,000", "The enclave's Hamas-run government", None, ("Gaza", "source")),
        ("Israel's government said 1,200 people had been killed.", "1,200",
         "Israel's government", None, (None, None)),
        # The place most of the article is set in; a place only named as an actor is not.
        ("Israel said it struck Hamas. In Gaza, strikes went on. Rescuers in Gaza dug. "
         "The ministry said 300 people were killed.", "300", "The ministry", None,
         ("Gaza", "article")),
    ],
)  # fmt: skip
def test_a_figure_without_a_stated_place_takes_the_nearest_one_given(
    text, number, source, where, expected
):
    from newsclaims.resolve.figure_places import figure_place

    report, figure = _report_with(text, number, source, where=where)
    assert figure_place(report, figure) == expected


def test_located_mentions_skip_actor_uses_and_keep_parts():
    from newsclaims.model import Report
    from newsclaims.resolve.figure_places import located_mentions

    text = "Israel's army said fighting raged in northern Gaza and across the West Bank."
    places = [mention.place for mention in located_mentions(Report(id="r", text=text))]
    assert places == ["northern Gaza", "West Bank"]
    # A part word ending the sentence before does not place the next sentence's name.
    text = "Troops pushed into the north. Israel's bombardment has killed 14,800 people."
    assert located_mentions(Report(id="r", text=text)) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Two places joined: a count of both, the toll of neither.
        ("At least 300 Palestinians have been killed in Gaza and the West Bank since May.", None),
        ("Nineteen people have been killed in Israel and the occupied West Bank this year.", None),
        # One within the other: the larger place's count.
        ("Israeli forces have killed 95 Palestinians in the occupied West Bank and East "
         "Jerusalem since October 7.", "West Bank"),
        ("At least 95 Palestinians have been killed in the occupied West Bank since October 7.",
         "West Bank"),
    ],
)  # fmt: skip
def test_places_joined_by_and_are_the_place_of_neither(analyze_text, text, place):
    (figure, *_) = analyze_text(text).figures
    assert figure.place == place


def test_a_place_guessed_from_the_article_is_a_territory_or_a_country() -> None:
    from newsclaims.model import Figure, Report, Span
    from newsclaims.resolve.figure_places import figure_place

    text = (
        "Strikes hit homes in Rafah. Families fled in Rafah. Tents burned in Rafah.\n"
        "More than 18,000 people have been killed since the war began."
    )
    start = text.index("18,000")
    count = Figure(id="f1", span=Span(start=start, end=start + 6, text="18,000"),
                   sentence=Span(start=text.index("More"), end=len(text),
                                 text=text[text.index("More"):]))  # fmt: skip
    # The article is set in Rafah; a count with no place of its own is Gaza's, where
    # Rafah lies, not the city's.
    assert figure_place(Report(id="r", text=text), count) == ("Gaza", "article")


def test_an_article_set_in_the_cities_of_a_territory_is_set_in_the_territory() -> None:
    from newsclaims.model import Figure, Report, Span
    from newsclaims.resolve.figure_places import figure_place

    text = (
        "Tanks pushed into Khan Younis. Families fled in Rafah. Strikes went on in northern "
        "Gaza. Sirens sounded in Israel.\nMore than 18,000 people have been killed."
    )
    start = text.index("18,000")
    count = Figure(id="f1", span=Span(start=start, end=start + 6, text="18,000"),
                   sentence=Span(start=text.index("More"), end=len(text),
                                 text=text[text.index("More"):]))  # fmt: skip
    assert figure_place(Report(id="r", text=text), count) == ("Gaza", "article")


@pytest.mark.parametrize(
    ("text", "number", "source", "expected"),
    [
        # Another place in the sentence is not where a Palestinian ministry counts.
        ("Israel's war has killed 20,000 people, the Palestinian health ministry said.",
         "20,000", "the Palestinian health ministry", ("Gaza", "source")),
        ("Rockets hit northern Israel as 14,000 were reported killed by Palestinian "
         "officials.", "14,000", "Palestinian officials", ("Gaza", "source")),
        # A place of its own in the sentence stays the count's place.
        ("In Jenin, 12 people were killed, the Palestinian health ministry said.", "12",
         "the Palestinian health ministry", ("Jenin", "sentence")),
        # With no place in the sentence, the article's place when it is one of the
        # ministry's own ...
        ("Raids hit the West Bank. In the West Bank, fighting went on. 30 people were "
         "killed, the Palestinian health ministry said.", "30",
         "the Palestinian health ministry", ("West Bank", "source")),
        # ... else the ministry's first place.
        ("Fighting went on in Israel. Sirens sounded in Israel. 30 people were killed, the "
         "Palestinian health ministry said.", "30", "the Palestinian health ministry",
         ("Gaza", "source")),
        # Lebanon's ministry counts in Lebanon, not in Israel.
        ("Israeli strikes killed 40 people, Lebanon's health ministry said.", "40",
         "Lebanon's health ministry", ("Lebanon", "source")),
        # "Local officials" are anyone's: the place stays the article's guess.
        ("Fighting raged in Gaza. Shelling went on in Gaza. 200 people were killed, local "
         "officials said.", "200", "local officials", ("Gaza", "article")),
        # Places joined by "and" are the count of neither, whoever counts.
        ("40 people were killed in Gaza and the West Bank, the Palestinian health ministry "
         "said.", "40", "the Palestinian health ministry", (None, None)),
    ],
)  # fmt: skip
def test_a_local_authoritys_count_is_of_its_own_place(
    text: str, number: str, source: str, expected: tuple[str | None, str | None]
) -> None:
    assert _resolved_place(text, number, source) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A list of places with commas: a count of all of them, the toll of none.
        ("At least 140 people have been killed this year across Israel, Syria and "
         "Lebanon.", None),
        ("This year 90 people were killed in the West Bank, Israel and Lebanon.", None),
        # A comma before a speaker lists nothing.
        ("Fighting killed 30 people in Gaza, Israel said.", "Gaza"),
        # The smaller place first: the larger place's count.
        ("This year, 170 Palestinians were killed in occupied East Jerusalem and the West "
         "Bank.", "West Bank"),
        # Examples listed together stay examples.
        ("At least 15 people have been killed across the occupied West Bank, including in "
         "Hebron, Ramallah and Nablus.", "West Bank"),
    ],
)  # fmt: skip
def test_places_listed_with_commas_are_the_place_of_none(analyze_text, text, place):
    (figure, *_) = analyze_text(text).figures
    assert figure.place == place


@pytest.mark.parametrize(
    ("text", "number", "source", "expected"),
    [
        # A breakdown by place after the count: its places are the parts'.
        ("Troops have killed at least 90 people this year, including 60 in the West Bank "
         "and 30 elsewhere, the Palestinian health ministry said.", "90",
         "the Palestinian health ministry", (None, None)),
        # A year's count of a ministry of two places, with none named: no guess.
        ("Fighting went on in the West Bank. Raids hit the West Bank. The number of people "
         "killed since the start of the year stands at 70, according to the Palestinian "
         "health ministry.", "70", "the Palestinian health ministry", (None, None)),
        ("Raids hit the West Bank. In the West Bank, fighting went on. 30 people were "
         "killed since January, the Palestinian health ministry said.", "30",
         "the Palestinian health ministry", (None, None)),
        # A part with no place keeps the whole's place.
        ("In Gaza, 900 people were killed this year, including 300 children, the "
         "Palestinian health ministry said.", "900", "the Palestinian health ministry",
         ("Gaza", "sentence")),
    ],
)  # fmt: skip
def test_a_ministrys_count_of_all_its_places_gets_none_of_them(
    text: str, number: str, source: str, expected: tuple[str | None, str | None]
) -> None:
    assert _resolved_place(text, number, source) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The occupied territories are a place of their own, not a part of them.
        ("At least 160 Palestinians have been killed this year in the occupied Palestinian "
         "territories.", "Palestinian territories"),
        ("Some 95 Palestinians have been killed in the occupied territories so far this "
         "year.", "Palestinian territories"),
        # A count set in the whole after a part was named is not the part's.
        ("Troops raided towns in the West Bank, killing 140 Palestinians in the occupied "
         "territories this year.", None),
        # The territory, singular, is the one named before it.
        ("Strikes hit Gaza again. The war has killed 9,000 people in the Palestinian "
         "territory.", "Gaza"),
        # A list of the parts, a misspelt descriptor among them: the count of none.
        ("Troops have killed 80 Palestinians this year in the West Bank, East Jerusalem and "
         "the beseiged Gaza Strip.", None),
    ],
)  # fmt: skip
def test_a_count_of_the_occupied_territories_is_not_one_parts(analyze_text, text, place):
    (figure, *_) = analyze_text(text).figures
    assert figure.place == place


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # A place written between an earlier count and this one is the earlier count's.
        ("More than 300 people have been killed in Syria and over 200 killed in raids on "
         "Lebanon so far.", ["Syria", "Lebanon"]),
        # A place before both counts is both counts'.
        ("In Lebanon, 40 people were killed and 60 were wounded.", ["Lebanon", "Lebanon"]),
    ],
)  # fmt: skip
def test_a_place_between_two_counts_is_the_earlier_counts(analyze_text, text, places):
    assert [figure.place for figure in analyze_text(text).figures] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # A place in an earlier clause with its own count, then a contrast, is that
        # clause's: the later count is not set there ...
        ("Last year, Israeli strikes in Gaza killed at least 150 Palestinians, while rockets "
         "fired by armed groups killed at least nine people.", ["Gaza", None]),
        ("Air raids on villages in Lebanon killed 70 people, whereas drone attacks killed 15 "
         "soldiers.", ["Lebanon", None]),
        # ... but a place opening the sentence sets the scene of both.
        ("In Gaza, 40 people were killed on Monday, while 12 died on Tuesday.",
         ["Gaza", "Gaza"]),
    ],
)  # fmt: skip
def test_a_place_in_an_earlier_contrasted_clause_is_its_counts(analyze_text, text, places):
    assert [figure.place for figure in analyze_text(text).figures] == places


@pytest.mark.parametrize(
    "text",
    [
        "At least 12 people have been killed by rockets from Gaza since May 10.",
        "Four people died in rocket fire from Lebanon, officials said.",
        "Two sailors were killed when drones launched from Yemen hit their ship.",
        "Missiles fired from Syria killed three people overnight.",
    ],
)
def test_the_place_a_weapon_came_from_is_not_its_dead(analyze_text, text):
    (figure,) = analyze_text(text).figures
    assert figure.where is None
    assert figure.place is None


def test_a_place_past_a_semicolon_is_another_clauses():
    from newsclaims.resolve.figure_places import figure_place

    text = (
        "Fighters crossed the fence at dawn. The toll among residents passed 900; dozens of "
        "hostages were taken back into Gaza."
    )
    report, figure = _report_with(text, "900")
    assert figure_place(report, figure) != ("Gaza", "sentence")


def test_a_place_before_a_semicolon_sets_the_scene():
    from newsclaims.resolve.figure_places import figure_place

    text = "Jets kept bombing Gaza; most of those killed, now more than 9,000, died in strikes."
    report, figure = _report_with(text, "9,000")
    assert figure_place(report, figure) == ("Gaza", "sentence")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A "since" phrase on a day's clause goes on past its comma: its place is the
        # day's event's, not the count's ...
        ("Rain fell. Officials said 2,500 people had been killed since May 3, when fighters "
         "attacked southern Israel.", None),
        # ... and a place owning an attack is the attacker, not where the dead are.
        ("Rain fell. Since the raid, about 2,100 people have been killed in Israel's "
         "bombardment of the Gaza Strip.", "Gaza"),
    ],
)  # fmt: skip
def test_a_since_phrase_and_an_attacks_owner_set_no_place(analyze_text, text, place):
    (figure,) = analyze_text(text).figures
    assert figure.place == place


def test_a_since_phrase_ends_at_a_comma(analyze_text):
    text = (
        "Troops in the West Bank raided two towns. Settlers in the West Bank burned cars. "
        "Since then, the army has waged an air campaign in Gaza, killing at least 9,050 "
        "people, according to Palestinian officials."
    )
    (*_, figure) = analyze_text(text).figures
    assert figure.place == "Gaza"


def test_a_counts_own_place_beats_its_sources_place():
    from newsclaims.resolve.figure_places import figure_place

    text = (
        "Health officials in the occupied West Bank confirmed 25 deaths there, bringing the "
        "total to 240 across all Palestinian territories."
    )
    source = "Health officials in the occupied West Bank"
    report, figure = _report_with(text, "240", source)
    assert figure_place(report, figure)[0] == "Palestinian territories"
    report, figure = _report_with(text, "25", source)
    assert figure_place(report, figure)[0] == "West Bank"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A place owning a war or an attack it suffers is where the dead are ...
        ("More than 15,000 people have been killed in Sudan's civil war, the UN said.",
         "Sudan"),
        ("At least 500,000 people have been killed in Syria's war, a monitor said.", "Syria"),
        ("About 1,200 people were killed in Israel's deadliest attack in decades.", "Israel"),
        # ... and owning a part, with the attack named after it, the place stays its own.
        ("Twelve people were killed in Lebanon's south in strikes on Tuesday, officials "
         "said.", "Lebanon"),
        ("Israeli forces killed 20 people in Gaza's north during strikes overnight.", "Gaza"),
        # ... where the sentence sets them in no other place.
        ("Aid workers struggled in Gaza, where more than 30,000 people have been killed in "
         "Israel's devastating war.", "Gaza"),
        # The owner of a war on a place, or of a bombardment, is the attacker.
        ("About 300 people have been killed in Russia's war on Ukraine.", "Ukraine"),
        ("Strikes hit Gaza. Voters back a ceasefire in Israel's war on the besieged "
         "enclave, which has killed more than 16,000 people.", "Gaza"),
        ("At least 40 people were killed in Israel's relentless bombardment overnight.", None),
    ],
)  # fmt: skip
def test_a_place_owning_the_war_it_suffers_is_where_its_dead_are(analyze_text, text, place):
    (figure,) = analyze_text(text).figures
    assert figure.place == place


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # An earlier clause with no count of its own (a date is none) sets the scene.
        ("Israeli tanks pushed into Khan Younis on December 3, but medics said strikes "
         "killed 30 people.", ["Khan Younis"]),
        # A later count with no agent or place of its own is of the same scene ...
        ("Israeli strikes in Gaza killed 40 people overnight, but medics said 12 more "
         "later died of their wounds.", ["Gaza", "Gaza"]),
        ("Floods in Sindh destroyed 3,000 homes, while 45 people died.", ["Sindh", "Sindh"]),
        # ... one with an agent of its own is not, whether its count is spelled or not ...
        ("Strikes in Gaza killed nine people, while rockets killed 12 people in the south.",
         ["Gaza", None]),
        ("Shelling in Gaza killed 40 people; rockets fired by armed groups killed 12 people.",
         ["Gaza", None]),
        # ... and one with a place of its own has that place.
        ("Strikes in Gaza killed 40 people, while 12 people died in Rafah.", ["Gaza", "Rafah"]),
    ],
)  # fmt: skip
def test_a_contrasted_count_shares_its_scene_unless_it_has_its_own(analyze_text, text, places):
    assert [figure.place for figure in analyze_text(text).figures] == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A "since" opening a sentence ends at its comma, whatever follows it: a count,
        # written in digits or words, ...
        ("Rain fell. Since Monday, 14 people have died as troops pressed their raid in Jenin.",
         "Jenin"),
        ("Rain fell. Since Monday, fourteen people have died as troops pressed their raid in "
         "Jenin.", "Jenin"),
        # ... after a year of its own or of its date ...
        ("Rain fell. Since 2021, the army has carried out raids in Jenin, killing 140 people.",
         "Jenin"),
        ("Rain fell. Since October 7, 2023, the army has carried out raids in Jenin, killing "
         "140 people, officials said.", "Jenin"),
        # ... after a clause on its day set off by commas ...
        ("Rain fell. Since October 7, when Hamas attacked Israel, the army has carried out "
         "raids in Jenin, killing 140 people.", "Jenin"),
        # ... and opened after a dateline's dash or a quotation mark.
        ("NABLUS, West Bank, May 5 (Wire) - Since Monday, troops have carried out raids in "
         "Jenin, killing 14 people, officials said.", "Jenin"),
        ('Rain fell. "Since then, the army has carried out raids in Jenin, killing 14 '
         'people," an official said.', "Jenin"),
        # A place in the day's clause stays in the "since" phrase.
        ("Rain fell. Since October 7, 2023, when fighters attacked southern Israel, 300 "
         "people have been killed.", None),
        ("Rain fell. Officials said 300 people had been killed since October 7, 2023, when "
         "fighters attacked southern Israel.", None),
    ],
)  # fmt: skip
def test_an_opening_since_ends_at_its_comma(analyze_text, text, place):
    (*_, figure) = analyze_text(text).figures
    assert figure.place == place


def test_a_later_counts_own_place_is_not_an_earlier_counts() -> None:
    from newsclaims.api import analyze

    text = ("As many as 260 Palestinians, including 67 children, and 12 people in Israel "
            "were killed in 11 days of fighting.")  # fmt: skip
    places = {f.span.text: (f.place, f.quantity) for f in analyze(text).figures}
    assert places["12"] == ("Israel", "people")
    # Not Israel's: the 260 were killed elsewhere (and are no foreign nationals there).
    assert places["As many as 260"] == (None, "people")
    assert places["67"][0] is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A place after a verb's count or after a part's count is the whole sentence's.
        ("Eleven days of bombardment killed at least 254 Palestinians, including 66 "
         "children, and wounded more than 1,900 others in the coastal enclave of Gaza.", "Gaza"),
        ("So far this year, soldiers have killed some 62 Palestinians, including 13 "
         "children in the West Bank.", "West Bank"),
        # One verb's two objects share the place after them.
        ("Air strikes killed 40 militants and 12 civilians in Gaza, medics said.", "Gaza"),
    ],
)  # fmt: skip
def test_a_place_after_a_verbs_or_a_parts_count_is_everyones(text: str, place: str) -> None:
    from newsclaims.api import analyze

    assert {figure.place for figure in analyze(text).figures} == {place}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Weapons aimed at a place strike it: where nothing else is set, the dead are
        # there; beside another place struck, the count is not the aimed-at place's.
        ("Rebels fired rockets at Israel, killing two people, medics said.", "Israel"),
        ("The bombardment of Gaza has killed at least 139 people since Monday, when Hamas "
         "fired rockets at Israel.", "Gaza"),
        # Where the weapons came from is no more the count's place than where they went.
        ("Militants in Lebanon fired rockets at Haifa, killing two people, police said.", None),
        # "at" before a place is still a locative word after anything else.
        ("Two people were killed at Rafah, medics said.", "Rafah"),
    ],
)  # fmt: skip
def test_a_place_weapons_are_aimed_at_is_struck(text: str, place: str | None) -> None:
    from newsclaims.api import analyze

    assert analyze(text).figures[0].place == place
