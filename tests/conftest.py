"""Shared fixtures: the real spaCy pipeline, and ../shared material when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from newsclaims.ingest.readers import text_article
from newsclaims.model import Report
from newsclaims.nlp import load_pipeline
from newsclaims.pipeline import analyze_article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSCLAIMS_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"needs the shared material at {SHARED} (not present)")
    return SHARED


@pytest.fixture(scope="session")
def analyze_text(nlp: Language):
    """Analyze a text as the CLI would (headline detection included)."""

    def run(text: str) -> Report:
        return analyze_article(text_article(text))

    return run
