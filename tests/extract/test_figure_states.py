"""A figure's state from its own structure, on invented sentences (extract/figure_states.py)."""

import pytest

from newsclaims.extract.figure_states import state_lexicon
from newsclaims.ingest.readers import text_article
from newsclaims.pipeline import analyze_article


def states(text: str) -> list[tuple[float | None, str | None]]:
    return [(f.value, f.status) for f in analyze_article(text_article(text)).figures]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Running counts: the toll's own words, through rise/stand/pass verbs.
        ("The death toll in Ruvana has climbed to 2,410.", [(2410, "killed")]),
        ("The toll from the floods now stands at about 640.", [(640, "killed")]),
        ("The death toll has passed 5,000, officials said.", [(5000, "killed")]),
        ("The number of people wounded rose to 310 on Monday.", [(310, "wounded")]),
        (
            "Officials confirmed 14 dead in the north, bringing the total to 95.",
            [(14, "killed"), (95, "killed")],
        ),
        ("Eight were killed, up from a previous toll of five.", [(8, "killed"), (5, "killed")]),
        # Copulas and complements.
        ("Hundreds are dead after the quake.", [(None, "killed")]),
        ("Police said 12 miners remain missing.", [(12, "missing")]),
        ("The blast left 40 people wounded.", [(40, "wounded")]),
        ("A gunman shot dead three guards at the gate.", [(3, "killed")]),
        # Counts named by their noun; captives with no state of their own are held.
        ("The agency reported 27 fatalities from the raid.", [(27, "killed")]),
        ("About 90 hostages remain in the tunnels.", [(90, "held")]),
        ("Families fear for the 61 captives in the mountains.", [(61, "held")]),
        ("Rebels took 30 hostages near the dam.", [(30, "seized")]),
        # Relative clauses on the counted noun, but not a partitive one.
        ("Rebels seized about 300 villagers, dozens of whom were released.", None),
        ("Police found 45 workers who had been trapped in the mine.", [(45, "trapped")]),
        # Coordinated states each get their own.
        (
            "The clashes left 400 killed and nearly 2,000 wounded.",
            [(400, "killed"), (2000, "wounded")],
        ),
        ("Eleven soldiers were killed and 23 injured.", [(11, "killed"), (23, "wounded")]),
        (
            "Some 5,000 residents were displaced and 200 arrested.",
            [(5000, "displaced"), (200, "arrested")],
        ),
        # A verb outside the vocabulary gives no state (its lemma is never one).
        ("Some 80 delegates attended the summit in Lomar.", [(80, None)]),
    ],
)
def test_state_from_the_figures_structure(sentence, expected):
    found = states(sentence)
    if expected is None:  # the partitive case: the 300 were seized, not released
        assert found[0] == (300, "seized")
    else:
        assert found == expected


def test_the_vocabulary_has_the_eval_casualty_states_and_no_verb_lemmas():
    vocabulary = state_lexicon().vocabulary
    casualty = {"killed", "wounded", "held", "released", "seized", "arrested", "missing"}
    assert casualty | {"displaced"} <= vocabulary
    assert not {"remain", "stand", "soar", "take", "bring", "dead", "injured"} & vocabulary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An infinitive under a call, plan, threat, refusal or failure tells an act not done.
        ("The council condemned the plan to displace 4,000 families from Lomar.", [(4000, None)]),
        ("Rebels threatened to kill 12 engineers at the dam.", [(12, None)]),
        ("The governor's call to evacuate 30,000 residents drew protests.", [(30000, None)]),
        ("The army refused to free 45 detainees on Sunday.", [(45, None)]),
        # A commitment is a release promised, not made: the captives are still held.
        ("The militia agreed to free 45 detainees on Sunday.", [(45, None)]),
        ("The deal to release 45 detainees was delayed again.", [(45, None)]),
        ("Talks on a deal to free 45 detainees stalled.", [(45, None)]),
        ("The two sides reached an agreement to release 45 detainees.", [(45, None)]),
        # ... but not under a verb that tells it done.
        ("Floods forced 9,000 villagers to flee their homes.", [(9000, "displaced")]),
        ("Troops managed to rescue 14 miners after two days.", [(14, "rescued")]),
        ("Gunmen killed 17 people after vowing revenge.", [(17, "killed")]),
        # Pushing on to do it is doing it.
        ("Troops pushed on to seize 12 villages by nightfall.", [(12, "seized")]),
        ("The rebels pushed south to capture 12 villages in two days.", [(12, "seized")]),
    ],
)
def test_an_act_not_done_gives_no_state(sentence, expected):
    assert states(sentence) == expected
