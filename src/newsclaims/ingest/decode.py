"""Bytes to text: UTF-8 when it is (bad bytes replaced, counted), else a legacy encoding.

A UTF-8 file damaged by a few invalid bytes stays UTF-8: only those bytes become U+FFFD,
so its curly quotes and accents survive. Only text with no valid multi-byte UTF-8 at all
(or more invalid than valid sequences) is read in a detected legacy encoding. Either way
a warning says what was done. A leading byte-order mark is dropped.

>>> decode_bytes("“Yes,” she said.".encode() + b"\\xff", "a.txt")
('“Yes,” she said.\\ufffd', ['a.txt: 1 invalid UTF-8 byte sequence replaced by U+FFFD'])
>>> decode_bytes(b"\\xef\\xbb\\xbfHello", "b.txt")
('Hello', [])
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from newsclaims.ingest.article import InputError

# Legacy encodings wire copy really arrives in; detection is restricted to these so that
# short Latin-1 texts are not mistaken for an exotic code page.
LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "utf_16")
BINARY_SNIFF_BYTES = 8192
MAX_CONTROL_RATIO = 0.02
UTF8_BOM = b"\xef\xbb\xbf"
REPLACEMENT_BYTES = "\ufffd".encode()
# A well-formed multi-byte UTF-8 sequence (RFC 3629 table): evidence a text is UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def decode_bytes(data: bytes, where: str) -> tuple[str, list[str]]:
    """Decode ``data`` into text, returning the text and any warnings.

    Raises :class:`InputError` for empty or binary input.
    """
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if not data.strip():
        raise InputError(f"{where}: empty input, no text to analyze")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _non_empty(data.decode("utf-16").lstrip("\ufeff"), where), [
                f"{where}: read as UTF-16 (byte-order mark)"
            ]
        except UnicodeDecodeError:
            raise InputError(f"{where}: broken UTF-16 text") from None
    if _looks_binary(data[:BINARY_SNIFF_BYTES]):
        raise InputError(f"{where}: binary data, not text (expected text, HTML or JSON)")
    try:
        return _non_empty(data.decode("utf-8"), where), []  # "\xa0" alone is no text
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count(REPLACEMENT_BYTES)
    valid = sum(1 for _ in _UTF8_MULTIBYTE.finditer(data))
    if valid >= bad:
        plural = "s" if bad != 1 else ""
        return _non_empty(replaced, where), [
            f"{where}: {bad} invalid UTF-8 byte sequence{plural} replaced by U+FFFD"
        ]
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin_1"
        text = data.decode(encoding)
    return _non_empty(text, where), [f"{where}: not UTF-8, read as {encoding}"]


def _non_empty(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(f"{where}: empty input, no text to analyze")
    return text


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > MAX_CONTROL_RATIO * max(len(head), 1)
