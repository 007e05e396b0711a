"""Figures: counts of people and things, with hedge, what is counted, status and source.

A figure is a number (digits, number words or a vague plural like ``dozens``) that counts
people or things involved in events: ``at least 31,490 people killed``, ``about 130
captives remain``, ``thousands of rockets``. Dates, times, ages, money, percentages,
measures, durations, populations and numbers inside names are not figures. Each figure
keeps its hedge in its span and qualifier, and its source: the speaker of the quotation it
sits in, the subject of a speech or cognition verb governing it, or the object of
``according to``; ``None`` when the reporter states it.

This module assembles figures: which numbers are counts is ``countables``, a figure's
state is ``figure_states``; here are what is counted, where, when, the scope and the
source. Word lists live in ``data/figures.yaml`` (``figure_lexicon``); the reporting
verbs and source phrases come from the cue lexicon of ``data/cues.yaml``, adjusted there
for counts.
"""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.actors import ACTOR_LABELS, ActorIndex
from newsclaims.extract.countables import (
    MONTHS_AND_DAYS,
    SUBJECT_DEPS,
    Mention,
    counted_noun,
    is_count,
    line_segments,
    number_anchor,
    number_mentions,
    table_rows,
)
from newsclaims.extract.doc_index import doc_index, entity_of
from newsclaims.extract.figure_lexicon import FigureLexicon, figure_lexicon
from newsclaims.extract.figure_scopes import clause_heads, coordinated_counts, count_scope
from newsclaims.extract.figure_states import figure_state, state_lexicon
from newsclaims.extract.lexicon import (
    DEMONSTRATIVE_PRONOUNS,
    FIRST_SECOND_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    RESOLVABLE_PRONOUNS,
)
from newsclaims.extract.numbers import (
    is_number_word,
)
from newsclaims.extract.speakers import quoted_as_saying
from newsclaims.model import ActorRef, Figure, Qualifier, Quote
from newsclaims.model import Span as TextSpan

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LIST_MARKERS = {"-", "–", "—", "•", "*", "·"}
# Subjects and sources that name no one by themselves: the source comes from the context
# ("it said", "according to them", "one said").
CONTEXT_PRONOUNS = (
    RESOLVABLE_PRONOUNS
    | POSSESSIVE_PRONOUNS
    | FIRST_SECOND_PRONOUNS
    | DEMONSTRATIVE_PRONOUNS
    | RELATIVE_PRONOUNS
    | {"one"}
)
LOCATIVE_PREPOSITIONS = {"in", "into", "inside", "across", "near", "at", "throughout", "from", "on"}


def extract_figures(doc: Doc, actors: ActorIndex, quotes: list[Quote]) -> list[Figure]:
    """Every figure in ``doc``, in text order.

    >>> from newsclaims.nlp import parse
    >>> doc = parse("At least 12 people were killed, the ministry said.")
    >>> [(f.span.text, f.value, f.qualifier, f.status, f.source.text)
    ...  for f in extract_figures(doc, ActorIndex(doc), [])]
    [('At least 12', 12.0, 'at_least', 'killed', 'the ministry')]
    """
    lexicon = figure_lexicon()
    figures: list[Figure] = []
    previous_source: ActorRef | None = None
    introduced: ActorRef | None = None  # "The ministry gave these figures:" over a list
    after_marker = False  # the parser may cut "- 30 killed" after its dash
    tables = table_rows(doc)
    for sentence in (segment for sent in doc.sents for segment in line_segments(sent)):
        if introduced is not None and not (after_marker or _is_list_item(sentence)):
            introduced = None
        after_marker = all(t.is_space or t.text in LIST_MARKERS for t in sentence)
        attribution = SentenceAttribution(sentence, actors, lexicon, previous_source)
        attribution.introduced = introduced
        state: str | None = None  # the sentence's previous figure's, for a bare "total"
        for mention in number_mentions(sentence, lexicon):
            anchor = number_anchor(mention.number_tokens(doc))
            if anchor.i in tables or not is_count(mention, anchor, lexicon):
                continue
            figure = _figure(len(figures) + 1, mention, anchor, attribution, quotes, actors, state)
            figures.append(figure)
            state = figure.status or state
        previous_source = attribution.sentence_source() or previous_source
        if _ends_with_colon(sentence):
            introduced = attribution.introducer(sentence[-1]) or introduced
    return figures


