"""Apply every resolver to a report: the step between extraction and the store.

>>> from newsclaims.model import ActorRef, Figure, Report, Span
>>> text = "Israel bombed Gaza. In Gaza, 40 Palestinians were killed, the health ministry said."
>>> start = text.index("40")
>>> source = ActorRef(text="the health ministry", start=text.index("the health"),
...                   end=text.index(" said"))
>>> figure = Figure(id="f1", span=Span(start=start, end=start + 2, text="40"), value=40,
...                 what="Palestinians", status="killed", source=source,
...                 sentence=Span(start=20, end=len(text), text=text[20:]))
>>> resolved = resolve_report(Report(id="r", text=text, date="2023-11-08", figures=[figure]))
>>> got = resolved.figures[0]
>>> got.place, got.place_basis, got.claim_date, got.quantity, got.side, got.source_id
('Gaza', 'sentence', '2023-11-08', 'people', 'PSE', 'pse-health-ministry')
"""

from __future__ import annotations

import re
from datetime import date

from newsclaims.model import ActorRef, Event, Figure, Report
from newsclaims.resolve.dates import (
    dated_incident,
    is_background,
    parse_day,
    running_past_attack_day,
    span_start,
    stated_date,
    statement_day,
)
from newsclaims.resolve.deaths import death_state
from newsclaims.resolve.figure_places import (
    PlaceMention,
    figure_place,
    is_broad_place,
    located_mentions,
)
from newsclaims.resolve.incidents import incident_count, local_count
from newsclaims.resolve.places import normalise_place, place_country
from newsclaims.resolve.quantities import Quantity, quantity_of
from newsclaims.resolve.sources import (
    NAME_PREFIX,
    SourceIdentity,
    names_a_source,
    source_identity,
)
from newsclaims.resolve.territory import home_places

PEOPLE = "people"
FOREIGN_NATIONALS = "foreign nationals"


def resolve_report(report: Report) -> Report:
    """``report`` with its figures and events resolved (a new report; items copied)."""
    report_day = parse_day(report.date)
    places = located_mentions(report) if report.figures else []
    figures = [_resolved_figure(report, figure, places, report_day) for figure in report.figures]
    parts: list[Figure] = []
    for figure in figures:
        parts.append(_as_part_of(report.text, figure, parts))
    figures = parts
    events = [_resolved_event(report, event, report_day) for event in report.events]
    return report.model_copy(update={"figures": figures, "events": events})


