"""Events: actor -- action -- target, CAMEO-coded, from the dependency parse.

Each verb whose lemma (or verb + object, verb + particle, light verb + event noun) is in
``data/cameo_verbs.yaml`` or ``data/cameo_codebook.yaml`` is a candidate. Its clause
decides the rest:

* voice: ``X attacked Y`` and ``Y was attacked by X`` give the same event, and an attack
  acts for its owner (``killed in Israeli shelling``, ``a bombing by X``);
* coordinated actors: ``Chad, Sudan and Niger met`` gives every pair, ``US and British
  activists`` one actor per country;
* the governing verb: ``refused to withdraw`` is a refusal (12x), ``wants to help`` an
  intention (03x), ``asked X to help`` an appeal (02x), ``demanded that X resign`` only
  the demand;
* tense, negation and modality: ``will visit`` is an intent (036) and ``will attack`` a
  threat (138), ``would not give permission`` a refusal, ``might attack`` and ``did not
  attack`` no events;
* reported speech: an event in a clause under ``said`` keeps who reported it; under
  ``believes`` or ``fears`` it is no event; ``X said Y attacked Z`` is also X's accusation,
  ``X said Y was responsible`` too, and ``X said Y must leave`` X's demand;
* descriptions are no new acts: participles (``rebels backed by Iran``), running totals
  (``since March``, ``the offensive has killed 4,000``), relative clauses on another
  act's object, what allegations say;
* symmetric event nouns with a ``between`` phrase (``clashes broke out between A and B``)
  are each side's act on the other;
* metonyms and pronouns: ``Washington`` is the US government, ``its troops`` the
  troops of the state the sentence is about.

Only clauses whose source names an actor (a state, IGO, group, agent such as
``militants``, or a person or body the text names) are coded. The work is split:
``cameo_lexicon`` loads the tables, ``event_syntax`` reads the parse, ``event_clauses``
analyses one clause, ``event_actors`` resolves actors; this module builds the events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsclaims.extract.actors import ActorIndex, country_code
from newsclaims.extract.cameo_lexicon import CameoLexicon, VerbRule
from newsclaims.extract.doc_index import doc_index
from newsclaims.extract.event_actors import (
    UNKNOWN_COUNTRY,
    actor_ref,
    agent_of_ref,
    coordinated_owners,
    is_reciprocal,
    place_token,
    reporter_of,
    same_actor,
    target_ref,
    with_conjuncts,
)
from newsclaims.extract.event_clauses import YEAR, Clause, analyse, subordinate_skip
from newsclaims.extract.event_syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    EventContext,
    agent_of,
    children_of,
    descend_quantity,
    is_existential,
    is_passive,
    noun_forms,
    prep_objects,
    subject_of,
)
from newsclaims.ingest.headline import split_headline
from newsclaims.model import ActorRef, Event, Quote, Span

PLACE_PREPS = {"in", "at", "near", "inside", "outside", "over", "across", "around"}


# Roots of verbal acts, which a document can perform ("a report alleged ...").
SPEECH_ROOTS = {"01", "02", "10", "11", "12", "13"}


# Acts only a state's authorities do where they happen (arrest, deportation, release).
LOCATED_ARRESTS = {"173", "174", "0841"}
DEMAND_CODE = "100"


ACCUSATION_CODE = "112"


# Roots of acts that frame another (appeal, intent, demand, refusal, threat).
FRAMING_ROOTS = {"02", "03", "10", "12", "13"}


CRITICISM_CODE = "111"


# A setting country is inferred only for documents, not single sentences.
MIN_SENTENCES_FOR_SETTING = 3


def _setting_country(doc: Doc) -> str | None:
    """The country a report is mostly about: the one its place names cite most."""
    if sum(1 for _ in doc.sents) < MIN_SENTENCES_FOR_SETTING:
        return None
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in {"GPE", "NORP", "LOC"} and (code := country_code(ent.text)):
            counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


def extract_events(
    doc: Doc, actors: ActorIndex, quotes: list[Quote], date: str | None = None
) -> list[Event]:
    """Every coded event in ``doc``, in text order.

    The headline is skipped (the body reports the same events in full), and an event
    that repeats an earlier one (same source, code, target and verb) is kept once.
    """
    view = doc_index(doc)
    text = view.text
    years = [int(year) for year in YEAR.findall(text)]
    context = EventContext(
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
            framing = _coded_before(event, events)
            if framing is not None:
                if not _names_more(event, events[framing]):
                    continue
                # "reiterated its commitment to support X": the same intent, with its target.
                events[framing] = event.model_copy(update={"id": events[framing].id})
                continue
            seen.add(key)
            events.append(event.model_copy(update={"id": f"e{len(events) + 1}"}))
    return events


def _coded_before(event: Event, earlier: list[Event]) -> int | None:
    """The index of an earlier appeal, intent, demand, refusal or threat that codes the same
    act: the same source, overlapping words, another code.

    ``refused to meet the envoy`` is the refusal its governing verb codes (125), coded
    first; the complement's own reading (``meet``) is not another act. A call made to
    thank someone (041, then 051) performs both.
    """
    source = event.source_actor
    for index in range(len(earlier) - 1, max(len(earlier) - 7, -1), -1):
        other = earlier[index]
        if (
            other.code != event.code
            and other.code[:2] in FRAMING_ROOTS
            and other.source_actor.start == source.start
            and other.source_actor.code == source.code
            and other.span.start < event.span.end
            and event.span.start < other.span.end
        ):
            return index
    return None


def _names_more(event: Event, other: Event) -> bool:
    """Of two codes of one act with the same root, the one that names its target."""
    return (
        event.code[:2] == other.code[:2]
        and other.target_actor is None
        and event.target_actor is not None
        and event.target_actor.code is not None
    )


def _events_at(token: Token, context: EventContext) -> Iterator[Event]:
    if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
        yield from _verb_events(token, context)
        if token.tag_ == "VBG" and is_existential(token):
            # "there is fighting between A and B": the parser tags the noun a verb.
            yield from _between_events(token, context)
        if token.lemma_ in context.lexicon.speech_verbs:
            yield from _criticism_events(token, context)
    elif token.pos_ == "NOUN":
        if token.lemma_.lower() in context.lexicon.nominal_events:
            yield from _nominal_events(token, context)
        yield from _between_events(token, context)
        yield from _agent_noun_events(token, context)


def _verb_events(verb: Token, context: EventContext) -> Iterator[Event]:
    clause = analyse(verb, context)
    if clause is None:
        return
    lexicon = context.lexicon
    documents = clause.rule.code[:2] in SPEECH_ROOTS
    sources = [
        ref
        for token in with_conjuncts(clause.sources, context)
        for ref in _source_refs(token, verb, context, documents)
    ]
    targets = [
        ref for token in clause.targets if (ref := target_ref(token, verb, context)) is not None
    ]
    if not targets and clause.targets:
        # No state or group: keep what the act was done to, as written, without a code.
        unresolved = actor_ref(clause.targets[0], verb, context, strict=False)
        targets = [unresolved] if unresolved is not None else []
    if clause.appeal_target is not None:
        appealed = actor_ref(clause.appeal_target, verb, context, strict=False)
        targets = [appealed] if appealed is not None and appealed.code else []
    if any(is_reciprocal(t) for t in clause.targets):
        targets = list(sources)
    if not sources and is_passive(verb):
        sources = _located_source(clause, targets, context)
    if not sources:
        return
    joint = len(sources) > 1 and any(r.mutual_code for r in clause.candidates)
    mutual = len(sources) > 1 and any(r.symmetric for r in clause.candidates)
    if (mutual or joint) and not any(target.code for target in targets):
        # "A, B and C met": each met each of the others (_pick_targets skips itself).
        targets = list(sources)
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
            if joint and rule.mutual_code and not clause.transforms:
                # "A and B held exercises": military cooperation (062), each with each.
                code = rule.mutual_code
            if clause.obligation:
                if reporter is None or same_actor(reporter, source):
                    continue
                # "X said Y must release ...": X demands it of Y.
                yield _event(context, clause, evidence, reporter, source, DEMAND_CODE, None)
                continue
            yield _event(context, clause, evidence, source, target, code, reporter)
            mutual = not clause.transforms or (clause.announced and len(clause.transforms) == 1)
            if rule.symmetric and mutual and target is not None and target.code:
                reverse = _recode(clause, target, source, lexicon)
                if reverse is not None:
                    yield _event(context, clause, evidence, target, source, reverse[0], reporter)
            accusation = _accusation(clause, source, reporter, code, context)
            if accusation is not None:
                yield accusation


def _source_refs(
    token: Token, verb: Token, context: EventContext, documents: bool
) -> list[ActorRef]:
    """The actors a source noun names: one per coordinated owner, else its own."""
    owners = coordinated_owners(descend_quantity(token))
    if owners:
        return owners
    speakers = _plural_speakers(token, context)
    if len(speakers) > 1:
        # "A and B said they will resume relations": each of them will.
        return [ref for s in speakers if (ref := actor_ref(s, verb, context)) is not None]
    ref = actor_ref(token, verb, context, documents=documents)
    return [ref] if ref is not None else []


def _plural_speakers(pronoun: Token, context: EventContext) -> list[Token]:
    """The coordinated subjects of the speech verb a ``they`` or ``we`` is said under."""
    if pronoun.lower_ not in {"they", "we"}:
        return []
    node = pronoun
    for _ in range(6):
        head = node.head
        if head == node:
            return []
        if head.lemma_.lower() in context.lexicon.speech_verbs and node.dep_ not in SUBJECT_DEPS:
            subjects = [s for s in children_of(head, SUBJECT_DEPS) if s != pronoun]
            return with_conjuncts(subjects[:1], context) if subjects else []
        node = head
    return []


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


def _recode(
    clause: Clause, source: ActorRef, target: ActorRef | None, lexicon: CameoLexicon
) -> tuple[str, VerbRule] | None:
    """The final code once the actors are known: the first fitting rule, transformed."""
    source_agent = agent_of_ref(source)
    target_agent = agent_of_ref(target)
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


def _located_source(
    clause: Clause, targets: list[ActorRef], context: EventContext
) -> list[ActorRef]:
    """``10 Russian soldiers killed in Ukraine``: foreign troops killed by the host state;
    ``was arrested in Rwanda``: arrested by that state's authorities.

    Only when the clause names no agent at all: in ``killed in Afghanistan by a roadside
    bomb`` the bomb did it, and a bomb is no actor, so there is no source.
    """
    if agent_of(clause.verb):
        return []
    place = place_token(clause.verb)
    country = country_code(place.text) if place is not None else None
    if place is None or country is None:
        return []
    if clause.code in LOCATED_ARRESTS:
        # "was arrested in Niger": the host state's authorities arrested.
        return [_host(place, country, context)]
    if clause.code[:2] not in {"18", "19"} or not targets:
        return []
    victim = targets[0]
    if agent_of_ref(victim) != "MIL" or victim.code is None or victim.code.startswith(country):
        return []
    return [_host(place, country, context)]


def _host(place: Token, country: str, context: EventContext) -> ActorRef:
    words = context.ent_at.get(place.i) or place.doc[place.i : place.i + 1]
    host = context.actors.resolve_span(words)
    return host.model_copy(update={"code": country, "country": country, "kind": "country"})


def _reporter_ref(clause: Clause, context: EventContext) -> ActorRef | None:
    quoted = reporter_of(clause.verb, context)
    if quoted is not None:
        return quoted
    if clause.reporter is None or clause.speech_verb is None:
        return None
    return actor_ref(clause.reporter, clause.speech_verb, context, strict=True) or ActorRef(
        text=clause.reporter.text
    )


def _accusation(
    clause: Clause, source: ActorRef, reporter: ActorRef | None, code: str, context: EventContext
) -> Event | None:
    """``X said (that) Y attacked Z``: X accuses Y (CAMEO 112)."""
    speech = clause.speech_verb
    lexicon = context.lexicon
    if speech is None or reporter is None or not reporter.code:
        return None
    if speech.lemma_.lower() not in lexicon.accusation_verbs or speech.i > clause.verb.i:
        return None
    if code[:2] not in lexicon.hostile_roots or agent_of_ref(reporter) == "MED":
        return None
    if same_actor(reporter, source) or reporter.code.startswith(UNKNOWN_COUNTRY):
        return None
    if is_passive(clause.verb) and not agent_of(clause.verb):
        # "X said 30 people were killed in an air strike by Y": a toll reported about
        # the victims, not a charge laid against a doer the clause names.
        return None
    evidence = [speech, *children_of(speech, {"aux", "neg"})]
    return _event(context, clause, evidence, reporter, source, ACCUSATION_CODE, None)


def _evidence_span(clause: Clause) -> list[Token]:
    tokens = list(clause.evidence)
    for target in clause.targets[:1]:
        if abs(target.i - clause.verb.i) <= 8:
            tokens.append(target)
    return tokens


def _event(
    context: EventContext,
    clause: Clause,
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


def _date_of(verb: Token, context: EventContext) -> str | None:
    """A date the clause gives (``on Wednesday``), as written."""
    for child in verb.children:
        if child.dep_ in {"npadvmod", "prep", "advmod"}:
            for token in child.subtree:
                if token.ent_type_ == "DATE":
                    return context.ent_at[token.i].text
    return None


def _place_of(verb: Token, context: EventContext) -> str | None:
    """A place the clause names (``in Zurich``, ``positions in Iraq``), as written."""
    holders = [verb, *children_of(verb, OBJECT_DEPS)]
    for prep in (prep for holder in holders for prep in children_of(holder, {"prep"})):
        if prep.lower_ in PLACE_PREPS | {"to"}:
            for token in prep.subtree:
                if token.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return context.ent_at[token.i].text
    return None


def _nominal_events(noun: Token, context: EventContext) -> Iterator[Event]:
    """``agreed ... in negotiations with Syrian leaders``: the clause's subject negotiated.

    Only a meeting noun inside a clause (as a prepositional object) with a ``with``
    partner counts: ``held talks with`` is coded by its verb, and a bare ``the talks``
    names no participants.
    """
    if noun.dep_ != "pobj" or noun.idx < context.body_start:
        return
    verb = noun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or subordinate_skip(verb, context):
        return
    partners = prep_objects(noun, {"with"})
    if not partners and noun.head.head == verb and noun.head.i < noun.i:
        # "left for a meeting on Saturday with the families": the parser hangs "with" on
        # the verb; after the noun's own phrase, it is the meeting's partner.
        partners = [p for p in prep_objects(verb, {"with"}) if p.i > noun.i]
    if not partners:
        return
    subjects = subject_of(verb)
    if not subjects:
        return
    code = context.lexicon.nominal_events[noun.lemma_.lower()]
    rule = VerbRule(code=code)
    clause = Clause(noun, code, rule, subjects, partners, [noun, partners[0]])
    for source in (
        ref for s in with_conjuncts(subjects, context) if (ref := actor_ref(s, verb, context))
    ):
        for partner in partners[:1]:
            target = target_ref(partner, verb, context)
            # A government meeting its own citizens is an event (ISRGOV -> ISRCVL); an
            # actor meeting itself is not.
            if target is None or (target.code is not None and target.code == source.code):
                continue
            yield _event(context, clause, [noun, partner], source, target, code, None)


def _between_events(noun: Token, context: EventContext) -> Iterator[Event]:
    """``Clashes broke out between police and protesters``: each side acts on the other.

    A symmetric event noun (clash, fighting, talks) that its clause asserts, as subject or
    as what ``there were`` asserts, with a ``between`` phrase naming both sides; not under
    a negation, a speculative modal or a belief (``fears that clashes could erupt``).
    """
    if noun.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and not is_existential(noun):
        return
    lexicon = context.lexicon
    rules = [rule for rule in lexicon.event_noun_rules(noun_forms(noun)) if rule.symmetric]
    verb = noun.head
    if not rules or verb.pos_ not in {"VERB", "AUX"} or noun.idx < context.body_start:
        return
    sides = [
        side
        for holder in (noun, verb)
        for obj in prep_objects(holder, {"between"})
        for side in (obj, *obj.conjuncts)
    ]
    if not sides or _asserts_nothing(verb, context):
        return
    if any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children):
        return
    # "between Indian and Pakistani troops": one noun, an owner per demonym.
    refs: list[ActorRef] = []
    for side in sides:
        owners = coordinated_owners(side)
        if owners:
            refs.extend(owners)
        elif (ref := target_ref(side, verb, context)) is not None:
            refs.append(ref)
    code = rules[0].code
    clause = Clause(noun, code, rules[0], sides[:1], sides[1:], [noun, *sides])
    for source in refs:
        for target in refs:
            if target is not source and not same_actor(source, target):
                yield _event(context, clause, [noun, *sides], source, target, code, None)


def _agent_noun_events(noun: Token, context: EventContext) -> Iterator[Event]:
    """An event noun whose ``by`` phrase names its actor, where the clause asserts it.

    ``There have been crackdowns by the police on protests``: the existential asserts the
    act, its ``on``/``against`` phrase names the target. ``The town has been under
    bombardment by X``: the subject is what the act is done to. Elsewhere a nominal act is
    coded through its verb (``killed in a bombing by X``) or is only mentioned.
    """
    under = noun.dep_ == "pobj" and noun.head.lower_ == "under"
    asserted = noun
    while asserted.dep_ == "conj" and asserted.head != asserted:
        asserted = asserted.head  # "there were clashes and crackdowns by X"
    if not (under or is_existential(asserted)) or noun.idx < context.body_start:
        return
    rules = [rule for rule in context.lexicon.event_noun_rules(noun_forms(noun))]
    verb = noun.head.head if under else asserted.head
    agents = prep_objects(noun, {"by"}) or [
        agent for agent in prep_objects(verb, {"by"}) if agent.i > noun.i
    ]
    if not rules or rules[0].symmetric or not agents or verb.pos_ not in {"VERB", "AUX"}:
        return
    if _asserts_nothing(verb, context) or any(c.lower_ == "no" for c in noun.children):
        return
    source = actor_ref(agents[0], verb, context)
    if source is None or not source.code:
        return
    objects = subject_of(verb) if under else prep_objects(noun, {"on", "against"})
    if not under and not objects:
        # The parser hangs "on Kyiv" on the copula; after the noun it is the noun's.
        objects = [o for o in prep_objects(verb, {"on", "against"}) if o.i > noun.i]
    target = None
    if objects:
        target = target_ref(objects[0], verb, context) or actor_ref(
            objects[0], verb, context, strict=False
        )
    if target is not None and same_actor(source, target):
        return
    code = rules[0].code
    clause = Clause(noun, code, rules[0], agents[:1], objects[:1], [noun, agents[0]])
    yield _event(context, clause, [noun, agents[0]], source, target, code, None)


def _asserts_nothing(verb: Token, context: EventContext) -> bool:
    """The clause denies, doubts or only fears what it says."""
    lexicon = context.lexicon
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if any(aux.lower_ in lexicon.speculative for aux in children_of(verb, {"aux"})):
        return True
    governing = verb.head if verb.dep_ == "ccomp" else None
    if governing is not None and governing.lemma_.lower() in lexicon.cognition_verbs:
        return True
    return subordinate_skip(verb, context)


def _criticism_events(verb: Token, context: EventContext) -> Iterator[Event]:
    """Speech whose report is itself an act of the speaker.

    ``X said the comments were unacceptable``: X criticizes (111); ``X said Y was
    responsible``: X accuses Y (112); ``X said Y must leave``: X demands it of Y (100),
    for any act (an event act's demand is coded with that act).
    """
    speakers = children_of(verb, SUBJECT_DEPS)
    if not speakers:
        return
    for complement in children_of(verb, {"ccomp"}):
        if any(child.dep_ == "neg" for child in complement.children):
            continue
        coded = _speech_act(complement, context)
        if coded is None:
            continue
        code, evidence = coded
        speaker = actor_ref(speakers[0], verb, context)
        if speaker is None:
            continue
        subjects = children_of(complement, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        target = actor_ref(subjects[0], complement, context, strict=False) if subjects else None
        if target is not None and not target.code:
            target = None
        judges_a_thing = code == CRITICISM_CODE and complement.lemma_ == "be"
        if not judges_a_thing and (target is None or same_actor(speaker, target)):
            # Only "the comments were unacceptable" criticizes without naming who.
            continue
        clause = Clause(complement, code, VerbRule(code=code), speakers, subjects, evidence)
        yield _event(context, clause, evidence, speaker, target, code, None)


def _blames(word: Token, lexicon: CameoLexicon) -> bool:
    """Whether a predicate of blame blames: "involved" and "implicated" only in a harm
    ("involved in the attack", "in planning the killing"), not "in the negotiations"."""
    if word.lower_ not in lexicon.blame_words:
        return False
    if word.lower_ not in lexicon.involvement_words:
        return True
    for prep in children_of(word, {"prep"}):
        for held in children_of(prep, {"pobj", "pcomp"}):
            done = [held, *children_of(held, {"dobj", "pobj"})]
            if any(t.lemma_.lower() in lexicon.harm_nouns for t in done):
                return True
    return False


def _speech_act(complement: Token, context: EventContext) -> tuple[str, list[Token]] | None:
    """The code a reported clause makes of its report, with the words that say so."""
    lexicon = context.lexicon
    if _blames(complement, lexicon) and is_passive(complement):
        # "X said Y was involved in the attack": a passive of blame.
        return ACCUSATION_CODE, [*children_of(complement, {"auxpass"}), complement]
    if complement.lemma_ == "be":
        predicates = children_of(complement, {"acomp", "attr"})
        lemmas = {p.lemma_.lower() for p in predicates}
        if lemmas & lexicon.criticism_words:
            return CRITICISM_CODE, [complement, *predicates]
        if any(p.lemma_.lower() in lexicon.blame_words and _blames(p, lexicon) for p in predicates):
            return ACCUSATION_CODE, [complement, *predicates]
        return None
    judged = _judged_object(complement, lexicon.criticism_words)
    if judged is not None:
        # "X said Y is making unrealistic demands": the words judge what Y does.
        return CRITICISM_CODE, [complement, judged]
    obliged = [a for a in children_of(complement, {"aux"}) if a.lower_ in lexicon.obligation]
    if obliged and complement.pos_ == "VERB" and analyse(complement, context) is None:
        return DEMAND_CODE, [obliged[0], complement]
    return None


def _judged_object(verb: Token, words: frozenset[str]) -> Token | None:
    """The object of a reported clause (or of its ``continuing to`` verb) that a judging
    adjective describes: ``unrealistic demands``, ``unacceptable conditions``."""
    for _ in range(3):
        for obj in children_of(verb, {"dobj"}):
            if any(mod.lemma_.lower() in words for mod in children_of(obj, {"amod"})):
                return obj
        following = children_of(verb, {"xcomp"})
        if not following:
            return None
        verb = following[0]
    return None
