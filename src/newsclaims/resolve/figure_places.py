"""Where a figure's count is: the place its own clause states, the one place its sentence
is set in, its source's home, or (only a guess) its article's, with that basis.

A place is where a count is only when the text sets the count there, after a locative
word ("in", "across") or as what an attack strikes ("the bombardment of Gaza"): not a
place in a "since" phrase ("killed since the attack on southern Israel"), one that owns
an attack ("killed in Israel's bombardment"), a place named as an example ("including in
Hebron"), nor one that belongs to an earlier count of the sentence. A weapon's origin
("rockets from Gaza") is no figure's ``where`` (the extractor, extract/figures.py, drops
it) and, "from" being no locative word, no place here. Names are normalised by
:mod:`newsclaims.resolve.places`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from newsclaims.extract.actors import country_code
from newsclaims.extract.lexicon import cue_lexicon
from newsclaims.model import ActorRef, Figure, PlaceBasis, Report, Span
from newsclaims.resolve.places import (
    EDGE_NOISE,
    normalise_place,
    place_country,
    place_pattern,
    place_tables,
)

PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE_WORDS = frozenset(
    {"in", "on", "across", "throughout", "inside", "near", "at", "into", "over", "around"}
)
IRREGULAR_SPEECH_FORMS = frozenset({"said", "told", "spoke", "wrote", "spoken", "written"})
# "killed across the West Bank, including in Hebron": a place named as an example lies
# within the count's place; it is not where the count is.
EXAMPLE_WORDS = frozenset({"including", "notably", "especially", "particularly"})
# The article's place must hold at least this share of its located mentions.
ARTICLE_PLACE_SHARE = 0.5

# "killed since the attack on southern Israel": a place in a "since" phrase is not where.
_SINCE_PHRASE = re.compile(r"\bsince\b(?P<rest>[^.;:\n]*)$", re.IGNORECASE)
# Words that go on with a "since" phrase past its comma: a clause on its day ("Since
# October 7, when ...") or what came with it ("Since Monday, as troops ...").
_SINCE_GOES_ON = r"(?:when|which|where|including|after|as|with)\b"
# A "since" opening its sentence ends at its comma, past the year of its date ("Since
# October 7, 2023, the army ..."; "Since 2021, the army ..."; "Since Monday, 14 people
# ...") and past a clause on its day set off by commas ("Since May 3, when fighters
# attacked, the army ...").
_OPENING_SINCE_ENDS = re.compile(
    rf"^\s+[^,]*(?:,\s*(?:19|20)\d\d\b)?,\s+(?:{_SINCE_GOES_ON}[^,]*,\s+)?"
    rf"(?!{_SINCE_GOES_ON}|(?:19|20)\d\d\b)\w",
    re.IGNORECASE,
)
# What a sentence may open after besides a sentence's end: a dateline's dash ("JENIN,
# May 5 (AFP) - Since Monday, ...") or a quotation mark ('"Since then, ...').
_OPENERS = "-–—\"“‘'("


def _in_since_phrase(text: str, start: int) -> bool:
    """Whether the place at ``start`` lies in a "since" phrase: "killed since the attack
    on" is; "Since then, Israel has bombed targets in" is not.

    >>> def since(text):
    ...     return _in_since_phrase(text, len(text))
    >>> since("300 were killed since the attack on southern ")
    True
    >>> since("Rain fell. Since then, the army has struck targets in ")
    False
    >>> since("Rain fell. Since October 7, when fighters attacked southern ")
    True
    >>> since("Rain fell. Since October 7, 2023, when fighters attacked southern ")
    True
    >>> since("Rain fell. Since October 7, 2023, the army has struck targets in ")
    False
    >>> since("May 5 (AFP) - Since Monday, troops have raided homes in ")
    False
    """
    window = max(0, start - 80)
    match = _SINCE_PHRASE.search(text[window:start])
    if match is None:
        return False
    lead = text[: window + match.start()].rstrip(" \t")
    opening = not lead or lead[-1] in ".!?\n" or (match[0][0] == "S" and lead[-1] in _OPENERS)
    return not (opening and _OPENING_SINCE_ENDS.match(match["rest"]))


_SENTENCE_ENDS = (".", "!", "?", ";", ":")
_CLOSING = "\"'”’)"


@dataclass(frozen=True)
class PlaceMention:
    """A place the text sets something in (``in the besieged enclave``), normalised."""

    start: int
    end: int
    place: str
    joined: bool = False  # one of places joined by "and"/"or" ("in Gaza and the West Bank")
    # only where an attack strikes or is suffered ("the bombardment of Gaza", "Sudan's war")
    target: bool = False
    example: bool = False  # named as an example ("including in Hebron")
    # weapons were aimed at it ("fired rockets at Haifa"): struck, yet where the dead may be
    aimed: bool = False


def figure_place(
    report: Report,
    figure: Figure,
    mentions: list[PlaceMention] | None = None,
    homes: tuple[str, ...] = (),
) -> tuple[str | None, PlaceBasis | None]:
    """The place of ``figure`` as a series name, and where that place comes from.

    ``mentions`` are the report's :func:`located_mentions` (pass them when placing many
    figures of one report). A place inside the source's own words counts only for a local
    authority (``the health ministry in Gaza`` counts there; ``Hamas officials in Beirut``
    are only speaking there), and is never taken for the sentence's place. ``homes`` are
    the places the figure's source counts the dead of (resolve/territory.py): a sentence
    place elsewhere is not its count's place, and with none left, the count is of the
    source's place (the article's if one of them, else its first), not guessed from the
    article.

    >>> from newsclaims.model import ActorRef, Span
    >>> text = "Strikes hit Gaza. In Gaza, 40 people were killed, the ministry in Rafah said."
    >>> start = text.index("40")
    >>> source = ActorRef(text="the ministry in Rafah", start=text.index("the ministry"),
    ...                   end=text.index(" said"))
    >>> figure = Figure(id="f1", span=Span(start=start, end=start + 2, text="40"),
    ...                 source=source, sentence=Span(start=18, end=len(text), text=text[18:]))
    >>> figure_place(Report(id="r", text=text), figure)
    ('Rafah', 'source')
    >>> figure = figure.model_copy(update={"source": ActorRef(text="Hamas officials in Rafah",
    ...                                                      start=source.start, end=source.end)})
    >>> figure_place(Report(id="r", text=text), figure)
    ('Gaza', 'sentence')
    """
    located = located_mentions(report) if mentions is None else mentions
    if _joined_places(figure, located):
        return None, None  # "killed in Israel and the West Bank": the count of neither
    after = _place_of_count_before(report, figure)
    if after is not None:
        # "900 killed in Israel and 700 in attacks on Gaza": Israel is the 900's place.
        located = [mention for mention in located if mention.start >= after]
    elif figure.where and (place := normalise_place(figure.where, report.text, figure.span.start)):
        return place, "stated"
    if figure.source and (place := _source_place(figure.source, report, figure.span.start)):
        if after is None and (own := _place_right_after(figure, located)) is not None:
            # "officials in the West Bank confirmed 31 killed there, bringing the total to
            # 279 across all Palestinian territories": the count's own place.
            return own, "sentence"
        return place, "source"
    places = _sentence_places(figure, located, report.figures)
    if homes:
        places = {place for place in places if _is_home(place, homes)}
    if len(places) == 1:
        return places.pop(), "sentence"
    if places:
        return None, None  # "raids in Jenin and in Nablus left 5 dead": neither's count
    place = _broad_place(article_place(located))
    if homes and len(homes) > 1 and _YEAR_COUNT.search(_sentence_text(figure)):
        # "killed since the start of the year, the ministry said": its count of all its
        # places, a year's; not one of them guessed.
        return None, None
    if homes:
        return (place if place in homes else homes[0]), "source"
    if place:
        return place, "article"
    return None, None


# A count over the year so far, or a year's.
_YEAR_COUNT = re.compile(
    r"\b(?:this|the\s+past|last)\s+year\b|\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+"
    r"(?:the|this)\s+year|january|jan\.?)\b|\bin\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)


# A count's own locative phrase: a few words, no clause break, between it and the place.
_OWN_PLACE_GAP = re.compile(r"^(?:\s+[\w-]+){0,3}\s*$")


def _place_right_after(figure: Figure, located: list[PlaceMention]) -> str | None:
    """The place of a locative phrase right after the count, within its own words
    ("the total to 279 across all Palestinian territories"), when the extractor gave none.

    >>> from newsclaims.model import Span
    >>> text = "It brought the total to 279 across all Palestinian territories."
    >>> figure = Figure(id="f", span=Span(start=24, end=27, text="279"),
    ...                 sentence=Span(start=0, end=len(text), text=text))
    >>> at = text.index("Palestinian")
    >>> _place_right_after(figure, [PlaceMention(at, len(text) - 1, "Palestinian territories")])
    'Palestinian territories'
    """
    sentence = figure.sentence
    if sentence is None:
        return None
    for mention in located:
        if mention.start < figure.span.end or mention.target or mention.joined:
            continue
        gap = sentence.text[figure.span.end - sentence.start : mention.start - sentence.start]
        if mention.start >= sentence.end or not _OWN_PLACE_GAP.match(gap):
            return None
        return mention.place
    return None


def _sentence_text(figure: Figure) -> str:
    return figure.sentence.text if figure.sentence else ""


def _place_of_count_before(report: Report, figure: Figure) -> int | None:
    """Where the figure starts, when its stated place is written between an earlier count
    of its sentence and it ("900 were killed in Israel and 700 in attacks on Gaza"): that
    place is the earlier count's; ``None`` otherwise."""
    sentence = figure.sentence
    if not figure.where or sentence is None:
        return None
    at = report.text.rfind(figure.where, sentence.start, figure.span.start)
    if at < 0:
        return None
    earlier = any(
        other.sentence is not None
        and other.sentence.start == sentence.start
        and other.span.end <= at
        and other.status == figure.status
        for other in report.figures
    )
    return figure.span.start if earlier else None


