"""Figures: counts of people and things, with hedge, what is counted, status and source.

A figure is a number (digits, number words or a vague plural like ``dozens``) that counts
people or things involved in events: ``at least 31,490 people killed``, ``about 130
captives remain``, ``thousands of rockets``. Dates, times, ages, money, percentages,
measures, durations, populations and numbers inside names are not figures. Each figure
keeps its hedge in its span and qualifier, and its source: the speaker of the quotation it
sits in, the subject of a speech or cognition verb governing it, or the object of
``according to``; ``None`` when the reporter states it.

Word lists live in ``data/figures.yaml``; the reporting verbs and source phrases come
from the cue lexicon of ``data/cues.yaml``, adjusted there for counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from newsclaims.extract.actors import ACTOR_LABELS, ActorIndex
from newsclaims.extract.doc_index import DocIndex, doc_index
from newsclaims.extract.lexicon import (
    DEMONSTRATIVE_PRONOUNS,
    FIRST_SECOND_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    RESOLVABLE_PRONOUNS,
    cue_lexicon,
)
from newsclaims.extract.numbers import (
    NUMBER_WORDS,
    PLURAL_SCALES,
    SCALES,
    VAGUE_PLURALS,
    is_digits,
    is_number_word,
    number_value,
)
from newsclaims.model import ActorRef, Figure, Qualifier, Quote, Scope
from newsclaims.model import Span as TextSpan

# Entity labels that make a number something other than a count.
MEASURE_LABELS = {"MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
DATE_LABELS = {"DATE", "TIME"}
NAME_LABELS = {"PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "GPE", "LOC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# The branches of a verb that hold its speaker, not what is said ("feared by hundreds").
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent"}
NOUN_POS = {"NOUN", "PROPN"}
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
# Quantity words after "several"/"a few" that make one vague count ("several dozen",
# "a few hundred thousand").
VAGUE_MULTIPLIERS = frozenset({"dozen", "dozens", *SCALES, *PLURAL_SCALES})
TAKEN_HOSTAGE = "taken_hostage"  # the status of "took 240 hostages"
_HOURS = re.compile(r"^\d+-hours?$", re.IGNORECASE)  # "a 24-hour period"
_YEAR = re.compile(r"^(1[6-9]|20)\d\d$")
_MONTHS_AND_DAYS = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|"
    r"^(mon|tues|wednes|thurs|fri|satur|sun)day$",
    re.I,
)


@dataclass(frozen=True)
class FigureLexicon:
    """The word lists of ``data/figures.yaml``."""

    hedges: dict[tuple[str, ...], Qualifier]
    hedge_fillers: frozenset[tuple[str, ...]]
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
    inhabitant_nouns: frozenset[str]
    age_words: frozenset[str]
    speech_verbs: frozenset[str]  # report verbs: cue reporting verbs, adjusted for counts
    toll_verbs: frozenset[str]
    toll_nouns: frozenset[str]
    source_markers: tuple[tuple[str, ...], ...]
    complement_verbs: frozenset[str]
    hostage_nouns: frozenset[str]
    human_statuses: frozenset[str]
    status: dict[str, str]  # word or lemma -> status
    period_nouns: frozenset[str]
    period_prepositions: frozenset[str]
    toll_prepositions: frozenset[str]
    period_modifiers: frozenset[str]
    weekdays: frozenset[str]
    period_adverbs: frozenset[str]
    incident_nouns: frozenset[str]
    incident_prepositions: frozenset[str]
    place_nouns: frozenset[str]  # "the enclave": a place the article named before

    @property
    def longest_hedges_first(self) -> list[tuple[tuple[str, ...], Qualifier]]:
        return sorted(self.hedges.items(), key=lambda item: -len(item[0]))


@cache
def figure_lexicon() -> FigureLexicon:
    """Load ``data/figures.yaml`` (once per process)."""
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("figures.yaml").read_text("utf-8")
    )

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw[key])

    cues = cue_lexicon()
    status = {word: status for status, lemmas in raw["status"].items() for word in lemmas}
    human_statuses = words("human_statuses")
    unknown = human_statuses - {*status.values(), TAKEN_HOSTAGE}
    if unknown:
        raise ValueError(f"figures.yaml: human_statuses not in the status table: {unknown}")
    return FigureLexicon(
        hedges={
            tuple(phrase.split()): qualifier
            for qualifier, phrases in raw["hedges"].items()
            for phrase in phrases
        },
        hedge_fillers=frozenset(tuple(str(f).split()) for f in raw["hedge_fillers"]),
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
        inhabitant_nouns=words("inhabitant_nouns"),
        age_words=words("age_words"),
        speech_verbs=(cues.reporting_verbs | words("count_report_verbs"))
        - words("not_count_report_verbs"),
        toll_verbs=words("toll_verbs"),
        toll_nouns=words("toll_nouns"),
        source_markers=(
            *cues.source_phrases,
            *(tuple(marker.split()) for marker in raw["citing_markers"]),
        ),
        complement_verbs=words("complement_verbs"),
        hostage_nouns=words("hostage_nouns"),
        human_statuses=human_statuses,
        status=status,
        period_nouns=words("period_nouns"),
        period_prepositions=words("period_prepositions"),
        toll_prepositions=words("toll_prepositions"),
        period_modifiers=words("period_modifiers"),
        weekdays=words("weekdays"),
        period_adverbs=words("period_adverbs"),
        incident_nouns=words("incident_nouns"),
        incident_prepositions=words("incident_prepositions"),
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


@dataclass(frozen=True)
class Mention:
    """A number as written, before it is judged to be a figure.

    ``start``/``end`` are token indices of the number itself (both ends of a range);
    ``hedge_start`` is where its hedge begins (``start`` when unhedged).
    """

    start: int
    end: int
    hedge_start: int
    qualifier: Qualifier
    value: float | None
    low: float | None = None
    high: float | None = None

    def number_tokens(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


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
    for sentence in (segment for sent in doc.sents for segment in line_segments(sent)):
        attribution = SentenceAttribution(sentence, actors, lexicon, previous_source)
        for mention in number_mentions(sentence, lexicon):
            anchor = _anchor(mention.number_tokens(doc))
            if not is_count(mention, anchor, lexicon):
                continue
            figures.append(
                _figure(len(figures) + 1, mention, anchor, attribution, quotes, actors, lexicon)
            )
        previous_source = attribution.sentence_source() or previous_source
    return figures


def _figure(
    index: int,
    mention: Mention,
    anchor: Token,
    attribution: SentenceAttribution,
    quotes: list[Quote],
    actors: ActorIndex,
    lexicon: FigureLexicon,
) -> Figure:
    doc = anchor.doc
    span = doc[mention.hedge_start : mention.end]
    counted = counted_noun(anchor, lexicon)
    status = figure_status(anchor, counted, lexicon)
    quote = _enclosing_quote(quotes, span.start_char, span.end_char)
    source = _quote_speaker(quote, actors) if quote else None
    if source is None:
        source = attribution.source_of(anchor)
    sentence = anchor.sent
    return Figure(
        id=f"f{index}",
        span=_span(span),
        value=mention.value,
        qualifier=mention.qualifier,
        low=mention.low,
        high=mention.high,
        what=_what(counted, status, lexicon),
        status=status,
        where=_where(anchor, counted, lexicon),
        when=_when(anchor, counted),
        scope=count_scope(anchor, counted, lexicon),
        source=source,
        quote_id=quote.id if quote and source else None,
        sentence=_span(sentence),
    )


def _span(span: Span) -> TextSpan:
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


# --- finding numbers ------------------------------------------------------------------


def line_segments(sentence: Span) -> Iterator[Span]:
    """``sentence`` cut at line breaks: the parser runs a headline into the first sentence.

    >>> from newsclaims.nlp import parse
    >>> [s.text for s in line_segments(parse("Three Killed In Clash\\n\\nThree men died.")[:])]
    ['Three Killed In Clash', 'Three men died.']
    """
    doc = sentence.doc
    start = sentence.start
    for token in sentence:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                yield doc[start : token.i]
            start = token.i + 1
    if start < sentence.end:
        yield doc[start : sentence.end]


def number_mentions(sentence: Span, lexicon: FigureLexicon) -> Iterator[Mention]:
    """Every number written in ``sentence``, with its hedge or range, in text order."""
    view = doc_index(sentence.doc)
    index = sentence.start
    while index < sentence.end:
        end = _number_end(view, index, sentence.end, lexicon)
        if end is None:
            index += 1
            continue
        yield _hedged(view, index, end, sentence, lexicon)
        index = _range_end(view, index, end, sentence.end, lexicon) or end


def _number_end(view: DocIndex, index: int, limit: int, lexicon: FigureLexicon) -> int | None:
    """The end (exclusive) of a number starting at token ``index``, or ``None``."""
    lower, texts = view.lower, view.words
    word = lower[index]
    following = lower[index + 1] if index + 1 < limit else ""
    if word in VAGUE_PLURALS:
        if word in lexicon.vague_needs_of and following != "of":
            return None
        end = index + 1
        # "hundreds of thousands (of people)": only scale plurals chain.
        while end + 1 < limit and lower[end] == "of" and lower[end + 1] in PLURAL_SCALES:
            end += 2
        return end
    if word in {"several", "few"}:
        if following in VAGUE_MULTIPLIERS:
            return _number_end(view, index + 1, limit, lexicon) or index + 2
        if word == "several" and (following == "of" or view.deps[index] in {"amod", "nummod"}):
            return index + 1
        return None
    if word in {"a", "an"} and following in {*SCALES, "dozen"}:
        return _number_end(view, index + 1, limit, lexicon)
    if not is_number_word(texts[index]):
        return None
    end = index + 1
    while end < limit:
        token_lower = lower[end]
        if token_lower in SCALES or token_lower == "dozen":
            end += 1
        elif is_digits(texts[end - 1]) or is_digits(texts[end]):
            break  # digits join only scale words: "1.4 million", never "2023 30"
        elif token_lower in NUMBER_WORDS:
            end += 1
        elif texts[end] == "-" and end + 1 < limit and lower[end + 1] in NUMBER_WORDS:
            end += 2  # "twenty-five"
        elif token_lower == "and" and _and_continues(view, end, limit):
            end += 3 if lower[end + 2] == "half" else 2
        else:
            break
    return end


def _and_continues(view: DocIndex, index: int, limit: int) -> bool:
    """``and`` inside a number: ``one hundred and twenty``, ``two and a half``."""
    lower = view.lower
    if index + 2 < limit and lower[index + 1] in {"a", "one"}:
        return lower[index + 2] == "half"
    return (
        index + 1 < limit
        and lower[index - 1] in SCALES
        and lower[index + 1] in NUMBER_WORDS - SCALES.keys()
    )


def _range_end(
    view: DocIndex, start: int, end: int, limit: int, lexicon: FigureLexicon
) -> int | None:
    """The end of the second number when tokens ``start:end`` open a range."""
    if end + 1 >= limit or view.lower[end] not in lexicon.range_joiners:
        return None
    joiner = view.lower[end]
    if joiner == "and" and (start == 0 or view.lower[start - 1] != "between"):
        return None
    second = _number_end(view, end + 1, limit, lexicon)
    if second is None or number_value(view.span_text(end + 1, second)) is None:
        return None
    if joiner.isalpha() and start > 0 and _MONTHS_AND_DAYS.match(view.words[start - 1]):
        return None  # "since October 7 to 229": a date, then a count
    return second


def _hedged(
    view: DocIndex, start: int, end: int, sentence: Span, lexicon: FigureLexicon
) -> Mention:
    """The mention of the number in tokens ``start:end`` with its range and hedge."""
    text = view.span_text(start, end)
    range_end = _range_end(view, start, end, sentence.end, lexicon)
    hedge_start = _hedge_start(view, start, sentence.start, lexicon)
    if range_end is not None:
        low, high = number_value(text), number_value(view.span_text(end + 1, range_end))
        opener = start - 1 >= sentence.start and view.lower[start - 1] in lexicon.range_openers
        return Mention(
            start=start,
            end=range_end,
            hedge_start=start - 1 if opener else hedge_start[0],
            qualifier="range",
            value=low,
            low=low,
            high=high,
        )
    value = number_value(text)
    if value is None:
        return Mention(start, end, hedge_start[0], "vague", None)
    return Mention(start, end, hedge_start[0], hedge_start[1] or "exact", value)


def _hedge_start(
    view: DocIndex, start: int, floor: int, lexicon: FigureLexicon
) -> tuple[int, Qualifier | None]:
    """Where the hedge before token ``start`` begins, and the qualifier it gives."""
    before = start
    for filler in sorted(lexicon.hedge_fillers, key=len, reverse=True):
        words, filler_start = _words_before(view, before, floor, len(filler))
        if words == filler:
            before = filler_start
            break
    for phrase, qualifier in lexicon.longest_hedges_first:
        words, hedge_start = _words_before(view, before, floor, len(phrase))
        if words == phrase:
            return hedge_start, qualifier
    return start, None


def _words_before(
    view: DocIndex, index: int, floor: int, count: int
) -> tuple[tuple[str, ...], int]:
    """The ``count`` words before token ``index`` and where they start, over runs of spaces
    (``at least  1,400``)."""
    words: list[str] = []
    while index > floor and len(words) < count:
        index -= 1
        if not view.is_space[index]:
            words.insert(0, view.lower[index])
    return tuple(words), index


def _anchor(number: Span) -> Token:
    """The token of the number that attaches it to the rest of the sentence."""
    for token in number:
        if not (number.start <= token.head.i < number.end) or token.head.i == token.i:
            return token
    return number.root


# --- telling counts from other numbers ----------------------------------------------------


def is_count(mention: Mention, anchor: Token, lexicon: FigureLexicon) -> bool:
    """Whether the number counts people or things, rather than dating, measuring or naming.

    >>> from newsclaims.nlp import parse
    >>> doc = parse("A six-week truce freed 20 hostages aged 5 to 80.")
    >>> lexicon = figure_lexicon()
    >>> [doc[m.start:m.end].text for m in number_mentions(doc[:], lexicon)
    ...  if is_count(m, _anchor(doc[m.start:m.end]), lexicon)]
    ['20']
    """
    doc = anchor.doc
    number = doc[mention.start : mention.end]
    words = {token.lower_ for token in number}
    if any(token.ent_type_ in MEASURE_LABELS | NAME_LABELS for token in number):
        return False
    if _is_date_or_time(number, lexicon):
        return False
    if _in_hyphenated_word(number):
        return False
    if words <= {"one", "a", "an"} and not _one_in_event(anchor, lexicon):
        return False  # "one of the", "one that hit", "one agency warned": not a count
    if _is_identifier(number, anchor):
        return False
    counted = counted_noun(anchor, lexicon)
    following = doc[number.end] if number.end < len(doc) else None
    if following is not None and following.lower_ in {"a", "an", "per", "each", "every"}:
        following = doc[number.end + 1] if number.end + 1 < len(doc) else None  # a rate
    for noun in (counted, following):
        if noun is not None and {noun.lemma_.lower(), noun.lower_} & lexicon.unit_nouns:
            return False
    if counted is not None and counted.lemma_.lower() in lexicon.abstract_nouns:
        return False
    if _is_partitive_collective(anchor, counted, lexicon):
        return False
    return not (_is_age(number, anchor, lexicon) or _is_population(anchor, counted, lexicon))


def _is_date_or_time(number: Span, lexicon: FigureLexicon) -> bool:
    """A year, or a number inside a DATE/TIME entity that has date or time words.

    The NER tags some counts as DATE ("between 10 and 20 people"), so the label alone
    does not decide.
    """
    doc = number.doc
    if (
        len(number) == 1
        and _YEAR.match(number.text)
        and (number[0].ent_type_ in DATE_LABELS or not _plural_head(number[0]))
    ):
        return True
    neighbours = [doc[i] for i in (number.start - 1, number.end) if 0 <= i < len(doc)]
    if any(_MONTHS_AND_DAYS.match(token.text) for token in neighbours):
        return True  # "13-17 October", "October 7"
    for token in number:
        if token.ent_type_ not in DATE_LABELS:
            continue
        entity = _entity_of(token)
        for word in _entity_part(entity, token, lexicon):
            lower = word.lower_
            if (
                word.is_alpha
                and lower not in NUMBER_WORDS
                and lower not in VAGUE_PLURALS
                and lower not in {"and", "a", "an", "half", "several", "between", "to", "or"}
                and not any(lower in phrase for phrase in lexicon.hedges)
            ):
                return True
            if _MONTHS_AND_DAYS.match(lower) or (word.i != token.i and ":" in word.text):
                return True
    return False


def _entity_part(entity: Span, token: Token, lexicon: FigureLexicon) -> Span:
    """The part of ``entity`` around ``token`` between joiners: NER runs a date and a
    count together in ``since October 7 to 229``."""
    start, end = token.i, token.i + 1
    joiners = lexicon.date_joiners
    while start > entity.start and entity.doc[start - 1].lower_ not in joiners:
        start -= 1
    while end < entity.end and entity.doc[end].lower_ not in joiners:
        end += 1
    return entity.doc[start:end]


def _plural_head(token: Token) -> bool:
    return token.dep_ == "nummod" and token.head.tag_ in {"NNS", "NNPS"}


def _in_hyphenated_word(number: Span) -> bool:
    """``six-week``, ``12-year-old``, ``F-16``, ``COVID-19``: a modifier or a name."""
    doc = number.doc
    after = number.end
    if after + 1 < len(doc) and doc[after].text in {"-", "–"} and not doc[after].whitespace_:
        return doc[after + 1].is_alpha and not is_number_word(doc[after + 1].text)
    before = number.start
    if before >= 2 and doc[before - 1].text in {"-", "–"} and not doc[before - 2].whitespace_:
        return doc[before - 2].is_alpha
    return False


def _counts_a_noun(anchor: Token) -> bool:
    return anchor.dep_ in {"nummod", "quantmod"} and anchor.head.pos_ in NOUN_POS


def _one_in_event(anchor: Token, lexicon: FigureLexicon) -> bool:
    """A count of one only when something happened to it (``one soldier was killed``)."""
    if not _counts_a_noun(anchor):
        return False
    status = figure_status(anchor, anchor.head, lexicon)
    return status is not None and status in lexicon.status.values()


def _is_identifier(number: Span, anchor: Token) -> bool:
    """A number naming something: ``day 4``, ``Resolution 2334``, ``Flight 17``."""
    doc = number.doc
    if number.start == 0:
        return False
    previous = doc[number.start - 1]
    if previous.pos_ not in NOUN_POS and previous.text not in {"No.", "#", "no."}:
        return False
    return anchor.head.i == previous.i or previous.head.i == anchor.i


def counted_noun(anchor: Token, lexicon: FigureLexicon) -> Token | None:
    """The noun a number counts: its head (``250 hostages``) or its ``of`` object.

    For ``dozens of hostages``, ``two of its citizens`` the number heads the phrase.
    """
    if _counts_a_noun(anchor) or (anchor.dep_ == "compound" and anchor.head.pos_ in NOUN_POS):
        return anchor.head
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects and objects[0].pos_ in NOUN_POS:
                return objects[0]
            return None
    return None


def _is_partitive_collective(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> bool:
    """``two groups of workers``: the number counts groups, not people."""
    if counted is None or counted.lemma_.lower() not in lexicon.partitive_collectives:
        return False
    return any(child.dep_ == "prep" and child.lower_ == "of" for child in counted.children)


def _is_age(number: Span, anchor: Token, lexicon: FigureLexicon) -> bool:
    """``aged 5``, ``ages range from a few months to 80``, ``Inbal Zach, 38,``."""
    doc = number.doc
    before = doc[number.start - 1] if number.start > 0 else None
    if before is not None and before.lower_ in lexicon.age_words:
        return True
    if number.end + 1 < len(doc) and doc[number.end].lower_ in {"years", "year"}:
        return doc[number.end + 1].lower_ == "old"
    for ancestor in [anchor, *anchor.ancestors]:
        if ancestor.lemma_.lower() in lexicon.age_words:
            return True
        if any(
            child.dep_ in SUBJECT_DEPS and child.lemma_.lower() in lexicon.age_words
            for child in ancestor.children
        ):
            return True
        if ancestor.pos_ in {"VERB", "AUX"}:
            break
    after = doc[number.end] if number.end < len(doc) else None
    if counted_noun(anchor, lexicon) is not None:
        return False
    # "Inbal Zach, 38, whose ...": a bare number between commas after a name.
    if (
        before is not None
        and before.text == ","
        and number.start >= 2
        and (doc[number.start - 2].ent_type_ == "PERSON" or doc[number.start - 2].pos_ == "PROPN")
        and (after is None or after.is_punct)
    ):
        return True
    # "She was 14", "At 27, he founded": a bare number said of a person.
    if anchor.dep_ in {"attr", "acomp"} and anchor.head.lemma_ == "be":
        subject = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
        return subject is not None and (
            subject.ent_type_ == "PERSON" or subject.lower_ in {"he", "she", "i", "you"}
        )
    return (
        before is not None
        and before.lower_ == "at"
        and before.i == anchor.sent.start
        and after is not None
        and after.text == ","
    )


def _is_population(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> bool:
    """The count of a place's inhabitants (``territory of 2.3 million``, ``Gaza's 2
    million``) or a family's size (``a father of three``)."""
    node = counted if counted is not None and counted.i == anchor.head.i else anchor
    holders = lexicon.population_holders | lexicon.kin_nouns
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        holder = node.head.head
        if holder.lemma_.lower() in holders or holder.ent_type_ == "GPE":
            return True
    counts_inhabitants = counted is None or (
        counted.lemma_.lower() in lexicon.inhabitant_nouns or counted.ent_type_ == "NORP"
    )
    if counts_inhabitants and any(
        child.dep_ == "poss"
        and (child.ent_type_ in {"GPE", "LOC"} or child.lemma_.lower() in holders)
        for child in node.children
    ):
        return True
    if node.dep_ in {"nsubj", "nsubjpass"} and node.head.lemma_.lower() in lexicon.population_verbs:
        return True
    # "30,000 Palestinians live in the camp" with "live" tagged as the noun counted.
    return counted is not None and counted.lemma_.lower() in lexicon.population_verbs


