"""A figure's state: what happened to the people or things it counts, as one word of a
fixed vocabulary (``killed``, ``wounded``, ``held``, ``released``, ``seized``, ...).

The state is read from the figure's own structure, in this order: a noun that names it
(``27 fatalities``); the participle or adjective right after the count (``400 killed and
nearly 2,000 wounded``, ``32 presumed dead``); a participle, adjective or relative clause
on the counted noun (``captives held in Gaza``; not a partitive ``dozens of whom were
released``); the governing verb, adjective or noun, through copulas and complements
(``hundreds are dead``, ``shot dead``, ``taken captive``) and through a running count
(``the death toll has soared past 7,300``, ``brought the total to 279``). A count of
captives with no state of its own is ``held``. The lemma of a verb that is not in the
vocabulary is never a state: such a figure has none.

The vocabulary lives in ``data/figures.yaml`` (``states`` and the lists after it).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsclaims.extract.figure_lexicon import figures_data

NOUN_POS = {"NOUN", "PROPN"}
PREDICATE_POS = {"VERB", "ADJ", "AUX"}
# Dependents that complete a verb's meaning about its object or subject.
COMPLEMENT_DEPS = {"acomp", "oprd", "attr", "xcomp", "ccomp", "advmod"}
# Dependents of a running-count noun that say what it counts.
TOLL_DESCRIBING_DEPS = {"compound", "amod", "prep", "pobj", "acl", "relcl", "conj", "nmod"}
HELD = "held"
SEIZED = "seized"
KILLED = "killed"


@dataclass(frozen=True)
class StateLexicon:
    """The state lists of ``data/figures.yaml``."""

    states: dict[str, str]  # lemma or word -> state
    state_nouns: frozenset[str]
    complement_verbs: frozenset[str]
    hostage_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    death_toll_nouns: frozenset[str]
    human_states: frozenset[str]
    unrealised_heads: frozenset[str]

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.states.values())


@cache
def state_lexicon() -> StateLexicon:
    """Load the state vocabulary of ``data/figures.yaml`` (once per process).

    >>> lexicon = state_lexicon()
    >>> lexicon.states["injure"], lexicon.states["detain"], "remain" in lexicon.states
    ('wounded', 'arrested', False)
    """
    raw = figures_data()

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw[key])

    states = {str(word): state for state, words_ in raw["states"].items() for word in words_}
    human_states = words("human_states")
    unknown = human_states - set(states.values())
    if unknown:
        raise ValueError(f"figures.yaml: human_states not in the states table: {unknown}")
    return StateLexicon(
        states=states,
        state_nouns=words("state_nouns"),
        complement_verbs=words("complement_verbs"),
        hostage_nouns=words("hostage_nouns"),
        toll_nouns=words("state_toll_nouns"),
        death_toll_nouns=words("death_toll_nouns"),
        human_states=human_states,
        unrealised_heads=words("unrealised_heads"),
    )


def figure_state(
    anchor: Token,
    counted: Token | None,
    lexicon: StateLexicon | None = None,
    previous: str | None = None,
) -> str | None:
    """The state of the figure whose number is ``anchor`` and counted noun ``counted``.

    ``previous`` is the state of the sentence's previous figure: a running count with no
    words of its own (``bringing the total to 279``) continues it.

    >>> from newsclaims.nlp import parse
    >>> def state(text, number):
    ...     token = next(t for t in parse(text) if t.text == number)
    ...     counted = token.head if token.dep_ == "nummod" else None
    ...     return figure_state(token, counted)
    >>> state("The death toll has soared past 7,300.", "7,300")
    'killed'
    >>> state("Militants seized 250 hostages, dozens of whom were released.", "250")
    'seized'
    >>> state("About 130 captives remain in Gaza.", "130")
    'held'
    """
    lexicon = lexicon or state_lexicon()
    node = counted if counted is not None and counted.i == anchor.head.i else anchor
    if counted is not None and counted.lemma_.lower() in lexicon.state_nouns:
        return lexicon.states.get(counted.lemma_.lower())
    # A modifier after coordinated nouns is on all of them: "240 Israelis and foreigners
    # believed to have been taken captive".
    conjoined = [
        child
        for child in node.children
        if child.dep_ == "conj" and child.i > node.i and not _has_count(child)
    ]
    last = max([counted or anchor, *conjoined], key=_index)
    nodes = [node, anchor, *([counted] if counted is not None else []), *conjoined]
    state = _next_word_state(last, lexicon) or _modifier_state(nodes, lexicon)
    if state:
        return state
    state, toll = _governing_state(node, lexicon)
    if state:
        return state
    if toll:
        return previous
    if counted is not None and counted.lemma_.lower() in lexicon.hostage_nouns:
        return HELD
    return None


def _index(token: Token) -> int:
    return token.i


def _has_count(noun: Token) -> bool:
    """A conjoined noun with its own count, or a count itself: another figure."""
    return noun.pos_ == "NUM" or any(child.dep_ == "nummod" for child in noun.children)


def _next_word_state(last: Token, lexicon: StateLexicon) -> str | None:
    """``400 killed``, ``2,000 wounded``, ``32 presumed dead``, ``240 others taken hostage``:
    the participle or adjective written right after the count says what happened to it."""
    if last.i + 1 >= len(last.doc):
        return None
    word = last.doc[last.i + 1]
    if word.tag_ not in {"VBN", "VBD", "JJ"}:
        return None
    return word_state(word, lexicon, last)


def _modifier_state(
    nodes: list[Token], lexicon: StateLexicon, deps: set[str] | None = None
) -> str | None:
    deps = deps or {"acl", "relcl", "amod"}
    seen: set[int] = set()
    for node in nodes:
        for modifier in node.children:
            if modifier.i in seen or modifier.dep_ not in deps:
                continue
            seen.add(modifier.i)
            if modifier.pos_ not in {"VERB", "ADJ"} or _is_partitive_clause(modifier):
                continue
            state = word_state(modifier, lexicon, node)
            if state:
                return state
    return None


def _is_partitive_clause(clause: Token) -> bool:
    """``dozens of whom were released``: the clause tells of a part, not of the count."""
    return clause.dep_ == "relcl" and any(
        token.lower_ in {"whom", "which"} and token.head.lower_ == "of" for token in clause.subtree
    )


def _governing_state(node: Token, lexicon: StateLexicon) -> tuple[str | None, bool]:
    """The state given by the words that govern ``node``; and whether a running count
    with no words of its own governs it."""
    current = node
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            break
        lemma = head.lemma_.lower()
        if head.pos_ in PREDICATE_POS:
            if lemma == "include":
                current = head
                continue
            state = word_state(head, lexicon, current)
            if state:
                return (None, False) if unrealised(head, lexicon) else (state, False)
            toll = _running_count(head, current, lexicon)
            if toll is not None:
                return _toll_state(toll, current, lexicon)
            if head.dep_ != "acl":
                break
        elif head.pos_ in NOUN_POS:
            if lemma in lexicon.toll_nouns:
                return _toll_state(head, current, lexicon)
            if lemma in lexicon.states:
                return lexicon.states[lemma], False
        current = head
    return None, False


def unrealised(verb: Token, lexicon: StateLexicon) -> bool:
    """Whether ``verb`` is an infinitive telling an act not done: under a call, plan,
    threat, refusal, failure or commitment ("the call to displace two million", "threatened
    to kill", "agreed to free").

    >>> from newsclaims.nlp import parse
    >>> doc = parse("He threatened to kill 300 prisoners and later killed 20.")
    >>> unrealised(doc[3], state_lexicon()), unrealised(doc[8], state_lexicon())
    (True, False)
    >>> doc = parse("The deal to release 50 hostages was delayed.")
    >>> unrealised(doc[3], state_lexicon())
    True
    """
    to = next(
        (child for child in verb.children if child.dep_ == "aux" and child.tag_ == "TO"), None
    )
    if to is None or verb.dep_ not in {"xcomp", "acl", "relcl", "advcl", "ccomp"}:
        return False
    # The word right before "to" too: the parser hangs "talks on a deal to free 50"
    # on "talks", not on the deal.
    before = verb.doc[to.i - 1] if to.i > 0 else to
    return any(word.lemma_.lower() in lexicon.unrealised_heads for word in (verb.head, before))


def word_state(word: Token, lexicon: StateLexicon, counted: Token | None = None) -> str | None:
    """The state a verb, participle or adjective gives what it governs or modifies.

    Complements first (``shot dead``, ``remain missing``, ``believed to have been taken
    captive``), then the word itself; ``take`` gives ``seized`` only with a captive noun.
    """
    lemma = word.lemma_.lower()
    complement = _complement_state(word, lexicon)
    if complement:
        return complement
    if lemma in lexicon.complement_verbs and lemma not in lexicon.states:
        if lemma == "be":
            return _copula_sibling_state(word, counted, lexicon)
        return None
    if lemma == "take":
        words = [*word.children, *([counted] if counted is not None else [])]
        captive = any(token.lemma_.lower() in lexicon.hostage_nouns for token in words)
        return SEIZED if captive else None
    return lexicon.states.get(lemma) or lexicon.states.get(word.lower_)


def _complement_state(word: Token, lexicon: StateLexicon) -> str | None:
    for child in word.children:
        if child.dep_ not in COMPLEMENT_DEPS or child.i < word.i:
            continue
        if child.dep_ == "advmod" and child.lower_ != "dead":
            continue
        lemma = child.lemma_.lower()
        if child.pos_ in NOUN_POS and lemma in lexicon.hostage_nouns:
            return SEIZED if word.lemma_.lower() == "take" else HELD
        state = lexicon.states.get(lemma) or lexicon.states.get(child.lower_)
        if state and child.dep_ != "ccomp":
            return state
        if child.dep_ in {"oprd", "xcomp"}:
            deeper = word_state(child, lexicon) if child.pos_ in PREDICATE_POS else None
            if deeper:
                return deeper
    return None


def _copula_sibling_state(
    copula: Token, counted: Token | None, lexicon: StateLexicon
) -> str | None:
    """``X is the 64th journalist to be killed: 57 Palestinians, ...``: what the copula
    equates the count with may carry the state."""
    for sibling in copula.children:
        if sibling.dep_ not in {"nsubj", "attr"} or (counted is not None and sibling == counted):
            continue
        if sibling.lemma_.lower() in lexicon.state_nouns:
            return lexicon.states.get(sibling.lemma_.lower())
        state = _modifier_state([sibling], lexicon)
        if state:
            return state
    return None


def _running_count(verb: Token, current: Token, lexicon: StateLexicon) -> Token | None:
    """The toll noun that is the subject or object of ``verb`` (``the toll stands at``,
    ``brought the total to``), when the figure is not that noun itself."""
    for child in verb.children:
        if (
            child.dep_ in {"nsubj", "nsubjpass", "dobj"}
            and child.i != current.i
            and child.lemma_.lower() in lexicon.toll_nouns
        ):
            return child
    return None


def _toll_state(toll: Token, figure: Token, lexicon: StateLexicon) -> tuple[str | None, bool]:
    """The state of a running count from its own words; unstated for a bare ``total``."""
    queue = deque((child, 1) for child in toll.children if child.i != figure.i)
    while queue:
        token, depth = queue.popleft()
        if token.dep_ not in TOLL_DESCRIBING_DEPS or depth > 5:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in NOUN_POS and lemma in lexicon.state_nouns:
            return lexicon.states.get(lemma), False
        if token.pos_ in {"VERB", "ADJ"}:
            state = word_state(token, lexicon)
            if state:
                return state, False
        queue.extend((child, depth + 1) for child in token.children if child.i != figure.i)
    if toll.lemma_.lower() in lexicon.death_toll_nouns:
        return KILLED, False
    return None, True
