"""A figure's scope: a running toll, one short period's count, or one incident's.

Most counts in the news are running tolls (``31,490 killed since October 7``); some count
only a stated short period (``in the past 24 hours``) or one incident (``the strike
killed 12``, ``1,400 were killed in the attack``), which are other quantities and must not
be set against the toll. The word lists live in ``data/figures.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsclaims.extract.countables import HOURS, SUBJECT_DEPS
from newsclaims.extract.figure_lexicon import FigureLexicon
from newsclaims.extract.numbers import number_value
from newsclaims.model import Scope


def clause_heads(anchor: Token, counted: Token | None) -> list[Token]:
    node = counted if counted is not None and counted.i == anchor.head.i else anchor
    heads = [node]
    for ancestor in node.ancestors:
        heads.append(ancestor)
        if ancestor.pos_ in {"VERB", "AUX"}:
            break
    return heads


def coordinated_counts(verb: Token) -> list[Token]:
    """Verbs joined to ``verb`` that report counts too ("... were killed and 734 were
    injured"), whose trailing phrases cover both."""
    return [
        child
        for child in verb.children
        if child.dep_ == "conj" and child.pos_ == "VERB" and _subject_is_a_count_or_none(child)
    ]


def count_scope(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> Scope | None:
    """``period`` or ``incident`` when the clause limits the count to either, else ``None``.

    >>> from newsclaims.extract.actors import ActorIndex
    >>> from newsclaims.extract.figures import extract_figures
    >>> from newsclaims.nlp import parse
    >>> def scope(text):
    ...     doc = parse(text)
    ...     return [f.scope for f in extract_figures(doc, ActorIndex(doc), [])]
    >>> scope("In the past 24 hours, 324 people were killed.")
    ['period']
    >>> scope("An air strike on a house killed 12 people.")
    ['incident']
    >>> scope("At least 31,490 people have been killed since October 7.")
    [None]
    """
    heads = clause_heads(anchor, counted)
    own = [child for head in heads for child in head.children]
    # "(the toll includes) six Palestinians killed on Tuesday": the participle on the
    # counted noun is the count's own clause, and its phrases limit the count itself.
    participial = [
        child
        for participle in own
        if participle.dep_ == "acl" and participle.tag_ == "VBN" and participle.head in heads
        for child in participle.children
    ]
    if any(_is_period_phrase(child, lexicon) for child in participial):
        return "period"
    if any(_is_incident_phrase(child, lexicon) for child in participial):
        return "incident"
    if any(child.dep_ == "prep" and child.lower_ in lexicon.toll_prepositions for child in own):
        return None  # "since October 7": counted from the start, whatever follows
    verb = heads[-1]
    tolls = [
        child
        for child in verb.children
        if child.dep_ in {"dobj", "nsubj"} and child.lemma_.lower() in lexicon.toll_nouns
    ]
    if tolls:
        # "..., raising the total to 32,490", "the death toll rose to 9,000 on Tuesday":
        # the toll a day's count adds up to; but "the toll from the raid rose to seven"
        # is the raid's.
        return (
            "incident"
            if any(_toll_of_an_incident(toll, lexicon) for toll in [*tolls, verb])
            else None
        )
    # A phrase after the last of coordinated verbs covers them all when they are one
    # report of counts ("390 were killed and 734 were injured in the past 24 hours"), not
    # when the other clause tells of something else ("..., and an air strike killed 12 on
    # Monday"). "... carried out 18 attacks in the past hours, killing 252 people": the
    # participle's count is the main clause's.
    sharing = coordinated_counts(verb)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        sharing.append(verb.head)
    modifiers = own + [child for head in sharing for child in head.children]
    # "Israeli attacks over the past 24 hours killed 76", "killed in attacks over the
    # past day": the period may sit on the cause, one phrase down.
    causes = [
        cause
        for child in modifiers
        for cause in ([child] if child.dep_ in SUBJECT_DEPS else _objects(child))
    ]
    nested = [child for cause in causes for child in cause.children]
    if any(_is_period_phrase(child, lexicon) for child in modifiers + nested):
        return "period"
    if any(_is_incident_phrase(child, lexicon) for child in modifiers):
        return "incident"
    if _told_of_an_incident(verb, lexicon):
        return "incident"
    if _told_as_past_event(verb, lexicon):
        return "incident"
    return None


def _toll_of_an_incident(toll: Token, lexicon: FigureLexicon) -> bool:
    """``the toll from the raid``, ``the toll of Monday's strike``, ``the toll in the
    attack on the school``: a toll noun (or its verb: ``raised the toll from the raid``)
    whose phrase names one incident."""
    return any(
        _names_an_incident(noun, lexicon)
        for child in toll.children
        if child.dep_ == "prep" and child.lower_ in {"from", "of", "in"}
        for noun in _objects(child)
    )


def _told_as_past_event(verb: Token, lexicon: FigureLexicon) -> bool:
    """The count's verb of killing or wounding is in the simple past (``were killed``,
    ``the strike killed``, ``..., killing 12`` after a past verb) and nothing in its
    clause marks a running count (``since``, ``so far``, ``in total``): the count of an
    event that is over, not a running toll (``have been killed``, ``has killed``).

    >>> from newsclaims.extract.figure_lexicon import figure_lexicon
    >>> from newsclaims.nlp import parse
    >>> def past(text):
    ...     doc = parse(text)
    ...     anchor = next(token for token in doc if token.like_num)
    ...     return _told_as_past_event(clause_heads(anchor, None)[-1], figure_lexicon())
    >>> past("Fighters stormed the town, killing 1,400 people.")
    True
    >>> past("Air strikes have killed 9,000 people.")
    False
    >>> past("At least 8,525 people were killed in strikes since October 7.")
    False
    """
    tense_verb = verb
    infinitive = verb.tag_ == "VB" and any(child.lower_ == "to" for child in verb.children)
    if (verb.tag_ == "VBG" or infinitive) and verb.dep_ in NONFINITE_DEPS:
        # "..., killing 12", "broke through the fence to massacre 1,300", "..., hitting a
        # house and killing 3": the participle or infinitive takes its clause's tense.
        tense_verb = verb.head
        while tense_verb.tag_ == "VBG" and tense_verb.dep_ in NONFINITE_DEPS:
            tense_verb = tense_verb.head
        if tense_verb.pos_ not in {"VERB", "AUX"}:
            return False
    elif verb.tag_ not in {"VBD", "VBN"}:
        return False
    if verb.lemma_.lower() not in lexicon.past_event_verbs or not _simple_past(tense_verb):
        return False
    return not any(_marks_running_count(token, lexicon) for token in _own_words(tense_verb))


NONFINITE_DEPS = frozenset({"advcl", "conj", "xcomp"})
# The words that set an attack at a site ("strikes near the hospital").
SITE_PREPOSITIONS = frozenset({"on", "against", "near", "at", "outside"})
# Clauses of their own under a verb: their words tell of their own counts ("..., taking
# the toll to seven"), all but the word that joins them ("since the war began"). A
# coordinated verb is no clause of its own: "232 were killed and 1,900 wounded since May
# 10" counts both since May 10.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "parataxis", "xcomp", "acl"})


def _own_words(verb: Token) -> list[Token]:
    """The words of a verb's own clause and of verbs coordinated with it: its subtree
    without the clauses under it, but with the words that join them (``since``)."""
    words: list[Token] = [verb]
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
            words.extend(mark for mark in child.children if mark.dep_ in {"mark", "advmod"})
        else:
            words.extend(child.subtree)
    return words


def _simple_past(verb: Token) -> bool:
    """``killed`` (no auxiliary) or ``were killed``; not ``have killed``, ``are killed``,
    ``will be killed``, and not a bare participle (``with 46 people killed``). A verb
    coordinated with another shares its auxiliaries (``have levelled ... and killed``)."""
    shared = verb
    while shared.dep_ == "conj" and shared.head.pos_ in {"VERB", "AUX"}:
        shared = shared.head
    auxiliaries = [
        child
        for head in {verb, shared}
        for child in head.children
        if child.dep_ in {"aux", "auxpass"}
    ]
    if any(aux.tag_ == "MD" or aux.lemma_.lower() in {"have", "do"} for aux in auxiliaries):
        return False
    if verb.tag_ == "VBD":
        return not auxiliaries
    return any(aux.lemma_.lower() == "be" and aux.tag_ == "VBD" for aux in auxiliaries)


def _marks_running_count(token: Token, lexicon: FigureLexicon) -> bool:
    """``since``, ``so far``, ``to date``, ``in all``, ``in total``, ``overall``, ``toll``."""
    word = token.lower_
    if word in lexicon.toll_prepositions:
        return True
    if word not in lexicon.running_count_words:
        return False
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    needs = {"far": "so", "date": "to", "all": "in"}
    return word not in needs or before == needs[word]


def _told_of_an_incident(verb: Token, lexicon: FigureLexicon) -> bool:
    """The count's clause is a relative clause on a pinned-down attack: ``the attack on
    October 7, which killed 1,139``, ``the October 7 attack, in which 1,200 were killed``
    (not ``Israel's offensive, which has killed 20,000``)."""
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    # "which killed": the relative clause hangs on the attack, or on a date after it.
    if noun.ent_type_ == "DATE" and noun.head.dep_ == "prep":
        noun = noun.head.head
    return (
        noun.tag_ == "NN"
        and noun.lemma_.lower() in lexicon.campaign_nouns | lexicon.incident_nouns
        and (noun.lemma_.lower() in lexicon.incident_nouns or _pinned_down(noun, lexicon))
    )


def _subject_is_a_count_or_none(verb: Token) -> bool:
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    return all(
        subject.like_num or any(child.dep_ == "nummod" for child in subject.children)
        for subject in subjects
    )


def _objects(token: Token) -> list[Token]:
    """The objects of a preposition (``in`` -> ``attacks``); none for other tokens."""
    if token.dep_ not in {"prep", "agent"}:
        return []
    return [child for child in token.children if child.dep_ == "pobj"]


def _is_period_phrase(token: Token, lexicon: FigureLexicon) -> bool:
    """``overnight``, ``last night``, ``in the past 24 hours``, ``over a single day``,
    ``on Sunday`` (a weekday names one day; a date such as ``on October 7`` may name a
    whole attack's toll and is left alone)."""
    if token.dep_ in {"advmod", "npadvmod"} and token.lower_ in lexicon.period_adverbs:
        return True
    times = [token] if token.dep_ == "npadvmod" else []
    if token.dep_ == "prep" and token.lower_ in lexicon.period_prepositions:
        times = _objects(token)
    if token.dep_ == "prep" and token.lower_ == "on":
        return any(time.lower_ in lexicon.weekdays for time in _objects(token))
    return any(_is_short_period(time, lexicon) for time in times)


def _is_short_period(time: Token, lexicon: FigureLexicon) -> bool:
    """``the past day``, ``a single day``, ``24 hours``, ``a 24-hour period``; not ``the
    last 140 days``, which is most of a war."""
    if time.lemma_.lower() not in lexicon.period_nouns:
        return False
    if time.lemma_.lower() == "hour" or any(
        word.lemma_.lower() == "hour" or HOURS.match(word.text) for word in time.children
    ):
        return True
    counts = [number_value(word.text) for word in time.children if word.dep_ == "nummod"]
    if any(count is None or count > 2 for count in counts):
        return False
    return any(word.lower_ in lexicon.period_modifiers for word in time.children)


def _is_incident_phrase(token: Token, lexicon: FigureLexicon) -> bool:
    """A singular incident noun as the subject (``a strike killed``), the agent (``killed
    by a roadside bomb``) or after ``in``/``during`` (``killed in the blast``)."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        nouns = [token]
    elif token.dep_ == "agent" or (
        token.dep_ == "prep" and token.lower_ in lexicon.incident_prepositions
    ):
        nouns = _objects(token)
    else:
        return False
    return any(_names_an_incident(noun, lexicon) for noun in nouns)


def _names_an_incident(noun: Token, lexicon: FigureLexicon) -> bool:
    """A singular incident noun (``the blast``), a pinned-down campaign noun (``the
    attack on the school``) or one with ``a``/``an`` (``an Israeli attack``), or attacks
    of either kind pinned down to one site or day (``Israeli strikes on the Jabalia
    camp``; not ``Israeli strikes on Gaza``)."""
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NN" and lemma in lexicon.incident_nouns:
        return True
    kinds = lexicon.campaign_nouns | lexicon.incident_nouns
    if noun.tag_ == "NN" and lemma in kinds and _indefinite(noun):
        return True
    return noun.tag_ in {"NN", "NNS"} and lemma in kinds and _pinned_down(noun, lexicon)


def _indefinite(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in noun.children)


def _pinned_down(noun: Token, lexicon: FigureLexicon) -> bool:
    """A campaign noun made one incident by a day (``the October 7 attack``, ``the attack
    on October 7``) or by a site (``the attack on al-Ahli hospital``, ``an assault on a
    school``, ``strikes near the hospital``, ``close to the school``; not ``the attack on
    Gaza``, ``the offensive against Hamas``)."""
    for child in noun.children:
        if child.ent_type_ == "DATE" and any(part.like_num for part in child.subtree):
            return True
        preps = [child] if child.dep_ == "prep" else []
        if child.lower_ in {"close", "next"}:  # "close to the hospital"
            preps = [part for part in child.children if part.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ not in (SITE_PREPOSITIONS if prep is child else {"to"}):
                continue
            for target in _objects(prep):
                if target.ent_type_ == "DATE" or target.ent_type_ == "FAC":
                    return True
                if target.lemma_.lower() in lexicon.site_nouns:
                    return True
    return False
