"""The event clause of a verb: its rule, actors, and what modality and frames make of it.

:func:`analyse` picks the rule that fits the verb's object, finds source and target
tokens, and walks the governing verbs (``refused to``, ``urged X to``, ``said``) and the
negation and modals that turn the act into an intent, refusal, appeal or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsclaims.extract.cameo_lexicon import CameoLexicon, VerbRule
from newsclaims.extract.event_actors import is_instrument, names_actor
from newsclaims.extract.event_syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    TARGET_PREPS,
    EventContext,
    agent_of,
    children_of,
    coordinated_with,
    descend_quantity,
    is_existential,
    is_infinitive,
    is_marked,
    is_passive,
    noun_forms,
    object_tokens,
    passive_subject_through,
    phrasal_key,
    prep_objects,
    rules_for,
    subject_of,
    subject_of_own,
)

# Prepositions that name the attack a passive act was done in ("killed in an air strike").
INSTRUMENT_PREPS = {"in", "by", "during", "from"}
APPEALED_PREPS = {"on", "upon", "to"}


YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Roots of acts done in words alone, which a call or a letter can perform.
VERBAL_ROOTS = {"01", "02", "05", "10", "11", "12", "13"}


@dataclass
class Clause:
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
    # "will meet": an act announced in the future tense (both sides of a meeting commit).
    announced: bool = False
    # Rules of the verb that fit its object; the actors' agents pick among them.
    candidates: list[VerbRule] = field(default_factory=list)
    # What governing verbs and negation make of the act, innermost first.
    transforms: list[str] = field(default_factory=list)


def _object_forms(verb: Token, objects: list[Token], via: frozenset[str]) -> set[str]:
    # The parser often hangs the preposition on the object ("referred X to the court").
    holders = objects + (
        [found for holder in [verb, *objects] for found in prep_objects(holder, via)] if via else []
    )
    return set().union(*(noun_forms(obj) for obj in holders)) if holders else set()


def _rule_matches(
    rule: VerbRule, verb: Token, objects: list[Token], negated: bool, passive: bool
) -> bool:
    if rule.negated != negated and rule.negated:
        return False
    if rule.light_verbs is not None and phrasal_key(verb) not in rule.light_verbs:
        return False
    forms = _object_forms(verb, objects, rule.via)
    if rule.objects is not None and not forms & rule.objects:
        return False
    if rule.objects_not is not None and forms & rule.objects_not:
        return False
    if rule.object_actor and not any(names_actor(obj) for obj in objects):
        return False
    if rule.preps is not None:
        prep_holders = [verb, *objects]
        if not any(prep_objects(holder, rule.preps) for holder in prep_holders):
            return False
    if rule.complements is not None and not _has_complement(verb, objects, rule.complements):
        return False
    if rule.subjects is not None:
        subjects = children_of(verb, PASSIVE_SUBJECT_DEPS) if passive else subject_of(verb)
        subject_forms = set().union(*(noun_forms(descend_quantity(s)) for s in subjects))
        if not subject_forms & rule.subjects:
            return False
    if rule.clausal:
        complements = [
            c.lemma_.lower()
            for holder in [verb, *children_of(verb, {"acomp"})]
            for c in children_of(holder, {"xcomp", "advcl"})
            if c.dep_ == "xcomp" or is_infinitive(c) or c.tag_ == "VBG"
        ]
        if not complements:
            return False
        if isinstance(rule.clausal, frozenset) and complements[0] not in rule.clausal:
            return False
    return not (
        rule.needs_object and not passive and not objects and not prep_objects(verb, TARGET_PREPS)
    )


def _has_complement(verb: Token, objects: list[Token], predicates: frozenset[str]) -> bool:
    """``found X guilty``: a predicate of the verb or of its object (parsed either way)."""
    holders = [verb, *objects, *children_of(verb, {"ccomp", "xcomp"})]
    return any(
        child.lemma_.lower() in predicates
        for holder in holders
        for child in [holder, *holder.children]
        if child.dep_ in {"oprd", "acomp", "ccomp", "xcomp", "amod", "attr", "advmod", "prt", "acl"}
    )


def _instrument_of(verb: Token) -> list[Token]:
    """``killed in Israeli tank shelling``: the attack a passive act was done in or by."""
    return [
        obj
        for prep in children_of(verb, {"prep"})
        if prep.lower_ in INSTRUMENT_PREPS
        for obj in children_of(prep, {"pobj"})
        if is_instrument(obj)
    ][:1]


def _denied(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children)


def analyse(verb: Token, context: EventContext) -> Clause | None:
    """The event clause of ``verb``, or ``None`` when it codes no event."""
    lexicon = context.lexicon
    key = phrasal_key(verb)
    rules = rules_for(verb, lexicon, key)
    frame = lexicon.noun_frames.get(key)
    if not rules and key not in lexicon.light_verbs and frame is None:
        return None
    if _frames_an_event(verb, context):
        # "urged Germany to supply tanks": the appeal is coded on "supply".
        return None
    if verb.dep_ in {"amod", "compound"} or (verb.dep_ == "pcomp" and not subject_of_own(verb)):
        return None
    if any(child.lower_ in lexicon.irrealis_marks for child in children_of(verb, {"mark"})):
        return None
    if subordinate_skip(verb, context):
        return None
    negated = any(child.dep_ == "neg" for child in verb.children)
    passive = is_passive(verb)
    if passive:
        sources = agent_of(verb) or _instrument_of(verb)
        patients = children_of(verb, PASSIVE_SUBJECT_DEPS) or (
            [verb.head] if verb.dep_ == "acl" else passive_subject_through(verb)
        )
        objects = patients
    else:
        sources = subject_of(verb)
        objects = object_tokens(verb, key)
    if (
        not passive
        and verb.tag_ == "VBN"
        and not children_of(verb, {"aux"})
        and not (children_of(verb, SUBJECT_DEPS) and children_of(verb, {"dobj"}))
    ):
        # A participle with no auxiliary is a reduced relative, not an act; with its own
        # subject and a direct object it is a past tense the tagger missed ("an airstrike
        # killed six"), since a passive participle takes no object.
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
    if rule.nominal and any(_denied(obj) for obj in objects):
        # "made no commitment", "held no talks": the noun says the act did not happen.
        return None
    framed = frame is not None and rule.nominal
    if passive and rule.subject_acts and not agent_of(verb):
        # "Iran was not involved", "peacekeepers were deployed": the subject acts.
        sources, objects = objects, sources
    elif (
        passive
        and verb.dep_ == "acl"
        and (
            rule.code[:2] in lexicon.hostile_roots
            or verb.lemma_.lower() in lexicon.relation_participles
        )
        and not is_existential(verb.head)
    ):
        # A participle describes its noun: "the hostages seized by Hamas", "rebels backed
        # by Iran"; "there were ten soldiers killed" reports the killing.
        return None
    evidence = [verb, *children_of(verb, {"aux", "auxpass", "neg", "prt"})]
    if rule.nominal:
        evidence.extend(obj for obj in objects if abs(obj.i - verb.i) <= 8)
    if rule.complements is not None:
        # "is willing", "found X guilty": the predicate is part of what says it.
        evidence.extend(children_of(verb, {"acomp", "oprd"}))
    if passive and sources and is_instrument(sources[0]):
        # "killed in an Israeli attack": the attack says who acted, so it is evidence.
        evidence.extend(t for t in sources[0].subtree if t.i <= sources[0].i)
    clause = Clause(verb, rule.code, rule, sources, [], evidence, negated=negated)
    clause.candidates = [r for r in matching if r.nominal == rule.nominal]
    if (
        framed
        and frame is not None
        and (frame != "intent" or rule.code[:2] in lexicon.future_roots)
    ):
        # "offered talks" is an intent to meet; "offered criticism" is the criticism.
        clause.transforms.append(frame)
    if negated and not rule.negated:
        if rule.code[:2] not in lexicon.negatable_roots:
            return None
        clause.transforms.append("refusal")
    if _modal_blocks(verb, clause, lexicon):
        return None
    if _announced_future(verb, clause, lexicon):
        clause.transforms.append("intent")
        clause.announced = True
    if not _walk_frames(clause, context):
        return None
    clause.targets = _target_tokens(verb, objects, rule, passive)
    return clause


def _frames_an_event(verb: Token, context: EventContext) -> bool:
    """A frame verb (``urge``, ``threaten``) whose complement codes an event itself."""
    lexicon = context.lexicon
    lemma = verb.lemma_.lower()
    kinds = ("appeal", "threat", "intent", "refusal", "failure", "keep_act")
    if not any(lemma in lexicon.frames[kind] for kind in kinds):
        return False
    # "is ready to help": the complement hangs off the adjective.
    holders = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return any(
        analyse(child, context) is not None
        for holder in holders
        for child in holder.children
        if child.dep_ == "xcomp" or (child.dep_ == "ccomp" and is_infinitive(child))
    )


def _event_noun_rules(
    verb: Token, key: str, objects: list[Token], lexicon: CameoLexicon
) -> tuple[VerbRule, ...]:
    """Rules from the event noun a light or frame verb takes as object (``held talks``)."""
    if key not in lexicon.light_verbs and key not in lexicon.noun_frames:
        return ()
    for obj in objects:
        rules = lexicon.event_noun_rules(noun_forms(obj))
        if rules:
            return rules
    return ()


def subordinate_skip(verb: Token, context: EventContext) -> bool:
    """Subordinate verbs that report no act of their own.

    A purpose (``met X to discuss Y``) is an aim; a participle after the main act
    (``hit the town, killing five``) elaborates that act; ``its ability to threaten``
    is a capacity; a year before the report's (``captured Gaza in 1967``) is history, and
    a total ``since`` some time is a recap.
    """
    own_subject = subject_of_own(verb)
    if (
        verb.dep_ == "advcl"
        and not own_subject
        and not is_marked(verb)
        and (is_infinitive(verb) or verb.tag_ == "VBG")
        and (is_infinitive(verb) or _main_clause_acts(verb.head, context))
        and not _said_in_a_message(verb, context)
    ):
        # A participle after a copula is the act ("X is the largest donor, contributing
        # $5 million to Y"); after another verb it elaborates that verb's act.
        return True
    if verb.dep_ == "conj" and not own_subject and verb.head != verb:
        return subordinate_skip(coordinated_with(verb), context)
    if (
        verb.dep_ == "acl"
        and is_infinitive(verb)
        and (verb.head.lemma_.lower() in context.lexicon.modal_nouns)
    ):
        return True
    if verb.dep_ == "relcl" and (_inside_another_act(verb) or _aside(verb)):
        return True
    if _is_tally(verb, context.lexicon) or _starts_a_period(verb):
        return True
    if _is_correlative(verb):
        return True
    return context.latest_year is not None and _is_historical(verb, context.latest_year)


def _starts_a_period(verb: Token) -> bool:
    """``has kept a blockade since Hamas seized Gaza``: what a period is counted from is
    background, not a new act (its conjuncts too, through :func:`subordinate_skip`)."""
    if verb.dep_ != "advcl" or not any(m.lower_ == "since" for m in children_of(verb, {"mark"})):
        return False
    return any(aux.lemma_ == "have" for aux in children_of(verb.head, {"aux"}))


def _is_correlative(verb: Token) -> bool:
    """``the more we strike X, the greater our chances``: a rule of proportion, no act.

    Both halves of a correlative comparative read as conditions; the verb is in one when
    ``the`` + a comparative opens its half and the sentence has a second such pair.
    """
    sentence = verb.sent
    pairs = [
        token.i
        for token in sentence[:-1]
        if token.lower_ == "the" and token.nbor().tag_ in {"JJR", "RBR"}
    ]
    if len(pairs) < 2:
        return False
    opening = [i for i in pairs if i < verb.i and verb.i - i <= 6]
    return bool(opening) and not any(
        token.is_punct and token.lower_ not in {"“", '"'}
        for token in sentence.doc[opening[-1] : verb.i]
    )


def _aside(verb: Token) -> bool:
    """``the Third Corps, whose troops fought off the attack, has a new commander``: a
    relative clause set off by commas describes its noun; the sentence reports another act.
    """
    start = verb.left_edge.i
    return (
        start > 0
        and verb.doc[start - 1].text == ","
        and verb.head.dep_ in {"nsubj", "nsubjpass"}
        and verb.head.head.i > verb.i
    )


def _said_in_a_message(verb: Token, context: EventContext) -> bool:
    """``called X to congratulate him``: a call or letter performs the verbal act it is for.

    Only verbal acts (praise, apology, thanks, criticism, appeal): ``called X to discuss``
    is the call's aim, coded as the call.
    """
    lexicon = context.lexicon
    if not is_infinitive(verb) or verb.head.lemma_.lower() not in lexicon.message_verbs:
        return False
    return any(rule.code[:2] in VERBAL_ROOTS for rule in rules_for(verb, lexicon))


def _main_clause_acts(head: Token, context: EventContext) -> bool:
    """The clause a participle hangs on does something: any verb but a copula."""
    return head.lemma_.lower() not in context.lexicon.copulas


def _inside_another_act(verb: Token) -> bool:
    """A relative clause on what another verb's act is about, as background.

    ``condemned a protest by farmers who stormed a court``, ``cancelled a deal after an
    attack that killed a soldier``: the clause says what the noun is, not a new act.
    """
    if any(child.lower_ == "when" for child in children_of(verb, {"advmod"})):
        # "began on Friday, when X launched an attack": a time told by its event.
        return False
    noun = verb.head
    while noun.dep_ in {"compound", "conj", "appos"} and noun.head != noun:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        # "bring it to a place where ...", "cancelled it after an attack that ...": the
        # phrase hangs on the verb itself (not "remarks by leaders who ...").
        return True
    while noun.dep_ in {"pobj", "prep", "compound", "conj", "appos"} and noun.head != noun:
        noun = noun.head
    return noun.dep_ in {"dobj", "pobj", "prep"} and noun.head.pos_ == "VERB"


def _is_tally(verb: Token, lexicon: CameoLexicon) -> bool:
    """``have killed 900 people since Saturday``: a running total recapped, no new act.

    So is a casualty count in the perfect that an adverb marks as a total (``have since
    been killed``, ``has now killed``) or that a whole campaign did (``the offensive has
    killed``, ``have been killed in Israeli strikes``).
    """
    clause_heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for head in clause_heads:
        for child in head.children:
            if child.lower_ == "since" and child.dep_ == "prep":
                return True
            if child.dep_ == "advcl" and any(m.lower_ == "since" for m in child.children):
                if _first_time(head) or _first_time(child):
                    # "for the first time since the war began, X has accused Y": new.
                    continue
                return any(aux.lemma_ == "have" for aux in children_of(head, {"aux"}))
    if verb.lemma_.lower() not in lexicon.tally_verbs:
        return False
    if not any(aux.lemma_ == "have" for aux in children_of(verb, {"aux"})):
        return False
    if any(child.lower_ in lexicon.tally_adverbs for child in children_of(verb, {"advmod"})):
        return True
    doers = children_of(verb, SUBJECT_DEPS) + [
        obj
        for prep in children_of(verb, {"prep", "agent"})
        if prep.lower_ in INSTRUMENT_PREPS
        for obj in children_of(prep, {"pobj"})
    ]
    return any(_is_campaign(doer, lexicon) for doer in doers)


def _first_time(verb: Token) -> bool:
    """The clause says ``for the first time``: a novelty, which no running total is."""
    return any(
        obj.lemma_ == "time" and any(mod.lower_ == "first" for mod in obj.children)
        for prep in children_of(verb, {"prep"})
        for obj in children_of(prep, {"pobj"})
    )


def _is_campaign(noun: Token, lexicon: CameoLexicon) -> bool:
    """A whole campaign, or many attacks: ``the offensive``, ``Israeli strikes``."""
    classes = lexicon.noun_classes
    lemma = noun.lemma_.lower()
    if lemma in classes["campaigns"]:
        return True
    many_attacks = classes["attacks"] | classes["air_attacks"] | classes["instruments"]
    return noun.tag_ == "NNS" and lemma in many_attacks


def _is_historical(verb: Token, latest: int) -> bool:
    """The clause is dated to a year before the latest the report mentions.

    The year must date the clause (``in 1967``, ``on March 3, 2019``, ``in the 2006
    elections``), not describe something in it (``a lawsuit over a piece it published in
    2019``, ``an inquiry into fraud between 2001 and 2011``).
    """
    clause_heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for head in clause_heads:
        for child in head.children:
            if child.dep_ == "npadvmod":
                dates = _date_words(child)
            elif child.dep_ == "prep":
                dates = [t for obj in children_of(child, {"pobj"}) for t in _date_words(obj)]
            else:
                continue
            if any(YEAR.fullmatch(t.text) and int(t.text) < latest for t in dates):
                return True
    return False


def _date_words(noun: Token) -> list[Token]:
    """A dating phrase's own words: its head and modifiers, not nested phrases or clauses."""
    words = [noun]
    for child in noun.children:
        if child.dep_ in {"compound", "nummod", "amod", "appos", "npadvmod", "nmod", "punct"}:
            words.extend(_date_words(child))
    return words


