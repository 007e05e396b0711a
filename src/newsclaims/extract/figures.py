"""Figures: counts of people and things, with hedge, what is counted, status and source."""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.actors import ActorIndex
from newsclaims.model import Figure, Quote


def extract_figures(doc: Doc, actors: ActorIndex, quotes: list[Quote]) -> list[Figure]:
    """Every figure in ``doc``, in text order."""
    return []
