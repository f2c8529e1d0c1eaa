"""The prefilter's pattern that starts with one character class (classifiers.prefilter.charset_pattern, issue 16)
finds what the plain alternation of the terms finds: the same matches at the same places, so the same
candidates and the same `prefilter_hit`. Checked on real news text, every plan's terms, and text built to
break it (NFD, capitals, tone marks on every letter, terms glued to words, dashes)."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

import pytest

from classifiers.lexicon import load_lexicon
from classifiers.prefilter import Prefilter, charset_pattern, minimal_keys, plain_pattern
from pipeline.plans import list_plans, load_plan

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _plans_keys() -> list[list[str]]:
    keys = []
    for name in list_plans():
        plan = load_plan(name)
        keys.append(minimal_keys(load_lexicon(plan.lexicon, plan.activity_ids).prefilter_keys))
    return keys


def _news() -> list[str]:
    texts: list[str] = []
    for name in ("vietnews-sample.jsonl", "vietnews-mamnon-dev.jsonl"):
        path = SHARED / "corpora" / name
        if not path.exists():
            pytest.skip("../shared/corpora not present")
        with open(path, encoding="utf-8") as fh:  # by "\n" only: the texts hold other line separators
            rows = [json.loads(x) for x in fh if x.strip()]
        texts += [t for r in rows[:800] for t in (r["title"], r["text"])]
    return texts


def _built(keys: list[str]) -> list[str]:
    """The terms themselves in many shapes, glued to words, cut, with marks, in NFD and in capitals."""
    rng = random.Random(16)
    marks = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", ""]
    out: list[str] = []
    for key in keys:
        bare = key.replace("[", "").replace("]", "")
        for _ in range(30):
            word = "".join(c + rng.choice(marks) if c.isalpha() and rng.random() < 0.4 else c for c in bare)
            word = "".join(c.upper() if rng.random() < 0.3 else c for c in word)
            word = word.replace("-", rng.choice(["-", " – ", "‑", "—"])).replace(" ", rng.choice([" ", "  ", "\n"]))
            left, right = rng.choice(["", " ", "x", "(", "đ", "5", "ạ"]), rng.choice(["", " ", "x", ".", "̀", "9"])
            text = f"Tin {left}{word}{right} hôm nay {word[: len(word) // 2]} và {word}"
            out += [text, unicodedata.normalize("NFD", text), unicodedata.normalize("NFC", text)]
    return out


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("plan_keys", _plans_keys(), ids=list_plans())
def test_the_charset_pattern_matches_what_the_plain_alternation_matches(plan_keys: list[str]) -> None:
    fast, plain = charset_pattern(plan_keys), plain_pattern(plan_keys)
    assert fast is not None and fast.pattern.startswith("[")  # every plan's terms take the fast form
    texts = _news() + _built(plan_keys)
    hits = 0
    for text in texts:
        spans = _spans(plain, text)
        assert _spans(fast, text) == spans, text[:200]
        hits += bool(spans)
    assert hits > len(texts) // 10  # the terms were found in many of them, not in none
    assert Prefilter(fast, tuple(plan_keys)).first_hit("x", "Trẻ MẦM NON") == "mam non" or "mam non" not in plan_keys


def test_terms_the_fast_form_cannot_take_fall_back_to_the_plain_alternation() -> None:
    assert charset_pattern(["[so] 33"]) is None  # starts with an optional word
    assert charset_pattern(["x"]) is None  # one letter: nothing after its marks
    keys = ["mam non", "mau giao", "nha tre", "3-6 tuoi", "33/qd-ttg"]
    fast = charset_pattern(keys)
    assert fast is not None
    text = "Mầm non, MẪU GIÁO và nhà trẻ (3–6 tuổi), Quyết định 33/QĐ-TTg; mầmnon, amam non, 23-6 tuổi"
    assert [m.group(0) for m in fast.finditer(text)] == [m.group(0) for m in plain_pattern(keys).finditer(text)]
    assert [m.group(0) for m in fast.finditer(text)] == ["Mầm non", "MẪU GIÁO", "nhà trẻ", "3–6 tuổi", "33/QĐ-TTg"]
