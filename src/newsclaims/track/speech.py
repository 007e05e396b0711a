"""Reported speech as negotiation moves: which move a quote's words make, and whose.

A quote is a move when it names what is negotiated (a truce, a deal, hostages) and its
words or cue say which move (``data/negotiation.yaml``: ``quote_words``, ``cue_lemmas``),
made in its own clause (a noun told of, "a UN proposal", "this Israeli demand", makes
none). When the move's clause opens with another party ("Hamas said Israel refused the
offer") the move is that party's, reported by the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsclaims.extract.actors import resolve_name
from newsclaims.track.negotiation_tables import negotiation_data, words_pattern


@dataclass(frozen=True)
class MoveTables:
    """``data/negotiation.yaml``, loaded once."""

    event_codes: dict[str, str]
    quote_words: list[tuple[str, re.Pattern[str]]]  # (move, pattern), by precedence
    cue_lemmas: dict[str, str]
    topic: re.Pattern[str]
    topic_words: tuple[str, ...]
    negation: re.Pattern[str]
    referring: re.Pattern[str]
    handed_over: re.Pattern[str]
    opinion_url_parts: tuple[str, ...]
    opinion_headline_openings: tuple[str, ...]
    opinion_headline_words: re.Pattern[str]
    opinion_sign_offs: re.Pattern[str]


@cache
def move_tables() -> MoveTables:
    raw = negotiation_data()
    return MoveTables(
        event_codes={str(code): move for code, move in raw["event_codes"].items()},
        quote_words=[(move, words_pattern(words)) for move, words in raw["quote_words"].items()],
        cue_lemmas={lemma: move for move, lemmas in raw["cue_lemmas"].items() for lemma in lemmas},
        topic=words_pattern(raw["topic_words"]),
        topic_words=tuple(raw["topic_words"]),
        negation=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in raw["negations"]) + r")(?!\w)",
            re.IGNORECASE,
        ),
        referring=words_pattern(raw["referring_words"]),
        handed_over=words_pattern(raw["implementation_words"]),
        opinion_url_parts=tuple(raw["opinion_url_parts"]),
        opinion_headline_openings=tuple(raw["opinion_headline_openings"]),
        opinion_headline_words=words_pattern(raw["opinion_headline_words"]),
        opinion_sign_offs=words_pattern(raw["opinion_sign_offs"]),
    )


def is_opinion(url: str | None, headline: str | None, ending: str | None = None) -> bool:
    """Whether an article is opinion or analysis, by its URL's path, its headline, or
    the sign-off its text ends with (``ending``: "The views expressed in this article
    are the author's own").

    >>> is_opinion("https://example.com/opinions/2023/11/1/why", None)
    True
    >>> is_opinion("https://example.com/news/2023/11/1/talks", "Talks resume in Doha")
    False
    >>> is_opinion(None, "The price of a truce: a commentary on the talks")
    True
    >>> is_opinion(None, "Why the truce must hold; Jane Q. Writer")
    True
    >>> is_opinion(None, "Israel strikes Gaza camp; Says Hamas commander killed")
    False
    >>> is_opinion(None, "Truce now", "... The views expressed in this article are the author's own.")
    True
    """
    tables = move_tables()
    path = (url or "").casefold()
    opening = (headline or "").casefold().lstrip()
    return (
        any(part in path for part in tables.opinion_url_parts)
        or opening.startswith(tables.opinion_headline_openings)
        or bool(tables.opinion_headline_words.search(headline or ""))
        or _signed(headline)
        or bool(tables.opinion_sign_offs.search(ending or ""))
    )


# A headline signed by its writer ("...; Jane Writer", as press archives print a
# column's): a name of two or three words (an initial allowed) after the last semicolon.
_SIGNATURE = re.compile(
    r";\s*(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2})\s*$"
)


# Words a Title Case headline leaves in lower case ("Truce Holds in Gaza").
_TITLE_CASE_SMALL = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "over",
        "after",
        "amid",
    }
)


def _signed(headline: str | None) -> bool:
    """Whether a headline ends with its writer's name, no actor's or place's: the part
    before the semicolon is in sentence case, so that a capitalised part after it is a
    name, not a Title Case clause ("Hamas Frees Hostages; Families Rejoice").

    >>> _signed("Why the fighting must go on; Jane Writer")
    True
    >>> _signed("Hamas Frees Hostages; Families Rejoice"), _signed("Truce Holds in Gaza; Hostages Freed")
    (False, False)
    """
    found = _SIGNATURE.search(headline or "")
    if found is None:
        return False
    title = (headline or "")[: found.start()].split()[1:]
    if not any(w[:1].islower() and w.casefold() not in _TITLE_CASE_SMALL for w in title):
        return False  # a Title Case headline: what follows its semicolon is no signature
    return not any(resolve_name(word).code for word in [*found["name"].split(), found["name"]])


def quote_move(content: str, cue_lemma: str | None = None) -> str | None:
    """The move reported speech makes, if it is about a negotiation.

    >>> quote_move("it had accepted the ceasefire proposal")
    'acceptance'
    >>> quote_move("the group would not accept any deal that leaves troops in Gaza")
    'rejection'
    >>> quote_move("Israel has not agreed to the terms of the deal yet")
    >>> quote_move("it was a beautiful day"), quote_move("the truce holds", "propose")
    (None, 'proposal')
    """
    return quote_move_at(content, cue_lemma)[0]


def reported_party(content: str) -> str | None:
    """The party whose move reported speech tells, when its clause opens with one
    ("Israel had refused the truce offer" -> ``Israel``); ``None`` for the speaker's own.

    >>> reported_party("Israel had refused the truce offer"), reported_party("it had refused")
    ('Israel', None)
    >>> reported_party("the Israeli government rejected the truce proposal")
    'the Israeli government'
    >>> reported_party("Hamas will undoubtedly reject any truce plan")
    'Hamas'
    >>> reported_party("on Tuesday Israel rejected the truce proposal")
    'Israel'
    >>> reported_party("Israel’s war cabinet on Saturday night approved the truce terms")
    'Israel’s war cabinet'
    >>> reported_party("the ceasefire proposal was rejected by Israel")
    'Israel'
    >>> reported_party("nobody has accepted the truce"), reported_party("all hostages must go")
    (None, None)
    >>> reported_party("the war in Gaza must end, and a truce is not enough")
    >>> reported_party("talks were held in Paris, where Israel's delegation agreed to a deal")
    "Israel's delegation"
    >>> reported_party("the talks ended, Hamas has presented a new proposal to mediators")
    'Hamas'
    >>> reported_party("Blinken’s visit suggested a push for a truce deal")
    >>> reported_party("Israel’s government rejected the truce")
    'Israel’s government'
    """
    _, start = quote_move_at(content, None)
    if start is None:
        return None
    # The move's own clause: after the last clause boundary ("talks in Paris, where
    # Israel's delegation agreed"; "the round ended, Hamas has presented a proposal").
    clause = CLAUSE_BOUNDARY.split(content[:start])[-1]
    # "Hamas has presented a proposal": the maker is the presenting verb's subject.
    clause = _PRESENTING_END.sub(" ", clause)
    before = _TRAILING_TIME.sub(" ", _LEADING_TIME.sub("", clause))
    if _PASSIVE_END.search(before):  # "the proposal was rejected by Israel"
        agent = _AGENT_AFTER_MOVE.match(content[start:])
        return agent["party"] if agent else None
    match = _PARTY_BEFORE_MOVE.match(before)
    if match is None:
        return None
    words = match["party"].casefold().split()
    if words[-1] in _PRONOUNS or words[0] in _QUANTIFIERS or words[-1] in _QUANTIFIERS:
        return None  # "it", "nobody", "all hostages": no party named
    named = match["party"].split()
    first = named[1] if named[0].casefold() == "the" and len(named) > 1 else named[0]
    if not first[:1].isupper() and first.casefold() not in _PARTY_NOUNS:
        return None  # "the war in Gaza must end": a thing, no party
    if any(word in _PREPOSITIONS for word in words):
        return None
    if any(_POSSESSIVE_END.search(word) for word in words[:-1]) and words[-1] not in _PARTY_NOUNS:
        return None  # "Blinken's visit suggests": a thing of a party's, no party
    return match["party"]


def quote_move_at(content: str, cue_lemma: str | None) -> tuple[str | None, int | None]:
    """The move and where its word starts (``None``: from the cue, or no move)."""
    tables = move_tables()
    if not tables.topic.search(content):
        return None, None
    for move, pattern in tables.quote_words:
        # "a United Nations proposal ... is unhelpful", "called this a rejection": a move
        # told of, none made by the speaker.
        match = next((m for m in pattern.finditer(content) if _made_here(content, m)), None)
        if match:
            # The negation of the move itself: among the three words before it ("did not
            # accept", "would never agree to", "denied rejecting"), not anywhere ("no
            # doubt that X accepted").
            before = " ".join(content[: match.start()].split()[-3:])
            if tables.negation.search(before) and PENDING.search(before):
                return None, match.start()  # "has not agreed yet", "is yet to accept"
            found = negated_move(move) if tables.negation.search(before) else move
            return found, match.start()
    return tables.cue_lemmas.get(cue_lemma or ""), None


# A move named by a noun ("proposal", "rejection") is made in the clause only when the
# clause makes it: "our proposal", "Hamas presented a new plan"; "the proposal envisages
# a pause", "a UN proposal ... is unhelpful", "called this a rejection" tell of a move,
# they make none. Words that are nouns or verbs ("demands", "offer") are nouns after a
# determiner ("this Israeli demand"), and a participle after one is an adjective ("a
# proposed ceasefire"); one followed by "by" is its agent's ("a truce proposed by Egypt").
_MOVE_NOUNS = frozenset(
    {"proposal", "proposals", "plan", "framework", "rejection", "acceptance",
     "counter-proposal", "counterproposal", "counter proposal", "counter-offer",
     "counteroffer", "counter offer", "amended proposal", "amendments"}
)  # fmt: skip
_MAKING_IT = re.compile(
    r"\b(?:our|its|their|his|her|my|presented|submitted|sent|made|tabled|unveiled|"
    r"drafted|handed|delivered|put|gave|given|offered|announced)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A determiner, perhaps with a name's adjective ("this Israeli demand", "the US veto",
# "a proposed truce"), not a subject ("the group demands", "the mediators proposed").
_DETERMINER_BEFORE = re.compile(
    r"\b(?i:a|an|the|this|that|these|those|any|such|its|their)\s+(?:[A-Z][\w’'-]*\s+)?$"
)
_INFINITIVE_BEFORE = re.compile(r"(?P<decided>[\w’'-]+)\s+to\s+$")
# Verbs whose infinitive is the move made ("agreed to accept", "voted to approve").
_DECIDING = frozenset({"agreed", "agrees", "decided", "decides", "voted", "votes", "chose"})
_AGENT_AFTER = re.compile(r"^\s+by\b", re.IGNORECASE)


def _made_here(content: str, match: re.Match[str]) -> bool:
    before, after = content[: match.start()], content[match.end() :]
    word = match.group(0).casefold()
    if word in _MOVE_NOUNS:
        return bool(_MAKING_IT.search(before))
    if word.startswith("call") and not _calling_subject(before):
        return False  # "Calls for a ceasefire are calls to ...", "the deal calls for": no appeal
    infinitive = _INFINITIVE_BEFORE.search(before)
    if infinitive and infinitive["decided"].casefold() not in _DECIDING:
        return False  # "time to propose other options", "able to accept": not made
    if _AGENT_AFTER.match(after) and not _PASSIVE_END.search(before):
        return False  # "a truce proposed by Egypt" (but "was rejected by Israel": Israel's)
    if word.endswith("ed"):
        return not _DETERMINER_BEFORE.search(before)
    if word in _NOUN_OR_VERB:  # "it demands", "we offer"; not "unrealistic demands"
        return bool(SUBJECT_END.search(before)) and not _DETERMINER_BEFORE.search(before)
    return True


# Words that are a noun after a determiner ("this Israeli demand", "a proposed truce"),
# unlike "must" ("an issue that must be dealt with").
def _calling_subject(before: str) -> bool:
    """Whether "calls for" has a party or a pronoun for its subject ("Hamas calls for",
    "the group called for", "it calls for"), not a thing ("the deal calls for")."""
    if not before.strip() or _COPULA_BEFORE.search(before):
        return False
    last = before.split()[-1].casefold()
    return bool(SUBJECT_END.search(before)) or last in _PARTY_NOUNS


_NOUN_OR_VERB = frozenset({"demand", "demands", "offer", "offers", "veto", "plan"})
_COPULA_BEFORE = re.compile(r"\b(?:are|is|were|was|be|been)\s+(?:an?\s+)?$", re.IGNORECASE)


# A clause opening with a named party (capitalised, or "the" + words ending in one) and
# at most an auxiliary before the move word.
_PARTY_BEFORE_MOVE = re.compile(
    r"^\s*(?:that\s+)?(?P<party>(?:the\s+)?(?:[a-z]+\s+){0,2}?[A-Z][\w'’.-]*"
    r"(?:\s+[A-Za-z][\w'’.-]*){0,3}?)\s+"
    r"(?:(?:has|had|have|would|will|could|did|does|do|was|is|had\s+not|has\s+not|not|"
    r"also|still|again|now|\w+ly)\s+)*$"
)
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that"})
# Nouns that name a party without a name ("the government rejected ..."); prepositions
# inside a "party" make it a thing ("the war in Gaza").
_PARTY_NOUNS = frozenset(
    {"government", "cabinet", "group", "movement", "army", "military", "mediators",
     "negotiators", "delegation", "administration", "leadership", "authorities", "officials",
     "side", "sides", "militants", "faction", "factions", "regime", "ministry", "presidency"}
)  # fmt: skip
_POSSESSIVE_END = re.compile(r"['’]s?$")
_PRESENTING_END = re.compile(
    r"\s(?:presented|submitted|sent|made|tabled|unveiled|drafted|handed|delivered|put|"
    r"offered|announced)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
CLAUSE_BOUNDARY = re.compile(
    r"(?:[,;:]\s+|\s|^)(?:that|where|after|when|while|because|since|but)\s|[,;:]\s+",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset({"in", "of", "on", "for", "to", "with", "from", "about", "at"})
_QUANTIFIERS = frozenset(
    {"all", "no", "nobody", "none", "noone", "everyone", "everybody", "some", "many", "few",
     "both", "neither", "either", "any", "each", "every", "most", "several"}
)  # fmt: skip
# A time between the party and its verb ("Israel's war cabinet on Saturday night
# approved"): no part of the party.
_TRAILING_TIME = re.compile(
    r"\s(?:on|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?\s*$|\s(?:last|this)\s+(?:week|month|night)\s*$",
    re.IGNORECASE,
)
_LEADING_TIME = re.compile(
    r"^\s*(?:(?:on|by|late|early|earlier|later)\s+)*(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|today|tonight|this\s+week|last\s+week|earlier|"
    r"later|then)\b[\s,]*",
    re.IGNORECASE,
)
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_AGENT_AFTER_MOVE = re.compile(
    r"^\S+\s+(?:\S+\s+){0,3}?by\s+(?P<party>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)


# A negated move still pending ("has not agreed", "is yet to accept") refuses nothing;
# a refusal is told in the simple tenses or with a modal ("did not accept", "would not
# agree", "does not accept").
PENDING = re.compile(r"\b(?:has|have|had)(?:\s+not|n['’]t)\b|\byet\b", re.IGNORECASE)


def negated_move(move: str) -> str | None:
    """Not accepting or not agreeing is rejecting; a negated other move is none."""
    return "rejection" if move in ("acceptance", "agreement") else None


# A subject right before a verb: a name, a pronoun or an auxiliary ("Hamas calls for").
SUBJECT_END = re.compile(
    r"(?:\b[A-Z][\w’'.-]*|\b(?i:it|he|she|they|we|also|has|have|had|who|which|that))\s*$"
)
