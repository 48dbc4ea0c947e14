"""Duplicate articles: exact copies by normalised-text hash, near copies by MinHash/LSH + fuzzy match.

`text_hash` gives the same digest to texts that differ only in case, punctuation,
Unicode form or spacing. `NearDuplicates` indexes MinHash signatures of word
3-shingles in an LSH index; a candidate is confirmed when `rapidfuzz`'s ratio on
the normalised texts reaches `min_ratio` and both texts have at least `min_words` words:
short pages (sign-in forms, newsletter prompts, paywall notices) are near-identical
boilerplate whatever story they were fetched for, so they are never called copies.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

NUM_PERM = 64
SCHEME = "affine32"  # datasketch 2 default; stored signatures must be read back with it
SHINGLE = 3
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Case-folded NFKC text with punctuation removed and whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()


def text_hash(text: str) -> str:
    """SHA-256 of the normalised text (hex): equal for trivially different copies."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def minhash(text: str) -> MinHash:
    """MinHash of the word 3-shingles of the normalised text (words themselves for short texts)."""
    words = normalise(text).split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles if s])
    return m


def to_bytes(m: MinHash) -> bytes:
    """Serialise a signature for storage."""
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """Rebuild a stored signature."""
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64).copy(), scheme=SCHEME)


@dataclass
class NearDuplicates:
    """An LSH index of article signatures that finds the original a new article copies."""

    threshold: float = 0.5
    min_ratio: float = 85.0
    min_words: int = 120
    lsh: MinHashLSH = field(init=False)
    texts: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def add(self, key: str, signature: MinHash, text: str) -> None:
        """Index an article (its key must be new)."""
        self.lsh.insert(key, signature)
        self.texts[key] = normalise(text)

    def find(self, signature: MinHash, text: str) -> tuple[str, float] | None:
        """The best confirmed original for `text` and its fuzzy score, or None."""
        norm = normalise(text)
        best: tuple[str, float] | None = None
        if norm.count(" ") + 1 < self.min_words:
            return None
        for key in self.lsh.query(signature):
            if self.texts[key].count(" ") + 1 < self.min_words:
                continue
            score = fuzz.ratio(norm, self.texts[key])
            if score >= self.min_ratio and (
                best is None or score > best[1] or (score == best[1] and key < best[0])
            ):
                best = (key, score)
        return best
