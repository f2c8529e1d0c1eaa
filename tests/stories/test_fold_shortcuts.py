"""The story signatures' shortcuts of issue 16 (workercpu) give what the plain ways give: the paragraphs of a text
without splitting lines whose spacing is already single (pipeline.boilerplate.paragraphs and extraction's body
lines, through planwatch.core.text.clean_lines), and word hashes
computed on a dictionary miss (pipeline.minhash.WordHasher). Checked on real news texts, as extraction leaves them
and raw, and on text built to break them."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import numpy as np
import pytest

from pipeline import boilerplate, minhash
from pipeline.normalize import normalize_text
from planwatch.core import text as core_text
from planwatch.core.text import fold_keep_spacing

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _reference_paragraphs(text: str | None) -> list[tuple[int, str]]:
    """boilerplate.paragraphs as it was: every line split into words and joined again."""
    out = []
    for line in fold_keep_spacing(text).split("\n"):
        folded = " ".join(line.split())
        if folded:
            out.append((boilerplate.paragraph_hash(folded), folded))
    return out


def _news() -> list[str]:
    path = SHARED / "corpora" / "vietnews-sample.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpora not present")
    with open(path, encoding="utf-8") as fh:  # by "\n" only: the texts hold other line separators
        rows = [json.loads(x) for x in fh if x.strip()][:600]
    return [t for r in rows for t in (r["title"], r["text"])]


def _built() -> list[str]:
    rng = random.Random(16)
    pieces = ["Giáo dục", "mầm non", " ", "  ", "\n", "\n\n", " \n", "\n ", "\t", "\u00a0", "\u2028", "\u3000", "\r",
              "\u0301", " \u0301 ", "\x1c", "\u200b", "Đ", "đề án", "x", ".", "\u2003"]
    out = ["", " ", "\n", "a", " a", "a ", "a  b", "a\n b", "a \nb", "\u0301", "a \u0301 b", "\u00a0a", "a\u2029b"]
    out += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    return out


def test_paragraphs_are_the_same_with_and_without_the_spacing_shortcut() -> None:
    texts = _news()
    cases = [*texts, *(normalize_text(t) for t in texts), *_built()]
    shortcut = 0
    for text in cases:
        assert boilerplate.paragraphs(text) == _reference_paragraphs(text), repr(text[:120])
        shortcut += core_text.single_spaced(fold_keep_spacing(text))
        lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]  # extract_body's, before
        assert core_text.clean_lines(text) == lines, repr(text[:120])
    assert 0 < shortcut < len(cases)  # both paths were taken


def test_the_other_spaces_are_every_space_str_split_knows_but_space_and_newline() -> None:
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()} - {" ", "\n"}
    assert {chr(c) for c in range(0x110000) if core_text.OTHER_SPACE.match(chr(c))} == spaces


def test_word_hashes_are_the_blake2b_of_each_word_whatever_the_cache_holds() -> None:
    def reference(words: list[str]) -> np.ndarray:
        return np.array([int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little")
                         for w in words], dtype=np.uint64)

    hasher = minhash.WordHasher()
    texts = _news()[:200]
    for text in [*texts, *texts]:  # the second round reads every word from the cache
        words = minhash.words(text)
        got = hasher(words)
        assert got.dtype == np.uint64 and np.array_equal(got, reference(words))
    assert len(hasher(["a", "a", "b"])) == 3 and len(hasher([])) == 0
    hasher._cache.clear()
    assert np.array_equal(hasher(["mam", "non"]), reference(["mam", "non"]))
