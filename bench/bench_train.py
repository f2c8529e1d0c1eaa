"""Cost of `planwatch train` (the learning of classifiers.training) on the repo's labelled data, against the first
build's fit in the same process.

Both runs fit the same items with the same folds, grids and thresholds; they differ only in how a fit gets its
matrix: once per training run, sliced by rows and columns (classifiers.design_matrix), or rebuilt from the feature
dicts for every one of the ~170 fits (the first build, tests/classify/training_reference.py). The bench checks
that both give the same model and prints, for each: wall and CPU seconds, and the ratio.
Featurizing the items (the rules' analysis of every text) is timed apart: both runs share it.
Run: .venv/bin/python bench/bench_train.py [--plan 661-KH-BGDDT-2022]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class _Dicts:
    """What the first build's fits read: the feature dicts themselves."""

    def __init__(self, X: list[dict[str, float]]) -> None:
        self.X = X


def _first_build(T: Any, R: Any) -> dict[str, Any]:
    """classifiers.training patched back to the first build's fits (a new matrix per fit)."""
    return {
        "design": _Dicts,
        "fit_relevance_rows": lambda d, rows, y, w, C, pw=1.0, ns=T.NGRAM_SCALE:
            R.fit_relevance([d.X[i] for i in rows], y, w, C, pw, ns),
        "fit_activity_rows": lambda d, rows, y, w, C: R.fit_activity([d.X[i] for i in rows], y, w, C),
    }


def _timed(fn: Any) -> tuple[Any, float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--plan", default="661-KH-BGDDT-2022")
    args = ap.parse_args()

    from classifiers import training as T
    from classifiers.corpus import data_digest, load_devset, load_real
    from classifiers.engine import Classifier
    from classifiers.lexicon import lexicon_path
    from pipeline.plans import load_plan
    from pipeline.training_data import load_demo
    from tests.classify import training_reference as R

    plan = load_plan(args.plan)
    rules = Classifier.for_plan(plan, model=False)
    items = load_real() + load_devset() + load_demo()
    digests = {"data_digest": data_digest(items), "code_digest": T.code_digest(lexicon_path(plan.lexicon))}
    train_items = [it for it in items if it.split == "train"]
    fz, fw, fc = _timed(lambda: T.featurize(rules, train_items))
    print(f"items: {len(items)} labelled, {len(train_items)} in the train split, {len(fz.items)} candidates fitted")
    print(f"featurize (shared by both runs): wall {fw:.1f} s, CPU {fc:.1f} s")

    # The runs below featurize again (train() does); the rules' analyses are not cached, so both pay it alike.
    new, nw, nc = _timed(lambda: T.train(rules, items, **digests))
    saved = {k: getattr(T, k) for k in ("design", "fit_relevance_rows", "fit_activity_rows")}
    for k, v in _first_build(T, R).items():
        setattr(T, k, v)
    try:
        old, ow, oc = _timed(lambda: T.train(rules, items, **digests))
    finally:
        for k, v in saved.items():
            setattr(T, k, v)
    same = all(new.model[k] == old.model[k] for k in ("thresholds", "relevance", "reject", "activity", "cv"))
    print(f"train, one design matrix:     wall {nw:6.1f} s, CPU {nc:6.1f} s")
    print(f"train, first build (baseline): wall {ow:6.1f} s, CPU {oc:6.1f} s")
    print(f"ratio (baseline / design matrix): wall {ow / nw:.2f}x, CPU {oc / nc:.2f}x; "
          f"without featurizing: CPU {(oc - fc) / max(nc - fc, 1e-9):.2f}x")
    print(f"same model (thresholds, weights, cross-validated figures): {same}")
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if not same:
        raise SystemExit("the two fits gave different models")


if __name__ == "__main__":
    main()
