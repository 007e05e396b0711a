"""What a cue reports, read from the parse: the token sets of a cue verb's content.

Clauses (``said that Y``), an object with its infinitive (``urged residents to stay``), an
object with a characterising phrase (``described X as Y``, ``accused X of Y``), a gapped
relative (``raids that officials say killed 80``), and the helpers the quotation finders
share. Pure functions over spaCy tokens; ``quotes`` turns contents into quotations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.quote_marks import QuotedSpan
from newsclaims.extract.speakers import CueLexicon
from newsclaims.model import Cue

_MIN_CLAUSE_TOKENS = 2
_MIN_PHRASE_TOKENS = 3
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_QUESTION_MARKS = {"whether", "if"}
_QUESTION_WORDS = {"how", "why", "when", "where", "who", "whom", "which"}
_JOINS = {"and", "but"}
_HEADLINE_PREPOSITIONS = {"on", "in", "after", "at", "to", "for", "with", "by", "from", "as"}


@dataclass(frozen=True)
class Content:
    """Reported content as tokens: the run of ``tokens`` around ``anchor``."""

    anchor: Token
    tokens: set[int]
    minimum: int

    @classmethod
    def subtree(cls, head: Token, minimum: int) -> Content:
        return cls(head, {t.i for t in head.subtree}, minimum)

    @classmethod
    def rest_of(cls, verb: Token, first: Token, minimum: int) -> Content:
        """From ``first`` to the end of the cue verb's phrase."""
        start = min(t.i for t in first.subtree)
        return cls(first, {t.i for t in verb.subtree if t.i >= start}, minimum)


def object_and_phrase(children: list[Token], links: frozenset[str]) -> Content | None:
    """``described [its strikes] [as part of a campaign]``, ``accused [the firm] [of
    hiding it]``, ``called [it] [a betrayal]``, ``denied [blocking convoys]``."""
    if "gerund" in links:
        for child in children:
            if child.dep_ in {"xcomp", "dobj", "ccomp"} and child.tag_ == "VBG":
                return Content.subtree(child, _MIN_PHRASE_TOKENS)
    objects = [c for c in children if c.dep_ == "dobj"]
    if not objects:
        return None
    candidates = [*children, *objects[0].children]
    for phrase in candidates:
        if phrase.i < objects[0].i:
            continue
        linked = phrase.dep_ == "oprd" and "oprd" in links
        if linked or (phrase.dep_ == "prep" and phrase.lower_ in links):
            tokens = {t.i for t in objects[0].subtree} | {t.i for t in phrase.subtree}
            # "..., where 30,000 have been killed": the reporter's clause, not the claim.
            aside = [
                t
                for t in phrase.subtree
                if t.dep_ == "relcl" and t.doc[t.left_edge.i - 1].text == ","
            ]
            end = min([t.left_edge.i - 1 for t in aside], default=max(tokens) + 1)
            return Content(phrase, set(range(min(tokens), end)), _MIN_PHRASE_TOKENS)
    return None


def gapped_claim(verb: Token, child: Token, lexicon: CueLexicon) -> bool:
    """``raids that officials say killed 200 people``: the relative clause's cue reports a
    verb whose subject is the relative pronoun's noun."""
    return (
        verb.dep_ == "relcl"
        and verb.lemma_.lower() in lexicon.speech_verbs
        and child.dep_ in {"xcomp", "ccomp"}
        and child.tag_ in {"VBD", "VBN", "VBZ", "VBP"}
        and not any(c.dep_ in _SUBJECTS for c in child.children)
    )


def entity_around(token: Token) -> Span | None:
    """The named organisation or person ``token`` is in, when it runs past the token's own
    subtree (the parser broke the name: ``the Committee [to Protect Journalists]``)."""
    if token.ent_type_ not in {"ORG", "PERSON", "NORP", "GPE"}:
        return None
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None or entity.end - 1 <= max(t.i for t in token.subtree):
        return None
    return entity


