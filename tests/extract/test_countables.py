"""Which numbers are figures, on invented sentences (extract/countables.py)."""

import pytest

from newsclaims.ingest.readers import text_article
from newsclaims.pipeline import analyze_article


def values(text: str) -> list[float | None]:
    return [figure.value for figure in analyze_article(text_article(text)).figures]


@pytest.mark.parametrize(
    "sentence",
    [
        # Family relations are not event participants...
        "The farmer lost his two sons in the flood years ago.",
        "She leaves behind a husband and three daughters.",
        # ...nor are leaders, films, districts with nothing done to them.
        "The three leaders met in Oslo on Friday.",
        "The festival screened four films about the war.",
        "Shelling was reported in several villages across the valley.",
        "The city is divided into 12 districts.",
        # Measures outside the unit list: speeds, multiples, rates, capacity.
        "The ship sailed at 12 knots toward the port.",
        "Prices rose three times faster than wages.",
        "Officials say at least 100 trucks a day are needed.",
        "Before the war, several hundred lorries had crossed the border daily.",
        "The new hospital can accommodate 300 patients.",
        "The stadium has a capacity of 40,000 spectators.",
        # Populations and photo-gallery counters.
        "The blockade forces its 2.3 million residents to live in poverty.",
        "The camp is crowded, with more than 90,000 people living in one square kilometre.",
        "1 of 6 Rescue workers search the rubble in Sela.",
    ],
)
def test_not_figures(sentence):
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A count of relatives, leaders or places that something happened to is a figure.
        ("Eight of my family members have been killed, he said.", [8]),
        ("A strike killed 20 other family members of the reporter.", [20]),
        ("The mayor was abducted from the farm with six other family members.", [6]),
        ("Citizens of more than 20 countries were among the hostages.", [20]),
        ("Soldiers detained two village leaders overnight.", [2]),
        ("Air strikes hit at least three refugee camps in the south.", [3]),
        ("Hundreds of trucks entered the city.", [None]),
    ],
)
def test_still_figures(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "qualifiers"),
    [
        ("Some 30-40 people were killed.", ["range"]),
        ("Between 30 and 40 people were killed.", ["range"]),
        ("Deaths by day: 12 - 15 - 20 - 31.", ["exact"] * 4),
    ],
)
def test_dash_lists_are_not_ranges(sentence, qualifiers):
    found = analyze_article(text_article(sentence)).figures
    assert [figure.qualifier for figure in found] == qualifiers


@pytest.mark.parametrize(
    ("headline", "value", "qualifier"),
    [
        ("Dozens Killed In Border Clash", None, "vague"),
        ("Three Dead As Storm Hits Coast", 3, "exact"),
        ("Hundreds Flee As Fighting Spreads", None, "vague"),
    ],
)
def test_number_words_and_vague_quantities_in_headlines(headline, value, qualifier):
    (figure,) = analyze_article(text_article(f"{headline}\n\nThe agency spoke on Sunday.")).figures
    assert (figure.value, figure.qualifier) == (value, qualifier)


def test_table_residue_is_not_figures_but_the_prose_after_it_is():
    text = (
        "Results:\n1 Arsenal 10 8 1 1 25\n2 Chelsea 10 7 2 1 22\n\n"
        "Police said 12 fans were arrested."
    )
    assert values(text) == [12]
    assert values("Province   Killed   Wounded\nNorth   30   112\nSouth   12   40") == []
