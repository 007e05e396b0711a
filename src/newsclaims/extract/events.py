"""Events: actor -- action -- target, CAMEO-coded, from the dependency parse.

Each verb whose lemma (or verb + object / preposition pattern) is in
``data/cameo_verbs.yaml`` is a candidate. Its clause decides the rest:

* voice: ``X attacked Y`` and ``Y was attacked by X`` give the same event;
* compound actors: ``Brazil and the United States met ...`` gives one event per actor;
* the governing verb: ``refused to withdraw`` is a refusal (12x), ``wants to help`` an
  intention (03x), ``asked X to help`` an appeal (02x), ``will visit`` the visit itself;
* negation and modality: ``would not give permission`` is a refusal, ``might attack``
  and ``did not attack`` are no events;
* reported speech: an event in a clause under ``said`` keeps who reported it; under
  ``believes`` or ``fears`` it is no event; ``X said Y attacked Z`` is also X's accusation
  and ``X said Y must release ...`` X's demand;
* metonyms and pronouns: ``Washington`` is the US government, ``its troops`` the
  troops of the state the sentence is about.

Only clauses whose source resolves to an actor (a state, IGO, group or an agent such as
``militants``) are coded, since a coded event without a source is of no use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from newsclaims.extract import lexicon
from newsclaims.extract.actors import (
    ACTOR_LABELS,
    ActorIndex,
    actor_tables,
    agent_code,
    country_code,
    known_person_code,
    resolve_name,
)
from newsclaims.extract.doc_index import doc_index
from newsclaims.ingest.headline import split_headline
from newsclaims.model import ActorRef, Event, Quote, Span

SUBJECT_DEPS = {"nsubj", "csubj"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
APPEALED_PREPS = {"on", "upon", "to"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
# Prepositions whose object is the target of an event ("fired at", "talks with").
TARGET_PREPS = {"to", "against", "at", "on", "into", "with", "from", "toward", "towards", "upon"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "over", "across", "around"}
# Where an actor is ("rioters in the square"), as opposed to a path ("over Ukraine").
LOCATION_PREPS = {"in", "at", "inside", "during"}
# Roots of verbal acts, which a document can perform ("a report alleged ...").
SPEECH_ROOTS = {"01", "02", "10", "11", "12", "13"}
# Dependents that end a noun phrase naming an actor ("Israel, which ..." -> "Israel").
PHRASE_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "conj", "cc", "punct", "parataxis"}
PHRASE_PREPS = {"of", "in", "from"}
ACTOR_ENTITY_LABELS = ACTOR_LABELS
RELATIVE_PRONOUNS = {"who", "which", "that", "whose", "whom"}
SPEAKER_PRONOUNS = {"i", "we", "me", "us", "our", "my", "ours"}
THIRD_PRONOUNS = {"he", "she", "it", "they", "his", "her", "its", "their", "him", "them"}
PERSON_PRONOUNS = lexicon.PERSON_PRONOUNS | lexicon.PERSON_POSSESSIVES
PLURAL_PRONOUNS = lexicon.PLURAL_PRONOUNS | lexicon.PLURAL_POSSESSIVES
RECIPROCALS = {"each other", "one another"}
UNKNOWN_COUNTRY = "---"
DEMAND_CODE = "100"
CIVILIAN_AGENT = "CVL"
ACCUSATION_CODE = "112"
CRITICISM_CODE = "111"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A setting country is inferred only for documents, not single sentences.
MIN_SENTENCES_FOR_SETTING = 3


# --- the lexicon ---------------------------------------------------------------------


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


@dataclass(frozen=True)
class CameoLexicon:
    """``data/cameo_verbs.yaml``, loaded once."""

    verbs: dict[str, tuple[VerbRule, ...]]
    code_labels: dict[str, str]
    root_labels: dict[str, str]
    frames: dict[str, frozenset[str]]
    speculative: frozenset[str]
    obligation: frozenset[str]
    modal_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    criticism_words: frozenset[str]
    irrealis_marks: frozenset[str]
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
        for kind in ("refusal", "threat", "intent", "keep_act"):
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
    )


@cache
def cameo_lexicon() -> CameoLexicon:
    """Load ``data/cameo_verbs.yaml`` (once per process)."""
    # The C-accelerated safe loader: these tables are large and load at every start.
    raw = yaml.load(
        resources.files("newsclaims.data").joinpath("cameo_verbs.yaml").read_text("utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    classes = {
        name: frozenset(w.lower() for w in words) for name, words in raw["noun_classes"].items()
    }
    verbs: dict[str, tuple[VerbRule, ...]] = {}
    for lemma, rules in raw["verbs"].items():
        listed = rules if isinstance(rules, list) else [rules]
        verbs[str(lemma)] = tuple(_rule(rule, classes) for rule in listed)
    event_nouns: dict[str, tuple[VerbRule, ...]] = {}
    for noun, rules in raw["event_nouns"].items():
        listed = rules if isinstance(rules, list) else [rules]
        event_nouns[str(noun)] = tuple(_rule(rule, classes, str(noun)) for rule in listed)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word) for word in raw[key])

    return CameoLexicon(
        verbs=verbs,
        code_labels={str(k): str(v) for k, v in raw["code_labels"].items()},
        root_labels={str(k): str(v) for k, v in raw["root_labels"].items()},
        frames={kind: frozenset(lemmas) for kind, lemmas in raw["frames"].items()},
        speculative=frozenset(raw["modals"]["speculative"]),
        obligation=frozenset(raw["modals"]["obligation"]),
        modal_nouns=frozenset(raw["modals"]["nouns"]),
        speech_verbs=words("speech_verbs"),
        accusation_verbs=words("accusation_verbs"),
        cognition_verbs=words("cognition_verbs"),
        criticism_words=words("criticism_words"),
        irrealis_marks=words("irrealis_marks"),
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


# --- the document context ---------------------------------------------------------------


@dataclass
class _Context:
    """What every clause of one document needs: actors, quotes, setting, date."""

    doc: Doc
    actors: ActorIndex
    quotes: list[Quote]
    date: str | None
    body_start: int
    setting: str | None
    text: str
    latest_year: int | None
    lexicon: CameoLexicon = field(default_factory=cameo_lexicon)
    # doc.ents and doc.text are rebuilt on every access; read them once.
    ents: list[DocSpan] = field(default_factory=list)
    ent_at: dict[int, DocSpan] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ents = list(self.doc.ents)
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}

    def ents_between(self, start: int, end: int) -> list[DocSpan]:
        """Entities starting within tokens ``start:end``."""
        return [ent for ent in self.ents if start <= ent.start < end]


def _setting_country(doc: Doc) -> str | None:
    """The country a report is mostly about: the one its place names cite most."""
    if sum(1 for _ in doc.sents) < MIN_SENTENCES_FOR_SETTING:
        return None
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in {"GPE", "NORP", "LOC"} and (code := country_code(ent.text)):
            counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


# --- entry point ---------------------------------------------------------------------


def extract_events(
    doc: Doc, actors: ActorIndex, quotes: list[Quote], date: str | None = None
) -> list[Event]:
    """Every coded event in ``doc``, in text order.

    The headline is skipped (the body reports the same events in full), and an event
    that repeats an earlier one (same source, code, target and verb) is kept once.
    """
    view = doc_index(doc)
    text = view.text
    years = [int(year) for year in _YEAR.findall(text)]
    context = _Context(
        doc=doc,
        actors=actors,
        quotes=quotes,
        date=date,
        body_start=split_headline(text)[1],
        setting=_setting_country(doc),
        text=text,
        latest_year=max(years) if years else None,
    )
    events: list[Event] = []
    seen: set[tuple[str, str, str, str]] = set()
    for token in view.tokens:
        if token.idx < context.body_start:
            continue
        for event in _events_at(token, context):
            key = (
                event.source_actor.code or event.source_actor.name,
                event.code,
                (event.target_actor.code or "") if event.target_actor else "",
                token.lemma_.lower(),
            )
            if key in seen:
                continue
            seen.add(key)
            events.append(event.model_copy(update={"id": f"e{len(events) + 1}"}))
    return events


def _events_at(token: Token, context: _Context) -> Iterator[Event]:
    if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
        yield from _verb_events(token, context)
        if token.lemma_ in context.lexicon.speech_verbs:
            yield from _criticism_events(token, context)
    elif token.pos_ == "NOUN" and token.lemma_.lower() in context.lexicon.nominal_events:
        yield from _nominal_events(token, context)


# --- clauses ---------------------------------------------------------------------------


@dataclass
class _Clause:
    """An event verb with what its clause says about it."""

    verb: Token
    code: str
    rule: VerbRule
    sources: list[Token]
    targets: list[Token]
    evidence: list[Token]
    reporter: Token | None = None
    speech_verb: Token | None = None
    appeal_target: Token | None = None
    negated: bool = False
    obligation: bool = False
    # Rules of the verb that fit its object; the actors' agents pick among them.
    candidates: list[VerbRule] = field(default_factory=list)
    # What governing verbs and negation make of the act, innermost first.
    transforms: list[str] = field(default_factory=list)


def _surface_lemmas(word: str) -> Iterator[str]:
    """Base forms an inflected verb may have, for lemmas the tagger got wrong (``stag``).

    >>> list(_surface_lemmas("staged"))[:2]
    ['stage', 'stag']
    """
    for suffix, replacements in _VERB_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for replacement in replacements:
                yield stem + replacement
            if len(stem) > 2 and stem[-1] == stem[-2]:
                yield stem[:-1]


_VERB_SUFFIXES = (("ied", ("y",)), ("ed", ("e", "")), ("ing", ("e", "")), ("ies", ("y",)),
                  ("es", ("e", "")), ("s", ("",)))  # fmt: skip


def _verb_lemma(verb: Token) -> str:
    """The verb's lemma as the lexicon knows it."""
    lemma = verb.lemma_.lower()
    lexicon = cameo_lexicon()
    if lemma in lexicon.verbs or lemma in lexicon.light_verbs or not verb.tag_.startswith("VB"):
        return lemma
    for candidate in _surface_lemmas(verb.lower_):
        if candidate in lexicon.verbs or candidate in lexicon.light_verbs:
            return candidate
    return lemma


