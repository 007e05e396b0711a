"""Readers for plain text, HTML, JSON and JSONL(.gz) records, folders and stdin.

The file suffix decides how a file is read (``.txt`` is text even when it starts with
``{`` or ``<html``); only a file without a known suffix, or stdin, is sniffed. JSONL is
split at ``\\n`` only (a raw U+2028 inside a record is text, from a file or stdin alike)
and read one line at a time, each line no larger than ``max_bytes``, so a huge or
decompressed record is refused without being held.

A record that cannot be read (a malformed line, a wrong field type, an empty file in a
folder) is a :class:`RecordError`: :func:`iter_articles` hands it to a
:class:`~newsclaims.ingest.rejects.Rejects`, which skips and counts it or stops the run,
and the other records are read on. An input that cannot be read at all (a missing path,
an unreadable folder, a closed stdin) raises :class:`InputError`. Every message is one
line. Plain text keeps its characters exactly (no newline translation), because offsets
point into it.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from newsclaims.ingest.article import Article, InputError, RecordError
from newsclaims.ingest.dateline import find_agency, find_dateline
from newsclaims.ingest.decode import decode_bytes
from newsclaims.ingest.headline import split_headline
from newsclaims.ingest.rejects import MAX_RAW_CHARS, Rejects

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
# Metadata that must be a string (or absent/null) when a record has it.
STRING_FIELDS = (*TITLE_FIELDS, *DATE_FIELDS, "url", "publisher", "source", "dateline")
DRAIN_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an over-long line
_SURROGATE = re.compile("[\ud800-\udfff]")
Item = Article | RecordError


def read_article(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read exactly one article from ``path`` (``-`` for stdin)."""
    articles = iter_articles([path], max_bytes=max_bytes)
    try:
        first = next(articles)
    except StopIteration:
        raise InputError(f"{path}: no article found") from None
    return first


def iter_articles(
    paths: Iterable[str | Path],
    max_bytes: int = MAX_ARTICLE_BYTES,
    rejects: Rejects | None = None,
) -> Iterator[Article]:
    """Yield every article under ``paths`` (files, folders, ``-``), one at a time.

    A record that cannot be read goes to ``rejects`` (skipped and counted, or raised
    under ``--on-error stop``); without ``rejects`` it is raised.
    """
    return accepted(iter_items(paths, max_bytes), rejects)


def accepted(items: Iterable[Article | RecordError], rejects: Rejects | None) -> Iterator[Article]:
    """The articles of ``items``; each record error goes to ``rejects``, or is raised
    when there is none."""
    for item in items:
        if isinstance(item, Article):
            yield item
        elif rejects is None:
            raise item
        else:
            rejects.add(item)


