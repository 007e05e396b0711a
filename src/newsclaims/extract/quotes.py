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
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.doc_index import doc_index
from newsclaims.extract.quote_marks import QuotedSpan, find_quoted_spans
from newsclaims.extract.speakers import CueLexicon, SpeakerResolver, cue_lexicon
from newsclaims.ingest.headline import find_headline
from newsclaims.model import ActorRef, Cue, Quote, QuoteKind
from newsclaims.model import Span as TextSpan

_SENTENCE_END = {".", "!", "?"}
_QUESTION_MARKS = {"whether", "if"}
_QUESTION_WORDS = {"how", "why", "when", "where", "who", "whom", "which"}
# A cue this many tokens after a closing mark still belongs to the quotation
# (``," Yahya Sinwar, Hamas's leader in the Gaza Strip, said``).
_AFTER_REACH = 20
_MIN_CLAUSE_TOKENS = 2
_MIN_PHRASE_TOKENS = 3
_SENTENCE_REACH = 120
_JOINS = {"and", "but"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
# At most this many words between a trailing speaker's comma and its cue.
_SPEAKER_WORDS = 12


@dataclass
class _Found:
    """A quotation before it gets its id."""

    kind: QuoteKind
    start: int
    end: int
    speaker: ActorRef | None
    cue: Cue | None
    paragraph: int
    named_speaker: bool = False


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    """Every quotation in ``doc``, in text order."""
    text = doc_index(doc).text
    marked = find_quoted_spans(text)
    spans = [(q.open_mark, q.end if q.close_mark is None else q.close_mark + 1) for q in marked]
    resolver = SpeakerResolver(doc, actors, spans, text)
    finder = _QuoteFinder(doc, resolver, marked)
    found = finder.headline_speech() or []
    found += finder.reported_speech() + finder.according_to() + finder.trailing_attribution()
    found = finder.marked_quotes(found) + found
    headline = find_headline(text)
    headline_end = headline.body_start if headline else 0
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


@dataclass(frozen=True)
class _Content:
    """Reported content as tokens: the run of ``tokens`` around ``anchor``."""

    anchor: Token
    tokens: set[int]
    minimum: int

    @classmethod
    def subtree(cls, head: Token, minimum: int) -> _Content:
        return cls(head, {t.i for t in head.subtree}, minimum)

    @classmethod
    def rest_of(cls, verb: Token, first: Token, minimum: int) -> _Content:
        """From ``first`` to the end of the cue verb's phrase."""
        start = min(t.i for t in first.subtree)
        return cls(first, {t.i for t in verb.subtree if t.i >= start}, minimum)


class _QuoteFinder:
    """The three finders over one parsed document."""

    def __init__(self, doc: Doc, resolver: SpeakerResolver, marked: list[QuotedSpan]) -> None:
        self.doc = doc
        self.index = resolver.index
        self.resolver = resolver
        self.lexicon: CueLexicon = cue_lexicon()
        self.marked = marked
        self.lines = resolver.lines
        self.text = resolver.lines.text
        self.fragments = [q for q in marked if _is_fragment(doc, self.text, q, self.lexicon)]
        self.whole = [q for q in marked if q not in self.fragments]
        self._token_starts = self.index.starts
        # Marks sorted by opening, with the furthest end reached so far (``_quoted``).
        by_opening = sorted((q.open_mark, q.end) for q in marked)
        self._opening_marks = [mark for mark, _ in by_opening]
        self._quoted_reach: list[int] = []
        for _, end in by_opening:
            self._quoted_reach.append(
                max(end, self._quoted_reach[-1] if self._quoted_reach else end)
            )
        self._open_marks = {q.open_mark for q in marked}
        self._close_marks = {q.close_mark for q in marked if q.close_mark is not None}
        # Cues up to this token were read as a headline's "X says Y".
        self.headline_cue = -1

    # -- reported speech ---------------------------------------------------------------

    def reported_speech(self) -> list[_Found]:
        """``X said (that) Y``, ``Y, X said``, ``saying Y``, ``X believes Y``."""
        found: list[_Found] = []
        for verb in self.index.tokens:
            if not _is_verb(verb) or self._quoted(verb.idx) or verb.i <= self.headline_cue:
                continue
            if any(child.dep_ == "neg" for child in verb.children):
                continue  # "could not confirm the number", "did not say": nothing reported
            complements = self._complements(verb)
            if not complements:
                continue
            speaker = self._speaker_of(verb)
            if speaker is None or self._inanimate_subject(verb):
                continue
            for complement in complements:
                span = self._content(complement)
                if span is None or self._inside_whole_quote(*span):
                    continue
                if span[0] <= self._speaker_token(verb) < span[1]:
                    continue  # the parse took the speaker into the content
                found.append(
                    _Found(
                        kind="mixed" if self._has_fragment(*span) else "indirect",
                        start=span[0],
                        end=span[1],
                        speaker=speaker,
                        cue=_cue(verb),
                        paragraph=self._paragraph(span[0]),
                        named_speaker=self._speaker_is_named(verb),
                    )
                )
        return _outermost(found)

    def _complements(self, verb: Token) -> list[_Content]:
        """What a cue verb reports: its clause, infinitive, object or prepositional object."""
        lemma = verb.lemma_.lower()
        lexicon = self.lexicon
        cues = lexicon.reporting_verbs | lexicon.object_cues | lexicon.object_infinitive_cues
        if lemma not in cues | set(lexicon.prepositional_cues):
            return []
        children = [c for c in verb.children if self._same_paragraph(c, verb)]
        clauses = [
            child
            for child in children + self._stranded_clauses(verb)
            if child.dep_ == "ccomp" and lemma in lexicon.reporting_verbs and _is_claim(child)
        ] or [child for child in children if _gapped_claim(verb, child, lexicon)]
        if clauses:
            before = [c for c in clauses if c.i < verb.i]
            after = [c for c in clauses if c.i > verb.i]
            sides = [self._clause(verb, side, children) for side in (before, after) if side]
            return [part for content in sides for part in _split_that_clauses(content)]
        if lemma in lexicon.object_infinitive_cues and (asked := _object_and_infinitive(children)):
            return [asked]
        if lemma in lexicon.infinitive_cues:
            for child in children:
                if child.dep_ == "xcomp" and any(c.dep_ == "aux" for c in child.children):
                    return [_Content.subtree(child, _MIN_PHRASE_TOKENS)]
        for child in children:
            if child.dep_ != "dobj" or child.pos_ == "PRON":
                continue
            if child.lemma_.lower() in lexicon.non_report_objects:
                return []  # "confirmed receipt of the offer"
            if lemma in lexicon.object_cues:
                return [_Content.subtree(child, _MIN_PHRASE_TOKENS)]
            if lemma in lexicon.split_clause_verbs and self._clause_follows(verb, child):
                # "said the Iranians in a ... attack rushed forward": a clause the parser
                # split into an object and a stray verb. Take all that follows the cue.
                return [_Content.rest_of(verb, child, _MIN_CLAUSE_TOKENS)]
        for child in children:
            if child.dep_ == "prep" and child.lower_ in lexicon.prepositional_cues.get(lemma, ()):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return [_Content.rest_of(verb, objects[0], _MIN_PHRASE_TOKENS)]
        return self._preceding_clause(verb)

    def _stranded_clauses(self, verb: Token) -> list[Token]:
        """Clauses of the cue's paragraph that the parser hung under another paragraph's.

        A headline glued to the first sentence ("Leader Agrees Moves / Leader has agreed
        ..., sources said") leaves the real complement below the headline's verb.
        """
        stranded: list[Token] = []
        for child in verb.children:
            if child.dep_ != "ccomp" or self._same_paragraph(child, verb):
                continue
            stranded.extend(
                token
                for token in child.subtree
                if self._same_paragraph(token, verb)
                and not self._same_paragraph(token.head, verb)
                and _is_verb(token)
            )
        return stranded

    def _same_paragraph(self, first: Token, second: Token) -> bool:
        return not self.lines.breaks(*_ordered(first, second))

    def _clause(self, verb: Token, clauses: list[Token], children: list[Token]) -> _Content:
        """The clausal complements on one side of the cue, mended where the parse broke.

        Sibling complements on the same side are one clause cut in two ("said [General
        X ... positioned in Basra], [had replaced Y]"); an object just before a
        subjectless complement is that complement's subject ("confirmed [229 captives]
        [were taken]").
        """
        tokens = {t.i for clause in clauses for t in clause.subtree}
        first = min(clauses, key=lambda c: c.i)
        has_subject = any(c.dep_ in _SUBJECTS for c in first.children)
        objects = [c for c in children if c.dep_ == "dobj" and verb.i < c.i < first.i]
        if not has_subject and objects:
            tokens |= set(range(min(t.i for t in objects[-1].subtree), first.i))
        return _Content(first, tokens, _MIN_CLAUSE_TOKENS)

    def _clause_follows(self, verb: Token, obj: Token) -> bool:
        """A finite verb after the object, still in the cue's sentence and subtree."""
        in_subtree = {t.i for t in verb.subtree}
        for token in self.doc[obj.i + 1 : verb.sent.end]:
            if token.text in _SENTENCE_END or self.lines.breaks(obj, token):
                return False
            if token.tag_ in {"VBD", "VBZ", "VBP", "MD"} and token.i in in_subtree:
                return True
        return False

    def _preceding_clause(self, verb: Token) -> list[_Content]:
        """``Y, X said`` parsed with the cue hanging on Y's verb."""
        head = verb.head
        if (
            verb.lemma_.lower() not in self.lexicon.speech_verbs
            or verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"}
            or head.i > verb.i
            or not _is_verb(head)
        ):
            return []
        if not any(t.text == "," for t in self.doc[head.i : verb.i]):
            return []
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return []
        tokens = {t.i for t in head.subtree} - {t.i for t in verb.subtree}
        return [_Content(head, tokens, _MIN_CLAUSE_TOKENS)]

    def trailing_attribution(self) -> list[_Found]:
        """``Y, the ministry in the enclave said``, parsed with no subject on the cue.

        The parser often hangs a trailing speaker inside Y (as an apposition or a
        conjunct) and leaves the cue subjectless. Read by position: the words between
        the last comma and a finite cue are the speaker, the sentence before it the claim.
        """
        found: list[_Found] = []
        for verb in self.index.tokens:
            if (
                verb.lemma_.lower() not in self.lexicon.speech_verbs
                or verb.tag_ not in {"VBD", "VBZ", "VBP"}
                or self._quoted(verb.idx)
                or verb.i <= self.headline_cue
                or any(c.dep_ in _SUBJECTS for c in verb.children)
            ):
                continue
            start, _end = self._sentence_bounds(verb)
            commas = [t.i for t in self.doc[start : verb.i] if t.text == ","]
            if not commas or not 0 < verb.i - commas[-1] - 1 <= _SPEAKER_WORDS:
                continue
            phrase = self.doc[commas[-1] + 1 : verb.i]
            if any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in phrase) or not any(
                t.pos_ in {"NOUN", "PROPN"} for t in phrase
            ):
                continue
            claim = _Content(self.doc[start], set(range(start, commas[-1])), _MIN_CLAUSE_TOKENS)
            span = self._content(claim)
            if span is None or self._inside_whole_quote(*span) or self._quoted(span[0]):
                continue
            if not any(_is_verb(t) for t in self.doc[start : commas[-1]]):
                continue
            found.append(
                _Found(
                    kind="mixed" if self._has_fragment(*span) else "indirect",
                    start=span[0],
                    end=span[1],
                    speaker=self.resolver.speaker_of_phrase(phrase),
                    cue=_cue(verb),
                    paragraph=self._paragraph(span[0]),
                    named_speaker=any(t.pos_ == "PROPN" for t in phrase),
                )
            )
        return found

    # -- headlines ---------------------------------------------------------------------

    def headline_speech(self) -> list[_Found]:
        """``Iraq Says It Repels Iranian Attack``: a headline's ``X says Y``.

        Read by position, as headline grammar (title case, no articles) defeats the
        parser: a short subject without a verb, the cue, then the claim up to a comma.
        """
        doc = self.doc
        headline = find_headline(self.text)
        if headline is None:
            return []
        tokens = [t for t in self.index.tokens if t.idx < headline.end and not t.is_space]
        for index, token in enumerate(tokens[1:7], start=1):
            lemma = self._headline_cue(token)
            if lemma is None:
                continue
            subject = tokens[:index]
            if any(t.tag_.startswith("VB") or t.text in {":", ";", "?"} for t in subject):
                return []
            claim: list[Token] = []
            for word in tokens[index + 1 :]:
                if word.text in {",", ";", ":", "—", "–"}:
                    break
                claim.append(word)
            if len([t for t in claim if not t.is_punct]) < _MIN_CLAUSE_TOKENS:
                return []
            start, end = claim[0].idx, claim[-1].idx + len(claim[-1].text)
            speaker = self.resolver.speaker_of_phrase(doc[subject[0].i : subject[-1].i + 1])
            cue = Cue(
                text=token.text, start=token.idx, end=token.idx + len(token.text), lemma=lemma
            )
            self.headline_cue = token.i
            kind: QuoteKind = "mixed" if self._has_fragment(start, end) else "indirect"
            return [_Found(kind, start, end, speaker, cue, 0)]
        return []

    def _headline_cue(self, token: Token) -> str | None:
        """The cue lemma of a headline word (``Says``, ``Warns``: often tagged as nouns)."""
        lower = token.lower_
        forms = [token.lemma_.lower(), lower]
        if lower.endswith("s"):
            forms.append(lower[:-1])
        verbs = self.lexicon.reporting_verbs
        return next((form for form in forms if form in verbs), None)

    # -- according to ------------------------------------------------------------------

    def according_to(self) -> list[_Found]:
        """``..., according to X``: speaker X, content the clause it qualifies."""
        found: list[_Found] = []
        doc = self.doc
        lower = self.index.lower
        for phrase in self.lexicon.source_phrases:
            size = len(phrase)
            for first in range(len(doc) - size + 1):
                if lower[first] != phrase[0] or tuple(lower[first : first + size]) != phrase:
                    continue
                token = self.index.tokens[first]
                if self._quoted(token.idx):
                    continue
                last = doc[token.i + size - 1]
                sources = [c for c in last.children if c.dep_ == "pobj"]
                if not sources:
                    continue
                entity = _entity_around(sources[0])
                if entity is not None:  # "the Committee to Protect Journalists", misparsed
                    speaker: ActorRef | None = self.resolver.speaker_of_phrase(entity)
                else:
                    speaker = self.resolver.speaker(sources[0])
                if speaker is None:
                    continue
                span = self._source_clause(token, last, sources[0], entity)
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

    def _source_clause(
        self, first: Token, last: Token, source: Token, entity: Span | None = None
    ) -> tuple[int, int] | None:
        """The words of the sentence before ``according to X`` (or after, when it leads).

        Taken by position, not through the parse: the phrase is often attached to the
        wrong verb ("A were slain, according to X, and B were taken").
        """
        doc = self.doc
        start, end = self._sentence_bounds(first)
        before = _Content(doc[start], set(range(start, first.i)), _MIN_CLAUSE_TOKENS)
        if first.i > start and (span := self._content(before)) is not None:
            return span
        phrase_end = max(t.i for t in source.subtree)
        if entity is not None:
            phrase_end = max(phrase_end, entity.end - 1)
        for token in doc[last.i + 1 : phrase_end + 1]:
            if token.text == ",":
                phrase_end = token.i - 1
                break
        if phrase_end + 1 >= end:
            return None
        after = _Content(doc[phrase_end + 1], set(range(phrase_end + 1, end)), _MIN_CLAUSE_TOKENS)
        return self._content(after)

    def _sentence_bounds(self, token: Token) -> tuple[int, int]:
        """The token range of ``token``'s sentence: between full stops and paragraph ends.

        Found by scanning, not from the parser's sentences, which split at odd places.
        """
        words, breaks = self.index.words, self.index.breaks
        start = max(0, token.i - _SENTENCE_REACH)
        end = min(len(words), token.i + _SENTENCE_REACH)
        for index in range(token.i - 1, start - 1, -1):
            if words[index] in _SENTENCE_END or breaks(index, index + 1):
                start = index + 1
                break
        for index in range(token.i + 1, end):
            if words[index] in _SENTENCE_END or breaks(index - 1, index):
                end = index
                break
        return start, end

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
                if self._sole_fragment_of(quoted, reported):
                    continue  # the mixed part of a reported clause: one statement, one item
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

    def _sole_fragment_of(self, quoted: QuotedSpan, reported: list[_Found]) -> bool:
        """Whether ``quoted`` is the one quoted part of a reported clause (``the fighting
        was "quelled" after 25 minutes``); a clause quoting several phrases keeps each."""
        for clause in reported:
            if clause.start <= quoted.start and quoted.end <= clause.end:
                inside = [q for q in self.fragments if clause.start <= q.start < clause.end]
                return len(inside) == 1 and not self._joins_clauses(clause.start, quoted.start)
        return False

    def _joins_clauses(self, start: int, end: int) -> bool:
        """A conjunction joining verbs between two offsets: ``X is missing, and their
        situation was "very worrying"`` reports two statements."""
        span = self._tokens(start, end)
        return span is not None and any(
            token.dep_ == "cc" and token.head.pos_ in {"VERB", "AUX"} for token in span
        )

    def _cue_after(self, quoted: QuotedSpan) -> Token | None:
        """``"...," he said`` / ``"...," said X``: a cue right after the closing mark."""
        if quoted.close_mark is None:
            return None
        doc = self.doc
        first = bisect.bisect_right(self._token_starts, quoted.close_mark)
        after = doc[first : first + _AFTER_REACH]
        ends_sentence = self.text[quoted.end - 1] in _SENTENCE_END
        previous = None
        for token in after:
            if previous is not None and self.lines.breaks(previous, token):
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
            if following is not None and self.lines.breaks(token, following):
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
        while token.head.i != token.i and self._same_paragraph(token, token.head):
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
        earlier = [f for f in found if f.start < quoted.start and f.speaker is not None]
        if not earlier:
            return None
        latest = max(earlier, key=lambda f: f.start)
        between = self.text[min(latest.end, quoted.open_mark) : quoted.open_mark]
        if any(line.strip() for line in between.split("\n")[1:-1]):
            return None  # a whole paragraph of someone else's words in between
        return latest.speaker

    # -- helpers -----------------------------------------------------------------------

    def _inanimate_subject(self, verb: Token) -> bool:
        """``data suggested``, ``the figures show``: nobody speaks."""
        subject = self.resolver.subject_of(verb)
        return subject is not None and subject.lemma_.lower() in self.lexicon.inanimate_subjects

    def _speaker_is_named(self, verb: Token) -> bool:
        subject = self.resolver.subject_of(verb)
        return subject is not None and subject.pos_ == "PROPN"

    def _speaker_token(self, verb: Token) -> int:
        subject = self.resolver.subject_of(verb)
        return subject.idx if subject is not None else -1

    def _speaker_of(self, verb: Token) -> ActorRef | None:
        subject = self.resolver.subject_of(verb)
        if subject is None or self._quoted(subject.idx):
            return None
        return self.resolver.speaker(subject)

    def _content(self, content: _Content) -> tuple[int, int] | None:
        """The characters of a content's tokens around its anchor, within one paragraph."""
        index = self.index
        tokens, breaks = index.tokens, index.breaks
        inside, minimum = set(content.tokens), content.minimum
        inside |= self.resolver.inline_spaces
        start = end = content.anchor.i
        while start - 1 in inside and not breaks(start - 1, start):
            start -= 1
        while end + 1 in inside and not breaks(end, end + 1):
            end += 1
        while start < end and (
            tokens[start].is_punct or tokens[start].is_space or index.deps[start] in {"mark", "cc"}
        ):
            if self._opens_quote(tokens[start]):
                break
            start += 1
        while end > start and (
            tokens[end].is_punct or tokens[end].is_space or index.deps[end] == "cc"
        ):
            if self._closes_quote(tokens[end]):
                break
            end -= 1
        words = [t for t in tokens[start : end + 1] if not t.is_punct and not t.is_space]
        if len(words) < minimum:
            return None
        return index.starts[start], index.starts[end] + len(index.words[end])

    def _tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _quoted(self, offset: int) -> bool:
        before = bisect.bisect_right(self._opening_marks, offset)
        return before > 0 and self._quoted_reach[before - 1] > offset

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
        return token.idx in self._open_marks

    def _closes_quote(self, token: Token) -> bool:
        return token.idx in self._close_marks

    def _paragraph(self, offset: int) -> int:
        """The paragraph (line) number of a character."""
        return self.lines.number(offset)