def _phrasal_key(verb: Token) -> str:
    """``carry out``, ``fight off``: the verb with its particle (spaCy may call it a prep)."""
    lemma = _verb_lemma(verb)
    lexicon = cameo_lexicon()
    if verb.i >= 2 and verb.nbor(-1).text == "-" and verb.nbor(-2).head == verb:
        # "test-fired": the prefixed verb when the lexicon has it.
        prefixed = f"{verb.nbor(-2).lower_}-{lemma}"
        if prefixed in lexicon.verbs:
            return prefixed
    particles = [child.lower_ for child in verb.children if child.dep_ == "prt"]
    if particles:
        return f"{lemma} {particles[0]}"
    for prep in _children(verb, {"prep"}):
        key = f"{lemma} {prep.lower_}"
        if key in lexicon.verbs or key in lexicon.light_verbs:
            return key
    return lemma


def _rules_for(verb: Token, lexicon: CameoLexicon, key: str | None = None) -> tuple[VerbRule, ...]:
    key = key or _phrasal_key(verb)
    return lexicon.verbs.get(key) or lexicon.verbs.get(key.split()[0].split("-")[-1], ())


def _is_passive(verb: Token) -> bool:
    deps = {child.dep_ for child in verb.children}
    return bool(deps & (PASSIVE_SUBJECT_DEPS | {"auxpass"})) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _children(token: Token, deps: set[str]) -> list[Token]:
    view = doc_index(token.doc)
    return [view.tokens[child] for child in view.children[token.i] if view.deps[child] in deps]


def _agent_of(verb: Token) -> list[Token]:
    """The ``by`` object of a passive verb (shared by coordinated verbs)."""
    for candidate in [verb, *verb.conjuncts]:
        for agent in _children(candidate, {"agent"}):
            objects = _children(agent, {"pobj"})
            if objects:
                return objects
    return []