def _resolved_figure(
    report: Report, figure: Figure, places: list[PlaceMention], report_day: date | None
) -> Figure:
    if (inner := _relative_speaker(report.text, figure)) is not None:
        figure = figure.model_copy(update={"source": inner})
    if figure.source is None and (by := _reported_by(report.text, figure)) is not None:
        figure = figure.model_copy(update={"source": by})
    place, basis = figure_place(report, figure, places)
    if figure.source is not None and (own := _respective(figure.source, place)) is not None:
        figure = figure.model_copy(update={"source": own})
    source = None if figure.source is None else _source(figure.source, place)
    if source is not None and (
        not names_a_source(source[0])
        or _in_circumstance(report.text, figure)
        or _quoted_phrase(report.text, figure.source)
        or (source[0].id.startswith(NAME_PREFIX) and _reporters_relative(report.text, figure))
        or _reporters_aside(report.text, figure)
    ):
        # "In said ...", "the questionable": no one's words; "Israel vows to go on as the
        # Gaza toll nears 24,000": the reporter's. No source either way.
        figure, source = figure.model_copy(update={"source": None}), None
    if source is not None and (homes := home_places(*source)):
        # A local authority's count is of its own place (resolve/territory.py).
        place, basis = figure_place(report, figure, places, homes)
    if _both_sides(report.text, figure):
        place, basis = None, None  # "2,500 people have been killed on both sides": no one place's
    # "about 6,000 of them children": the part's own noun, whatever the parser took as
    # counted ("people", from the whole before it).
    quantity = quantity_of(
        _partitive_noun(report.text, figure.span.end)
        or _sub_count_noun(report.text, figure)
        or figure.what
    )
    here = place_country(place)
    if (
        quantity is not None
        and quantity.name == PEOPLE
        and None not in (quantity.side, here)
        and quantity.side != here
    ):
        # "30 Americans killed" in Israel: a part of its toll, not the toll.
        quantity = Quantity(FOREIGN_NATIONALS, quantity.side)
    sentence = figure.sentence.text if figure.sentence else None
    when = figure.when
    if report_day is not None and running_past_attack_day(when, sentence, report_day):
        when = None  # "1,400 killed since the war began, mostly in the attack on October 7"
    own_day = stated_date(when, report_day)
    day = own_day or report_day  # what claim_date gives, without parsing twice
    if own_day is None and figure.source is not None:
        # "the ministry said on Monday that 22,835 had been killed": as of Monday; so is
        # a running count "since October 7" it reported on Monday (after October 7: "said
        # on Saturday" in a live page updated after its date is no day before the count).
        stated = statement_day(sentence, report_day)
        if stated is not None and stated > (span_start(when, stated) or date.min):
            day = stated
    scope = figure.scope
    # An exact count's number: "at least 13 killed" is a count told as still rising.
    exact = figure.value if figure.qualifier == "exact" else None
    if scope != "period" and (attack_day := dated_incident(sentence, report_day)) is not None:
        scope, day = "incident", attack_day  # "the attack on October 7, killing 1,200"
    elif scope not in ("period", "incident") and _one_incident(figure):
        scope = "incident"  # "1,400 people killed in the Hamas attack", "of one family"
    elif scope in (None, "toll") and place and local_count(sentence, is_broad_place(place), exact):
        scope = "incident"  # "three people were killed in Jenin": one raid's, one day's
    source_id = None
    if figure.source is not None:
        source_id = source_identity(figure.source, here).id
    return figure.model_copy(
        update={
            "place": place,
            "place_basis": basis,
            "claim_date": day.isoformat() if day else None,
            "quantity": quantity.name if quantity else None,
            "side": quantity.side if quantity else None,
            "source_id": source_id,
            "scope": scope,
            "status": _death_state(figure),
            "qualifier": _rising_past(report.text, figure),
            "background": is_background(sentence, report_day),
        }
    )


# "X vows to press on as the toll nears 24,000": a clause of "as" (while) telling of the
# toll after what the source says or does is the reporter's circumstance, not the source's
# words, unless it reports speech itself ("put the figures as at least 770" is no clause).
_AS_CLAUSE = re.compile(r"\s(?:as|while)\s+(?!(?:well|soon|of|part)\b)[^,;:]*$")
_TOLL_IN_CLAUSE = re.compile(r"\b(?:toll|tally|number\s+of\s+(?:the\s+)?(?:dead|deaths))\b", re.I)
_AS_MUCH_AS = re.compile(r"\bas\s+(?:many|much|few|high|low|little|long)\s+as\b", re.I)
_SPEECH_IN_CLAUSE = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|according|announced|stated|that)\b", re.I
)


# "2,500 killed from both sides", "the toll on both sides rose to 2,500": two sides' dead
# counted together, the toll of no one place.
_SIDES = r"(?:on|from|among|of)\s+(?:both|either|all)\s+sides\b"
_SIDES_AFTER = re.compile(r"^[^.;,:()]{0,60}?\b" + _SIDES, re.IGNORECASE)
_SIDES_BEFORE = re.compile(
    r"\b(?:toll|dead|deaths|killed)\s+" + _SIDES + r"[^.;,:()]{0,40}$", re.IGNORECASE
)


