"""Duplicates and stories.

- Exact duplicates share ``content_hash`` (sha256 of normalized title + text, pipeline.extract).
- Near duplicates — a syndicated copy with another outlet's header and footer, one ministry press release
  printed by several outlets, an article updated with a paragraph — are clustered into *stories*:
  MinHash (datasketch, 128 permutations, seed 1, scheme affine32) over word 3-shingles of the normalized, folded
  (diacritic-free, lower-case) text, compared exactly with every stored signature (no LSH banding, which
  misses pairs near the threshold), accepted when the estimated Jaccard similarity is at least ``THRESHOLD``.

``THRESHOLD = 0.4`` was measured on tests/extraction/dedupe_examples.py (table in docs/extraction.md):
a syndicated copy 0.96, an updated version 0.95, a trimmed reprint 0.86, a brief keeping half of the release
0.52; a different report on the same event (same names, same plan) 0.10, an unrelated ministry story 0.02.
0.4 keeps the half-length brief in the story with a margin for MinHash error (about +-0.04 at 128
permutations) and stays far above different stories.

Story ids are deterministic: "s-" + the doc_id of the story's first document (earliest ``published_at``,
then doc_id). Signatures are stored in table ``doc_signatures`` (``UBIGINT[]``) and passed back as
``existing`` on the next run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import numpy as np
from datasketch import MinHash

from pipeline.dates import VN_TZ, parse_vn_datetime
from pipeline.normalize import fold, normalize_text

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch >= 2.0 default; signatures of different schemes are not comparable
SHINGLE = 3
THRESHOLD = 0.4
MIN_WORDS = 12  # shorter texts never join a story by similarity (only by exact hash)

_TOKEN = re.compile(r"\w+")


def shingles(text: str | None, k: int = SHINGLE) -> set[str]:
    """Word k-shingles of the normalized, folded text."""
    words = _TOKEN.findall(fold(normalize_text(text)))
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def _new(hashvalues: Any = None) -> MinHash:
    """A MinHash with the one fixed permutation scheme (datasketch 2.0 asks for it with stored values)."""
    try:
        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=hashvalues, scheme=SCHEME)
    except TypeError:  # datasketch < 2.0 has one scheme and no such argument
        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=hashvalues)


def _minhash(text: str | None) -> MinHash:
    m = _new()
    for shingle in sorted(shingles(text)):
        m.update(shingle.encode("utf-8"))
    return m


def minhash_signature(text: str | None) -> list[int]:
    """The MinHash signature as plain ints (fits DuckDB UBIGINT[])."""
    return [int(v) for v in _minhash(text).hashvalues]


def _from_signature(signature: Sequence[int]) -> MinHash:
    return _new(np.array(signature, dtype=np.uint64))


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(_from_signature(sig_a).jaccard(_from_signature(sig_b)))


def _sort_key(doc: Mapping[str, Any]) -> tuple[int, float, str]:
    """Earliest publication first (unknown dates last), then doc_id: the story's first document."""
    published = doc.get("published_at")
    if isinstance(published, str):
        published = parse_vn_datetime(published)
    if isinstance(published, datetime):
        if published.tzinfo is None:
            published = published.replace(tzinfo=VN_TZ)
        return 0, published.timestamp(), str(doc["doc_id"])
    return 1, 0.0, str(doc["doc_id"])


def assign_stories(
    new_docs: Iterable[Mapping[str, Any]],
    existing: Iterable[tuple[Any, ...]] = (),
    *,
    threshold: float = THRESHOLD,
) -> dict[str, str]:
    """Story id for each new document: {doc_id: story_id}.

    ``new_docs``: dicts with doc_id, text, content_hash, published_at (optional ``signature`` to skip
    recomputing). ``existing``: (doc_id, story_id, signature[, content_hash]) rows already stored. A new document
    joins the story of an exact duplicate (same content_hash, new or stored) or of its most similar document
    (estimated Jaccard >= threshold, ties to the smaller story id); otherwise it starts "s-<doc_id>".
    """
    stored: dict[str, tuple[str, Sequence[int]]] = {}
    by_hash: dict[str, str] = {}
    for row in sorted(existing, key=lambda r: (str(r[1]), str(r[0]))):
        doc_id, story_id, signature = row[0], row[1], row[2]
        if doc_id in stored:
            continue
        stored[doc_id] = (story_id, signature)
        # a stored exact duplicate counts like one in this batch, short texts included (those never
        # join by similarity): without it a copy stored a night later than the original started a new story
        if len(row) > 3 and row[3]:
            by_hash.setdefault(row[3], doc_id)
    ordered = sorted(new_docs, key=_sort_key)
    # Every stored and accepted signature, one row each, compared exactly with each new document (no LSH:
    # its banding missed about one pair in eight between 0.4 and 0.6, each a copy counted as a new story).
    matrix = np.empty((len(stored) + len(ordered), NUM_PERM), dtype=np.uint64)
    owners: list[str] = []
    story_of: dict[str, str] = {}
    for doc_id, (story_id, signature) in stored.items():
        matrix[len(owners)] = np.asarray(signature, dtype=np.uint64)
        owners.append(doc_id)
        story_of[doc_id] = story_id

    result: dict[str, str] = {}
    for doc in ordered:
        doc_id = str(doc["doc_id"])
        if doc_id in result:
            continue
        text = doc.get("text") or ""
        words = len(_TOKEN.findall(text))
        # an empty extraction's hash is shared by every empty page: it says nothing about the story
        digest = doc.get("content_hash") if words else None
        if digest and digest in by_hash:
            result[doc_id] = story_of[doc_id] = story_of[by_hash[digest]]
            continue
        stored_sig = doc.get("signature")
        values = np.asarray(stored_sig if stored_sig is not None else _minhash(text).hashvalues, dtype=np.uint64)
        story = None
        if words >= MIN_WORDS:
            if owners:
                scores = np.count_nonzero(matrix[: len(owners)] == values, axis=1) / float(NUM_PERM)
                hits = np.flatnonzero(scores >= threshold)
                if hits.size:
                    top = scores[hits].max()
                    story = min(story_of[owners[i]] for i in hits if scores[i] == top)
            if doc_id not in stored:
                stored[doc_id] = (story or "", [])
                matrix[len(owners)] = values
                owners.append(doc_id)
        story = story or f"s-{doc_id}"
        result[doc_id] = story_of[doc_id] = story
        if digest:
            by_hash.setdefault(digest, doc_id)
    return result
