"""Readers for plain text, HTML, JSON and JSONL(.gz) records, folders and stdin.

Every reader yields :class:`Article` objects and raises :class:`InputError` with a
one-line message for input it cannot read. Plain text keeps its characters exactly
(no newline translation), because offsets point into it.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsclaims.ingest.article import Article, InputError
from newsclaims.ingest.dateline import find_agency, find_dateline
from newsclaims.ingest.decode import decode_bytes
from newsclaims.ingest.headline import split_headline

MAX_ARTICLE_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
GZIP_RECORD_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".json.gz")
# Record fields, in order of preference, for each piece of an article.
TEXT_FIELDS = ("text", "body", "content", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "publication_date", "datetime")


def read_article(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read exactly one article from ``path`` (``-`` for stdin)."""
    articles = iter_articles([path], max_bytes=max_bytes)
    try:
        first = next(articles)
    except StopIteration:
        raise InputError(f"{path}: no article found") from None
    return first


def iter_articles(
    paths: Iterable[str | Path], max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[Article]:
    """Yield every article under ``paths`` (files, folders, ``-``), one at a time."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stream(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and readable(p)):
                yield from _read_file(child, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        else:
            raise InputError(f"{path}: no such file or folder")


def readable(path: Path) -> bool:
    """Whether a file found in a folder is read as input (gold files are not)."""
    return (
        path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
        or is_record_stream(path)
    ) and not path.name.endswith(".gold.json")


def is_record_stream(path: Path) -> bool:
    """Whether a file holds one JSON record a line (JSONL, possibly gzipped)."""
    return path.suffix.lower() in JSONL_SUFFIXES or path.name.lower().endswith(GZIP_RECORD_SUFFIXES)


def _read_file(path: Path, max_bytes: int) -> Iterator[Article]:
    name = path.name.lower()
    if name.endswith(GZIP_RECORD_SUFFIXES):
        yield from _read_jsonl_gz(path)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as stream:
            yield from _read_jsonl_lines(stream, str(path))
        return
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: {size:,} bytes is larger than one article may be "
            f"({max_bytes:,}; use --max-bytes to raise it)"
        )
    yield from _read_stream(path.read_bytes(), str(path), max_bytes, suffix=path.suffix.lower())


def _read_stream(data: bytes, where: str, max_bytes: int, suffix: str = "") -> Iterator[Article]:
    if len(data) > max_bytes:
        raise InputError(f"{where}: input is larger than one article may be ({max_bytes:,} bytes)")
    text, warnings = decode_bytes(data, where)
    kind = _sniff(text, suffix)
    if kind == "json":
        yield from _articles_from_json(text, where, warnings)
    elif kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield record_article(_parse_json(line, f"{where}:{number}"), f"{where}:{number}")
    elif kind == "html":
        yield _html_article(text, where, warnings)
    else:
        yield text_article(text, source_path=where, warnings=warnings)


def _sniff(text: str, suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    head = text.lstrip()[:512].lower()
    if head.startswith(("{", "[")):
        lines = [line for line in text.strip().splitlines() if line.strip()]
        if len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:3]):
            return "jsonl" if not head.startswith("[") else "json"
        return "json"
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    return "text"


def text_article(
    text: str,
    source_path: str | None = None,
    warnings: list[str] | None = None,
    **metadata: Any,
) -> Article:
    """An article from plain text: a first line followed by a blank line is its headline."""
    headline, body_start = split_headline(text)
    dateline = find_dateline(text, body_start)
    return Article(
        text=text,
        headline=metadata.pop("headline", None) or headline,
        source_path=source_path,
        dateline=metadata.pop("dateline", None) or (dateline.place if dateline else None),
        agency=metadata.pop("agency", None)
        or (dateline.agency if dateline and dateline.agency else find_agency(text)),
        warnings=list(warnings or []),
        **metadata,
    )


def _html_article(html: str, where: str, warnings: list[str]) -> Article:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise InputError(f"{where}: could not parse HTML ({type(error).__name__})") from error
    body = _get(extracted, "text")
    if not body or not body.strip():
        raise InputError(f"{where}: no article text found in the HTML")
    return _compose(
        title=_get(extracted, "title"),
        body=body,
        where=where,
        warnings=warnings,
        date=_get(extracted, "date"),
        url=_get(extracted, "url"),
        publisher=_get(extracted, "sitename"),
    )


def _get(extracted: Any, key: str) -> Any:
    if extracted is None:
        return None
    if isinstance(extracted, dict):
        return extracted.get(key)
    return getattr(extracted, key, None)


def _compose(
    title: str | None, body: str, where: str, warnings: list[str], **metadata: Any
) -> Article:
    """Headline and body as one text, as a plain-text report would have them."""
    title = " ".join(title.split()) if title else None
    text = body if not title or body.lstrip().startswith(title) else f"{title}\n\n{body}"
    clean = {key: value for key, value in metadata.items() if value}
    return text_article(text, source_path=where, warnings=warnings, headline=title, **clean)


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{where}: malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None


def _articles_from_json(text: str, where: str, warnings: list[str]) -> Iterator[Article]:
    data = _parse_json(text, where)
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        article = record_article(record, where if len(records) == 1 else f"{where}[{index}]")
        article.warnings[:0] = warnings
        yield article


def record_article(record: Any, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    body = next((record[key] for key in TEXT_FIELDS if isinstance(record.get(key), str)), None)
    if body is None or not body.strip():
        raise InputError(f"{where}: JSON record has no non-empty 'text' field")
    title = next((record[key] for key in TITLE_FIELDS if isinstance(record.get(key), str)), None)
    date = next((record[key] for key in DATE_FIELDS if isinstance(record.get(key), str)), None)
    article = _compose(
        title=title,
        body=body,
        where=where,
        warnings=[],
        date=date[:10] if date else None,
        url=record.get("url"),
        publisher=record.get("publisher") or record.get("source"),
        dateline=_clean_dateline(record.get("dateline")),
    )
    if isinstance(record.get("id"), str | int):
        article.id = str(record["id"])
    return article


def _clean_dateline(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.split(",")[0].strip(" -\u2013\u2014") or None


def _read_jsonl_gz(path: Path) -> Iterator[Article]:
    try:
        with gzip.open(path, "rb") as stream:
            yield from _read_jsonl_lines(stream, str(path))
    except (OSError, EOFError) as error:
        raise InputError(f"{path}: not a readable gzip file ({error})") from None


def _read_jsonl_lines(stream: Iterable[bytes], where: str) -> Iterator[Article]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        line, _ = decode_bytes(raw, f"{where}:{number}")
        yield record_article(_parse_json(line, f"{where}:{number}"), f"{where}:{number}")
