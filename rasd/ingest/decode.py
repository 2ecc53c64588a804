"""Bytes -> text: UTF-8 first, then a detected legacy Arabic encoding, else a clear error."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from rasd.ingest.errors import InputError
from rasd.normalize.normalizer import arabic_ratio

# Legacy encodings Arabic text really arrives in; detection is limited to these so that
# random bytes are not "successfully" decoded as some exotic code page.
LEGACY_ARABIC = ("cp1256", "iso8859_6", "cp720", "mac_arabic")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
BINARY_SNIFF = 8192
# Arabic UTF-8 text with a few bad bytes (a download cut inside a character, a corrupted byte) is
# still UTF-8: read so, with the bad bytes replaced, when they are at most this share of the input
# (or at most MIN_BAD_BYTES) and what decodes is Arabic. Arabic in a legacy code page has far more
# bad bytes (every letter is one) and decodes to no Arabic at all.
MAX_BAD_SHARE = 0.01
MIN_BAD_BYTES = 8
ARABIC_SHARE = 0.5


class Decoded(NamedTuple):
    text: str
    encoding: str
    warning: str | None = None  # what the reader had to do (replace bytes, guess a code page)


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, origin: str) -> Decoded:
    """Decode ``data``; returns ``(text, encoding, warning)`` or raises :class:`InputError`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(origin, f"starts with a {encoding} byte order mark but is not valid "
                                         f"{encoding} (byte {exc.start})") from None
    if looks_binary(data):
        raise InputError(origin, "looks like a binary file, not text (expected UTF-8 Arabic text)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    escaped, bad = _escaped_bad_bytes(data)
    repaired = _ESCAPED.sub("\ufffd", escaped)
    if bad <= max(MIN_BAD_BYTES, int(len(data) * MAX_BAD_SHARE)) and arabic_ratio(repaired) >= ARABIC_SHARE:
        return Decoded(repaired, "utf-8",
                       f"{origin}: {bad} byte(s) that are not valid UTF-8 (first at byte {utf8_error.start}) "
                       "replaced by U+FFFD; the rest read as UTF-8")
    detected = _detect_legacy(data)
    if detected is not None:
        return Decoded(data.decode(detected), detected, f"{origin}: decoded as {detected}, not UTF-8")
    raise InputError(
        origin,
        f"not valid UTF-8 (byte {utf8_error.start}) and not a recognisable Arabic encoding "
        f"({', '.join(LEGACY_ARABIC)}); convert it to UTF-8",
    )


def _escaped_bad_bytes(data: bytes) -> tuple[str, int]:
    """The text with each byte that is not UTF-8 as a lone surrogate, and how many there are."""
    text = data.decode("utf-8", errors="surrogateescape")
    return text, len(_ESCAPED.findall(text))


_ESCAPED = re.compile("[\udc80-\udcff]")


def _detect_legacy(data: bytes) -> str | None:
    best: tuple[float, str] | None = None
    for encoding in LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        ratio = arabic_ratio(text)
        if ratio >= ARABIC_SHARE and (best is None or ratio > best[0]):
            best = (ratio, encoding)
    return best[1] if best else None