def _both_sides(text: str, figure: Figure) -> bool:
    """Whether the count is of the dead of both sides together.

    >>> from newsclaims.model import Span
    >>> def both(text, number):
    ...     start = text.index(number)
    ...     return _both_sides(text, Figure(id="f", span=Span(start=start,
    ...                        end=start + len(number), text=number)))
    >>> both("Strikes went on as more than 2,500 people have been killed from both sides.", "2,500")
    True
    >>> both("The death toll on both sides has passed 2,500.", "2,500")
    True
    >>> both("Gaza's toll rose to 2,500, as fighting on both sides went on.", "2,500")
    False
    """
    after = text[figure.span.end : figure.span.end + 120]
    before = text[max(0, figure.span.start - 100) : figure.span.start]
    return bool(_SIDES_AFTER.search(after) or _SIDES_BEFORE.search(before))


# "the toll of around 24,000 in the enclave, (as) reported by the health ministry": the
# participle after the count's phrase names who gives it ("released" or "issued" only of
# figures: "24 hostages, released by Hamas on Friday" names no source); a day ends the name.
_REPORTED_BY = re.compile(
    r"^[^,.;:()\"\u201c\u201d]{0,60},\s+(?:as\s+)?(?:reported|announced|given|provided|"
    r"compiled|recorded|published|(?:the\s+)?(?:figures|data|numbers|statistics|toll|tally)\s+"
    r"(?:released|issued))\s+by\s+"
    r"(?P<source>(?:the\s+)?[\w'\u2019-]+(?:\s+(?!by\b)[\w'\u2019-]+){0,6}?)"
    r"\s*(?=[,.;:]|$|(?:on|last|this|early|late)\s+\w+day\b|(?:yesterday|today)\b)",
    re.IGNORECASE,
)


def _reported_by(text: str, figure: Figure) -> ActorRef | None:
    """The body a participle after the count names ("..., reported by the ministry").

    >>> from newsclaims.model import Span
    >>> text = "It set the toll of 24,000 in Gaza, reported by the health ministry, against it."
    >>> start = text.index("24,000")
    >>> _reported_by(text, Figure(id="f", span=Span(start=start, end=start + 6,
    ...              text="24,000"))).text
    'the health ministry'
    """
    after = text[figure.span.end : figure.span.end + 160]
    match = _REPORTED_BY.match(after)
    if match is None:
        return None
    start = figure.span.end + match.start("source")
    return ActorRef(text=match["source"], start=start, end=start + len(match["source"]))


# "World leaders criticised the US for failing to halt the war that has killed 17,400":
# the count describes the war in a relative clause of the reporter's, not the words of an
# unknown body named before it.
_REPORTERS_RELATIVE = re.compile(
    r"\b(?:that|which)\s+(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?killed\b"
    r"[^.;:\"\u201c\u201d]{0,80}$",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"\b(?:says?|said|according|told|reported|claims?|claimed)\b", re.I)


def _reporters_relative(text: str, figure: Figure) -> bool:
    """Whether the count stands in a "that has killed" clause after its source's name,
    with no one's speech between them.

    >>> from newsclaims.model import Span
    >>> text = "Leaders decried the war that has killed 17,400 people."
    >>> start = text.index("17,400")
    >>> _reporters_relative(text, Figure(id="f", span=Span(start=start, end=start + 6,
    ...                     text="17,400"), source=ActorRef(text="Leaders", start=0, end=7)))
    True
    """
    source = figure.source
    if source is None or source.end is None or source.end > figure.span.start:
        return False
    between = text[source.end : figure.span.start]
    match = _REPORTERS_RELATIVE.search(between)
    return match is not None and not _SPEECH.search(between)


# "Blinken said ..., referring to the attack that prompted the war that has killed 10,000"
# or "they warned that its actions - more than 20,000 killed - could be genocide": the
# reporter's gloss or dash-set aside after the source's name tells the count, not the source.
_ASIDE = re.compile(
    r"(?:,\s+referring\s+to\b|\s[\u2013\u2014-]\s|\u2014)(?:(?!\s-\s)[^\u2013\u2014\"\u201c\u201d])*$",
    re.IGNORECASE,
)

_DASH = re.compile(r"\s[\u2013\u2014-]\s|\u2014")


