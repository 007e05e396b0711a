"""Events: actor -- action -- target, CAMEO-coded, from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.actors import ActorIndex
from newsclaims.model import Event, Quote


def extract_events(
    doc: Doc, actors: ActorIndex, quotes: list[Quote], date: str | None = None
) -> list[Event]:
    """Every coded event in ``doc``, in text order."""
    return []
