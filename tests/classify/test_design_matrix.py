"""Fits on one design matrix (classifiers.design_matrix) equal the first build's fits on a matrix made from each
fit's own feature dicts (tests/classify/training_reference.py): same columns, same weights, same bias."""

from __future__ import annotations

import random

from classifiers import training as T
from tests.classify import training_reference as R


def _items(n: int = 90, seed: int = 0) -> tuple[list[dict[str, float]], list[int], list[str], list[float]]:
    rnd = random.Random(seed)
    X, y, act, w = [], [], [], []
    for i in range(n):
        rel = i % 3 == 0
        x = {"r:score": rnd.random() + (1.0 if rel else 0.0), "z:sector:title": float(rnd.random() < 0.7),
             "k:what|chuyen mon": rnd.choice([0.0, 1.0, 2.0]),   # present with value 0 in some items
             f"t:w{rnd.randrange(40)}": 1.0, f"b:w{rnd.randrange(60)}": rnd.random(), f"b:rare{i}": 1.0,
             "ac:percent:lead": float(i % 4 == 0), f"z:feature:act_orientation:{rnd.choice(['lead', 'body'])}": 1.0}
        if i % 5 == 0:
            x["b:zero"] = 0.0  # an n-gram key held with value 0 counts toward its documents, as before
        X.append(x)
        y.append(int(rel))
        act.append(rnd.choice(["1", "2a", "2b"]))
        w.append(rnd.choice([0.5, 1.0, 1.0, 2.0]))
    return X, y, act, w


def test_vocabulary_is_the_first_build_s_rule() -> None:
    X, *_ = _items()
    for rows in (list(range(90)), list(range(0, 90, 3)), [5, 6, 7]):
        sub = [X[i] for i in rows]
        assert T._vocabulary(sub) == R.vocabulary(sub)
        assert T._vocabulary(sub, activity=True) == R.vocabulary(sub, activity=True)
    assert "b:zero" in T._vocabulary(X)  # in 18 items, all of them with value 0


def test_fold_fits_on_one_matrix_equal_the_fits_on_each_fold_s_own_matrix() -> None:
    X, y, _, w = _items()
    d = T.design(X)
    for tr, _te in T._folds(y, 5, seed=1):
        for C, pw, scale in ((0.3, 1.0, T.NGRAM_SCALE), (1.0, 30.0, 0.45)):
            got = T.fit_relevance_rows(d, tr, [y[i] for i in tr], [w[i] for i in tr], C, pw, scale)
            ref = R.fit_relevance([X[i] for i in tr], [y[i] for i in tr], [w[i] for i in tr], C, pw, scale)
            assert got == ref


def test_activity_fits_on_one_matrix_equal_the_first_build_s() -> None:
    X, _, act, w = _items()
    d = T.design(X)
    rows = list(range(10, 80))
    got = T.fit_activity_rows(d, rows, [act[i] for i in rows], [w[i] for i in rows], 1.0)
    ref = R.fit_activity([X[i] for i in rows], [act[i] for i in rows], [w[i] for i in rows], 1.0)
    assert got == ref
