"""Should the main model have a say in the reject decision? Grouped cross-validation, TRAIN split only.

Routing rejects a page when the reject side's calibrated probability is below `reject_model` (and the main one
below `accept`). This tool asks whether a combination of the two models' logits ranks the low end better, under
tests.quality.group_cv's folds (stratified, leave one file out, outlets) and its two judgements (`pooled`:
irrelevant items left at equal surfaced recall; `nested`: calibrations, combination and threshold set on the fitted
part's own stratified out-of-fold margins and applied to the held fold):

* `a=<alpha>`: alpha * reject logit + (1 - alpha) * main logit (each Platt-calibrated; `a=1` is main's routing);
* `max`: reject only when both are low (the larger of the two logits);
* `stack<w>`: a logistic regression over the two logits (relevant class weighted w times on top of balanced;
  `stack0`: unweighted), fitted on the out-of-fold logits it is then applied with.

The main model is fitted as training fits it: the real rows of the fitted part plus every written item (the
generated dev set and the demo mirror, never held out), C = MAIN_C, n-gram scale training.NGRAM_SCALE; the reject
side as group_cv's Candidate(). Sixteenth session (route17): no combination won, see docs/classification.md.
Run: .venv/bin/python -m tests.quality.combo_cv [--folds file] [--combos a=1,a=0.9,max,stack30]
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from classifiers import training as T
from tests.quality import group_cv as G

MAIN_C = 0.1  # the shipped model's C (params.C), fixed here: choosing it per fold is 4x the fits
COMBOS = ("a=1", "a=0.9", "a=0.75", "a=0.5", "a=0", "max", "stack0", "stack30")


def margins_main(full: G.Data, real: Any, written: Any, tr: Any, te: Any) -> Any:
    """Main model's margins of the real rows real[te], fitted on real[tr] and every written row."""
    import numpy as np

    coef, b = G.fit(full, np.sort(np.concatenate([real[tr], written])), MAIN_C, 1.0, T.NGRAM_SCALE)
    return full.M[real[te]] @ coef + b


def combine(name: str, zr: Any, zm: Any, stack: tuple[Any, float] | None = None) -> Any:
    import numpy as np

    if name.startswith("a="):
        a = float(name[2:])
        return a * zr + (1 - a) * zm
    if name == "max":
        return np.maximum(zr, zm)
    if name.startswith("stack") and stack is not None:
        return stack[0][0] * zr + stack[0][1] * zm + stack[1]
    raise ValueError(f"unknown combination {name!r}")