def _ends_with_colon(sentence: Span) -> bool:
    words = [token for token in sentence if not token.is_space]
    return bool(words) and words[-1].text == ":"


def _is_list_item(sentence: Span) -> bool:
    """A line of a list: ``- 30 killed in the north``, ``• 12 in the south``, ``2. ...``."""
    words = [token for token in sentence if not token.is_space]
    return bool(words) and (
        words[0].text in LIST_MARKERS or (len(words) > 1 and words[1].text in {".", ")"})
    )


def _figure(
    index: int,
    mention: Mention,
    anchor: Token,
    attribution: SentenceAttribution,
    quotes: list[Quote],
    actors: ActorIndex,
    previous_state: str | None,
) -> Figure:
    doc = anchor.doc
    lexicon = attribution.lexicon
    span = doc[mention.hedge_start : mention.end]
    counted = counted_noun(anchor, lexicon)
    status = figure_state(anchor, counted, previous=previous_state)
    quote = _enclosing_quote(quotes, span.start_char, span.end_char)
    if quote is not None and quote.kind != "direct" and _in_a_gloss_or_setting(anchor, lexicon):
        quote = None  # the reporter's gloss inside reported words: not the speaker's
    source = _quote_speaker(quote, actors) if quote else None
    if source is None:
        source = attribution.source_of(anchor)
    sentence = anchor.sent
    return Figure(
        id=f"f{index}",
        span=_span(span),
        value=mention.value,
        qualifier=_verb_qualifier(mention.qualifier, anchor, lexicon),
        low=mention.low,
        high=mention.high,
        what=_what(counted or _counted_by_toll(anchor), status, lexicon),
        status=status,
        where=_where(anchor, counted, lexicon),
        when=_when(anchor, counted),
        scope=count_scope(anchor, counted, lexicon),
        source=source,
        quote_id=quote.id if quote and source else None,
        sentence=_span(sentence),
    )


def _verb_qualifier(qualifier: Qualifier, anchor: Token, lexicon: FigureLexicon) -> Qualifier:
    """``has passed 5,000``: an exact number that a verb of exceeding governs is a floor;
    ``nears 24,000``: one that a verb of approaching governs is a ceiling. The number of
    a counted noun the verb governs is governed with it when a toll is what exceeds
    (``the toll topping 7,000 people``; not ``passed 12 checkpoints``)."""
    counted = anchor.head
    if (
        anchor.dep_ == "nummod"
        and counted.dep_ == "dobj"
        and any(
            child.dep_ == "nsubj" and child.lemma_.lower() in lexicon.toll_nouns
            for child in counted.head.children
        )
    ):
        anchor = counted
    if qualifier != "exact" or anchor.dep_ != "dobj":
        return qualifier
    verb = anchor.head.lemma_.lower()
    if verb in lexicon.at_least_verbs:
        return "at_least"
    return "at_most" if verb in lexicon.at_most_verbs else qualifier


def _span(span: Span) -> TextSpan:
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


# --- what, status, where, when -------------------------------------------------------------