def _is_home(place: str, homes: tuple[str, ...]) -> bool:
    """Whether ``place`` is, or lies in, one of ``homes`` (``northern Gaza``, ``Jenin``
    in the West Bank, ``southern Lebanon`` in Lebanon).

    >>> _is_home("Khan Younis", ("Gaza", "West Bank")), _is_home("Israel", ("Gaza",))
    (True, False)
    >>> _is_home("southern Lebanon", ("Lebanon",)), _is_home("East Jerusalem", ("West Bank",))
    (True, True)
    """
    whole = _whole_place(place)
    if place in homes or whole in homes or place_tables().within.get(whole) in homes:
        return True
    country = place_country(place)
    listed = place_tables().types
    return country is not None and any(
        home not in listed and place_country(home) == country for home in homes
    )


def is_broad_place(place: str) -> bool:
    """Whether ``place`` is a territory or a country, not a city, camp or part of one.

    >>> is_broad_place("Gaza"), is_broad_place("Lebanon"), is_broad_place("Jenin")
    (True, True, False)
    >>> is_broad_place("northern Gaza")
    False
    """
    return _broad_place(place) == place


def _broad_place(place: str | None) -> str | None:
    """A place a count guessed from its article may stand for: a territory or a country,
    or the territory a city or camp lies in; never a city, a sea or a part of a place,
    finer than what a count with no place of its own tells of.

    >>> _broad_place("Gaza"), _broad_place("Rafah"), _broad_place("Red Sea")
    ('Gaza', 'Gaza', None)
    """
    if place is None:
        return None
    tables = place_tables()
    if "territory" in tables.types.get(place, ()) or country_code(place, metonyms=False):
        return place
    return tables.within.get(place)


