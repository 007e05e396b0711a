"""Quotation marks in raw text: pairing straight and curly marks into quoted spans.

Works on characters only, paragraph by paragraph (a paragraph is a line), so one odd
mark never spoils more than its own paragraph. Handles the newsroom convention of a
quotation running over paragraphs (no closing mark where the next paragraph opens with
one), single marks (``'bridge remaining gaps'``) and apostrophes (``Hamas'``, ``don’t``),
which are not marks.

>>> text = 'He said: "We will win." Later: ‘no deal’ for Hamas\\' men.'
>>> [text[s.start : s.end] for s in find_quoted_spans(text)]
['We will win.', 'no deal']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENING = "“„«"
DOUBLE_CLOSING = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPENING = "‘‚"
SINGLE_CLOSING = "’"
STRAIGHT_SINGLE = "'"
# Characters after which a straight single mark can open a quotation.
_OPENING_CONTEXT = set(" \t([{—–-/\u00a0")
_PARAGRAPH = re.compile(r"[^\n]+")
# Every character that can open or close a quotation; the scan skips all others.
_MARK = re.compile(
    "["
    + re.escape(
        DOUBLE_OPENING
        + DOUBLE_CLOSING
        + STRAIGHT_DOUBLE
        + SINGLE_OPENING
        + SINGLE_CLOSING
        + STRAIGHT_SINGLE
    )
    + "]"
)
# Trailing characters that belong to the sentence around a quotation, not to its words.
_TRAILING = " \t\u00a0,;:"


@dataclass(frozen=True)
class QuotedSpan:
    """The words between a pair of marks: ``text[start:end]``.

    ``open_mark`` and ``close_mark`` are the offsets of the marks (``close_mark`` is
    ``None`` when the quotation runs to the end of its paragraph). ``continued`` says
    the next paragraph opens with a mark that carries the quotation on.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    continued: bool = False


@dataclass
class _Open:
    mark: int
    single: bool


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span of ``text``, in text order (nested marks stay inside)."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    spans: list[QuotedSpan] = []
    for index, (start, end) in enumerate(paragraphs):
        next_opens = index + 1 < len(paragraphs) and _opens_with_mark(text, paragraphs[index + 1])
        spans.extend(_paragraph_spans(text, start, end, next_opens))
    return spans


def _opens_with_mark(text: str, paragraph: tuple[int, int]) -> bool:
    first = text[paragraph[0] : paragraph[1]].lstrip()[:1]
    return bool(first) and first in DOUBLE_OPENING + STRAIGHT_DOUBLE + SINGLE_OPENING


def _paragraph_spans(text: str, start: int, end: int, next_opens: bool) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    current: _Open | None = None
    for match in _MARK.finditer(text, start, end):
        position = match.start()
        char = match.group()
        before = text[position - 1] if position > start else " "
        after = text[position + 1] if position + 1 < end else " "
        opens_double = char in DOUBLE_OPENING or (char == STRAIGHT_DOUBLE and not after.isspace())
        if opens_double and (current is None or current.single):
            # A double mark inside a single-quoted stretch means the single was an
            # apostrophe after all: the double quotation wins.
            current = _Open(position, single=False)
            continue
        if current is not None and not current.single:
            if char in DOUBLE_OPENING and text[current.mark] in DOUBLE_OPENING:
                # Two openings in a row: the first quotation lost its closing mark.
                spans.extend(_span(text, current.mark, position, None))
                current = _Open(position, single=False)
            elif char in DOUBLE_CLOSING or char == STRAIGHT_DOUBLE:
                spans.extend(_span(text, current.mark, position, position))
                current = None
            continue
        if _is_single_opening(char, before, after):
            current = _Open(position, single=True)
        elif current is not None and _is_single_closing(char, before, after):
            spans.extend(_span(text, current.mark, position, position))
            current = None
    # An unclosed double mark runs to the paragraph's end; an unclosed single one was
    # most likely an apostrophe (``the '90s``) unless the next paragraph carries it on.
    if current is not None and (not current.single or next_opens):
        spans.extend(_span(text, current.mark, end, None, continued=next_opens))
    return spans


def _is_single_opening(char: str, before: str, after: str) -> bool:
    if char in SINGLE_OPENING:
        return not before.isalnum() and after.isalnum()
    return char == STRAIGHT_SINGLE and before in _OPENING_CONTEXT and after.isalnum()


def _is_single_closing(char: str, before: str, after: str) -> bool:
    # ``don’t``, ``Hamas’s``: a letter after the mark makes it an apostrophe.
    if char not in SINGLE_CLOSING + STRAIGHT_SINGLE or after.isalnum():
        return False
    return not before.isspace()


def _span(
    text: str, mark: int, end: int, close_mark: int | None, continued: bool = False
) -> list[QuotedSpan]:
    start = mark + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if end - start < 2:
        return []
    return [QuotedSpan(start, end, mark, close_mark, continued)]
