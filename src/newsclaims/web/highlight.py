"""An article's text as HTML with every quote, figure and event marked at its characters.

Items overlap (a figure inside a quote, an event across both), so the text is cut at
every item's start and end, and each piece is wrapped in one ``<mark>`` per item that
covers it, quotes outermost. All of an item's pieces carry its ``data-item``: joined,
their text is exactly ``text[start:end]``. Every character of the text goes through
:func:`markupsafe.escape`; nothing else is written but fixed tags and attributes.

>>> str(highlighted("a <b> c", [Mark("q1", "quote", 2, 5, "sp0")]))
'a <mark class="hl quote sp0" data-item="q1" data-kind="quote">&lt;b&gt;</mark> c'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

# Nesting order: the wider kinds outside.
KIND_ORDER = {"quote": 0, "event": 1, "figure": 2}
SPEAKER_COLOURS = 8  # CSS classes sp0..sp7


@dataclass(frozen=True)
class Mark:
    """One item to mark: ``text[start:end]``, with the CSS class of its colour."""

    item_id: str
    kind: str  # quote, figure or event
    start: int
    end: int
    colour: str = ""


def usable(marks: Sequence[Mark], length: int) -> list[Mark]:
    """The marks whose offsets lie inside a text of ``length`` characters."""
    return [mark for mark in marks if 0 <= mark.start < mark.end <= length]


def highlighted(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` escaped, with ``marks`` as nested ``<mark>`` elements."""
    kept = usable(marks, len(text))
    cuts = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    parts: list[str] = []
    for begin, finish in pairwise(cuts):
        piece = str(escape(text[begin:finish]))
        covering = sorted(
            (mark for mark in kept if mark.start <= begin and finish <= mark.end),
            key=lambda mark: (KIND_ORDER.get(mark.kind, 9), mark.start - mark.end, mark.item_id),
        )
        opened = "".join(_open(mark) for mark in covering)
        parts.append(opened + piece + "</mark>" * len(covering))
    return Markup("".join(parts))


def _open(mark: Mark) -> str:
    classes = " ".join(part for part in ("hl", mark.kind, mark.colour) if part)
    return (
        f'<mark class="{escape(classes)}" data-item="{escape(mark.item_id)}" '
        f'data-kind="{escape(mark.kind)}">'
    )


def speaker_colours(speakers: Sequence[str | None]) -> dict[str, str]:
    """A colour class per speaker, in order of first appearance (``sp0``, ``sp1``...)."""
    colours: dict[str, str] = {}
    for speaker in speakers:
        if speaker and speaker not in colours:
            colours[speaker] = f"sp{len(colours) % SPEAKER_COLOURS}"
    return colours