def _joined_places(figure: Figure, located: list[PlaceMention]) -> bool:
    """Whether the figure's sentence sets something in places joined by ``and``/``or``
    (``in Israel and the occupied West Bank``): a count there is of both together, the
    toll of neither.

    >>> from newsclaims.model import Span
    >>> text = "Nineteen people were killed in Gaza and the occupied West Bank this year."
    >>> figure = Figure(id="f1", span=Span(start=0, end=8, text="Nineteen"), where="Gaza",
    ...                 sentence=Span(start=0, end=len(text), text=text))
    >>> figure_place(Report(id="r", text=text), figure)
    (None, None)
    """
    if figure.sentence is None:
        return False
    return any(
        mention.joined and not mention.example
        for mention in located
        if figure.sentence.start <= mention.start < figure.sentence.end
        and not _within_words(figure.source, mention.start)
    )


def _sentence_places(
    figure: Figure, located: list[PlaceMention], figures: list[Figure]
) -> set[str]:
    """The places the figure's sentence is set in, outside its source's words; a place
    only struck by an attack (``Israel pummels Gaza, killing 40``) where the sentence sets
    nothing in a place, and never a place named as an example. ``figures`` are the
    report's: a place may be an earlier count's."""
    if figure.sentence is None:
        return set()
    same_sentence = [
        other
        for other in figures
        if other.sentence is not None and other.sentence.start == figure.sentence.start
    ]
    counts = [other.span for other in same_sentence if other.span.end <= figure.span.start]
    later = [other for other in same_sentence if other.span.start >= figure.span.end]
    inside = [
        mention
        for mention in located
        if figure.sentence.start <= mention.start < figure.sentence.end
        and not _within_words(figure.source, mention.start)
        and not mention.example
    ]
    inside = [
        mention
        for mention in inside
        if not _in_later_part(figure, mention.start)
        and not _across_semicolon(figure, mention)
        and not _in_an_earlier_count_clause(figure, mention, counts, inside)
        and not any(_in_count_phrase(other, mention, figure.sentence) for other in later)
    ]
    if any(mention.aimed for mention in inside):
        # "Militants in Lebanon fired rockets at Haifa, killing two": the dead may be
        # where the weapons were aimed, not where they came from; neither place wins.
        return {mention.place for mention in inside}
    places = {mention.place for mention in inside if not mention.target}
    return places or {mention.place for mention in inside}


