"""Counts of one incident that extraction reads as a toll: one armed group's attack, one
family's dead, one site's intake of the dead.

An armed group's attack told in the singular ("the Hamas attack", "Hezbollah's assault",
"when Hamas attacked Israel, killing 1,200") is one attack on one day, however long ago;
its dead are that incident's count, not a running toll, unless the sentence counts on
from it ("since the Hamas attack", "has killed"). So are one family's dead ("10 members of
one family") and the dead one site received ("the bodies of 31 people were taken to the
hospital"). The armed groups are the registry's (``kind: armed group`` in
``data/sources.yaml``); the words are ``data/figures.yaml``'s.

>>> def scope(sentence, number):
...     start = sentence.index(number)
...     return group_attack_count(sentence, start, start + len(number))
>>> scope("Most of the 1,400 people killed in the Hamas attack were civilians.", "1,400")
True
>>> scope("Hamas attacked Israel on October 7, killing about 1,200 people.", "about 1,200")
True
>>> scope("Children were killed after Hamas attacked Israel, killing 1,200 people, and "
...       "Israel began its bombardment.", "1,200")
True
>>> scope("3,500 children have been killed since October 7, when Hamas attacked Israel, "
...       "killing 1,400 people.", "1,400")
True
>>> scope("Hamas's attack killed 1,200 people and Israel's response has killed 20,000.",
...       "20,000")
False
>>> scope("Hezbollah's cross-border assault killed three soldiers.", "three")
True
>>> scope("Since the Hamas attack, 11,000 people have been killed in Gaza.", "11,000")
False
>>> scope("Israel's attack on Gaza has killed 20,000 people.", "20,000")
False
>>> scope("Hamas attacks have killed 30 people this year.", "30")
False
"""

from __future__ import annotations

import re
from functools import cache

from newsclaims.extract.figure_lexicon import figures_data, word_alternatives
from newsclaims.resolve.dates import without_comparisons
from newsclaims.resolve.sources import sources_data

KILLING_WORDS = r"(?:killed|killing|dead|died|slain|murdered|left)"
# A count that runs on from the attack: not the attack's own.
_RUNNING = re.compile(
    r"\bsince\b|\b(?:has|have)\s+(?:now\s+)?(?:been\s+)?(?:killed|died)\b|\b(?:so|thus) far\b",
    re.IGNORECASE,
)


def incident_count(sentence: str | None, start: int, end: int) -> bool:
    """Whether the count at ``start``-``end`` of ``sentence`` is one incident's: one armed
    group's attack, one family's dead, one site's intake.

    >>> def scope(sentence, number):
    ...     start = sentence.index(number)
    ...     return incident_count(sentence, start, start + len(number))
    >>> scope("A strike on a house killed 10 members of one family.", "10")
    True
    >>> scope("Seven people from the same family were killed overnight.", "Seven")
    True
    >>> scope("The bodies of 31 people were brought to the hospital in Rafah.", "31")
    True
    >>> scope("Medics said 45 bodies arrived at al-Aqsa hospital overnight.", "45")
    True
    >>> scope("Crews have gathered and handled the bodies of more than 900 people.", "900")
    True
    >>> scope("Two separate shootings in the city killed 11 people.", "11")
    True
    >>> scope("More than 20,000 people have been killed, including whole families.", "20,000")
    False
    """
    if not sentence:
        return False
    after = sentence[end:]
    if group_attack_count(sentence, start, end):
        return True
    # A count whose clause runs on ("since the war began", "have killed") is no incident's;
    # the counted attacks' own "since" ("attacks since March killed 14") comes before it.
    if _RUNNING.search(clause(after)):
        return False
    if _counted_attacks().search(sentence[:start][-120:]):
        return True
    if _RUNNING.search(re.split(r"[,;:]", sentence[:start])[-1]):
        return False
    return (
        bool(_one_family().match(after))
        or bool(_site_intake().search(clause(after)) and _as_bodies(sentence, start, end))
        or bool(_handled_bodies().search(sentence[:start][-90:]))
    )