def _subject_of(verb: Token) -> list[Token]:
    """The subject of ``verb``, looking through coordination and control."""
    node = verb
    for _ in range(6):
        subjects = _children(node, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        if subjects:
            return subjects
        if node.dep_ == "conj":
            node = _coordinated_with(node)
            continue
        if node.dep_ in {"xcomp", "advcl"} and not _marked(node):
            node = node.head
            if node.dep_ == "acomp":
                node = node.head
            continue
        if node.dep_ in {"attr", "acomp"} and node.tag_ == "VBG" and node.head.lemma_ == "be":
            # "Qatar is mediating" parsed as an attribute of "is".
            node = node.head
            continue
        if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"} and _infinitive(node):
            # "the army's efforts to mobilise": the owner of the effort acts; "expressed
            # its willingness to negotiate": the one who expressed it.
            owners = _children(node.head, {"poss"})
            noun = node.head
            if owners or cameo_lexicon().frame_noun_of(noun.lemma_.lower()) is None:
                return owners
            if noun.dep_ not in OBJECT_DEPS or noun.head.pos_ not in {"VERB", "AUX"}:
                return []
            node = noun.head
            continue
        if node.dep_ == "relcl":
            return [node.head]
        return []
    return []


def _coordinated_with(verb: Token) -> Token:
    """The verb a conjunct shares its subject with.

    The parser sometimes attaches a finite verb to an infinitive or a relative clause
    (``defended X's right to explore ... and dismissed ...``); a finite verb is
    coordinated with the nearest finite verb above it.
    """
    head = verb.head
    if verb.tag_ not in FINITE_TAGS or head.tag_ in FINITE_TAGS:
        return head
    node = head
    for _ in range(6):
        if node.head == node:
            break
        node = node.head
        if node.tag_ in FINITE_TAGS and node.pos_ in {"VERB", "AUX"}:
            return node
    return head


def _marked(verb: Token) -> bool:
    """An adverbial clause with a subordinator other than ``to`` (``after X fled``)."""
    return any(child.dep_ == "mark" for child in verb.children)


def _object_tokens(verb: Token, key: str) -> list[Token]:
    objects = _children(verb, OBJECT_DEPS)
    if " " in key and not objects:
        objects = _prep_objects(verb, {key.split()[1]})
    # "the drones launched by X", "those it fires": the noun is what the act is done to.
    if (
        verb.dep_ in {"acl", "relcl"}
        and not objects
        and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and (_is_passive(verb) or (verb.dep_ == "relcl" and _has_own_subject(verb)))
    ):
        objects = [verb.head]
    return objects


def _has_own_subject(verb: Token) -> bool:
    """A relative clause with a subject other than the relative (``those it fires``)."""
    for subject in _children(verb, SUBJECT_DEPS):
        return subject.lower_ not in RELATIVE_PRONOUNS and not any(
            child.lower_ in RELATIVE_PRONOUNS for child in subject.children
        )
    return False


def _prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in preps:
            found.extend(
                obj
                for obj in _children(child, {"pobj", "pcomp"})
                if obj.ent_type_ not in {"DATE", "TIME"}
            )
        elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            found.append(child)
    return found


def _noun_forms(noun: Token) -> set[str]:
    """What an object may be called in the lexicon.

    Its lemma; each modifier with it (``joint exercise``, ``military exercise``) and all
    of them (``joint military exercise``); ``state of emergency``; for ``hundreds of X``
    or ``$2 billion in loans``, X's forms; ``money`` for an amount of money.
    """
    lemma = noun.lemma_.lower()
    modifiers = [c.lemma_.lower() for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    forms = {lemma, noun.lower_}
    for index, modifier in enumerate(modifiers):
        forms.add(f"{modifier} {lemma}")
        forms.add(" ".join([*modifiers[index:], lemma]))
    is_amount = noun.ent_type_ == "MONEY"
    if is_amount:
        forms.add("money")
    for of_object in _prep_objects(noun, {"of"}):
        forms.add(f"{lemma} of {of_object.lemma_.lower()}")
        if noun.pos_ == "NUM" or lemma in _QUANTITY_WORDS or is_amount:
            forms |= _noun_forms(of_object)
    if is_amount:
        for in_object in _prep_objects(noun, {"in"}):
            forms |= _noun_forms(in_object)
    for nummod in _children(noun, {"nummod"}):
        forms.add(nummod.lower_)
    return forms


_QUANTITY_WORDS = {
    "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
    "score", "scores", "number", "group", "some", "many", "most", "all", "part", "majority",
    "handful", "one", "two", "three", "several", "member", "unit", "band",
    "tonne", "ton", "tons", "tonnes", "shipment", "consignment", "batch", "package",
    "truckload", "load", "convoy", "round", "wave", "series", "string", "barrage",
    "salvo", "volley", "kind", "type", "supply", "amount", "quantity", "lot", "bunch",
}  # fmt: skip


def _object_forms(verb: Token, objects: list[Token], via: frozenset[str]) -> set[str]:
    holders = objects + (_prep_objects(verb, via) if via else [])
    return set().union(*(_noun_forms(obj) for obj in holders)) if holders else set()


def _rule_matches(
    rule: VerbRule, verb: Token, objects: list[Token], negated: bool, passive: bool
) -> bool:
    if rule.negated != negated and rule.negated:
        return False
    if rule.light_verbs is not None and _phrasal_key(verb) not in rule.light_verbs:
        return False
    forms = _object_forms(verb, objects, rule.via)
    if rule.objects is not None and not forms & rule.objects:
        return False
    if rule.objects_not is not None and forms & rule.objects_not:
        return False
    if rule.object_actor and not any(_names_actor(obj) for obj in objects):
        return False
    if rule.preps is not None:
        prep_holders = [verb, *objects]
        if not any(_prep_objects(holder, rule.preps) for holder in prep_holders):
            return False
    return not (
        rule.needs_object and not passive and not objects and not _prep_objects(verb, TARGET_PREPS)
    )


def _analyse(verb: Token, context: _Context) -> _Clause | None:
    """The event clause of ``verb``, or ``None`` when it codes no event."""
    lexicon = context.lexicon
    key = _phrasal_key(verb)
    rules = _rules_for(verb, lexicon, key)
    frame = lexicon.noun_frames.get(key)
    if not rules and key not in lexicon.light_verbs and frame is None:
        return None
    if _frames_an_event(verb, context):
        # "urged Germany to supply tanks": the appeal is coded on "supply".
        return None
    if verb.dep_ in {"amod", "compound"} or (verb.dep_ == "pcomp" and not _subject_of_own(verb)):
        return None
    if any(child.lower_ in lexicon.irrealis_marks for child in _children(verb, {"mark"})):
        return None
    if _subordinate_skip(verb, context):
        return None
    negated = any(child.dep_ == "neg" for child in verb.children)
    passive = _is_passive(verb)
    if passive:
        sources = _agent_of(verb)
        patients = _children(verb, PASSIVE_SUBJECT_DEPS) or (
            [verb.head] if verb.dep_ == "acl" else _passive_subject_through(verb)
        )
        objects = patients
    else:
        sources = _subject_of(verb)
        objects = _object_tokens(verb, key)
    if not passive and verb.tag_ == "VBN" and not _children(verb, {"aux"}):
        # A participle with no auxiliary is a reduced relative or a misparse, not an act.
        return None
    narrow = [r for r in rules if r.objects is not None]
    broad = [r for r in rules if r.objects is None]
    nominal = _event_noun_rules(verb, key, objects, lexicon)
    matching = [
        r for r in (*narrow, *nominal, *broad) if _rule_matches(r, verb, objects, negated, passive)
    ]
    if not matching:
        return None
    rule = matching[0]
    # "offered talks", "threatened military action": the verb frames the noun's act.
    framed = frame is not None and rule.nominal
    if passive and rule.subject_acts:
        sources, objects = objects, sources
    elif (
        passive
        and verb.dep_ == "acl"
        and rule.code[:2] in lexicon.hostile_roots
        and not _existential(verb.head)
    ):
        # "the hostages seized by Hamas" describes the hostages; "there were ten soldiers
        # killed" reports the killing.
        return None
    evidence = [verb, *_children(verb, {"aux", "auxpass", "neg", "prt"})]
    if rule.nominal:
        evidence.extend(obj for obj in objects if abs(obj.i - verb.i) <= 8)
    clause = _Clause(verb, rule.code, rule, sources, [], evidence, negated=negated)
    clause.candidates = [r for r in matching if r.nominal == rule.nominal]
    if framed and frame is not None:
        clause.transforms.append(frame)
    if negated and not rule.negated:
        if rule.code[:2] not in lexicon.negatable_roots:
            return None
        clause.transforms.append("refusal")
    if _modal_blocks(verb, clause, lexicon):
        return None
    if not _walk_frames(clause, context):
        return None
    clause.targets = _target_tokens(verb, objects, rule, passive)
    return clause


def _frames_an_event(verb: Token, context: _Context) -> bool:
    """A frame verb (``urge``, ``threaten``) whose complement codes an event itself."""
    lexicon = context.lexicon
    lemma = verb.lemma_.lower()
    if not any(lemma in lexicon.frames[kind] for kind in ("appeal", "threat", "intent")):
        return False
    return any(
        _analyse(child, context) is not None
        for child in verb.children
        if child.dep_ == "xcomp" or (child.dep_ == "ccomp" and _infinitive(child))
    )


def _event_noun_rules(
    verb: Token, key: str, objects: list[Token], lexicon: CameoLexicon
) -> tuple[VerbRule, ...]:
    """Rules from the event noun a light or frame verb takes as object (``held talks``)."""
    if key not in lexicon.light_verbs and key not in lexicon.noun_frames:
        return ()
    for obj in objects:
        rules = lexicon.event_noun_rules(_noun_forms(obj))
        if rules:
            return rules
    return ()


def _subordinate_skip(verb: Token, context: _Context) -> bool:
    """Subordinate verbs that report no act of their own.

    A purpose (``met X to discuss Y``) is an aim; a participle after the main act
    (``hit the town, killing five``) elaborates that act; ``its ability to threaten``
    is a capacity; a year before the report's (``captured Gaza in 1967``) is history.
    """
    own_subject = _subject_of_own(verb)
    if (
        verb.dep_ == "advcl"
        and not own_subject
        and not _marked(verb)
        and (_infinitive(verb) or verb.tag_ == "VBG")
    ):
        return True
    if verb.dep_ == "conj" and not own_subject and verb.head != verb:
        return _subordinate_skip(_coordinated_with(verb), context)
    if (
        verb.dep_ == "acl"
        and _infinitive(verb)
        and (verb.head.lemma_.lower() in context.lexicon.modal_nouns)
    ):
        return True
    return context.latest_year is not None and _is_historical(verb, context.latest_year)


def _is_historical(verb: Token, latest: int) -> bool:
    """The clause is dated to a year before the latest the report mentions."""
    clause_heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for head in clause_heads:
        for child in head.children:
            if child.dep_ not in {"prep", "npadvmod"}:
                continue
            for token in child.subtree:
                if _YEAR.fullmatch(token.text) and int(token.text) < latest:
                    return True
    return False


def _existential(noun: Token) -> bool:
    """``There were 10 soldiers ...``: the noun is what an existential sentence asserts."""
    return noun.dep_ == "attr" and any(child.dep_ == "expl" for child in noun.head.children)


def _subject_of_own(verb: Token) -> bool:
    return bool(_children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))


def _passive_subject_through(verb: Token) -> list[Token]:
    if verb.dep_ == "conj":
        return _children(verb.head, PASSIVE_SUBJECT_DEPS | SUBJECT_DEPS)
    return []


def _modal_blocks(verb: Token, clause: _Clause, lexicon: CameoLexicon) -> bool:
    """True when a modal makes the act speculative; notes an obligation on the clause."""
    for aux in _children(verb, {"aux"}):
        lemma = aux.lower_
        if lemma in lexicon.speculative:
            return True
        if lemma in lexicon.obligation:
            clause.obligation = True
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "have"
        and any(child.lower_ == "to" for child in _children(verb, {"aux"}))
    ):
        clause.obligation = True
        clause.evidence.append(verb.head)
    return False


