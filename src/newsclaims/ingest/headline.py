"""The headline of a plain-text report: its first line, when a blank line follows it.

The one rule every reader and extractor uses to tell the headline from the body, for
``\\n`` and ``\\r\\n`` line ends alike (offsets point into the text as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HEADLINE_CHARS = 300
# The rest of the headline's line and the blank line after it.
_BLANK_LINE = re.compile(r"[ \t\r]*\n")


@dataclass(frozen=True)
class Headline:
    """Where a headline is: its text, its offsets and where the body after it starts."""

    text: str
    start: int
    end: int
    body_start: int


def find_headline(text: str) -> Headline | None:
    """The report's headline, or ``None`` when its first line runs on into the body.

    >>> find_headline("Floods hit Dhaka\\r\\n\\r\\nDHAKA - Rain fell.")
    Headline(text='Floods hit Dhaka', start=0, end=16, body_start=20)
    >>> find_headline("One line\\nnext line") is None
    True
    """
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    if line_end < 0:
        return None
    headline = text[start:line_end].rstrip()
    blank = _BLANK_LINE.match(text, line_end + 1)
    if blank is None or len(headline) > MAX_HEADLINE_CHARS:
        return None
    return Headline(headline, start, start + len(headline), blank.end())


def split_headline(text: str) -> tuple[str | None, int]:
    """The headline (or ``None``) and the offset where the body starts (0 without one).

    >>> split_headline("Floods hit Dhaka\\n\\nDHAKA - Rain fell.")
    ('Floods hit Dhaka', 18)
    """
    headline = find_headline(text)
    return (headline.text, headline.body_start) if headline else (None, 0)
