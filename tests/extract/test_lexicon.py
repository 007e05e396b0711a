"""The shared word lists: one cue lexicon, pronoun classes, and the figure lists built on them."""

from importlib import resources

import yaml

from newsclaims.extract.figures import CONTEXT_PRONOUNS, figure_lexicon
from newsclaims.extract.lexicon import (
    PERSON_POSSESSIVES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RESOLVABLE_PRONOUNS,
    THING_PRONOUNS,
    cue_lexicon,
)
from newsclaims.extract.speakers import cue_lexicon as speakers_cue_lexicon


def test_quotes_speakers_and_figures_read_one_cue_lexicon():
    assert speakers_cue_lexicon() is cue_lexicon()
    cues = cue_lexicon()
    figures = figure_lexicon()
    assert {"say", "tell", "believe"} <= figures.speech_verbs
    assert figures.source_markers[: len(cues.source_phrases)] == cues.source_phrases


def test_figure_report_verbs_differ_from_the_cues_only_by_their_named_subsets():
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("figures.yaml").read_text("utf-8")
    )
    reporting = cue_lexicon().reporting_verbs
    extras, excluded = set(raw["count_report_verbs"]), set(raw["not_count_report_verbs"])
    # Each subset must say something the cue lists do not already say.
    assert not extras & reporting
    assert excluded <= reporting
    assert figure_lexicon().speech_verbs == (reporting | extras) - excluded
    assert "urge" not in figure_lexicon().speech_verbs
    assert "record" in figure_lexicon().speech_verbs


def test_pronoun_classes_are_disjoint_and_combine():
    assert not PERSON_PRONOUNS & THING_PRONOUNS
    assert not PERSON_PRONOUNS & PLURAL_PRONOUNS
    assert RESOLVABLE_PRONOUNS == PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
    assert "his" in PERSON_POSSESSIVES and "his" not in PERSON_PRONOUNS
    assert RESOLVABLE_PRONOUNS <= CONTEXT_PRONOUNS
    assert "ministry" not in CONTEXT_PRONOUNS


def test_cue_lists_are_lower_case_lemmas():
    cues = cue_lexicon()
    assert {"prime", "deputy", "dr"} <= cues.title_modifiers
    for words in (cues.speech_verbs, cues.cognition_verbs, cues.title_modifiers):
        assert all(word == word.lower() and " " not in word for word in words)
