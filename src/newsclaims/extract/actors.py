"""Canonical actors: states and their metonyms, IGOs, groups and persons with roles.

``U.S.``, ``Washington`` and ``the United States`` all resolve to ``USA``; ``Israeli
troops`` to ``ISRMIL``; ``U.S. Secretary of State Antony Blinken`` to a person with role
``Secretary of State``, country ``USA`` and code ``USAGOV``; a later ``Blinken`` to the
fullest name the article gives. Country names come from pycountry; short names,
metonyms, demonyms, IGOs, groups and agent words from ``data/actors.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

import pycountry
import yaml
from spacy.tokens import Doc, Span

from newsclaims.model import ActorKind, ActorRef, Entity

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
# A possessive ending ("Israel's", "Hamas'"), dropped before any lookup.
POSSESSIVE = re.compile(r"[’']s?$")
_LED_BY = re.compile(r"-led$")
# Names and phrases remembered per process: bounded, because a long batch run meets new
# phrases all the time and must not grow without end.
REMEMBERED_NAMES = 1 << 16


@dataclass(frozen=True)
class GroupEntry:
    """A non-state group: its CAMEO-style code and the name it is known by."""

    code: str
    name: str


@dataclass(frozen=True)
class ActorTables:
    """The dictionaries of ``data/actors.yaml``, loaded once."""

    country_aliases: dict[str, str]
    capitals: dict[str, str]
    demonyms: dict[str, str]
    igos: dict[str, str]
    groups: dict[str, GroupEntry]
    agent_words: dict[str, str]  # word or phrase (lower case) -> agent code
    persons: dict[str, str]  # office holder's name (lower case) -> actor code
    role_titles: tuple[str, ...]  # titles that head a person's role ("Foreign Minister")

    @cached_property  # agent_code reads it for every phrase resolved: sort once
    def longest_agent_first(self) -> list[tuple[str, str]]:
        return sorted(self.agent_words.items(), key=lambda item: -len(item[0]))

    @cached_property
    def role_pattern(self) -> re.Pattern[str]:
        """Any role title as a whole word, in any case."""
        titles = sorted(self.role_titles, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, titles)) + r")\b", re.IGNORECASE)


@cache
def actor_tables() -> ActorTables:
    """Load ``data/actors.yaml`` (once per process)."""
    # The C-accelerated safe loader: these tables are large and load at every start.
    raw = yaml.load(
        resources.files("newsclaims.data").joinpath("actors.yaml").read_text("utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    agents = {word.lower(): code for code, words in raw["agents"].items() for word in words}
    return ActorTables(
        country_aliases=dict(raw["country_aliases"]),
        capitals=dict(raw["capitals"]),
        demonyms=dict(raw["demonyms"]),
        igos=dict(raw["igos"]),
        groups={key: GroupEntry(**value) for key, value in raw["groups"].items()},
        agent_words=agents,
        persons={name.lower(): code for name, code in (raw.get("persons") or {}).items()},
        role_titles=tuple(raw["role_titles"]),
    )


def strip_article(text: str) -> str:
    """``the United States`` -> ``United States``; also trims possessive ``'s``."""
    return POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text.strip()))


def country_prefix(code: str | None) -> str | None:
    """The country a CAMEO actor code is under, if any.

    >>> country_prefix("IRQMED"), country_prefix("IGOUNO"), country_prefix(None)
    ('IRQ', None, None)
    """
    prefix = (code or "")[:3]
    return prefix if len(prefix) == 3 and pycountry.countries.get(alpha_3=prefix) else None


@lru_cache(maxsize=REMEMBERED_NAMES)
def country_code(name: str, metonyms: bool = True) -> str | None:
    """The ISO3/CAMEO code of a country named ``name``, or ``None``.

    >>> country_code("the United States"), country_code("U.S."), country_code("Washington")
    ('USA', 'USA', 'USA')
    >>> country_code("Israeli"), country_code("Vienna", metonyms=False)
    ('ISR', None)
    """
    key = strip_article(name)
    if not key:
        return None
    tables = actor_tables()
    for table in (tables.country_aliases, tables.demonyms):
        if key in table:
            return table[key]
    if metonyms and key in tables.capitals:
        return tables.capitals[key]
    # Short lower-case words and numbers are no country names, though pycountry would
    # match "and" (Andorra) or "250" (ISO numeric code of France).
    if (len(key) <= 3 and not key.isupper()) or key.replace(",", "").isdigit():
        return None
    # Reports do not name countries by ISO two-letter codes (those they do, US and UK, are
    # aliases above): "AU" is the African Union, not Australia.
    if len(key) == 2:
        return None
    if key.lower() not in _pycountry_values():
        return None
    try:
        return str(pycountry.countries.lookup(key).alpha_3)
    except LookupError:
        return None


