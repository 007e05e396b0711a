"""Counts: the numbers of a sentence (digits, number words, vague plurals) with their
hedge or range, and whether each counts people or things rather than dating, measuring,
naming, aging or giving a population.

>>> from newsclaims.nlp import parse
>>> doc = parse("About 40 people were killed on May 3, 2024.")
>>> from newsclaims.extract.figure_lexicon import figure_lexicon
>>> lexicon = figure_lexicon()
>>> [(doc[m.hedge_start:m.end].text, m.qualifier) for m in number_mentions(doc[:], lexicon)
...  if is_count(m, number_anchor(doc[m.start:m.end]), lexicon)]
[('About 40', 'approx')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.doc_index import DocIndex, doc_index, entity_of
from newsclaims.extract.figure_lexicon import FigureLexicon
from newsclaims.extract.figure_states import figure_state
from newsclaims.extract.numbers import (
    NUMBER_WORDS,
    PLURAL_SCALES,
    SCALES,
    VAGUE_PLURALS,
    is_digits,
    is_number_word,
    number_value,
)
from newsclaims.model import Qualifier

# Entity labels that make a number something other than a count.
MEASURE_LABELS = {"MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
DATE_LABELS = {"DATE", "TIME"}
NAME_LABELS = {"PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "GPE", "LOC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent"}
NOUN_POS = {"NOUN", "PROPN"}
# A line at least this share numbers (and no verb) is a table row.
TABLE_NUMBER_SHARE = 0.4
# Quantity words after "several"/"a few" that make one vague count ("several dozen",
# "a few hundred thousand").
VAGUE_MULTIPLIERS = frozenset({"dozen", "dozens", *SCALES, *PLURAL_SCALES})
HOURS = re.compile(r"^\d+-hours?$", re.IGNORECASE)  # "a 24-hour period"
_YEAR = re.compile(r"^(1[6-9]|20)\d\d$")
MONTHS_AND_DAYS = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|"
    r"^(mon|tues|wednes|thurs|fri|satur|sun)day$",
    re.I,
)


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
    if joiner.isalpha() and start > 0 and MONTHS_AND_DAYS.match(view.words[start - 1]):
        return None  # "since October 7 to 229": a date, then a count
    if not joiner.isalpha() and _in_dash_list(view, start, second, limit):
        return None  # "12 - 15 - 20": a list of counts, not ranges
    return second


def _in_dash_list(view: DocIndex, start: int, end: int, limit: int) -> bool:
    """A dash before the first number or after the second: a run of dashed items."""
    dashes = {"-", "–", "—"}
    before = start > 0 and view.words[start - 1] in dashes
    after = end < limit and view.words[end] in dashes
    return before or after


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
    for words, qualifier in lexicon.after_hedges.items():
        after = end + len(words)
        if after <= sentence.end and tuple(view.lower[end:after]) == words:
            return Mention(start, after, hedge_start[0], hedge_start[1] or qualifier, value)
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


def number_anchor(number: Span) -> Token:
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
    >>> from newsclaims.extract.figure_lexicon import figure_lexicon
    >>> lexicon = figure_lexicon()
    >>> [doc[m.start:m.end].text for m in number_mentions(doc[:], lexicon)
    ...  if is_count(m, number_anchor(doc[m.start:m.end]), lexicon)]
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
    if _is_counter(number, lexicon):
        return False
    counted = counted_noun(anchor, lexicon)
    following = doc[number.end] if number.end < len(doc) else None
    if following is not None and following.lower_ in lexicon.rate_markers:
        following = doc[number.end + 1] if number.end + 1 < len(doc) else None  # a rate
    for noun in (counted, following):
        if noun is not None and {noun.lemma_.lower(), noun.lower_} & lexicon.unit_nouns:
            return False
    if counted is not None and counted.lemma_.lower() in lexicon.abstract_nouns:
        return False
    if _is_partitive_collective(anchor, counted, lexicon):
        return False
    if _is_rate(anchor, counted, lexicon) or _is_capacity(anchor, counted, lexicon):
        return False
    if _needs_state(counted, lexicon) and figure_state(anchor, counted) is None:
        return False
    return not (_is_age(number, anchor, lexicon) or _is_population(anchor, counted, lexicon))


def table_rows(doc: Doc) -> set[int]:
    """The tokens of table residue: two or more adjacent lines made mostly of numbers,
    with no verb (``North   30   112``, a league table's rows)."""
    lines: list[list[Token]] = [[]]
    for token in doc:
        if "\n" in token.text:
            lines.append([])
        elif not token.is_space:
            lines[-1].append(token)
    lines = [line for line in lines if line]
    tabular = [_is_table_line(line) for line in lines]
    rows: set[int] = set()
    for index, line in enumerate(lines):
        neighbours = tabular[max(0, index - 1) : index] + tabular[index + 1 : index + 2]
        if tabular[index] and any(neighbours):
            rows.update(token.i for token in line)
    return rows


def _is_table_line(line: list[Token]) -> bool:
    words = [token for token in line if not token.is_punct]
    numbers = [token for token in words if token.like_num]
    if len(numbers) < 2 or any(token.pos_ in {"VERB", "AUX"} for token in words):
        return False
    return len(numbers) >= TABLE_NUMBER_SHARE * len(words)


def _is_counter(number: Span, lexicon: FigureLexicon) -> bool:
    """``1 of 6`` opening a photo caption, ``Photo 2 of 12``: a position in a list."""
    doc = number.doc
    start = number.start
    if start >= 2 and doc[start - 1].lower_ == "of" and is_digits(doc[start - 2].text):
        start -= 2  # the "6" of "1 of 6"
    elif number.end + 1 >= len(doc) or doc[number.end].lower_ != "of":
        return False
    if not (is_digits(doc[start].text) and is_digits(doc[start + 2].text)):
        return False
    before = doc[start - 1] if start > 0 else None
    return (
        before is None
        or "\n" in before.text
        or before.text == "("
        or before.lower_ in lexicon.counter_words
    )


def _needs_state(counted: Token | None, lexicon: FigureLexicon) -> bool:
    """Relatives, leaders, works and places count as figures only with a state."""
    if counted is None:
        return False
    lemma = counted.lemma_.lower()
    if lemma in lexicon.relative_nouns or (
        lemma == "member"
        and any(
            c.dep_ == "compound" and c.lower_ in lexicon.relative_compounds
            for c in counted.children
        )
    ):
        return _family_tie(counted, lexicon)
    return lemma in lexicon.needs_state_nouns


def _family_tie(relative: Token, lexicon: FigureLexicon) -> bool:
    """``his two sons``, ``leaves behind a daughter and three sons``: relatives counted as
    someone's family (a possessive, or the object of ``have``, ``lose``, ``leave``)."""
    while relative.dep_ == "conj":
        if any(child.dep_ == "poss" for child in relative.children):
            return True
        relative = relative.head
    if any(child.dep_ == "poss" for child in relative.children):
        return True
    verb = relative.head
    if relative.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "leaves behind a daughter"
    return relative.dep_ in {"dobj", "pobj"} and verb.lemma_.lower() in lexicon.kin_verbs


def _is_rate(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> bool:
    """``100 trucks a day``, ``lorries had crossed the border daily``."""
    node = counted if counted is not None and counted.i == anchor.head.i else anchor
    doc = node.doc
    after = doc[node.i + 1 : node.i + 3]
    if (
        len(after) == 2
        and after[0].lower_ in lexicon.rate_markers
        and {after[1].lemma_.lower(), after[1].lower_} & lexicon.unit_nouns
    ):
        return True
    verb = node.head if node.dep_ in SUBJECT_DEPS | {"dobj"} else node
    # "... arrived daily" (the parser may take "daily" for a noun: "in the enclave daily");
    # not "in daily raids", where it describes something else.
    return any(
        token.lower_ in lexicon.rate_adverbs
        and token.dep_ in {"advmod", "npadvmod", "pobj", "dobj"}
        for token in verb.subtree
    )


def _is_capacity(anchor: Token, counted: Token | None, lexicon: FigureLexicon) -> bool:
    """``can accommodate 300 patients``, ``a capacity of 40,000 spectators``."""
    node = counted if counted is not None and counted.i == anchor.head.i else anchor
    head = node.head
    if node.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in lexicon.capacity_nouns
    if node.dep_ != "dobj" or head.lemma_.lower() not in lexicon.capacity_verbs:
        return False
    return any(child.tag_ == "MD" for child in head.children)


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
    if any(MONTHS_AND_DAYS.match(token.text) for token in neighbours):
        return True  # "13-17 October", "October 7"
    for token in number:
        if token.ent_type_ not in DATE_LABELS:
            continue
        entity = entity_of(token)
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
            if MONTHS_AND_DAYS.match(lower) or (word.i != token.i and ":" in word.text):
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
    return figure_state(anchor, anchor.head) is not None


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
    if anchor.lower_ == "several" and anchor.dep_ == "amod" and anchor.head.pos_ in NOUN_POS:
        return anchor.head  # "several villages"
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
    # "... were Ahmad Alawneh (26), Abed Hazem (27)": a bare number in brackets after a name.
    if (
        before is not None
        and before.text in {",", "("}
        and number.start >= 2
        and (doc[number.start - 2].ent_type_ == "PERSON" or doc[number.start - 2].pos_ == "PROPN")
        and (after is None or after.is_punct)
        and (before.text == "," or (after is not None and after.text == ")"))
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
    if counts_inhabitants and any(
        child.dep_ == "poss" and child.lower_ == "its" for child in node.children
    ):
        return True  # "forcing its 2.3 million residents to live ..."
    if node.dep_ in {"nsubj", "nsubjpass"} and node.head.lemma_.lower() in lexicon.population_verbs:
        return True
    if any(
        child.dep_ == "acl" and child.lemma_.lower() in lexicon.population_verbs
        for child in node.children
    ):
        return True  # "90,000 people living in one square kilometre"
    if any(
        child.dep_ == "relcl"
        and child.lemma_.lower() in lexicon.population_verbs
        and child.tag_ in {"VBP", "VBZ"}
        for child in node.children
    ):
        return True  # "the 2.3 million people who live in Gaza"; not "who lived in"
    # "30,000 Palestinians live in the camp" with "live" tagged as the noun counted.
    return counted is not None and counted.lemma_.lower() in lexicon.population_verbs