def _counted_by_toll(anchor: Token) -> Token | None:
    """What a running count's toll noun counts, when the figure is its value: ``The
    number of journalists killed was 56``, ``the toll of children rose to 5,000`` count
    journalists and children, not people (``the number of dead`` names no one).

    >>> from newsclaims.nlp import parse
    >>> doc = parse("The total number of journalists killed in Gaza was 56, the group said.")
    >>> _counted_by_toll(next(token for token in doc if token.like_num)).text
    'journalists'
    """
    lexicon = state_lexicon()
    verb = clause_heads(anchor, None)[-1]
    tolls = [
        child
        for child in verb.children
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and child.i != anchor.i
        and child.lemma_.lower() in lexicon.toll_nouns
    ]
    for toll in tolls:
        for preposition in toll.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "of":
                continue
            for noun in preposition.children:
                if (
                    noun.dep_ == "pobj"
                    and noun.tag_ in {"NNS", "NNPS"}
                    and noun.lemma_.lower() not in lexicon.state_nouns
                ):
                    return noun
    return None


def _what(counted: Token | None, status: str | None, lexicon: FigureLexicon) -> str | None:
    """The counted noun with its compounds (``aircraft carrier strike groups``)."""
    if counted is None:
        return "people" if status in state_lexicon().human_states else None
    words = [
        child
        for child in counted.children
        if (child.dep_ == "compound" or (child.dep_ == "amod" and child.ent_type_ == "NORP"))
        and not is_number_word(child.text)
        and child.ent_type_ not in PLACE_LABELS
    ]
    tokens = sorted([*words, counted], key=lambda token: token.i)
    what = " ".join(token.text for token in tokens)
    joined = _joined_group(counted, lexicon)
    return f"{what} and {joined.text}" if joined is not None else what


def _joined_group(counted: Token, lexicon: FigureLexicon) -> Token | None:
    """The group counted together with ``counted`` under its one number ("25,000 women
    and children"), not a group with a number of its own ("10 women and 12 children")."""
    if counted.lower_ not in lexicon.joined_group_nouns:
        return None
    for child in counted.children:
        if (
            child.dep_ == "conj"
            and child.lower_ in lexicon.joined_group_nouns
            and not any(grand.dep_ == "nummod" or grand.like_num for grand in child.children)
        ):
            return child
    return None