def _gapped_claim(verb: Token, child: Token, lexicon: CueLexicon) -> bool:
    """``raids that officials say killed 200 people``: the relative clause's cue reports a
    verb whose subject is the relative pronoun's noun."""
    return (
        verb.dep_ == "relcl"
        and verb.lemma_.lower() in lexicon.speech_verbs
        and child.dep_ in {"xcomp", "ccomp"}
        and child.tag_ in {"VBD", "VBN", "VBZ", "VBP"}
        and not any(c.dep_ in _SUBJECTS for c in child.children)
    )


def _entity_around(token: Token) -> Span | None:
    """The named organisation or person ``token`` is in, when it runs past the token's own
    subtree (the parser broke the name: ``the Committee [to Protect Journalists]``)."""
    if token.ent_type_ not in {"ORG", "PERSON", "NORP", "GPE"}:
        return None
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None or entity.end - 1 <= max(t.i for t in token.subtree):
        return None
    return entity


def _object_and_infinitive(children: list[Token]) -> _Content | None:
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
    return _Content(infinitives[0], set(range(min(tokens), max(tokens) + 1)), _MIN_PHRASE_TOKENS)


def _split_that_clauses(content: _Content) -> list[_Content]:
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
    split: list[_Content] = []
    for part in parts:
        tokens = {t.i for t in part.subtree} & content.tokens
        rest -= tokens
        split.append(_Content(part, tokens, content.minimum))
    return [_Content(anchor, rest, content.minimum), *split]


def _outermost(found: list[_Found]) -> list[_Found]:
    """Reports not nested in another's content.

    "The Times reports that officers will inform families that...", "the government
    says it confirmed...": what is reported is the outer clause, inner cue included.
    An inner report by someone named ("..., even as Gallant suggested Y") stays.
    """
    return [
        item
        for item in found
        if item.cue is None
        or item.named_speaker
        or not any(
            other is not item
            and other.cue is not None
            and other.cue.start < other.start <= item.cue.start < other.end
            for other in found
        )
    ]


def _is_fragment(doc: Doc, text: str, quoted: QuotedSpan, lexicon: CueLexicon) -> bool:
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
    has_subject = any(c.dep_ in _SUBJECTS for c in children)
    return has_subject or clause.tag_ != "VBG"


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def _ordered(first: Token, second: Token) -> tuple[Token, Token]:
    return (first, second) if first.i <= second.i else (second, first)


def _cue(verb: Token) -> Cue:
    return Cue(text=verb.text, start=verb.idx, end=verb.idx + len(verb.text), lemma=verb.lemma_)