def fit_rule(name: str, mr: Any, mm: Any, y: Any) -> tuple[Any, ...]:
    """From out-of-fold margins of both models: their Platt calibrations, the stacker (when any), and the
    combination's own calibration and reject threshold (training's rule)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    pr = T._platt(list(map(float, mr)), list(map(int, y)))
    pm = T._platt(list(map(float, mm)), list(map(int, y)))
    zr, zm = pr[0] * mr + pr[1], pm[0] * mm + pm[1]
    stack = None
    if name.startswith("stack"):
        w = float(name[5:] or 0)
        n, npos = len(y), int(y.sum())
        cw = {1: w * n / (2 * npos), 0: n / (2 * (n - npos))} if w else None
        lr = LogisticRegression(C=1e4, class_weight=cw, max_iter=1000).fit(np.c_[zr, zm], y)
        stack = (lr.coef_[0], float(lr.intercept_[0]))
    return pr, pm, stack, G._threshold(combine(name, zr, zm, stack), y)


def surfaced(name: str, rule: tuple[Any, ...], mr: Any, mm: Any) -> Any:
    import numpy as np

    pr, pm, stack, (a, c, t) = rule
    s = combine(name, pr[0] * mr + pr[1], pm[0] * mm + pm[1], stack)
    return 1 / (1 + np.exp(-(a * s + c))) >= t


def margins_by_fold(full: G.Data, d: G.Data, real: Any, written: Any, kind: str) -> dict[str, Any]:
    """Both models' pooled out-of-fold margins (seeds averaged as group_cv does) and, per outer fold, the
    fitted part's inner out-of-fold margins and the held fold's margins."""
    from sklearn.model_selection import StratifiedKFold

    cand = G.Candidate()

    def rej(tr: Any, te: Any) -> Any:
        return G.margins(d, tr, te, cand)

    def main(tr: Any, te: Any) -> Any:
        return margins_main(full, real, written, tr, te)

    seeds = (0, 1, 2) if kind != "file" else (0,)
    splits = [G.folds(d, kind, s) for s in seeds]
    out: dict[str, Any] = {"pooled": [_oof(fn, len(d.y), splits) for fn in (rej, main)], "nested": []}
    for tr, te in G.folds(d, kind, 0):
        inner = [list(StratifiedKFold(T.FOLDS, shuffle=True, random_state=0).split(d.y[tr], d.y[tr]))]
        out["nested"].append((tr, te, [_oof(fn, len(d.y), inner, tr) for fn in (rej, main)],
                              [fn(tr, te) for fn in (rej, main)]))
    return out


def _oof(fn: Any, n: int, splits: list[list[tuple[Any, Any]]], rows: Any = None) -> Any:
    import numpy as np

    rows = np.arange(n) if rows is None else rows
    out = np.zeros(len(rows))
    for sp in splits:
        for tr, te in sp:
            out[te] += fn(rows[tr], rows[te]) / len(splits)
    return out


def judge(d: G.Data, mg: dict[str, Any], name: str) -> dict[str, Any]:
    """Pooled and nested figures of one combination from `margins_by_fold`'s margins."""
    import numpy as np

    mr, mm = mg["pooled"]
    pooled = G._figures(d, surfaced(name, fit_rule(name, mr, mm, d.y), mr, mm))
    surf = np.zeros(len(d.y), dtype=bool)
    for tr, te, (ir, im), (hr, hm) in mg["nested"]:
        surf[te] = surfaced(name, fit_rule(name, ir, im, d.y[tr]), hr, hm)
    nested = G._figures(d, surf)
    return {"pooled": [pooled["relevant_lost"], pooled["irrelevant_left"]],
            "nested": [nested["relevant_lost"], nested["irrelevant_left"]]}


def split_data(items: list[Any], X: list[dict[str, float]]) -> tuple[G.Data, G.Data, Any, Any]:
    """(all train items with training's sample weights: the main model's data; the real ones with the reject
    side's weights: group_cv's data; positions of the real rows; positions of the written rows)."""
    import numpy as np

    full = G.build(items, X)
    full.w = np.array([T.sample_weight(it) for it in items], dtype=float)
    real = np.array([i for i, it in enumerate(items) if it.real], dtype=int)
    written = np.array([i for i, it in enumerate(items) if not it.real], dtype=int)
    its = [items[i] for i in real]
    w = T.reject_weights(its, [T.sample_weight(it) for it in its])
    d = G.Data(its, full.M[real], full.ngram, full.y[real], np.array(w, dtype=float), full.vocab)
    return full, d, real, written


def load_all() -> tuple[G.Data, G.Data, Any, Any]:
    """Every train item `planwatch train` fits (real, generated dev set, demo mirror), featurized once."""
    from classifiers.corpus import load_devset, load_real
    from classifiers.engine import Classifier
    from pipeline.plans import load_plan
    from pipeline.training_data import load_demo
    from tests.support.plan import PRIMARY_PLAN

    clf = Classifier.for_plan(load_plan(PRIMARY_PLAN), model=False)
    fz = T.featurize(clf, [it for it in load_real() + load_devset() + load_demo() if it.split == "train"])
    return split_data(fz.items, fz.X)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.quality.combo_cv", description=__doc__)
    ap.add_argument("--folds", default="stratified,file,outlet")
    ap.add_argument("--combos", default=",".join(COMBOS))
    args = ap.parse_args(argv)
    full, d, real, written = load_all()
    out: dict[str, Any] = {}
    for kind in args.folds.split(","):
        mg = margins_by_fold(full, d, real, written, kind)
        out[kind] = {name: judge(d, mg, name) for name in args.combos.split(",")}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