def _reporters_aside(text: str, figure: Figure) -> bool:
    """Whether the count stands in a "referring to" gloss or a dash-set aside after its
    source's name, with no one's speech in it.

    >>> from newsclaims.model import Span
    >>> def aside(text, number):
    ...     start = text.index(number)
    ...     return _reporters_aside(text, Figure(id="f", span=Span(start=start,
    ...         end=start + len(number), text=number), source=ActorRef(text="He", start=0, end=2)))
    >>> aside("He said it must end, referring to the war that has killed 9,000 people.", "9,000")
    True
    >>> aside("He warned that its acts - 9,000 killed so far - are a crime.", "9,000")
    True
    >>> aside("He said - and officials agreed - that 9,000 had died.", "9,000")
    False
    >>> aside("He said 9,000 people had been killed.", "9,000")
    False
    >>> aside("He said 30 died - bringing the toll to 9,000.", "9,000")
    False
    """
    source = figure.source
    if source is None or source.end is None or source.end > figure.span.start:
        return False
    between = text[source.end : figure.span.start]
    match = _ASIDE.search(between)
    if match is None or _SPEECH.search(match.group(0)):
        return False
    if "referring" in match.group(0).casefold():
        return True
    # A dash-set aside is open at the count (an odd number of dashes before it) and closes
    # after it in the sentence: "... said 30 died - bringing the toll to 900" is no aside.
    after = re.split(r"[.;!?]", text[figure.span.end : figure.span.end + 200], maxsplit=1)[0]
    return len(_DASH.findall(between)) % 2 == 1 and _DASH.search(after) is not None


_OPENING_QUOTES = frozenset("\"'\u201c\u2018")
_CLOSING_QUOTES = frozenset("\"'\u201d\u2019")


def _quoted_phrase(text: str, source: ActorRef | None) -> bool:
    """Whether the "source" is a phrase quoted whole (citing "violations of international
    law"): someone's words, not someone.

    >>> text = 'MPs cited "violations of international law" as 300 were killed.'
    >>> start = text.index("violations")
    >>> _quoted_phrase(text, ActorRef(text="violations of international law", start=start,
    ...                               end=start + 31))
    True
    """
    if source is None or source.start is None or source.end is None or source.start == 0:
        return False
    before = text[source.start - 1]
    after = text[source.end] if source.end < len(text) else ""
    return before in _OPENING_QUOTES and after in _CLOSING_QUOTES


def _in_circumstance(text: str, figure: Figure) -> bool:
    """Whether the figure stands in an "as" clause after its source's words.

    >>> from newsclaims.model import ActorRef, Span
    >>> def circumstance(text, source, number):
    ...     start = text.index(number)
    ...     figure = Figure(id="f", span=Span(start=start, end=start + len(number),
    ...                     text=number), source=ActorRef(text=source, start=0,
    ...                     end=len(source)))
    ...     return _in_circumstance(text, figure)
    >>> circumstance("Israel vows to press on as Gaza death toll nears 24,000", "Israel", "24,000")
    True
    >>> circumstance("Israel said 30 soldiers died as fighting raged", "Israel", "30")
    False
    >>> circumstance("The ministry put the figures as at least 770 killed", "The ministry", "770")
    False
    >>> circumstance("Hamas says 40 killed as strikes hit Gaza", "Hamas", "40")
    False
    >>> circumstance("The UN said, as talks began, that 20 had died", "The UN", "20")
    False
    """
    source = figure.source
    if source is None or source.end is None or source.end > figure.span.start:
        return False
    between = _AS_MUCH_AS.sub(" ", text[source.end : figure.span.start])  # "as many as 70"
    clause = _AS_CLAUSE.search(between)
    return (
        clause is not None
        and _TOLL_IN_CLAUSE.search(clause.group(0)) is not None
        and not _SPEECH_IN_CLAUSE.search(clause.group(0))
    )