def iter_items(paths: Iterable[str | Path], max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Item]:
    """Every article, and every record that could not be read, under ``paths``."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in folder_files(path):
                if isinstance(child, RecordError):
                    yield child
                else:
                    yield from _read_file(child, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        else:
            raise InputError(f"{path}: no such file or folder")


def folder_files(folder: Path) -> Iterator[Path | RecordError]:
    """The readable files under ``folder`` in name order; a sub-folder that cannot be
    listed is a :class:`RecordError`, the folder itself an :class:`InputError`."""
    try:
        with os.scandir(folder):
            pass
    except OSError as error:
        raise InputError(f"{folder}: cannot read this folder ({error.strerror})") from None
    failures: list[OSError] = []
    files: list[Path] = []
    for root, _dirs, names in os.walk(folder, onerror=failures.append):
        files += [Path(root, name) for name in names]
    for failure in failures:
        where = str(failure.filename)
        yield RecordError(f"{where}: cannot read this folder ({failure.strerror})", where)
    for path in sorted(files):
        if path.is_file() and readable(path):
            yield path


def readable(path: Path) -> bool:
    """Whether a file found in a folder is read as input (gold files are not)."""
    return (
        path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
        or is_record_stream(path)
    ) and not path.name.endswith(".gold.json")


def is_record_stream(path: Path) -> bool:
    """Whether a file holds one JSON record a line (JSONL, possibly gzipped)."""
    return path.suffix.lower() in JSONL_SUFFIXES or path.name.lower().endswith(GZIP_RECORD_SUFFIXES)


def file_kind(path: Path) -> str | None:
    """How the suffix says to read ``path``: jsonl, json, html, text; ``None``: sniff."""
    suffix = path.suffix.lower()
    if is_record_stream(path):
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix and suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    where = str(path)
    kind = file_kind(path)
    try:
        if path.name.lower().endswith(GZIP_RECORD_SUFFIXES):
            yield from _read_jsonl_gz(path, max_bytes)
        elif kind == "jsonl":
            with path.open("rb") as stream:
                yield from _jsonl_items(stream, where, max_bytes)
        elif kind is None:
            with path.open("rb") as stream:
                yield from _sniffed_items(stream, where, max_bytes)
        else:
            size = path.stat().st_size
            if size > max_bytes:
                yield RecordError(_too_large(where, size, max_bytes), where)
                return
            yield from _whole_items(path.read_bytes(), where, kind)
    except OSError as error:
        yield RecordError(f"{where}: cannot read ({error.strerror or error})", where)


def _too_large(where: str, size: int, max_bytes: int, more: str = "") -> str:
    return (
        f"{where}: {size:,}{more} bytes is larger than one article may be "
        f"({max_bytes:,}; use --max-bytes to raise it)"
    )


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    stdin = sys.stdin
    if stdin is None or stdin.closed:
        raise InputError("-: stdin is closed, nothing to read")
    try:
        yield from _sniffed_items(stdin.buffer, "<stdin>", max_bytes)
    except OSError as error:
        raise InputError(f"<stdin>: cannot read ({error.strerror or error})") from None


def _sniffed_items(stream: IO[bytes], where: str, max_bytes: int) -> Iterator[Item]:
    """Records from a stream of unknown kind: JSONL when its first line is one JSON
    object (a one-line JSON file reads the same), else one text, HTML or JSON document."""
    head = b""
    line = b""
    while len(head) <= max_bytes:
        line = stream.readline(max_bytes + 1)
        head += line
        if not line or line.strip():
            break
    if _is_json_object(line):
        number = head.count(b"\n") + (0 if line.endswith(b"\n") else 1)
        yield _record_item(line, where, number)
        yield from _jsonl_items(stream, where, max_bytes, start=number)
        return
    data = head + stream.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes else head
    if len(data) > max_bytes:
        yield RecordError(_too_large(where, len(data), max_bytes, "+"), where)
        return
    try:
        text, _ = decode_bytes(data, where)
    except InputError as error:
        yield RecordError(str(error), where)
        return
    yield from _whole_items(data, where, _sniff(text))


def _is_json_object(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    return "text"


def _whole_items(data: bytes, where: str, kind: str) -> Iterator[Item]:
    """The article(s) of one whole document of ``kind``: text, html or json."""
    try:
        text, warnings = decode_bytes(data, where)
        if kind == "json":
            yield from _json_items(text, where, warnings)
        elif kind == "html":
            yield _html_article(text, where, warnings)
        else:
            yield text_article(text, source_path=where, warnings=warnings)
    except RecordError as error:
        yield error
    except InputError as error:
        yield RecordError(str(error), where)


def _json_items(text: str, where: str, warnings: list[str]) -> Iterator[Item]:
    data = _parse_json(text, where)
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        at = where if len(records) == 1 else f"{where}[{index}]"
        try:
            article = record_article(record, at)
        except InputError as error:
            yield RecordError(str(error), where, index + 1 if len(records) > 1 else None)
            continue
        article.warnings[:0] = warnings
        yield article


def _read_jsonl_gz(path: Path, max_bytes: int) -> Iterator[Item]:
    where = str(path)
    with gzip.open(path, "rb") as stream:
        items = _jsonl_items(stream, where, max_bytes)  # type: ignore[arg-type]
        while True:
            try:
                item = next(items)
            except StopIteration:
                return
            except (OSError, EOFError, zlib.error) as error:
                yield RecordError(f"{where}: not a readable gzip file ({error})", where)
                return
            yield item


def _jsonl_items(stream: IO[bytes], where: str, max_bytes: int, start: int = 0) -> Iterator[Item]:
    """One item per non-blank line (split at ``\\n`` only), each at most ``max_bytes``."""
    number = start
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_rest_of_line(stream)
            message = _too_large(f"{where}:{number}", size, max_bytes, " record")
            yield RecordError(message, where, number, raw=line[:MAX_RAW_CHARS])
        elif line.strip():
            yield _record_item(line, where, number)


def _skip_rest_of_line(stream: IO[bytes]) -> int:
    skipped = 0
    while chunk := stream.readline(DRAIN_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _record_item(line: bytes, where: str, number: int) -> Item:
    at = f"{where}:{number}"
    try:
        text, warnings = decode_bytes(line, at)
        article = record_article(_parse_json(text, at), at)
    except InputError as error:
        return RecordError(str(error), where, number, raw=line)
    article.warnings[:0] = warnings
    return article


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
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to be an article record") from None


def record_article(record: Any, where: str) -> Article:
    """An article from a JSON record; :class:`InputError` for a record that is not one.

    Metadata must be strings (``"url": 42`` is refused, not guessed at); ``id`` a string
    or a whole number (``true`` is refused). Lone surrogates (``"\\ud800"``) become U+FFFD,
    with a warning, and a byte-order mark before the title or text is dropped.
    """
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: field '{name}' must be a string, not {_json_type(value)}")
    record_id = record.get("id")
    if record_id is not None and (
        isinstance(record_id, bool) or not isinstance(record_id, str | int)
    ):
        raise InputError(
            f"{where}: field 'id' must be a string or a whole number, not {_json_type(record_id)}"
        )
    warnings: list[str] = []
    fields = {
        name: _clean(value, name, where, warnings)
        for name, value in record.items()
        if isinstance(value, str)
    }
    body = next((fields[key] for key in TEXT_FIELDS if key in fields), None)
    if body is None or not body.strip():
        raise InputError(f"{where}: JSON record has no non-empty 'text' field")
    title = next((fields[key] for key in TITLE_FIELDS if key in fields), None)
    date = next((fields[key] for key in DATE_FIELDS if key in fields), None)
    article = _compose(
        title=title,
        body=body,
        where=where,
        warnings=warnings,
        date=date[:10] if date else None,
        url=fields.get("url"),
        publisher=fields.get("publisher") or fields.get("source"),
        dateline=_clean_dateline(fields.get("dateline")),
    )
    if record_id is not None:
        article.id = _clean(str(record_id), "id", where, article.warnings)
    return article


def _json_type(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }
    return names.get(type(value), type(value).__name__)


def _clean(value: str, name: str, where: str, warnings: list[str]) -> str:
    """``value`` without lone surrogates (UTF-8 cannot hold them) or a leading BOM."""
    value = value.removeprefix("\ufeff")
    value, count = _SURROGATE.subn("\ufffd", value)
    if count:
        warnings.append(f"{where}: {count} lone surrogate(s) in '{name}' replaced by U+FFFD")
    return value


def _clean_dateline(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.split(",")[0].strip(" -\u2013\u2014") or None
