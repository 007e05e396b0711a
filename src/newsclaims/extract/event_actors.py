"""Actor resolution for events: which state, group or person a clause's noun names.

Names, pronouns, metonyms (``Washington``), agents without a state (``militants`` ->
the group named nearby, ``soldiers killed in Ukraine`` -> Ukraine's), weapons and
attacks standing for their users (``an Israeli air strike``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsclaims.extract import lexicon
from newsclaims.extract.actors import (
    ACTOR_LABELS,
    actor_tables,
    agent_code,
    country_code,
    known_person_code,
    resolve_name,
)
from newsclaims.extract.cameo_lexicon import cameo_lexicon
from newsclaims.extract.event_syntax import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    EventContext,
    agent_of,
    children_of,
    descend_quantity,
    prep_objects,
)
from newsclaims.model import ActorRef

# Where an actor is ("rioters in the square"), as opposed to a path ("over Ukraine").
LOCATION_PREPS = {"in", "at", "inside", "during"}


# Dependents that end a noun phrase naming an actor ("Israel, which ..." -> "Israel").
PHRASE_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "conj", "cc", "punct", "parataxis"}


# "a Taliban-claimed bomb", "a Saudi-led strike": the name before these acts for the attack.
CLAIMING_PARTICIPLES = {"claim", "lead", "launch", "conduct", "carry", "stage", "order"}
PHRASE_PREPS = {"of", "in", "from"}


ACTOR_ENTITY_LABELS = ACTOR_LABELS


SPEAKER_PRONOUNS = {"i", "we", "me", "us", "our", "my", "ours"}


THIRD_PRONOUNS = {"he", "she", "it", "they", "his", "her", "its", "their", "him", "them"}


PERSON_PRONOUNS = lexicon.PERSON_PRONOUNS | lexicon.PERSON_POSSESSIVES


PLURAL_PRONOUNS = lexicon.PLURAL_PRONOUNS | lexicon.PLURAL_POSSESSIVES


RECIPROCALS = {"each other", "one another"}


UNKNOWN_COUNTRY = "---"


CIVILIAN_AGENT = "CVL"


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


def names_actor(token: Token) -> bool:
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
        or token.lemma_.lower() in cameo_lexicon().noun_classes["actor_nouns"]
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


def _named_group_near(token: Token, context: EventContext) -> ActorRef | None:
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
    place = place_token(verb)
    return country_code(place.text) if place is not None else None


def place_token(verb: Token) -> Token | None:
    """The word of a place the clause names that identifies a country (``Ukraine``)."""
    for holder in [verb, *children_of(verb, {"nsubj", "nsubjpass", "attr"}), verb.head]:
        for prep in children_of(holder, {"prep"}):
            if prep.lower_ not in LOCATION_PREPS:
                continue
            for token in prep.subtree:
                if token.ent_type_ in {"GPE", "NORP", "LOC"} and country_code(token.text):
                    return token
    return None


def _fill_country(ref: ActorRef, token: Token, verb: Token, context: EventContext) -> ActorRef:
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


def actor_ref(
    token: Token,
    verb: Token,
    context: EventContext,
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
    token = descend_quantity(token)
    if token.pos_ == "PRON" or token.lower_ in RELATIVE_PRONOUNS:
        return _pronoun_ref(token, verb, context, depth)
    weapon_user = _weapon_user(token) or _instrument_owner(token)
    if weapon_user is not None:
        return actor_ref(weapon_user, verb, context, strict, depth + 1)
    is_document = documents and token.lemma_.lower() in context.lexicon.noun_classes["documents"]
    named = _named_actor(token, context)
    if strict and not is_document and not named and not names_actor(token):
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
        for appos in children_of(token, {"appos"}):
            appos_ref = actor_ref(appos, verb, context, strict, depth + 1)
            if appos_ref is not None and appos_ref.kind == "group":
                return appos_ref
    if not ref.code:
        for appos in children_of(token, {"appos"}):
            appos_ref = actor_ref(appos, verb, context, strict, depth + 1)
            if appos_ref is not None and appos_ref.code:
                return appos_ref
    ref = ref.model_copy(update={"text": text, "start": start, "end": end})
    if strict:
        ref = _fill_country(ref, token, verb, context)
    return ref if (ref.code or not strict or named) else None


def _named_actor(token: Token, context: EventContext) -> bool:
    """A person or body the text names, though no actor table knows it.

    A PERSON or ORG name, or a noun for people or bodies who act (``the lawyer``,
    ``NATO allies``, ``the rights group``: ``data/cameo_verbs.yaml``'s ``actor_nouns``).
    """
    ent = context.ent_at.get(token.i)
    if ent is not None and ent.label_ in {"PERSON", "ORG"} and ent.root == token:
        return True
    if ent is None and token.pos_ == "PROPN" and token.dep_ in SUBJECT_DEPS | {"pobj"}:
        # A name the tagger saw but did not label ("Jurisdiction for Peace ordered ...").
        return True
    actor_nouns = context.lexicon.noun_classes["actor_nouns"]
    return token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in actor_nouns


def target_ref(token: Token, verb: Token, context: EventContext) -> ActorRef | None:
    """The target a noun names: any state, IGO or group in its phrase, or a person's state."""
    ref = actor_ref(token, verb, context, strict=False)
    if ref is not None and not ref.code and (ref.role or agent_code(ref.text)):
        ref = _fill_country(ref, token, verb, context)
    return ref if ref is not None and ref.code else None


def _entity_ref(token: Token, context: EventContext) -> ActorRef | None:
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


def is_instrument(token: Token) -> bool:
    """A weapon or an attack, which acts for whoever uses or carries it out."""
    classes = cameo_lexicon().noun_classes
    kinds = classes["weapons"] | classes["instruments"] | classes["attacks"]
    kinds = kinds | classes["air_attacks"]
    return token.lemma_.lower() in kinds or token.lower_ in kinds


def _instrument_owner(token: Token) -> Token | None:
    """Who an attack or weapon belongs to, as its phrase says.

    ``an Israeli air strike``, ``a Russian missile``, ``Israel's attacks``: a demonym, name
    or possessive; ``a Taliban-claimed car bomb``, ``a Saudi-led strike``: the name before
    the participle; ``a car bombing by the Islamic State group``: the ``by`` phrase.
    """
    if not is_instrument(token):
        return None
    tables = actor_tables()
    for modifier in token.lefts:
        if modifier.dep_ not in {"amod", "compound", "poss", "nmod"}:
            continue
        if modifier.text in tables.demonyms or modifier.ent_type_ in {"GPE", "NORP", "ORG"}:
            return modifier
        if modifier.tag_ == "VBN" and modifier.lemma_.lower() in CLAIMING_PARTICIPLES:
            named = [c for c in modifier.children if c.pos_ == "PROPN" or c.ent_type_]
            if named:
                return named[0]
    by_objects = prep_objects(token, {"by"})
    return by_objects[0] if by_objects else None


def _weapon_user(token: Token) -> Token | None:
    """``a missile believed to be fired by rebels``, ``a bomb claimed by X`` -> the user."""
    classes = cameo_lexicon().noun_classes
    if token.lemma_.lower() not in classes["weapons"] | classes["instruments"]:
        return None
    for clause in token.subtree:
        if clause.pos_ == "VERB" and clause != token:
            agents = agent_of(clause)
            if agents:
                return agents[0]
    return None


def _pronoun_ref(pronoun: Token, verb: Token, context: EventContext, depth: int) -> ActorRef | None:
    """Resolve a pronoun: the speaker of the governing ``said``, else the nearest actor."""
    word = pronoun.lower_
    if word in RELATIVE_PRONOUNS:
        node = pronoun
        while node.dep_ != "relcl" and node.head != node:
            node = node.head
        if node.dep_ == "relcl":
            return actor_ref(node.head, verb, context, True, depth + 1)
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
            for subject in children_of(head, SUBJECT_DEPS):
                if subject != pronoun:
                    ref = actor_ref(subject, head, context, True, depth + 1)
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
            ref = actor_ref(token, verb, context, True, depth + 1)
            if ref is not None and ref.code and not ref.code.startswith(UNKNOWN_COUNTRY):
                return ref
    return _previous_subject(pronoun, verb, context, depth)


def _nearest_person(
    pronoun: Token, verb: Token, context: EventContext, depth: int
) -> ActorRef | None:
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
        ref = actor_ref(ent.root, verb, context, True, depth + 1)
        if ref is not None:
            return ref
    return None


def _previous_subject(
    token: Token, verb: Token, context: EventContext, depth: int
) -> ActorRef | None:
    sentence = token.sent
    if sentence.start == 0 or sentence.start_char < context.body_start:
        return None
    previous = token.doc[sentence.start - 1].sent
    for candidate in previous:
        if candidate.dep_ in SUBJECT_DEPS and candidate.pos_ != "PRON":
            ref = actor_ref(candidate, verb, context, True, depth + 1)
            if ref is not None:
                return ref
    return None


def _quote_speaker(token: Token, context: EventContext) -> ActorRef | None:
    for quote in context.quotes:
        inside = quote.content.start <= token.idx < quote.content.end
        if inside and quote.speaker is not None and quote.speaker.code:
            return quote.speaker
    return None


def reporter_of(token: Token, context: EventContext) -> ActorRef | None:
    for quote in context.quotes:
        if quote.content.start <= token.idx < quote.content.end and quote.speaker is not None:
            return quote.speaker
    return None


def agent_of_ref(ref: ActorRef | None) -> str | None:
    """The CAMEO agent an actor acts as; people named by a plural demonym are civilians."""
    if ref is None:
        return None
    agent = agent_code(ref.text) or _agent_part(ref.code)
    if agent is None and _is_plural_demonym(ref.text):
        return CIVILIAN_AGENT
    return agent


def coordinated_owners(noun: Token) -> list[ActorRef]:
    """``US and British activists``: one actor per coordinated country modifier.

    >>> from newsclaims.nlp import parse
    >>> [r.code for r in coordinated_owners(parse("Kenyan and Ugandan troops met.")[3])]
    ['KENMIL', 'UGAMIL']
    """
    for modifier in noun.lefts:
        if modifier.dep_ not in {"amod", "compound", "nmod"}:
            continue
        group = [modifier, *(c for c in modifier.children if c.dep_ == "conj")]
        countries = [(member, country_code(member.text)) for member in group]
        if len(group) < 2 or not all(code for _, code in countries):
            continue
        agent = agent_code(noun.text) or ""
        return [
            ActorRef(
                text=f"{member.text} {noun.text}",
                start=member.idx,
                end=noun.idx + len(noun.text),
                code=f"{code}{agent}",
                country=code,
                kind="organization" if agent else "country",
            )
            for member, code in countries
            if code
        ]
    return []


def _is_plural_demonym(text: str) -> bool:
    """``Israelis``, ``tens of thousands of Serbs``: a people, not the state."""
    last = text.split()[-1] if text.split() else ""
    return last.endswith("s") and last in actor_tables().demonyms


def is_reciprocal(token: Token) -> bool:
    """``each other``, ``one another``: the subjects act on one another."""
    return " ".join(t.lower_ for t in token.subtree) in RECIPROCALS


def with_conjuncts(tokens: list[Token], context: EventContext) -> list[Token]:
    """``Brazil and the United States``: each conjunct, also of a name's other tokens."""
    found: list[Token] = []
    for token in tokens:
        members = _entity_tokens(token, context)
        for item in [token, *(c for member in members for c in member.conjuncts)]:
            if item not in found and (item is token or item not in members):
                found.append(item)
    return found


def _entity_tokens(token: Token, context: EventContext) -> list[Token]:
    ent = context.ent_at.get(token.i)
    return list(ent) if ent is not None else [token]


def same_actor(first: ActorRef, second: ActorRef) -> bool:
    return bool(first.code and second.code and first.code[:3] == second.code[:3])
