"""Analyze a pasted text or an uploaded file, within limits of size, time and concurrency.

A text larger than the limit is refused (413) before any NLP runs; an analysis that takes
longer than the time limit is answered 503 (its thread finishes in the background, and
at most ``MAX_CONCURRENT`` analyses run at once, so slow ones cannot pile up). Nothing is
stored unless asked, and only by a server started with storing allowed.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread

from newsclaims.ingest import InputError
from newsclaims.ingest.readers import HTML_SUFFIXES, JSON_SUFFIXES, read_article, text_article
from newsclaims.model import Report

MAX_CONCURRENT = 2


class AnalysisRefused(Exception):
    """An analysis not run or not finished; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 200_000  # one text, in UTF-8 bytes
    seconds: float = 60.0


class Analyzer:
    """Runs the pipeline in worker threads, ``MAX_CONCURRENT`` at a time."""

    def __init__(self, limits: Limits, model: str | None = None) -> None:
        self.limits = limits
        self.model = model
        self._slots: anyio.CapacityLimiter | None = None

    def preload(self) -> None:
        """Load the spaCy pipeline now rather than on the first request (blocking)."""
        from newsclaims.nlp import load_pipeline

        load_pipeline(self.model)

    def check_size(self, size: int) -> None:
        if size > self.limits.max_bytes:
            raise AnalysisRefused(
                413,
                f"the text is {size:,} bytes; this server analyzes at most "
                f"{self.limits.max_bytes:,} bytes at a time",
            )

    async def analyze_text(self, text: str, **metadata: str | None) -> Report:
        if not text.strip():
            raise AnalysisRefused(422, "the text is empty: paste a report or choose a file")
        if "\x00" in text:
            raise AnalysisRefused(422, "the text contains NUL characters: is it a binary file?")
        self.check_size(len(text.encode("utf-8")))
        given: dict[str, Any] = {key: value for key, value in metadata.items() if value}
        return await self._run(lambda: _analyzed(text_article(text, **given), self.model))

    async def analyze_upload(self, data: bytes, filename: str) -> Report:
        """An uploaded file read as the command line reads it (text, HTML or JSON)."""
        self.check_size(len(data))
        if not data.strip():
            raise AnalysisRefused(422, f"{filename}: the file is empty")
        suffix = Path(filename).suffix.lower()
        if suffix not in HTML_SUFFIXES | JSON_SUFFIXES:
            suffix = ".txt"

        def run() -> Report:
            with tempfile.TemporaryDirectory(prefix="newsclaims-upload-") as folder:
                path = Path(folder) / f"upload{suffix}"
                path.write_bytes(data)
                try:
                    article = read_article(path, max_bytes=self.limits.max_bytes)
                except InputError as error:
                    raise AnalysisRefused(422, str(error).replace(str(path), filename)) from None
            if article.source_path:
                article.source_path = filename
            return _analyzed(article, self.model)

        return await self._run(run)

    async def _run(self, work: object) -> Report:
        if self._slots is None:
            self._slots = anyio.CapacityLimiter(MAX_CONCURRENT)
        seconds = self.limits.seconds
        with anyio.move_on_after(seconds) as scope:
            return await anyio.to_thread.run_sync(
                work,  # type: ignore[arg-type]
                limiter=self._slots,
                abandon_on_cancel=True,
            )
        assert scope.cancelled_caught
        raise AnalysisRefused(
            503, f"the analysis took longer than {seconds:g} s: try a shorter text"
        )


def _analyzed(article: object, model: str | None) -> Report:
    from newsclaims.nlp import ModelNotFoundError
    from newsclaims.pipeline import analyze_article

    try:
        return analyze_article(article, model)  # type: ignore[arg-type]
    except ModelNotFoundError as error:
        raise AnalysisRefused(503, str(error)) from None


async def analyze_request(
    state: Any,
    store: bool,
    *,
    text: str | None = None,
    upload: tuple[bytes, str] | None = None,
    **metadata: str | None,
) -> tuple[Report, bool]:
    """Analyze a pasted ``text`` or an ``upload`` (its bytes, its file name) with the app's
    analyzer; store the report when asked and allowed. The report, and whether it was
    stored."""
    if store and not state.settings.allow_store:
        raise AnalysisRefused(
            403,
            "this server does not store analysed texts: start it with "
            "`newsclaims serve --allow-store` to let it",
        )
    analyzer: Analyzer = state.analyzer
    if upload is not None:
        report = await analyzer.analyze_upload(*upload)
    else:
        report = await analyzer.analyze_text(text or "", **metadata)
    if not store:
        return report, False
    await anyio.to_thread.run_sync(_store, state.settings.db_url, report)
    return report, True


def _store(db_url: str, report: Report) -> None:
    from newsclaims.store.connect import open_store
    from newsclaims.store.writer import ReportWriter

    engine = open_store(db_url)
    try:
        ReportWriter(engine).write([report])
    finally:
        engine.dispose()