# A count joined to those before it as a noun phrase: "..., and 12 people".
_JOINED_COUNT = re.compile(r"\band\s+$")
_VERB_FOLLOWS = re.compile(r"\s+(?:were|was|have|has|had|are|is|died|remain)\b", re.IGNORECASE)
# A count's own noun and locative preposition: "12 people in Israel".
_NOUN_THEN_LOCATIVE = re.compile(r"^\s+(?P<noun>[\w-]+)\s+(?:in|inside|at)\s+(?:the\s+)?$")


def _in_count_phrase(count: Figure, mention: PlaceMention, sentence: Span) -> bool:
    """Whether the place is in the locative phrase of the own noun of ``count``, a count
    joined by "and" to those before it ("260 Palestinians, including 67 children, and 12
    people in Israel were killed": Israel is the 12's place, not the 260's); not a place
    after a state word shared by the counts before it ("300 killed and 500 wounded in
    Gaza"), nor one after a verb's or a part's count ("killed 254 and wounded 1,900
    others in the enclave", "62 killed, including 13 children in the territories").

    >>> from newsclaims.model import Span
    >>> text = "260 Palestinians and 12 people in Israel were killed."
    >>> sentence = Span(start=0, end=len(text), text=text)
    >>> count = Figure(id="f", span=Span(start=21, end=23, text="12"), what="people")
    >>> mention = PlaceMention(place="Israel", start=text.index("Israel"), end=40)
    >>> _in_count_phrase(count, mention, sentence)
    True
    >>> verb = "It killed 254 and wounded 1,900 others in Gaza."
    >>> count = Figure(id="f", span=Span(start=27, end=32, text="1,900"), what="others")
    >>> mention = PlaceMention(place="Gaza", start=verb.index("Gaza"), end=46)
    >>> _in_count_phrase(count, mention, Span(start=0, end=len(verb), text=verb))
    False
    >>> wounded = "300 killed and 500 wounded in Gaza."
    >>> count = Figure(id="f", span=Span(start=15, end=18, text="500"), what="people")
    >>> mention = PlaceMention(place="Gaza", start=wounded.index("Gaza"), end=34)
    >>> _in_count_phrase(count, mention, Span(start=0, end=len(wounded), text=wounded))
    False
    """
    if not count.what or count.span.end > mention.start:
        return False
    if not _JOINED_COUNT.search(sentence.text[: count.span.start - sentence.start]):
        return False
    gap = sentence.text[count.span.end - sentence.start : mention.start - sentence.start]
    match = _NOUN_THEN_LOCATIVE.match(gap)
    if match is None or match["noun"].casefold() not in count.what.casefold().split():
        return False
    # The count and its place are a subject its verb follows ("... and 12 people in Israel
    # were killed"); a verb's objects share the place after them ("killed 40 militants
    # and 12 civilians in Gaza").
    return _VERB_FOLLOWS.match(sentence.text, mention.end - sentence.start) is not None


def _across_semicolon(figure: Figure, mention: PlaceMention) -> bool:
    """Whether a semicolon parts the count from a place after it: "the toll among
    Israelis passed 1,200; hostages were taken into Gaza" sets the count in no place (a
    clause before sets the scene: "bombing Gaza; most of the 20,000 killed ...").

    >>> from newsclaims.model import Span
    >>> text = "The toll passed 1,200; hostages were taken into Gaza."
    >>> figure = Figure(id="f", span=Span(start=16, end=21, text="1,200"),
    ...                 sentence=Span(start=0, end=len(text), text=text))
    >>> mention = PlaceMention(place="Gaza", start=text.index("Gaza"), end=len(text) - 1)
    >>> _across_semicolon(figure, mention)
    True
    """
    if figure.sentence is None or mention.start < figure.span.end:
        return False
    text, offset = figure.sentence.text, figure.sentence.start
    return ";" in text[max(0, figure.span.end - offset) : max(0, mention.start - offset)]


