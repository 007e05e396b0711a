"""Dependency-parse helpers for event coding: subjects, objects, agents, prepositions.

What a clause's words are to its verb (``X attacked Y``, ``Y was attacked by X``, ``the
attack on Y``), read off spaCy's parse with the coordination and control it misattaches,
plus :class:`EventContext`, what every clause of one document needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from newsclaims.extract.actors import ActorIndex, country_code
from newsclaims.extract.cameo_lexicon import CameoLexicon, VerbRule, cameo_lexicon
from newsclaims.extract.doc_index import doc_index
from newsclaims.model import Quote

# A named place as an object ("captured Kirkuk"): the form noun classes list as "@place".
PLACE_ENTITY_LABELS = {"GPE", "LOC", "FAC"}
NAMED_PLACE = "@place"
SUBJECT_DEPS = {"nsubj", "csubj"}


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}


OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
# Verbs whose infinitive complement's subject is what they let through ("allowed X to").
PERMIT_VERBS = {"allow", "permit", "let"}


# Prepositions whose object is the target of an event ("fired at", "talks with").
TARGET_PREPS = {"to", "against", "at", "on", "into", "with", "from", "toward", "towards", "upon"}


RELATIVE_PRONOUNS = {"who", "which", "that", "whose", "whom"}


@dataclass
class EventContext:
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


def phrasal_key(verb: Token) -> str:
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
    for prep in children_of(verb, {"prep"}):
        if any(obj.ent_type_ in {"DATE", "TIME"} for obj in children_of(prep, {"pobj"})):
            continue  # "called X on Monday" is no "call on"
        key = f"{lemma} {prep.lower_}"
        if key in lexicon.verbs or key in lexicon.light_verbs:
            return key
    return lemma


def rules_for(verb: Token, lexicon: CameoLexicon, key: str | None = None) -> tuple[VerbRule, ...]:
    key = key or phrasal_key(verb)
    return lexicon.verbs.get(key) or lexicon.verbs.get(key.split()[0].split("-")[-1], ())


def is_passive(verb: Token) -> bool:
    deps = {child.dep_ for child in verb.children}
    return bool(deps & (PASSIVE_SUBJECT_DEPS | {"auxpass"})) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def children_of(token: Token, deps: set[str]) -> list[Token]:
    view = doc_index(token.doc)
    return [view.tokens[child] for child in view.children[token.i] if view.deps[child] in deps]


def agent_of(verb: Token) -> list[Token]:
    """The ``by`` object of a passive verb (shared by coordinated verbs)."""
    for candidate in [verb, *verb.conjuncts]:
        for agent in children_of(candidate, {"agent"}):
            objects = children_of(agent, {"pobj"})
            if objects:
                return objects
    return []


def subject_of(verb: Token) -> list[Token]:
    """The subject of ``verb``, looking through coordination and control."""
    node = verb
    for _ in range(6):
        subjects = children_of(node, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        if subjects:
            return subjects
        if node.dep_ == "conj":
            node = coordinated_with(node)
            continue
        if node.dep_ in {"xcomp", "advcl"} and not is_marked(node):
            node = node.head
            if node.dep_ == "acomp":
                node = node.head
            continue
        if node.dep_ in {"attr", "acomp"} and node.tag_ == "VBG" and node.head.lemma_ == "be":
            # "Qatar is mediating" parsed as an attribute of "is".
            node = node.head
            continue
        if node.dep_ == "acl" and node.tag_ == "VBG" and _issued_document(node.head):
            # "issued a report accusing X", "passed a resolution condemning X": the issuer.
            node = node.head.head
            continue
        if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"} and is_infinitive(node):
            # "the army's efforts to mobilise": the owner of the effort acts; "expressed
            # its willingness to negotiate": the one who expressed it.
            owners = children_of(node.head, {"poss"})
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


def _issued_document(noun: Token) -> bool:
    """A document that is the object of the verb that issued it (``released a report``)."""
    documents = cameo_lexicon().noun_classes["documents"]
    return (
        noun.lemma_.lower() in documents
        and noun.dep_ in OBJECT_DEPS
        and noun.head.pos_ in {"VERB", "AUX"}
    )


def coordinated_with(verb: Token) -> Token:
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


def is_marked(verb: Token) -> bool:
    """An adverbial clause with a subordinator other than ``to`` (``after X fled``)."""
    return any(child.dep_ == "mark" for child in verb.children)


def object_tokens(verb: Token, key: str) -> list[Token]:
    objects = children_of(verb, OBJECT_DEPS)
    if " " in key and not objects:
        objects = prep_objects(verb, {key.split()[1]})
    if not objects and key in PERMIT_VERBS:
        # "allowed aid trucks to enter Gaza": what is let in is the verb's object.
        objects = [
            subject
            for complement in children_of(verb, {"ccomp", "xcomp"})
            if is_infinitive(complement)
            for subject in children_of(complement, {"nsubj"})
        ]
    # "the drones launched by X", "those it fires": the noun is what the act is done to.
    if (
        verb.dep_ in {"acl", "relcl"}
        and not objects
        and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and (is_passive(verb) or (verb.dep_ == "relcl" and _has_own_subject(verb)))
    ):
        objects = [verb.head]
    return objects


def _has_own_subject(verb: Token) -> bool:
    """A relative clause with a subject other than the relative (``those it fires``)."""
    for subject in children_of(verb, SUBJECT_DEPS):
        return subject.lower_ not in RELATIVE_PRONOUNS and not any(
            child.lower_ in RELATIVE_PRONOUNS for child in subject.children
        )
    return False


def prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in preps:
            found.extend(
                obj
                for obj in children_of(child, {"pobj", "pcomp"})
                if obj.ent_type_ not in {"DATE", "TIME"}
            )
        elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            found.append(child)
    return found


def noun_forms(noun: Token) -> set[str]:
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
    # "$5 million", "352.5 million euros" (the tagger does not always see money).
    is_amount = noun.ent_type_ == "MONEY" or lemma in cameo_lexicon().noun_classes["currencies"]
    if is_amount:
        forms.add("money")
    if noun.ent_type_ in PLACE_ENTITY_LABELS and (
        noun.ent_type_ != "GPE" or country_code(noun.text) is None
    ):
        # A city or region, not a country: countries are actors ("backed Russia").
        forms.add(NAMED_PLACE)
    for of_object in prep_objects(noun, {"of"}):
        forms.add(f"{lemma} of {of_object.lemma_.lower()}")
        if noun.pos_ == "NUM" or lemma in _QUANTITY_WORDS or is_amount:
            forms |= noun_forms(of_object)
    if is_amount:
        for in_object in prep_objects(noun, {"in"}):
            forms |= noun_forms(in_object)
    for nummod in children_of(noun, {"nummod"}):
        forms.add(nummod.lower_)
    return forms


_QUANTITY_WORDS = {
    "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
    "score", "scores", "number", "group", "some", "many", "most", "all", "part", "majority",
    "handful", "one", "two", "three", "several", "member", "unit", "band",
    "tonne", "ton", "tons", "tonnes", "shipment", "consignment", "batch", "package",
    "truckload", "load", "convoy", "round", "wave", "series", "string", "barrage",
    "salvo", "volley", "kind", "type", "supply", "amount", "quantity", "lot", "bunch", "worth",
}  # fmt: skip


def is_existential(noun: Token) -> bool:
    """``There were 10 soldiers ...``: the noun is what an existential sentence asserts."""
    return noun.dep_ == "attr" and any(child.dep_ == "expl" for child in noun.head.children)


def subject_of_own(verb: Token) -> bool:
    return bool(children_of(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))


def passive_subject_through(verb: Token) -> list[Token]:
    if verb.dep_ == "conj":
        return children_of(verb.head, PASSIVE_SUBJECT_DEPS | SUBJECT_DEPS)
    return []


def is_infinitive(verb: Token) -> bool:
    return any(child.lower_ == "to" for child in children_of(verb, {"aux"}))


def descend_quantity(token: Token) -> Token:
    """``hundreds of UN troops`` -> ``troops``."""
    for _ in range(3):
        if token.lemma_.lower() in _QUANTITY_WORDS or token.pos_ == "NUM":
            of_objects = prep_objects(token, {"of"})
            if of_objects:
                token = of_objects[0]
                continue
        break
    return token
