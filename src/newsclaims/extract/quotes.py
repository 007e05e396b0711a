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
* ``according to X``: speaker X, content the clause the phrase hangs on (or, inside a
  relative clause, the rest of that clause);
* headlines (``X says Y``, ``Y: X``) and trailing speakers the parser hung inside the
  claim (``Y, the ministry in the enclave said``).

How a cue's content is cut from the parse (objects with infinitives or characterising
phrases, gapped relatives) is ``cue_content``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.cue_content import (
    Content,
    cue_of,
    entity_around,
    gapped_claim,
    is_claim,
    is_fragment,
    is_verb,
    not_in_a_subject,
    noun_claims,
    object_and_infinitive,
    object_and_phrase,
    ordered,
    split_that_clauses,
)
from newsclaims.extract.doc_index import doc_index
from newsclaims.extract.quote_marks import QuotedSpan, find_quoted_spans
from newsclaims.extract.speakers import CueLexicon, SpeakerResolver, cue_lexicon
from newsclaims.ingest.headline import find_headline
from newsclaims.model import ActorRef, Cue, Quote, QuoteKind
from newsclaims.model import Span as TextSpan

_SENTENCE_END = {".", "!", "?"}
_NONE: frozenset[str] = frozenset()
# A cue this many tokens after a closing mark still belongs to the quotation
# (``," Yahya Sinwar, Hamas's leader in the Gaza Strip, said``).
_AFTER_REACH = 20
_MIN_CLAUSE_TOKENS = 2
_MIN_PHRASE_TOKENS = 3
_SENTENCE_REACH = 120
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
# Words that open a clause an "according to X" phrase can interrupt.
_CLAUSE_OPENERS = {"which", "who", "that", "where", "whom", "whose"}
# At most this many words name a headline's speaker beside its colon.
_HEADLINE_SPEAKER_WORDS = 4
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
    found += finder.noun_speech()
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
        self.fragments = [q for q in marked if is_fragment(doc, self.text, q, self.lexicon)]
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
            if not is_verb(verb) or self._quoted(verb.idx) or verb.i <= self.headline_cue:
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
                span = self._through_open_quote(span)
                if span[0] <= self._speaker_token(verb) < span[1]:
                    continue  # the parse took the speaker into the content
                found.append(
                    _Found(
                        kind="mixed" if self._has_fragment(*span) else "indirect",
                        start=span[0],
                        end=span[1],
                        speaker=speaker,
                        cue=cue_of(verb),
                        paragraph=self._paragraph(span[0]),
                        named_speaker=self._speaker_is_named(verb),
                    )
                )
        return _outermost(found)

    def _complements(self, verb: Token) -> list[Content]:
        """What a cue verb reports: its clause, infinitive, object or prepositional object."""
        lemma = verb.lemma_.lower()
        lexicon = self.lexicon
        cues = lexicon.reporting_verbs | lexicon.object_cues | lexicon.object_infinitive_cues
        cues |= set(lexicon.prepositional_cues) | set(lexicon.object_phrase_cues)
        if lemma not in cues | set(lexicon.toll_cues):
            return []
        children = [c for c in verb.children if self._same_paragraph(c, verb)]
        clauses = [
            child
            for child in children + self._stranded_clauses(verb)
            if child.dep_ == "ccomp" and lemma in lexicon.reporting_verbs and is_claim(child)
        ] or [child for child in children if gapped_claim(verb, child, lexicon)]
        if clauses:
            before = [c for c in clauses if c.i < verb.i]
            after = [c for c in clauses if c.i > verb.i]
            sides = [self._clause(verb, side, children) for side in (before, after) if side]
            return [part for content in sides for part in split_that_clauses(content)]
        if lemma in lexicon.object_infinitive_cues and (asked := object_and_infinitive(children)):
            return [asked]
        links = lexicon.object_phrase_cues.get(lemma, frozenset())
        if links and (characterised := object_and_phrase(children, links)):
            return [characterised]
        tolls = [c for c in children if c.dep_ == "dobj" and c.lemma_ in lexicon.toll_cue_objects]
        if tolls and (toll := object_and_phrase(children, lexicon.toll_cues.get(lemma, _NONE))):
            return [toll]  # "the ministry put the toll at 350"
        if lemma in lexicon.infinitive_cues:
            for child in children:
                if child.dep_ == "xcomp" and any(c.dep_ == "aux" for c in child.children):
                    return [Content.subtree(child, _MIN_PHRASE_TOKENS)]
        for child in children:
            if child.dep_ != "dobj" or child.pos_ == "PRON":
                continue
            if child.lemma_.lower() in lexicon.non_report_objects:
                return []  # "confirmed receipt of the offer"
            if lemma in lexicon.object_cues:
                return [Content.subtree(child, _MIN_PHRASE_TOKENS)]
            if lemma in lexicon.split_clause_verbs and self._clause_follows(verb, child):
                # "said the Iranians in a ... attack rushed forward": a clause the parser
                # split into an object and a stray verb. Take all that follows the cue.
                return [Content.rest_of(verb, child, _MIN_CLAUSE_TOKENS)]
        for child in children:
            if child.dep_ == "prep" and child.lower_ in lexicon.prepositional_cues.get(lemma, ()):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return [Content.rest_of(verb, objects[0], _MIN_PHRASE_TOKENS)]
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
                and is_verb(token)
            )
        return stranded

    def _same_paragraph(self, first: Token, second: Token) -> bool:
        return not self.lines.breaks(*ordered(first, second))

    def _clause(self, verb: Token, clauses: list[Token], children: list[Token]) -> Content:
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
        return Content(first, tokens, _MIN_CLAUSE_TOKENS)

    def _clause_follows(self, verb: Token, obj: Token) -> bool:
        """A finite verb after the object, still in the cue's sentence and subtree."""
        in_subtree = {t.i for t in verb.subtree}
        for token in self.doc[obj.i + 1 : verb.sent.end]:
            if token.text in _SENTENCE_END or self.lines.breaks(obj, token):
                return False
            if token.tag_ in {"VBD", "VBZ", "VBP", "MD"} and token.i in in_subtree:
                return True
        return False

    def _preceding_clause(self, verb: Token) -> list[Content]:
        """``Y, X said`` parsed with the cue hanging on Y's verb."""
        head = verb.head
        if (
            verb.lemma_.lower() not in self.lexicon.speech_verbs
            or verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"}
            or head.i > verb.i
            or not is_verb(head)
        ):
            return []
        if not any(t.text == "," for t in self.doc[head.i : verb.i]):
            return []
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return []
        if any(c.dep_ in {"dobj", "ccomp", "xcomp"} and c.i > verb.i for c in verb.children):
            return []  # "..., after Guterres urged [all efforts]": the cue reports its object
        tokens = {t.i for t in head.subtree} - {t.i for t in verb.subtree}
        return [Content(head, tokens, _MIN_CLAUSE_TOKENS)]

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
                or any(c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i for c in verb.children)
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
            claim = Content(self.doc[start], set(range(start, commas[-1])), _MIN_CLAUSE_TOKENS)
            span = self._content(claim)
            if span is None or self._inside_whole_quote(*span) or self._quoted(span[0]):
                continue
            if not any(is_verb(t) for t in self.doc[start : commas[-1]]):
                continue
            found.append(
                _Found(
                    kind="mixed" if self._has_fragment(*span) else "indirect",
                    start=span[0],
                    end=span[1],
                    speaker=self.resolver.speaker_of_phrase(phrase),
                    cue=cue_of(verb),
                    paragraph=self._paragraph(span[0]),
                    named_speaker=any(t.pos_ == "PROPN" for t in phrase),
                )
            )
        return found

    def noun_speech(self) -> list[_Found]:
        """``her insistence that the vote was rigged``: the owner's claim."""
        found: list[_Found] = []
        for noun, clause, owner in noun_claims(self.doc, self.lexicon):
            speaker = self.resolver.speaker(owner)
            span = self._content(Content.subtree(clause, _MIN_CLAUSE_TOKENS))
            if speaker is None or span is None or self._quoted(span[0]):
                continue
            cue = Cue(
                text=noun.text, start=noun.idx, end=noun.idx + len(noun.text), lemma=noun.lemma_
            )
            kind: QuoteKind = "mixed" if self._has_fragment(*span) else "indirect"
            found.append(_Found(kind, span[0], span[1], speaker, cue, self._paragraph(span[0])))
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
        colon = self._headline_colon(tokens)
        if colon:
            return colon
        for index, token in enumerate(tokens[1:7], start=1):
            lemma = self._headlinecue_of(token)
            if lemma is None:
                continue
            subject = tokens[:index]
            if any(t.tag_.startswith("VB") or t.text in {":", ";", "?"} for t in subject):
                return []
            if any(not_in_a_subject(t) for t in subject):
                return []  # "CURFEW CLAMPED ON NIGERIAN STATE ...": "state" is no cue here
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

    def _headline_colon(self, tokens: list[Token]) -> list[_Found]:
        """``Root causes must be addressed: UNRWA``, ``Mayor Olsen: we will rebuild``: a
        headline's speaker on one side of its colon, named in a few words."""
        colons = [i for i, token in enumerate(tokens) if token.text == ":"]
        if len(colons) != 1 or self._quoted(tokens[colons[0]].idx):
            return []
        before, after = tokens[: colons[0]], tokens[colons[0] + 1 :]
        for speaker_words, claim in ((after, before), (before, after)):
            words = [t for t in claim if not t.is_punct]
            if not 0 < len(speaker_words) <= _HEADLINE_SPEAKER_WORDS or len(words) < 3:
                continue
            if not any(t.tag_ in {"MD", "VBD", "VBZ", "VBP"} for t in words):
                continue  # "Ukraine: the long road to talks" is a topic, not a claim
            phrase = self.doc[speaker_words[0].i : speaker_words[-1].i + 1]
            speaker = self.resolver.speaker_of_phrase(phrase)
            last = phrase[-1]
            named = last.pos_ == "PROPN" or last.ent_type_ in {"ORG", "PERSON"}
            known = speaker.kind in {"igo", "group"} or last.ent_type_ == "PERSON"
            if not (known or (named and speaker.kind is not None)):
                continue  # "Gaza war: what we know", "Live: ..." name no speaker
            start, end = claim[0].idx, claim[-1].idx + len(claim[-1].text)
            kind: QuoteKind = "mixed" if self._has_fragment(start, end) else "indirect"
            colon = tokens[colons[0]]
            cue = Cue(text=":", start=colon.idx, end=colon.idx + 1, lemma=":")
            self.headline_cue = max(t.i for t in tokens)
            return [_Found(kind, start, end, speaker, cue, 0)]
        return []

    def _headlinecue_of(self, token: Token) -> str | None:
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
                entity = entity_around(sources[0])
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
        back = first.i - 1
        while back > start and doc[back].text == ",":
            back -= 1
        opener = doc[back] if back >= start else None
        if opener is not None and opener.lower_ in _CLAUSE_OPENERS:
            # "the group, which according to the UN has 3,000 fighters, ...": the claim is
            # the rest of the clause the phrase interrupts, up to its comma.
            after_phrase = max(t.i for t in source.subtree) + 1
            if entity is not None:
                after_phrase = max(after_phrase, entity.end)
            while after_phrase < end and doc[after_phrase].text == ",":
                after_phrase += 1
            stop = next((t.i for t in doc[after_phrase:end] if t.text in {",", ";"}), end)
            rest = Content(doc[after_phrase], set(range(after_phrase, stop)), _MIN_CLAUSE_TOKENS)
            if after_phrase < stop and (span := self._content(rest)) is not None:
                return span
        before = Content(doc[start], set(range(start, first.i)), _MIN_CLAUSE_TOKENS)
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
        after = Content(doc[phrase_end + 1], set(range(phrase_end + 1, end)), _MIN_CLAUSE_TOKENS)
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
                cue_verb = self._governingcue_of(quoted) or self._cue_in_sentence(quoted)
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
                        cue_of(cue_verb) if cue_verb is not None else None,
                        paragraph,
                    )
                )
                continue
            cue_verb = self._cue_after(quoted) or self._cue_before(quoted)
            speaker = self._speaker_of(cue_verb) if cue_verb is not None else None
            cue = cue_of(cue_verb) if cue_verb is not None and speaker is not None else None
            if speaker is None:
                speaker = self._previous_speaker(quoted, found + reported)
            found.append(_Found("direct", quoted.start, quoted.end, speaker, cue, paragraph))
        return found

    def _through_open_quote(self, span: tuple[int, int]) -> tuple[int, int]:
        """A content that stops inside a quotation it opened ends with that quotation:
        ``called the pause a "brief respite ... hostages"``."""
        for quoted in self.marked:
            if span[0] <= quoted.open_mark and quoted.start < span[1] < quoted.end:
                closing = quoted.close_mark + 1 if quoted.close_mark is not None else quoted.end
                return span[0], closing
        return span

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
            if is_verb(token) and token.lemma_.lower() in self.lexicon.reporting_verbs:
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
            if is_verb(token) and token.lemma_.lower() in self.lexicon.reporting_verbs:
                return token
        return None

    def _governingcue_of(self, quoted: QuotedSpan) -> Token | None:
        """The cue verb a quoted fragment depends on (``said the hospital was "..."``)."""
        span = self._tokens(quoted.start, quoted.end)
        if span is None:
            return None
        verbs = self.lexicon.reporting_verbs | self.lexicon.naming_verbs | self.lexicon.object_cues
        token = span.root
        while token.head.i != token.i and self._same_paragraph(token, token.head):
            token = token.head
            if (
                is_verb(token)
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
            if is_verb(t)
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
        """``data suggested``, ``no group claimed``, ``nobody said``: nobody speaks."""
        subject = self.resolver.subject_of(verb)
        if subject is None:
            return False
        if subject.lower_ in {"nobody", "none"} or any(
            child.dep_ == "det" and child.lower_ == "no" for child in subject.children
        ):
            return True
        return subject.lemma_.lower() in self.lexicon.inanimate_subjects

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

    def _content(self, content: Content) -> tuple[int, int] | None:
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
