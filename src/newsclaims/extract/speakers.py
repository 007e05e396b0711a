"""Speakers: who a cue verb's subject is, as written and as resolved.

The parse, not the entity labels alone, finds the speaker (the subject of the cue verb,
or of the verb a participle hangs on), because NER often mislabels titled names ("U.S.
Secretary of State Antony Blinken" as ORG + GPE). The speaker's text is its whole noun
phrase, relative clauses cut; its canonical name is the fullest name the article gives
a person (``Blinken`` -> ``Antony Blinken``), the antecedent of a pronoun (``he``,
``it``, ``they``) or the named person a role noun (``the spokesperson``) stands for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.actors import ActorIndex, resolve_name
from newsclaims.extract.doc_index import DocIndex, doc_index
from newsclaims.extract.lexicon import (
    DEMONSTRATIVE_PRONOUNS,
    FIRST_SECOND_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    RESOLVABLE_PRONOUNS,
    THING_PRONOUNS,
    CueLexicon,
    cue_lexicon,
)
from newsclaims.model import ActorRef

# The cue lexicon is read from here by the quote extractor too.
__all__ = ["CueLexicon", "Lines", "Mention", "SpeakerResolver", "cue_lexicon"]


# Subjects that are not speakers outside a quotation (the writer, the reader, a
# relative pronoun standing for its head).
_NON_SPEAKERS = (
    FIRST_SECOND_PRONOUNS | DEMONSTRATIVE_PRONOUNS | RELATIVE_PRONOUNS | {"what", "there"}
)
_SPACES = re.compile(r"\s+")
# What stands before a cue that precedes its subject (``," said X``).
_INVERSION_LEFT = {",", "”", '"', "’", "'", ":"}
_QUANTIFIER_SUBJECTS = {"many", "some", "others", "most", "several", "few", "all", "both"}
# How many sentences back a pronoun looks for its antecedent.
_PRONOUN_REACH = 4
_ROLE_REACH = 12


class Lines:
    """Where a text's lines (paragraphs) break: quick same-paragraph tests on tokens.

    ``Doc.text`` is rebuilt on every access, so the text is read once here.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._newlines = [match.start() for match in re.finditer("\n", text)]

    def number(self, offset: int) -> int:
        """The line number of the character at ``offset``."""
        return bisect.bisect_left(self._newlines, offset)

    def breaks(self, first: Token, second: Token) -> bool:
        """Whether a line break lies between two tokens (or inside one), in any order."""
        left, right = (first, second) if first.i <= second.i else (second, first)
        return self.number(right.idx + len(right.text)) > self.number(left.idx)


@dataclass
class Mention:
    """A subject noun phrase in the text, usable as a pronoun's antecedent."""

    head: Token
    unit: int
    ref: ActorRef
    is_person: bool
    is_plural: bool
    is_speaker: bool


