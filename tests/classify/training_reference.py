"""The first build's fit, which turned the feature dicts into a new matrix for every fit: kept as the reference
that classifiers.training's fits on one design matrix (classifiers.design_matrix) must equal, and as the
baseline of bench/bench_train.py. Test-only."""

from __future__ import annotations

from collections import Counter
from typing import Any

from classifiers import training as T


def vocabulary(X: list[dict[str, float]], activity: bool = False) -> set[str]:
    df: Counter[str] = Counter()
    for x in X:
        df.update(x.keys())
    if not activity:
        df = Counter({k: c for k, c in df.items() if not T.activity_only(k)})
    if T.NGRAM_SCALE <= 0:
        return {k for k in df if not k.startswith(("t:", "b:"))}
    return {k for k, c in df.items() if c >= T.MIN_DF or not k.startswith(("t:", "b:"))}


def matrix(X: list[dict[str, float]], vocab: list[str]) -> Any:
    from scipy.sparse import csr_matrix

    col = {k: i for i, k in enumerate(vocab)}
    data, rows, cols = [], [], []
    for r, x in enumerate(X):
        for k, v in x.items():
            j = col.get(k)
            if j is not None and v:
                data.append(v)
                rows.append(r)
                cols.append(j)
    return csr_matrix((data, (rows, cols)), shape=(len(X), len(vocab)))


def scaled(M: Any, vocab: list[str], ngram_scale: float = T.NGRAM_SCALE, activity_scale: float = 1.0
           ) -> tuple[Any, Any]:
    import numpy as np

    ngram = np.array([k.startswith(("t:", "b:")) for k in vocab])
    act = np.array([T.activity_only(k) for k in vocab])
    return T._scaled(M, ngram, act, ngram_scale, activity_scale)


def fit_relevance(X: list[dict[str, float]], y: list[int], w: list[float], C: float,
                  positive_weight: float = 1.0, ngram_scale: float = T.NGRAM_SCALE) -> tuple[dict[str, float], float]:
    vocab = sorted(vocabulary(X))
    M, scale = scaled(matrix(X, vocab), vocab, ngram_scale)
    lr = T.relevance_regression(C, y, positive_weight)
    lr.fit(M, y, sample_weight=w)
    coef = lr.coef_[0] / scale
    return {k: float(c) for k, c in zip(vocab, coef, strict=True) if abs(c) > 1e-6}, float(lr.intercept_[0])


def fit_activity(X: list[dict[str, float]], y: list[str], w: list[float], C: float
                 ) -> tuple[list[str], dict[str, dict[str, float]], dict[str, float]]:
    from sklearn.linear_model import LogisticRegression

    vocab = sorted(vocabulary(X, activity=True))
    M, scale = scaled(matrix(X, vocab), vocab, activity_scale=T.ACTIVITY_FEATURE_SCALE)
    lr = LogisticRegression(C=C, class_weight="balanced", solver="lbfgs", max_iter=3000)
    lr.fit(M, y, sample_weight=w)
    classes = [str(c) for c in lr.classes_]
    coefs = lr.coef_ if len(classes) > 2 else [-lr.coef_[0], lr.coef_[0]]
    intercepts = lr.intercept_ if len(classes) > 2 else [-lr.intercept_[0], lr.intercept_[0]]
    weights = {c: {k: float(v) for k, v in zip(vocab, row / scale, strict=True) if abs(v) > 1e-6}
               for c, row in zip(classes, coefs, strict=True)}
    return classes, weights, {c: float(b) for c, b in zip(classes, intercepts, strict=True)}
