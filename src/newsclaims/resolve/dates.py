"""The day a claim is about: the date its sentence states, else the report's date.

>>> report = date(2023, 11, 8)  # a Wednesday
>>> claim_date("on Monday", report), claim_date("yesterday", report)
(datetime.date(2023, 11, 6), datetime.date(2023, 11, 7))
>>> claim_date("October 29", report), claim_date("since October 7", report)
(datetime.date(2023, 10, 29), datetime.date(2023, 11, 8))
>>> claim_date("Dec 30", report)  # a day later in the year than the report: last year's
datetime.date(2022, 12, 30)
>>> is_background("In the 2014 war, 2,251 Palestinians were killed.", report)
True
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from newsclaims.extract.figure_lexicon import figures_data, word_alternatives

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
WEEKDAYS = {calendar.day_name[number].lower(): number for number in range(7)}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "yesterday": -1}
# A "since"/"from" date starts a cumulative count: the count is as of the report.
SPAN_WORDS = re.compile(r"^\s*(?:since|from|between|after|before|until|over|during)\b", re.I)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?\b(?:,?\s+(\d{4}))?")


# A year that dates what the sentence tells ("in 2014", "during the 2014 war", "the 2021
# conflict"), not one a running count starts from ("since 2007", "the war that began in
# October 2023"). A year as a word: not part of a longer number ("2,014", "20145").
_DATED_BY_YEAR = re.compile(
    r"(?<![\w,.])(?i:in|during|of|the)\s+(?:(?:[A-Z][a-z]+|early|late|mid)\s+)?"
    r"(?P<year>(?:19|20)\d\d)(?!\d|,\d)"
)
# A month with its year and no preposition ("July-August 2014 - a war in which ...").
_MONTH_YEAR = re.compile(
    r"\b(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+"
    r"(?P<year>(?:19|20)\d\d)(?!\d|,\d)"
)
# A year the sentence tells of as its subject ("the UN said 2022 was the deadliest year",
# "2019 saw 300 killed"): the figures after it are that year's.
_YEAR_SUBJECT = re.compile(
    r"(?<![\w,.$£€-])(?P<year>(?:19|20)\d\d)\s+(?:was|had\s+been|saw|proved|became|marked)\b",
    re.IGNORECASE,
)
# A year told as the time of what follows ("camps that date back to 1948 when 750,000
# fled", "After 1948, when 700,000 were displaced"): the figures after it are that year's.
_YEAR_WHEN = re.compile(r"(?<![\w,.$£€-])(?P<year>(?:19|20)\d\d),?\s+when\b", re.IGNORECASE)
# A past event named for its year ("the Nakba, during which 750,000 were displaced"); not
# a new one named after it ("a second Nakba").
_NAMED_PAST = re.compile(r"(?<!second\s)(?<!new\s)(?<!another\s)\bNakba\b", re.IGNORECASE)
NAMED_PAST_YEAR = 1948
_LAST_YEAR = re.compile(r"\b(?:last|previous) year\b", re.IGNORECASE)
# "last May's 11-day assault": a month of the year before, past the report's.
_LAST_MONTH = re.compile(
    r"\blast\s+(?:" + "|".join(calendar.month_name[1:]) + r")\b", re.IGNORECASE
)
# "from" starts a count only before a time ("from 2007", "from October", "from the start
# of the war"); "resigned from the cabinet" starts none.
_RUNNING_FROM = re.compile(
    r"\b(?:since|began|begun|started|starting)\b|\bfrom\s+(?:(?:the|late|early|mid|last)\s+)?"
    r"(?:\d|(?:start|beginning|outbreak|onset|first)\b|(?:"
    + "|".join([*calendar.month_name[1:], *calendar.day_name])
    + r")\b)",
    re.IGNORECASE,
)
# "the deadliest year since 2006", "the highest toll in a single operation since 2005": a
# comparison, not the start of a running count. The comparison is one phrase: a few words
# between the superlative and its "since", with no comma and no verb of a clause of its
# own ("In Jenin, the worst-hit town, 40 have been killed since ...", "most residents
# have fled and 40 have been killed since ..." count on); "most" compares only after
# "the" ("the most intense bombardment since 1973"; "most residents" is a share).
_SUPERLATIVE_SINCE = re.compile(
    r"(?:\b(?:\w+iest|worst|highest|largest|lowest|biggest)|\bthe\s+most\s+(?!of\b)\w+)\b"
    r"(?:[\s-]+(?!(?:has|have|had|is|are|was|were|been|and|but|while)\b)[\w'’]+){0,7}?"
    r"\s+since\b[^,.;]*",
    re.IGNORECASE,
)


def without_comparisons(sentence: str) -> str:
    """``sentence`` without its superlative comparisons ("the highest toll in a single raid
    since 2005"), whose "since" and "toll" start no running count.

    >>> without_comparisons("Nine were killed, the highest toll since 2005.")
    'Nine were killed, the  .'
    >>> without_comparisons("It was the most intense shelling in the north since 1973.")
    'It was  .'
    >>> without_comparisons("In Jenin, the worst-hit town, 40 have been killed since May.")
    'In Jenin, the worst-hit town, 40 have been killed since May.'
    >>> without_comparisons("Most residents have fled and 40 have been killed since May.")
    'Most residents have fled and 40 have been killed since May.'
    """
    return _SUPERLATIVE_SINCE.sub(" ", sentence)


def is_background(sentence: str | None, report_date: date | None) -> bool:
    """Whether a sentence recounts an earlier year ("in 1956", "the 2014 war"): its
    figures are history told for background, not the current state the report gives.
    A sentence that counts from an earlier year ("since 2007", "the war that began in
    October 2023") is current.

    >>> day = date(2024, 1, 15)
    >>> is_background("In 2014, 2,251 Palestinians were killed.", day)
    True
    >>> is_background("23,968 people have been killed in the war that began in October 2023.", day)
    False
    >>> is_background("Gaza, under blockade since 2007, has lost 100 people this week.", day)
    False
    >>> is_background("A toll that saw 150 people killed last year.", day)
    True
    >>> is_background("Last year was the deadliest since 2006, with 171 killed.", day)
    True
    >>> is_background("July-August 2014 - a war in which 2,100 people are killed.", day)
    True
    >>> is_background("Last May's war, in which 250 people were killed, ended in a truce.", day)
    True
    >>> is_background("The deadliest war since the 1948 Nakba has killed 20,000.", day)
    False
    >>> is_background("In 2014, she resigned from the cabinet over a war that killed 2,000.", day)
    True
    >>> is_background("From January 2023 to now, troops have killed 500 people.", day)
    False
    >>> is_background("The UN said 2023 was the deadliest year since 2005, with 200 killed.", day)
    True
    >>> is_background("Camps that date back to 1948, when 750,000 people fled.", day)
    True
    >>> is_background("They mark the Nakba, during which 750,000 were displaced.", day)
    True
    >>> is_background("They fear a second Nakba as 1.9 million have been displaced.", day)
    False
    """
    if not sentence or report_date is None:
        return False
    compared = _SUPERLATIVE_SINCE.sub(" ", sentence)
    if _RUNNING_FROM.search(compared):
        return False
    if _LAST_YEAR.search(compared) or _LAST_MONTH.search(compared):
        return True  # "150 Palestinians killed in the West Bank last year", "last May's war"
    years = [
        *_DATED_BY_YEAR.finditer(compared),
        *_MONTH_YEAR.finditer(compared),
        *_YEAR_SUBJECT.finditer(compared),
        *_YEAR_WHEN.finditer(compared),
    ]
    if _NAMED_PAST.search(compared) and report_date.year > NAMED_PAST_YEAR:
        return True
    return any(int(match["year"]) < report_date.year for match in years)


# A sentence that tells of an attack on a stated earlier day ("Hamas's attack on October
# 7, killing 1,200", "the offensive, which began on May 10, killed 254"), in the past tense
# and not as a running count ("has killed", "since", "so far", "toll"), counts that
# attack: one incident, dated to its day.
_STATED_DAY = re.compile(
    r"\b(?:(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}(?!\d)"
    r"|\d{1,2}\s+(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b)",
    re.IGNORECASE,
)


@cache
def _attack_words() -> re.Pattern[str]:
    """The attacks a stated day dates (``dated_attack_words``); an operation named by a
    civil word before it (``civil_operation_words``: "rescue operation") is none."""
    data = figures_data()
    civil = "".join(rf"(?<!{re.escape(word)}\s)" for word in data["civil_operation_words"])
    attacks = [word for word in data["dated_attack_words"] if word != "operation"]
    return re.compile(rf"\b(?:{word_alternatives(attacks)}|{civil}operation)\b", re.IGNORECASE)


_RUNNING_COUNT = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+|thus\s+far\s+)?(?:been\s+)?"
    r"(?:killed|died|risen|climbed|reached|surpassed|passed)\b|\bsince\b|\b(?:so|thus) far\b"
    r"|\btoll\b",
    re.IGNORECASE,
)
DATED_INCIDENT_DAYS = 3  # an attack at least this many days before the report


def dated_incident(sentence: str | None, report_date: date | None) -> date | None:
    """The day of the attack a sentence's count is told of, when it is one: an attack
    word, a day stated at least ``DATED_INCIDENT_DAYS`` before the report, and no
    running count.

    >>> day = date(2023, 11, 20)
    >>> dated_incident("Hamas launched an attack on October 7, killing 1,200 people.", day)
    datetime.date(2023, 10, 7)
    >>> dated_incident("The attack on October 7 began a war that has killed 13,000.", day)
    >>> dated_incident("Since the attack on October 7, 13,000 have been killed.", day)
    >>> dated_incident("After the October 7 attack, 1,952 had been killed by Friday.", day)
    >>> dated_incident("A raid on the town on November 2 killed nine, the highest toll in a "
    ...                "single operation since 2005.", day)
    datetime.date(2023, 11, 2)
    """
    if not sentence or report_date is None or not _attack_words().search(sentence):
        return None
    if _RUNNING_COUNT.search(without_comparisons(sentence)):
        return None
    for match in _STATED_DAY.finditer(sentence):
        day = stated_date(match.group(0), report_date)
        if day is not None and (report_date - day).days >= DATED_INCIDENT_DAYS:
            return day
    return None


def running_past_attack_day(when: str | None, sentence: str | None, report_date: date) -> bool:
    """Whether ``when`` dates an attack a running count's sentence names ("1,400 killed
    since the war began, mostly in the attack on October 7"), ``DATED_INCIDENT_DAYS`` or
    more before the report: the attack's day, not the count's, which holds for the
    report's day.

    >>> day = date(2023, 11, 2)
    >>> sentence = "The war has killed 1,400 in Israel, mostly in the attack on October 7."
    >>> running_past_attack_day("on October 7", sentence, day)
    True
    >>> sentence = "The toll since the start of the war on October 7 rose to 9,000."
    >>> running_past_attack_day("on October 7", sentence, day)
    True
    >>> sentence = "Raids killed 40 on Wednesday, bringing the toll to 9,000."
    >>> running_past_attack_day("on Wednesday", sentence, day)
    False
    """
    if not when or not sentence or not _RUNNING_COUNT.search(sentence):
        return False
    stated = stated_date(when, report_date)
    if stated is None or (report_date - stated).days < DATED_INCIDENT_DAYS:
        return False
    at = sentence.find(when)
    if at < 0:
        return False
    before = sentence[max(0, at - ATTACK_REACH) : at]
    return _attack_words().search(before) is not None or _SINCE_PHRASE.search(before) is not None


ATTACK_REACH = 50  # characters before a day searched for the attack it dates
# "the toll since the start of the war on October 7": the day ends a "since" phrase, with
# no clause or count between: the running count's start, not its day.
_SINCE_PHRASE = re.compile(r"\bsince\b[^,;:.\d]*$", re.IGNORECASE)


# A day on the verb that reports a count ("the ministry said on Monday that 22,835 had
# been killed", "the ministry on Tuesday said ...", "..., the ministry said Monday") dates
# the count: it is the toll as of that statement, not as of the report's day.
_REPORT_VERBS = r"(?:said|says|reported|announced|recorded|confirmed|stated|updated|put)"
_DAY_WORDS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)"
# "late Tuesday", "early on Monday", "Tuesday night": a time of that day is that day.
_PART_OF_DAY = r"(?:(?:late|early)\s+)"
_TIME_OF_DAY = r"(?:\s+(?:night|evening|morning|afternoon))?"
# A sentence opening with its day dates the statement its one report verb makes ("On
# Thursday, the ministry had reported that ..."), not one told in a clause of its own
# ("On Monday, a day after officials said ...").
_STATEMENT_DAY = re.compile(
    rf"\b{_REPORT_VERBS}\s+{_PART_OF_DAY}?(?:on\s+)?(?P<after>{_DAY_WORDS})\b"
    rf"|\b(?:on\s+|{_PART_OF_DAY}(?:on\s+)?)(?P<before>{_DAY_WORDS}){_TIME_OF_DAY}\s+"
    rf"{_REPORT_VERBS}\b"
    rf"|^\W*(?:on\s+|{_PART_OF_DAY}(?:on\s+)?)?(?P<opening>{_DAY_WORDS}){_TIME_OF_DAY}\s*,"
    rf"(?:(?!\b(?:after|before|since|when|while|until|as|because)\b)[^,;:]){{0,80}}?"
    rf"\b{_REPORT_VERBS}\b",
    re.IGNORECASE,
)
_ANY_REPORT_VERB = re.compile(rf"\b{_REPORT_VERBS}\b", re.IGNORECASE)


def statement_day(sentence: str | None, report_date: date | None) -> date | None:
    """The day the statement giving a sentence's count was made, when a day is on its
    reporting verb.

    >>> day = date(2024, 1, 9)  # a Tuesday
    >>> statement_day("The ministry on Monday recorded that 22,835 had been killed.", day)
    datetime.date(2024, 1, 8)
    >>> statement_day("More than 5,000 have been killed, the ministry said Monday.", day)
    datetime.date(2024, 1, 8)
    >>> statement_day("The ministry said 5,000 have been killed since Monday.", day)
    >>> statement_day("Over 5,000 have been killed, the ministry said late Sunday.", day)
    datetime.date(2024, 1, 7)
    >>> statement_day("The ministry late on Sunday said 5,000 have been killed.", day)
    datetime.date(2024, 1, 7)
    >>> statement_day("The ministry on Sunday night reported 5,000 killed.", day)
    datetime.date(2024, 1, 7)
    >>> statement_day("On Sunday, the ministry had reported that 5,000 were killed.", day)
    datetime.date(2024, 1, 7)
    >>> statement_day("On Sunday, strikes killed 50 people, the ministry said.", day)
    >>> statement_day("On Sunday, a day after officials said 50 were killed, troops left.", day)
    """
    if not sentence or report_date is None:
        return None
    match = _STATEMENT_DAY.search(sentence)
    if match is None:
        return None
    if match["opening"] and len(_ANY_REPORT_VERB.findall(sentence)) > 1:
        return None  # "On Monday, the army said ..., and the ministry says ...": whose day?
    return stated_date(match["after"] or match["before"] or match["opening"], report_date)


def span_start(when: str | None, report_date: date | None) -> date | None:
    """The day a span of time starts ("since October 7"), when it names one.

    >>> span_start("since October 7", date(2023, 10, 13)), span_start("on Monday", None)
    (datetime.date(2023, 10, 7), None)
    """
    if not when or (match := SPAN_WORDS.match(when)) is None:
        return None
    return stated_date(when[match.end() :], report_date)


def parse_day(value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` (or longer ISO) string as a date; ``None`` when it is not one."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def claim_date(when: str | None, report_date: date | None) -> date | None:
    """The date ``when`` states, read against the report's date; else the report's date."""
    return stated_date(when, report_date) or report_date


def stated_date(when: str | None, report_date: date | None) -> date | None:
    """The day a time expression names, or ``None`` when it names no single day."""
    if not when or SPAN_WORDS.match(when):
        return None
    lowered = " ".join(when.lower().split())
    if (absolute := parse_day(lowered)) is not None:
        return absolute
    if report_date is None:
        return _calendar_day(lowered, None)
    for phrase, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{phrase}\b", lowered):
            return report_date + timedelta(days=offset)
    for name, weekday in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", lowered):
            return report_date - timedelta(days=(report_date.weekday() - weekday) % 7)
    return _calendar_day(lowered, report_date)


def _calendar_day(lowered: str, report_date: date | None) -> date | None:
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        for match in pattern.finditer(lowered):
            month = MONTHS.get(match.group(month_group))
            if month is None:
                continue
            year = int(match.group(3)) if match.group(3) else None
            if year is None and report_date is None:
                return None
            try:
                day = date(year or report_date.year, month, int(match.group(day_group)))  # type: ignore[union-attr]
            except ValueError:
                return None
            if year is None and report_date is not None and day > report_date:
                day = day.replace(year=day.year - 1)
            return day
    return None