def _modal_blocks(verb: Token, clause: Clause, lexicon: CameoLexicon) -> bool:
    """True when a modal makes the act speculative; notes an obligation on the clause."""
    for aux in children_of(verb, {"aux"}):
        lemma = aux.lower_
        if lemma in lexicon.speculative:
            return True
        if lemma in lexicon.obligation:
            clause.obligation = True
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "have"
        and any(child.lower_ == "to" for child in children_of(verb, {"aux"}))
    ):
        clause.obligation = True
        clause.evidence.append(verb.head)
    return False


def _announced_future(verb: Token, clause: Clause, lexicon: CameoLexicon) -> bool:
    """``will send a team``, ``said it would release``: an act announced, not yet done.

    CAMEO codes an announced cooperative act as the intent to do it (03x) and an
    announced hostile act as a threat (13x); other acts keep their code. A refusal
    (``would not provide``) is already coded as such.
    """
    if clause.negated or clause.transforms or clause.code[:2] not in lexicon.future_roots:
        return False
    return any(aux.lower_ in lexicon.future for aux in children_of(verb, {"aux"}))


def _walk_frames(clause: Clause, context: EventContext) -> bool:
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
        if node.dep_ in {"xcomp", "ccomp"} and (node.dep_ == "xcomp" or is_infinitive(node)):
            own_subject = children_of(node, SUBJECT_DEPS)
            # "urged Y to", "called on Y to", "appealed to Y to": Y is asked.
            head_objects = children_of(head, {"dobj"}) or prep_objects(head, APPEALED_PREPS)
            lemma = head.lemma_.lower()
            if lemma in lexicon.frames["appeal_by_prep"] and not prep_objects(
                head, APPEALED_PREPS | {"for"}
            ):
                # "called Erdogan to apologize" is a phone call, "called on X to" an appeal.
                return False
            if lemma in lexicon.frames["appeal"] and (own_subject or head_objects):
                clause.transforms.append("appeal")
                clause.appeal_target = (own_subject or head_objects)[0]
                clause.sources = subject_of(head)
                clause.evidence.append(head)
                clause.evidence.extend(children_of(head, {"aux", "neg"}))
                node = head
                continue
            if any(child.dep_ == "neg" for child in head.children):
                return False
            if any(aux.lower_ in lexicon.speculative for aux in children_of(head, {"aux"})):
                return False
            kind = lexicon.frame_of(lemma)
            if kind is None and head.pos_ == "AUX" and lemma == "be":
                kind = "keep_act"
            if kind is None and lemma in lexicon.message_verbs:
                # "phoned X to thank him": the call performs a verbal act, no other.
                kind = "keep_act" if clause.code[:2] in VERBAL_ROOTS else None
            if kind is None:
                return False
            if kind == "failure":
                # "failed to reach a deal" is a rejection; "failed to capture" no act.
                if clause.code[:2] not in lexicon.negatable_roots:
                    return False
                kind = "refusal"
            if kind != "keep_act":
                clause.transforms.append(kind)
            if subordinate_skip(head, context):
                return False
            clause.evidence.append(head)
            clause.evidence.extend(children_of(head, {"aux", "auxpass"}))
            if not clause.sources:
                clause.sources = subject_of(head if head.dep_ != "acomp" else head.head)
            node = head.head if head.dep_ == "acomp" else head
            continue
        if (
            node.dep_ in {"acl", "ccomp"}
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in lexicon.hearsay_nouns
            and subject_of_own(node)
        ):
            # "allegations that the agency targeted X": what is alleged is no event.
            return False
        noun_kind = lexicon.frame_noun_of(head.lemma_.lower()) if node.dep_ == "acl" else None
        if noun_kind is not None and is_infinitive(node):
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
            if lemma in lexicon.cognition_verbs or lemma in lexicon.wish_verbs:
                # "fears that X will attack", "demanded that X step down": not X's act.
                return False
            if lemma in lexicon.speech_verbs:
                speakers = children_of(head, SUBJECT_DEPS)
                clause.reporter = speakers[0] if speakers else None
                clause.speech_verb = head
            break
        if node.dep_ == "conj":
            node = coordinated_with(node)
            continue
        break
    return not clause.obligation or clause.reporter is not None


def _target_tokens(verb: Token, objects: list[Token], rule: VerbRule, passive: bool) -> list[Token]:
    """Who the act is done to: object, or a prepositional object of the verb or noun."""
    candidates: list[Token] = []
    for obj in objects:
        if not rule.nominal:
            candidates.append(obj)
        candidates.extend(prep_objects(obj, TARGET_PREPS | {"by"} if not passive else TARGET_PREPS))
    if rule.reverse:
        # "received arms from X", "faces criticism from X": X is the source.
        return [found for holder in [verb, *objects] for found in prep_objects(holder, {"from"})]
    candidates.extend(prep_objects(verb, TARGET_PREPS - {"from"} if not passive else TARGET_PREPS))
    return candidates