# "X warned ... as Israel bombs Gaza, which officials in the enclave say has killed 9,770":
# a relative clause with its own speaker, right before the count, is that speaker's.
_RELATIVE_SPEAKER = re.compile(
    r"\b(?:which|who|that)\s+(?P<speaker>(?:[\w'’-]+\s+){0,8}?[\w'’-]+)\s+"
    r"(?:say|says|said|estimate|estimates|estimated)\s+(?:(?:has|have|had)\s+)?"
    r"(?:killed|left)\b[^,;]{0,30}$",
    re.IGNORECASE,
)


def _relative_speaker(text: str, figure: Figure) -> ActorRef | None:
    """The speaker of a relative clause the figure ends, when the figure's source stands
    before it (see ``_RELATIVE_SPEAKER``); ``None`` otherwise.

    >>> from newsclaims.model import Span
    >>> text = "Nasrallah spoke as Israel bombs Gaza, which officials there say has killed 9,770."
    >>> start = text.index("9,770")
    >>> figure = Figure(id="f", span=Span(start=start, end=start + 5, text="9,770"),
    ...                 source=ActorRef(text="Nasrallah", start=0, end=9))
    >>> _relative_speaker(text, figure).text
    'officials there'
    """
    source = figure.source
    if source is None or source.end is None or source.end > figure.span.start:
        return None
    match = _RELATIVE_SPEAKER.search(text, source.end, figure.span.start)
    if match is None:
        return None
    start, end = match.span("speaker")
    return ActorRef(text=match["speaker"], start=start, end=end)


# "the toll rose above the milestone of 22,000": a count past a number is at least it;
# "rose over the weekend to 22,000" rose to it.
_RISING_PAST = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|soared|surged|went|gone|goes|"
    r"increased|grew|grown)\s+(?:above|past|beyond|over)\s+"
    r"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:milestone|mark|threshold|level)\s+of\s+)?$",
    re.IGNORECASE,
)


def _rising_past(text: str, figure: Figure) -> str:
    """``at_least`` for an exact count that a toll rose past; else the figure's qualifier.

    >>> from newsclaims.model import Span
    >>> text = "The toll rose above the grim milestone of 22,000 on Tuesday."
    >>> start = text.index("22,000")
    >>> figure = Figure(id="f", span=Span(start=start, end=start + 6, text="22,000"))
    >>> _rising_past(text, figure)
    'at_least'
    """
    if figure.qualifier != "exact":
        return figure.qualifier
    before = text[max(0, figure.span.start - 80) : figure.span.start]
    return "at_least" if _RISING_PAST.search(before) else figure.qualifier


# "Palestinian and Israeli officials": two sides' bodies, each giving its own count.
_TWO_SIDES = re.compile(
    r"^(?:the\s+)?(?P<first>[A-Z][\w-]+)\s+and\s+(?P<second>[A-Z][\w-]+)\s+(?P<head>[a-z].*)$"
)


def _respective(source: ActorRef, place: str | None) -> ActorRef | None:
    """For a source naming two sides' bodies ("according to Palestinian and Israeli
    officials"), the one of the side where the figure's count is, as its canonical name;
    ``None`` when it names no two sides or the place tells neither.

    >>> source = ActorRef(text="Palestinian and Israeli officials")
    >>> _respective(source, "Israel").canonical, _respective(source, "Gaza").canonical
    ('Israeli officials', 'Palestinian officials')
    >>> _respective(source, "Egypt") is None, _respective(ActorRef(text="Hamas"), "Gaza") is None
    (True, True)
    """
    match = _TWO_SIDES.match(" ".join((source.canonical or source.text).split()))
    here = place_country(place)
    if match is None or here is None:
        return None
    for side in (match["first"], match["second"]):
        name = f"{side} {match['head']}"
        if source_identity(ActorRef(text=name)).country == here:
            return source.model_copy(update={"canonical": name})
    return None


def _one_incident(figure: Figure) -> bool:
    """Whether the figure counts one incident's dead: an armed group's attack, a family's,
    a site's intake (resolve/incidents.py)."""
    if figure.sentence is None:
        return False
    start = figure.span.start - figure.sentence.start
    return incident_count(figure.sentence.text, start, start + len(figure.span.text))


