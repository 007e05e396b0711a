"""Datelines and agencies: ``VIENNA``, ``JAKARTA (Reuters) -``, ``MINNEAPOLIS, Feb 26 -``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Wire services as they sign copy; the key is how they appear in a dateline or credit.
AGENCIES = {
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "Reuters": "Reuters",
    "AP": "AP",
    "Associated Press": "AP",
    "UPI": "UPI",
    "dpa": "dpa",
    "Xinhua": "Xinhua",
    "Anadolu": "Anadolu",
    "Al Jazeera": "Al Jazeera",
}

_PLACE = r"[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?"
_DATE = r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .\-]{1,30})\))?"
# A dateline opening a paragraph: place, optional date, optional agency, then a dash.
DATELINE_PREFIX = re.compile(rf"^(?P<place>{_PLACE}){_DATE}{_AGENCY}\s*[-\u2013\u2014]+\s", re.M)
# A paragraph that is nothing but an upper-case place name (AFP's web layout).
DATELINE_LINE = re.compile(r"^(?P<place>[A-Z][A-Z.'\- ]{2,40})\s*$")
CREDIT = re.compile(r"\((?P<agency>AFP|Reuters|AP|UPI|dpa|Xinhua)\)|\b(?P<told>AFP|Reuters|AP)\b")


@dataclass(frozen=True)
class Dateline:
    """Where the report was filed, and by which agency if the dateline says."""

    place: str
    agency: str | None
    start: int
    end: int


def find_dateline(text: str, body_start: int = 0, look_ahead: int = 4) -> Dateline | None:
    """The dateline in the first ``look_ahead`` paragraphs after ``body_start``, if any."""
    offset = body_start
    for paragraph in text[body_start:].split("\n")[: look_ahead * 2]:
        stripped = paragraph.strip()
        lead = offset + paragraph.find(stripped) if stripped else offset
        if stripped:
            line = DATELINE_LINE.match(stripped)
            if line and len(stripped.split()) <= 4:
                return Dateline(stripped, None, lead, lead + len(stripped))
            prefix = DATELINE_PREFIX.match(stripped)
            if prefix:
                agency = prefix.group("agency")
                return Dateline(
                    prefix.group("place").strip(),
                    AGENCIES.get(agency.strip(), agency.strip()) if agency else None,
                    lead,
                    lead + prefix.end(),
                )
        offset += len(paragraph) + 1
    return None


def find_agency(text: str) -> str | None:
    """The wire agency credited in the text (``(Reuters)``, ``told AFP``), if one is."""
    counts: dict[str, int] = {}
    for match in CREDIT.finditer(text):
        name = match.group("agency") or match.group("told")
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return AGENCIES.get(max(counts, key=lambda name: counts[name]))
