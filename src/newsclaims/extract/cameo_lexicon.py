"""The CAMEO lexicon: ``data/cameo_verbs.yaml`` loaded into rules for verbs and event nouns.

A :class:`VerbRule` says which CAMEO code a verb (or verb + object, verb + particle,
light verb + event noun) codes and when; :func:`cameo_lexicon` loads the table once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class VerbRule:
    """One line of the verb table: a CAMEO code and when it applies."""

    code: str
    objects: frozenset[str] | None = None
    objects_not: frozenset[str] | None = None
    via: frozenset[str] = frozenset()
    preps: frozenset[str] | None = None
    needs_object: bool = False
    negated: bool = False
    actor_agents: frozenset[str] | None = None
    actor_agents_not: frozenset[str] | None = None
    target_agents: frozenset[str] | None = None
    light_verbs: frozenset[str] | None = None
    object_actor: bool = False
    # An event noun's rule: the noun is the act, not its target.
    nominal: bool = False
    symmetric: bool = False
    reverse: bool = False
    subject_acts: bool = False
    # Nouns the verb's subject must be ("peacekeepers arrived": 074, not a visit).
    subjects: frozenset[str] | None = None
    # A predicate the verb's object must be given ("found X guilty").
    complements: frozenset[str] | None = None
    # The code when coordinated actors do it together ("A and B held exercises": 062).
    mutual_code: str | None = None
    # The rule needs a clause complement ("refused to act"), or one of these verbs.
    clausal: frozenset[str] | bool = False


@dataclass(frozen=True)
class CameoLexicon:
    """``data/cameo_verbs.yaml``, loaded once."""

    verbs: dict[str, tuple[VerbRule, ...]]
    code_labels: dict[str, str]
    root_labels: dict[str, str]
    frames: dict[str, frozenset[str]]
    speculative: frozenset[str]
    obligation: frozenset[str]
    future: frozenset[str]
    future_roots: frozenset[str]
    modal_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    wish_verbs: frozenset[str]
    criticism_words: frozenset[str]
    blame_words: frozenset[str]
    involvement_words: frozenset[str]
    harm_nouns: frozenset[str]
    relation_participles: frozenset[str]
    hearsay_nouns: frozenset[str]
    irrealis_marks: frozenset[str]
    tally_verbs: frozenset[str]
    copulas: frozenset[str]
    message_verbs: frozenset[str]
    tally_adverbs: frozenset[str]
    protest_agents: frozenset[str]
    protest_roots: frozenset[str]
    protest_code: str
    transforms: dict[str, dict[str, str]]
    negatable_roots: frozenset[str]
    hostile_roots: frozenset[str]
    noun_classes: dict[str, frozenset[str]]
    nominal_events: dict[str, str]
    event_nouns: dict[str, tuple[VerbRule, ...]]
    light_verbs: frozenset[str]
    noun_frames: dict[str, str]
    frame_nouns: dict[str, frozenset[str]]

    def label(self, code: str) -> str | None:
        """The codebook's name of ``code`` (or of its root).

        >>> cameo_lexicon().label("042"), cameo_lexicon().label("1999")
        ('make a visit', 'fight')
        """
        return self.code_labels.get(code) or self.root_labels.get(code[:2])

    def transform(self, kind: str, code: str) -> str:
        """The code of ``code``'s act when it is only intended, refused, asked or threatened.

        >>> cameo_lexicon().transform("refusal", "0874"), cameo_lexicon().transform("intent", "042")
        ('124', '036')
        """
        table = self.transforms[kind]
        return table.get(code[:2], table["default"])

    def frame_of(self, lemma: str) -> str | None:
        for kind in ("refusal", "failure", "threat", "intent", "keep_act"):
            if lemma in self.frames[kind]:
                return kind
        return None

    def frame_noun_of(self, lemma: str) -> str | None:
        """``willingness`` -> ``intent``: the frame a noun governing an act sets."""
        for kind, nouns in self.frame_nouns.items():
            if lemma in nouns:
                return kind
        return None

    def event_noun_rules(self, forms: set[str]) -> tuple[VerbRule, ...]:
        """The rules of the longest event noun among an object's forms.

        >>> [r.code for r in cameo_lexicon().event_noun_rules({"strike", "air strike"})]
        ['195']
        """
        for form in sorted(forms, key=lambda f: (-f.count(" "), f)):
            if form in self.event_nouns:
                return self.event_nouns[form]
        return ()


def _words(values: Any, classes: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """A rule's noun condition: a class name, or a list of nouns (and class names)."""
    if values is None:
        return None
    items = [values] if isinstance(values, str) else list(values)
    words: set[str] = set()
    for item in items:
        words |= classes.get(str(item), {str(item).lower()})
    return frozenset(words)


