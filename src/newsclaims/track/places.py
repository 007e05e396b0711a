"""Place normalisation: one name per place, so a quantity's series gathers every wording.

``Gaza``, ``the Gaza Strip`` and ``the besieged enclave`` (after the article named Gaza)
are all ``Gaza``; ``northern Gaza`` stays a place of its own. Names and the nouns that
refer back to them live in ``data/places.yaml``; countries come from the actor resolver.

>>> normalise_place("the Gaza Strip"), normalise_place("occupied West Bank")
('Gaza', 'West Bank')
>>> normalise_place("north Gaza"), normalise_place("the United States")
('northern Gaza', 'United States')
>>> normalise_place("the occupied West Bank"), normalise_place("southern Lebanon")
('West Bank', 'southern Lebanon')
>>> text = "Israel bombed Gaza overnight. In the besieged enclave, 40 people were killed."
>>> normalise_place("the besieged enclave", text, text.index("40"))
'Gaza'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
import yaml

from newsclaims.extract.actors import POSSESSIVE, country_code

_EDGE_NOISE = " \t\r\n.,;:!?\"'“”‘’()"
_LEADING = re.compile(r"^(?:in|at|on|across|throughout|of|from|the)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceTables:
    """``data/places.yaml``, loaded once, keyed for lookups."""

    names: dict[str, str]  # alias (casefolded) -> place name
    types: dict[str, tuple[str, ...]]  # place name -> its types
    references: dict[str, tuple[str, ...]]  # common noun (casefolded) -> types it stands for
    descriptors: tuple[str, ...]  # casefolded, longest first
    parts: dict[str, str]  # casefolded part word -> shown form


@cache
def place_tables() -> PlaceTables:
    """Load ``data/places.yaml`` (once per process)."""
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("places.yaml").read_text("utf-8")
    )
    names: dict[str, str] = {}
    types: dict[str, tuple[str, ...]] = {}
    for name, entry in raw["places"].items():
        kinds = entry["type"]
        types[name] = tuple(kinds) if isinstance(kinds, list) else (kinds,)
        for alias in [name, *entry["aliases"]]:
            names[alias.casefold()] = name
    return PlaceTables(
        names=names,
        types=types,
        references={noun.casefold(): tuple(kinds) for noun, kinds in raw["references"].items()},
        descriptors=tuple(sorted((d.casefold() for d in raw["descriptors"]), key=len)[::-1]),
        parts={word.casefold(): shown for word, shown in raw["parts"].items()},
    )


def normalise_place(where: str | None, text: str = "", position: int | None = None) -> str | None:
    """The series name of a place as written, resolving ``the enclave``-like references.

    ``text`` and ``position`` (where the figure stands in it) let a common noun such as
    ``the besieged enclave`` take the place of that type the article named last before it
    (or, failing that, first after it).
    """
    cleaned = _clean(where)
    if not cleaned:
        return None
    tables = place_tables()
    whole = _drop_descriptors(cleaned, tables)
    if named := _named_place(whole):  # "West Bank" is a name, not the west of a "Bank"
        return named
    part, rest = _split_part(whole, tables)
    rest = _drop_descriptors(rest, tables)
    place = _named_place(rest)
    if place is None and rest.casefold() in tables.references:
        place = _referent(tables.references[rest.casefold()], text, position)
    if place is None:
        place = rest if rest else cleaned
    return f"{part} {place}" if part else place


def _clean(where: str | None) -> str:
    if not where:
        return ""
    words = " ".join(where.split()).strip(_EDGE_NOISE)
    while (shorter := _LEADING.sub("", words)) != words:
        words = shorter
    return POSSESSIVE.sub("", words).strip(_EDGE_NOISE)


def _split_part(words: str, tables: PlaceTables) -> tuple[str | None, str]:
    first, _, rest = words.partition(" ")
    shown = tables.parts.get(first.casefold())
    if shown and rest:
        return shown, _clean(rest)
    return None, words


def _drop_descriptors(words: str, tables: PlaceTables) -> str:
    changed = True
    while changed:
        changed = False
        folded = words.casefold()
        for descriptor in tables.descriptors:
            if folded.startswith(descriptor + " "):
                words = _clean(words[len(descriptor) + 1 :])
                changed = True
                break
    return words


def _named_place(words: str) -> str | None:
    """The place ``words`` names: a listed place, else a country, else ``None``."""
    listed = place_tables().names.get(words.casefold())
    if listed:
        return listed
    code = country_code(words, metonyms=False)
    if code is None or words.casefold() in place_tables().references:
        return None
    return country_name(code)


@cache
def country_name(code: str) -> str:
    """A country's everyday name from its ISO3 code (``IRN`` -> ``Iran``)."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    common = getattr(country, "common_name", None)
    return str(common or country.name.split(",")[0])


def _referent(kinds: tuple[str, ...], text: str, position: int | None) -> str | None:
    if not text:
        return None
    cut = len(text) if position is None else position
    mentions = [
        (start, name)
        for start, name in _named_mentions(text)
        if set(place_tables().types[name]) & set(kinds)
    ]
    before = [name for start, name in mentions if start < cut]
    if before:
        return before[-1]
    after = [name for start, name in mentions if start >= cut]
    return after[0] if after else None


def _named_mentions(text: str) -> list[tuple[int, str]]:
    """Every listed place named in ``text``, as (offset, name)."""
    found = [
        (match.start(), place_tables().names[match.group(0).casefold()])
        for match in _place_pattern().finditer(text)
    ]
    return sorted(found)


@cache
def _place_pattern() -> re.Pattern[str]:
    aliases = sorted(place_tables().names, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(alias) for alias in aliases) + r")(?![\w-])",
        re.IGNORECASE,
    )
