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
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import pycountry
import yaml

from newsclaims.extract.actors import country_code, country_prefix, resolve_name
from newsclaims.model import ActorRef
from newsclaims.resolve.places import country_name, normalise_place, place_tables

# Longer than any name: a "source" this long is a misparse, and is not analysed further.
LONGEST_NAME = 200
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_POSSESSOR = re.compile(r"^(?P<owner>[\w .-]+?)'s?\s+(?P<rest>.+)$")
# A name's own abbreviation after it: "UN Office for ... Affairs (OCHA)".
_TRAILING_ABBREVIATION = re.compile(r"\s*\([A-Z][\w.&-]*\)$")
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
    raw = sources_data()
    return SourceWords(
        **{field: frozenset(str(word) for word in raw[field]) for field in _WORD_LISTS}
    )


_WORD_LISTS = (
    "determiners",
    "descriptors",
    "run_by_suffixes",
    "inverted_heads",
    "country_abbreviations",
)


@cache
def sources_data() -> dict[str, Any]:
    """``data/sources.yaml`` as read (once per process): the registry and its word lists."""
    text = resources.files("newsclaims.data").joinpath("sources.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@lru_cache(maxsize=4096)
def source_key(name: str) -> SourceKey:
    """The head and country of a source's name (see the module's examples).

    Words are compared in lower case, but countries are looked up as written: "Gaza" is
    a place, "gaza" in running text is not.
    """
    text = " ".join(name[:LONGEST_NAME].translate(_APOSTROPHES).split()).strip(" ,.;:\"'")
    text = _TRAILING_ABBREVIATION.sub("", text)
    text, country = _without_trailing_place(text)
    tokens = _without_leading_descriptors(text.split())
    text = " ".join(tokens)
    if (owned := _POSSESSOR.match(text)) and (owner := _country(owned["owner"])):
        text, country = owned["rest"], country or owner
    tokens = _joined_state_name(text.split())
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
    written = match["place"].strip()
    # "in the Hamas-run territory": no place named, but whose it is.
    if runner := next(filter(None, map(_descriptor_country, written.split())), None):
        return match["rest"], runner
    place = normalise_place(written)
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
    """Determiners and descriptors dropped; a descriptor that names a side stays for the
    country loop ("the Palestinian health ministry" is Palestinian)."""
    words = source_words()
    while tokens and (
        tokens[0].casefold() in words.determiners
        or (_is_descriptor(tokens[0]) and _side(tokens[0]) is None)
    ):
        tokens = tokens[1:]
    return tokens


def _is_descriptor(word: str) -> bool:
    folded = word.casefold()
    return folded in source_words().descriptors or folded in place_tables().descriptors


def _joined_state_name(tokens: list[str]) -> list[str]:
    """``tokens`` with a two-word state or UN name opening them as one token, so that it
    qualifies the rest as "UN" or "Israeli" does: "United Nations Office for the
    Coordination of Humanitarian Affairs" is the UN's office of that name.

    >>> _joined_state_name("United Nations officials".split())
    ['United Nations', 'officials']
    >>> _joined_state_name("Red Cross officials".split())
    ['Red', 'Cross', 'officials']
    """
    if len(tokens) < 3 or not all(token[:1].isupper() for token in tokens[:2]):
        return tokens
    if _side(tokens[0]) is not None:  # "Palestinian Ministry of Health": one word says it
        return tokens
    opening = " ".join(tokens[:2])
    code = _side(opening)
    if code is None or not (len(code) == 3 or code.startswith("IGO")):
        return tokens
    return [opening, *tokens[2:]]


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


@dataclass(frozen=True)
class SourceIdentity:
    """One institution or person that figures are attributed to, however written.

    ``id`` is stable across reports and runs: a registry id (``unrwa``), a state's
    institution (``isr-military``: the country's code and the institution), a person
    (``person:antony-blinken``), or, for a source the registry does not know, a slug of
    its reduced name (``civil-society-group``).
    """

    id: str
    name: str
    kind: str | None = None
    side: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class _Institution:
    id: str
    name: str
    kind: str | None
    side: str | None
    country: str | None


@dataclass(frozen=True)
class SourceRegistry:
    """``data/sources.yaml``'s identities: heads of institutions known by name, the
    generic institutions of any state, and the speaker nouns that speak for them."""

    institutions: dict[tuple[str, str | None], _Institution]  # (head, country) -> it
    kinds: dict[str, tuple[str, str, str, bool]]  # head -> (id suffix, label, kind, local)
    speaker_nouns: frozenset[str]
    acronyms: frozenset[str]  # names written all in capitals (WHO, PA)


@cache
def source_registry() -> SourceRegistry:
    raw = sources_data()
    institutions: dict[tuple[str, str | None], _Institution] = {}
    for entry in raw["institutions"]:
        institution = _Institution(
            id=entry["id"],
            name=entry["name"],
            kind=entry.get("kind"),
            side=entry.get("side"),
            country=entry.get("country"),
        )
        for written in entry["names"]:
            key = source_key(str(written))
            institutions[(_without_speaker_noun(key.head), key.country)] = institution
    kinds = {
        _uninverted(str(head).casefold()): (
            suffix,
            entry["label"],
            entry["kind"],
            bool(entry.get("local")),
        )
        for suffix, entry in raw["kinds"].items()
        for head in entry["heads"]
    }
    acronyms = frozenset(
        str(written)
        for entry in raw["institutions"]
        for written in entry["names"]
        if str(written).isupper() and " " not in str(written)
    )
    return SourceRegistry(institutions, kinds, frozenset(raw["speaker_nouns"]), acronyms)


def source_identity(source: ActorRef, country: str | None = None) -> SourceIdentity:
    """The identity of a figure's source (``country``: the one its context gives, as
    for ``the enclave's health ministry``, when its name gives none).

    >>> from newsclaims.model import ActorRef
    >>> source_identity(ActorRef(text="Gaza's Ministry of Health")).id
    'pse-health-ministry'
    >>> source_identity(ActorRef(text="the health ministry in the Hamas-run territory")).id
    'pse-health-ministry'
    >>> source_identity(ActorRef(text="An Israeli army spokesperson")).id
    'isr-military'
    >>> source_identity(ActorRef(text="the UN agency for Palestinian refugees")).id
    'unrwa'
    >>> source_identity(ActorRef(text="Blinken", canonical="Antony Blinken", kind="person"))
    SourceIdentity(id='person:antony-blinken', name='Antony Blinken', kind='person', ...)
    >>> source_identity(ActorRef(text="the ministry")).id  # whose? no country, no guess
    'name:ministry'
    >>> source_identity(ActorRef(text="an IDF spokesman")).id, source_identity(ActorRef(text="who")).id
    ('isr-military', 'name:who')
    >>> source_identity(ActorRef(text="health officials in Gaza", kind="person")).id
    'pse-health-ministry'
    >>> source_identity(ActorRef(text="the health ministry in Gaza, which said that ...")).id
    'pse-health-ministry'
    >>> source_identity(ActorRef(text="the enclave's health ministry"), country="PSE").id
    'pse-health-ministry'
    >>> source_identity(ActorRef(text="which officials in the Hamas-governed enclave")).id
    'pse-government'
    >>> source_identity(ActorRef(text="Palestinian authorities, including more than 5,600")).id
    'pse-government'
    """
    written = _LEADING_RELATIVE.sub("", " ".join(_name_written(source).split()))
    # A name ends at its first comma: "Palestinian authorities, including ..." is the
    # authorities.
    name = _RELATIVE_CLAUSE.split(written)[0].split(",")[0].strip() or written
    as_written = _RELATIVE_CLAUSE.split(" ".join(source.text.split()))[0].split(",")[0]
    body = _body_spoken_for(as_written.strip())
    if body is not None:  # "a spokesman for the health ministry" speaks for the ministry
        named = source_identity(ActorRef(text=body), country)
        if is_identified(named.id):
            return named
    key = source_key(name)
    if key.country is None and source.kind == "country" and source.code:
        return _state_identity(source.code)
    registry = source_registry()
    whole = _without_place_reference(key.head)
    # "health officials" names the health ministry whole; "army spokesman" the army.
    head = whole if whole in registry.kinds else _without_speaker_noun(whole)
    if source.kind == "person" and head not in registry.kinds and _looks_like_a_name(name):
        return SourceIdentity(f"person:{_slug(name)}", name, "person", source.country,
                              source.country)  # fmt: skip
    context, country = country, key.country
    known = registry.institutions.get((head, country)) or registry.institutions.get((head, None))
    if known is not None and head.upper() in registry.acronyms and head.upper() not in name:
        known = None  # an acronym in lower case is a word: "who" is no WHO
    if known is not None and (known.country is None or country in (None, known.country)):
        side = known.side or known.country
        return SourceIdentity(known.id, known.name, known.kind, side, known.country)
    generic = registry.kinds.get(head)
    if generic is not None and (owner := country or (context if generic[3] else None)):
        suffix, label, kind, _ = generic
        shown = country_name(owner) if len(owner) == 3 else owner
        return SourceIdentity(f"{owner.casefold()}-{suffix}", f"{shown} {label}", kind,
                              owner, owner)  # fmt: skip
    if key.country is None and (code := country_code(head, metonyms=True)):
        return _state_identity(code)  # "Israel", "Washington": the state itself
    spoken_for = _without_speaker_words(source.canonical or source.text)
    if spoken_for is not None:  # "an IDF spokesman" speaks for the IDF
        named = source_identity(source.model_copy(update={"text": spoken_for, "canonical": None}))
        if not named.id.startswith(NAME_PREFIX):
            return named
    # An id made from the name alone is marked as such: never a registry id ("who").
    prefix = f"{country.casefold()}-" if country else NAME_PREFIX
    return SourceIdentity(prefix + _slug(head), " ".join(head.split()), None, country, country)


def _name_written(source: ActorRef) -> str:
    """The source's canonical name, unless its words name that actor only after the name
    ends ("authorities in Gaza, which is ruled by Hamas" are not Hamas): then its words.

    >>> _name_written(ActorRef(text="authorities in Gaza, which is ruled by Hamas",
    ...                        canonical="Hamas"))
    'authorities in Gaza, which is ruled by Hamas'
    >>> _name_written(ActorRef(text="Blinken", canonical="Antony Blinken"))
    'Antony Blinken'
    >>> _name_written(ActorRef(text="the Hamas-run health ministry", canonical="Hamas"))
    'the Hamas-run health ministry'
    """
    if not source.canonical:
        return source.text
    text = " ".join(source.text.split()).casefold()
    name = _RELATIVE_CLAUSE.split(text)[0].split(",")[0]
    canonical = source.canonical.casefold()
    if canonical in text and canonical not in name:
        return source.text
    if canonical in name and _names_a_counting_body(_RELATIVE_CLAUSE.split(source.text)[0]):
        return source.text
    return source.canonical


def _names_a_counting_body(name: str) -> bool:
    """Whether a name's head is a body that counts the dead (``data/sources.yaml``'s
    ``counting_kinds``): ``the Hamas health ministry`` is the ministry its actor runs,
    not the actor.

    >>> _names_a_counting_body("Hamas's health ministry"), _names_a_counting_body("Hamas")
    (True, False)
    """
    key = source_key(name)
    kind = source_registry().kinds.get(_without_speaker_noun(key.head)) or (
        source_registry().kinds.get(key.head)
    )
    return kind is not None and kind[0] in sources_data()["counting_kinds"]


def names_a_source(identity: SourceIdentity) -> bool:
    """Whether ``identity`` can be someone's: an id made from an unknown name (``name:``, or
    a country's unknown body, ``syr-civil-war-live``) is not when
    the name is a lone function word or adjective, or names an event (the word lists of
    ``data/sources.yaml``); a figure attributed to it has no source.

    >>> from newsclaims.model import ActorRef
    >>> [names_a_source(source_identity(ActorRef(text=name))) for name in
    ...  ("In", "the questionable", "Israel-Hamas war updates", "rights groups", "a witness")]
    [False, False, False, True, True]
    """
    if is_identified(identity.id) or identity.id.startswith(PERSON_PREFIX):
        return True
    words = identity.name.casefold().split()
    data = sources_data()
    if not words or words[-1] in data["event_heads"]:
        return False
    lone = words[0] if len(words) == 1 else None
    return lone is None or not (
        lone in data["function_words"] or lone.endswith(tuple(data["adjective_suffixes"]))
    )


NAME_PREFIX = "name:"
PERSON_PREFIX = "person:"
# A name ends where a relative clause starts: "the health ministry in Gaza, which has
# said that ..." is the ministry.
_RELATIVE_CLAUSE = re.compile(r",?\s+(?:which|who|whose|that)\s", re.IGNORECASE)
# "..., which officials in the enclave say has killed ...": the source is the officials.
_LEADING_RELATIVE = re.compile(r"^(?:which|who|whom|that)\s+(?=\S)", re.IGNORECASE)
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "di"})