def _infinitive(verb: Token) -> bool:
    return any(child.lower_ == "to" for child in _children(verb, {"aux"}))


def _walk_frames(clause: _Clause, context: _Context) -> bool:
    """Apply what governing verbs say about the act; ``False`` when no event remains."""
    lexicon = context.lexicon
    node = clause.verb
    for _ in range(6):
        head = node.head
        if head == node:
            break
        if node.dep_ == "xcomp" and head.lemma_ == "have" and clause.obligation:
            node = head
            continue
        if node.dep_ in {"xcomp", "ccomp"} and (node.dep_ == "xcomp" or _infinitive(node)):
            own_subject = _children(node, SUBJECT_DEPS)
            # "urged Y to", "called on Y to", "appealed to Y to": Y is asked.
            head_objects = _children(head, {"dobj"}) or _prep_objects(head, APPEALED_PREPS)
            lemma = head.lemma_.lower()
            if lemma in lexicon.frames["appeal"] and (own_subject or head_objects):
                clause.transforms.append("appeal")
                clause.appeal_target = (own_subject or head_objects)[0]
                clause.sources = _subject_of(head)
                clause.evidence.append(head)
                clause.evidence.extend(_children(head, {"aux", "neg"}))
                node = head
                continue
            if any(child.dep_ == "neg" for child in head.children):
                return False
            if any(aux.lower_ in lexicon.speculative for aux in _children(head, {"aux"})):
                return False
            kind = lexicon.frame_of(lemma)
            if kind is None and head.pos_ == "AUX" and lemma == "be":
                kind = "keep_act"
            if kind is None:
                return False
            if kind != "keep_act":
                clause.transforms.append(kind)
            if _subordinate_skip(head, context):
                return False
            clause.evidence.append(head)
            clause.evidence.extend(_children(head, {"aux", "auxpass"}))
            if not clause.sources:
                clause.sources = _subject_of(head if head.dep_ != "acomp" else head.head)
            node = head.head if head.dep_ == "acomp" else head
            continue
        noun_kind = lexicon.frame_noun_of(head.lemma_.lower()) if node.dep_ == "acl" else None
        if noun_kind is not None and _infinitive(node):
            # "expressed its willingness to negotiate": an intent of whoever expressed it.
            if noun_kind != "keep_act":
                clause.transforms.append(noun_kind)
            clause.evidence.append(head)
            governing = head.head
            if head.dep_ not in OBJECT_DEPS or governing.pos_ not in {"VERB", "AUX"}:
                break
            if any(child.dep_ == "neg" for child in governing.children):
                return False
            clause.evidence.append(governing)
            node = governing
            continue
        if node.dep_ == "ccomp":
            lemma = head.lemma_.lower()
            if lemma in lexicon.cognition_verbs:
                return False
            if lemma in lexicon.speech_verbs:
                speakers = _children(head, SUBJECT_DEPS)
                clause.reporter = speakers[0] if speakers else None
                clause.speech_verb = head
            break
        if node.dep_ == "conj":
            node = _coordinated_with(node)
            continue
        break
    return not clause.obligation or clause.reporter is not None


