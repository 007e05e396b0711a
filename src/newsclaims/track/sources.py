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
SourceKey(head='health ministry', country=None)
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

import pycountry
import yaml

from newsclaims.extract.actors import country_code, resolve_name

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_POSSESSOR = re.compile(r"^(?P<owner>[\w .-]+?)'s?\s+(?P<rest>.+)$")
_TRAILING_PLACE = re.compile(r"^(?P<rest>.+)\s+(?:in|of|for)\s+(?:the\s+)?(?P<place>[\w .'-]+)$")


@dataclass(frozen=True)
class SourceKey:
    """A source's name reduced to its head and the country it names, if any."""

    head: str
    country: str | None


@dataclass(frozen=True)
class SourceWords:
    """``data/sources.yaml``, loaded once."""

    determiners: frozenset[str]
    descriptors: frozenset[str]
    inverted_heads: frozenset[str]
    place_nouns: frozenset[str]


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
    words = source_words()
    text = " ".join(name.translate(_APOSTROPHES).split()).strip(" ,.;:\"'")
    text, country = _without_trailing_place(text, words)
    tokens = text.split()
    while tokens and _ignored(tokens[0], words):
        tokens.pop(0)
    text = " ".join(tokens)
    if (owned := _POSSESSOR.match(text)) and (owner := _country(owned["owner"])):
        text, country = owned["rest"], country or owner
    tokens = text.split()
    while len(tokens) > 1 and (_ignored(tokens[0], words) or _country(tokens[0])):
        country = country or _country(tokens[0])
        tokens.pop(0)
    return SourceKey(head=_uninverted(" ".join(tokens).casefold(), words), country=country)


@lru_cache(maxsize=4096)
def source_country(name: str) -> str | None:
    """The country a source speaks for, if its name says (``Tehran Radio`` -> ``IRN``).

    >>> source_country("A Baghdad war communique"), source_country("the health ministry")
    ('IRQ', None)
    """
    if country := source_key(name).country:
        return country
    actor = resolve_name(name)
    if actor.country:
        return actor.country
    # A group coded under a country (IRQMED: Iraq's news agency) speaks for that side.
    prefix = (actor.code or "")[:3]
    return prefix if pycountry.countries.get(alpha_3=prefix) else None


def same_source(first: SourceKey, second: SourceKey) -> bool:
    """One source: one head ends the other (``ministry``, ``health ministry``), and no two
    different countries."""
    shorter, longer = sorted((first.head, second.head), key=len)
    if not (longer == shorter or longer.endswith(" " + shorter)):
        return False
    return first.country is None or second.country is None or first.country == second.country


def _ignored(word: str, words: SourceWords) -> bool:
    folded = word.casefold()
    return folded in words.determiners or folded in words.descriptors


def _without_trailing_place(text: str, words: SourceWords) -> tuple[str, str | None]:
    """``health ministry in Gaza`` -> (``health ministry``, ``PSE``); ``in the enclave``
    is dropped with no country."""
    match = _TRAILING_PLACE.match(text)
    if match is None:
        return text, None
    place = match["place"]
    if place.casefold() in words.place_nouns:
        return match["rest"], None
    described = place.split()
    while len(described) > 1 and _ignored(described[0], words):
        described.pop(0)
    code = _country(" ".join(described))
    return (match["rest"], code) if code else (text, None)


def _country(word: str) -> str | None:
    return country_code(word, metonyms=False) if word[:1].isupper() else None


def _uninverted(head: str, words: SourceWords) -> str:
    """``ministry of health`` -> ``health ministry``."""
    first, _, rest = head.partition(" of ")
    if rest and first in words.inverted_heads:
        return f"{rest} {first}"
    return head
