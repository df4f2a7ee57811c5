"""Near-duplicate detection: is this article a repost of one we already have?

A repost of one outlet's text by another is one source, not corroboration, so
the store groups near-duplicates. Two steps, because MinHash LSH alone at a
high threshold misses lightly edited copies: a banded LSH at a low threshold
(about 0.5) proposes candidates cheaply, then a verification on the real word
shingles confirms them. The verification uses the overlap coefficient
(``|A & B| / min(|A|, |B|)``), so a copy wrapped in another site's header and
footer still matches its original.

Signatures and band keys are plain integers so a store can persist them and
look candidates up with an index, which scales to hundreds of thousands of
documents without holding an LSH index in memory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS  # LSH threshold ~ (1/BANDS) ** (1/ROWS) = 0.5
SHINGLE = 3
VERIFY_THRESHOLD = 0.8
MIN_SHINGLES = 8  # shorter texts are too small to call copies of each other

_WORD = re.compile(r"\w+", re.UNICODE)
_SEED = 7  # fixed, like the scheme: stored signatures must stay comparable
_SCHEME: Final = "affine32"


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the store keeps per document: its signature and its LSH band keys."""

    signature: tuple[int, ...]
    bands: tuple[int, ...]
    size: int  # number of distinct shingles


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, k: int = SHINGLE) -> frozenset[str]:
    """Distinct k-word shingles; texts shorter than k give one shingle of all words."""
    tokens = words(text)
    if len(tokens) < k:
        return frozenset({" ".join(tokens)}) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1))


@lru_cache(maxsize=1)
def _permutations() -> Any:
    from datasketch import MinHash  # imports scipy: load only when hashing

    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def signature(shingle_set: Iterable[str]) -> tuple[int, ...]:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_permutations(),
                 scheme=_SCHEME)  # fmt: skip
    mh.update_batch([s.encode("utf-8") for s in shingle_set])
    return tuple(int(v) for v in np.asarray(mh.hashvalues, dtype=np.uint64))


def band_keys(sig: Sequence[int]) -> tuple[int, ...]:
    """One signed 63-bit key per band: fits a BIGINT column in any database."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS]
        raw = f"{band}:" + ",".join(str(v) for v in chunk)
        digest = hashlib.blake2b(raw.encode("ascii"), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return tuple(keys)


def fingerprint(text: str) -> Fingerprint:
    sh = shingles(text)
    sig = signature(sh)
    return Fingerprint(signature=sig, bands=band_keys(sig), size=len(sh))


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: how much of the smaller text the larger contains."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def is_copy(text_a: str, text_b: str, threshold: float = VERIFY_THRESHOLD) -> bool:
    """The verification step: most of the shorter text's shingles are in the longer."""
    a, b = shingles(text_a), shingles(text_b)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    return overlap(a, b) >= threshold


def serialize_signature(sig: Sequence[int]) -> bytes:
    return np.asarray(sig, dtype=np.uint64).tobytes()


def deserialize_signature(data: bytes) -> tuple[int, ...]:
    return tuple(int(v) for v in np.frombuffer(data, dtype=np.uint64))
