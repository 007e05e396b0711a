"""Ingest: articles in, reports stored, exactly once each, resumable after any stop.

Texts already stored are skipped before any NLP runs, so a re-run (or a run resumed after
a kill) only analyses what is missing. Reports are written one batch per transaction.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from sqlalchemy.engine import Engine

from newsclaims.ingest.article import Article
from newsclaims.ingest.readers import is_record_stream, readable
from newsclaims.model import Report
from newsclaims.pipeline import analyze_parallel
from newsclaims.store.connect import refresh_statistics
from newsclaims.store.writer import ReportWriter, content_hash, known_hashes

LOOKAHEAD = 256  # articles whose hashes are looked up in one query


@dataclass
class IngestCounts:
    """Running totals of one ingest run."""

    read: int = 0  # articles read from the input
    stored: int = 0  # newly stored
    versions: int = 0  # of those, near-duplicates linked to a story already stored
    skipped: int = 0  # already stored, or repeated in the input
    stopped: bool = False  # ended early on request (SIGTERM, Ctrl-C), after a whole batch

    @property
    def stories(self) -> int:
        return self.stored - self.versions


Progress = Callable[[IngestCounts], None]


def ingest_articles(
    engine: Engine,
    articles: Iterable[Article],
    *,
    workers: int | None = None,
    model: str | None = None,
    batch_size: int = 32,
    on_progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> IngestCounts:
    """Analyse and store every article not stored yet; one transaction per batch.

    ``should_stop`` is asked after each batch is stored: when it says yes, the run ends
    there (the batches still being analysed are dropped; a re-run does them).
    """
    counts = IngestCounts()
    notify = on_progress or (lambda _counts: None)
    writer = ReportWriter(engine)
    unseen = _unseen(engine, articles, counts, notify)
    reports = analyze_parallel(unseen, workers=workers, model=model, batch_size=batch_size)
    for batch in _batches(reports, batch_size):
        result = writer.write(batch)
        counts.stored += result.stored
        counts.versions += result.versions
        counts.skipped += result.skipped
        notify(counts)
        if should_stop is not None and should_stop():
            counts.stopped = True
            break
    if counts.stored:
        refresh_statistics(engine)
    return counts


def _unseen(
    engine: Engine, articles: Iterable[Article], counts: IngestCounts, notify: Progress
) -> Iterator[Article]:
    """The articles whose text is neither stored nor earlier in this run."""
    pending: set[str] = set()
    stream = iter(articles)
    while chunk := list(islice(stream, LOOKAHEAD)):
        digests = [content_hash(article.text) for article in chunk]
        with engine.connect() as connection:
            stored = known_hashes(connection, digests)
        for article, digest in zip(chunk, digests, strict=True):
            counts.read += 1
            if digest in stored or digest in pending:
                counts.skipped += 1
                notify(counts)
                continue
            pending.add(digest)
            yield article


def _batches(reports: Iterable[Report], size: int) -> Iterator[list[Report]]:
    stream = iter(reports)
    while batch := list(islice(stream, max(1, size))):
        yield batch


def count_inputs(paths: Iterable[str]) -> int | None:
    """About how many articles ``paths`` hold (for a progress bar); ``None`` for stdin."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if is_record_stream(file):
                total += _count_lines(file)
            elif readable(file) or (file == path and file.exists()):
                total += 1  # a file named on the command line is read even as plain text
    return total


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except (OSError, EOFError):
        return 0
