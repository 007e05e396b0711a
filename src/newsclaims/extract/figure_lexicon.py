"""The word lists figures are read with (``data/figures.yaml``, and the place nouns of
``data/places.yaml``), loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from newsclaims.extract.lexicon import cue_lexicon
from newsclaims.model import Qualifier


@dataclass(frozen=True)
class FigureLexicon:
    """The word lists of ``data/figures.yaml``."""

    hedges: dict[tuple[str, ...], Qualifier]
    hedge_fillers: frozenset[tuple[str, ...]]
    after_hedges: dict[tuple[str, ...], Qualifier]
    at_least_verbs: frozenset[str]
    at_most_verbs: frozenset[str]
    range_openers: frozenset[str]
    range_joiners: frozenset[str]
    vague_needs_of: frozenset[str]
    date_joiners: frozenset[str]
    unit_nouns: frozenset[str]
    abstract_nouns: frozenset[str]
    partitive_collectives: frozenset[str]
    population_holders: frozenset[str]
    population_verbs: frozenset[str]
    kin_nouns: frozenset[str]
    needs_state_nouns: frozenset[str]
    relative_nouns: frozenset[str]
    kin_verbs: frozenset[str]
    relative_compounds: frozenset[str]
    rate_adverbs: frozenset[str]
    rate_markers: frozenset[str]
    capacity_verbs: frozenset[str]
    capacity_nouns: frozenset[str]
    counter_words: frozenset[str]
    inhabitant_nouns: frozenset[str]
    age_words: frozenset[str]
    speech_verbs: frozenset[str]  # report verbs: cue reporting verbs, adjusted for counts
    joined_group_nouns: frozenset[str]  # "women and children": counted together
    setting_prepositions: frozenset[str]  # "announced a truce after fighting in which ..."
    hearer_verbs: frozenset[str]  # "told reporters": the object is who hears
    toll_verbs: frozenset[str]
    toll_nouns: frozenset[str]
    estimate_nouns: frozenset[str]
    source_markers: tuple[tuple[str, ...], ...]
    period_nouns: frozenset[str]
    period_prepositions: frozenset[str]
    toll_prepositions: frozenset[str]
    period_modifiers: frozenset[str]
    weekdays: frozenset[str]
    period_adverbs: frozenset[str]
    incident_nouns: frozenset[str]
    incident_prepositions: frozenset[str]
    campaign_nouns: frozenset[str]
    past_event_verbs: frozenset[str]
    running_count_words: frozenset[str]
    site_nouns: frozenset[str]
    launch_words: frozenset[str]  # "fired from Gaza": the weapon's origin, not a place of dead
    place_nouns: frozenset[str]  # "the enclave": a place the article named before

    @property
    def longest_hedges_first(self) -> list[tuple[tuple[str, ...], Qualifier]]:
        return sorted(self.hedges.items(), key=lambda item: -len(item[0]))


@cache
def figures_data() -> dict[str, Any]:
    """``data/figures.yaml`` as read, once per process: the word lists that extraction
    (this lexicon, figure states) and resolution (deaths, incidents) read."""
    text = resources.files("newsclaims.data").joinpath("figures.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def word_alternatives(words: Iterable[object]) -> str:
    """Words and phrases as regex alternatives, longest first (so "died of" is tried
    before "died"), any run of spaces between a phrase's words.

    >>> print(word_alternatives(["died", "died of"]))
    died\\s+of|died
    """
    ordered = sorted((str(word) for word in words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


@cache
def figure_lexicon() -> FigureLexicon:
    """Load ``data/figures.yaml`` (once per process)."""
    raw = figures_data()

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw[key])

    cues = cue_lexicon()
    return FigureLexicon(
        hedges={
            tuple(phrase.split()): qualifier
            for qualifier, phrases in raw["hedges"].items()
            for phrase in phrases
        },
        hedge_fillers=frozenset(tuple(str(f).split()) for f in raw["hedge_fillers"]),
        after_hedges={
            tuple(phrase.split()): qualifier
            for qualifier, phrases in raw["after_hedges"].items()
            for phrase in phrases
        },
        at_least_verbs=words("at_least_verbs"),
        at_most_verbs=words("at_most_verbs"),
        range_openers=words("range_openers"),
        range_joiners=words("range_joiners"),
        vague_needs_of=words("vague_needs_of"),
        date_joiners=words("date_joiners"),
        unit_nouns=words("unit_nouns"),
        abstract_nouns=words("abstract_nouns"),
        partitive_collectives=words("partitive_collectives"),
        population_holders=words("population_holders"),
        population_verbs=words("population_verbs"),
        kin_nouns=words("kin_nouns"),
        needs_state_nouns=words("needs_state_nouns"),
        relative_nouns=words("relative_nouns"),
        kin_verbs=words("kin_verbs"),
        relative_compounds=words("relative_compounds"),
        rate_adverbs=words("rate_adverbs"),
        rate_markers=words("rate_markers"),
        capacity_verbs=words("capacity_verbs"),
        capacity_nouns=words("capacity_nouns"),
        counter_words=words("counter_words"),
        inhabitant_nouns=words("inhabitant_nouns"),
        age_words=words("age_words"),
        speech_verbs=(cues.reporting_verbs | words("count_report_verbs"))
        - words("not_count_report_verbs"),
        joined_group_nouns=words("joined_group_nouns"),
        setting_prepositions=words("setting_prepositions"),
        hearer_verbs=words("hearer_verbs"),
        toll_verbs=words("toll_verbs"),
        toll_nouns=words("toll_nouns"),
        estimate_nouns=words("estimate_nouns"),
        source_markers=(
            *cues.source_phrases,
            *(tuple(marker.split()) for marker in raw["citing_markers"]),
        ),
        period_nouns=words("period_nouns"),
        period_prepositions=words("period_prepositions"),
        toll_prepositions=words("toll_prepositions"),
        period_modifiers=words("period_modifiers"),
        weekdays=words("weekdays"),
        period_adverbs=words("period_adverbs"),
        incident_nouns=words("incident_nouns"),
        incident_prepositions=words("incident_prepositions"),
        campaign_nouns=words("campaign_nouns"),
        past_event_verbs=words("past_event_verbs"),
        running_count_words=words("running_count_words"),
        site_nouns=words("site_nouns"),
        launch_words=words("launch_words"),
        place_nouns=_place_nouns(),
    )


def _place_nouns() -> frozenset[str]:
    """The one-word common nouns of ``data/places.yaml`` that stand for a named place or
    name a site (``the enclave``, ``the hospital``)."""
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("places.yaml").read_text("utf-8")
    )
    nouns = [noun for noun in raw["references"] if " " not in noun] + raw["sites"]
    return frozenset(noun.lower() for noun in nouns)