@cache
def _counted_attacks() -> re.Pattern[str]:
    """Before the count: "three other attacks since March killed", "two strikes on the
    camp killed": the dead of a stated number of incidents, their sum."""
    numbers = "|".join(_COUNT_WORDS)
    return re.compile(
        rf"\b(?:{numbers}|\d{{1,2}})\s+(?:[\w-]+\s+){{0,2}}?(?:{_words('counted_incident_nouns')})"
        rf"\b[^.;:]{{0,70}}?\b{KILLING_WORDS}\s+(?:[\w-]+\s+){{0,2}}$",
        re.IGNORECASE,
    )


_COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@cache
def _handled_bodies() -> re.Pattern[str]:
    """Before the count: "volunteers gathered and handled the bodies of", "buried the
    remains of": the dead a group's own work handled."""
    verbs = _words("body_handling_verbs")
    return re.compile(
        rf"\b(?:{verbs})\s+(?:[\w-]+\s+){{0,3}}?(?:the\s+)?(?:bodies|corpses|remains)\s+of\s+"
        rf"(?:[\w-]+\s+){{0,2}}$",
        re.IGNORECASE,
    )


# The words of a count that runs on ("since", "so far", "the toll"): a local count with
# one of them is that place's running toll.
_RUNS_ON = re.compile(
    r"\b(?:since|so\s+far|thus\s+far|to\s+date|toll|tally|total|overall|altogether|"
    r"cumulative|this\s+year)\b",
    re.IGNORECASE,
)


# "since Tuesday", "since dawn": a stretch of the last few days, one raid's or one
# episode's, not the start of a running toll.
_RECENT_SINCE = re.compile(
    r"\bsince\s+(?:(?:early|late|last)\s+(?:on\s+)?)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|dawn|daybreak|this\s+morning|last\s+night)\b",
    re.IGNORECASE,
)


# A count over a stated stretch of time ("in the same period", "in a week") is a
# period's, whatever its size.
_PERIOD = re.compile(r"\b(?:period|weeks?|months?|days)\b", re.IGNORECASE)
# Below this, an exact count of a whole territory or country is one raid's, one
# strike's or one day's ("Israeli forces killed two Palestinians in the West Bank")
# unless its sentence says it runs on: a running toll of a territory is rarely so small,
# and one still rising is told as "at least 13" (on the labelled toll samples, exact
# counts below it with nothing running on: 1 right, 6 wrong; "at least": 3 right).
SMALL_COUNT = 20


def local_count(sentence: str | None, broad_place: bool, exact: float | None = None) -> bool:
    """Whether a count is a local count of one raid, one strike or one day: placed in a
    city, camp, village or part of a territory (not ``broad_place``: a territory or a
    country), or an ``exact`` count (its number; ``None`` for a hedged one) below
    ``SMALL_COUNT`` in a broad place, with no stretch of time; and its sentence says
    nothing of a count that runs on.

    >>> local_count("Three people were killed in Jenin, medics said.", broad_place=False)
    True
    >>> local_count("In Jenin, 40 people have been killed since January.", broad_place=False)
    False
    >>> local_count("Three people were killed in Gaza, medics said.", True, 3)
    True
    >>> local_count("300 people were killed in Gaza, medics said.", True, 300)
    False
    >>> local_count("Eleven were killed in Israel in a week.", True, 11)
    False
    >>> local_count("Six have been killed in the camp since Monday.", broad_place=False)
    True
    >>> local_count("Nine were killed in Nablus, the highest toll since 2005.", False)
    True
    """
    if not sentence:
        return False
    sentence = without_comparisons(sentence)
    if not broad_place:
        # "killed in the camp since Tuesday": one raid's days, not the camp's toll.
        sentence = _RECENT_SINCE.sub(" ", sentence)
    if _RUNS_ON.search(sentence):
        return False
    if not broad_place:
        return True
    return exact is not None and exact < SMALL_COUNT and not _PERIOD.search(sentence)


