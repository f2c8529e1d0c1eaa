"""Texts of the bench's grown documents (bench_pipeline.grow_warehouse): stories of their own, not copies.

A copy of a stored document that keeps its text joins its original's story, so a warehouse grown by copies has
stories N times larger than the crawled ones (554 members at 100,000 documents against 95 at 5,000 in the sixteenth
session): the dedupe and the lake's story expansion then measure story size, not archive size. Here each round of
copies rewrites every word of the title, lead and text through a bijection of the crawled corpus's vocabulary,
taken on the folded word (what pipeline.minhash and the boilerplate paragraphs see: marks removed, lower case) and
one permutation per round. So

- a round's copies are the crawled corpus again under other words: the same stories among themselves (a copy's
  story is its original's story's copy, the same size), the same boilerplate counts, the same lengths;
- a copy shares almost no shingle with its original, nor with another round's copies (words are permuted within
  blocks of similar frequency, so a frequent word becomes another frequent word: the search index's terms and the
  texts' statistics stay those of the real vocabulary, and no new vocabulary appears).

Punctuation, spacing and line breaks are kept; a word's first capital (or all capitals) is carried over.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from planwatch.core.text import fold_joined

WORD = re.compile(r"(\w+)")
BLOCK = 64  # words of similar frequency permuted among themselves


def _cased(word: str, like: str) -> str:
    if len(like) > 1 and like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class Rewriter:
    """The vocabulary of the given texts, and each copy round's rewriting of a text in it."""

    def __init__(self, texts: Iterable[str | None]) -> None:
        surfaces: Counter[str] = Counter()
        for text in texts:
            if text:
                surfaces.update(WORD.findall(text))
        self.key_of: dict[str, str] = {}
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        for surface, n in surfaces.items():
            key = self.key_of[surface] = fold_joined(surface)
            spellings[key][surface.lower()] += n
        # a folded word's spelling: its most frequent lower-case surface (ties: the smallest)
        self.spelling = {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in spellings.items()}
        freq = {k: sum(c.values()) for k, c in spellings.items()}
        self.ranked = sorted(freq, key=lambda k: (-freq[k], k))
        self._rounds: dict[int, dict[str, str]] = {}

    def mapping(self, round_no: int) -> dict[str, str]:
        """Surface word -> its rewriting in this round (a bijection of the folded words within frequency blocks)."""
        if round_no not in self._rounds:
            rng = random.Random(f"grown-texts-{round_no}")
            image: dict[str, str] = {}
            for start in range(0, len(self.ranked), BLOCK):
                block = self.ranked[start : start + BLOCK]
                shuffled = block[:]
                rng.shuffle(shuffled)
                image.update(zip(block, shuffled, strict=True))
            self._rounds[round_no] = {s: _cased(self.spelling[image[k]], s) for s, k in self.key_of.items()}
        return self._rounds[round_no]

    def rewrite(self, text: str | None, round_no: int) -> str | None:
        if not text:
            return text
        table = self.mapping(round_no)
        parts = WORD.split(text)
        parts[1::2] = [table.get(w, w) for w in parts[1::2]]
        return "".join(parts)
