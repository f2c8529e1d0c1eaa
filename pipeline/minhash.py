"""Shingles and MinHash signatures computed in bulk with numpy, and the LSH band keys stored in DuckDB.

Text -> folded (``planwatch.core.text.fold_joined``: marks removed, lower-case; tone placement no longer
matters) -> words ->
word 3-shingles, each hashed to 64 bits (a word's hash is blake2b of the word, computed once per distinct
word; a shingle's hash mixes its three word hashes with splitmix64's finaliser). A signature is, for each of
``NUM_PERM`` random affine maps ``A_i * h + B_i`` (mod 2^64, ``A_i`` odd: a bijection of the hashes), the
minimum over the shingles: the estimated Jaccard similarity of two texts is the share of equal positions.

Everything is vectorised: a batch of documents is one array of shingle hashes and one ``minimum.reduceat``
per chunk, so a 600-word article costs a fraction of a millisecond instead of 600 calls to
``MinHash.update``.

LSH: ``BANDS`` bands of ``ROWS`` rows over the whole text. A pair with Jaccard s becomes a candidate with
probability 1 - (1 - s^ROWS)^BANDS: 0.94 at 0.4, 0.996 at 0.5, 0.30 at 0.2, 0.04 at 0.1. Two more kinds of key
propose copies that keep the lead or the headline (``lead_keys``, ``title_key``). Candidates are only that:
every pair is then verified (pipeline.syndication) before it joins a story.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

import numpy as np

from planwatch.core.text import fold_joined

NUM_PERM = 128
SHINGLE = 3
ROWS = 3
BANDS = 42  # 126 of the 128 positions
SEED = 1

TOKEN = re.compile(r"\w+")  # a word of folded text
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_C1 = np.uint64(0x9E3779B97F4A7C15)
_C2 = np.uint64(0xC2B2AE3D27D4EB4F)
_CHUNK = 4_096  # shingles per vectorised step (4k x 128 x 8 bytes = 4 MiB: measured fastest)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, elementwise on uint64 (wrapping arithmetic)."""
    z = z ^ (z >> np.uint64(30))
    z = z * _M1
    z = z ^ (z >> np.uint64(27))
    z = z * _M2
    return z ^ (z >> np.uint64(31))


def _affine() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(SEED)
    a = rng.integers(0, 2**63, NUM_PERM, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, NUM_PERM, dtype=np.int64).astype(np.uint64)
    return a, b


# position i of a signature: min over shingles of (A_i * h + B_i) mod 2^64 -- with A_i odd, a bijection of the
# (already well mixed) 64-bit shingle hashes, two vector operations per position
_A, _B = _affine()
_BAND_SALT = _mix(np.arange(1, BANDS + 1, dtype=np.uint64) * _C1)


# every ASCII character TOKEN does not take, as a space: on ASCII text, TOKEN's words are what str.split() leaves
# (a bytes table: bytes.translate is one array lookup a byte, half the time of str.translate's dict)
_ASCII_NON_WORD = bytes(32 if c < 128 and not TOKEN.fullmatch(chr(c)) else c for c in range(256))


def words(text: str | None) -> list[str]:
    """Folded words of the text (what shingles are made of)."""
    return folded_words(fold_joined(text))


def folded_words(folded: str) -> list[str]:
    """words() of a text already through fold_joined or fold_keep_spacing (folding is idempotent: not folded again).
    Most folded lines are ASCII: there a bytes translate and a split give TOKEN.findall's words (29.7 -> 16.1 us a
    document against str.translate, which looks every character up in a dict)."""
    if folded.isascii():
        return folded.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()
    return TOKEN.findall(folded)


def word_hash(word: str) -> int:
    """The 64-bit hash of one word."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


class _HashCache(dict[str, int]):
    """word -> word_hash(word), computed on the first lookup of a word (dict's own lookup in C for the rest: no
    set of the document's words to diff against the cache first, a quarter of the hashing's time)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = word_hash(word)
        return value


class WordHasher:
    """64-bit word hashes, each distinct word hashed once (keep one per batch)."""

    def __init__(self) -> None:
        self._cache = _HashCache()

    def __call__(self, tokens: Sequence[str]) -> np.ndarray:
        cache = self._cache
        if len(cache) > 1_000_000:  # a long-running process: keep the cache bounded
            cache.clear()
        return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


_HASHER = WordHasher()  # word hashes are a pure function of the word: one cache for the process


def word_hashes(tokens: Sequence[str]) -> np.ndarray:
    return _HASHER(tokens)


def shingle_hashes(tokens: Sequence[str], hasher: WordHasher | None = None) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the word 3-shingles (a text shorter than 3 words: one shingle)."""
    return shingles_of((hasher or _HASHER)(tokens))


def shingles_of(h: np.ndarray) -> np.ndarray:
    """shingle_hashes from the words' hashes."""
    return sorted_distinct(shingle_values(h))