def _target_tokens(verb: Token, objects: list[Token], rule: VerbRule, passive: bool) -> list[Token]:
    """Who the act is done to: object, or a prepositional object of the verb or noun."""
    candidates: list[Token] = []
    for obj in objects:
        if not rule.nominal:
            candidates.append(obj)
        candidates.extend(
            _prep_objects(obj, TARGET_PREPS | {"by"} if not passive else TARGET_PREPS)
        )
    if rule.reverse:
        return _prep_objects(verb, {"from"})
    candidates.extend(_prep_objects(verb, TARGET_PREPS - {"from"} if not passive else TARGET_PREPS))
    return candidates


# --- actors ----------------------------------------------------------------------------


def _descend_quantity(token: Token) -> Token:
    """``hundreds of UN troops`` -> ``troops``."""
    for _ in range(3):
        if token.lemma_.lower() in _QUANTITY_WORDS or token.pos_ == "NUM":
            of_objects = _prep_objects(token, {"of"})
            if of_objects:
                token = of_objects[0]
                continue
        break
    return token


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without clauses, appositions and coordination."""
    kept: list[Token] = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if child.dep_ in PHRASE_STOP_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in PHRASE_PREPS:
            continue
        kept.append(child)
        stack.extend(child.children)
    return sorted(kept, key=lambda t: t.i)


def _phrase_text(tokens: list[Token]) -> tuple[str, int, int]:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return doc[tokens[0].i : tokens[-1].i + 1].text, start, end


def _names_actor(token: Token) -> bool:
    """Whether a noun can name an actor (not ``bombardments`` or ``the report``)."""
    if token.pos_ == "PROPN" or token.ent_type_ in ACTOR_ENTITY_LABELS:
        return True
    tables = actor_tables()
    word = token.text
    compounds = [c.lower_ for c in token.lefts if c.dep_ == "compound"]
    compound = " ".join([*compounds, token.lower_])
    return (
        compound in tables.agent_words
        # "opposition supporters": a noun qualified by an agent word names that agent.
        or any(word in tables.agent_words for word in compounds)
        or word in tables.demonyms
        or word in tables.country_aliases
        or token.lower_ in tables.agent_words
        or token.lemma_.lower() in tables.agent_words
        or known_person_code(word) is not None
    )


def _agent_part(code: str | None) -> str | None:
    if not code or code.startswith(("IGO", "NGO", UNKNOWN_COUNTRY)):
        return None
    return code[3:6] or None


def _with_country(ref: ActorRef, country: str) -> ActorRef:
    agent = agent_code(ref.text) or ("GOV" if ref.role else "")
    return ref.model_copy(
        update={"code": country + agent, "country": country if country != UNKNOWN_COUNTRY else None}
    )


def _named_group_near(token: Token, context: _Context) -> ActorRef | None:
    """A named group in this or the previous sentence (``militants`` -> that group)."""
    sentence = token.sent
    doc = token.doc
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
    for span in (sentence, previous):
        if span is None:
            continue
        for ent in context.ents_between(span.start, span.end):
            ref = resolve_name(ent.text)
            if ref.kind == "group":
                return ref
    return None


def _place_country(verb: Token) -> str | None:
    """The country of a place the clause names (``killed in Ukraine``)."""
    place = _place_token(verb)
    return country_code(place.text) if place is not None else None


def _place_token(verb: Token) -> Token | None:
    """The word of a place the clause names that identifies a country (``Ukraine``)."""
    for holder in [verb, *_children(verb, {"nsubj", "nsubjpass", "attr"}), verb.head]:
        for prep in _children(holder, {"prep"}):
            if prep.lower_ not in LOCATION_PREPS:
                continue
            for token in prep.subtree:
                if token.ent_type_ in {"GPE", "NORP", "LOC"} and country_code(token.text):
                    return token
    return None


def _fill_country(ref: ActorRef, token: Token, verb: Token, context: _Context) -> ActorRef:
    """Give an agent without a state the state the text implies, else ``---``."""
    if ref.code:
        return ref
    agent = agent_code(ref.text) or ("GOV" if ref.role else None)
    if agent is None:
        return ref
    if agent == "REB" and (group := _named_group_near(token, context)) is not None:
        return group.model_copy(update={"text": ref.text, "start": ref.start, "end": ref.end})
    country = _place_country(verb) or context.setting or UNKNOWN_COUNTRY
    return _with_country(ref, country)


def _actor_ref(
    token: Token,
    verb: Token,
    context: _Context,
    strict: bool = True,
    depth: int = 0,
    documents: bool = False,
) -> ActorRef | None:
    """The actor a noun or pronoun names, or ``None``.

    ``strict`` (for sources) requires a head that can name an actor; targets are
    resolved from whatever state, IGO or group their phrase names.
    """
    if depth > 3 or token.idx < context.body_start:
        # The parser may join the headline to the first sentence; its words act in no clause.
        return None
    token = _descend_quantity(token)
    if token.pos_ == "PRON" or token.lower_ in RELATIVE_PRONOUNS:
        return _pronoun_ref(token, verb, context, depth)
    weapon_user = _weapon_user(token) or _instrument_owner(token)
    if weapon_user is not None:
        return _actor_ref(weapon_user, verb, context, strict, depth + 1)
    is_document = documents and token.lemma_.lower() in context.lexicon.noun_classes["documents"]
    if strict and not is_document and not _names_actor(token):
        return None
    # A document speaks for whoever its clauses say issued it ("a report released in Kigali").
    tokens = sorted(token.subtree, key=lambda t: t.i) if is_document else _phrase_tokens(token)
    text, start, end = _phrase_text(tokens)
    ref = _entity_ref(token, context)
    if ref is not None and ref.kind == "group":
        # "the Pakistani Taliban": the longest group name in the phrase, not the entity's.
        phrase_ref = resolve_name(text)
        if phrase_ref.kind == "group":
            ref = phrase_ref
    owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    if (ref is None or not ref.code) and owners:
        owner = _pronoun_ref(owners[0], verb, context, depth + 1)
        agent = agent_code(text)
        if owner is not None and owner.code:
            country = owner.country or owner.code[:3]
            code = country + (agent or "") if not owner.code.startswith("IGO") else owner.code
            return ActorRef(
                text=text,
                start=start,
                end=end,
                code=code,
                country=country,
                kind="organization" if agent else owner.kind,
            )
    if ref is None or not ref.code:
        ref = resolve_name(text)
    if ref.kind == "person":
        # "Yahya Sinwar, Hamas's leader": the group is more telling than the country.
        for appos in _children(token, {"appos"}):
            appos_ref = _actor_ref(appos, verb, context, strict, depth + 1)
            if appos_ref is not None and appos_ref.kind == "group":
                return appos_ref
    if not ref.code:
        for appos in _children(token, {"appos"}):
            appos_ref = _actor_ref(appos, verb, context, strict, depth + 1)
            if appos_ref is not None and appos_ref.code:
                return appos_ref
    ref = ref.model_copy(update={"text": text, "start": start, "end": end})
    if strict:
        ref = _fill_country(ref, token, verb, context)
    return ref if (ref.code or not strict) else None


def _target_ref(token: Token, verb: Token, context: _Context) -> ActorRef | None:
    """The target a noun names: any state, IGO or group in its phrase, or a person's state."""
    ref = _actor_ref(token, verb, context, strict=False)
    if ref is not None and not ref.code and (ref.role or agent_code(ref.text)):
        ref = _fill_country(ref, token, verb, context)
    return ref if ref is not None and ref.code else None


