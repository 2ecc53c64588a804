"""What makes two articles copies of one another: the exact text, or (for syndicated wire copies
with another headline, byline or closing line) most of their word sequences.

A near copy is judged on word 3-gram shingles of the match-normalized text (the Jaccard
similarity of the two shingle sets); to find candidates among millions of stored articles
without comparing with each, a MinHash signature (datasketch) is cut into bands whose hashes are
stored: two articles whose similarity is at or above :data:`NEAR_THRESHOLD` share at least one
band with a probability above 0.999 (16 bands of 4 of the 64 MinHash values).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rasd.normalize.chars import normalize_char_map

if TYPE_CHECKING:  # numpy and datasketch load when the first article is fingerprinted, not in workers
    import numpy as np
    from datasketch import MinHash

SHINGLE_WORDS = 3
NUM_PERM = 64
BANDS, BAND_ROWS = 16, 4
NEAR_THRESHOLD = 0.8  # shingle Jaccard; below it, an "update" with new figures is common
MINHASH_SEED = 1

_WORDS = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
MASK32 = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's text identity: exact hash, shingle hashes, LSH band keys, and the facts a
    copy must share (the numbers written in digits, the publication day)."""

    text_hash: str
    shingles: np.ndarray  # sorted unique uint64 shingle hashes
    bands: tuple[int, ...]
    numbers: tuple[str, ...]
    day: str | None

    def similarity(self, other: Fingerprint) -> float:
        """Jaccard similarity of the two shingle sets."""
        if self.text_hash == other.text_hash:
            return 1.0
        import numpy as np

        common = np.intersect1d(self.shingles, other.shingles, assume_unique=True).size
        union = self.shingles.size + other.shingles.size - common
        return common / union if union else 0.0

    def may_copy(self, other: Fingerprint) -> bool:
        """The facts a copy cannot change: the same figures in digits and the same publication
        day (relative dates such as "yesterday" are read against it)."""
        return self.numbers == other.numbers and self.day == other.day


def fingerprint(text: str, text_hash: str, published: str | None) -> Fingerprint:
    folded = text.translate(normalize_char_map()).lower()
    words = _WORDS.findall(folded)
    shingles = _shingle_hashes(words)
    numbers = tuple(sorted(n.lstrip("0") or "0" for n in _DIGITS.findall(folded)))
    return Fingerprint(text_hash, shingles, _bands(shingles), numbers, (published or "")[:10] or None)


def _shingle_hashes(words: list[str]) -> np.ndarray:
    import numpy as np

    mask = np.uint64(MASK32)
    hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if hashes.size < SHINGLE_WORDS:
        return np.unique(hashes)
    combined = hashes[: hashes.size - SHINGLE_WORDS + 1].copy()
    for k in range(1, SHINGLE_WORDS):
        # a rolling polynomial of the word hashes, kept in 32 bits for MinHash
        combined = (combined * np.uint64(1_000_003) + hashes[k : hashes.size - SHINGLE_WORDS + 1 + k]) & mask
    return np.unique(combined)


@lru_cache(maxsize=1)
def _signer() -> MinHash:
    """One MinHash reused for every article (cleared each time): building its permutations is
    most of a fresh MinHash's cost. Fingerprints are made in one thread (the ingesting one)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=int)


def _bands(shingles: np.ndarray) -> tuple[int, ...]:
    if shingles.size == 0:
        return ()
    signer = _signer()
    signer.clear()
    signer.update_batch(shingles)
    values = signer.hashvalues
    return tuple(_band_key(b, values[b * BAND_ROWS : (b + 1) * BAND_ROWS].tobytes()) for b in range(BANDS))


def _band_key(band: int, rows: bytes) -> int:
    digest = hashlib.blake2b(rows, digest_size=8, salt=band.to_bytes(16, "little")).digest()
    return int.from_bytes(digest, "little", signed=True)  # a signed 64-bit database integer
