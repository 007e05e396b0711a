"""Quotations: direct, mixed and reported speech, with speaker and cue."""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.actors import ActorIndex
from newsclaims.model import Quote


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    """Every quotation in ``doc``, in text order."""
    return []
