"""The candidate path's faster forms give what the former forms gave (sixteenth session, speed14):
syllables from one re.split, the diacritics share counted from those syllables, the trie walk over compiled
nodes, and Model.outputs against its four calls."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest

from classifiers.lexicon import Lexicon, load_lexicon
from classifiers.matcher import (
    _BREAK,
    _END,
    SYLLABLE,
    Found,
    Matcher,
    Syllables,
    has_diacritics,
    has_diacritics_split,
    leftmost_longest,
)
from classifiers.model import Model
from classifiers.scoring import Hit, pairs
from pipeline.plans import list_plans, load_plan
from tests.classify.test_model_scoring import _built
from tests.support.real_candidates import primary_classifier_and_articles

TEXTS = [
    "", " ", "a", "1BÀI", "giáo_viên mầm non", "Năm 2018 – 2025: 3.000 lượt giáo viên; 45% đạt chuẩn.",
    "  Đề án 33/QĐ-TTg ... bồi dưỡng\nthường xuyên! ", "x²3 Ⅳ ½ ß İstanbul ǅ", "hoà ÷ 12ab a12 _3 3_",
    "Lớp bồi dưỡng.Giáo viên", "\n\n", "ĐÀO TẠO, BỒI DƯỠNG giáo viên mầm non",
]


def _reference_syllables(text: str) -> tuple[list[int], list[int], list[str], list[bool]]:
    """Syllables.of as it was: spans from finditer on the lower-cased text (or on the text when lower-casing
    changes its length)."""
    low = text.lower()
    spans = [m.span() for m in SYLLABLE.finditer(text if len(low) != len(text) else low)]
    exact = [text[s:e].lower() for s, e in spans] if len(low) != len(text) else SYLLABLE.findall(low)
    starts = [s for s, _ in spans]
    breaks = [False] * len(starts)
    for m in _BREAK.finditer(text):
        j = next((k for k, s in enumerate(starts) if s >= m.start()), len(starts))
        if j < len(breaks):
            breaks[j] = True
    return starts, [e for _, e in spans], exact, breaks


@pytest.mark.parametrize("text", TEXTS)
def test_syllables_from_the_split_are_the_former_ones(text: str) -> None:
    syl = Syllables.of(text)
    assert (syl.starts, syl.ends, syl.exact, syl.breaks) == _reference_syllables(text)


def test_lower_casing_keeps_every_characters_class() -> None:
    """Syllables.of splits the lower-cased text and has_diacritics_split counts those syllables for the text
    itself: the same count only because no character changes class (letter, digit, other) when lower-cased."""
    letter, digit = re.compile(r"[^\W\d_]"), re.compile(r"\d")

    def kind(c: str) -> int:
        return 1 if letter.match(c) else 2 if digit.match(c) else 0

    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            assert kind(c) == kind(low), hex(cp)


def test_the_diacritics_share_from_syllables_is_the_former_one() -> None:
    long_marked = "giáo viên " * 1999 + "mầm non " * 10  # longer than the 20,000 characters read, cut in a word
    long_plain = "giao vien " * 2500 + "mầm non đào tạo " * 400
    cases = [*([t] for t in TEXTS), ["Giao vien mam non", "dao tao boi duong", "nam 2025"],
             ["Tiêu đề", "", "noi dung khong dau 1 2 3 4"], [long_marked], [long_plain], [long_plain[:19999] + "ỳ"]]
    for texts in cases:
        assert has_diacritics_split((t, Syllables.of(t)) for t in texts) == has_diacritics(*texts), texts[:1]


def _reference_find(m: Matcher, syl: Syllables, folded: bool) -> list[Found]:
    """Matcher.find as it was: a walk over the dictionary tries."""
    words = syl.folded if folded else syl.exact
    root = m.folded if folded else m.exact
    out = []
    for i in range(len(words)):
        node, j = root.get(words[i]), i
        while node is not None:
            for t in node.get(_END, []):
                out.append(Found(t, i, j, syl.starts[i], syl.ends[j]))
            j += 1
            if j >= len(words) or syl.breaks[j]:
                break
            node = node.get(words[j])
    return out


def _reference_leftmost_longest(found: list[Found]) -> list[Found]:
    kept, upto = [], -1
    for f in sorted(found, key=lambda f: (f.first, -f.last)):
        if f.first > upto:
            kept.append(f)
            upto = f.last
    return kept


def test_the_walk_over_compiled_nodes_finds_what_the_dictionary_walk_found() -> None:
    m = Matcher(["giáo viên", "giáo viên mầm non", "mầm non", "đào tạo, bồi dưỡng", "bồi dưỡng",
                 "bồi dưỡng thường xuyên", "Đề án 33", "quyết định [số] 33", "2018 – 2025", "giáo"])
    for text in [*TEXTS, "Quyết định số 33 và quyết định 33: bồi dưỡng thường xuyên cho giáo viên mầm non.",
                 "giao vien mam non, dao tao boi duong. Giáo viên mầm non"]:
        syl = Syllables.of(text)
        for folded in (False, True):
            got = m.find(syl, folded=folded)
            assert got == _reference_find(m, syl, folded)
            for part in (got, got[:1], got[1:2]):
                assert leftmost_longest(part) == _reference_leftmost_longest(part)


def _four_calls(m: Model, f: dict[str, float]) -> tuple[object, ...]:
    m._cache.pop("memo", None)
    return m.probability(f), m.reject_probability(f), m.activity_probabilities(f), m.top_features(f)


def test_outputs_equal_the_four_calls(tmp_path: Path) -> None:
    full = _built(tmp_path, reject={"bias": -1.0, "calibration": [2.0, 0.5], "weights": {"a": 3.0, "z": 1.0}},
                  activity={"classes": ["1", "2a"], "weights": {"1": {"a": 1.0, "y": 2.0}, "2a": {"b": 1.0}},
                            "bias": {"1": 0.5}})
    bare = _built(tmp_path)
    cases: list[dict[str, float]] = [{}, {"a": 1.0}, {"x": 1.0}, {"a": 2, "b": 3, "z": 1},
                                     {k: 1.0 for k in "abcdefxyz"}, {"a": 1.0, "q": math.inf, "z": 0.5}]
    for m in (full, bare):
        for f in cases:
            assert tuple(m.outputs(f)) == _four_calls(m, f)
    full.outputs({"a": 1.0})
    assert "memo" not in full._cache  # one question a page: nothing kept


def test_outputs_on_real_candidates() -> None:
    clf, rows = primary_classifier_and_articles(60)
    for r in rows:
        f = clf.analyse(r).features
        assert tuple(clf.model.outputs(f)) == _four_calls(clf.model, f)


def _reference_pairs(actions: list[Hit], subjects: list[Hit], lex: Lexicon) -> tuple[float, list[dict[str, object]]]:
    """scoring.pairs as it was: every subject of the list tested against every action."""
    n = int(lex.t("proximity_tokens"))
    found = []
    for a in actions:
        near = [s for s in subjects if s.zone == a.zone and abs(s.token - a.token) <= n]
        if not near:
            continue
        cats = {s.category for s in near}
        zw = lex.zone_weights[a.zone]
        value = lex.t("pair_weight") * zw + (lex.t("triple_bonus") * zw if {"sector", "people"} <= cats else 0.0)
        closest = min(near, key=lambda s, a=a: abs(s.token - a.token))  # type: ignore[misc]
        found.append((value, {"action": a.key, "subject": closest.key, "zone": a.zone,
                              "distance": abs(closest.token - a.token), "value": round(value, 3)}))
    found.sort(key=lambda x: -x[0])
    kept = found[: int(lex.t("max_pairs"))]
    return sum(v for v, _ in kept), [e for _, e in kept]


def test_pairs_by_runs_of_tokens_are_the_former_pairs() -> None:
    from tests.support.plan import PRIMARY_PLAN

    lex = next(load_lexicon(load_plan(p).lexicon, load_plan(p).activity_ids) for p in list_plans()
               if load_plan(p).id == PRIMARY_PLAN)
    rnd = random.Random(14)
    zones = ("title", "lead", "body")
    for _ in range(300):
        def hits(cat: str, k: int) -> list[Hit]:
            out = [Hit(cat, f"{cat}{rnd.randrange(4)}", 1.0, rnd.choice(zones), 0, rnd.randrange(60))
                   for _ in range(rnd.randrange(k))]
            return out if rnd.random() < 0.3 else sorted(out, key=lambda h: (zones.index(h.zone), h.token))
        actions, sector, people = hits("action", 8), hits("sector", 10), hits("people", 10)
        assert pairs(actions, sector + people, lex) == _reference_pairs(actions, sector + people, lex)