def _death_state(figure: Figure) -> str | None:
    """``died`` for deaths the figure's words say were no killing (resolve/deaths.py)."""
    if figure.sentence is None:
        return figure.status
    start = figure.span.start - figure.sentence.start
    return death_state(figure.status, figure.sentence.text, start, len(figure.span.text))


def _source(source: ActorRef, place: str | None) -> tuple[SourceIdentity, bool]:
    """A figure's source, and whether its own words name its country: an unqualified
    "the health ministry" is the one of the place its figure is in."""
    identity = source_identity(source, place_country(place))
    return identity, identity == source_identity(source)


# "63 journalists were killed, including 56 Palestinians": a part of the count before.
_INCLUDING = re.compile(r"\b(?:including|among them|among whom)\s*$", re.IGNORECASE)
# "56 Palestinians, four Israelis and ...": the noun of a count, then the next in a list.
_LISTED = re.compile(r"^(?:\s+[\w-]+){0,2}\s*,?\s*(?:and\s+)?$")
PART_REACH = 40  # characters before a count searched for the word that makes it a part


def _as_part_of(text: str, figure: Figure, before: list[Figure]) -> Figure:
    """``figure``, counting what the count before it counts when it names a part of that
    count by its people only: "63 journalists were killed, including 56 Palestinians"
    counts Palestinian journalists, not the toll of people.

    >>> from newsclaims.model import Span
    >>> text = "At least 63 journalists were killed, including 56 Palestinians."
    >>> def count(number, quantity, side=None):
    ...     start = text.index(number)
    ...     return Figure(id=number, span=Span(start=start, end=start + len(number),
    ...                   text=number), status="killed", quantity=quantity, side=side,
    ...                   sentence=Span(start=0, end=len(text), text=text))
    >>> whole, part = count("63", "journalists"), count("56", "people", "PSE")
    >>> got = _as_part_of(text, part, [whole])
    >>> got.quantity, got.side
    ('journalists', 'PSE')
    """
    if figure.quantity != PEOPLE or figure.sentence is None or not before:
        return figure
    whole = before[-1]
    if (
        len(before) > 1
        and _LISTED.match(text[whole.span.end : figure.span.start])
        and whole.quantity == before[-2].quantity not in (None, PEOPLE)
        and whole.side != before[-2].side
    ):
        # "including 56 Palestinians, four Israelis": listed with a part, a part too.
        return figure.model_copy(update={"quantity": whole.quantity})
    if (
        whole.sentence is None
        or whole.sentence.start != figure.sentence.start
        or whole.status != figure.status
        or whole.quantity in (None, PEOPLE, FOREIGN_NATIONALS)
    ):
        return figure
    lead = text[max(whole.span.end, figure.span.start - PART_REACH) : figure.span.start]
    if not _INCLUDING.search(lead):
        return figure
    return figure.model_copy(update={"quantity": whole.quantity})


# "about 6,000 of them children", "12 of whom were women": a part of the count before,
# which counts the noun after.
_PARTITIVE = re.compile(
    r"\s+of\s+(?:them|whom|those|these)\s+(?:(?:killed|dead|deaths|victims)\s+)?"
    r"(?:(?:were|are|was|is)\s+)?(?P<noun>[a-z]+)"
)


# "10,000 civilian deaths": the adjective names the sub-count the noun counts.
_CIVILIAN_ADJECTIVE = re.compile(
    r"\s+(?P<noun>civilian|non-combatant)\s+(?:deaths|dead|fatalities|lives|victims|casualties)\b",
    re.IGNORECASE,
)
# "eight civilians in Israel and at least 51 in Lebanon": a count with its noun left out
# after "and" counts the noun of the count before it.
_ELIDED_BEFORE = re.compile(
    r"\b\d[\d,.]*\s+(?P<noun>[a-z]+)\s+(?:in|on|from|among)\s+[^,;:.\d]{1,40}?\s+and\s+$"
)
_NO_NOUN_AFTER = re.compile(r"\s+(?:in|on|from|among)\s")


