"""Evidence for a row: the sentence it came from, its item marked, with the article's
headline, publisher, date, link and URL.

Rows from the store's queries and the views may carry their evidence (``sentence``,
``sentence_start``/``sentence_end``, ``headline``, ``url``); where they do not, it is
taken from the article's stored text: the sentence is the run between the sentence
marks around the item. Either way the item's own characters are cut from the text at
its offsets, never searched for.

>>> text = "Talks stalled. At least 40 people were killed, the ministry said. More later."
>>> found = evidence({"article_id": "a", "start": 15, "end": 26}, {"a": {"text": text}})
>>> found.before, found.item, found.after
('', 'At least 40', ' people were killed, the ministry said.')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

# How far a sentence may reach either side of its item when the text has no stops.
MAX_REACH = 400
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n\s*\n|\n")


@dataclass
class Evidence:
    """What a person needs to check one item: the sentence, cut around the item."""

    article_id: str | None
    link: str | None  # the article page, the item selected
    headline: str | None
    publisher: str | None
    date: str | None
    url: str | None
    before: str
    item: str
    after: str
    located: bool  # the item's characters were found at its offsets


def article_link(
    article_id: str, start: int | None = None, end: int | None = None, item: str | None = None
) -> str:
    """The article page's path, selecting the item ``item`` or the one at ``start``..``end``.

    >>> article_link("afp/1 x", 3, 9)
    '/articles/afp%2F1%20x?start=3&end=9#selected'
    >>> article_link("a", item="f12")
    '/articles/a?item=f12#selected'
    """
    path = f"/articles/{quote(article_id, safe='')}"
    if item:
        return f"{path}?{urlencode({'item': item})}#selected"
    if start is None or end is None:
        return path
    return f"{path}?{urlencode({'start': start, 'end': end})}#selected"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from the last stop before it to the next.

    >>> text = "One. Two 2 killed. Three."
    >>> text.__getitem__(slice(*sentence_bounds(text, 9, 10)))
    'Two 2 killed.'
    """
    floor = max(0, start - MAX_REACH)
    begin = floor
    for match in _SENTENCE_END.finditer(text, floor, start):
        begin = match.end()
    while begin < start and text[begin].isspace():
        begin += 1
    stop = _SENTENCE_END.search(text, end, min(len(text), end + MAX_REACH))
    finish = stop.end() if stop else min(len(text), end + MAX_REACH)
    return begin, max(finish, end)


def evidence(row: Mapping[str, Any], briefs: Mapping[str, Mapping[str, Any]]) -> Evidence:
    """The evidence of ``row`` (a query row, a view's point), ``briefs`` by article id."""
    article_id = row.get("article_id")
    brief = briefs.get(article_id or "", {})
    given_span = row.get("span")
    span: Mapping[str, Any] = given_span if isinstance(given_span, Mapping) else {}
    start = _first(row.get("start"), span.get("start"))
    end = _first(row.get("end"), span.get("end"))
    item_text = _first(row.get("text"), span.get("text")) or ""
    if not isinstance(item_text, str):
        item_text = str(item_text)
    before, item, after, located = _cut(row, brief.get("text"), start, end, item_text)
    return Evidence(
        article_id=article_id,
        link=article_link(article_id, start, end, row.get("item_id")) if article_id else None,
        headline=_first(row.get("headline"), brief.get("headline")),
        publisher=_first(row.get("publisher"), brief.get("publisher")),
        date=_first(row.get("date"), brief.get("date")),
        url=_safe_url(_first(row.get("url"), brief.get("url"))),
        before=before,
        item=item,
        after=after,
        located=located,
    )


def _cut(
    row: Mapping[str, Any], text: str | None, start: Any, end: Any, item_text: str
) -> tuple[str, str, str, bool]:
    """(before, item, after) of the item's sentence; just the item when it cannot be cut."""
    sentence = row.get("sentence")
    if isinstance(sentence, Mapping):  # a span: {"start", "end", "text"}
        sentence_start, sentence = sentence.get("start"), sentence.get("text")
    else:
        sentence_start = row.get("sentence_start")
    offsets_known = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end
    if isinstance(sentence, str) and sentence_start is None and offsets_known:
        sentence_start = _sentence_start(text, sentence, start, end)
    if isinstance(sentence, str) and isinstance(sentence_start, int) and offsets_known:
        inner_start, inner_end = start - sentence_start, end - sentence_start
        if 0 <= inner_start <= inner_end <= len(sentence):
            item = sentence[inner_start:inner_end]
            return sentence[:inner_start], item, sentence[inner_end:], True
    if (
        isinstance(text, str)
        and offsets_known
        and end <= len(text)
        and (not item_text or text[start:end] == item_text)
    ):
        begin, finish = sentence_bounds(text, start, end)
        return text[begin:start], text[start:end], text[end:finish], True
    if isinstance(sentence, str) and item_text and item_text in sentence:
        at = sentence.index(item_text)
        return sentence[:at], item_text, sentence[at + len(item_text) :], False
    return "", item_text, "", False


def _sentence_start(text: str | None, sentence: str, start: int, end: int) -> int | None:
    """Where ``sentence`` stands in ``text`` around the item at ``start``..``end``."""
    if not isinstance(text, str) or not sentence:
        return None
    at = text.find(sentence, max(0, end - len(sentence)), start + len(sentence))
    return at if at != -1 and at <= start and end <= at + len(sentence) else None


def briefs_needed(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The article ids whose stored text the evidence of ``rows`` needs."""
    return sorted({str(row["article_id"]) for row in rows if row.get("article_id")})


def _first(*values: Any) -> Any:
    return next((value for value in values if value is not None), None)


def _safe_url(value: Any) -> str | None:
    """An http(s) URL as given, else ``None`` (no ``javascript:`` links)."""
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value
    return None
