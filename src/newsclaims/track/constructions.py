"""Constructions that tell no move of a negotiation, whatever an event's code says.

A stance is no offer: being "willing to be flexible" proposes nothing, and sending a
delegation to talks attends them. An appeal for an appeal ("urged UN officials to call
for a ceasefire") asks no side for anything. A standing refusal of talks ("has ruled out
peace talks", "refused to negotiate with Hamas") and a denied permission ("refused to
allow it to airdrop aid") answer no one's proposal. A move told inside an opening
"with" phrase ("With Israel unwilling to sign a deal, ...") is the writer's setting of
the scene, and one told as done "before the deal" in the past perfect is its lead-up.
Aid let through is a deal carried out only when the sentence names the deal. An idea
refused that no one put, of no negotiated thing ("the idea of foreign peacekeepers"), is
a stance; a deal whose stated content is no term of a conflict ("a deal to form a new
government") is another deal. The Palestinian Authority's calls about Gaza to no side
are a third party's (``outside_the_talks`` in ``data/negotiation.yaml``), and a modal
binding the speaker's own side ("we must") is resolve, no demand. Two parties agreeing
together may be told across a sentence split before "and", or by "they".

>>> no_move("proposal", "Hamas ", "was willing", " to be flexible on a deal.")
True
>>> no_move("rejection", "Bennett ", "has ruled out", " peace talks.")
True
>>> no_move("rejection", "Israel ", "rejected", " the Hamas proposal for talks.")
False
"""

from __future__ import annotations

import re
from functools import cache

from newsclaims.track.move_text import joint_parties
from newsclaims.track.negotiation_tables import negotiation_data, words_pattern
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
    if move == "agreement" and _other_deal(told):
        return True  # "a deal to form a new government": no term of a conflict
    if move == "rejection":
        return _refuses_talks_or_leave(span, after) or _unowned_idea(span, after)
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


# An idea or prospect refused: a move only when someone put it ("Biden's idea", "the idea
# put forward by Egypt") or it is itself a negotiated thing ("the idea of a temporary
# truce"); "rejected the idea of foreign peacekeepers" is a stance.
_IDEA = re.compile(
    r"\b(?P<owner>[\w'’]+\s+)?(?:idea|prospect|notion|possibility)\s+of\s+"
    r"(?P<what>(?:[\w'’“”\"-]+\s*){1,3})",
    re.IGNORECASE,
)
_OWNED = re.compile(r"['’]s?\s*$|^(?:his|her|their|its|our|your)\s*$", re.IGNORECASE)
_PUT_BY = re.compile(
    r"\b(?:put\s+forward|floated|raised|suggested|proposed|from|by)\b", re.IGNORECASE
)

# An appositive naming the idea as someone's move ("..., a suggestion from Biden").
_APPOSED = re.compile(
    r"^\s*(?:an?|the|one)\s+(?:\w+\s+)?(?:suggestion|proposal|plan|idea|offer|demand|"
    r"initiative)\b",
    re.IGNORECASE,
)


def _unowned_idea(span: str, after: str) -> bool:
    """Whether a refusal refuses an idea no one is told to have put, of no negotiated
    thing ("has rejected the idea of foreign peacekeepers")."""
    told = " ".join(f"{span} {after[: REACH * 2]}".split())
    found = _IDEA.search(told)
    if found is None or (found["owner"] and _OWNED.search(found["owner"])):
        return False
    if move_tables().topic.search(found["what"]):
        return False  # "the idea of a temporary truce": a negotiated thing
    clause, *more = re.split(r"[,;]", told[found.end() :])
    if more and _APPOSED.match(more[0]):
        return False  # "the prospect of ..., a suggestion from Biden": someone's
    return not _PUT_BY.search(clause)


@cache
def _outside() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    raw = negotiation_data()
    return [
        (words_pattern(entry["names"]), words_pattern(entry["talks_words"]))
        for entry in raw["outside_the_talks"]
    ]


def outside_the_talks(move: str, written: str | None, counterpart: str | None, text: str) -> bool:
    """Whether a demand addressed to no side is made by an actor that sits at no table of
    the talks its sentence names (``text``: "Abbas called for a ceasefire in Gaza").

    >>> outside_the_talks("demand", "Mahmoud Abbas", None, "Abbas called for a truce in Gaza.")
    True
    >>> outside_the_talks("demand", "Hamas", None, "Hamas called for a truce in Gaza.")
    False
    """
    if move != "demand" or counterpart is not None or not written:
        return False
    return any(names.search(written) and talks.search(text) for names, talks in _outside())


# A speaker's own side bound by a modal ("we must", "must be matched by his group's
# willingness"): its resolve, nothing asked of another party.
_OWN_OBLIGATION = re.compile(
    r"\b(?:we|I)\s+(?:\w+\s+)?(?:must|should|have\s+to|need\s+to)\b|"
    r"\b(?:must|should)\s+be\s+\w+\s+by\s+(?:us|our|his\s+group|her\s+group|"
    r"(?:his|her|their|its)\s+(?:own|group|movement|party)|the\s+group['’]s)",
    re.IGNORECASE,
)


def own_resolve(content: str) -> bool:
    """Whether a modal demand in reported speech binds the speaker's own side.

    >>> own_resolve("any flexibility must be matched by his group's resolve in Gaza")
    True
    >>> own_resolve("Israel must end its raids on Gaza")
    False
    >>> own_resolve("Israel must stop, and I think we should push for a deal")
    False
    """
    modal = _MODAL.search(content)
    if modal is None:
        return bool(_OWN_OBLIGATION.search(content))
    # Only the clause that holds the first modal, the one coded as a demand.
    start = max((m.end() for m in _CLAUSE_END.finditer(content, 0, modal.start())), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(content, modal.end())), len(content))
    return bool(_OWN_OBLIGATION.search(content[start:end]))


_MODAL = re.compile(r"\b(?:must|should|have\s+to|has\s+to|needs?\s+to)\b", re.IGNORECASE)
# Where one clause of reported speech ends and the next begins.
_CLAUSE_END = re.compile(r"[;:]|,\s*(?=(?:and|but|while|whereas|yet|so)\b)|\s(?:but|while)\s")


# A deal's stated content ("an agreement in principle under which ...", "a deal to form a
# new government"): a conflict's deal names one of its terms there.
_DEAL_CONTENT = re.compile(
    r"\b(?:deal|agreement|accord)\s+(?:in\s+principle\s+)?"
    r"(?P<content>(?:under\s+which|whereby|to|that\s+would)\s+.{0,80})",
    re.IGNORECASE,
)
_CONFLICT_TERMS = re.compile(
    r"\b(?:truce|ceasefire|cease-fire|pause|captives?|hostages?|prisoners?|detainees?|"
    r"releas\w*|free\w*|exchange|swap|aid|humanitarian|fighting|hostilities|withdraw\w*|"
    r"war|attacks?|troops|border|crossings?|calm|de-escalat\w*|negotiat\w*|talks|"
    r"civilians|evacuat\w*|wounded)\b",
    re.IGNORECASE,
)


def _other_deal(told: str) -> bool:
    """Whether an agreement's words state its content and that content is no term of a
    conflict ("reached a deal to form a new government").

    >>> _other_deal("had reached a deal to form a new government")
    True
    >>> _other_deal("reached an agreement to allow aid payments to Gaza families")
    False
    >>> _other_deal("agreed to a ceasefire")
    False
    """
    found = _DEAL_CONTENT.search(told)
    return found is not None and not _CONFLICT_TERMS.search(found["content"])