def _entity_ref(token: Token, context: _Context) -> ActorRef | None:
    """A person or named entity covering ``token``, resolved through the article."""
    ent = context.ent_at.get(token.i)
    if ent is None or ent.label_ not in ACTOR_ENTITY_LABELS:
        return None
    ref = context.actors.resolve_span(ent)
    if not ref.code and ent.label_ == "PERSON":
        code = known_person_code(ent.text) or known_person_code(ent.text.split()[-1])
        if code:
            ref = ref.model_copy(update={"code": code, "country": code[:3]})
    return ref if ref.code or ref.role else None


def _instrument_owner(token: Token) -> Token | None:
    """``an Israeli air strike``, ``a Russian missile`` -> the state or group named."""
    classes = cameo_lexicon().noun_classes
    if token.lemma_.lower() not in classes["weapons"] | classes["instruments"]:
        return None
    tables = actor_tables()
    for modifier in token.lefts:
        if modifier.dep_ not in {"amod", "compound", "poss", "nmod"}:
            continue
        if modifier.text in tables.demonyms or modifier.ent_type_ in {"GPE", "NORP", "ORG"}:
            return modifier
    return None


def _weapon_user(token: Token) -> Token | None:
    """``a missile believed to be fired by rebels``, ``a bomb claimed by X`` -> the user."""
    classes = cameo_lexicon().noun_classes
    if token.lemma_.lower() not in classes["weapons"] | classes["instruments"]:
        return None
    for clause in token.subtree:
        if clause.pos_ == "VERB" and clause != token:
            agents = _agent_of(clause)
            if agents:
                return agents[0]
    return None


def _pronoun_ref(pronoun: Token, verb: Token, context: _Context, depth: int) -> ActorRef | None:
    """Resolve a pronoun: the speaker of the governing ``said``, else the nearest actor."""
    word = pronoun.lower_
    if word in RELATIVE_PRONOUNS:
        node = pronoun
        while node.dep_ != "relcl" and node.head != node:
            node = node.head
        if node.dep_ == "relcl":
            return _actor_ref(node.head, verb, context, True, depth + 1)
        return None
    if word not in SPEAKER_PRONOUNS | THIRD_PRONOUNS:
        return None
    if word in SPEAKER_PRONOUNS and (speaker := _quote_speaker(pronoun, context)) is not None:
        return speaker
    node = pronoun
    for _ in range(8):
        head = node.head
        if head == node:
            break
        if head.lemma_.lower() in context.lexicon.speech_verbs and node.dep_ not in SUBJECT_DEPS:
            for subject in _children(head, SUBJECT_DEPS):
                if subject != pronoun:
                    ref = _actor_ref(subject, head, context, True, depth + 1)
                    if ref is not None:
                        return ref
        node = head
    if word in SPEAKER_PRONOUNS:
        return None
    if word in PERSON_PRONOUNS:
        return _nearest_person(pronoun, verb, context, depth)
    plural = word in PLURAL_PRONOUNS
    for token in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
        if plural and token.ent_type_ == "PERSON":
            continue  # "they" is not one named person
        if token.pos_ in {"PROPN", "NOUN"} and token.dep_ not in {"compound", "amod", "poss"}:
            ref = _actor_ref(token, verb, context, True, depth + 1)
            if ref is not None and ref.code and not ref.code.startswith(UNKNOWN_COUNTRY):
                return ref
    return _previous_subject(pronoun, verb, context, depth)


def _nearest_person(pronoun: Token, verb: Token, context: _Context, depth: int) -> ActorRef | None:
    """``he`` / ``she``: the last person named before, in this or the two sentences before."""
    doc = pronoun.doc
    earliest = pronoun.sent.start
    for _ in range(2):
        if earliest > 0:
            earliest = doc[earliest - 1].sent.start
    persons = [e for e in context.ents_between(earliest, pronoun.i) if e.label_ == "PERSON"]
    for ent in reversed(persons):
        if ent.start_char < context.body_start:
            break
        ref = _actor_ref(ent.root, verb, context, True, depth + 1)
        if ref is not None:
            return ref
    return None


