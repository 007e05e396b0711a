"""What a refusal refuses: a rejection is a move in a negotiation only when it answers
a party's or a mediator's move.

Rejecting a side's or a mediator's proposal, offer, plan, deal, terms or demand
("rejected Hamas's proposal", "dismissed US suggestions for a pause", "rejected calls
from Qatar") answers a move. Rejecting or dismissing third parties' calls, appeals,
pressure or dictates ("rejected growing calls for a ceasefire", "dismissed international
calls for a pause", "rejects international dictates", "calling for a ceasefire,
something Israel rejected") answers no party: it is no move. Nor is a stance against a
thing no one has put ("opposes a ceasefire", "opposes a Palestinian state"): opposing
is a move only when what is opposed is a proposal, plan, offer, idea, deal or terms.
"""

from __future__ import annotations

import re

from newsclaims.extract.actors import resolve_name, strip_article
from newsclaims.track.parties import party_code, party_tables

# The refusing verb; the last one in a span is the one whose object is read.
_REFUSING = re.compile(
    r"\b(?:reject\w*|refus\w*|dismiss\w*|rebuff\w*|spurn\w*|rul(?:e|ed|es|ing)\s+out|"
    r"turn(?:ed|s|ing)?\s+down|oppos(?:e|es|ed|ing)|"
    # a refusal told as a negated acceptance: "will not accept calls for a truce"
    r"accept(?:s|ed|ing)?|agree(?:s|d)?\s+to)\b",
    re.IGNORECASE,
)
_OPPOSING = re.compile(r"^oppos", re.IGNORECASE)
# Words that may stand between the verb and what it refuses ("rejected outright",
# "again rejected all growing calls").
_FILLERS = frozenset(
    {"outright", "again", "firmly", "flatly", "publicly", "repeatedly", "also", "so", "far",
     "all", "the", "any", "such", "those", "these", "growing", "mounting", "renewed",
     "repeated", "increasing", "fresh", "new", "latest", "recent", "further", "widespread",
     "a", "an", "its", "their", "his", "her", "of"}
)  # fmt: skip
# What third parties address to a side: calls, appeals, pressure, dictates.
_APPEALS = frozenset(
    {"call", "calls", "appeal", "appeals", "plea", "pleas", "pressure", "pressures",
     "dictate", "dictates", "urging", "urgings", "entreaties", "exhortations"}
)  # fmt: skip
# Anything asked of a side by the world at large is a third party's ("international
# demands"), whatever its noun.
_AT_LARGE = frozenset(
    {"international", "global", "world", "world's", "world’s", "worldwide", "foreign",
     "community", "community's", "community’s"}
)  # fmt: skip
# What a stance must oppose to be a move: a thing put by a party or a mediator.
_PUT = re.compile(
    r"\b(?:proposals?|plans?|offers?|deals?|terms|initiatives?|framework|drafts?|"
    r"agreements?|demands?|suggestions?|requests?|ideas?)\b",
    re.IGNORECASE,
)
# Someone's appeal, named right after it ("calls from Egypt", "calls for a pause by
# Washington"), not a name further on ("calls for a truce until hostages held by Hamas").
_FROM = re.compile(
    r"^\s*(?:for\s+(?:[\w'’-]+\s+){1,4}?)?(?:from|by)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
# An appeal told just before a refusal with no object of its own ("Belgium calling for
# a ceasefire, something Israel has rejected"; "calls ... have been dismissed").
_APPEAL_BEFORE = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+for|appeal(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|"
    r"pressure|dictates?)\b",
    re.IGNORECASE,
)
# A phrase that takes up the clause before it ("..., something Israel has rejected").
_RESUMING = re.compile(
    r"^\s*(?:something|which|a\s+(?:call|demand|plea|move|step|proposal|request)\b)",
    re.IGNORECASE,
)
# Refusing to make a move of one's own ("has refused to present proposals").
_TO_PROPOSE = re.compile(
    r"^\s*to\s+(?:make|present|put\s+forward|submit|offer|table|draw\s+up)\b", re.IGNORECASE
)
_WORD = re.compile(r"[\w'’-]+")
AHEAD = 80  # characters before a refusal without an object that may tell what it refuses


def refuses_no_move(before: str, span: str, after: str, text: str, *, first: bool = False) -> bool:
    """Whether a rejection (its span, with the sentence's text before and after it)
    refuses no party's or mediator's move: third parties' calls, or a thing opposed
    that no one put. ``text``: the sentence and headline, which name the conflict;
    ``first``: the span's first refusing verb is the move's (a quote's), not its last.

    >>> text = "Israel rejected calls for a ceasefire in Gaza."
    >>> refuses_no_move("", "Israel rejected calls", " for a ceasefire in Gaza.", text)
    True
    >>> refuses_no_move("", "Israel rejected Hamas's calls", " for a ceasefire in Gaza.", text)
    False
    >>> refuses_no_move("", "Israel rejected a Hamas proposal", " in Gaza.", text)
    False
    >>> refuses_no_move("", "Israel opposes a ceasefire", " in Gaza.", text)
    True
    >>> refuses_no_move("", "Hamas opposed the idea", " of a foreign force in Gaza.", text)
    False
    >>> refuses_no_move("", "Israel will not accept the international community's calls", "", text)
    True
    >>> belgium = "Belgium calling for a ceasefire in Gaza, something Israel"
    >>> refuses_no_move(belgium, "has rejected", ".", text)
    True
    >>> refuses_no_move("", "Hamas rejected Israel's proposal but accepted calls", " from Belgium", text)
    False
    """
    verbs = [v for v in _REFUSING.finditer(span) if _refuses(before, span, v)]
    if not verbs:
        return False
    verb = verbs[0] if first else verbs[-1]
    refused = f"{span[verb.end() :]} {after}"
    words = [word.casefold() for word in _WORD.findall(refused[:120])]
    if not words or not refused.strip()[:1].isalnum() or words[0] == "by":
        # Nothing after the verb: what it refuses comes before ("..., which Israel
        # rejected"; "this was dismissed by Netanyahu").
        return _appeal_ahead(before[-AHEAD:], text)
    if _TO_PROPOSE.match(refused):
        return True  # "refused to make proposals": its own move withheld, none refused
    if _OPPOSING.match(verb.group(0)) and not _PUT.search(" ".join(refused.split()[:6])):
        return True  # "opposes a ceasefire": a stance, no one's offer refused
    return _third_parties_appeal(refused, text)


# A negation that makes accepting or agreeing a refusal ("will not accept", "never
# agreed to"), within the three words before the verb.
_NEGATED = re.compile(
    r"\b(?:not|never|no\s+longer|n[o']t|won['’]t|cannot|refus\w*)\s+(?:[\w'’-]+\s+){0,2}$|"
    r"n['’]t\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _refuses(before: str, span: str, verb: re.Match[str]) -> bool:
    """Whether a refusing verb refuses: accepting or agreeing only where negated ("will
    not accept calls"), not "rejected the proposal but accepted calls from Egypt"."""
    if not verb.group(0).casefold().startswith(("accept", "agree")):
        return True
    told = f"{before[-40:]} {span[: verb.start()]}"
    return bool(_NEGATED.search(told[-40:]))


def _third_parties_appeal(refused: str, text: str) -> bool:
    """Whether what a refusal refuses (the words after its verb) is an appeal no party
    or mediator made: "growing calls for a ceasefire", "international dictates"."""
    owners: list[str] = []
    raw = refused.split()
    for index, word in enumerate(raw):
        folded = word.casefold().strip(",;:")
        if folded in _APPEALS or (
            owners and any(w.casefold() in _AT_LARGE for w in owners) and folded.endswith("s")
        ):
            if any(_party_or_mediator(owner, text) for owner in owners):
                return False  # "Hamas's calls", "US pressure": a party's move refused
            if folded not in _APPEALS:
                return True  # "international demands": the world's, not a party's
            named = _FROM.match(" ".join(raw[index + 1 :]))
            return not (named and _party_or_mediator(named["who"], text))
        if folded in _FILLERS:
            continue
        if folded in _AT_LARGE or word[:1].isupper():  # "US", "international community's"
            owners.append(word)
            continue
        return False  # "rejected the truce offer": something put, not an appeal
    return False


def _appeal_ahead(ahead: str, text: str) -> bool:
    """Whether the words before an object-less refusal tell a third party's appeal."""
    clauses = re.split(r"[,;:]|\.\s", ahead.rstrip(" ,"))
    clause = clauses[-1]
    if len(clauses) > 1 and _RESUMING.match(clause):
        clause = f"{clauses[-2]},{clause}"  # "calling for a ceasefire, something Israel"
    found = list(_APPEAL_BEFORE.finditer(clause))
    if not found:
        return False
    asking = clause[: found[-1].start()]
    names = re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", asking)
    return not any(_party_or_mediator(name, text) for name in names)


def _party_or_mediator(words: str, text: str) -> bool:
    """Whether words name a side or a mediator of a conflict ``text`` names, by its state,
    group or leader ("Hamas's", "US", "Biden's"); the UN, "Belgium", "international" do
    not, for talks on Gaza."""
    written = strip_article(words.strip(",;:"))
    party = party_code(resolve_name(written).code, written)  # "Gaza" is a place, no one
    return party is not None and any(
        party in conflict.sides | conflict.mediators and conflict.words.search(text)
        for conflict in party_tables().conflicts
    )