# --- what, status, where, when -------------------------------------------------------------


def figure_status(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> str | None:
    """What happened to the counted: the governing verb or adjective, normalised.

    ``about 250 hostages seized`` -> ``seized``; ``32 presumed dead`` -> ``dead``.
    """
    node = counted if counted is not None and counted.i == anchor.head.i else anchor
    for modifier in [*node.children, *anchor.children]:
        if modifier.dep_ in {"acl", "relcl", "amod"} and modifier.pos_ in {"VERB", "ADJ"}:
            status = _status_word(modifier, lexicon)
            if status:
                return status
    current = node
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            break
        if head.pos_ in {"VERB", "ADJ", "AUX"} and head.lemma_.lower() != "include":
            return _status_word(head, lexicon) or _complement_status(head, lexicon)
        if head.pos_ in NOUN_POS and head.lemma_.lower() in lexicon.status:
            return lexicon.status[head.lemma_.lower()]
        current = head
    return None


def _status_word(token: Token, lexicon: FigureLexicon) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in lexicon.complement_verbs:
        return _complement_status(token, lexicon) or (lemma if lemma == "remain" else None)
    if any(child.dep_ == "prt" and child.lower_ == "down" for child in token.children):
        return "shot_down"
    if lemma == "take" and any(
        child.lemma_.lower() in lexicon.hostage_nouns for child in token.children
    ):
        return TAKEN_HOSTAGE
    return (
        lexicon.status.get(lemma)
        or lexicon.status.get(token.lower_)
        or (lemma if token.pos_ == "VERB" else None)
    )


def _complement_status(token: Token, lexicon: FigureLexicon) -> str | None:
    for child in token.children:
        if child.dep_ in {"acomp", "oprd", "attr", "xcomp", "conj"} and child.i > token.i:
            lemma = child.lemma_.lower()
            if lemma in lexicon.status or child.lower_ in lexicon.status:
                return lexicon.status.get(lemma) or lexicon.status[child.lower_]
            if child.dep_ in {"oprd", "xcomp"}:
                return _complement_status(child, lexicon)
    return None


def _what(counted: Token | None, status: str | None, lexicon: FigureLexicon) -> str | None:
    """The counted noun with its compounds (``aircraft carrier strike groups``)."""
    if counted is None:
        return "people" if status in lexicon.human_statuses else None
    words = [
        child
        for child in counted.children
        if (child.dep_ == "compound" or (child.dep_ == "amod" and child.ent_type_ == "NORP"))
        and not is_number_word(child.text)
        and child.ent_type_ not in PLACE_LABELS
    ]
    tokens = sorted([*words, counted], key=lambda token: token.i)
    return " ".join(token.text for token in tokens)


def _clause_heads(anchor: Token, counted: Token | None) -> list[Token]:
    node = counted if counted is not None and counted.i == anchor.head.i else anchor
    heads = [node]
    for ancestor in node.ancestors:
        heads.append(ancestor)
        if ancestor.pos_ in {"VERB", "AUX"}:
            break
    return heads


def _where(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> str | None:
    """A place named by a locative phrase on the counted noun or its verb, or after the
    last of coordinated counts (``18 were killed and 100 injured in the West Bank``)."""
    heads = _clause_heads(anchor, counted)
    for head in heads:
        for child in head.children:
            if child.dep_ == "nsubj" and (nested := _place_of(child, lexicon)) is not None:
                return nested  # "strikes on Gaza killed 40"
        place = _place_of(head, lexicon, nested=True)
        if place is not None:
            return place
    for verb in _coordinated_counts(heads[-1]):
        if (place := _place_of(verb, lexicon)) is not None:
            return place
    return None


def _coordinated_counts(verb: Token) -> list[Token]:
    """Verbs joined to ``verb`` that report counts too ("... were killed and 734 were
    injured"), whose trailing phrases cover both."""
    return [
        child
        for child in verb.children
        if child.dep_ == "conj" and child.pos_ == "VERB" and _subject_is_a_count_or_none(child)
    ]


def _place_of(noun: Token, lexicon: FigureLexicon, nested: bool = False) -> str | None:
    """A place in a locative phrase directly on ``noun`` (``killed in Gaza``).

    With ``nested``, also one phrase further down: ``killed in attacks on Gaza`` names
    the place of the deadly act. A common noun that stands for a place (``on the
    blockaded enclave``) is returned as written; the store resolves it to the place the
    article named.
    """
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        for place in child.children:
            if place.dep_ != "pobj":
                continue
            if place.ent_type_ in PLACE_LABELS:
                return _entity_of(place).text
            if _is_place_noun(place, lexicon):
                return _named_after(place) or place.doc[place.left_edge.i : place.i + 1].text
            if nested and (inner := _place_of(place, lexicon)) is not None:
                return inner
    return None


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
                    return _entity_of(name).text
    return None


def _entity_of(token: Token) -> Span:
    """The named entity ``token`` is part of (its ``ent_type_`` is set).

    Found from the token's IOB tags, not by scanning ``doc.ents``: that scan made a
    long report's figures quadratic in its length.
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _when(anchor: Token, counted: Token | None) -> str | None:
    """A date attached to the counted noun or its verb, with its preposition.

    The preposition is kept because it changes what the date means: ``on October 7``
    dates the count, ``since October 7`` only starts a cumulative one.
    """
    for head in _clause_heads(anchor, counted):
        for child in head.children:
            candidates = [child] if child.dep_ == "npadvmod" else list(child.children)
            for token in candidates:
                if token.ent_type_ == "DATE" and any(
                    _MONTHS_AND_DAYS.match(word.text) for word in token.subtree
                ):
                    date = _entity_of(token)
                    preposition = f"{child.text} " if child.dep_ == "prep" else ""
                    return preposition + date.text
    return None


def count_scope(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> Scope | None:
    """``period`` or ``incident`` when the clause limits the count to either, else ``None``.

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
    heads = _clause_heads(anchor, counted)
    own = [child for head in heads for child in head.children]
    if any(child.dep_ == "prep" and child.lower_ in lexicon.toll_prepositions for child in own):
        return None  # "since October 7": counted from the start, whatever follows
    verb = heads[-1]
    if any(
        child.dep_ == "dobj" and child.lemma_.lower() in lexicon.toll_nouns
        for child in verb.children
    ):
        return None  # "..., raising the total to 32,490": the toll a day's count adds up to
    # A phrase after the last of coordinated verbs covers them all when they are one
    # report of counts ("390 were killed and 734 were injured in the past 24 hours"), not
    # when the other clause tells of something else ("..., and an air strike killed 12 on
    # Monday"). "... carried out 18 attacks in the past hours, killing 252 people": the
    # participle's count is the main clause's.
    sharing = _coordinated_counts(verb)
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
    return None


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
        word.lemma_.lower() == "hour" or _HOURS.match(word.text) for word in time.children
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
    return any(
        noun.lemma_.lower() in lexicon.incident_nouns and noun.tag_ == "NN" for noun in nouns
    )


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
        self.marked = self._marked_source()

    def source_of(self, anchor: Token) -> ActorRef | None:
        """The source of a figure anchored at ``anchor``, or ``None`` if unattributed."""
        governing = self._governing_source(anchor)
        if governing is not None:
            return governing
        if self.marked is not None:
            return self.marked
        return self._trailing_source(anchor)

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
        subject = next((c for c in verb.children if c.dep_ in {"nsubj"}), None)
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
                    if head.lower_ in CONTEXT_PRONOUNS:
                        return self.previous
                    return self._phrase_ref(head)
        return None

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

    The source stays as written ("He", at its offsets); the name is its ``canonical``.
    """
    speaker = quote.speaker
    if speaker is None:
        return None
    if speaker.text.lower() in CONTEXT_PRONOUNS and not speaker.canonical:
        return None
    return speaker
