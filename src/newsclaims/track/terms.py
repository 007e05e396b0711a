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
('four-day', ['Qatar'])
"""

from __future__ import annotations

import re
from typing import Any

from newsclaims.extract.actors import country_code
from newsclaims.resolve.places import country_name

# What is handed over in a deal: people held on either side, and aid.
EXCHANGED = frozenset({"hostages", "prisoners", "children", "women", "people", "trucks"})
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
    r"twenty|thirty|forty|forty-two|sixty|ninety|\d+"
)
_DURATION = re.compile(
    rf"\b(?:(?P<adj>(?:{_NUMBER_WORDS})[- ](?:hour|day|week|month))(?:-long)?\b"
    rf"|for\s+(?P<span>(?:{_NUMBER_WORDS})\s+(?:hours|days|weeks|months))\b)",
    re.IGNORECASE,
)
_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_MEDIATED_BY = re.compile(
    rf"\b(?:mediated|brokered|facilitated|negotiated)\s+by\s+(?P<names>{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)"
)
_BROKERED = re.compile(rf"\b(?P<name>{_NAME})-(?:brokered|mediated)\b")
_MEDIATORS = re.compile(
    rf"\b(?P<names>{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)\s+mediators?\b"
    rf"|\b(?i:mediators?)\s+(?:from|in)\s+(?P<places>{_NAME}(?:\s*(?:,|and)\s*{_NAME})*)"
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
    duration = _DURATION.search(text)
    return {
        "exchanged": exchanged,
        "duration": (duration["adj"] or duration["span"]) if duration else None,
        "mediators": mediators(text),
    }


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
    for match in _MEDIATORS.finditer(text):
        written += _split_names(match["names"] or match["places"])
    return list(dict.fromkeys(filter(None, map(_state_or_name, written))))


def _split_names(names: str) -> list[str]:
    return [part.strip() for part in re.split(r"\s*(?:,|\band\b)\s*", names) if part.strip()]


def _state_or_name(written: str) -> str | None:
    """A state's everyday name for a state, its demonym or capital; others as written."""
    name = re.sub(r"^(?:The|the)\s+", "", written)
    if name.endswith(".") and len(name.rsplit(None, 1)[-1]) > 3:
        name = name[:-1]  # the sentence's full stop, not "U.S."
    code = country_code(name)
    if code is not None and len(code) == 3:
        return country_name(code)
    return name if name[:1].isupper() else None


def terms_text(terms: dict[str, Any]) -> str:
    """Terms in a few words: ``50 hostages, 150 prisoners; four-day; mediators: Egypt``.

    >>> terms_text({"exchanged": [{"value": 50.0, "quantity": "hostages"}],
    ...             "duration": None, "mediators": ["Qatar"]})
    '50 hostages; mediators: Qatar'
    """
    parts = [", ".join(f"{part['value']:,.0f} {part['quantity']}" for part in terms["exchanged"])]
    parts.append(terms["duration"] or "")
    if terms["mediators"]:
        parts.append("mediators: " + ", ".join(terms["mediators"]))
    return "; ".join(part for part in parts if part)