@cache
def _pycountry_values() -> frozenset[str]:
    """Every value (lower case) that ``pycountry.countries.lookup`` can match.

    A lookup that finds nothing scans every field of every country, and most of the
    phrases asked about are no country: checking this set first skips those scans.
    """
    return frozenset(
        str(value).lower() for country in pycountry.countries for value in dict(country).values()
    )


@lru_cache(maxsize=REMEMBERED_NAMES)
def agent_code(words: str) -> str | None:
    """The CAMEO agent code (``GOV``, ``MIL``...) that words like ``troops`` signal."""
    lowered = f" {words.lower()} "
    for phrase, code in actor_tables().longest_agent_first:
        if f" {phrase} " in lowered:
            return code
    return None


def known_person_code(name: str) -> str | None:
    """The actor code of a well-known office holder named ``name`` (any case), or ``None``.

    >>> known_person_code("Vladimir Putin"), known_person_code("obama")
    ('RUSGOV', 'USAGOV')
    """
    return actor_tables().persons.get(POSSESSIVE.sub("", name.strip()).lower())


def resolve_name(text: str) -> ActorRef:
    """Resolve a name or noun phrase as written to an actor, without article context.

    >>> resolve_name("the Israeli military").code
    'ISRMIL'
    >>> ref = resolve_name("Hamas"); (ref.code, ref.canonical, ref.kind)
    ('PSEREB', 'Hamas', 'group')
    >>> resolve_name("President obama").code
    'USAGOV'
    """
    # The same names come back in every article; each caller gets its own copy.
    return _resolve_name(text).model_copy()


@lru_cache(maxsize=REMEMBERED_NAMES)
def _resolve_name(text: str) -> ActorRef:
    tables = actor_tables()
    key = strip_article(text)
    if person_code := known_person_code(key):
        return _known_person(text, key, person_code)
    if key in tables.groups:
        group = tables.groups[key]
        return ActorRef(text=text, canonical=group.name, code=group.code, kind="group")
    if key in tables.igos:
        return ActorRef(text=text, canonical=key, code=tables.igos[key], kind="igo")
    code = country_code(key)
    if code:
        return ActorRef(text=text, canonical=code, code=code, kind="country", country=code)
    return _resolve_phrase(text, key)


def _resolve_phrase(text: str, key: str) -> ActorRef:
    """A longer phrase: find the state, IGO or group it names, and its agent word."""
    tables = actor_tables()
    # "NATO-led troops" are the troops of the one who leads them.
    words = [_LED_BY.sub("", word) for word in re.findall(r"[\w.\-’']+", key)]
    owner: str | None = None
    kind: ActorKind | None = None
    canonical: str | None = None
    pieces = [
        POSSESSIVE.sub("", " ".join(words[index : index + size]))
        for size in (4, 3, 2, 1)
        for index in range(len(words) - size + 1)
    ]
    # A named group anywhere in the phrase decides ("Hamas's leader in the Gaza Strip").
    for piece in pieces:
        if piece in tables.groups:
            group = tables.groups[piece]
            return ActorRef(text=text, canonical=group.name, code=group.code, kind="group")
    for size in (4, 3, 2, 1):
        for index in range(len(words) - size + 1):
            piece = POSSESSIVE.sub("", " ".join(words[index : index + size]))
            if owner is None and (person_code := known_person_code(piece)):
                return _known_person(text, piece, person_code)
            if owner is None and piece in tables.igos:
                owner, kind, canonical = tables.igos[piece], "igo", None
            elif owner is None and (code := country_code(piece)):
                owner, kind = code, "country"
        if owner:
            break
    agent = agent_code(key)
    if owner is None:
        return ActorRef(text=text, code=None, kind="organization" if agent else None)
    code = owner + agent if agent and kind == "country" else owner
    return ActorRef(
        text=text,
        canonical=canonical,
        code=code,
        kind="organization" if agent else kind,
        country=owner if kind == "country" else None,
    )


def _known_person(text: str, name: str, code: str) -> ActorRef:
    country = code[:3] if not code.startswith("IGO") else None
    return ActorRef(text=text, canonical=name, code=code, kind="person", country=country)


