"""Constructions that tell no move of a negotiation, whatever an event's code says.

A stance is no offer: being "willing to be flexible" proposes nothing, and sending a
delegation to talks attends them. An appeal for an appeal ("urged UN officials to call
for a ceasefire") asks no side for anything. A standing refusal of talks ("has ruled out
peace talks", "refused to negotiate with Hamas") and a denied permission ("refused to
allow it to airdrop aid") answer no one's proposal. A move told inside an opening
"with" phrase ("With Israel unwilling to sign a deal, ...") is the writer's setting of
the scene, and one told as done "before the deal" in the past perfect is its lead-up.
Aid let through is a deal carried out only when the sentence names the deal.

>>> no_move("proposal", "Hamas ", "was willing", " to be flexible on a deal.")
True
>>> no_move("rejection", "Bennett ", "has ruled out", " peace talks.")
True
>>> no_move("rejection", "Israel ", "rejected", " the Hamas proposal for talks.")
False
"""

from __future__ import annotations

import re

from newsclaims.track.move_text import joint_parties
from newsclaims.track.speech import move_tables

# A willingness of manner, not of a thing offered ("ready to show flexibility").
_MANNER = re.compile(
    r"\b(?:willing|ready|prepared|open)\s+to\s+(?:be|show|remain|demonstrate|display)\s+"
    r"(?:some\s+|more\s+|great(?:er)?\s+|a\s+degree\s+of\s+)?"
    r"(?:flexib\w*|pragmati\w*|positiv\w*|constructiv\w*|serious\w*|open\w*|"
    r"generos\w*|patien\w*)",
    re.IGNORECASE,
)
# Sending people to talks attends them ("would send a delegation to Qatar").
_SENDING = re.compile(
    r"\b(?:send|sends|sent|sending|dispatch\w*)\s+(?:a\s+|an\s+|its\s+|their\s+|the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}(?:delegation|team|negotiators|envoys?|officials|representatives)\b",
    re.IGNORECASE,
)
# Asking someone to ask ("urged Griffiths and others to call for a ceasefire").
_APPEAL_FOR_APPEAL = re.compile(
    r"\bto\s+(?:call|push|press|lobby|advocate|appeal|campaign)\s+for\b|\bto\s+(?:demand|urge)\b",
    re.IGNORECASE,
)
# A refusal of talks themselves, not of anything put in them.
_TALKS_REFUSED = re.compile(
    r"\b(?:reject\w*|refus\w*|rul(?:e|ed|es|ing)\s+out|dismiss\w*|unwilling)\s+(?:\w+ly\s+)?"
    r"(?:to\s+(?:negotiate|talk|hold\s+talks|engage\s+in\s+talks)\b|"
    r"(?:any\s+|all\s+|the\s+)?(?:direct\s+|peace\s+|further\s+|new\s+)?"
    r"(?:talks|negotiations)\b(?!\s+(?:proposals?|offers?|plans?|framework|terms|deal)\b))",
    re.IGNORECASE,
)
# A permission denied ("refused to allow it to airdrop aid").
_PERMISSION_DENIED = re.compile(
    r"\b(?:refus\w*|declin\w*)\s+to\s+(?:allow|let|permit)\b", re.IGNORECASE
)
# An opening absolute phrase ("With Israel unwilling to sign a deal at any price, ...").
_WITH_OPENING = re.compile(r"^\s*with\s+[^,;:]*$", re.IGNORECASE | re.DOTALL)
# A release told in the past perfect before the deal it led up to.
_LEAD_UP = re.compile(
    r"\b(?:before|ahead\s+of|prior\s+to|in\s+the\s+run-up\s+to)\s+the\s+"
    r"(?:deal|truce|agreement|ceasefire|cease-fire)\b",
    re.IGNORECASE,
)
_PLUPERFECT = re.compile(r"\bhad\s+(?:already\s+|also\s+)?\w+(?:ed|en|t)\b", re.IGNORECASE)
# What aid let through names; a release of people is a deal's on its own.
_RELIEF = re.compile(
    r"\b(?:aid|trucks?|convoys?|fuel|food|medicine|supplies|blockade|crossings?|"
    r"restrictions)\b",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"\b(?:hostages?|captives?|prisoners?|detainees?|Palestinians|Israelis|people|women|"
    r"children|civilians|nationals|citizens|soldiers|bodies)\b",
    re.IGNORECASE,
)
REACH = 60  # characters after a span that tell what it does


def no_move(move: str, before: str, span: str, after: str, sentence: str = "") -> bool:
    """Whether a move (its type, and its span with the sentence's text before and after
    it) is, by its construction, no move in a negotiation."""
    told = " ".join(f"{span} {after[:REACH]}".split())
    if _WITH_OPENING.match(before) and before.strip():
        return True  # "With Israel unwilling to sign a deal, ...": the scene, no move
    if move in ("proposal", "concession", "counter_proposal") and (
        _MANNER.search(told) or _SENDING.search(told)
    ):
        return True
    if move == "demand" and _APPEAL_FOR_APPEAL.search(told):
        return True
    if move == "rejection":
        return _refuses_talks_or_leave(span, after)
    if move == "implementation":
        whole = sentence or f"{before}{span}{after}"
        if _LEAD_UP.search(before) and _PLUPERFECT.search(span):
            return True  # "In the days before the deal, Hamas had released four captives"
        if _RELIEF.search(told) and not _PEOPLE.search(told):
            return not move_tables().topic.search(whole)  # "allowed aid trucks in"
    return False


def _refuses_talks_or_leave(span: str, after: str) -> bool:
    """Whether a refusal refuses talks themselves, or a permission (leave) to act."""
    told = " ".join(f"{span} {after[:REACH]}".split())
    if _TALKS_REFUSED.search(told):
        return True  # "has rejected talks with the Palestinian leadership"
    found = _PERMISSION_DENIED.search(told)
    return found is not None and not move_tables().topic.search(told[found.end() :])


_THEY = re.compile(r"\bthey\s+(?:have\s+|had\s+|both\s+|have\s+both\s+)?$", re.IGNORECASE)
_OPENING_WORDS = 8  # words of a sentence's opening that may hold its coordinated subject


def joined_subject(before: str, preceding: str) -> str:
    """The words before an agreement verb that may end in its coordinated subject: a
    sentence split before its subject's "and" (after a headline line) takes back the
    fragment it was split from; "they" stands for the sentence's opening pair ("Hamas
    and Israel ... after they agreed").

    >>> joined_subject("and Palestinian armed groups have ", "Mapping Gaza\\n\\nIsrael ")
    'Israel and Palestinian armed groups have '
    >>> joined_subject("Hamas and Israel said they ", "")
    'Hamas and Israel'
    """
    if before.startswith("and "):
        fragment = re.split(r"[.!?]\s+|\n", preceding.rstrip())[-1].strip()
        return f"{fragment} {before}" if fragment else before
    if _THEY.search(before):
        words = before.split()
        for count in range(3, min(_OPENING_WORDS, len(words)) + 1):
            opening = " ".join(words[:count])
            if joint_parties(f"{opening} ") is not None:
                return opening
    return before
