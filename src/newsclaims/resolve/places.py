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
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pycountry
import yaml

from newsclaims.extract.actors import POSSESSIVE, country_code

EDGE_NOISE = " \t\r\n.,;:!?\"'“”‘’()"
_LEADING = re.compile(r"^(?:in|at|on|across|throughout|of|from|the)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceTables:
    """``data/places.yaml``, loaded once, keyed for lookups."""

    names: dict[str, str]  # alias (casefolded) -> place name
    types: dict[str, tuple[str, ...]]  # place name -> its types
    references: dict[str, tuple[str, ...]]  # common noun (casefolded) -> types it stands for
    descriptors: tuple[str, ...]  # casefolded, longest first
    parts: dict[str, str]  # casefolded part word -> shown form
    local_authorities: tuple[str, ...]  # casefolded: sources whose name places a count
    within: dict[str, str]  # place name -> the place it lies in
    target_nouns: frozenset[str]  # casefolded: "bombardment" (of Gaza)
    target_prepositions: frozenset[str]  # "of", "against"
    suffered_nouns: frozenset[str]  # "war": "Sudan's war" is where, not whose
    target_verbs: frozenset[str]  # casefolded forms: "pummels", "struck" (Gaza)
    aimed: tuple[frozenset[str], frozenset[str]]  # "rockets" "at" (Israel)
    toll_nouns: tuple[str, ...]  # casefolded: "death toll" (the Gaza death toll)


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
        local_authorities=tuple(word.casefold() for word in raw["local_authorities"]),
        within={
            name: entry["within"] for name, entry in raw["places"].items() if "within" in entry
        },
        target_nouns=frozenset(noun.casefold() for noun in raw["target_nouns"]),
        target_prepositions=frozenset(raw["target_prepositions"]),
        suffered_nouns=frozenset(noun.casefold() for noun in raw["suffered_nouns"]),
        target_verbs=frozenset(
            form
            for verb in raw["target_verbs"]
            for form in (verb if isinstance(verb, list) else _verb_forms(verb))
        ),
        aimed=(frozenset(raw["aimed_nouns"]), frozenset(raw["aimed_prepositions"])),
        toll_nouns=tuple(noun.casefold() for noun in raw["toll_nouns"]),
    )


def _verb_forms(verb: str) -> tuple[str, ...]:
    """A regular verb's forms: ``pummel`` -> pummels, pummelled, pummeled, pummelling...

    >>> _verb_forms("bombard")
    ('bombard', 'bombards', 'bombarded', 'bombarding')
    >>> _verb_forms("invade")
    ('invade', 'invades', 'invaded', 'invading')
    """
    if verb.endswith("e"):
        return verb, f"{verb}s", f"{verb}d", f"{verb[:-1]}ing"
    doubled = (f"{verb}{verb[-1]}ed", f"{verb}{verb[-1]}ing") if verb.endswith("l") else ()
    return (verb, f"{verb}s", f"{verb}ed", f"{verb}ing", *doubled)


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
    if listed := tables.names.get(cleaned.casefold()):
        return listed  # "occupied Palestinian territories": a name with its descriptors
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
    words = " ".join(where.split()).strip(EDGE_NOISE)
    while (shorter := _LEADING.sub("", words)) != words:
        words = shorter
    return POSSESSIVE.sub("", words).strip(EDGE_NOISE)


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
def place_country(place: str | None) -> str | None:
    """The country a series place is in, where its name says (``northern Gaza`` ->
    ``PSE``); ``None`` for a place the tables cannot put in a country.

    >>> place_country("northern Gaza"), place_country("Israel"), place_country(None)
    ('PSE', 'ISR', None)
    """
    if not place:
        return None
    part, _, whole = place.partition(" ")
    if whole and part in place_tables().parts.values():
        place = whole
    return country_code(place, metonyms=False)


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
    starts, names = _typed_mentions(text, kinds)
    cut = bisect_left(starts, len(text) if position is None else position)
    if cut > 0:
        return names[cut - 1]
    return names[0] if names else None


@lru_cache(maxsize=32)
def _typed_mentions(text: str, kinds: tuple[str, ...]) -> tuple[list[int], list[str]]:
    """The offsets and names of the listed places of ``kinds`` in ``text``, in order."""
    wanted = set(kinds)
    found = [
        (start, name)
        for start, name in _named_mentions(text)
        if set(place_tables().types[name]) & wanted
    ]
    return [start for start, _ in found], [name for _, name in found]


@lru_cache(maxsize=8)
def _named_mentions(text: str) -> list[tuple[int, str]]:
    """Every listed place named in ``text``, as (offset, name)."""
    found = [
        (match.start(), place_tables().names[match.group(0).casefold()])
        for match in place_pattern().finditer(text)
    ]
    return sorted(found)


@cache
def place_pattern() -> re.Pattern[str]:
    aliases = sorted(place_tables().names, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(alias) for alias in aliases) + r")(?![\w-])",
        re.IGNORECASE,
    )