def group_attack_count(sentence: str | None, start: int, end: int) -> bool:
    """Whether the count at ``start``-``end`` of ``sentence`` is the dead of one armed
    group's attack (see the module's examples)."""
    if not sentence:
        return False
    before, after = sentence[:start], sentence[end:]
    clause_after = clause(after)
    clause_before = re.split(r"[,;:]", before)[-1]
    if _RUNNING.search(clause_after) or _RUNNING.search(clause_before):
        return False
    if _killed_in_attack().match(clause_after):
        return True
    attack = _attack_killing().search(before)
    return bool(attack and not _RUNNING.search(attack.group()))


@cache
def _groups() -> str:
    names = [
        str(name)
        for entry in sources_data()["institutions"]
        if entry.get("kind") == "armed group"
        for name in entry["names"]
    ]
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@cache
def _killed_in_attack() -> re.Pattern[str]:
    """After the count: "... killed in the Hamas attack", "killed during Hamas's raid"."""
    nouns = _words("group_attack_nouns")
    return re.compile(
        rf"^[^,;]{{0,40}}?\b{KILLING_WORDS}\s+(?:by\s+(?:{_groups()})\s+)?(?:in|during)\s+"
        rf"(?:the\s+|a\s+|its\s+)?(?:(?:{_groups()})(?:['’]s)?(?:-led)?\s+)"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b(?!s)",
        re.IGNORECASE,
    )


@cache
def _attack_killing() -> re.Pattern[str]:
    """Before the count: "Hamas attacked Israel, killing", "Hamas's assault killed"."""
    nouns, verbs = _words("group_attack_nouns"), _words("group_attack_verbs")
    return re.compile(
        rf"\b(?:{_groups()})(?:['’]s)?(?:-led)?\s+(?:(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b(?!s)"
        rf"|(?:fighters\s+|militants\s+|gunmen\s+)?(?:{verbs})\b)"
        rf"[^.;,]{{0,60}}?(?:,\s+)?\b{KILLING_WORDS}\s+(?:[\w-]+\s+){{0,3}}?$",
        re.IGNORECASE,
    )


# "the bodies of 31 people", "31 bodies": a count of the dead as bodies.
_BODIES = re.compile(r"\b(?:bodies|corpses|remains)\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)


def _as_bodies(sentence: str, start: int, end: int) -> bool:
    """Whether the count counts bodies: "the bodies of 31 people", "31 bodies"."""
    return bool(_BODIES.search(sentence[:start][-40:]) or _BODY_NOUN.match(sentence, end))


_BODY_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?(?:bodies|corpses)\b", re.IGNORECASE)


def clause(after: str) -> str:
    """The words after a count up to the end of its clause."""
    return re.split(r"[;.]|,\s+(?:and|but|while)\b", after, maxsplit=1)[0]


@cache
def _one_family() -> re.Pattern[str]:
    """Right after the count: "members of one family", "people from the same family"."""
    ones, nouns = _words("one_family_words"), _words("family_nouns")
    return re.compile(
        rf"^\s+(?:[\w-]+\s+){{0,2}}?(?:of|from)\s+(?:{ones})\s+(?:[\w-]+\s+)?(?:{nouns})\b",
        re.IGNORECASE,
    )


@cache
def _site_intake() -> re.Pattern[str]:
    """After a count of bodies: "... were taken to the hospital", "arrived at a morgue"."""
    verbs, sites = _words("intake_verbs"), _words("site_nouns")
    return re.compile(
        rf"\b(?:{verbs})\s+(?:to|at|into)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){{0,4}}?"
        rf"(?:{sites}|morgue|mortuary)\b",
        re.IGNORECASE,
    )


def _words(key: str) -> str:
    """A word list of ``data/figures.yaml`` as regex alternatives, longest first."""
    return word_alternatives(figures_data()[key])