def _previous_subject(token: Token, verb: Token, context: _Context, depth: int) -> ActorRef | None:
    sentence = token.sent
    if sentence.start == 0 or sentence.start_char < context.body_start:
        return None
    previous = token.doc[sentence.start - 1].sent
    for candidate in previous:
        if candidate.dep_ in SUBJECT_DEPS and candidate.pos_ != "PRON":
            ref = _actor_ref(candidate, verb, context, True, depth + 1)
            if ref is not None:
                return ref
    return None


def _quote_speaker(token: Token, context: _Context) -> ActorRef | None:
    for quote in context.quotes:
        inside = quote.content.start <= token.idx < quote.content.end
        if inside and quote.speaker is not None and quote.speaker.code:
            return quote.speaker
    return None


def _reporter_of(token: Token, context: _Context) -> ActorRef | None:
    for quote in context.quotes:
        if quote.content.start <= token.idx < quote.content.end and quote.speaker is not None:
            return quote.speaker
    return None


# --- building events -------------------------------------------------------------------


def _agent_of_ref(ref: ActorRef | None) -> str | None:
    """The CAMEO agent an actor acts as; people named by a plural demonym are civilians."""
    if ref is None:
        return None
    agent = agent_code(ref.text) or _agent_part(ref.code)
    if agent is None and _is_plural_demonym(ref.text):
        return CIVILIAN_AGENT
    return agent


def _is_plural_demonym(text: str) -> bool:
    """``Israelis``, ``tens of thousands of Serbs``: a people, not the state."""
    last = text.split()[-1] if text.split() else ""
    return last.endswith("s") and last in actor_tables().demonyms


def _verb_events(verb: Token, context: _Context) -> Iterator[Event]:
    clause = _analyse(verb, context)
    if clause is None:
        return
    lexicon = context.lexicon
    documents = clause.rule.code[:2] in SPEECH_ROOTS
    sources = [
        ref
        for token in _with_conjuncts(clause.sources, context)
        if (ref := _actor_ref(token, verb, context, documents=documents)) is not None
    ]
    targets = [
        ref for token in clause.targets if (ref := _target_ref(token, verb, context)) is not None
    ]
    if not targets and clause.targets:
        # No state or group: keep what the act was done to, as written, without a code.
        unresolved = _actor_ref(clause.targets[0], verb, context, strict=False)
        targets = [unresolved] if unresolved is not None else []
    if clause.appeal_target is not None:
        appealed = _actor_ref(clause.appeal_target, verb, context, strict=False)
        targets = [appealed] if appealed is not None and appealed.code else []
    if any(_is_reciprocal(t) for t in clause.targets):
        targets = list(sources)
    if not sources and _is_passive(verb):
        sources = _located_source(clause, targets, context)
    if not sources:
        return
    if not targets and len(sources) > 1 and any(r.symmetric for r in clause.candidates):
        # "A and B met": each met the other.
        targets = sources[1:]
        sources = sources[:1]
    if clause.rule.reverse and targets:
        subjects = sources
        sources, targets = targets, subjects
    reporter = _reporter_ref(clause, context)
    evidence = _evidence_span(clause)
    for source in sources:
        chosen: list[ActorRef | None] = list(_pick_targets(source, targets)) or [None]
        for target in chosen:
            coded = _recode(clause, source, target, lexicon)
            if coded is None:
                continue
            code, rule = coded
            if clause.obligation:
                if reporter is None or _same_actor(reporter, source):
                    continue
                # "X said Y must release ...": X demands it of Y.
                yield _event(context, clause, evidence, reporter, source, DEMAND_CODE, None)
                continue
            yield _event(context, clause, evidence, source, target, code, reporter)
            if rule.symmetric and not clause.transforms and target is not None and target.code:
                reverse = _recode(clause, target, source, lexicon)
                if reverse is not None:
                    yield _event(context, clause, evidence, target, source, reverse[0], reporter)
            accusation = _accusation(clause, source, reporter, code, context)
            if accusation is not None:
                yield accusation


def _is_reciprocal(token: Token) -> bool:
    """``each other``, ``one another``: the subjects act on one another."""
    return " ".join(t.lower_ for t in token.subtree) in RECIPROCALS


def _with_conjuncts(tokens: list[Token], context: _Context) -> list[Token]:
    """``Brazil and the United States``: each conjunct, also of a name's other tokens."""
    found: list[Token] = []
    for token in tokens:
        members = _entity_tokens(token, context)
        for item in [token, *(c for member in members for c in member.conjuncts)]:
            if item not in found and (item is token or item not in members):
                found.append(item)
    return found


def _entity_tokens(token: Token, context: _Context) -> list[Token]:
    ent = context.ent_at.get(token.i)
    return list(ent) if ent is not None else [token]


def _pick_targets(source: ActorRef, targets: list[ActorRef]) -> list[ActorRef]:
    """Targets other than the source itself; all of them for compound objects."""
    chosen: list[ActorRef] = []
    for target in targets:
        if target.start is not None and target.start == source.start:
            continue
        if any(t.start == target.start and t.end == target.end for t in chosen):
            continue
        if target.code and any(t.code == target.code for t in chosen):
            continue
        if chosen and not target.code:
            continue
        chosen.append(target)
    return chosen[:3]


def _same_actor(first: ActorRef, second: ActorRef) -> bool:
    return bool(first.code and second.code and first.code[:3] == second.code[:3])


def _recode(
    clause: _Clause, source: ActorRef, target: ActorRef | None, lexicon: CameoLexicon
) -> tuple[str, VerbRule] | None:
    """The final code once the actors are known: the first fitting rule, transformed."""
    source_agent = _agent_of_ref(source)
    target_agent = _agent_of_ref(target)
    for rule in clause.candidates:
        if rule.actor_agents is not None and source_agent not in rule.actor_agents:
            continue
        if rule.actor_agents_not is not None and source_agent in rule.actor_agents_not:
            continue
        if rule.target_agents is not None and target_agent not in rule.target_agents:
            continue
        code = rule.code
        if (
            not clause.transforms
            and code[:2] in lexicon.protest_roots
            and (source_agent in lexicon.protest_agents)
        ):
            code = lexicon.protest_code
        for kind in clause.transforms:
            code = lexicon.transform(kind, code)
        return code, rule
    return None


