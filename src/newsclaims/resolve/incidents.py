"""Counts of one attack by an armed group: "1,400 people killed in the Hamas attack".

An armed group's attack told in the singular ("the Hamas attack", "Hezbollah's assault",
"when Hamas attacked Israel, killing 1,200") is one attack on one day, however long ago;
its dead are that incident's count, not a running toll, unless the sentence counts on
from it ("since the Hamas attack", "has killed"). The armed groups are the registry's
(``kind: armed group`` in ``data/sources.yaml``); the attack words are below.

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

from newsclaims.resolve.sources import _sources_data

# The nouns and verbs of one armed attack (not "attacks", a series).
ATTACK_NOUNS = ("attack", "assault", "incursion", "rampage", "raid", "massacre", "infiltration")
ATTACK_VERBS = ("attacked", "stormed", "raided", "invaded", "infiltrated", "struck")
KILLING_WORDS = r"(?:killed|killing|dead|died|slain|murdered|left)"
# A count that runs on from the attack: not the attack's own.
_RUNNING = re.compile(
    r"\bsince\b|\b(?:has|have)\s+(?:now\s+)?(?:been\s+)?(?:killed|died)\b|\b(?:so|thus) far\b",
    re.IGNORECASE,
)


def group_attack_count(sentence: str | None, start: int, end: int) -> bool:
    """Whether the count at ``start``-``end`` of ``sentence`` is the dead of one armed
    group's attack (see the module's examples)."""
    if not sentence:
        return False
    before, after = sentence[:start], sentence[end:]
    clause_after = re.split(r"[;.]|,\s+(?:and|but|while)\b", after, maxsplit=1)[0]
    clause_before = re.split(r"[,;:]", before)[-1]
    if _RUNNING.search(clause_after) or _RUNNING.search(clause_before):
        return False
    return bool(_killed_in_attack().match(clause_after) or _attack_killing().search(before))


@cache
def _groups() -> str:
    names = [
        str(name)
        for entry in _sources_data()["institutions"]
        if entry.get("kind") == "armed group"
        for name in entry["names"]
    ]
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@cache
def _killed_in_attack() -> re.Pattern[str]:
    """After the count: "... killed in the Hamas attack", "killed during Hamas's raid"."""
    nouns = "|".join(ATTACK_NOUNS)
    return re.compile(
        rf"^[^,;]{{0,40}}?\b{KILLING_WORDS}\s+(?:by\s+(?:{_groups()})\s+)?(?:in|during)\s+"
        rf"(?:the\s+|a\s+|its\s+)?(?:(?:{_groups()})(?:['’]s)?(?:-led)?\s+)"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b(?!s)",
        re.IGNORECASE,
    )


@cache
def _attack_killing() -> re.Pattern[str]:
    """Before the count: "Hamas attacked Israel, killing", "Hamas's assault killed"."""
    nouns = "|".join(ATTACK_NOUNS)
    verbs = "|".join(ATTACK_VERBS)
    return re.compile(
        rf"\b(?:{_groups()})(?:['’]s)?(?:-led)?\s+(?:(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b(?!s)"
        rf"|(?:fighters\s+|militants\s+|gunmen\s+)?(?:{verbs})\b)"
        rf"[^.;]{{0,60}}?\b{KILLING_WORDS}\s+(?:[\w-]+\s+){{0,3}}?$",
        re.IGNORECASE,
    )
