"""Quantities: what a figure counts, reduced to one series name and the side it names.

``Palestinians``, ``people`` and ``civilians`` are the quantity ``people``;
``Palestinian children`` is ``children`` (a series of its own under ``people``, never
part of its series); the side a word names is kept apart. The nouns live in
``data/quantities.yaml``; side words are the actor tables' demonyms.

>>> quantity_of("Palestinians"), quantity_of("palestinian children")
(Quantity(name='people', side='PSE'), Quantity(name='children', side='PSE'))
>>> quantity_of("Hamas fighters"), quantity_of("Hamas captives")
(Quantity(name='fighters', side='PSE'), Quantity(name='hostages', side=None))
>>> quantity_of("health workers"), quantity_of("olive trees")
(Quantity(name='medics', side=None), Quantity(name='olive trees', side=None))
>>> parent_of("children"), parent_of("people"), parent_of("olive trees")
('people', None, None)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from newsclaims.extract.actors import actor_tables, country_code, country_prefix, resolve_name


@dataclass(frozen=True)
class Quantity:
    """One series of counts (``people``, ``children``) and the side its noun names."""

    name: str
    side: str | None = None


@dataclass(frozen=True)
class QuantityTables:
    """``data/quantities.yaml``, loaded once: noun -> quantity, quantity -> parent."""

    by_noun: dict[str, str]
    parents: dict[str, str | None]


@cache
def quantity_tables() -> QuantityTables:
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("quantities.yaml").read_text("utf-8")
    )
    by_noun = {str(noun): name for name, entry in raw.items() for noun in entry["nouns"]}
    return QuantityTables(by_noun, {name: entry["parent"] for name, entry in raw.items()})


@lru_cache(maxsize=4096)
def quantity_of(what: str | None) -> Quantity | None:
    """The quantity a figure's ``what`` names (``None`` when it names none)."""
    if not what or not what.strip():
        return None
    words = " ".join(what.casefold().split()).split()
    tables = quantity_tables()
    if (name := tables.by_noun.get(" ".join(words))) is not None:
        # "Palestinians" alone is people of that side.
        return Quantity(name, _side(words[0]) if len(words) == 1 else None)
    side, by_group = None, False
    while len(words) > 1 and (word_side := _side(words[0])) is not None:
        if side is None:
            side, by_group = word_side, _country_side(words[0]) is None
        words = words[1:]
    name = tables.by_noun.get(" ".join(words), " ".join(words))
    if by_group and name == HELD:
        side = None  # "Hamas captives" are held by Hamas, not its people
    return Quantity(name, side)


HELD = "hostages"


def parent_of(quantity: str) -> str | None:
    """The quantity ``quantity`` is a part of (``children`` -> ``people``), if any."""
    return quantity_tables().parents.get(quantity)


def _side(word: str) -> str | None:
    """The country a word names as a side (``palestinian(s)``, ``israeli``, ``hamas``)."""
    return _country_side(word) or _group_side(word)


def _country_side(word: str) -> str | None:
    """The country a demonym or a country's name names ("palestinians", "israel")."""
    demonyms = _folded_demonyms()
    code = demonyms.get(word) or demonyms.get(word.removesuffix("s"))
    if code is None and word[:1].isalpha():
        code = country_code(word.title(), metonyms=False)
    return code


def _group_side(word: str) -> str | None:
    """The side an armed group's name names: "Hamas fighters" are Palestine's, "RSF
    fighters" Sudan's; a news agency ("Anadolu journalists") names none."""
    if not word[:1].isalpha():
        return None
    for written in (word.title(), word.upper()):  # "Hamas", "RSF" (read in lower case)
        group = resolve_name(written)
        if group.kind == "group" and group.code and group.code[3:6] != MEDIA_AGENT:
            return country_prefix(group.code)
    return None


MEDIA_AGENT = "MED"  # the actor code's agent part for the media (TURMED: Anadolu)


@cache
def _folded_demonyms() -> dict[str, str]:
    return {name.casefold(): code for name, code in actor_tables().demonyms.items()}
