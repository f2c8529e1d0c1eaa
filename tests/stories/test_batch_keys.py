"""The batch's own keys and paragraphs looked at in bulk (issue 16, session 11) give what the former per-key and
per-paragraph Python did: the documents sharing a key, and the paragraphs the boilerplate rule can change."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import numpy as np

from pipeline.stories import FEWEST, _batch_counts, _BatchBands, _may_become, _merged, _occurrences, _rule
from pipeline.syndication import Doc


def _reference_hits(ids: list[str], keys: np.ndarray, asking: dict[str, np.ndarray]) -> dict[str, set[str]]:
    """The former way: a set of batch documents per key, then each asking document's keys looked up."""
    bands: dict[int, set[str]] = defaultdict(set)
    for doc_id, row in zip(ids, keys, strict=True):
        for key in row.tolist():
            bands[key].add(doc_id)
    return {d: {o for key in row.tolist() for o in bands.get(key, ())} - {d} for d, row in asking.items()}


def test_batch_hits_are_the_documents_sharing_a_key_with_each() -> None:
    rng = random.Random(7)
    for _ in range(40):
        n, width = rng.randint(0, 30), rng.choice([1, 3, 8])
        # few distinct values: keys shared between documents, and repeated within one document's row
        keys = np.array([[rng.randrange(2**64 - 8, 2**64) if rng.random() < 0.3 else rng.randrange(60)
                          for _ in range(width)] for _ in range(n)], dtype=np.uint64).reshape(n, width)
        ids = [f"d{i}" for i in range(n)]
        asking = {d: keys[i] for i, d in enumerate(ids) if rng.random() < 0.7}
        outside = {f"x{j}": np.array([rng.randrange(80) for _ in range(width)], dtype=np.uint64) for j in range(5)}
        index = _BatchBands(ids, keys)
        for query in (asking, outside, {**asking, **outside}, {}):
            assert index.hits(query) == _reference_hits(ids, keys, query)
    # a key only the asking document carries, even twice, finds nothing; a key two share finds the other one
    keys = np.array([[5, 5], [6, 7], [7, 9]], dtype=np.uint64)
    hits = _BatchBands(["a", "b", "c"], keys).hits({"a": keys[0], "b": keys[1], "c": keys[2]})
    assert hits == {"a": set(), "b": {"c"}, "c": {"b"}}


def _doc(i: int, rng: random.Random) -> Doc:
    lines = [rng.choice(["tin moi nhat hom nay", "anh minh hoa cho bai", "chia se bai viet nay",
                         f"doan rieng so {i} cua bai {rng.random()}", "ngan",
                         f"mot doan khac {rng.randrange(4)} o day"])
             for _ in range(rng.randint(0, 6))]
    day = dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=rng.randrange(120))
    return Doc(doc_id=f"d{i}", text="\n".join(lines), published=day if rng.random() < 0.8 else None,
               source_id=rng.choice(["a", "b", "c", None]))


def test_only_paragraphs_in_enough_documents_are_looked_at_and_the_rule_agrees() -> None:
    rng = random.Random(11)
    for _ in range(30):
        docs = [_doc(i, rng) for i in range(rng.randint(0, 25))]
        own = _occurrences(docs)
        counts = _batch_counts(docs)
        assert counts == {h: sum(len(ids) for ids, _ in per.values()) for h, per in own.items()}
        stored = {h: {rng.choice(["a", "b", None]): (rng.randint(1, 3), {rng.randrange(5)})}
                  for h in rng.sample(sorted(own), k=len(own) // 3)}
        stored[rng.randrange(2**63)] = {"a": (FEWEST, {1})}  # stored only (a re-extracted document's paragraph)
        paras = set(own) | set(stored)
        former = {h for h in paras if (h in stored or h in own)
                  and sum(n for n, _ in stored.get(h, {}).values()) + counts.get(h, 0) >= FEWEST
                  and _rule(_merged(stored.get(h), own.get(h, {})))}
        possible = _may_become(stored, counts)
        assert possible == {h for h in paras
                            if sum(n for n, _ in stored.get(h, {}).values()) + counts.get(h, 0) >= FEWEST}
        few = _occurrences(docs, possible)
        assert few == {h: per for h, per in own.items() if h in possible}
        assert {h for h in possible if _rule(_merged(stored.get(h), few.get(h, {})))} == former