def _sub_count_noun(text: str, figure: Figure) -> str | None:
    """The noun of a sub-count the figure's own noun hides: ``civilian`` in "10,000
    civilian deaths", or the noun left out after "and" ("eight civilians in Israel and 51
    in Lebanon"), when it names a quantity other than people.

    >>> from newsclaims.model import Span
    >>> def noun(text, number):
    ...     start = text.index(number)
    ...     return _sub_count_noun(text, Figure(id="f", span=Span(start=start,
    ...                            end=start + len(number), text=number)))
    >>> noun("Fewer than 10,000 civilian deaths in Ukraine.", "10,000")
    'civilians'
    >>> noun("At least 8 civilians in Israel and at least 51 in Lebanon died.", "at least 51")
    'civilians'
    >>> noun("At least 8 people in Israel and at least 51 in Lebanon died.", "at least 51")
    """
    end, start = figure.span.end, figure.span.start
    if (match := _CIVILIAN_ADJECTIVE.match(text, end)) is not None:
        return "civilians"
    if not _NO_NOUN_AFTER.match(text, end):
        return None
    match = _ELIDED_BEFORE.search(text[max(0, start - 100) : start])
    if match is None:
        return None
    quantity = quantity_of(match["noun"])
    return match["noun"] if quantity is not None and quantity.name != PEOPLE else None


def _partitive_noun(text: str, end: int) -> str | None:
    """The noun a partitive count right after ``end`` names (``of them children``).

    >>> text = "15,000 killed, about 6,000 of them children."
    >>> _partitive_noun(text, text.index("6,000") + 5)
    'children'
    >>> text = "7,600 more deaths, and 3,653 of those deaths were children."
    >>> _partitive_noun(text, text.index("3,653") + 5)
    'children'
    """
    match = _PARTITIVE.match(text, end)
    return match["noun"] if match else None


def _resolved_event(report: Report, event: Event, report_day: date | None) -> Event:
    """The event's place, its day ("on Monday" read against the report's date) and
    whether it is history: its own date phrase names an earlier year, or a day over a
    year before the report. (Extraction drops a clause dated to a year before the latest
    the report mentions; a year elsewhere in the sentence, "a piece published in 2019",
    dates nothing.) A historical event has a day only when its phrase names one with its
    year: the report's date would date it wrong.

    >>> from newsclaims.model import ActorRef, Span
    >>> def resolved(text, when):
    ...     event = Event(id="e1", span=Span(start=0, end=6, text=text[:6]), code="190",
    ...                   source_actor=ActorRef(text="Israel"), date=when,
    ...                   sentence=Span(start=0, end=len(text), text=text))
    ...     got = _resolved_event(Report(id="r", text=text), event, date(2024, 2, 1))
    ...     return got.claim_date, got.background
    >>> resolved("Israel rejected the plan on Monday.", "Monday")
    ('2024-01-29', False)
    >>> resolved("In 2014, Israel launched a ground offensive.", "2014")
    (None, True)
    >>> resolved("Israel on Monday rejected a suit over a piece published in 2019.", "Monday")
    ('2024-01-29', False)
    """
    stated = stated_date(event.date, report_day)
    background = _earlier_year(event.date, report_day) or _long_before(stated, report_day)
    if not background:
        day = stated or report_day  # what claim_date reads, without parsing twice
    else:
        day = stated if _YEAR.search(event.date or "") else None
    return event.model_copy(
        update={
            "place": normalise_place(event.place, report.text, event.span.start),
            "claim_date": day.isoformat() if day else None,
            "background": background,
        }
    )


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
HISTORY_DAYS = 365  # an event stated to be older than this is told as history


def _earlier_year(when: str | None, report_day: date | None) -> bool:
    if not when or report_day is None:
        return False
    return any(int(year) < report_day.year for year in _YEAR.findall(when))


def _long_before(day: date | None, report_day: date | None) -> bool:
    if day is None or report_day is None:
        return False
    return (report_day - day).days > HISTORY_DAYS
