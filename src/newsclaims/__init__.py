"""newsclaims: source-attributed quotes, figures and events from news reports.

The Python API (``newsclaims.api``), loaded on first use so that importing the package
stays cheap:

- ``newsclaims.analyze(text, date=..., headline=...) -> Report``
- ``newsclaims.Store.open(url)``: ``.ingest(texts)``, ``.query(kind, **filters)``,
  ``.timeline(**filters)``, ``.contradictions(**filters)``, ``.negotiation(**filters)``,
  ``.article(article_id)``
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Store", "__version__", "analyze"]


def __getattr__(name: str) -> Any:
    if name in ("analyze", "Store"):
        from newsclaims import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsclaims' has no attribute {name!r}")
