"""Where the review share comes from on the reject side, by cross-validation of the TRAIN split only.

The reject side's model (classifiers.training, step 4b) is fitted out of fold on the real train items (never the
holdout) with the training code's settings (weights, C, the relevant class's weight) and the shipped model's n-gram
scale; its threshold is set as `planwatch train` sets it (at most
1 - REJECT_RECALL of the relevant items below). The report lists the irrelevant items left at or above it,
grouped by the labelling guide's ruling (docs/labelling.md) and by file, the lowest relevant items (they set
the threshold) and the tail table: how many irrelevant items would stay above the threshold if the k lowest
relevant items were given up, k = 0, 1, 2, ... (the threshold is bound by a handful of relevant items).
Run: .venv/bin/python -m tests.quality.review_cv [--seeds 0,1,2] [--scale 0.45] [--list]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from classifiers import training as T
from classifiers.corpus import Item, load_real
from tests.support.plan import PRIMARY_PLAN


def tail_table(q: list[float], y: list[int], ks: int = 10) -> list[tuple[int, float, int]]:
    """(k, threshold, irrelevant items at or above it) when the threshold sits at the (k+1)-th lowest relevant
    item's probability, i.e. the k lowest relevant items are rejected."""
    rel = sorted(qi for qi, yi in zip(q, y, strict=True) if yi)
    out = []
    for k in range(min(ks, len(rel))):
        t = rel[k]
        out.append((k, t, sum(1 for qi, yi in zip(q, y, strict=True) if not yi and qi >= t)))
    return out


def reject_oof(items: list[Item], seeds: tuple[int, ...], scale: float) -> tuple[list[Item], list[float], float]:
    """(the real train candidates, their out-of-fold calibrated reject probabilities, the reject threshold)."""
    from classifiers.engine import Classifier
    from pipeline.plans import load_plan

    clf = Classifier.for_plan(load_plan(PRIMARY_PLAN), model=False)
    fz = T.featurize(clf, [it for it in items if it.split == "train" and it.real])
    y = [int(it.relevant) for it in fz.items]
    w = T.reject_weights(fz.items, [T.sample_weight(it) for it in fz.items])
    splits = [T._folds(y, T.FOLDS, s) for s in seeds]
    margins = T._oof_margins(fz.X, y, w, splits, T.REJECT_C, T.REJECT_POSITIVE_WEIGHT, scale)
    a, c = T._platt(margins, y)
    q = [T._sig(a * m + c) for m in margins]
    return fz.items, q, T.reject_threshold(q, y, T.REJECT_RECALL)


def _row(it: Item, q: float) -> dict[str, Any]:
    return {"id": it.id, "q": round(q, 4), "borderline": bool(it.label.get("borderline")),
            "ruling": it.label.get("ruling"), "title": str(it.doc.get("title") or "")[:80]}


def report(items: list[Item], q: list[float], t: float, listing: bool = False) -> dict[str, Any]:
    y = [int(it.relevant) for it in items]
    left = [i for i, it in enumerate(items) if not it.relevant and q[i] >= t]
    low = sorted((i for i, it in enumerate(items) if it.relevant), key=lambda i: q[i])[:10]
    out: dict[str, Any] = {
        "items": len(items), "relevant": sum(y), "threshold": round(t, 4),
        "surfaced_recall": round(sum(1 for i in range(len(items)) if y[i] and q[i] >= t) / max(1, sum(y)), 4),
        "irrelevant_left": len(left),
        "by_ruling": Counter(str(items[i].label.get("ruling")) for i in left).most_common(),
        "by_file": Counter(items[i].source for i in left).most_common(),
        "lowest_relevant": [_row(items[i], q[i]) for i in low],
        "tail": [{"k": k, "threshold": round(v, 4), "irrelevant_left": n} for k, v, n in tail_table(q, y)],
    }
    if listing:
        out["left"] = [_row(items[i], q[i]) for i in sorted(left, key=lambda i: q[i])]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.quality.review_cv", description=__doc__)
    ap.add_argument("--seeds", default="0,1,2", help="fold seeds whose out-of-fold margins are averaged")
    ap.add_argument("--scale", type=float, default=None,
                    help="the reject model's n-gram scale (default: the shipped model's)")
    ap.add_argument("--list", action="store_true", help="list every irrelevant item left above the threshold")
    args = ap.parse_args(argv)
    scale = args.scale
    if scale is None:
        from classifiers.model import shipped_model_path

        shipped = json.loads(shipped_model_path(PRIMARY_PLAN).read_text(encoding="utf-8"))
        scale = float(shipped["reject"]["ngram_scale"])
    seeds = tuple(int(s) for s in args.seeds.split(","))
    items, q, t = reject_oof(load_real(), seeds, scale)
    print(json.dumps({"seeds": seeds, "scale": scale, **report(items, q, t, args.list)}, ensure_ascii=False,
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