# What parts two clauses of a sentence: "strikes in Gaza killed 250, while rockets killed
# 12"; "..., whereas ...", "..., but ...", "...; ...".
_CONTRAST = re.compile(r",\s*(?:while|whereas|but)\b|\s+whereas\b|;", re.IGNORECASE)
_DETERMINERS = frozenset({"a", "an", "the", "that"})


def _in_an_earlier_count_clause(
    figure: Figure, mention: PlaceMention, counts: list[Span], inside: list[PlaceMention]
) -> bool:
    """Whether a place before the figure sits in an earlier clause with a count of its own
    (one of ``counts``, the spans of the sentence's earlier figures), parted from the
    figure's clause by a contrast (``while``, ``whereas``, ``but``, ``;``) after which the
    figure's clause has its own agent ("while rockets killed 12") or its own place (one of
    ``inside``). A later count with neither is of the same scene ("killed 40 in Gaza, but
    medics said 12 more died"; "Floods in Sindh destroyed 3,000 homes, while 45 died").

    >>> from newsclaims.model import Span
    >>> def earlier(text, count="250"):
    ...     start = text.index("12")
    ...     figure = Figure(id="f", span=Span(start=start, end=start + 2, text="12"),
    ...                     sentence=Span(start=0, end=len(text), text=text))
    ...     at, first = text.index("Gaza"), text.find(count)
    ...     counts = [Span(start=first, end=first + len(count), text=count)] if first >= 0 else []
    ...     mention = PlaceMention(place="Gaza", start=at, end=at + 4)
    ...     return _in_an_earlier_count_clause(figure, mention, counts, [mention])
    >>> earlier("Strikes in Gaza killed 250 people, while rockets killed 12 people.")
    True
    >>> earlier("Strikes in Gaza killed 250 people, while 12 more died of their wounds.")
    False
    >>> earlier("Strikes in Gaza on May 3, while rockets killed 12 people.")
    False
    >>> earlier("In Gaza, 250 were killed on Monday, while 12 died on Tuesday.")
    False
    """
    sentence = figure.sentence
    if sentence is None or mention.start >= figure.span.start:
        return False
    text, offset = sentence.text, sentence.start
    if text[mention.end - offset :].startswith(","):
        return False  # "In Gaza, 40 were killed, while 12 ...": it sets the whole scene
    for contrast in _CONTRAST.finditer(text, mention.end - offset, figure.span.start - offset):
        start, end = contrast.start() + offset, contrast.end() + offset
        if not any(mention.end <= count.start and count.end <= start for count in counts):
            continue
        clause = text[contrast.end() : figure.span.start - offset]
        if _CONTRAST.search(clause):
            continue  # a later contrast parts the figure's clause
        own_place = any(end <= other.start < sentence.end for other in inside)
        return own_place or _has_own_agent(clause)
    return False


def _has_own_agent(clause: str) -> bool:
    """Whether the words of a clause before its count end in a verb with a subject of its
    own ("rockets fired by armed groups killed"; "the army said it killed"), not a count
    that is its clause's subject ("", "medics said", "the toll rose to").

    >>> _has_own_agent(" drone attacks killed "), _has_own_agent(" medics said ")
    (True, False)
    >>> _has_own_agent(" an estimated "), _has_own_agent(" on Tuesday ")
    (False, False)
    """
    words = _plain_words(clause)
    said = [i for i, word in enumerate(words) if word in _speech_forms()]
    words = [word for word in words[said[-1] + 1 if said else 0 :] if word]
    if len(words) < 2 or words[-2:-1] == ["that"]:
        return False
    verb = words[-1]
    subject = [word for word in words[:-1] if word not in _DETERMINERS]
    is_verb = verb.endswith("ed") or verb in place_tables().target_verbs
    return bool(subject) and is_verb and verb not in _speech_forms()


# "186 killed this year, including 134 in the West Bank and 51 in Gaza": a breakdown of
# the count by place (two counts or more in one clause after a part's marker); its
# places are its parts'.
_PART_MARKER = re.compile(r"\b(?:including|among them|of whom|of them)\s", re.IGNORECASE)
_COUNT = re.compile(r"\d[\d,.]*")


