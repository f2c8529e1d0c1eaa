"""Folding a long text by one table lookup a UTF-16 code unit (planwatch.core.text.unit_folds, issue 16) gives
what the former construction gives: NFD of the whole text, then _drop_marks. Checked character by character over
the BMP, and on news texts and texts built to break it (marks to reorder, Hangul, characters beyond the BMP, a lone
surrogate, \\r, letters whose lower case is two characters)."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest

from planwatch.core import text as core_text
from planwatch.core.text import fold, fold_keep_spacing, unit_folds

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _former_keep_spacing(text: str) -> str:
    return core_text._drop_marks(unicodedata.normalize("NFD", text.replace("\r", "\n").lower())) if text else ""


def _former_fold(text: str) -> str:
    if not text:
        return ""
    return core_text._HSPACE_TO_REWRITE.sub(" ", core_text._drop_marks(unicodedata.normalize("NFD", text.lower())))


def test_the_table_holds_each_characters_fold() -> None:
    table = unit_folds()
    several = 0
    for cp in range(0x10000):
        folded = core_text._drop_marks(unicodedata.normalize("NFD", chr(cp))) if not 0xD800 <= cp < 0xE000 else None
        value = int(table[cp])
        if value == -2:  # the text goes the former way
            several += 1
            assert folded is None or len(folded) > 1, hex(cp)
        else:
            assert folded == (chr(value) if value >= 0 else ""), hex(cp)
    assert several > 11_000  # the Hangul syllables and the surrogates
    assert table[ord("ế")] == ord("e") and table[ord("đ")] == ord("d") and table[0x0301] == -1


def _texts() -> list[str]:
    path = SHARED / "corpora" / "vietnews-sample.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpora not present")
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in list(fh)[:400]]
    return [t for r in rows for t in (r["title"], r["text"])]


def test_folding_long_texts_by_the_table_is_the_former_fold() -> None:
    texts = _texts()
    rng = random.Random(16)
    extra = [chr(c) for c in range(0x300, 0x370)] + ["\u0323\u0302", "\u0e48", "\u05b0", "đ", "Đ", "\r", "\r\n", "가",
                                                      "\U0001d15e", "\U0001f600", "İ", "Σ", "ΑΣ ", "\ud800", "\ufb01",
                                                      "\u2adc", "\u0f73", "\u00a0 \t"]
    built = []
    for _ in range(3000):
        chars = list(rng.choice(texts)[: rng.randint(0, 700)])
        for _ in range(rng.randint(0, 25)):
            chars.insert(rng.randint(0, len(chars)), rng.choice([*extra, chr(rng.randrange(32, 55296))]))
        built.append("".join(chars))
    before = unit_folds.cache_info().hits
    for text in [*texts, *built, "", "a" * 300, "Đ" * 300]:
        assert fold_keep_spacing(text) == _former_keep_spacing(text), repr(text[:80])
        assert fold(text) == _former_fold(text), repr(text[:80])
    assert unit_folds.cache_info().hits - before > 2000  # the table's way was taken on most long texts
