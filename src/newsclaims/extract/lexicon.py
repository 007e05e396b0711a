"""Word lists shared by the extractors: the cue lexicon and the closed classes of pronouns.

The cue lexicon (verbs and phrases that attribute speech or belief, person and
organisation nouns) lives in ``data/cues.yaml`` and is loaded once here, so quotes,
speakers and figures read one list. Pronouns are a closed class of the language, kept
as named sets that modules combine as they need.

>>> "say" in cue_lexicon().speech_verbs, ("according", "to") in cue_lexicon().source_phrases
(True, True)
>>> sorted(PERSON_PRONOUNS | PERSON_POSSESSIVES)
['he', 'her', 'him', 'his', 'she']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

# Third-person pronouns that stand for an antecedent, by what they can refer to.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
RESOLVABLE_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
# Possessive determiners, by the same classes ("his office", "their leaders").
PERSON_POSSESSIVES = frozenset({"his", "her"})
THING_POSSESSIVES = frozenset({"its"})
PLURAL_POSSESSIVES = frozenset({"their"})
POSSESSIVE_PRONOUNS = PERSON_POSSESSIVES | THING_POSSESSIVES | PLURAL_POSSESSIVES
# The writer and the reader: outside a quotation they are nobody the text reports on.
FIRST_SECOND_PRONOUNS = frozenset({"i", "we", "you"})
DEMONSTRATIVE_PRONOUNS = frozenset({"this", "that"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


@dataclass(frozen=True)
class CueLexicon:
    """The word lists of ``data/cues.yaml``, loaded once."""

    speech_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    object_cues: frozenset[str]
    infinitive_cues: frozenset[str]
    object_infinitive_cues: frozenset[str]
    object_phrase_cues: dict[str, frozenset[str]]
    noun_cues: frozenset[str]
    toll_cues: dict[str, frozenset[str]]
    toll_cue_objects: frozenset[str]
    non_report_objects: frozenset[str]
    inanimate_subjects: frozenset[str]
    prepositional_cues: dict[str, frozenset[str]]
    naming_verbs: frozenset[str]
    split_clause_verbs: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    person_nouns: frozenset[str]
    title_modifiers: frozenset[str]
    organisation_words: frozenset[str]

    @property
    def reporting_verbs(self) -> frozenset[str]:
        """Verbs that report a clause: speech and cognition."""
        return self.speech_verbs | self.cognition_verbs


@cache
def cue_lexicon() -> CueLexicon:
    """Load ``data/cues.yaml`` (once per process)."""
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("cues.yaml").read_text("utf-8")
    )
    return CueLexicon(
        speech_verbs=frozenset(raw["speech_verbs"]),
        cognition_verbs=frozenset(raw["cognition_verbs"]),
        object_cues=frozenset(raw["object_cues"]),
        infinitive_cues=frozenset(raw["infinitive_cues"]),
        object_infinitive_cues=frozenset(raw["object_infinitive_cues"]),
        noun_cues=frozenset(raw["noun_cues"]),
        toll_cues={verb: frozenset(preps) for verb, preps in raw["toll_cues"].items()},
        toll_cue_objects=frozenset(raw["toll_cue_objects"]),
        object_phrase_cues={
            verb: frozenset(links) for verb, links in raw["object_phrase_cues"].items()
        },
        non_report_objects=frozenset(raw["non_report_objects"]),
        inanimate_subjects=frozenset(raw["inanimate_subjects"]),
        prepositional_cues={
            verb: frozenset(preps) for verb, preps in raw["prepositional_cues"].items()
        },
        naming_verbs=frozenset(raw["naming_verbs"]),
        split_clause_verbs=frozenset(raw["split_clause_verbs"]),
        source_phrases=tuple(tuple(phrase) for phrase in raw["source_phrases"]),
        person_nouns=frozenset(raw["person_nouns"]),
        title_modifiers=frozenset(raw["title_modifiers"]),
        organisation_words=frozenset(raw["organisation_words"]),
    )