def _in_later_part(figure: Figure, position: int) -> bool:
    """Whether ``position`` lies in a breakdown of the figure's count named after it
    ("186 killed, including 134 in the West Bank and 51 in Gaza").

    >>> from newsclaims.model import Span
    >>> def part(text, place):
    ...     figure = Figure(id="f", span=Span(start=9, end=12, text="186"),
    ...                     sentence=Span(start=0, end=len(text), text=text))
    ...     return _in_later_part(figure, text.index(place))
    >>> part("At least 186 were killed, including 134 in the West Bank and 51 in Gaza.", "West")
    True
    >>> part("At least 186 were killed, including 40 children, in Gaza.", "Gaza")
    False
    >>> part("At least 186 were killed in Gaza, including 40 children.", "Gaza")
    False
    """
    sentence = figure.sentence
    if sentence is None or position < figure.span.end:
        return False
    offset = figure.span.end - sentence.start
    at = position - sentence.start
    for marker in _PART_MARKER.finditer(sentence.text, offset, at):
        clause = re.split(r",\s|[;:]", sentence.text[marker.end() :])[0]
        if marker.end() + len(clause) > at and len(_COUNT.findall(clause)) >= 2:
            return True
    return False


def _within_words(actor: ActorRef | None, position: int) -> bool:
    """Whether ``position`` falls inside the words naming ``actor`` in the text."""
    if actor is None or actor.start is None or actor.end is None:
        return False
    return actor.start <= position < actor.end


def located_mentions(report: Report) -> list[PlaceMention]:
    """Every place the report names after a locative word (``in``, ``across``...).

    Places that are only actors (``Israel said``, ``Israel's war``) are not counted.
    """
    text = report.text
    candidates = [(m.start(), m.end(), m.group(0)) for m in place_pattern().finditer(text)]
    candidates += [
        (entity.start, entity.end, entity.text)
        for entity in report.entities
        if entity.label in PLACE_ENTITY_LABELS
    ]
    candidates += [(m.start(), m.end(), m.group(0)) for m in _reference_pattern().finditer(text)]
    mentions: list[PlaceMention] = []
    covered = -1
    for start, end, written in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < covered:
            continue  # a shorter name inside a longer one ("Gaza" in "Gaza City")
        covered = end
        before = text[max(0, start - 80) : start]
        previous = mentions[-1] if mentions else None
        between = text[previous.end : start] if previous is not None else ""
        joined = previous is not None and (
            _joined(between) or (_listed(between) and _LIST_GOES_ON.match(text, end) is not None)
        )
        aimed = not joined and _aimed_at(_name_lead(before)[1])
        # "fired rockets at Israel": struck, though "at" is a locative word.
        located = ("", "") if joined else None if aimed else _locative_part(before)
        target = False
        if located is None and (target_part := _target_part(before)) is not None:
            located, target = (target_part, ""), True
        elif located is None and _toll_pattern().match(text, end):
            located = ("", "")  # "the Gaza death toll"
        if located is None or _in_since_phrase(text, start):
            continue  # "killed since the attack on southern Israel" is not set there
        owned = _owned_attack(text, end)
        if owned == "waged":
            continue  # "killed in Israel's bombardment of Gaza": Israel is whose
        target = target or owned == "suffered"
        part, lead = located
        place = normalise_place(f"{part} {written}".strip(), text, start)
        # "said in Geneva" is where the words were spoken; a bare "the enclave" with no
        # place named for it is no place.
        said = lead in _speech_forms()
        if place and not said and place.casefold() not in place_tables().references:
            if not joined:
                example = lead in EXAMPLE_WORDS
                mentions.append(PlaceMention(start, end, place, False, target, example, aimed))
            elif previous is not None and not _one_within_the_other(place, previous.place):
                # Examples listed together are examples ("including in Hebron, Ramallah
                # and Nablus").
                mentions[-1] = replace(previous, joined=True)
                mentions.append(replace(previous, start=start, end=end, place=place, joined=True))
            elif previous is not None:
                # "in East Jerusalem and the West Bank": the count of the larger place, and
                # a list goes on past both ("the West Bank, East Jerusalem and Gaza").
                larger = place if place_tables().within.get(previous.place) == place else None
                mentions[-1] = replace(previous, end=end, place=larger or previous.place)
    return mentions