class ActorIndex:
    """The actors of one article: entity mentions, persons' fullest names, their roles.

    Built once per document; quotes, figures and events ask it to resolve spans.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._full_names: dict[str, str] = {}
        self._person_refs: dict[str, ActorRef] = {}
        self.entities: list[Entity] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._register_person(ent)
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS:
                self.entities.append(
                    Entity(
                        text=ent.text,
                        start=ent.start_char,
                        end=ent.end_char,
                        label=ent.label_,
                        actor=self.resolve_span(ent),
                    )
                )

    def _register_person(self, ent: Span) -> None:
        name = _clean_person(ent.text)
        if not name:
            return
        parts = name.split()
        for part in {parts[-1], name}:
            known = self._full_names.get(part)
            if known is None or len(name) > len(known):
                self._full_names[part] = name
        role, country = person_role(ent)
        # "Hamas official Osama Hamdan", "Hezbollah commander X": the group's member.
        group = title_group(_person_title(ent)[0])
        full = self._full_names.get(parts[-1], name)
        known = known_person_code(full)
        if group is None and known and country and not known.startswith(("IGO", country)):
            # A well-known office holder's state is in the table; the words around one
            # mention ("families of captives held in Gaza march to Benjamin Netanyahu")
            # may name another country. Where they agree, or a group the title names
            # ("Hamas leader X") speaks through the person, the words are kept.
            earlier = self._person_refs.get(full)
            role = role or (earlier.role if earlier else None)
            self._person_refs[full] = _known_person(full, full, known).model_copy(
                update={"role": role}
            )
            return
        previous = self._person_refs.get(full)
        if previous is None or ((role or group) and not (previous.role or previous.code)):
            self._person_refs[full] = ActorRef(
                text=full,
                canonical=full,
                code=group or ((country + "GOV") if country and role else country),
                kind="person",
                role=role,
                country=country,
            )

    def full_name(self, name: str) -> str | None:
        """The fullest name the article gives for a person (``Blinken`` -> ``Antony Blinken``)."""
        cleaned = _clean_person(name)
        if not cleaned:
            return None
        return self._full_names.get(cleaned) or self._full_names.get(cleaned.split()[-1])

    def person(self, name: str) -> ActorRef | None:
        """What the article says about a person: fullest name, role, country."""
        full = self.full_name(name)
        return self._person_refs.get(full) if full else None

    def resolve_span(self, span: Span) -> ActorRef:
        """Resolve a span of the document to an actor, keeping its offsets."""
        text = span.text
        ref: ActorRef | None = None
        if any(token.ent_type_ == "PERSON" for token in span):
            person_tokens = [token for token in span if token.ent_type_ == "PERSON"]
            ref = self.person(" ".join(token.text for token in person_tokens))
            if ref is not None and span[-1].ent_type_ != "PERSON":
                # "Netanyahu's office": an organisation of the person's state.
                ref = ActorRef(
                    text=text,
                    canonical=None,
                    code=(ref.country + "GOV") if ref.country else None,
                    kind="organization",
                    country=ref.country,
                )
        if ref is None:
            ref = resolve_name(text)
        return ref.model_copy(update={"text": text, "start": span.start_char, "end": span.end_char})


def _clean_person(name: str) -> str:
    return POSSESSIVE.sub("", name.strip()).strip()


def _person_title(ent: Span) -> tuple[str, int]:
    """The words before a person's name that title it, and the token they start at."""
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].dep_ in {
        "compound",
        "amod",
        "nmod",
        "punct",
        "prep",
        "pobj",
        "poss",
        "case",
    }:
        if doc[start - 1].text in {",", "(", ")"}:
            break
        start -= 1
        if doc[start].is_sent_start:
            break  # "Israeli Prime Minister X" opening a sentence keeps "Israeli"
    return doc[start : ent.start].text, start


# Agents whose members speak for a group: its officials, leaders and fighters' commanders.
_SPEAKING_AGENTS = frozenset({"GOV", "MIL", "REB"})


def title_group(title: str) -> str | None:
    """The code of the group a person's title makes them a member of, when it names a
    group and a post in it ("Hamas official", "senior Hezbollah leader"); ``None``
    otherwise ("Hamas supporter" holds no post).

    >>> title_group("Hamas official"), title_group("senior Hezbollah leader")
    ('PSEREB', 'LBNREB')
    >>> title_group("Hamas supporter"), title_group("US Secretary of State")
    (None, None)
    """
    tables = actor_tables()
    if not (tables.role_pattern.search(title) or agent_code(title) in _SPEAKING_AGENTS):
        return None
    words = [POSSESSIVE.sub("", word) for word in re.findall(r"[\w.\-’']+", title)]
    pieces = (
        " ".join(words[index : index + size])
        for size in (3, 2, 1)
        for index in range(len(words) - size + 1)
    )
    return next((tables.groups[piece].code for piece in pieces if piece in tables.groups), None)


def person_role(ent: Span) -> tuple[str | None, str | None]:
    """The role and country in the title before a person's name.

    ``U.S. Secretary of State Antony Blinken`` -> (``Secretary of State``, ``USA``).
    """
    doc = ent.doc
    title, start = _person_title(ent)
    # NER often swallows the title's last word into the name ("State Antony").
    name_words = ent.text.split()
    while len(name_words) > 2 and name_words[0][:1].isupper():
        title, name_words = f"{title} {name_words[0]}".strip(), name_words[1:]
    country = None
    for token in doc[start : ent.start]:
        country = country or country_code(token.text)
    for left in ent.root.children if not title else []:
        country = country or country_code(left.text)
    role_match = actor_tables().role_pattern.search(title)
    role = title[role_match.start() :].strip() if role_match else None
    if role:
        role = re.sub(r"^(?:U\.S\.|US|UK)\s+", "", role).strip() or None
    return role, country
