"""``data/negotiation.yaml`` read once for the negotiation view's modules, and the one
way its word lists become patterns.

>>> bool(words_pattern(["truce", "ceasefire"]).search("a three-day Truce"))
True
>>> bool(words_pattern(["ceasefire"]).search("pro-ceasefire rally"))  # a hyphen joins words
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def negotiation_data() -> dict[str, Any]:
    """``data/negotiation.yaml`` as read (once per process)."""
    text = resources.files("newsclaims.data").joinpath("negotiation.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def words_pattern(words: Iterable[object]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (a hyphen joins words), any case, longest first."""
    alternatives = sorted((re.escape(str(word)) for word in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
