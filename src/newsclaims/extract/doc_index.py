"""Plain-list views of a parsed document, built once per document for the extractors.

spaCy makes a new ``Token`` object on every ``doc[i]``, every pass over the doc and
every ``.children`` / ``.subtree`` walk, and rebuilds ``Doc.text`` on each access; the
extractors walk the same parse many times, so they read these lists instead.

>>> from spacy.lang.en import English
>>> doc = English()("Hi there.\\nBye")
>>> index = doc_index(doc)
>>> index.text == doc.text, index.lower[0], index.line_of_start, index.breaks(2, 4)
(True, 'hi', [0, 0, 0, 0, 1], True)
>>> doc_index(doc) is index
True
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token


class DocIndex:
    """Token texts, offsets, line numbers and tree links of one document as lists.

    Only for a finished parse: the lists are not updated if the document changes.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.text: str = "".join(token.text_with_ws for token in self.tokens)
        self.words: list[str] = [token.text for token in self.tokens]
        self.lower: list[str] = [token.lower_ for token in self.tokens]
        self.starts: list[int] = [token.idx for token in self.tokens]
        self.deps: list[str] = [token.dep_ for token in self.tokens]
        self.is_space: list[bool] = [token.is_space for token in self.tokens]
        newlines = [match.start() for match in re.finditer("\n", self.text)]
        # The line of a token's first character, and of the character just past it
        # (the same test ``Lines.number`` makes on offsets).
        self.line_of_start = [bisect.bisect_left(newlines, start) for start in self.starts]
        self.line_of_end = [
            bisect.bisect_left(newlines, start + len(word))
            for start, word in zip(self.starts, self.words, strict=True)
        ]
        self.heads: list[int] = [token.head.i for token in self.tokens]
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for child, head in enumerate(self.heads):
            if head != child:
                self.children[head].append(child)

    def breaks(self, first: int, second: int) -> bool:
        """Whether a line break lies between two tokens (or inside one), in any order."""
        left, right = (first, second) if first <= second else (second, first)
        return self.line_of_end[right] > self.line_of_start[left]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``, as ``doc[start:end].text`` gives it."""
        if start >= end:
            return ""
        last = end - 1
        return self.text[self.starts[start] : self.starts[last] + len(self.words[last])]

    def subtree(self, head: int) -> set[int]:
        """The token indices of ``head``'s subtree, ``head`` included."""
        inside = {head}
        pending = [head]
        children = self.children
        while pending:
            for child in children[pending.pop()]:
                inside.add(child)
                pending.append(child)
        return inside


_last: list[DocIndex] = []


def doc_index(doc: Doc) -> DocIndex:
    """The index of ``doc``, built on first use (the last document's is kept)."""
    if _last and _last[0].doc is doc:
        return _last[0]
    index = DocIndex(doc)
    _last[:] = [index]
    return index


def entity_of(token: Token) -> Span:
    """The named entity ``token`` is part of (its ``ent_type_`` is set).

    Found from the token's IOB tags, not by scanning ``doc.ents``: that scan made a
    long report's figures quadratic in its length.
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)