def _located_source(clause: _Clause, targets: list[ActorRef], context: _Context) -> list[ActorRef]:
    """``10 Russian soldiers killed in Ukraine``: foreign troops killed by the host state.

    Only when the clause names no agent at all: in ``killed in Afghanistan by a roadside
    bomb`` the bomb did it, and a bomb is no actor, so there is no source.
    """
    if clause.code[:2] not in {"18", "19"} or not targets or _agent_of(clause.verb):
        return []
    victim = targets[0]
    place = _place_token(clause.verb)
    if place is None or _agent_of_ref(victim) != "MIL" or victim.code is None:
        return []
    country = country_code(place.text)
    if country is None or victim.code.startswith(country):
        return []
    words = context.ent_at.get(place.i) or place.doc[place.i : place.i + 1]
    host = context.actors.resolve_span(words)
    return [host.model_copy(update={"code": country, "country": country, "kind": "country"})]


def _reporter_ref(clause: _Clause, context: _Context) -> ActorRef | None:
    quoted = _reporter_of(clause.verb, context)
    if quoted is not None:
        return quoted
    if clause.reporter is None or clause.speech_verb is None:
        return None
    return _actor_ref(clause.reporter, clause.speech_verb, context, strict=True) or ActorRef(
        text=clause.reporter.text
    )


def _accusation(
    clause: _Clause, source: ActorRef, reporter: ActorRef | None, code: str, context: _Context
) -> Event | None:
    """``X said (that) Y attacked Z``: X accuses Y (CAMEO 112)."""
    speech = clause.speech_verb
    lexicon = context.lexicon
    if speech is None or reporter is None or not reporter.code:
        return None
    if speech.lemma_.lower() not in lexicon.accusation_verbs or speech.i > clause.verb.i:
        return None
    if code[:2] not in lexicon.hostile_roots or _agent_of_ref(reporter) == "MED":
        return None
    if _same_actor(reporter, source) or reporter.code.startswith(UNKNOWN_COUNTRY):
        return None
    evidence = [speech, *_children(speech, {"aux", "neg"})]
    return _event(context, clause, evidence, reporter, source, ACCUSATION_CODE, None)


def _evidence_span(clause: _Clause) -> list[Token]:
    tokens = list(clause.evidence)
    for target in clause.targets[:1]:
        if abs(target.i - clause.verb.i) <= 8:
            tokens.append(target)
    return tokens


def _event(
    context: _Context,
    clause: _Clause,
    evidence: list[Token],
    source: ActorRef,
    target: ActorRef | None,
    code: str,
    reporter: ActorRef | None,
) -> Event:
    start = min(token.idx for token in evidence)
    end = max(token.idx + len(token.text) for token in evidence)
    sentence = clause.verb.sent
    return Event(
        id="",
        span=Span(start=start, end=end, text=context.text[start:end]),
        code=code,
        label=context.lexicon.label(code),
        source_actor=source,
        target_actor=target,
        sentence=Span(start=sentence.start_char, end=sentence.end_char, text=sentence.text),
        date=_date_of(clause.verb, context) or context.date,
        place=_place_of(clause.verb, context),
        negated=clause.negated,
        reported_by=reporter,
    )


def _date_of(verb: Token, context: _Context) -> str | None:
    """A date the clause gives (``on Wednesday``), as written."""
    for child in verb.children:
        if child.dep_ in {"npadvmod", "prep", "advmod"}:
            for token in child.subtree:
                if token.ent_type_ == "DATE":
                    return context.ent_at[token.i].text
    return None


def _place_of(verb: Token, context: _Context) -> str | None:
    """A place the clause names (``in Zurich``, ``positions in Iraq``), as written."""
    holders = [verb, *_children(verb, OBJECT_DEPS)]
    for prep in (prep for holder in holders for prep in _children(holder, {"prep"})):
        if prep.lower_ in PLACE_PREPS | {"to"}:
            for token in prep.subtree:
                if token.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return context.ent_at[token.i].text
    return None


# --- nouns that report a meeting ---------------------------------------------------------


def _nominal_events(noun: Token, context: _Context) -> Iterator[Event]:
    """``agreed ... in negotiations with Syrian leaders``: the clause's subject negotiated.

    Only a meeting noun inside a clause (as a prepositional object) with a ``with``
    partner counts: ``held talks with`` is coded by its verb, and a bare ``the talks``
    names no participants.
    """
    if noun.dep_ != "pobj" or noun.idx < context.body_start:
        return
    partners = _prep_objects(noun, {"with"})
    if not partners:
        return
    verb = noun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or _subordinate_skip(verb, context):
        return
    subjects = _subject_of(verb)
    if not subjects:
        return
    code = context.lexicon.nominal_events[noun.lemma_.lower()]
    rule = VerbRule(code=code)
    clause = _Clause(noun, code, rule, subjects, partners, [noun, partners[0]])
    for source in (
        ref for s in _with_conjuncts(subjects, context) if (ref := _actor_ref(s, verb, context))
    ):
        for partner in partners[:1]:
            target = _target_ref(partner, verb, context)
            if target is None or _same_actor(source, target):
                continue
            yield _event(context, clause, [noun, partner], source, target, code, None)


# --- speech that is itself an event ------------------------------------------------------


def _criticism_events(verb: Token, context: _Context) -> Iterator[Event]:
    """``X said the comments were unacceptable``: X criticizes (CAMEO 111)."""
    lexicon = context.lexicon
    for complement in _children(verb, {"ccomp"}):
        predicates = _children(complement, {"acomp", "attr"})
        if complement.lemma_ != "be" or not any(
            p.lemma_.lower() in lexicon.criticism_words for p in predicates
        ):
            continue
        if any(child.dep_ == "neg" for child in complement.children):
            continue
        speakers = _children(verb, SUBJECT_DEPS)
        if not speakers:
            continue
        speaker = _actor_ref(speakers[0], verb, context)
        if speaker is None:
            continue
        subjects = _children(complement, SUBJECT_DEPS)
        target = _actor_ref(subjects[0], complement, context, strict=False) if subjects else None
        clause = _Clause(
            complement,
            CRITICISM_CODE,
            VerbRule(code=CRITICISM_CODE),
            speakers,
            subjects,
            [complement, *predicates],
        )
        yield _event(
            context,
            clause,
            [complement, *predicates],
            speaker,
            target if target is not None and target.code else None,
            CRITICISM_CODE,
            None,
        )