def _looks_like_a_name(written: str) -> bool:
    """A person's name: capitalised words (and particles), never "health officials in
    Gaza", which the tagger may take for a person.

    >>> _looks_like_a_name("Safwat al-Kahlout"), _looks_like_a_name("health officials in Gaza")
    (True, False)
    """
    words = written.replace("-", " ").split()
    return bool(words) and all(
        word[:1].isupper() or word.casefold() in _NAME_PARTICLES for word in words
    )


# "a spokesman for X", "figures from X"; "X spokesman Ashraf al-Qudra".
_SPEAKER_FOR = r"^(?:(?:an?|the|one|two|several|senior|\w+-level)\s+)*(?:{nouns})\s+(?:for|of|at|from|with|by)\s+(?P<body>.+)$"
# A name's words: capitalised, or an Arabic or European particle ("al-Qudra", "bin Salman").
_NAME_WORD = r"(?:[A-Z]|(?:al|el|ad|as|an|ar|abu|bin|ibn|de|da|van|von)[-\s])[\w'’.-]*"
_TITLED_NAME = r"^(?P<body>.+?)\s+(?:{nouns})\s+(?:" + _NAME_WORD + r"\s*){{1,4}}$"


def _body_spoken_for(name: str) -> str | None:
    """The institution a speaker's name says it speaks for, if it names one.

    >>> _body_spoken_for("a spokesman for the health ministry in Gaza")
    'the health ministry in Gaza'
    >>> _body_spoken_for("Health ministry spokesman Ashraf al-Qudra")
    'Health ministry'
    >>> _body_spoken_for("Ashraf al-Qudra") is None, _body_spoken_for("army spokesman") is None
    (True, True)
    """
    for pattern in _speaker_patterns():
        if (found := pattern.match(name)) is not None:
            return found["body"]
    return None