def _owned_attack(text: str, end: int) -> Literal["waged", "suffered"] | None:
    """Whether the name ending at ``end`` owns an attack it wages ("Israel's bombardment",
    "Israel's war on Gaza"): the attacker, not a place; or one it may suffer ("Sudan's civil
    war", "Israel's deadliest attack"): a place only where its sentence sets nothing in
    another ("in Gaza, where 35,000 have been killed in Israel's war" is Gaza's count). The
    attack is the noun the name owns, at most two modifiers after ``'s`` ("Lebanon's south
    in strikes" owns the south); a war or an attack is waged only with what it strikes
    after it.

    >>> _owned_attack("killed in Israel's relentless bombardment", 16)
    'waged'
    >>> _owned_attack("killed in Israel's war on the enclave", 16)
    'waged'
    >>> _owned_attack("killed in Sudan's civil war", 15)
    'suffered'
    >>> _owned_attack("killed in Gaza's hospitals", 14) is None
    True
    >>> _owned_attack("killed in Lebanon's south in strikes", 17) is None
    True
    """
    match = _POSSESSED.match(text, end)
    if match is None:
        return None
    tables = place_tables()
    words = list(_WORD.finditer(text, match.start("words"), match.end()))
    for i, word in enumerate(words):
        for last in (i + 1, i):  # "air strikes" before "air"
            noun = " ".join(w[0].casefold() for w in words[i : last + 1])
            if last < len(words) and noun in tables.target_nouns:
                waged = (
                    noun not in tables.suffered_nouns
                    or _STRIKES_AFTER.match(text, words[last].end()) is not None
                )
                return "waged" if waged else "suffered"
        if word[0].casefold() in _NOT_MODIFIERS or word[0].casefold() in tables.parts:
            return None  # "Lebanon's south in strikes": the noun owned is no attack
    return None


_POSSESSED = re.compile(r"[’']s\s+(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)")
_WORD = re.compile(r"[\w-]+")
# What an attack strikes, after it: "on the enclave", "against Hamas", "in Ukraine" (not
# "in decades").
_STRIKES_AFTER = re.compile(r"\s+(?:on|against)\s|\s+(?:in|into)\s+(?:the\s+)?[A-Z]")
# Words that end the phrase a name owns: "Gaza's north during strikes".
_NOT_MODIFIERS = frozenset({*LOCATIVE_WORDS, "of", "against", "during", "by", "after", "amid",
                            "and", "or", "for", "from", "to", "with", "as", "since", "the"})  # fmt: skip


def _plain_words(text: str) -> list[str]:
    """The words of ``text`` in lower case, without the punctuation around them."""
    return [word.casefold().strip(EDGE_NOISE) for word in text.split()]


def _one_within_the_other(first: str, second: str) -> bool:
    """``West Bank`` and ``East Jerusalem``: one count of the larger place.

    >>> _one_within_the_other("West Bank", "East Jerusalem"), _one_within_the_other("Gaza", "Israel")
    (True, False)
    """
    within = place_tables().within
    return first == second or within.get(first) == second or within.get(second) == first


# After a place a comma joins to the one before: the list goes on ("the West Bank, Israel
# and Jerusalem"); "in Gaza, Israel said" lists nothing.
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or)\s|\s*,\s*(?:the\s+)?[A-Z]")


def _listed(between: str) -> bool:
    """Whether only a comma stands between two place names (``the West Bank, Israel``).

    >>> _listed(", the occupied "), _listed(" said on ")
    (True, False)
    """
    if "," not in between:
        return False
    words = _plain_words(between)
    return not [w for w in words if w and w != "the" and w not in _descriptor_words()]


def _joined(between: str) -> bool:
    """Whether the words between two place names join them: ``and the occupied``, ``or``."""
    words = _plain_words(between)
    tables = place_tables()
    words = [w for w in words if w and w != "the" and w not in tables.parts
             and w not in _descriptor_words()]  # fmt: skip
    return words in (["and"], ["or"])


def article_place(mentions: list[PlaceMention]) -> str | None:
    """The place most of an article's located mentions name, if one holds half of them;
    a city, a camp or a part of a place counts for the place it lies in (an article set
    in Rafah, Khan Younis and northern Gaza is set in Gaza).

    >>> places = ["Rafah", "Khan Younis", "northern Gaza", "Israel"]
    >>> article_place([PlaceMention(0, 1, place) for place in places])
    'Gaza'
    """
    counts = Counter(_whole_place(mention.place) for mention in mentions)
    if not counts:
        return None
    place, count = counts.most_common(1)[0]
    if count < 2 or count < ARTICLE_PLACE_SHARE * sum(counts.values()):
        return None
    return place


def _whole_place(place: str) -> str:
    """The place ``place`` lies in, or is a part of, if the tables say; else itself."""
    tables = place_tables()
    part, _, whole = place.partition(" ")
    if whole and part in tables.parts.values() and whole in tables.types:
        return whole
    return tables.within.get(place, place)


def _source_place(source: ActorRef, report: Report, position: int) -> str | None:
    """The place of a local authority's name that is not a country (the ministry "in
    Gaza" counts there; "Israel's foreign ministry" speaks for a state wherever its figure
    happened, and "Hamas officials in Beirut" are only speaking there)."""
    if not _authority_pattern().search(source.text):
        return None
    for written in _place_words(source, report):
        place = normalise_place(written, report.text, position)
        if place and (written.casefold() in place_tables().names or not country_code(written)):
            return place
    return None


