"""Bytes -> text: UTF-8 first, then a detected legacy Arabic encoding, else a clear error."""

from __future__ import annotations

import codecs

from rasd.ingest.errors import InputError
from rasd.normalize.normalizer import arabic_ratio

# Legacy encodings Arabic text really arrives in; detection is limited to these so that
# random bytes are not "successfully" decoded as some exotic code page.
LEGACY_ARABIC = ("cp1256", "iso8859_6", "cp720", "mac_arabic")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
BINARY_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, origin: str) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` or raises :class:`InputError`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if looks_binary(data):
        raise InputError(origin, "looks like a binary file, not text (expected UTF-8 Arabic text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    detected = _detect_legacy(data)
    if detected is not None:
        return data.decode(detected), detected
    raise InputError(
        origin,
        f"not valid UTF-8 (byte {utf8_error.start}) and not a recognisable Arabic encoding "
        f"({', '.join(LEGACY_ARABIC)}); convert it to UTF-8",
    )


def _detect_legacy(data: bytes) -> str | None:
    best: tuple[float, str] | None = None
    for encoding in LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        ratio = arabic_ratio(text)
        if ratio >= 0.5 and (best is None or ratio > best[0]):
            best = (ratio, encoding)
    return best[1] if best else None
