"""The no-training-term tool (tests.quality.term_cv): which pages lack every term of a set, and the rule "reject a
lacking page below tau2" never removes a relevant item where tau2 is chosen; its threshold figures are group_cv's."""

from __future__ import annotations

import random

from classifiers.corpus import Item
from classifiers.scoring import Hit
from tests.quality import group_cv as G
from tests.quality import term_cv as TC


def _hit(cat: str, key: str) -> Hit:
    return Hit(cat, key, 1.0, "body", 0, 0)


def test_a_page_lacks_a_set_only_without_any_of_its_terms() -> None:
    spec = TC.SETS["+qualification"]
    assert TC.lacks({}, spec)
    assert TC.lacks({"sector": [_hit("sector", "mam non")],
                     "feature:what_professional": [_hit("feature:what_professional", "phuong phap")]}, spec)
    assert not TC.lacks({"feature:what_professional": [_hit("feature:what_professional", "thao giang")]}, spec)
    assert not TC.lacks({"action": [_hit("action", "tap huan")]}, spec)
    assert not TC.lacks({"project": [_hit("project", "de an 33")]}, TC.SETS["action+project"])
    assert not TC.lacks({"feature:what_professional": [_hit("feature:what_professional", "phuong phap")]},
                        TC.SETS["+what_professional"])


def test_tau2_is_the_lowest_surfaced_relevant_lacking_item() -> None:
    import numpy as np

    q = np.array([0.01, 0.05, 0.2, 0.03, 0.5])
    y = np.array([1, 1, 1, 0, 0])
    lack = np.array([True, True, False, True, True])
    assert TC.tau2(q, y, lack, 0.02) == 0.05      # the relevant item at 0.01 is below the threshold anyway
    assert TC.tau2(q, y, lack & (y == 0), 0.02) == 1.0


def _data(n: int = 60) -> tuple[G.Data, list[bool]]:
    rnd = random.Random(2)
    items, X, lack = [], [], []
    for i in range(n):
        rel = i % 3 == 0
        items.append(Item(id=f"i{i}", doc={"url": f"https://o{i % 6}.vn/a{i}"}, relevant=rel,
                          activity="2b" if rel else None, split="train", source=f"file{i % 4}",
                          label={"borderline": False}))
        X.append({"r:score": rnd.random() + (1.0 if rel else 0.0), "t:word": 1.0, f"b:w{i % 3}": 1.0})
        lack.append(i % 2 == 0)
    return G.build(items, X), lack


def test_the_rule_removes_no_relevant_item_pooled_and_keeps_group_cvs_figures() -> None:
    import numpy as np

    d, lack = _data()
    cand = G.Candidate()
    out = TC.rule(d, np.array(lack), "stratified", cand)
    base = G.pooled(d, "stratified", cand)
    assert out["pooled"]["rule_removes_relevant"] == 0
    assert out["pooled"]["relevant_lost"] == base["relevant_lost"]
    assert out["pooled"]["irrelevant_left"] == base["irrelevant_left"]
    assert out["pooled"]["tau2"] >= out["pooled"]["threshold"]
    nested = G.nested(d, "file", cand)
    none = TC.rule(d, np.zeros(len(lack), dtype=bool), "file", cand)
    assert none["nested"]["relevant_lost"] == nested["relevant_lost"]
    assert none["nested"]["irrelevant_left"] == nested["irrelevant_left"]
    assert none["nested"]["rule_removes_irrelevant"] == none["nested"]["rule_removes_relevant"] == 0
