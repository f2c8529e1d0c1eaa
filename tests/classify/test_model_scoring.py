"""The model's one-pass scoring (classifiers.model.Model._scored, issue 16, twelfth session) against the former way,
kept here as the reference: each part's sum over the set intersection of the page's features with its weights, and
top_features ranking every common term. The sums may differ in their last bits (another order of the same terms);
every output is rounded, and must come out the same. Checked on the features of real candidate pages
(../shared/corpora) and on built cases (int values, no reject part, no classes, a non-finite value, a features
dictionary changed between calls)."""

from __future__ import annotations

import heapq
import json
import math
from pathlib import Path
from typing import Any

from classifiers import classifier_input
from classifiers.model import Model, shipped_model_path
from tests.support.plan import PRIMARY_PLAN
from tests.support.real_candidates import primary_classifier_and_articles


def _sig(z: float) -> float:
    z = max(-50.0, min(50.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def _reference(m: Model, f: dict[str, float]) -> tuple[Any, ...]:
    """probability, reject_probability, activity_probabilities and top_features as classifiers.model had them."""
    def total(w: dict[str, float]) -> float:
        return sum([f[k] * w[k] for k in f.keys() & w.keys()])

    a, b = m.calibration
    p = _sig(a * (m.bias + total(m.weights)) + b)
    q = None
    if m.reject_weights is not None:
        ra, rb = m.reject_calibration
        q = _sig(ra * (m.reject_bias + total(m.reject_weights)) + rb)
    act: dict[str, float] = {}
    if m.classes:
        zs = {c: float(m.act_bias.get(c, 0.0)) + total(m.act_weights.get(c, {})) for c in m.classes}
        top = max(zs.values())
        exps = {c: math.exp(z - top) for c, z in zs.items()}
        act = {c: e / sum(exps.values()) for c, e in exps.items()}
    contrib = [(k, f[k], f[k] * m.weights[k]) for k in f.keys() & m.weights.keys()]
    best = heapq.nlargest(8, contrib, key=lambda t: (abs(t[2]), t[0]))
    tops = [{"feature": k, "value": round(v, 3), "contribution": round(c, 3)} for k, v, c in best if c]
    return p, q, act, tops


def _same(m: Model, f: dict[str, float]) -> None:
    p, q, act, tops = _reference(m, f)
    assert m.top_features(f) == tops
    assert round(m.probability(f), 4) == round(p, 4) and math.isclose(m.probability(f), p, rel_tol=1e-12)
    got_q = m.reject_probability(f)
    assert (got_q is None) == (q is None)
    if q is not None and got_q is not None:
        assert round(got_q, 4) == round(q, 4) and math.isclose(got_q, q, rel_tol=1e-12)
    got = m.activity_probabilities(f)
    assert list(got) == list(act)
    assert {c: round(v, 3) for c, v in got.items()} == {c: round(v, 3) for c, v in act.items()}
    assert all(math.isclose(got[c], act[c], rel_tol=1e-12, abs_tol=1e-15) for c in act)


def test_real_candidates_score_as_before() -> None:
    clf, rows = primary_classifier_and_articles(400)
    docs = [classifier_input({"id": r["id"], "title": r["title"], "text": r["text"]}) for r in rows]
    features = [clf.analyse(dict(d)).features for d in docs if clf.candidate_hit(d)]
    assert len(features) > 100
    for f in features:
        _same(clf.model, f)


def _built(tmp_path: Path, **parts: Any) -> Model:
    obj = {"format": 1, "plan": "p", "version": "m0",
           "relevance": {"bias": 0.25, "calibration": [1.5, -0.5],
                         "weights": {"a": 2.0, "b": -1.0, "c": 0.0, "d": 3.0, "e": 1.0, "f": -1.0}},
           "thresholds": {"accept": 0.9, "reject": 0.01}, **parts}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    return Model.load(path)


def test_built_models_and_features_score_as_before(tmp_path: Path) -> None:
    full = _built(tmp_path, reject={"bias": -1.0, "calibration": [2.0, 0.5], "weights": {"a": 3.0, "z": 1.0}},
                  activity={"classes": ["1", "2a"], "weights": {"1": {"a": 1.0, "y": 2.0}, "2a": {"b": 1.0}},
                            "bias": {"1": 0.5}})
    bare = _built(tmp_path)
    cases: list[dict[str, float]] = [
        {}, {"a": 1.0}, {"x": 1.0}, {"a": 2, "b": 3, "z": 1},  # ints keep their type in top_features
        {"c": 5.0, "a": 0.0}, {k: 1.0 for k in "abcdefxyz"},  # ties on |contribution|: broken by name
        {"a": 1e300, "d": 1e300, "b": -1e-300}, {"y": 1.0, "b": -0.0},
    ]
    for m in (full, bare):
        for f in cases:
            _same(m, f)
    f = {"a": 1.0, "b": 2.0}
    first = full.probability(f)
    f["a"] = 3.0  # the same dictionary, changed: scored again, not taken from the last call
    assert full.probability(f) != first
    _same(full, f)
    assert full.top_features({"a": 1.0, "d": 1.0}, n=1) == [{"feature": "d", "value": 1.0, "contribution": 3.0}]
    assert len(full.top_features({k: 1.0 for k in "abdef"}, n=20)) == 5  # more than kept: the sets' way


def test_a_non_finite_value_takes_the_former_way(tmp_path: Path) -> None:
    m = _built(tmp_path, reject={"bias": 0.0, "calibration": [1.0, 0.0], "weights": {"z": 1.0}})
    f = {"a": 1.0, "q": math.inf, "z": 0.5}  # "q" has no weight in any part: no NaN from 0.0 x inf
    p, q, _act, tops = _reference(m, f)
    assert m.probability(f) == p and m.reject_probability(f) == q and m.top_features(f) == tops


def test_the_shipped_model_scores_one_page_once_for_all_its_parts() -> None:
    m = Model.load(shipped_model_path(PRIMARY_PLAN))
    f = {k: 1.0 for k in list(m.weights)[:50]}
    m.probability(f)
    memo = m._cache["memo"]
    m.reject_probability(f), m.activity_probabilities(f), m.top_features(f)
    assert m._cache["memo"] is memo
