"""The terms of a negotiation move: who is exchanged for whom and how many, for how
long, and who mediates, read from the move's sentence and the figures stored in it.

>>> sentence = ("Under the Qatari-brokered deal, Hamas will free 50 hostages in exchange "
...             "for 150 Palestinian prisoners during a four-day truce.")
>>> figures = [{"value": 50, "qualifier": "exact", "quantity": "hostages", "side": None},
...            {"value": 150, "qualifier": "exact", "quantity": "prisoners", "side": "PSE"}]
>>> terms = move_terms(sentence, figures)
>>> [(part["value"], part["quantity"]) for part in terms["exchanged"]]
[(50, 'hostages'), (150, 'prisoners')]
>>> terms["duration"], terms["mediators"]
('4 days', ['Qatar'])
"""

from __future__ import annotations

import re
from typing import Any

from text_to_num import text2num

from newsclaims.extract.actors import country_code
from newsclaims.resolve.places import country_name

# What is handed over in a deal: people held on either side, and aid.
EXCHANGED = frozenset({"hostages", "prisoners", "children", "women", "people", "trucks"})
# A duration is the deal's when it is a truce's, pause's or ceasefire's: "a four-day
# truce", "a pause of 42 days", "the ceasefire will last six weeks" (not "bombing Gaza for
# 47 days"). The number may be a word ("four") or digits.
_PAUSE = r"(?:truce|pause|ceasefire|cease-fire|halt|lull|break|extension|deal|calm)"
_COUNT = r"(?P<count>\d+|[a-z]+(?:-[a-z]+)?)"
_UNIT = r"(?P<unit>hour|day|week|month)s?"
_DURATIONS = (
    re.compile(rf"\b{_COUNT}[- ]{_UNIT}(?:-long)?\s+(?:[\w-]+\s+){{0,2}}?{_PAUSE}\b", re.I),
    re.compile(
        rf"\b{_PAUSE}s?\s+(?:\w+\s+){{0,2}}?(?:of|for|lasting|last)\s+{_COUNT}\s+{_UNIT}\b",
        re.I,
    ),
)
_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_MEDIATED_BY = re.compile(
    rf"\b(?:mediated|brokered|facilitated|negotiated)\s+by\s+(?P<names>{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)"
)
_BROKERED = re.compile(rf"\b(?P<name>{_NAME})-(?:brokered|mediated)\b")
_MEDIATORS = (
    re.compile(rf"\b(?P<names>{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)\s+mediators?\b"),
    re.compile(rf"\b(?i:mediators?)\s+(?:from|in)\s+(?P<names>{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)"),
)


def move_terms(sentence: str | None, figures: list[dict[str, Any]]) -> dict[str, Any]:
    """What a move's sentence says of the deal: the counts of people (or aid) exchanged,
    its duration, and its mediators (states by their everyday name)."""
    text = sentence or ""
    exchanged = [
        {key: figure.get(key) for key in ("value", "qualifier", "quantity", "side", "status")}
        for figure in figures
        if figure.get("quantity") in EXCHANGED and figure.get("value") is not None
    ]
    return {"exchanged": exchanged, "duration": duration(text), "mediators": mediators(text)}


def duration(text: str) -> str | None:
    """How long the truce or pause of a sentence lasts, as ``N unit(s)``.

    >>> duration("a four-day truce"), duration("a pause of 42 days in the fighting")
    ('4 days', '42 days')
    >>> duration("after bombing Gaza for 47 days, the army paused"), duration("no truce")
    (None, None)
    """
    matches = (match for pattern in _DURATIONS for match in pattern.finditer(text))
    for match in sorted(matches, key=lambda match: match.start()):
        count = _number(match["count"])
        if count is not None:
            unit = match["unit"].lower()
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    try:
        return int(text2num(word.lower(), "en"))
    except ValueError:
        return None


def mediators(text: str) -> list[str]:
    """Who mediates, as named: ``mediated by Qatar and Egypt``, ``the Qatari-brokered
    deal``, ``Egyptian and Qatari mediators``, ``mediators in Doha`` (a capital stands
    for its state).

    >>> mediators("Egyptian and Qatari mediators met in Cairo.")
    ['Egypt', 'Qatar']
    >>> mediators("The deal was mediated by Qatar, Egypt and the United States.")
    ['Qatar', 'Egypt', 'United States']
    """
    written: list[str] = []
    for match in _MEDIATED_BY.finditer(text):
        written += _split_names(match["names"])
    written += [match["name"] for match in _BROKERED.finditer(text)]
    for pattern in _MEDIATORS:
        for match in pattern.finditer(text):
            written += _split_names(match["names"])
    return list(dict.fromkeys(filter(None, map(_state_or_name, written))))


def _split_names(names: str) -> list[str]:
    return [part.strip() for part in re.split(r"\s*(?:,|\band\b)\s*", names) if part.strip()]


def _state_or_name(written: str) -> str | None:
    """A state's everyday name for a state, its demonym or capital; ``None`` otherwise."""
    name = re.sub(r"^(?:The|the)\s+", "", written)
    if name.endswith(".") and len(name.rsplit(None, 1)[-1]) > 3:
        name = name[:-1]  # the sentence's full stop, not "U.S."
    code = country_code(name)
    # Only states mediate here: "told Al Jazeera mediators had", "On Monday mediators".
    return country_name(code) if code is not None and len(code) == 3 else None


def terms_text(terms: dict[str, Any]) -> str:
    """Terms in a few words: ``50 hostages, 150 prisoners; 4 days; mediators: Egypt``.

    >>> terms_text({"exchanged": [{"value": 50.0, "quantity": "hostages"}],
    ...             "duration": None, "mediators": ["Qatar"]})
    '50 hostages; mediators: Qatar'
    """
    parts = [", ".join(f"{part['value']:,.0f} {part['quantity']}" for part in terms["exchanged"])]
    parts.append(terms["duration"] or "")
    if terms["mediators"]:
        parts.append("mediators: " + ", ".join(terms["mediators"]))
    return "; ".join(part for part in parts if part)