def object_and_infinitive(children: list[Token]) -> Content | None:
    """``urged [residents] [to stay indoors]``: the object and its infinitive, as one."""
    objects = [c for c in children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    infinitives = [
        c
        for c in children
        if c.dep_ in {"xcomp", "ccomp"}
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    if not objects or not infinitives or infinitives[0].i < objects[0].i:
        return None
    tokens = {t.i for t in objects[0].subtree} | {t.i for t in infinitives[0].subtree}
    return Content(infinitives[0], set(range(min(tokens), max(tokens) + 1)), _MIN_PHRASE_TOKENS)


def split_that_clauses(content: Content) -> list[Content]:
    """``said that A and that B``: two reports, one per clause with its own ``that``.

    The second clause may hang as a conjunct or (a common parse) as a complement
    inside the first; either way it starts with ``and that`` / ``but that``.
    """
    anchor = content.anchor
    doc = anchor.doc
    parts = [
        token
        for token in anchor.subtree
        if token.i != anchor.i
        and token.i in content.tokens
        and any(
            c.dep_ == "mark" and c.lower_ == "that" and c.i > 0 and doc[c.i - 1].lower_ in _JOINS
            for c in token.children
        )
    ]
    if not parts:
        return [content]
    rest = set(content.tokens)
    split: list[Content] = []
    for part in parts:
        tokens = {t.i for t in part.subtree} & content.tokens
        rest -= tokens
        split.append(Content(part, tokens, content.minimum))
    return [Content(anchor, rest, content.minimum), *split]


def is_claim(clause: Token) -> bool:
    """A clause that states something (not ``whether...``, not a bare participle)."""
    children = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in children):
        return False
    first = min(t.i for t in clause.subtree)
    if clause.doc[first].lower_ in _QUESTION_WORDS and clause.doc[first].dep_ == "advmod":
        return False
    has_subject = any(c.dep_ in _SUBJECTS for c in children)
    return has_subject or clause.tag_ != "VBG"


def is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def ordered(first: Token, second: Token) -> tuple[Token, Token]:
    return (first, second) if first.i <= second.i else (second, first)


def cue_of(verb: Token) -> Cue:
    return Cue(text=verb.text, start=verb.idx, end=verb.idx + len(verb.text), lemma=verb.lemma_)


def is_fragment(doc: Doc, text: str, quoted: QuotedSpan, lexicon: CueLexicon) -> bool:
    """A quotation embedded in the writer's clause (``under "intense bombardment"``)."""
    position = quoted.open_mark - 1
    while position >= 0 and text[position] in " \t\u00a0":
        position -= 1
    if position < 0 or text[position] == "\n":
        return False
    before = text[position]
    starts_lower = text[quoted.start].islower()
    if before in ".!?:;" or (before in ",—–-(" and not starts_lower):
        return False
    if before.isalpha():
        token = doc.char_span(position, position + 1, alignment_mode="expand")
        if token is not None and not starts_lower:
            word = token[0]
            if word.lemma_.lower() in lexicon.reporting_verbs and is_verb(word):
                return False
    return True


def not_in_a_subject(token: Token) -> bool:
    """A headline word that cannot stand in a cue's subject, whatever the (often all-caps)
    tagging says: a past participle or a preposition other than ``of``."""
    lower = token.lower_
    return (lower.endswith("ed") and len(lower) > 4) or lower in _HEADLINE_PREPOSITIONS


def noun_claims(doc: Doc, lexicon: CueLexicon) -> Iterator[tuple[Token, Token, Token]]:
    """``her insistence that the vote was rigged``, ``the claim by the army that ...``:
    (cue noun, its that-clause, the head of its owner) for each noun cue with an owner."""
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.noun_cues:
            continue
        clause = next(
            (
                child
                for child in noun.children
                if child.dep_ in {"acl", "ccomp"}
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
            ),
            None,
        )
        if clause is None:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            agent = next(
                (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}),
                None,
            )
            owner = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if owner is not None:
            yield noun, clause, owner
