"""Source names: one key per source, however each report writes it.

``Gaza's Ministry of Health``, ``the health ministry in Gaza`` and ``the Hamas-run health
ministry`` name one source; ``the Israeli military`` and ``its military`` another. A key is
the name's head (``health ministry``) and the country it is qualified by, if any. Two keys
are the same source when their heads match and their countries do not differ: an
unqualified ``the military`` may be any country's, so it is never set against one.
The word lists live in ``data/sources.yaml``.

>>> source_key("Gaza's Ministry of Health")
SourceKey(head='health ministry', country='PSE')
>>> source_key("the Hamas-run health ministry in the enclave")
SourceKey(head='health ministry', country='PSE')
>>> same_source(source_key("the Israeli military"), source_key("its military"))
True
>>> same_source(source_key("Israel's foreign ministry"), source_key("France's foreign ministry"))
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from newsclaims.extract.actors import country_code, country_prefix, resolve_name
from newsclaims.track.places import normalise_place, place_tables

# Longer than any name: a "source" this long is a misparse, and is not analysed further.
LONGEST_NAME = 200
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_POSSESSOR = re.compile(r"^(?P<owner>[\w .-]+?)'s?\s+(?P<rest>.+)$")
_TRAILING_PLACE = re.compile(r"^(?P<rest>.*)\s(?:in|of|for)\s+(?P<place>[^,;()]+)$")


@dataclass(frozen=True)
class SourceKey:
    """A source's name reduced to its head and the country it names, if any (or the
    actor code of a group without one, such as ``IGOUNO``)."""

    head: str
    country: str | None


@dataclass(frozen=True)
class SourceWords:
    """``data/sources.yaml``, loaded once."""

    determiners: frozenset[str]
    descriptors: frozenset[str]
    run_by_suffixes: frozenset[str]
    inverted_heads: frozenset[str]
    country_abbreviations: frozenset[str]


@cache
def source_words() -> SourceWords:
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("sources.yaml").read_text("utf-8")
    )
    return SourceWords(**{key: frozenset(str(word) for word in raw[key]) for key in raw})


@lru_cache(maxsize=4096)
def source_key(name: str) -> SourceKey:
    """The head and country of a source's name (see the module's examples).

    Words are compared in lower case, but countries are looked up as written: "Gaza" is
    a place, "gaza" in running text is not.
    """
    text = " ".join(name[:LONGEST_NAME].translate(_APOSTROPHES).split()).strip(" ,.;:\"'")
    text, country = _without_trailing_place(text)
    tokens = _without_leading_descriptors(text.split())
    text = " ".join(tokens)
    if (owned := _POSSESSOR.match(text)) and (owner := _country(owned["owner"])):
        text, country = owned["rest"], country or owner
    tokens = text.split()
    while len(tokens) > 1:
        qualifier = _descriptor_country(tokens[0]) or _side(tokens[0])
        if qualifier is None and not _is_descriptor(tokens[0]):
            break
        country = country or qualifier
        tokens.pop(0)
    head = _uninverted(" ".join(tokens).casefold().replace("'s ", " "))
    return SourceKey(head=head, country=country)


@lru_cache(maxsize=4096)
def source_country(name: str) -> str | None:
    """The country a source speaks for, if its name says (``Tehran Radio`` -> ``IRN``).

    >>> source_country("A Baghdad war communique"), source_country("the health ministry")
    ('IRQ', None)
    """
    if country := source_key(name).country:
        return country
    return _actor_country(name)


def same_source(first: SourceKey, second: SourceKey) -> bool:
    """One source: one head ends the other (``ministry``, ``health ministry``), and no
    two different countries."""
    shorter, longer = sorted((first.head, second.head), key=len)
    if longer != shorter and not longer.endswith(" " + shorter):
        return False
    return first.country is None or second.country is None or first.country == second.country


def _actor_country(name: str) -> str | None:
    actor = resolve_name(name)
    # A group coded under a country (IRQMED: Iraq's news agency) speaks for that side.
    return actor.country or country_prefix(actor.code)


def _without_trailing_place(text: str) -> tuple[str, str | None]:
    """``health ministry in Gaza`` -> (``health ministry``, ``PSE``); a place with no
    country (``in the enclave``, ``in Gaza City``) is dropped with none."""
    match = _TRAILING_PLACE.match(text)
    if match is None:
        return text, None
    place = normalise_place(match["place"].strip())
    tables = place_tables()
    if place is None:
        return text, None
    part, _, whole = place.partition(" ")
    if whole and part in tables.parts.values():
        place = whole  # "in northern Gaza" places the source in Gaza
    if place.casefold() in tables.references:
        return match["rest"], None
    code = _country(place)
    if place in tables.types or code:
        return match["rest"], code
    return text, None


def _without_leading_descriptors(tokens: list[str]) -> list[str]:
    words = source_words()
    while tokens and (tokens[0].casefold() in words.determiners or _is_descriptor(tokens[0])):
        tokens = tokens[1:]
    return tokens


def _is_descriptor(word: str) -> bool:
    folded = word.casefold()
    return folded in source_words().descriptors or folded in place_tables().descriptors


def _side(word: str) -> str | None:
    """The country, or else the actor code, of a capitalised word opening a name
    (``Israeli``, ``Hamas``, ``UN``): ``Hamas officials`` are not ``U.S. officials``."""
    if not word[:1].isupper():
        return None
    if _unknown_abbreviation(word):
        # "UN" is a listed actor (IGOUNO); "PA" or "IS" only look like country codes.
        code = resolve_name(word).code
        return code if code and len(code) > 3 else None
    return _country(word) or _actor_country(word) or resolve_name(word).code


def _descriptor_country(word: str) -> str | None:
    """``Hamas-run`` -> ``PSE``: the country of the actor a source is run by."""
    actor, dash, suffix = word.rpartition("-")
    if not dash or suffix.casefold() not in source_words().run_by_suffixes:
        return None
    return _country(actor) or _actor_country(actor)


def _country(word: str) -> str | None:
    if not word[:1].isupper():
        return None
    if _unknown_abbreviation(word):
        return None
    return country_code(word, metonyms=False)


def _unknown_abbreviation(word: str) -> bool:
    """``PA``, ``IS``, ``AU``: two letters that pycountry would take for a country."""
    letters = word.replace(".", "")
    return len(letters) <= 2 and letters not in source_words().country_abbreviations


def _uninverted(head: str) -> str:
    """``ministry of health`` -> ``health ministry``; ``office of the prime minister`` ->
    ``prime minister office``."""
    first, _, rest = head.partition(" of ")
    if rest and first in source_words().inverted_heads:
        return f"{rest.removeprefix('the ')} {first}"
    return head
