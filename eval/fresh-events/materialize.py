"""Rebuild the fresh event gold set as `newsclaims eval` pairs from ../shared/corpora.

The gold files here hold article ids, character offsets and labels only (never the
publishers' text), like eval/fresh/. This script reads each article from the corpus file
named in its gold, writes ``NAME.txt`` (title, a blank line, then the text) and
``NAME.gold.json`` with each event's ``key`` cut from the text at its offsets and
``"score": ["events"]`` (only events are annotated), into OUT_DIR.

    python eval/fresh-events/materialize.py /tmp/fresh-events && newsclaims eval /tmp/fresh-events

Exit 2 with a one-line message when the corpora are missing or an article changed length.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
# One materializer for both fresh sets: eval/fresh/materialize.py, with this folder's
# gold files and their one category.
_SPEC = importlib.util.spec_from_file_location(
    "fresh_materialize", HERE.parent / "fresh" / "materialize.py"
)
assert _SPEC and _SPEC.loader
_FRESH = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_FRESH)


if __name__ == "__main__":
    _FRESH.main(HERE, ("events",), ["events"])