def _rule(
    raw: dict[str, Any] | str, classes: dict[str, frozenset[str]], noun: str | None = None
) -> VerbRule:
    """One rule; for an event ``noun`` (``code`` alone may be given), its object is the noun."""
    if not isinstance(raw, dict):
        raw = {"code": raw}

    def words(key: str) -> frozenset[str] | None:
        return frozenset(str(word) for word in raw[key]) if key in raw else None

    return VerbRule(
        code=str(raw["code"]),
        objects=frozenset({noun}) if noun else _words(raw.get("object"), classes),
        objects_not=_words(raw.get("object_not"), classes),
        via=words("via") or frozenset(),
        preps=words("prep"),
        needs_object=bool(raw.get("needs_object", False)),
        negated=bool(raw.get("negated", False)),
        actor_agents=words("actor_agent"),
        actor_agents_not=words("actor_agent_not"),
        target_agents=words("target_agent"),
        light_verbs=words("verbs"),
        nominal=noun is not None,
        object_actor=bool(raw.get("object_actor", False)),
        symmetric=bool(raw.get("symmetric", False)),
        reverse=bool(raw.get("reverse", False)),
        subject_acts=bool(raw.get("subject_acts", False)),
        subjects=_words(raw.get("subject"), classes),
        complements=words("complement"),
        clausal=_clausal(raw.get("clausal", False)),
        mutual_code=str(raw["mutual_code"]) if "mutual_code" in raw else None,
    )


def _load(name: str) -> dict[str, Any]:
    # The C-accelerated safe loader: these tables are large and load at every start.
    loaded: dict[str, Any] = yaml.load(
        resources.files("newsclaims.data").joinpath(name).read_text("utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    return loaded


def _listed(rules: Any) -> list[Any]:
    return list(rules) if isinstance(rules, list) else [rules]


def _merged(raw: dict[str, Any], codebook: dict[str, Any]) -> dict[str, Any]:
    """``cameo_verbs.yaml`` with ``cameo_codebook.yaml``'s patterns after its own.

    A codebook rule marked ``before: true`` comes before the older rules of its verb.
    """
    merged = dict(raw)
    for table in ("verbs", "event_nouns"):
        rules = {key: _listed(value) for key, value in raw[table].items()}
        for key, value in codebook.get(table, {}).items():
            listed = _listed(value)
            # A narrower sense marked `before: true` is tried before the older rules.
            first = [r for r in listed if isinstance(r, dict) and r.get("before")]
            rest = [r for r in listed if r not in first]
            rules[key] = [*first, *rules.get(key, []), *rest]
        merged[table] = rules
    classes = {name: list(words) for name, words in raw["noun_classes"].items()}
    for name, words in codebook.get("noun_classes", {}).items():
        classes.setdefault(name, []).extend(words)
    merged["noun_classes"] = classes
    merged["light_verbs"] = [*raw["light_verbs"], *codebook.get("light_verbs", [])]
    return merged


def _clausal(value: Any) -> frozenset[str] | bool:
    return frozenset(str(v) for v in value) if isinstance(value, list) else bool(value)


@cache
def cameo_lexicon() -> CameoLexicon:
    """Load ``data/cameo_verbs.yaml`` with ``data/cameo_codebook.yaml`` (once per process)."""
    raw = _merged(_load("cameo_verbs.yaml"), _load("cameo_codebook.yaml"))
    classes = {
        name: frozenset(w.lower() for w in words) for name, words in raw["noun_classes"].items()
    }
    verbs: dict[str, tuple[VerbRule, ...]] = {}
    for lemma, rules in raw["verbs"].items():
        verbs[str(lemma)] = tuple(_rule(rule, classes) for rule in _listed(rules))
    event_nouns: dict[str, tuple[VerbRule, ...]] = {}
    for noun, rules in raw["event_nouns"].items():
        event_nouns[str(noun)] = tuple(_rule(rule, classes, str(noun)) for rule in _listed(rules))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word) for word in raw[key])

    return CameoLexicon(
        verbs=verbs,
        code_labels={str(k): str(v) for k, v in raw["code_labels"].items()},
        root_labels={str(k): str(v) for k, v in raw["root_labels"].items()},
        frames={kind: frozenset(lemmas) for kind, lemmas in raw["frames"].items()},
        speculative=frozenset(raw["modals"]["speculative"]),
        obligation=frozenset(raw["modals"]["obligation"]),
        future=frozenset(raw["modals"]["future"]),
        future_roots=words("future_roots"),
        modal_nouns=frozenset(raw["modals"]["nouns"]),
        speech_verbs=words("speech_verbs"),
        accusation_verbs=words("accusation_verbs"),
        cognition_verbs=words("cognition_verbs"),
        wish_verbs=words("wish_verbs"),
        criticism_words=words("criticism_words"),
        blame_words=words("blame_words"),
        involvement_words=words("involvement_words"),
        harm_nouns=words("harm_nouns"),
        relation_participles=words("relation_participles"),
        hearsay_nouns=words("hearsay_nouns"),
        irrealis_marks=words("irrealis_marks"),
        tally_verbs=frozenset(raw["tally"]["verbs"]),
        copulas=words("copulas"),
        message_verbs=words("message_verbs"),
        tally_adverbs=frozenset(raw["tally"]["adverbs"]),
        protest_agents=words("protest_agents"),
        protest_roots=words("protest_roots"),
        protest_code=str(raw["protest_code"]),
        transforms={
            kind: {str(k): str(v) for k, v in raw[f"{kind}_codes"].items()}
            for kind in ("intent", "refusal", "appeal", "threat")
        },
        negatable_roots=words("negatable_roots"),
        hostile_roots=words("hostile_roots"),
        noun_classes=classes,
        nominal_events={str(k): str(v) for k, v in raw["nominal_events"].items()},
        event_nouns=event_nouns,
        light_verbs=words("light_verbs"),
        noun_frames={str(k): str(v) for k, v in raw["noun_frames"].items()},
        frame_nouns={kind: frozenset(nouns) for kind, nouns in raw["frame_nouns"].items()},
    )
