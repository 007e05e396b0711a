"""Quotations: direct, mixed and reported speech, with speaker and cue.

Three sources, merged in text order:

* quotation marks (``quote_marks``): a whole quotation is ``direct``, attributed through
  the cue verb next to it (``"...," he said`` / ``X said: "..."``) or, with no cue in its
  sentence, to the previous speaker (a follow-up paragraph); a quoted fragment inside a
  clause (``wants a "clear and implementable plan"``) is ``mixed``, attributed through
  the cue verb that governs it;
* reported speech: a speech or cognition verb (``data/cues.yaml``) with a clausal
  complement, in either order (``X said Y`` / ``Y, X said``), participles included
  (``saying such a move would...``); content is the complement, speaker the subject;
* ``according to X``: speaker X, content the clause the phrase hangs on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.quote_marks import QuotedSpan, find_quoted_spans
from newsclaims.extract.speakers import CueLexicon, SpeakerResolver, cue_lexicon
from newsclaims.model import ActorRef, Cue, Quote, QuoteKind
from newsclaims.model import Span as TextSpan

_HEADLINE = re.compile(r"[^\n]{1,300}\r?\n[ \t\r]*\n")
_SENTENCE_END = {".", "!", "?"}
_QUESTION_MARKS = {"whether", "if"}
_QUESTION_WORDS = {"how", "why", "when", "where", "who", "whom", "which"}
# A cue this many tokens after a closing mark still belongs to the quotation
# (``," Yahya Sinwar, Hamas's leader in the Gaza Strip, said``).
_AFTER_REACH = 20
_MIN_CLAUSE_TOKENS = 2
_MIN_PHRASE_TOKENS = 3


@dataclass
class _Found:
    """A quotation before it gets its id."""

    kind: QuoteKind
    start: int
    end: int
    speaker: ActorRef | None
    cue: Cue | None
    paragraph: int


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    """Every quotation in ``doc``, in text order."""
    text = doc.text
    marked = find_quoted_spans(text)
    spans = [(q.open_mark, q.end if q.close_mark is None else q.close_mark + 1) for q in marked]
    resolver = SpeakerResolver(doc, actors, spans)
    finder = _QuoteFinder(doc, resolver, marked)
    found = finder.reported_speech() + finder.according_to()
    found = finder.marked_quotes(found) + found
    headline = _HEADLINE.match(text)
    headline_end = headline.end() if headline else 0
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for item in sorted(found, key=lambda f: (f.start, -f.end, f.speaker is None)):
        if (item.start, item.end) in seen:
            continue
        seen.add((item.start, item.end))
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                kind=item.kind,
                content=TextSpan(start=item.start, end=item.end, text=text[item.start : item.end]),
                speaker=item.speaker,
                cue=item.cue,
                in_headline=item.start < headline_end,
            )
        )
    return quotes


class _QuoteFinder:
    """The three finders over one parsed document."""

    def __init__(self, doc: Doc, resolver: SpeakerResolver, marked: list[QuotedSpan]) -> None:
        self.doc = doc
        self.resolver = resolver
        self.lexicon: CueLexicon = cue_lexicon()
        self.marked = marked
        self.fragments = [q for q in marked if _is_fragment(doc, q, self.lexicon)]
        self.whole = [q for q in marked if q not in self.fragments]
        self._token_starts = [token.idx for token in doc]
        self._paragraph_starts = [m.end() for m in re.finditer("\n", doc.text)]

    # -- reported speech ---------------------------------------------------------------

    def reported_speech(self) -> list[_Found]:
        """``X said (that) Y``, ``Y, X said``, ``saying Y``, ``X believes Y``."""
        found: list[_Found] = []
        for verb in self.doc:
            if not _is_verb(verb) or self._quoted(verb.idx):
                continue
            complements = self._complements(verb)
            if not complements:
                continue
            speaker = self._speaker_of(verb)
            if speaker is None:
                continue
            for complement, cut, minimum in complements:
                span = self._content(complement, cut, minimum)
                if span is None or self._inside_whole_quote(*span):
                    continue
                found.append(
                    _Found(
                        kind="mixed" if self._has_fragment(*span) else "indirect",
                        start=span[0],
                        end=span[1],
                        speaker=speaker,
                        cue=_cue(verb),
                        paragraph=self._paragraph(span[0]),
                    )
                )
        return found

    def _complements(self, verb: Token) -> list[tuple[Token, set[int], int]]:
        """The content heads of a cue verb: (head, tokens to leave out, minimum size)."""
        lemma = verb.lemma_.lower()
        lexicon = self.lexicon
        if lemma not in lexicon.reporting_verbs | lexicon.object_cues | set(
            lexicon.prepositional_cues
        ):
            return []
        clauses = [
            child
            for child in verb.children
            if child.dep_ == "ccomp" and lemma in lexicon.reporting_verbs and _is_claim(child)
        ]
        if clauses:
            return [(clause, set(), _MIN_CLAUSE_TOKENS) for clause in clauses]
        children = list(verb.children)
        if lemma in lexicon.infinitive_cues:
            for child in children:
                if child.dep_ == "xcomp" and any(c.dep_ == "aux" for c in child.children):
                    return [(child, set(), _MIN_PHRASE_TOKENS)]
        for child in children:
            if child.dep_ != "dobj" or child.pos_ == "PRON":
                continue
            # "Hamas says 30 killed in...": a headline's clause parsed as an object.
            reduced_clause = lemma in lexicon.speech_verbs and any(
                c.dep_ == "acl" and c.tag_ == "VBN" for c in child.children
            )
            if lemma in lexicon.object_cues or reduced_clause:
                return [(child, set(), _MIN_PHRASE_TOKENS)]
        for child in children:
            if child.dep_ == "prep" and child.lower_ in lexicon.prepositional_cues.get(lemma, ()):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return [(objects[0], set(), _MIN_PHRASE_TOKENS)]
        return self._preceding_clause(verb)

    def _preceding_clause(self, verb: Token) -> list[tuple[Token, set[int], int]]:
        """``Y, X said`` parsed with the cue hanging on Y's verb."""
        head = verb.head
        if (
            verb.lemma_.lower() not in self.lexicon.speech_verbs
            or verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"}
            or head.i > verb.i
            or not _is_verb(head)
        ):
            return []
        if verb.i == 0 or not any(t.text == "," for t in self.doc[head.i : verb.i]):
            return []
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return []
        return [(head, {t.i for t in verb.subtree}, _MIN_CLAUSE_TOKENS)]

    # -- according to ------------------------------------------------------------------

    def according_to(self) -> list[_Found]:
        """``..., according to X``: speaker X, content the clause it qualifies."""
        found: list[_Found] = []
        doc = self.doc
        for phrase in self.lexicon.source_phrases:
            size = len(phrase)
            for token in doc[: len(doc) - size + 1]:
                words = tuple(t.lower_ for t in doc[token.i : token.i + size])
                if words != phrase or self._quoted(token.idx):
                    continue
                last = doc[token.i + size - 1]
                sources = [c for c in last.children if c.dep_ == "pobj"]
                if not sources:
                    continue
                speaker = self.resolver.speaker(sources[0])
                if speaker is None:
                    continue
                head = token.head
                while not _is_verb(head) and head.head is not head:
                    head = head.head
                cut = {t.i for t in token.subtree} | set(range(token.i, token.i + size))
                if head is token or head.i in cut:
                    continue
                span = self._content(head, cut, _MIN_CLAUSE_TOKENS)
                if span is None:
                    continue
                cue = Cue(
                    text=doc[token.i : token.i + size].text,
                    start=token.idx,
                    end=last.idx + len(last.text),
                    lemma=" ".join(phrase),
                )
                found.append(
                    _Found(
                        kind="mixed" if self._has_fragment(*span) else "indirect",
                        start=span[0],
                        end=span[1],
                        speaker=speaker,
                        cue=cue,
                        paragraph=self._paragraph(span[0]),
                    )
                )
        return found

    # -- quotation marks ---------------------------------------------------------------

    def marked_quotes(self, reported: list[_Found]) -> list[_Found]:
        """Direct quotations and quoted fragments, with speaker and cue."""
        found: list[_Found] = []
        for quoted in self.marked:
            paragraph = self._paragraph(quoted.start)
            if quoted in self.fragments:
                cue_verb = self._governing_cue(quoted) or self._cue_in_sentence(quoted)
                speaker = self._speaker_of(cue_verb) if cue_verb is not None else None
                if speaker is None:
                    speaker = self._source_in_sentence(quoted)
                if speaker is None:
                    continue  # scare quotes: nobody is quoted
                found.append(
                    _Found(
                        "mixed",
                        quoted.start,
                        quoted.end,
                        speaker,
                        _cue(cue_verb) if cue_verb is not None else None,
                        paragraph,
                    )
                )
                continue
            cue_verb = self._cue_after(quoted) or self._cue_before(quoted)
            speaker = self._speaker_of(cue_verb) if cue_verb is not None else None
            cue = _cue(cue_verb) if cue_verb is not None and speaker is not None else None
            if speaker is None:
                speaker = self._previous_speaker(quoted, found + reported)
            found.append(_Found("direct", quoted.start, quoted.end, speaker, cue, paragraph))
        return found

    def _cue_after(self, quoted: QuotedSpan) -> Token | None:
        """``"...," he said`` / ``"...," said X``: a cue right after the closing mark."""
        if quoted.close_mark is None:
            return None
        doc = self.doc
        first = bisect.bisect_right(self._token_starts, quoted.close_mark)
        after = doc[first : first + _AFTER_REACH]
        ends_sentence = self.doc.text[quoted.end - 1] in _SENTENCE_END
        previous = None
        for token in after:
            if previous is not None and _breaks_paragraph(doc.text, previous, token):
                break
            if token.text in _SENTENCE_END or self._opens_quote(token):
                break
            previous = token
            if _is_verb(token) and token.lemma_.lower() in self.lexicon.reporting_verbs:
                # After a full stop the next sentence may report something else.
                if ends_sentence and any(c.dep_ in {"ccomp", "dobj"} for c in token.children):
                    return None
                return token
        return None

    def _cue_before(self, quoted: QuotedSpan) -> Token | None:
        """``X said: "..."`` / ``told the families, "..."``: the nearest cue before."""
        doc = self.doc
        before = doc[: bisect.bisect_left(self._token_starts, quoted.open_mark)]
        following = None
        for token in reversed(before):
            if following is not None and _breaks_paragraph(doc.text, token, following):
                break
            if token.text in _SENTENCE_END or self._closes_quote(token):
                break
            following = token
            if _is_verb(token) and token.lemma_.lower() in self.lexicon.reporting_verbs:
                return token
        return None

    def _governing_cue(self, quoted: QuotedSpan) -> Token | None:
        """The cue verb a quoted fragment depends on (``said the hospital was "..."``)."""
        span = self._tokens(quoted.start, quoted.end)
        if span is None:
            return None
        verbs = self.lexicon.reporting_verbs | self.lexicon.naming_verbs | self.lexicon.object_cues
        token = span.root
        while token.head is not token:
            token = token.head
            if (
                _is_verb(token)
                and token.lemma_.lower() in verbs
                and not self._quoted(token.idx)
                and self.resolver.subject_of(token) is not None
            ):
                return token
        return None

    def _cue_in_sentence(self, quoted: QuotedSpan) -> Token | None:
        """The nearest cue verb with a subject in the fragment's sentence."""
        span = self._tokens(quoted.start, quoted.end)
        if span is None:
            return None
        sentence = span.root.sent
        verbs = self.lexicon.reporting_verbs | self.lexicon.naming_verbs
        candidates = [
            t
            for t in sentence
            if _is_verb(t)
            and t.lemma_.lower() in verbs
            and not self._quoted(t.idx)
            and self._paragraph(t.idx) == self._paragraph(quoted.start)
            and self.resolver.subject_of(t) is not None
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda t: abs(t.idx - quoted.start))

    def _source_in_sentence(self, quoted: QuotedSpan) -> ActorRef | None:
        span = self._tokens(quoted.start, quoted.end)
        if span is None:
            return None
        for token in span.root.sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc):
                for source in self.doc[token.i + 1].children:
                    if source.dep_ == "pobj":
                        return self.resolver.speaker(source)
        return None

    def _previous_speaker(self, quoted: QuotedSpan, found: list[_Found]) -> ActorRef | None:
        """A follow-up quotation's speaker: the latest one in this or the last paragraph."""
        paragraph = self._paragraph(quoted.start)
        earlier = [
            f
            for f in found
            if f.start < quoted.start and paragraph - 1 <= f.paragraph and f.speaker is not None
        ]
        if not earlier:
            return None
        return max(earlier, key=lambda f: f.start).speaker

    # -- helpers -----------------------------------------------------------------------

    def _speaker_of(self, verb: Token) -> ActorRef | None:
        subject = self.resolver.subject_of(verb)
        if subject is None or self._quoted(subject.idx):
            return None
        return self.resolver.speaker(subject)

    def _content(self, head: Token, cut: set[int], minimum: int) -> tuple[int, int] | None:
        """The character span of ``head``'s subtree around ``head``, within its paragraph."""
        doc = self.doc
        inside = {t.i for t in head.subtree} - cut
        start = end = head.i
        while start - 1 in inside and not _breaks_paragraph(doc.text, doc[start - 1], doc[start]):
            start -= 1
        while end + 1 in inside and not _breaks_paragraph(doc.text, doc[end], doc[end + 1]):
            end += 1
        while start < end and (
            doc[start].is_punct or doc[start].is_space or doc[start].dep_ in {"mark", "cc"}
        ):
            if self._opens_quote(doc[start]):
                break
            start += 1
        while end > start and (doc[end].is_punct or doc[end].is_space or doc[end].dep_ == "cc"):
            if self._closes_quote(doc[end]):
                break
            end -= 1
        words = [t for t in doc[start : end + 1] if not t.is_punct and not t.is_space]
        if len(words) < minimum:
            return None
        return doc[start].idx, doc[end].idx + len(doc[end].text)

    def _tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _quoted(self, offset: int) -> bool:
        return any(q.open_mark <= offset < q.end for q in self.marked)

    def _inside_whole_quote(self, start: int, end: int) -> bool:
        """Mostly a full quotation already: the marks' item covers it."""
        for quoted in self.whole:
            overlap = min(end, quoted.end) - max(start, quoted.start)
            if overlap > 0.5 * (end - start):
                return True
        return False

    def _has_fragment(self, start: int, end: int) -> bool:
        return any(start <= q.start and q.end <= end for q in self.fragments)

    def _opens_quote(self, token: Token) -> bool:
        return any(q.open_mark == token.idx for q in self.marked)

    def _closes_quote(self, token: Token) -> bool:
        return any(q.close_mark == token.idx for q in self.marked)

    def _paragraph(self, offset: int) -> int:
        """The paragraph (line) number of a character."""
        return bisect.bisect_right(self._paragraph_starts, offset)


def _is_fragment(doc: Doc, quoted: QuotedSpan, lexicon: CueLexicon) -> bool:
    """A quotation embedded in the writer's clause (``under "intense bombardment"``)."""
    text = doc.text
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
            if word.lemma_.lower() in lexicon.reporting_verbs and _is_verb(word):
                return False
    return True


def _is_claim(clause: Token) -> bool:
    """A clause that states something (not ``whether...``, not a bare participle)."""
    children = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in children):
        return False
    first = min(t.i for t in clause.subtree)
    if clause.doc[first].lower_ in _QUESTION_WORDS and clause.doc[first].dep_ == "advmod":
        return False
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in children)
    return has_subject or clause.tag_ != "VBG"


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def _cue(verb: Token) -> Cue:
    return Cue(text=verb.text, start=verb.idx, end=verb.idx + len(verb.text), lemma=verb.lemma_)


def _breaks_paragraph(text: str, left: Token, right: Token) -> bool:
    return "\n" in text[left.idx : right.idx + len(right.text)]
