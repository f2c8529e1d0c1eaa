"""Duplicates and stories: the small public surface other modules and tests use.

- Exact duplicates share ``content_hash`` (sha256 of normalized title + text, pipeline.extract).
- Signatures: pipeline.minhash (bulk numpy MinHash, 128 positions, LSH 42 bands x 3 rows).
- The syndication rule (boilerplate removed, verified Jaccard, title/lead, 14-day window):
  pipeline.syndication; boilerplate learned from the corpus: pipeline.boilerplate.
- Story assignment without chains: pipeline.stories; the DuckDB-backed index: pipeline.story_store.

``THRESHOLD`` is the Jaccard above which two texts are near-duplicates on their own (``J_HIGH``).
See docs/stories.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pipeline.minhash import estimated_jaccard, signature_of
from pipeline.stories import MemoryLookup, assign
from pipeline.syndication import J_HIGH, MIN_WORDS, as_doc

THRESHOLD = J_HIGH
__all__ = ["MIN_WORDS", "THRESHOLD", "assign_stories", "minhash_signature", "similarity"]


def minhash_signature(text: str | None) -> list[int]:
    """The MinHash signature as plain ints (fits DuckDB UBIGINT[])."""
    return [int(v) for v in signature_of(text)]


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return estimated_jaccard(sig_a, sig_b)


def assign_stories(new_docs: Iterable[Mapping[str, Any]],
                   existing: Iterable[Mapping[str, Any]] = ()) -> dict[str, str]:
    """Story id for each new document: {doc_id: story_id}, in memory.

    ``new_docs``: dicts with doc_id, title, text, content_hash, published_at, source_id. ``existing``: stored
    documents, the same dicts plus ``story_id``."""
    stored = [dict(d) for d in existing]
    lookup = MemoryLookup([as_doc(d) for d in stored],
                          stories={str(d["doc_id"]): str(d.get("story_id") or f"s-{d['doc_id']}") for d in stored})
    return assign([dict(d) for d in new_docs], lookup).stories