def _place_words(source: ActorRef, report: Report) -> list[str]:
    """Place names and place nouns (``the enclave's``) in a source's name."""
    found = [match.group(0) for match in place_pattern().finditer(source.text)]
    if source.start is not None and source.end is not None:
        found += [
            entity.text
            for entity in report.entities
            if entity.label in PLACE_ENTITY_LABELS
            and source.start <= entity.start
            and entity.end <= source.end
        ]
    return found + [match.group(0) for match in _reference_pattern().finditer(source.text)]


def _locative_part(before: str) -> tuple[str, str] | None:
    """For the words before a name: the part word between a locative word and the name
    (``northern``, or ``""``) and the word before the locative word (``said`` in ``said
    in``, ``including`` in ``including in``); ``None`` when no locative word stands right
    before the name.

    >>> _locative_part("fighting raged in northern"), _locative_part("Israel struck")
    (('northern', 'raged'), None)
    """
    part, words = _name_lead(before)
    if not words or words[-1] not in LOCATIVE_WORDS:
        return None
    return part, words[-2] if len(words) > 1 else ""


def _target_part(before: str) -> str | None:
    """For the words before a name that an attack strikes (``the bombardment of``,
    ``Israel continues to pummel``): the part word before the name, else ``None``.

    >>> _target_part("its relentless bombardment of northern"), _target_part("pummels the")
    ('northern', '')
    >>> _target_part("Hamas fired rockets at"), _target_part("the history of") is None
    ('', True)
    """
    part, words = _name_lead(before)
    tables = place_tables()
    if (words and words[-1] in tables.target_verbs) or _aimed_at(words):
        return part
    nouns = {words[-2], " ".join(words[-3:-1])} if len(words) > 1 else set()
    if words and words[-1] in tables.target_prepositions and nouns & tables.target_nouns:
        return part
    return None


def _aimed_at(words: list[str]) -> bool:
    """Whether the words before a name aim weapons at it ("fired rockets at")."""
    weapons, prepositions = place_tables().aimed
    return len(words) > 1 and words[-1] in prepositions and words[-2] in weapons


def _name_lead(before: str) -> tuple[str, list[str]]:
    """The part word right before a name (``northern``, or ``""``), past ``the`` and
    descriptors, and the casefolded words before it."""
    words = before.split()
    # The words of the name's own sentence: "... in the north. Israel's bombardment" does
    # not set Israel in the north.
    ends = [i for i, word in enumerate(words) if word.rstrip(_CLOSING).endswith(_SENTENCE_ENDS)]
    words = [word.casefold().strip(EDGE_NOISE) for word in words[ends[-1] + 1 if ends else 0 :]]
    tables = place_tables()
    part = ""
    while words and words[-1] in {*tables.parts, "the", "all", *_descriptor_words()}:
        word = words.pop()
        if word in tables.parts:
            if part:
                return part, [*words, word]
            part = word
    return part, words


@cache
def _toll_pattern() -> re.Pattern[str]:
    """What follows a place that a count of its dead names: ``'s death toll``, ``toll``."""
    nouns = "|".join(re.escape(noun) for noun in place_tables().toll_nouns)
    return re.compile(rf"(?:[’']s)?\s+(?:{nouns})\b", re.IGNORECASE)


@cache
def _speech_forms() -> frozenset[str]:
    """The forms of the verbs of saying (``says``, ``said``, ``speaking``)."""
    forms = set(IRREGULAR_SPEECH_FORMS)
    for verb in cue_lexicon().reporting_verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms.update({verb, f"{verb}s", f"{stem}ed", f"{stem}ing", f"{verb}d"})
    return frozenset(forms)


@cache
def _authority_pattern() -> re.Pattern[str]:
    """Any word of ``local_authorities`` (``ministry``, ``civil defence``...)."""
    words = "|".join(re.escape(word) for word in place_tables().local_authorities)
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@cache
def _descriptor_words() -> frozenset[str]:
    return frozenset(word for d in place_tables().descriptors for word in d.split())


@cache
def _reference_pattern() -> re.Pattern[str]:
    """``the`` + descriptors + a place noun: ``the besieged enclave``, ``the territory``."""
    tables = place_tables()
    descriptors = "|".join(re.escape(d) for d in tables.descriptors)
    nouns = "|".join(re.escape(n) for n in sorted(tables.references, key=len, reverse=True))
    return re.compile(
        rf"\bthe\s+(?:(?:{descriptors})\s+)*(?:{nouns})\b(?!-)(?:[’']s\b)?", re.IGNORECASE
    )