@cache
def _speaker_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``_SPEAKER_FOR`` (any case) and ``_TITLED_NAME`` (a name's capitals count) over the
    registry's speaker nouns."""
    nouns = sorted(sources_data()["speaker_nouns"], key=len, reverse=True)
    alternatives = "|".join(re.escape(noun) for noun in nouns)
    return (
        re.compile(_SPEAKER_FOR.format(nouns=alternatives), re.IGNORECASE),
        re.compile(_TITLED_NAME.format(nouns=alternatives)),
    )


def _without_speaker_words(written: str) -> str | None:
    """``an IDF spokesman`` -> ``an IDF``; ``None`` when nothing would be left."""
    words = written.split()
    speaker_nouns = sources_data()["speaker_nouns"]
    while len(words) > 1 and words[-1].casefold() in speaker_nouns:
        words.pop()
    remaining = " ".join(words)
    shortened = remaining != " ".join(written.split())
    determiners = source_words().determiners
    return remaining if shortened and remaining.casefold() not in determiners else None


def source_side(source_id: str | None) -> str | None:
    """The country a source id speaks for: a state's own institutions (``isr``,
    ``isr-military``) and known institutions of one side (``hamas`` -> ``PSE``); UN
    agencies and NGOs speak for none.

    >>> source_side("isr-military"), source_side("isr"), source_side("hamas")
    ('ISR', 'ISR', 'PSE')
    >>> source_side("unrwa"), source_side("prcs"), source_side("person:antony-blinken")
    (None, None, None)
    """
    if not source_id or ":" in source_id:
        return None
    bodies = _state_bodies()
    if source_id in bodies:
        return bodies[source_id]
    if source_id in _registry_ids():
        return None  # a UN agency or an NGO
    prefix, _, _ = source_id.partition("-")
    if len(prefix) == 3 and pycountry.countries.get(alpha_3=prefix.upper()) is not None:
        return prefix.upper()
    return None


def is_armed_group(source_id: str | None) -> bool:
    """Whether a source id is an armed group the registry knows (``hamas``).

    >>> is_armed_group("hamas"), is_armed_group("isr-military"), is_armed_group(None)
    (True, False, False)
    """
    return source_id in _armed_groups()


@cache
def _armed_groups() -> frozenset[str]:
    institutions = source_registry().institutions.values()
    return frozenset(entry.id for entry in institutions if entry.kind == "armed group")


def is_identified(source_id: str | None) -> bool:
    """Whether a source id names a known institution: one of the registry's (``unrwa``),
    a state (``isr``) or a state's institution of a known kind (``pse-health-ministry``);
    not a person, whose institution is not known, nor an id made from an unknown name
    (``name:figures``, ``pse-which``).

    >>> [is_identified(i) for i in ("unrwa", "isr", "pse-health-ministry", "isr-military")]
    [True, True, True, True]
    >>> [is_identified(i) for i in ("name:figures", "person:joe-biden", "pse-which", None)]
    [False, False, False, False]
    """
    if not source_id or ":" in source_id:
        return False
    if source_id in _registry_ids():
        return True
    prefix, _, suffix = source_id.partition("-")
    if len(prefix) != 3 or pycountry.countries.get(alpha_3=prefix.upper()) is None:
        return False
    return not suffix or suffix in _kind_suffixes()


@cache
def _kind_suffixes() -> frozenset[str]:
    return frozenset(suffix for suffix, _, _, _ in source_registry().kinds.values())


# Kinds of institution whose claims are their state's (or party's) own: NGOs and UN
# agencies are no one side, even where they have a country.
SIDE_KINDS = frozenset({"government body", "military", "armed group", "state", "news agency"})


@cache
def _state_bodies() -> dict[str, str]:
    """Registry ids of institutions that speak for a country or a party: id -> country."""
    return {
        entry.id: entry.country
        for entry in source_registry().institutions.values()
        if entry.kind in SIDE_KINDS and entry.country and len(entry.country) == 3
    }


@cache
def _registry_ids() -> frozenset[str]:
    return frozenset(entry.id for entry in source_registry().institutions.values())


def _state_identity(code: str) -> SourceIdentity:
    name = country_name(code) if len(code) == 3 else code
    return SourceIdentity(code.casefold(), name, "state", code, code)


def _without_place_reference(head: str) -> str:
    """``coastal enclave health ministry`` -> ``health ministry``: whose place the
    reference stands for is the context's to say."""
    for noun in sorted(place_tables().references, key=len, reverse=True):
        if head.startswith(noun + " "):
            return head[len(noun) + 1 :]
    return head


def _without_speaker_noun(head: str) -> str:
    """``army spokesperson`` -> ``army``; ``officials`` alone stays."""
    words = head.split()
    while len(words) > 1 and words[-1] in sources_data()["speaker_nouns"]:
        words.pop()
    return " ".join(words)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(name: str) -> str:
    """``Antony Blinken`` -> ``antony-blinken`` (accents kept as their base letters)."""
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", plain).strip("-") or "unnamed"
