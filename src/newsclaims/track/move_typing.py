"""One coded event or one item of reported speech, typed as a negotiation move or as none.

An event's CAMEO code says its move (``data/negotiation.yaml``) when its sentence names
what is negotiated (a truce, a deal, hostages, talks); a release or a pause
observed carries out a deal (``implementation``), it accepts nothing. Reported speech
makes a move by its words (``track/speech.py``), its speaker's or the party its clause
opens with. A move is kept only when its actor is a party to the negotiation
(``track/parties.py``) and its wording tells it as made, not hedged, conditional or
history (``track/move_text.py``). Opinion and analysis articles are the writer's views,
not the parties' moves, and are left out.
Each item is a row as ``track/negotiation.py`` reads it from the store: its span, its
sentence, the text just before that sentence (``preceding``) and its article's ending.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from newsclaims.extract.actors import resolve_name
from newsclaims.resolve.places import country_name
from newsclaims.track.constructions import joined_subject, no_move, outside_the_talks, own_resolve
from newsclaims.track.move_text import (
    REFERS_BACK,
    agreement_verb,
    background,
    done,
    former_holder,
    hedged,
    in_apposition,
    joint_agents,
    joint_parties,
    verb_of,
)
from newsclaims.track.negotiation_tables import negotiation_data, words_pattern
from newsclaims.track.parties import in_a_conflict, party_code, party_role, same_conflict
from newsclaims.track.refusals import refuses_no_move
from newsclaims.track.speech import (
    CLAUSE_BOUNDARY,
    PENDING,
    SUBJECT_END,
    is_opinion,
    move_tables,
    negated_move,
    quote_move_at,
    reported_party,
)


def event_move(code: str, negated: bool = False) -> str | None:
    """The move a CAMEO code makes (``None`` for codes that are not moves).

    >>> event_move("036"), event_move("125"), event_move("190"), event_move("057", True)
    ('proposal', 'rejection', None, 'rejection')
    """
    table = move_tables().event_codes
    prefix = next((code[:n] for n in range(len(code), 0, -1) if code[:n] in table), None)
    move = table.get(prefix) if prefix else None
    return negated_move(move) if move and negated else move


def about_negotiation(sentence: str, headline: str | None = None, move: str = "") -> bool:
    """Whether a sentence is about a negotiation: it names what is negotiated, or refers
    back to it ("rejected the plan") under a headline that names it; a deal carried out
    (``implementation``) may name only those handed over ("freed 13 hostages").

    >>> about_negotiation("Israel rejected the plan.", "Truce talks in Doha")
    True
    >>> about_negotiation("Israel rejected the plan.", "Floods in the north")
    False
    >>> about_negotiation("Hamas freed 13 hostages.", None, "implementation")
    True
    >>> about_negotiation("Biden offered condolences to families of hostages.", None, "proposal")
    False
    """
    tables = move_tables()
    if tables.topic.search(sentence):
        return True
    if move == "implementation" and tables.handed_over.search(sentence):
        return True
    return bool(headline and tables.topic.search(headline) and tables.referring.search(sentence))


def typed_event_move(item: dict[str, Any]) -> dict[str, Any] | None:
    """The move a coded event makes, or ``None``: its code makes no move, its article is
    opinion, or its sentence names no negotiation."""
    move = event_move(item["code"], item["negated"])
    if move is None or is_opinion(item["url"], item["headline"], item["ending"]):
        return None
    if not about_negotiation(item["sentence"] or item["text"], item["headline"], move):
        return None  # "rejected accusations", "called for a probe": no negotiation
    return _typed_event_move(item, move)


# A sentence that carries on the one before it ("In exchange, Israel released ...") tells
# a move of that sentence's time.
_CARRYING_ON = re.compile(
    r"^\s*(?:in exchange|in return|in turn|under the (?:deal|agreement|truce)|as part of "
    r"(?:the|that) (?:deal|agreement|truce)|during (?:the|that) (?:truce|pause))\b",
    re.IGNORECASE,
)


# A sentence's own time: a weekday, today, overnight, this week.
_OWN_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|"
    r"yesterday|overnight|this (?:morning|afternoon|evening|week)|so far|latest)\b",
    re.IGNORECASE,
)


def _told_as_history(item: dict[str, Any], names: list[str | None], tally: bool = False) -> bool:
    """Whether the move's sentence, or the one it carries on or refers back to ("has
    rejected those offers"), tells history; or a former officeholder (``names``: the
    actor's) tells of his time. A deal's tally (``tally``: "Israel released 240
    prisoners") with no time of its own carries on a recap before it ("During a truce
    that ran from November 24 to December 1, ...")."""
    day = _day(item["date"])
    if background(item["sentence"], day) or former_holder(item["sentence"], names):
        return True
    sentence = item["sentence"] or ""
    untimed = tally and not _OWN_TIME.search(sentence)
    if not (_CARRYING_ON.match(sentence) or REFERS_BACK.search(sentence) or untimed):
        return False
    previous = re.split(r"(?<=[.!?])\s+", (item.get("preceding") or "").strip())
    return bool(previous) and background(previous[-1], day)


def _typed_event_move(item: dict[str, Any], move: str) -> dict[str, Any] | None:
    """The move an event makes, told by its wording: two parties agreeing together make
    an agreement ("Israel and Hamas agreed to a truce"); one party agreeing accepts; a
    release is one done; a hedged move or one told as history is none."""
    before = _before_span(item)
    span = item["text"]
    source = item["source"] or ""
    if source and span.startswith(source):  # "Hamas had accepted ...": from the verb on
        before, span = f"{before}{source} ", span[len(source) :].lstrip()
    names = [source, item["source_name"]]
    if hedged(before, span) or _told_as_history(item, names, move == "implementation"):
        return None
    if item["negated"] and PENDING.search(" ".join(f"{before} {span}".split()[-8:])):
        return None  # "has not agreed to the terms": pending, no refusal
    actor, code, written = item["source_name"], item["source_code"], item["source"]
    counterpart, counterpart_code, counterpart_written = (
        item["target_name"], item["target_code"], item["target"]
    )  # fmt: skip
    joint, passive = None, None
    if agreement_verb(span):  # "Israel and Hamas agreed", "a truce agreed by Israel and Hamas"
        joint = joint_parties(joined_subject(before, item.get("preceding") or ""))
        passive = None if joint else joint_agents(_after_span(item))
        joint = joint or passive
    if joint is not None:
        move = "agreement"
        (actor, code, written), (counterpart, counterpart_code, counterpart_written) = map(
            _named, joint
        )
    elif move == "agreement" and not agreement_verb(span):
        return None  # "called the truce a step", "using the word ceasefire"
    elif move == "proposal" and verb_of(span) in _AGREEING:
        move = "acceptance"  # "Hamas agreed to the truce": it accepts, proposes nothing
    if _breaks_off_talks(item):
        move = "rejection"  # "pulled out of the talks": no withdrawal of troops
    if move == "concession" and _TALKS_APPROVED.search(f"{span} {_after_span(item)[:40]}"):
        move = "acceptance"  # "gave approval for fresh negotiations": accepts talks
    told = f"{item['sentence'] or span}\n{item['headline'] or ''}"
    if move == "rejection" and refuses_no_move(before, span, _after_span(item), told):
        return None  # "rejected growing calls for a ceasefire": no party's move refused
    if (
        move in ("implementation", "agreement", "concession")
        and passive is None  # "the ceasefire agreed upon by Israel and ...": agreed
        and not done(before, span, release=move != "agreement")
    ):
        return None  # "will release", "to release", "until Israel releases"
    if move == "implementation" and not _hands_over(item):
        return None  # "directed negotiators to return": nothing of a deal handed over
    if move == "proposal" and (verb_of(span) in _TRAVELLING | _TRYING or _NO_OFFER.search(span)):
        return None  # "will visit Israel", "a regional tour", "seeking to negotiate"
    if _in_terms(before):
        return None  # "a truce during which Israel would withdraw": a term, no move
    if span.casefold().startswith("to ") or _in_another_forum(item):
        return None  # "[demands for Netanyahu] to step down"; "proposed a draft resolution"
    if _DESCRIBED.match(span) or (move == "demand" and _PROCEDURE.search(span)):
        return None  # "the things that they are asking"; "calling for a meeting"
    actor, code, written = in_apposition(item["sentence"], actor, code, written)
    if span.casefold().startswith(("calls for", "call for")) and not SUBJECT_END.search(before):
        return None  # "despite global outrage and calls for a ceasefire": a noun
    if no_move(move, before, span, _after_span(item), item["sentence"] or ""):
        return None  # "willing to be flexible", "has ruled out peace talks" (constructions)
    found = _party_move(
        item,
        move,
        actor=actor,
        actor_code=code,
        written=written,
        counterpart=counterpart,
        counterpart_code=counterpart_code,
        counterpart_written=counterpart_written,
        via=f"event {item['code']}",
        joint=joint is not None,
        named=move not in _NAMED_IN_SPAN or _names_the_negotiation(item, move),
        addressed_suffices=move == "demand" and verb_of(span) in _APPEALING,
    )
    if found is not None and found["joint"] and found["counterpart"] is None:
        return None  # "Israel and Jordan reached an agreement": another negotiation
    return found


# Offers and appeals are coded broadly (intent to cooperate, any appeal): they are moves
# in a negotiation only when what they offer or ask is the negotiated thing, named in
# the span or just after it ("offered a truce", "called for a ceasefire"), not only
# somewhere in the sentence.
_NAMED_IN_SPAN = frozenset({"proposal", "demand", "concession", "rejection"})
NAMED_REACH = 60  # characters after the span that may name it


def _hands_over(item: dict[str, Any]) -> bool:
    """Whether a deal carried out names, in its span or just after, what it hands over
    or lets through ("freed 13 hostages", "allowed aid trucks in", "eased the blockade")."""
    told = f"{item['text']} {_after_span(item)[:NAMED_REACH]}"
    return bool(_handed_over().search(told))


@cache
def _handed_over() -> re.Pattern[str]:
    raw = negotiation_data()
    return words_pattern(raw["handed_over_words"])


# Verbs of a trip or a meeting (CAMEO codes both as intent to meet: "will visit Israel",
# "will hold talks with Abbas"), which offer nothing, and of an appeal to someone.
_TRAVELLING = frozenset(
    {"visit", "visits", "visited", "visiting", "travel", "travels", "travelled", "traveled",
     "travelling", "traveling", "fly", "flies", "flew", "head", "heads", "headed", "arrive",
     "arrives", "arrived", "tour", "toured", "trip", "meet", "meets", "met", "meeting",
     "hold", "holds", "held", "holding", "attend", "attends", "attended", "attending"}
)  # fmt: skip
# Trying to reach a deal is no offer in it ("are seeking to negotiate the deal").
_TRYING = frozenset(
    {"seek", "seeks", "seeking", "sought", "try", "tries", "trying", "tried", "working",
     "works", "worked", "striving", "strive", "hoping", "hope", "hopes", "hoped",
     "continue", "continues", "continued", "continuing"}
)  # fmt: skip
# A clause telling the terms of a deal or proposal: what happens under it is no move.
_TERMS_CLAUSE = re.compile(
    r"\b(?:under|during|in|by)\s+which\b|\bwhereby\b|\bas part of which\b", re.IGNORECASE
)
# A terms clause set off by a comma runs on to the sentence's end, over its list of terms
# ("a truce of three months, during which captives would go free, Israel would pull back").
_TERMS_RUN_ON = re.compile(rf",\s*(?:{_TERMS_CLAUSE.pattern})", re.IGNORECASE)


def _in_terms(before: str) -> bool:
    """Whether the text before a move puts it in a clause telling a deal's terms: its own
    clause opens with one, or one set off by a comma runs on to it. A fronted phrase's
    clause ends at its comma ("In talks in which Qatar mediates, Hamas rejected").

    >>> _in_terms("In talks in which Qatar mediates, Hamas")
    False
    >>> _in_terms("Hamas proposed a truce, during which captives would go free, Israel")
    True
    """
    last = before.split(";")[-1]
    return bool(_TERMS_CLAUSE.search(CLAUSE_BOUNDARY.split(last)[-1]) or _TERMS_RUN_ON.search(last))


# What an offer of cooperation offers that is no term of a deal: a trip, support, help.
# An account of a deal is no offer in it ("offered a less definitive version of the deal").
_NO_OFFER = re.compile(
    r"\b(?:tour|trip|visit|support|backing|assistance|help|solidarity|condolences|version|"
    r"account|explanation|details|assessment|insight|glimpse|view|interpretation|"
    r"response|retaliation|revenge)\b",
    re.IGNORECASE,
)
# Approving or agreeing to talks yields nothing in them: it accepts the talks.
_TALKS_APPROVED = re.compile(
    r"\b(?:approv\w*|green light|go-ahead|authori[sz]\w*)\b[^.;]{0,30}?\b(?:talks|"
    r"negotiations|negotiators|delegation)\b",
    re.IGNORECASE,
)
# An appeal or offer named as a thing someone else asks ("the things that they are
# asking for", "what they want"): described, not made by the actor the coder gave it. A
# noun phrase, not a move verb's clause ("agreed that they would release", "demanded
# that it withdraw"): no word before "that" is a verb or an auxiliary.
_NOT_A_VERB = (
    r"(?!(?:[\w'’-]*(?:ed|ing)|agrees?|demands?|insists?|proposes?|asks?|says?|urges?|"
    r"warns?|accepts?|announces?|confirms?|pledges?|promises?|vows?|decides?|offers?|"
    r"suggests?|requests?|states?|has|have|had|will|would|also|is|are|was|were)\s)"
)
_DESCRIBED = re.compile(
    rf"^(?:(?:(?:the|those|these|all|any|some)\s+)?(?:{_NOT_A_VERB}[\w'’-]+\s+){{1,2}}"
    r"(?:that|which)|what)\s+(?:they|he|she|we|you|it)\b",
    re.IGNORECASE,
)
# Asking for a meeting, a briefing or an update is a procedure, no demand on a side.
_PROCEDURE = re.compile(
    r"\b(?:for|to\s+(?:hold|convene|get))\s+(?:an?\s+|the\s+)?(?:urgent\s+|emergency\s+|"
    r"cabinet\s+|special\s+)?(?:meeting|update|briefing|session|hearing)\b",
    re.IGNORECASE,
)
_APPEALING = frozenset(
    {"urge", "urged", "urges", "urging", "call", "called", "calls", "calling", "press",
     "pressed", "presses", "pressing", "ask", "asked", "asks", "asking", "demand",
     "demanded", "demands", "demanding", "push", "pushed", "pushes", "pushing", "appeal",
     "appealed", "appeals", "implore", "implored", "tell", "told", "warn", "warned"}
)  # fmt: skip


def _breaks_off_talks(item: dict[str, Any]) -> bool:
    """Whether an event's span and the words after it tell of breaking off talks."""
    told = " ".join(f"{item['text']} {_after_span(item)[:NAMED_REACH]}".split())
    found = _breaking_off().search(told)
    return bool(found and move_tables().topic.search(told[found.end() :][:20]))


@cache
def _breaking_off() -> re.Pattern[str]:
    raw = negotiation_data()
    return words_pattern(raw["breaking_off"])


def _names_the_negotiation(item: dict[str, Any], move: str) -> bool:
    """Whether an offer, appeal or refusal names what is negotiated in its span or just
    after it (a refusal may name it by a word referring back, "rejected those offers",
    or by whom it would free, "ruled out releasing prisoners"); "to deal with el-Sisi"
    names no deal."""
    # A refusal may name what it refuses before it: "calls ... have been firmly rejected",
    # "a counterproposal, which Netanyahu then rejected".
    ahead = _before_span(item)[-NAMED_REACH:] if move == "rejection" else ""
    told = _DEAL_WITH.sub("", f"{ahead} {item['text']} {_after_span(item)[:NAMED_REACH]}")
    tables = move_tables()
    if tables.topic.search(told):
        return True
    return move == "rejection" and bool(
        tables.referring.search(told) or _handed_over().search(told) or _REFUSED.search(told)
    )


# "deal" as a verb ("ready to deal with el-Sisi"), not the noun ("a deal with Hamas").
_DEAL_WITH = re.compile(
    r"\b(?:to|will|would|can|could|must|should)\s+deal\s+with\b|\bdealt\s+with\b",
    re.IGNORECASE,
)
# What a refusal refuses when it names no deal: calls, pressure, a pause, demands.
_REFUSED = re.compile(
    r"\b(?:calls?|pressure|push|pause|pauses|demands?|offers?|suggestions?|prospect|"
    r"cessation)\b",
    re.IGNORECASE,
)


def _in_another_forum(item: dict[str, Any]) -> bool:
    """Whether the move is made in the UN's chambers (a draft resolution, a vote), by
    its span, the words just after, or the clause just before ("drafted a resolution
    calling for a ceasefire")."""
    ahead = _before_span(item)[-FORUM_REACH:]
    told = f"{ahead} {item['text']} {_after_span(item)[:NAMED_REACH]}"
    return bool(_forum_words().search(told))


FORUM_REACH = 30  # characters before a span: "a resolution calling for ..."


@cache
def _forum_words() -> re.Pattern[str]:
    raw = negotiation_data()
    return words_pattern(raw["forum_words"])


_MODAL_DEMAND = re.compile(r"\b(?:must|should|has to|have to|needs to)\b", re.IGNORECASE)
_DENYING = frozenset({"deny", "denied", "denies", "dismiss", "refute", "reject"})
_AGREEING = frozenset({"agree", "agreed", "agrees", "accepted", "accept", "accepts"})


def _before_span(item: dict[str, Any]) -> str:
    """The sentence's text before the item's span (empty without a stored sentence)."""
    sentence, start = item["sentence"], item["sentence_start"]
    if not sentence or start is None:
        return ""
    return str(sentence[: max(0, item["start"] - start)])


def _after_span(item: dict[str, Any]) -> str:
    """The sentence's text after the item's span (empty without a stored sentence)."""
    sentence, start = item["sentence"], item["sentence_start"]
    if not sentence or start is None:
        return ""
    return str(sentence[max(0, item["end"] - start) :])


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _named(written: str) -> tuple[str, str | None, str]:
    """A party as written in a sentence: its name as the store shows actors, its code."""
    ref = resolve_name(written)
    if ref.kind == "country" and ref.code and len(ref.code) == 3:
        return country_name(ref.code), ref.code, written
    return ref.canonical or written, ref.code, written


# A move word inside a concessive phrase is the background of the speaker's words.
_CONCESSIVE = re.compile(r"\b(?:despite|amid|in spite of|in the face of)\b[^,;]*$", re.I)


def typed_quote_move(item: dict[str, Any]) -> dict[str, Any] | None:
    """The move reported speech makes, and whose: the party its clause opens with, or
    the speaker (by the speaker's actor code: "a Hamas official" speaks for Hamas)."""
    move, start = quote_move_at(item["text"], item["cue_lemma"])
    if move is None or is_opinion(item["url"], item["headline"], item["ending"]):
        return None
    if (item["cue_lemma"] or "").casefold() in _DENYING:
        return None  # "a Hamas official denied rejecting the deal": no rejection
    before = _before_span(item) + " " + (item["text"][:start] if start is not None else "")
    if _CONCESSIVE.search(before):
        return None  # "despite international pressure for a ceasefire": no one's move here
    names = [item["speaker"], item["speaker_name"]]
    if hedged(before) or _told_as_history(item, names) or _forum_words().search(item["text"]):
        return None
    told = f"{item['sentence'] or item['text']}\n{item['headline'] or ''}"
    if move == "rejection" and start is not None:
        content = item["text"]
        if refuses_no_move(content[:start], content[start:], "", told, first=True):
            return None  # "Israel rejects international dictates": no party's move
    party = reported_party(item["text"])
    addressed: tuple[str | None, str | None, str | None] = (None, None, None)
    if move == "demand" and own_resolve(item["text"]):
        return None  # "flexibility must be matched by his group's willingness": resolve
    if party is not None and move == "demand" and _MODAL_DEMAND.search(item["text"]):
        # "Israel must end its raids": the speaker demands it of Israel (but "Hamas had
        # demanded a ceasefire" is Hamas's demand, told by the speaker).
        addressed, party = _named(party), None
    joint = joint_parties(party + " ") if party and " and " in party else None
    counterpart = addressed
    if joint is not None and move not in ("acceptance", "agreement"):
        return None  # "Russia's and China's veto": two moves in one, neither told alone
    if joint is not None:  # "Israel and Hamas agreed to a pause": both, together
        actor, code, written = _named(joint[0])
        counterpart = _named(joint[1])
        move = "agreement"
    elif party is not None:
        actor, code, written = party, resolve_name(party).code, party
    else:
        actor, code, written = item["speaker_name"], item["speaker_code"], item["speaker"]
    return _party_move(
        item,
        move,
        actor=actor,
        actor_code=code,
        written=written,
        counterpart=counterpart[0],
        counterpart_code=counterpart[1],
        counterpart_written=counterpart[2],
        via=f"{item['kind']} quote",
        reported_by=item["speaker_name"] if party else None,
        joint=joint is not None,
    )


def _party_move(
    item: dict[str, Any],
    move: str,
    *,
    actor: str,
    actor_code: str | None,
    written: str | None,
    counterpart: str | None,
    counterpart_code: str | None,
    counterpart_written: str | None,
    via: str,
    reported_by: str | None = None,
    joint: bool = False,
    named: bool = True,
    addressed_suffices: bool = False,
) -> dict[str, Any] | None:
    """The move when its actor is a party to the negotiation its sentence names, in a
    role that may make it (``track/parties.py``); ``None`` for anyone else's call.
    An offer or appeal that does not itself name what is negotiated (``named``) is none,
    but for an appeal addressed to a party (``addressed_suffices``: "urged Israel to
    hold off"; not "urged people to move south", "is keen to help", "would visit
    Israel"). An actor named by a common noun counts only when its words name its party
    ("Israeli authorities", not "the mayor of Beita" or "the ministry", whose party the
    coder guessed from the article)."""
    text = f"{item['sentence'] or item['text']}\n{item['headline'] or ''}"
    addressed = _addressed_party(counterpart_code, counterpart_written)
    if addressed is not None and addressed == party_code(actor_code, written):
        addressed = None  # "Netanyahu and his cabinet": no counterpart
    role = party_role(actor_code, written, text, addressed, move)
    if role is None or not (named or (addressed_suffices and addressed is not None)):
        return None
    if not _names_its_party(written, actor, party_code(actor_code, written)):
        return None
    if not same_conflict(party_code(actor_code, written), addressed, text):
        addressed = None  # never "a ceasefire", "24 hostages", or France for talks in Paris
    if outside_the_talks(move, written or actor, addressed, text):
        return None  # "Abbas called for a ceasefire in Gaza": no seat at those talks
    shown = counterpart if addressed else None
    return _move(
        item,
        move,
        actor=actor,
        actor_code=actor_code,
        counterpart=shown,
        counterpart_code=counterpart_code if shown else None,
        via=via,
        reported_by=reported_by,
    ) | {"role": role, "joint": joint, "speaks_for": speaks_for(written, actor_code)}


def _names_its_party(written: str | None, name: str | None, party: str | None) -> bool:
    """Whether an actor's words (as written, or its canonical name) name its party, or
    are a person's name (resolved in its article: "Hamas official Osama Hamdan").

    >>> _names_its_party("Israeli authorities", None, "ISR")
    True
    >>> _names_its_party("the mayor of Beita", None, "ISR"), _names_its_party("He", "He", "ISR")
    (False, False)
    >>> _names_its_party("He", "Benjamin Netanyahu", "ISR"), _names_its_party("Osama Hamdan", None, "PSE")
    (True, True)
    """
    for words in (written, name):
        if words and party_code(resolve_name(words).code, words) == party:
            return True
    return any(words and _A_NAME.match(words) for words in (written, name))


# A person's name: two or more capitalised words (with name particles), no determiner.
_A_NAME = re.compile(
    r"^(?!(?:The|A|An|His|Her|Its|Their|This|That)\b)[A-Z][\w'’.-]+"
    r"(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von)[-\s])?[A-Z][\w'’.-]+)+$"
)


def _addressed_party(code: str | None, written: str | None) -> str | None:
    """The party a move is addressed to, when its words name that party themselves
    ("Israel", "Israel's government", "Hamas"), not only by the coder's guess ("a
    delegation", "its ally", "the idea of foreign peacekeepers")."""
    party = party_code(code, written)
    if not (in_a_conflict(party) and written):
        return None  # "the Philippines", whose citizen was freed, is no party
    return party if party_code(resolve_name(written).code, written) == party else None


def speaks_for(written: str | None, code: str | None) -> str | None:
    """The group a person or body speaks for, by name, as its written title says and its
    code confirms ("Hamas official Osama Hamdan": Hamas): ``--actor Hamas`` finds it,
    ``--actor "Islamic Jihad"`` does not, though both groups share a code.

    >>> speaks_for("Hamas official Osama Hamdan", "PSEREB"), speaks_for("Israel", "ISR")
    ('Hamas', None)
    """
    if not written or not code:
        return None
    ref = resolve_name(written)
    return ref.canonical if ref.kind == "group" and ref.code == code else None


def _move(
    item: dict[str, Any],
    move: str,
    *,
    actor: str,
    actor_code: str | None,
    counterpart: str | None,
    counterpart_code: str | None,
    via: str,
    reported_by: str | None = None,
) -> dict[str, Any]:
    day = item["date"]
    return {
        "date": day.isoformat() if isinstance(day, date) else day,
        "actor": actor,
        "actor_code": actor_code,
        "move": move,
        "counterpart": counterpart,
        "counterpart_code": counterpart_code,
        "via": via,
        "reported_by": reported_by,
        "publisher": item["publisher"],
        "article_id": item["article_id"],
        "item_id": item["item_id"],
        "span": {"start": item["start"], "end": item["end"], "text": item["text"]},
        "sentence": item["sentence"],
        "sentence_start": item["sentence_start"],
        "headline": item["headline"],
        "url": item["url"],
    }