class SpeakerResolver:
    """Speakers of one document: noun phrases, names, pronouns and role nouns."""

    def __init__(
        self,
        doc: Doc,
        actors: ActorIndex,
        quoted: Iterable[tuple[int, int]],
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.index = doc_index(doc)
        self.actors = actors
        self.lexicon = cue_lexicon()
        self._quoted = sorted(quoted)
        # Quoted ranges sorted by start, with the furthest end reached so far: an offset
        # is quoted when some range starting at or before it ends after it.
        self._quoted_starts = [start for start, _ in self._quoted]
        self._quoted_reach: list[int] = []
        for _, end in self._quoted:
            self._quoted_reach.append(
                max(end, self._quoted_reach[-1] if self._quoted_reach else end)
            )
        self.lines = Lines(self.index.text if text is None else text)
        self._units = _sentence_units(self.index)
        # Space tokens within a line (a non-breaking space inside a name) hang anywhere
        # in the parse; noun phrases and contents step over them.
        self.inline_spaces = frozenset(
            t.i for t in self.index.tokens if t.is_space and "\n" not in t.text
        )
        self._names: dict[str, str] = {}  # last word of a person's name -> fullest name
        self._roles: list[tuple[Token, str, frozenset[str]]] = []  # name head, name, role words
        self._phrases: dict[int, Span] = {}  # noun phrase by head
        self._person_names: dict[int, str | None] = {}
        self._register_names()
        self._mentions: list[Mention] = []
        self._cache: dict[int, ActorRef | None] = {}
        self._build_mentions()

    # -- the parse ---------------------------------------------------------------------

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """The token that heads who does ``verb``: its subject, or its governor's.

        A participle (``saying``), a conjoined verb (``and warned``) or a relative
        clause (``which issued a statement saying``) takes its speaker from above.
        """
        # A headline glued to the first sentence can give a verb two subjects: the one
        # in the verb's own paragraph, nearest to it, is the real one.
        subjects = [
            child
            for child in verb.children
            if child.dep_ == "nsubj" and not self.lines.breaks(child, verb)
        ]
        if subjects:
            child = min(subjects, key=lambda c: abs(c.i - verb.i))
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return _relative_antecedent(verb.head, child)
            return child
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        inverted = self._inverted_subject(verb) or self._stray_subject(verb)
        if inverted is not None:
            return inverted
        if depth >= 4 or verb.head.i == verb.i:
            return None
        if any(child.dep_ in {"nsubjpass", "csubj"} for child in verb.children):
            return None
        quoted = quoted_as_saying(verb)
        if quoted is not None:
            return quoted
        if verb.dep_ in {"conj", "advcl", "xcomp", "pcomp"}:
            governor = verb.head
            while governor.dep_ == "prep" and governor.head.i != governor.i:
                governor = governor.head
            # "X said [the U.S. had not seen plans], reiterating that...": a participle
            # of saying hung inside a reported clause belongs to the reporter.
            reporter = governor.head
            if (
                verb.tag_ == "VBG"
                and verb.lemma_.lower() in self.lexicon.speech_verbs
                and governor.dep_ == "ccomp"
                and reporter.lemma_.lower() in self.lexicon.speech_verbs
            ):
                governor = reporter
            return (
                self.subject_of(governor, depth + 1) if governor.pos_ in {"VERB", "AUX"} else None
            )
        if verb.dep_ == "acl":
            noun = verb.head
            governor = noun.head
            while governor.dep_ == "prep" and governor.head.i != governor.i:
                governor = governor.head
            if noun.dep_ in {"dobj", "pobj"} and governor.pos_ in {"VERB", "AUX"}:
                return self.subject_of(governor, depth + 1)
        return None

    def _inverted_subject(self, verb: Token) -> Token | None:
        """``"...," said Inbal Zach, 38, whose...``: the name right after an inverted cue.

        Used when the parser attached that name elsewhere.
        """
        doc = self.doc
        if verb.i == 0 or doc[verb.i - 1].text not in _INVERSION_LEFT:
            return None
        if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
            return None  # ", saying such a move...": a participle has no inverted subject
        head: Token | None = None
        for token in doc[verb.i + 1 : verb.i + 8]:
            if token.pos_ in {"PROPN", "NOUN"}:
                head = token
            elif token.pos_ not in {"DET", "ADJ"} or (head is not None and token.pos_ == "DET"):
                break
        return head

    def _stray_subject(self, verb: Token) -> Token | None:
        """``... Antony Blinken said``: the noun right before a finite cue.

        Used when the parser hung that noun elsewhere (typically across a paragraph
        break, when a headline or dateline runs into the first sentence).
        """
        if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
            return None
        doc = self.doc
        index = verb.i - 1
        while index >= 0 and (doc[index].is_space or doc[index].pos_ in {"ADV", "AUX"}):
            if "\n" in doc[index].text:
                return None
            index -= 1
        if index < 0:
            return None
        candidate = doc[index]
        if candidate.pos_ not in {"NOUN", "PROPN", "PRON"} or candidate.dep_ in {"nsubj", "dobj"}:
            return None
        return candidate

    def noun_phrase(self, head: Token) -> Span:
        """The noun phrase ``head`` heads, as written: relative clauses cut, one paragraph."""
        phrase = self._phrases.get(head.i)
        if phrase is None:
            phrase = self._phrases[head.i] = self._noun_phrase(head.i)
        return phrase

    def _noun_phrase(self, head: int) -> Span:
        index = self.index
        cut: set[int] = set()
        proper = index.tokens[head].pos_ == "PROPN"
        for child in index.children[head]:
            dep = index.deps[child]
            if dep == "relcl" or (dep == "acl" and _after_comma(index, child)):
                cut |= index.subtree(child)
            elif dep == "prep" and _names_a_time(index.tokens[child]):
                cut |= index.subtree(child)  # "a statement from X on Saturday night"
            elif proper and dep == "appos" and child > head and _after_comma(index, child):
                # "Lukas Weber, an engineer at Leeds University": the person, trimmed.
                cut |= index.subtree(child)
        inside = index.subtree(head) - cut
        inside |= self.inline_spaces
        start = end = head
        while start - 1 in inside and not index.breaks(start - 1, start):
            start -= 1
        while end + 1 in inside and not index.breaks(end, end + 1):
            end += 1
        tokens = index.tokens
        while start < end and (
            tokens[start].is_punct or tokens[start].is_space or index.deps[start] == "cc"
        ):
            start += 1
        while end > start and (
            tokens[end].is_punct or tokens[end].is_space or index.deps[end] == "cc"
        ):
            end -= 1
        return self.doc[start : end + 1]

    # -- who a token is ----------------------------------------------------------------

    def speaker(self, head: Token) -> ActorRef | None:
        """The speaker a subject token stands for, or ``None`` when it names no one."""
        if head.i in self._cache:
            return self._cache[head.i]
        ref = self._speaker(head)
        self._cache[head.i] = ref
        return ref

    def _speaker(self, head: Token) -> ActorRef | None:
        lower = head.lower_
        if lower in _NON_SPEAKERS:
            return None
        span = self.noun_phrase(head)
        if lower in RESOLVABLE_PRONOUNS:
            antecedent = self._antecedent(head)
            canonical = (antecedent.canonical or antecedent.text) if antecedent else None
            base = antecedent or ActorRef(text=head.text)
            return base.model_copy(
                update={
                    "text": head.text,
                    "start": head.idx,
                    "end": head.idx + len(head.text),
                    "canonical": canonical,
                }
            )
        ref = self.actors.resolve_span(span)
        name = self.person_name(head)
        if name is not None:
            known = self.actors.person(name)
            update: dict[str, object] = {"canonical": name, "kind": "person"}
            if known is not None:
                update.update(role=known.role, country=known.country, code=known.code)
            return ref.model_copy(update=update)
        if ref.kind not in {"country", "igo", "group"}:
            update = {"canonical": self._role_holder(head)}
            if self.is_person(head):
                update["kind"] = "person"
            ref = ref.model_copy(update=update)
        return ref

    def speaker_of_phrase(self, span: Span) -> ActorRef:
        """A speaker given as bare words (a headline's subject), resolved by its words."""
        ref = self.actors.resolve_span(span)
        name = self._names.get(span[-1].text)
        if name is not None:
            return ref.model_copy(update={"canonical": name, "kind": "person"})
        return ref

    def person_name(self, head: Token) -> str | None:
        """The fullest name of the person a noun phrase names (head or apposition)."""
        # Names are all registered before the first call, so the answer never changes.
        if head.i not in self._person_names:
            self._person_names[head.i] = self._person_name(head)
        return self._person_names[head.i]

    def _person_name(self, head: Token) -> str | None:
        phrase = self.noun_phrase(head)
        appositions = [t for t in phrase if t.dep_ == "appos" and t.i != head.i]
        for token in (head, *appositions):
            chain = self._name_chain(token)
            if chain and self._is_person_name(token, chain):
                return self._fullest(chain)
        return None

    def is_person(self, head: Token) -> bool:
        """Whether a subject names a person (by name, role noun or ``he``/``she``)."""
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            return True
        if lower in THING_PRONOUNS | PLURAL_PRONOUNS:
            return False
        if lower in _QUANTIFIER_SUBJECTS:
            return True
        if self.person_name(head) is not None:
            return True
        return head.lemma_.lower() in self.lexicon.person_nouns and not self._names_organisation(
            head
        )

    # -- names -------------------------------------------------------------------------

    def _name_chain(self, token: Token) -> list[Token]:
        """The proper-noun run ending at ``token``, titles left out (``Antony Blinken``)."""
        if token.pos_ != "PROPN":
            return []
        index = self.index
        chain = [token]
        lefts = [
            index.tokens[left]
            for left in index.children[token.i]
            if left < token.i and not index.is_space[left]
        ]
        for left in reversed(lefts):
            if not all(index.is_space[left.i + 1 : chain[0].i]):
                break
            if left.dep_ not in {"compound", "flat", "nmod", "amod"} or left.pos_ != "PROPN":
                break
            if self._is_title_word(left) or left.ent_type_ in {"GPE", "NORP"}:
                break
            chain.insert(0, left)
        return chain

    def _is_title_word(self, token: Token) -> bool:
        lower = token.lower_.rstrip(".")
        return lower in self.lexicon.person_nouns or lower in self.lexicon.title_modifiers

    def _is_person_name(self, head: Token, chain: list[Token]) -> bool:
        if self._names_organisation(head):
            return False
        if resolve_name(self._chain_text(chain)).kind in {"country", "igo", "group"}:
            return False
        return chain[-1].text in self._names or self._is_tagged_name(chain)

    def _is_tagged_name(self, chain: list[Token]) -> bool:
        """Tagged as a person, or (untagged) after a title ("Secretary of State Antony
        Blinken")."""
        if any(token.ent_type_ == "PERSON" for token in chain):
            return True
        first = chain[0].i
        return first > 0 and self._is_title_word(self.index.tokens[first - 1])

    def _names_organisation(self, head: Token) -> bool:
        """``Gold Fields of South Africa Ltd``, ``the ministry``: not a person's name."""
        if head.lemma_.lower() in self.lexicon.person_nouns:
            return False
        words = {head.lower_, head.lemma_.lower()}
        words |= {child.lower_ for child in head.children if child.dep_ in {"compound", "flat"}}
        for token in head.subtree:
            if token.i > head.i and token.dep_ in {"pobj", "compound", "flat", "appos"}:
                words.add(token.lower_.rstrip("."))
        return bool(words & self.lexicon.organisation_words)

    def _fullest(self, chain: list[Token]) -> str:
        name = self._chain_text(chain)
        candidates = [name, self._names.get(chain[-1].text, name)]
        known = self.actors.full_name(name)
        # NER sometimes swallows a title word into a name ("State Antony Blinken").
        titles = self.lexicon.title_modifiers
        if known and not any(word.lower() in titles for word in known.split()):
            candidates.append(known)
        return max(candidates, key=len)

    def _register_names(self) -> None:
        # The tests of ``_is_person_name`` that do not depend on the names seen so far
        # are made once; then two passes: a bare "Blinken" in the headline counts as a
        # name once the body's "Secretary of State Antony Blinken" has been seen.
        candidates: list[tuple[Token, list[Token], str, bool]] = []
        for token in self.index.tokens:
            if token.pos_ != "PROPN" or token.dep_ in {"compound", "flat"}:
                continue
            chain = self._name_chain(token)
            if not chain or self._names_organisation(token):
                continue
            name = self._chain_text(chain)
            if resolve_name(name).kind in {"country", "igo", "group"}:
                continue
            candidates.append((token, chain, name, self._is_tagged_name(chain)))
        for final in (False, True):
            for token, chain, name, tagged in candidates:
                last = chain[-1].text
                if not tagged and last not in self._names:
                    continue
                if len(name) > len(self._names.get(last, "")):
                    self._names[last] = name
                if final:
                    self._roles.append((token, name, self._role_words(token, chain)))

    def _role_words(self, name_head: Token, chain: list[Token]) -> frozenset[str]:
        """Title and apposition words around a name: ``spokesperson``, ``military``..."""
        words = {
            token.lower_
            for token in name_head.lefts
            if token.i < chain[0].i and token.is_alpha and token not in chain
        }
        for relative in (*name_head.children, name_head.head):
            is_apposition = relative.dep_ == "appos" or name_head.dep_ == "appos"
            if is_apposition and relative.i != name_head.i and relative.pos_ == "NOUN":
                words.update(t.lower_ for t in relative.subtree if t.is_alpha)
        return frozenset(words)

    def _role_holder(self, head: Token) -> str | None:
        """The named person a definite role noun (``the spokesperson``) stands for."""
        role = head.lemma_.lower()
        if role not in self.lexicon.person_nouns or head.tag_ in {"NNS", "NNPS"}:
            return None
        if not any(child.lower_ in {"the", "this"} for child in head.children):
            return None
        modifiers = {t.lower_ for t in head.lefts if t.is_alpha} - {"the", "this"}
        unit = self._units[head.i]
        best: tuple[int, int, str] | None = None
        for name_head, name, words in self._roles:
            if role not in words:
                continue
            distance = abs(self._units[name_head.i] - unit)
            if distance > _ROLE_REACH:
                continue
            # Earlier mentions first; closer ones, then ones sharing more modifiers.
            order = (distance + (0 if name_head.i < head.i else 2), -len(modifiers & words))
            if best is None or order < best[:2]:
                best = (*order, name)
        return best[2] if best else None

    # -- pronouns ----------------------------------------------------------------------

    def _build_mentions(self) -> None:
        for token in self.index.tokens:
            if token.dep_ not in {"nsubj", "nsubjpass", "pobj"}:
                continue
            if token.lower_ in _NON_SPEAKERS or token.pos_ not in {"NOUN", "PROPN", "PRON"}:
                continue
            if self._in_quote(token.idx):
                continue
            is_source = token.dep_ == "pobj" and self._is_source_phrase_object(token)
            if token.dep_ == "pobj" and not is_source:
                continue
            ref = self.speaker(token)
            if ref is None:
                continue
            verb = token.head
            is_speaker = is_source or (
                token.dep_ == "nsubj" and verb.lemma_.lower() in self.lexicon.reporting_verbs
            )
            self._mentions.append(
                Mention(
                    head=token,
                    unit=self._units[token.i],
                    ref=ref,
                    is_person=self.is_person(token),
                    is_plural=_is_plural(token),
                    is_speaker=is_speaker,
                )
            )

    def _is_source_phrase_object(self, token: Token) -> bool:
        """The object of a source phrase: ``the ministry`` in ``according to the ministry``."""
        for phrase in self.lexicon.source_phrases:
            words: list[str] = []
            governor = token
            while len(words) < len(phrase) and governor.head.i != governor.i:
                governor = governor.head
                words.insert(0, governor.lower_)
            if tuple(words) == phrase:
                return True
        return False

    def _antecedent(self, pronoun: Token) -> ActorRef | None:
        lower = pronoun.lower_
        unit = self._units[pronoun.i]
        earlier = [m for m in self._mentions if m.head.i < pronoun.i]
        for distance in range(_PRONOUN_REACH + 1):
            in_unit = [m for m in earlier if m.unit == unit - distance and _agrees(lower, m)]
            if not in_unit:
                continue
            speakers = [m for m in in_unit if m.is_speaker]
            chosen = (speakers or in_unit)[-1]
            return chosen.ref
        return None

    def _in_quote(self, offset: int) -> bool:
        before = bisect.bisect_right(self._quoted_starts, offset)
        return before > 0 and self._quoted_reach[before - 1] > offset

    def _chain_text(self, chain: list[Token]) -> str:
        """A name as written, spaces made plain (``al-Rishq`` keeps its hyphen unspaced)."""
        last = chain[-1]
        return _SPACES.sub(" ", self.index.text[chain[0].idx : last.idx + len(last.text)])


def quoted_as_saying(verb: Token) -> Token | None:
    """``The paper quoted X as saying``: X said it, not the paper."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ != "as":
        return None
    quoting = preposition.head
    if quoting.lemma_.lower() not in {"quote", "cite"}:
        return None
    return next((c for c in quoting.children if c.dep_ == "dobj"), None)


def _names_a_time(preposition: Token) -> bool:
    return any(
        child.dep_ == "pobj" and child.ent_type_ in {"DATE", "TIME"}
        for child in preposition.children
    )


def _relative_antecedent(noun: Token, pronoun: Token) -> Token:
    """What ``who`` stands for: ``X, the coordinator for the territories, who urged``
    hangs the clause on the nearest noun; a person's ``who`` climbs out of prepositional
    phrases and appositions to the person."""
    if pronoun.lower_ not in {"who", "whom"} or noun.ent_type_ == "PERSON":
        return noun
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i != noun.i:
        noun = noun.head.head
    if noun.dep_ == "appos" and noun.head.pos_ in {"PROPN", "NOUN"}:
        noun = noun.head
    return noun


def _agrees(pronoun: str, mention: Mention) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return mention.is_person and not mention.is_plural
    if pronoun in THING_PRONOUNS:
        return not mention.is_person and not mention.is_plural
    return mention.is_plural or not mention.is_person


def _is_plural(token: Token) -> bool:
    if token.lower_ in PLURAL_PRONOUNS or token.lower_ in _QUANTIFIER_SUBJECTS - {"most"}:
        return True
    if token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
        return False
    return token.tag_ in {"NNS", "NNPS"} or any(child.dep_ == "conj" for child in token.children)


def _after_comma(index: DocIndex, token: int) -> bool:
    first = min(index.subtree(token))
    return first > 0 and index.words[first - 1] == ","


def _sentence_units(index: DocIndex) -> list[int]:
    """A sentence number per token, counting paragraph breaks as sentence ends."""
    units: list[int] = []
    unit = 0
    for token in index.tokens:
        if token.i > 0 and (token.is_sent_start or index.breaks(token.i - 1, token.i)):
            unit += 1
        units.append(unit)
    return units
