"""All training items' features as one sparse matrix, built once per training run.

Cross-validation fits the same logistic regression on many row subsets (about 170 fits per `planwatch train`).
Each fit's vocabulary depends on its rows (an n-gram is a column when it occurs in at least MIN_DF of them), so
the first build turned the feature dicts into a new matrix for every fit: 3/4 of the training time went to that
Python loop. Here every key is a column once (sorted, so a fit's columns come out in the order a matrix built
from its own rows' sorted vocabulary has); a fit takes its rows, counts each column's documents among them,
keeps the columns the vocabulary rule keeps and slices them. The matrix a fit sees holds the same values in
the same order as before, so the fitted weights are the same (checked against the dict path in
tests/classify/test_design_matrix.py, and by the shipped model's reproduction test).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

NGRAM_PREFIXES = ("t:", "b:")


@dataclass(frozen=True)
class Design:
    values: Any     # CSR, items x keys: the feature values (zeros not stored)
    present: Any    # CSR, items x keys: 1 where the item's features hold the key (with value 0 too)
    vocab: list[str]
    ngram: Any      # bool per column: a title or body n-gram
    activity: Any   # bool per column: read by the activity model only

    @classmethod
    def of(cls, X: Sequence[dict[str, float]], activity_only: Callable[[str], bool]) -> Design:
        import numpy as np
        from scipy.sparse import csr_matrix

        vocab = sorted({k for x in X for k in x})
        col = {k: j for j, k in enumerate(vocab)}
        data, rows, cols = [], [], []
        for r, x in enumerate(X):
            for k, v in x.items():
                data.append(v)
                rows.append(r)
                cols.append(col[k])
        shape = (len(X), len(vocab))
        present = csr_matrix(([1.0] * len(data), (rows, cols)), shape=shape)
        values = csr_matrix((data, (rows, cols)), shape=shape)
        values.eliminate_zeros()
        return cls(values, present, vocab, np.array([k.startswith(NGRAM_PREFIXES) for k in vocab], dtype=bool),
                   np.array([activity_only(k) for k in vocab], dtype=bool))

    def columns(self, rows: Any, *, min_df: int, ngrams: bool, activity: bool = False) -> Any:
        """The columns a fit on `rows` uses (training's vocabulary rule): every key present in them, n-grams
        only when present in at least `min_df` of them (none when `ngrams` is off), activity-only keys only
        for the activity model."""
        import numpy as np

        df = np.asarray(self.present[rows].sum(axis=0)).ravel()
        keep = (df > 0) & ~self.ngram
        if ngrams:
            keep |= (df >= min_df) & self.ngram
        if not activity:
            keep &= ~self.activity
        return np.flatnonzero(keep)

    def block(self, rows: Any, cols: Any) -> Any:
        """The values of `rows` x `cols`, as the fit reads them."""
        return self.values[rows][:, cols]