def _where(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> str | None:
    """A place named by a locative phrase on the counted noun or its verb, or after the
    last of coordinated counts (``18 were killed and 100 injured in the West Bank``)."""
    heads = clause_heads(anchor, counted)
    # A count of the weapons themselves ("fired 30 rockets from Lebanon") is where they
    # were fired from; only a count of their dead is elsewhere.
    fired = counted is not None and _is_weapon(counted, lexicon)
    for head in heads:
        for child in head.children:
            if child.dep_ == "nsubj" and (nested := _place_of(child, lexicon, fired=fired)):
                return nested  # "strikes on Gaza killed 40"
        place = _place_of(head, lexicon, nested=True, fired=fired)
        if place is not None:
            return place
    for verb in coordinated_counts(heads[-1]):
        if (place := _place_of(verb, lexicon, fired=fired)) is not None:
            return place
    return None


def _place_of(
    noun: Token, lexicon: FigureLexicon, nested: bool = False, fired: bool = False
) -> str | None:
    """A place in a locative phrase directly on ``noun`` (``killed in Gaza``).

    With ``nested``, also one phrase further down: ``killed in attacks on Gaza`` names
    the place of the deadly act. A common noun that stands for a place (``on the
    blockaded enclave``) is returned as written; the store resolves it to the place the
    article named. A weapon's origin (``rockets from Gaza``) is a place only when the
    count is ``fired``: of the weapons, not of their dead.
    """
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        if child.lower_ == "from" and not fired and _after_a_launch(child, noun, lexicon):
            continue  # "rockets fired from Gaza" came from there; their dead are elsewhere
        for place in child.children:
            if place.dep_ != "pobj":
                continue
            if place.ent_type_ in PLACE_LABELS:
                return entity_of(place).text
            if _is_place_noun(place, lexicon):
                return _named_after(place) or place.doc[place.left_edge.i : place.i + 1].text
            if nested and (inner := _place_of(place, lexicon, fired=fired)) is not None:
                return inner
    return None


def _after_a_launch(preposition: Token, head: Token, lexicon: FigureLexicon) -> bool:
    """Whether ``from`` follows a weapon, its fire or its launch (``rockets fired from``,
    ``killed by rockets from``, however the parser attaches it): an origin.

    >>> from newsclaims.nlp import parse
    >>> doc = parse("Six were killed by rockets from Gaza.")
    >>> _after_a_launch(doc[5], doc[2], figure_lexicon())
    True
    """
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else preposition
    return _is_weapon(head, lexicon) or _is_weapon(before, lexicon)


def _is_weapon(word: Token, lexicon: FigureLexicon) -> bool:
    """Whether a word names a weapon, its fire or its launch (``rockets``, ``fired``)."""
    return word.lemma_.lower() in lexicon.launch_words or word.lower_ in lexicon.launch_words


def _is_place_noun(noun: Token, lexicon: FigureLexicon) -> bool:
    """``the enclave``, ``the besieged strip``, ``the al-Shifa hospital``: a definite noun
    standing for a place named before, or naming a site (``a refugee camp`` names none)."""
    return (
        noun.lemma_.lower() in lexicon.place_nouns
        and noun.tag_ == "NN"
        and any(
            (child.dep_ == "det" and child.lower_ == "the")
            or child.dep_ == "poss"
            or (child.dep_ == "compound" and child.pos_ == "PROPN")
            for child in noun.children
        )
    )


def _named_after(noun: Token) -> str | None:
    """The name in ``the town of Beit Lahiya``."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for name in child.children:
                if name.dep_ == "pobj" and name.ent_type_ in PLACE_LABELS:
                    return entity_of(name).text
    return None


def _when(anchor: Token, counted: Token | None) -> str | None:
    """A date attached to the counted noun or its verb, with its preposition.

    The preposition is kept because it changes what the date means: ``on October 7``
    dates the count, ``since October 7`` only starts a cumulative one.
    """
    for head in clause_heads(anchor, counted):
        for child in head.children:
            for preposition, token in _date_candidates(child):
                if token.ent_type_ == "DATE" and any(
                    MONTHS_AND_DAYS.match(word.text) or NAMED_DAYS.match(word.text)
                    for word in token.subtree
                ):
                    return preposition + entity_of(token).text
    return None


# Days named relative to the report: "killed by yesterday" holds for the day before it.
NAMED_DAYS = re.compile(r"^(?:yesterday|today)$", re.IGNORECASE)


def _date_candidates(child: Token) -> list[tuple[str, Token]]:
    """The words under ``child`` that may be a date, each with the preposition before it:
    a bare date ("killed Monday"), a preposition's object ("by Tuesday"), or the object of
    a two-word preposition ("as of Tuesday")."""
    if child.dep_ == "npadvmod":
        return [("", child)]
    if child.dep_ != "prep":
        return [("", token) for token in child.children]
    found = [(f"{child.text} ", token) for token in child.children]
    for inner in child.children:
        if inner.dep_ == "prep":  # "as of Tuesday": the date hangs on "of"
            found += [(f"{child.text} {inner.text} ", token) for token in inner.children]
    return found


# --- sources -------------------------------------------------------------------------------


class SentenceAttribution:
    """Who the figures of one sentence are attributed to.

    A figure inside the clause of a speech or cognition verb takes its subject;
    ``according to X`` covers the whole sentence; a trailing ``..., X said`` covers
    what precedes it. Pronoun subjects take the subject of an enclosing speech verb, or
    the last source named in an earlier sentence.
    """

    def __init__(
        self,
        sentence: Span,
        actors: ActorIndex,
        lexicon: FigureLexicon,
        previous: ActorRef | None,
    ) -> None:
        self.sentence = sentence
        self.actors = actors
        self.lexicon = lexicon
        self.previous = previous
        self.marked_end: int | None = None  # where "according to X" ends, when there is one
        self.marked = self._marked_source()
        self.introduced: ActorRef | None = None  # a list's introducing sentence's source

    def source_of(self, anchor: Token) -> ActorRef | None:
        """The source of a figure anchored at ``anchor``, or ``None`` if unattributed."""
        governing = self._governing_source(anchor)
        if governing is not None:
            return governing
        if self.marked is not None and self._marked_covers(anchor):
            return self.marked
        if _in_a_gloss(anchor, self.lexicon):
            # "..., promising to fight Israel's war, which has killed 29,600": the
            # reporter's, unless a closing "..., the ministry said" covers the sentence.
            return self._trailing_source(anchor)
        colon = next((t for t in self.sentence if t.text == ":" and t.i < anchor.i), None)
        introduced = self.introducer(colon) if colon is not None else self.introduced
        return introduced or self._trailing_source(anchor) or self._continued_source(anchor)

    def _continued_source(self, anchor: Token) -> ActorRef | None:
        """``166 were killed, the ministry said, bringing the total to 20,424``: a count
        in a participle clause after a ``..., X said`` set into the clause it hangs on
        continues what X reports."""
        node = anchor
        while node.head.i != node.i and not (node.dep_ == "advcl" and node.tag_ == "VBG"):
            node = node.head
        if node.dep_ != "advcl" or node.tag_ != "VBG" or not self._inside(node.head):
            return None
        for said in node.head.children:
            if said.dep_ == "parataxis" and said.i < node.i and self._is_report_verb(said):
                return self._subject_ref(said)
        return None

    def introducer(self, colon: Token) -> ActorRef | None:
        """``Officials gave these figures: ...``: the subject of the report or toll verb
        in the words before a colon, who introduces what follows it."""
        for token in self.sentence:
            if token.i >= colon.i:
                break
            lemma = token.lemma_.lower()
            if token.pos_ in {"VERB", "AUX"} and (
                lemma in self.lexicon.speech_verbs or lemma in self.lexicon.toll_verbs
            ):
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ not in CONTEXT_PRONOUNS:
                    return self._phrase_ref(subject)
        return None

    def _estimate_agent(self, node: Token, child: Token) -> ActorRef | None:
        """``an estimate by the army is 65``, ``figures from the ministry show 40``, ``the
        UN's count of 300``: the actor whose estimate the figure is."""
        if node.pos_ in {"NOUN", "PROPN"}:
            nouns = [node]
        else:
            nouns = [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i != child.i]
        for noun in nouns:
            lemma = noun.lemma_.lower()
            if lemma not in self.lexicon.toll_nouns:
                continue
            for part in noun.children:
                agents = [c for c in part.children if c.dep_ == "pobj"]
                # "from" after a toll is its cause ("the toll from the attacks").
                own = lemma in self.lexicon.estimate_nouns
                by = (
                    part.dep_ == "prep"
                    and agents
                    and (part.lower_ == "by" or (part.lower_ == "from" and own))
                )
                if by and self._is_actor(agents[0]):
                    return self._phrase_ref(agents[0])
                if (
                    own and part.dep_ == "poss" and self._is_actor(part)
                ):  # "the UN's count", without the "'s"
                    return self.actors.resolve_span(noun.doc[part.left_edge.i : part.i + 1])
        return None

    def sentence_source(self) -> ActorRef | None:
        """The source this sentence names, for pronouns in later sentences."""
        if self.marked is not None:
            return self.marked
        for token in self.sentence:
            if self._is_report_verb(token):
                subject = self._subject_ref(token)
                if subject is not None:
                    return subject
        return None

    def _inside(self, token: Token) -> bool:
        return self.sentence.start <= token.i < self.sentence.end

    def _governing_source(self, anchor: Token) -> ActorRef | None:
        child, node = anchor, anchor.head
        while node.i != child.i and self._inside(node):
            if _opens_a_gloss(child, self.lexicon):
                return None  # a speaker outside the reporter's gloss does not say it
            agent = self._estimate_agent(node, child)
            if agent is not None:
                return agent
            if _opens_a_setting(child, anchor, self.lexicon):
                return None  # "announced a truce after fighting in which 40 died"
            if child.dep_ not in SUBJECT_DEPS and self._is_report_verb(node):
                subject = self._subject_ref(node)
                if subject is not None:
                    return subject
            child, node = node, node.head
        return None

    def _is_report_verb(self, verb: Token) -> bool:
        """A speech verb, or an actor's verb reporting a toll or a document.

        ``the ministry put the toll at 50`` attributes; ``the strike brought the toll to
        50`` does not, as its subject is no actor.
        """
        lemma = verb.lemma_.lower()
        if _misparsed_speech_noun(verb, self.lexicon):
            return True
        if verb.pos_ not in {"VERB", "AUX"}:
            return False
        if lemma in self.lexicon.speech_verbs:
            return True
        if lemma not in self.lexicon.toll_verbs:
            return False
        objects = [child for child in verb.children if child.dep_ in {"dobj", "nsubjpass"}]
        reports_toll = any(
            word.lemma_.lower() in self.lexicon.toll_nouns
            for obj in objects
            for word in (obj, *obj.children)
        )
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return reports_toll and subject is not None and self._is_actor(subject)

    def _is_actor(self, head: Token) -> bool:
        if head.lower_ in CONTEXT_PRONOUNS or head.ent_type_ in ACTOR_LABELS:
            return True
        ref = self._phrase_ref(head)
        return ref.kind is not None or ref.code is not None

    def _subject_ref(self, verb: Token) -> ActorRef | None:
        """The subject of a report verb as an actor, with pronouns resolved."""
        if _misparsed_speech_noun(verb, self.lexicon):
            words = verb.doc[verb.left_edge.i : verb.i]
            return self.actors.resolve_span(words) if len(words) else None
        quoted = quoted_as_saying(verb)
        if quoted is not None:
            return self._phrase_ref(quoted)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        # "raids that officials say killed 80": the relative pronoun is not the speaker.
        subject = next((c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS), None)
        subject = subject or next(iter(subjects), None)
        if subject is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subject is None:
            if verb.dep_ in {"conj", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
                return self._subject_ref(verb.head)
            return None
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = verb.head
        if subject.lower_ in CONTEXT_PRONOUNS:
            outer = self._governing_source(verb)
            return outer or self.previous
        return self._phrase_ref(subject)

    def _phrase_ref(self, head: Token) -> ActorRef:
        """The noun phrase of ``head`` as written, without relative clauses or appositions."""
        doc = head.doc
        end = head.right_edge.i + 1
        for child in head.children:
            if child.i > head.i and child.dep_ in {"relcl", "appos", "punct", "acl", "cc", "conj"}:
                end = min(end, child.left_edge.i)
        start = head.left_edge.i
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return self.actors.resolve_span(doc[start:end])

    def _marked_source(self) -> ActorRef | None:
        """The object of ``according to X``/``citing X`` anywhere in the sentence."""
        words = [token.lower_ for token in self.sentence]
        for marker in self.lexicon.source_markers:
            for offset in range(len(words) - len(marker) + 1):
                if tuple(words[offset : offset + len(marker)]) != marker:
                    continue
                last = self.sentence[offset + len(marker) - 1]
                objects = [c for c in last.children if c.dep_ in {"pobj", "dobj"}]
                if objects:
                    head = objects[0]
                    self.marked_end = head.right_edge.i
                    if head.lower_ in CONTEXT_PRONOUNS:
                        return self.previous
                    return self._phrase_ref(head)
        return None

    def _marked_covers(self, anchor: Token) -> bool:
        """Whether ``according to X`` covers the figure: not when the figure is in a
        clause of its own joined after it (``1,300 were killed, according to Israeli
        officials, and 1,500 Palestinians have been killed in strikes on Gaza``)."""
        if self.marked_end is None or anchor.i < self.marked_end:
            return True
        verb = clause_heads(anchor, None)[-1]
        if verb.dep_ != "conj" or verb.i < self.marked_end:
            return True
        own_subject = any(child.dep_ in SUBJECT_DEPS for child in verb.children)
        joined = any(token.dep_ == "cc" for token in anchor.doc[self.marked_end + 1 : verb.i])
        return not (own_subject and joined)

    def _trailing_source(self, anchor: Token) -> ActorRef | None:
        """``..., X said.`` parsed as a clause beside the figure's rather than above it."""
        for token in self.sentence:
            if (
                token.i > anchor.i
                and token.dep_ in {"parataxis", "ROOT", "conj"}
                and self._inside(token)
                and self._is_report_verb(token)
                and not any(c.dep_ in {"ccomp", "dobj"} and c.i > token.i for c in token.children)
                and token.head.i in {a.i for a in [anchor, *anchor.ancestors]} | {token.i}
            ):
                return self._subject_ref(token)
        return None


GLOSS_MARKS = frozenset({",", "–", "—", "-", "("})


def _opens_a_gloss(token: Token, lexicon: FigureLexicon) -> bool:
    """A non-restrictive relative clause (``the war on Gaza, which has killed 29,600``):
    the reporter's gloss on a noun, not the words of a speaker whose clause holds it;
    unless it says who says so itself (``, which officials say has killed 9,922``)."""
    edge = token.left_edge.i
    if edge == 0 or token.doc[edge - 1].text not in GLOSS_MARKS:
        return False
    if token.dep_ != "relcl" and not _opens_with_preposition_which(token):
        return False
    noun = token.head
    if noun.dep_ in SUBJECT_DEPS | {"dobj"} and noun.head.dep_ == "ccomp":
        return False  # "the army said the attack, which killed two, hit ...": its words
    return not any(
        word.lemma_.lower() in lexicon.speech_verbs or word.lower_ in lexicon.speech_verbs
        for word in token.subtree
    )


def _opens_with_preposition_which(token: Token) -> bool:
    """``..., during which strikes killed 9,100``: a clause opening with a preposition and
    ``which`` is a relative clause on the noun before it, whatever the parser attached it
    to (it often makes it an adverbial clause of the verb above)."""
    edge = token.left_edge
    following = edge.nbor(1) if edge.i + 1 < len(edge.doc) else None
    return (
        token.dep_ in {"advcl", "relcl"}
        and edge.dep_ == "prep"
        and following is not None
        and following.lower_ in {"which", "whom"}
        and following.head.i == edge.i
    )


def _in_a_gloss(anchor: Token, lexicon: FigureLexicon) -> bool:
    """Whether the figure sits in a non-restrictive relative clause of its sentence.

    >>> from newsclaims.nlp import parse
    >>> doc = parse("The group vowed to fight on until Israel ends its war, which has killed 29,600.")
    >>> _in_a_gloss(next(token for token in doc if token.like_num), figure_lexicon())
    True
    """
    return any(_opens_a_gloss(token, lexicon) for token in [anchor, *anchor.ancestors])


def _opens_a_setting(token: Token, anchor: Token, lexicon: FigureLexicon) -> bool:
    """Whether ``token`` opens a phrase that sets a report verb in time or circumstance
    and holds the figure at ``anchor`` as the reporter's setting, not as what is
    reported: the verb says something else ("announced a truce after 11 days of
    fighting in which 232 were killed"), or the figure is in a relative clause of the
    phrase ("spoke amid protests in which 12 died"). A reported clause the parser hung
    on the phrase's noun ("said after the strike that 30 people had died") is reported.
    """
    if not (
        token.dep_ == "prep"
        and token.lower_ in lexicon.setting_prepositions
        and token.head.pos_ in {"VERB", "AUX"}
        and token.head.lemma_.lower() in lexicon.speech_verbs
    ):
        return False
    verb = token.head
    says_else = any(
        child.dep_ == "ccomp"
        or (child.dep_ == "dobj" and verb.lemma_.lower() not in lexicon.hearer_verbs)
        for child in verb.children
    )
    path = [anchor, *takewhile(lambda above: above.i != token.i, anchor.ancestors)]
    return says_else or any(_relative_clause(node) for node in path)


def _relative_clause(node: Token) -> bool:
    """A clause a relative word opens: "battles that left 75 dead", "in which 40 died".
    A "that" read as the clause's object is most often the conjunction of a reported
    clause the parser hung on a noun ("after the strike that 30 people had died")."""
    if node.dep_ != "relcl":
        return False
    return any(
        (child.lower_ in RELATIVE_PRONOUNS and child.dep_ in SUBJECT_DEPS)
        or (child.lower_ in RELATIVE_PRONOUNS - {"that"} and child.dep_ == "dobj")
        or (child.dep_ == "prep" and any(g.lower_ in {"which", "whom"} for g in child.children))
        for child in node.children
    )


def _in_a_gloss_or_setting(anchor: Token, lexicon: FigureLexicon) -> bool:
    """Whether the figure sits in the reporter's gloss or in a report's setting.

    >>> from newsclaims.nlp import parse
    >>> doc = parse("The sides announced a truce after a week of clashes in which 40 died.")
    >>> _in_a_gloss_or_setting(next(token for token in doc if token.like_num), figure_lexicon())
    True
    """
    return _in_a_gloss(anchor, lexicon) or any(
        _opens_a_setting(token, anchor, lexicon) for token in anchor.ancestors
    )


def _misparsed_speech_noun(token: Token, lexicon: FigureLexicon) -> bool:
    """``Israeli media reports that ...`` with ``reports`` tagged as a noun."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NNS"
        and token.lemma_.lower() in lexicon.speech_verbs
        and token.i > token.left_edge.i
        and any(
            child.dep_ in {"acl", "ccomp", "relcl"}
            and any(mark.dep_ == "mark" and mark.lower_ == "that" for mark in child.children)
            for child in token.children
        )
    )


def _enclosing_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The innermost quotation whose content holds ``start:end`` and has a speaker."""
    enclosing = [
        quote
        for quote in quotes
        if quote.speaker is not None and quote.content.start <= start and end <= quote.content.end
    ]
    return min(enclosing, key=lambda q: q.content.end - q.content.start, default=None)


def _quote_speaker(quote: Quote, actors: ActorIndex) -> ActorRef | None:
    """A quotation's speaker as the source; a pronoun only when it resolves to a name.

    A pronoun's source is the last mention of the name it stands for before it ("He" ->
    the "Blinken" two sentences up, at that mention's offsets), so the source's text is
    the name as written where it is written; with no such mention it stays the pronoun,
    the name in its ``canonical``.
    """
    speaker = quote.speaker
    if speaker is None:
        return None
    if speaker.text.lower() in CONTEXT_PRONOUNS:
        if not speaker.canonical:
            return None
        return _named_mention(actors, speaker, quote.content.start) or speaker
    return speaker


def _named_mention(actors: ActorIndex, speaker: ActorRef, before: int) -> ActorRef | None:
    """The last mention of ``speaker``'s canonical name before ``before``: a named
    entity that resolves to it, else the name itself as written ("Gaza's health
    ministry", which no entity covers whole)."""
    limit = min(before, speaker.start) if speaker.start is not None else before
    for entity in reversed(actors.entities):
        actor = entity.actor
        if entity.end <= limit and actor is not None and actor.canonical == speaker.canonical:
            return speaker.model_copy(
                update={"text": entity.text, "start": entity.start, "end": entity.end}
            )
    name = speaker.canonical or ""
    # The name as a whole word: "UN" is not the start of "UNRWA", nor "Israel" of "Israeli".
    text = doc_index(actors.doc).text  # doc.text is rebuilt on every read
    written = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text[:limit]))
    if not name or not written:
        return None
    start = written[-1].start()
    return speaker.model_copy(update={"text": name, "start": start, "end": start + len(name)})
