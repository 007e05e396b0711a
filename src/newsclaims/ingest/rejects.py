"""Rejected records: what a run skipped, why, and where, kept for a later fix.

A reader reports a record it cannot read (a malformed JSONL line, a file in a folder
that is empty or binary) as a :class:`RecordError`. With ``--on-error stop`` the first
one ends the run; with ``skip`` it is counted, announced on stderr and, with a rejects
file, written there as one JSON object a line::

    {"source": "corpus.jsonl", "line": 150, "reason": "...", "raw": "<the line>"}

so the records can be fixed and ingested again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from newsclaims.ingest.article import RecordError

# A rejected record's text is kept up to this many characters (an over-long record is
# rejected for its size: keeping it whole would defeat the limit).
MAX_RAW_CHARS = 100_000


@dataclass
class Rejects:
    """Collects the records a run skips (or, with ``stop``, raises the first one)."""

    stop: bool = False
    path: Path | None = None
    announce: Callable[[RecordError], None] | None = None
    count: int = 0
    first: list[str] = field(default_factory=list)  # the first few messages, for a summary
    _stream: TextIO | None = None

    def __enter__(self) -> Rejects:
        if self.path is not None:
            self._stream = self.path.open("a", encoding="utf-8")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def add(self, error: RecordError) -> None:
        """Skip ``error``'s record (count, announce, keep), or raise it under ``stop``."""
        if self.stop:
            raise error
        self.count += 1
        if len(self.first) < 5:
            self.first.append(str(error))
        if self.announce is not None:
            self.announce(error)
        if self._stream is not None:
            self._stream.write(json.dumps(rejection_record(error), ensure_ascii=False) + "\n")
            self._stream.flush()


def rejection_record(error: RecordError) -> dict[str, object]:
    """The rejects-file line for ``error``: where, why, and the record as read."""
    record: dict[str, object] = {"source": error.source, "line": error.line, "reason": str(error)}
    if error.raw is not None:
        raw = error.raw.decode("utf-8", errors="replace").rstrip("\r\n")
        record["raw"] = raw[:MAX_RAW_CHARS]
        if len(raw) > MAX_RAW_CHARS:
            record["raw_truncated"] = True
    return record
