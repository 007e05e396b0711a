"""The Article: what every reader produces and the pipeline consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


class InputError(ValueError):
    """Input that cannot be read as an article; its message is one line for the user."""


class RecordError(InputError):
    """One record (a JSONL line, a file in a folder) that cannot be read; the rest can.

    ``source`` is the file (or ``<stdin>``), ``line`` its line number when it has one, and
    ``raw`` the record's bytes as read (cut short for a record over the size limit), so
    that a rejects file can keep them for a later fix.
    """

    def __init__(
        self, message: str, source: str, line: int | None = None, raw: bytes | None = None
    ) -> None:
        super().__init__(message)
        self.source = source
        self.line = line
        self.raw = raw


@dataclass
class Article:
    """One report's text, exactly as read, with the metadata its container gave.

    ``text`` is what every offset points into. When a record has a title and a body,
    the text is ``title + "\\n\\n" + body`` so the headline is part of the analysed text,
    as in a plain-text report.
    """

    text: str
    id: str = ""
    headline: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    source_path: str | None = None
    dateline: str | None = None
    agency: str | None = None
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


def content_id(text: str) -> str:
    """A stable id from the content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
