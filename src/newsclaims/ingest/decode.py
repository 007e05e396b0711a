"""Bytes to text: UTF-8 when it is, else a detected legacy encoding, with a warning."""

from __future__ import annotations

from charset_normalizer import from_bytes

from newsclaims.ingest.article import InputError

# Legacy encodings wire copy really arrives in; detection is restricted to these so that
# short Latin-1 texts are not mistaken for an exotic code page.
LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "utf_16")
BINARY_SNIFF_BYTES = 8192
MAX_CONTROL_RATIO = 0.02


def decode_bytes(data: bytes, where: str) -> tuple[str, list[str]]:
    """Decode ``data`` into text, returning the text and any warnings.

    Raises :class:`InputError` for empty or binary input.
    """
    if not data.strip():
        raise InputError(f"{where}: empty input, no text to analyze")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _non_empty(data.decode("utf-16"), where), [
                f"{where}: read as UTF-16 (byte-order mark)"
            ]
        except UnicodeDecodeError:
            raise InputError(f"{where}: broken UTF-16 text") from None
    if _looks_binary(data[:BINARY_SNIFF_BYTES]):
        raise InputError(f"{where}: binary data, not text (expected text, HTML or JSON)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin_1"
        text = data.decode(encoding)
    return text, [f"{where}: not UTF-8, read as {encoding}"]


def _non_empty(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(f"{where}: empty input, no text to analyze")
    return text


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > MAX_CONTROL_RATIO * max(len(head), 1)