def shingle_values(h: np.ndarray) -> np.ndarray:
    """The hashes of shingles_of(h) in the words' order, repeats kept: enough for a signature (a minimum over the
    set does not see order or repeats), without shingles_of's sort (Prepared.of: 4 us a document less)."""
    if not len(h):
        return np.empty(0, dtype=np.uint64)
    if len(h) < SHINGLE:
        return np.array([np.bitwise_xor.reduce(_mix(h * _C2))], dtype=np.uint64)
    return _mix(h[:-2] * _C1 + h[1:-1] * _C2 + h[2:])


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """np.unique(values) for a 1-d array: sorted, each value once. A sort and one comparison of neighbours:
    numpy 2.4's np.unique hashes integer arrays first and is about ten times slower on a document's shingles
    (45 against 5 µs for 600 values)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def in_sorted(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    """np.isin(values, table) for a table that is sorted_distinct already: one binary search a value. np.isin sorts
    both arrays together (2.9 against 0.29 ms for 26,000 values in 26,000); against a small table (a few hundred
    values) np.isin is the quicker one (0.4 against 1.0 ms)."""
    if table.size == 0:
        return np.zeros(values.shape, dtype=bool)
    at = np.searchsorted(table, values)
    np.minimum(at, table.size - 1, out=at)
    return np.asarray(table[at] == values)


def signatures(shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures, one row per shingle set (uint64, NUM_PERM columns). An empty set gets all ones. A set
    may come in any order and with repeats (shingle_values): each position is a minimum over it.

    The shingles of all sets are one flat array, taken ``_CHUNK`` at a time: a (NUM_PERM, chunk) block of
    ``A * h + B`` computed into one reused buffer (small enough to stay in the CPU cache), then one
    ``minimum.reduceat`` along the rows gives each set's minima inside the chunk."""
    out = np.full((len(shingle_sets), NUM_PERM), np.iinfo(np.uint64).max, dtype=np.uint64)
    if not shingle_sets:
        return out
    lengths = np.fromiter((len(s) for s in shingle_sets), dtype=np.int64, count=len(shingle_sets))
    flat = np.concatenate([s for s in shingle_sets if len(s)]) if lengths.sum() else np.empty(0, np.uint64)
    owner = np.repeat(np.arange(len(shingle_sets)), lengths)
    buf = np.empty((NUM_PERM, min(_CHUNK, len(flat))), dtype=np.uint64)
    for start in range(0, len(flat), _CHUNK):
        part = flat[start : start + _CHUNK]
        rows = owner[start : start + _CHUNK]
        hashed = buf[:, : len(part)]
        np.multiply(_A[:, None], part[None, :], out=hashed)
        hashed += _B[:, None]
        # rows is sorted: reduce each set's run of shingles inside this chunk
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        mins = np.minimum.reduceat(hashed, starts, axis=1).T
        docs = rows[starts]
        out[docs] = np.minimum(out[docs], mins)
    return out


def signature_of(text: str | None) -> np.ndarray:
    return signatures([shingle_hashes(words(text))])[0]


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """One 64-bit key per band and document: shape (documents, BANDS). Equal key = candidate pair."""
    sigs = np.atleast_2d(np.asarray(sigs, dtype=np.uint64))
    acc = np.broadcast_to(_BAND_SALT, (sigs.shape[0], BANDS)).copy()
    for r in range(ROWS):
        acc = _mix(acc ^ sigs[:, r : BANDS * ROWS : ROWS])
    return acc


LEAD_WORDS = 40
LEAD_BANDS = 8
LEAD_ROWS = 4
_LEAD_SALT = _mix(np.arange(1001, 1001 + LEAD_BANDS, dtype=np.uint64) * _C2)
_TITLE_SALT = np.uint64(0x7469746C65)


def lead_keys(sigs: np.ndarray) -> np.ndarray:
    """Band keys of the leads' signatures (LEAD_BANDS bands of LEAD_ROWS rows): a copy that keeps its lead and
    rewrites or cuts the rest (a TV report's text version, a brief) is proposed even when the whole texts
    are far apart (probability 0.67 at lead Jaccard 0.6, 0.98 at 0.8, 1 for an identical lead)."""
    sigs = np.atleast_2d(np.asarray(sigs, dtype=np.uint64))
    acc = np.broadcast_to(_LEAD_SALT, (sigs.shape[0], LEAD_BANDS)).copy()
    for r in range(LEAD_ROWS):
        acc = _mix(acc ^ sigs[:, r : LEAD_BANDS * LEAD_ROWS : LEAD_ROWS])
    return acc


def _title_digest(title_words: Sequence[str], fallback: str) -> int:
    text = " ".join(title_words) if len(title_words) >= SHINGLE else "\x00" + fallback
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def title_key(title_words: Sequence[str], fallback: str) -> int:
    """One key for the folded title (a copy that keeps its headline); titles under 3 words get a key of their
    own document (``fallback``) and so propose nothing."""
    return int(title_keys([title_words], [fallback])[0])


def title_keys(titles: Sequence[Sequence[str]], fallbacks: Sequence[str]) -> np.ndarray:
    """title_key of each title, as one uint64 array: one mixing pass for a batch (numpy's fixed cost once, not
    six operations on a one-element array a document)."""
    digests = np.fromiter(map(_title_digest, titles, fallbacks), dtype=np.uint64, count=len(titles))
    return _mix(digests ^ _TITLE_SALT)


def estimated_jaccard(sig_a: Iterable[int] | np.ndarray, sig_b: Iterable[int] | np.ndarray) -> float:
    a = np.asarray(list(sig_a) if not isinstance(sig_a, np.ndarray) else sig_a, dtype=np.uint64)
    b = np.asarray(list(sig_b) if not isinstance(sig_b, np.ndarray) else sig_b, dtype=np.uint64)
    return float(np.count_nonzero(a == b)) / float(NUM_PERM)


def _common(a: np.ndarray, b: np.ndarray) -> int:
    """Size of the intersection of two sorted distinct hash arrays (a binary search of each of a's values in b:
    no sort of both together, as np.intersect1d does)."""
    return int(np.count_nonzero(in_sorted(a, b)))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted distinct hash arrays."""
    if not len(a) or not len(b):
        return 0.0
    inter = _common(a, b)
    return inter / float(len(a) + len(b) - inter)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set found in the larger one (two sorted distinct hash arrays)."""
    if not len(a) or not len(b):
        return 0.0
    return _common(a, b) / float(min(len(a), len(b)))
