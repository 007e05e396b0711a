"""What a move's wording says of it: who agreed together, whether a release was done,
whether the move is hedged, and whether its sentence tells history.

Read from the move's sentence and the words just before its move word, with the word
lists of ``data/negotiation.yaml``.

>>> joint_parties("Early on Friday, the Israeli cabinet and Hamas ")
('Israeli cabinet', 'Hamas')
>>> done("Hamas said it will not", "release the captives"), done("Hamas has", "freed 13 hostages")
(False, True)
>>> hedged("Tel Aviv would probably"), hedged("Israel has")
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from newsclaims.extract.actors import resolve_name
from newsclaims.resolve.dates import MONTHS, is_background, stated_date
from newsclaims.track.negotiation_tables import negotiation_data, words_pattern
from newsclaims.track.parties import party_code

# A day stated this many days before the report tells an earlier move, not news.
BACKGROUND_DAYS = 7


@dataclass(frozen=True)
class WordingTables:
    not_done: re.Pattern[str]
    agreement_verbs: frozenset[str]
    hedges: re.Pattern[str]
    background: re.Pattern[str]


@cache
def wording_tables() -> WordingTables:
    raw = negotiation_data()
    return WordingTables(
        not_done=words_pattern(raw["not_done_words"]),
        agreement_verbs=frozenset(str(verb).casefold() for verb in raw["agreement_verbs"]),
        hedges=words_pattern(raw["hedges"]),
        background=words_pattern(raw["background_words"]),
    )


# Words between a subject and its verb: auxiliaries, modals and adverbs ("had finally
# agreed", "would probably reject").
_AUXILIARIES = frozenset(
    {"has", "have", "had", "was", "were", "is", "are", "be", "been", "also", "now",
     "finally", "just", "already", "jointly", "both", "reportedly", "since", "then",
     "will", "would", "could", "can", "may", "might", "must", "should", "shall", "to",
     "not", "never", "probably", "possibly", "likely", "later", "again", "formally",
     "that", "which", "who", "still", "so", "far", "publicly", "flatly", "firmly"}
)  # fmt: skip
_WORD = re.compile(r"[\w'’.-]+")
# A condition or a time to come anywhere in the clause before a release: "will not release
# the captives until Israel ... releases prisoners".
_CONDITION = re.compile(r"\b(?:until|unless|if|once|whether|in exchange for|in return for)\b", re.I)
CONDITION_REACH = 80  # characters before the move word a condition reaches over


def last_words(text: str, count: int) -> list[str]:
    return _WORD.findall(text)[-count:] if count else []


def verb_of(span: str) -> str:
    """The first word of a move's span that is no auxiliary: its verb (lower case).

    >>> verb_of("had finally agreed to a truce"), verb_of("signed an agreement")
    ('agreed', 'signed')
    """
    for word in _WORD.findall(span):
        if word.casefold() not in _AUXILIARIES:
            return word.casefold()
    return ""


def done(before: str, span: str, release: bool = True) -> bool:
    """Whether a release (or any deal carried out) is told as done: no modal, ``to``,
    negation or wish among the two words before its verb, no condition in its clause,
    and a verb in the past ("freed", "has released"), not "releases" or "release"; a
    ``release`` pledged is none ("pledged to free"), an agreement to act is one ("agreed
    to extend the truce").

    >>> done("an agreement for the group", "to release some of the captives")
    False
    >>> done("until Israel ends its offensive, withdraws from Gaza and", "releases 300")
    False
    >>> done("Hamas", "pledged to free more captives")
    False
    >>> done("Israel and Hamas", "agreed to extend the truce", release=False)
    True
    """
    verb_at = span.casefold().find(verb_of(span))
    leading = span[: max(verb_at, 0)]
    near = " ".join(last_words(before, 2) + last_words(leading, 4))
    tables = wording_tables()
    if tables.not_done.search(near) or _CONDITION.search(before[-CONDITION_REACH:]):
        return False
    verb = verb_of(span)
    following = _WORD.findall(span[span.casefold().find(verb) + len(verb) :])[:1]
    if release and [word.casefold() for word in following] == ["to"]:
        return False  # "pledged to free", "agreed to release": a release to come
    return verb.endswith("ed") or verb in {"freed", "let", "gave", "sent", "returned"}


def hedged(before: str, span: str = "") -> bool:
    """Whether a hedge or a condition stands among the four words before a move's verb
    (before its span, or in it: "would probably reject it", "as long as Hamas released").

    >>> hedged("Tel Aviv", "would probably reject it"), hedged("", "rejected the offer")
    (True, False)
    >>> hedged("Israel said it", "would send a delegation for talks")
    False
    """
    verb_at = span.casefold().find(verb_of(span)) if span else 0
    near = " ".join(last_words(before, 4) + last_words(span[: max(verb_at, 0)], 4))
    # ("would" alone is no hedge: reported speech backshifts "we will send a delegation")
    return bool(wording_tables().hedges.search(near))


def agreement_verb(span: str) -> bool:
    """Whether a move's span tells an agreement by a verb ("reached a deal", "signed",
    "announced a ceasefire", "the ceasefire agreed"), not "called the truce a step".

    >>> agreement_verb("has announced a ceasefire"), agreement_verb("called the truce a step")
    (True, False)
    """
    verbs = wording_tables().agreement_verbs
    return any(word.casefold() in verbs for word in _WORD.findall(span))


_JOINED = re.compile(
    r"(?P<first>(?:[\w'’.-]+\s+){0,3}[\w'’.-]+)\s+and\s+"
    r"(?P<second>(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s*$"
)


def joint_parties(before: str) -> tuple[str, str] | None:
    """The two parties of a coordinated subject ending right before a move's verb
    ("Israel and Hamas [agreed]"), each as written, when both are parties.

    >>> joint_parties("hours after Israel and Hamas had ")
    ('Israel', 'Hamas')
    >>> joint_parties("Opposition leader Yair Lapid and Bennett ")
    """
    words = before.split()
    while words and words[-1].casefold() in _AUXILIARIES:
        words.pop()
    match = _JOINED.search(" ".join(words))
    if match is None:
        return None
    second = _party_phrase(match["second"], whole=True)
    first = _party_phrase(match["first"], whole=False)
    return (first, second) if first and second else None


_BY_JOINED = re.compile(
    r"^\s*(?:upon\s+|on\s+)?by\s+(?P<first>(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)\s+and\s+"
    r"(?P<second>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3})"
)


def joint_agents(after: str) -> tuple[str, str] | None:
    """The two parties of a passive agreement ("[a truce] agreed by Israel and Hamas").

    >>> joint_agents(" by Israel and Hamas on Wednesday")
    ('Israel', 'Hamas')
    >>> joint_agents(" upon by Israel and Palestinian armed groups, chanting")
    ('Israel', 'Palestinian armed groups')
    """
    match = _BY_JOINED.match(after)
    if match is None:
        return None
    first, second = (
        _party_phrase(match["first"], whole=True),
        _party_phrase(match["second"], whole=True),
    )
    return (first, second) if first and second else None


def _party_phrase(phrase: str, *, whole: bool) -> str | None:
    """The phrase (or, unless ``whole``, its shortest ending) that names a party."""
    words = phrase.split()
    # The second party may run on ("Palestinian armed groups in Gaza"): its shortest
    # opening that names a party.
    endings = (
        [words[:size] for size in range(1, len(words) + 1)]
        if whole
        else [words[-size:] for size in range(1, len(words) + 1)]
    )
    for index, ending in enumerate(endings):
        written = " ".join(ending)
        found = resolve_name(written)
        party = party_code(found.code, written)
        if party is not None:
            # "the Palestinian armed group Islamic Jihad": the group, by its name.
            for longer in endings[index + 1 :] if whole and found.kind != "group" else []:
                named = resolve_name(" ".join(longer))
                if named.kind == "group" and party_code(named.code, None) == party:
                    return " ".join(longer)
            return written
    return None


def in_apposition(
    sentence: str | None, actor: str, code: str | None, written: str | None
) -> tuple[str, str | None, str | None]:
    """The actor by the name its description stands before ("the Palestinian armed
    group Islamic Jihad": Islamic Jihad), when that name is the same party's group.

    >>> in_apposition("and the Palestinian armed group Islamic Jihad agreed to a truce",
    ...               "the Palestinian armed group", "PSEREB", "the Palestinian armed group")
    ('Islamic Jihad', 'PSEREB', 'Islamic Jihad')
    >>> in_apposition("Hamas agreed to a truce", "Hamas", "PSEREB", "Hamas")
    ('Hamas', 'PSEREB', 'Hamas')
    """
    sentence = sentence or ""
    if not written or resolve_name(written).kind in ("group", "person", "country"):
        return actor, code, written
    found = re.search(re.escape(written) + _NAME_AFTER, sentence)
    named = _group_opening(found["name"]) if found else None
    if named is None or party_code(named[1], named[2]) != party_code(code, written):
        return actor, code, written
    return named


_NAME_AFTER = r"\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"


def _group_opening(phrase: str) -> tuple[str, str | None, str] | None:
    """The group a phrase opens with, as (name, code, written)."""
    words = phrase.split()
    for size in range(len(words), 0, -1):
        ref = resolve_name(" ".join(words[:size]))
        if ref.kind == "group" and ref.canonical:
            return ref.canonical, ref.code, " ".join(words[:size])
    return None


_STATED_DAY = re.compile(
    r"\b(?:(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}(?!\d)"
    r"(?:,?\s+\d{4})?|\d{1,2}\s+(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b(?:\s+\d{4})?)",
    re.IGNORECASE,
)


# A move is told at a point in time: "in 2014", "in March 2019" date it, whatever else
# the sentence says ("a proposal from Hamas" is no running count from a year).
_IN_YEAR = re.compile(r"\b(?i:in|during)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)(?!\d|,\d)")
_YEAR_WHEN = re.compile(r"\b((?:19|20)\d\d),?\s+when\b")
_MONTH_NAMES = "|".join(
    sorted((m.capitalize() for m in MONTHS if len(m) > 3), key=len, reverse=True)
)
# A month naming a deal of its own ("the November truce", "a March deal").
_MONTHS_THING = re.compile(
    r"\b(?i:a|the|last|that)\s+(?P<month>" + _MONTH_NAMES + r")\s+"
    r"(?i:truce|deal|agreement|ceasefire|pause|accord|exchange|talks)\b"
)
_IN_MONTH = re.compile(
    r"\b(?i:in|during)\s+(?:early\s+|late\s+|mid-)?(?P<month>"
    + "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3), key=len, reverse=True))
    + r")\b(?!\s+\d{1,2}\b)(?:\s+(?P<year>\d{4}))?"
)


# A day told of something else than the move: the capture of those released, the attack
# that began a war, the start of a running state.
_ANOTHER_EVENTS_DAY = re.compile(
    r"\b(?:taken|seized|abducted|captured|kidnapped|held|attacks?|since|began|begun|"
    r"started|launched|killed)\b",
    re.IGNORECASE,
)


# A former officeholder named in the sentence ("Former Israeli leader Ehud Olmert"):
# what he tells of his own time in office is history, and he binds no party now.
# Only a title may stand between "former" and the name ("Former president Trump said
# Israel rejected" names Israel as no former officeholder): no verb, no other name.
_FORMER = re.compile(r"\b(?:former|ex-|then-)\s*(?P<title>(?:[\w'’-]+\s+){0,4}?)$", re.IGNORECASE)
_NO_TITLE_WORD = re.compile(
    r"^(?:[\w'’-]*ed|said|says?|told|tells|thinks?|believes?|argues?|warns?|wrote|writes|and|or|"
    r"who|that|which|when|while|as|but|[A-Z][\w'’-]*(?<!i)(?<!an)(?<!ese)(?<!ish)(?<!ch))$"
)
_CAPITAL_TITLES = frozenset(
    {"Prime", "Minister", "President", "Foreign", "Defence", "Defense", "Secretary",
     "Chief", "Head", "Leader", "General", "Premier", "Ambassador", "Envoy", "Vice",
     "Deputy", "Senator", "Speaker", "Chancellor", "King", "Emir", "Sheikh", "State"}
)  # fmt: skip
# A refusal or acceptance that refers back to the sentence before ("Israel has rejected
# those offers") tells that sentence's time.
REFERS_BACK = re.compile(
    r"\b(?:those|these|such)\s+(?:offers?|proposals?|demands?|plans?|terms|truces|"
    r"initiatives?|overtures?|ceasefires?)\b",
    re.IGNORECASE,
)


def former_holder(sentence: str | None, names: list[str | None]) -> bool:
    """Whether the sentence names the actor as a former officeholder.

    >>> former_holder("Former Israeli leader Ehud Olmert said he rejected a deal.", ["Ehud Olmert"])
    True
    >>> former_holder("Ehud Olmert, a former leader, said so.", ["Ehud Olmert"])
    False
    >>> former_holder("Prime Minister Ehud Olmert rejected a deal.", ["Ehud Olmert", None])
    False
    >>> former_holder("Former president Trump said Israel rejected the deal.", ["Israel"])
    False
    >>> former_holder("Former Israeli Prime Minister Ehud Olmert said so.", ["Ehud Olmert"])
    True
    """
    for name in names:
        if not sentence or not name or len(name) < 3:
            continue
        for found in re.finditer(re.escape(name), sentence):
            former = _FORMER.search(sentence[max(0, found.start() - 60) : found.start()])
            if former and not any(
                _NO_TITLE_WORD.match(word) and word not in _CAPITAL_TITLES
                for word in former["title"].split()
            ):
                return True
    return False


def background(sentence: str | None, report_date: date | None) -> bool:
    """Whether a sentence tells an earlier time's move: an earlier year ("signed in
    2004"), a word of history ("previously vetoed"), or a day stated more than
    ``BACKGROUND_DAYS`` before the report.

    >>> day = date(2024, 3, 22)
    >>> background("Russia and China previously vetoed a US-led resolution.", day)
    True
    >>> background("Israel and Hamas signed an accord in 2004.", day)
    True
    >>> background("The US vetoed a resolution on October 25.", day)
    True
    >>> background("Hamas accepted the truce proposal on Tuesday.", day)
    False
    >>> background("During the truce in November, Hamas freed 105 captives.", day)
    True
    >>> background("Hamas freed 13 captives taken during the attack on March 7.", day)
    False
    >>> background("No talks have been held since 2014, when Israel refused a deal.", day)
    True
    >>> background("since a November truce under which Hamas freed dozens of hostages", day)
    True
    """
    if not sentence:
        return False
    if wording_tables().background.search(sentence) or is_background(sentence, report_date):
        return True
    if report_date is None:
        return False
    if any(int(year) < report_date.year for year in _IN_YEAR.findall(sentence)):
        return True  # "In 2014, Israel rejected a proposal from Hamas"
    if any(int(year) < report_date.year for year in _YEAR_WHEN.findall(sentence)):
        return True  # "no talks since 2014, when Israel refused ..."
    for match in _MONTHS_THING.finditer(sentence):
        if MONTHS[match["month"].casefold()] != report_date.month:
            return True  # "a November truce under which Hamas freed dozens", told in April
    for match in _IN_MONTH.finditer(sentence):
        month = MONTHS[match["month"].casefold()]
        if month != report_date.month and not match["year"]:
            return True  # "in November", told in January (a later month would be last year's)
    for match in _STATED_DAY.finditer(sentence):
        if _ANOTHER_EVENTS_DAY.search(sentence[max(0, match.start() - 40) : match.start()]):
            continue  # "captives taken on October 7": that day is the capture's, not the move's
        day = stated_date(match.group(0), report_date)
        if day is not None and report_date - day > timedelta(days=BACKGROUND_DAYS):
            return True
    return False
