"""Can a page with no training term at all be rejected? TRAIN split only (seventeenth session, notrain18).

docs/labelling.md: a relevant page is about training or fostering of preschool teachers or managers (đào tạo, bồi
dưỡng, nâng chuẩn, chuẩn nghề nghiệp, bồi dưỡng thường xuyên, ...) or about Đề án 33 itself. A candidate whose title,
lead and text hold no term of the lexicon's categories for that might be rejected whatever the reject side says. This
tool measures, on the real train candidates:

* per term set (`SETS`: lexicon categories, optionally only some of their terms), how many relevant items lack every
  term (they would be lost by the hard rule), how many irrelevant items lack them, and how many of those the reject
  side leaves in review (stratified out of fold, seeds 0-2: `tests.quality.review_cv`'s figure);
* the rule "reject a lacking page when the reject side's probability is below tau2" under group_cv's folds
  (stratified, leave one file out, outlets), tau2 the lowest probability of a relevant lacking item the reject
  threshold surfaces (so no relevant item is lost where tau2 is chosen): `pooled` (tau2 from the pooled out-of-fold
  probabilities) and `nested` (tau2 and the threshold from the fitted part's own out-of-fold probabilities, applied
  to the held fold). Reported: relevant items lost and irrelevant items left by the threshold alone, and the
  irrelevant / relevant items the rule removes on top of it.

The rule never touches a page the main model would accept (routing's reject condition keeps `probability < accept`).
Run: .venv/bin/python -m tests.quality.term_cv [--sets action+project,+qualification] [--folds stratified] [--list]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from tests.quality import group_cv as G

# The guide's qualification and standards words, and in-school professional development, as the lexicon's
# features.what_professional writes them (the action category holds the training verbs themselves).
QUALIFICATION = ("nâng chuẩn", "chuẩn trình độ", "trình độ chuẩn", "chuẩn nghề nghiệp", "chuẩn hiệu trưởng", "văn bằng",
                 "liên thông", "cao đẳng sư phạm", "đại học sư phạm", "sư phạm mầm non", "bồi dưỡng thường xuyên",
                 "cốt cán", "sinh hoạt chuyên môn", "dự giờ", "thao giảng", "vừa làm vừa học", "bồi dưỡng chuyên môn")
# name: ((category, terms or None for every term of it), ...)
SETS: dict[str, tuple[tuple[str, tuple[str, ...] | None], ...]] = {
    "action+project": (("action", None), ("project", None)),
    "+qualification": (("action", None), ("project", None), ("feature:what_professional", QUALIFICATION)),
    "+what_professional": (("action", None), ("project", None), ("feature:what_professional", None)),
    "+what_professional+event": (("action", None), ("project", None), ("feature:what_professional", None),
                                 ("feature:event", None)),
}


def lacks(index: dict[str, list[Any]], spec: tuple[tuple[str, tuple[str, ...] | None], ...]) -> bool:
    """True when the page's lexicon hits (classifiers.scoring.Hit by category) hold no term of the set."""
    from classifiers.textfold import term_key

    for cat, terms in spec:
        hits = index.get(cat, ())
        if terms is None and hits:
            return False
        if terms is not None and {h.key for h in hits} & {term_key(t) for t in terms}:
            return False
    return True


def tau2(q: Any, y: Any, lack: Any, t: float) -> float:
    """The lowest probability of a relevant lacking item at or above the threshold t (1.0 when there is none):
    rejecting lacking items strictly below it loses no relevant item the threshold surfaces."""
    rel = q[(y == 1) & lack & (q >= t)]
    return float(rel.min()) if len(rel) else 1.0


def _calibrated(m: Any, y: Any) -> tuple[Any, float]:
    import numpy as np

    a, c, t = G._threshold(m, y)
    return 1 / (1 + np.exp(-(a * m + c))), t


def rule(d: G.Data, lack: Any, kind: str, cand: G.Candidate | None = None) -> dict[str, Any]:
    """Pooled and nested figures of the rule on the folds `kind` (group_cv's)."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from classifiers import training as T

    cand = cand or G.Candidate()
    y = d.y
    seeds = (0, 1, 2) if kind != "file" else (0,)
    q, t = _calibrated(G._oof(d, np.arange(len(y)), [G.folds(d, kind, s) for s in seeds], cand), y)
    tau = tau2(q, y, lack, t)
    surf = q >= t
    gone = surf & lack & (q < tau)
    out: dict[str, Any] = {"pooled": {
        "threshold": round(t, 4), "tau2": round(tau, 4), "relevant_lost": int((~surf & (y == 1)).sum()),
        "irrelevant_left": int((surf & (y == 0)).sum()), "rule_removes_irrelevant": int((gone & (y == 0)).sum()),
        "rule_removes_relevant": int((gone & (y == 1)).sum())}}
    surf = np.zeros(len(y), dtype=bool)
    gone = np.zeros(len(y), dtype=bool)
    for tr, te in G.folds(d, kind, 0):
        inner = list(StratifiedKFold(T.FOLDS, shuffle=True, random_state=0).split(y[tr], y[tr]))
        mi = G._oof(d, tr, [inner], cand)
        a, c, t = G._threshold(mi, y[tr])
        tau = tau2(1 / (1 + np.exp(-(a * mi + c))), y[tr], lack[tr], t)
        qt = 1 / (1 + np.exp(-(a * G.margins(d, tr, te, cand) + c)))
        surf[te] = qt >= t
        gone[te] = (qt >= t) & lack[te] & (qt < tau)
    out["nested"] = {"relevant_lost": int((~surf & (y == 1)).sum()), "irrelevant_left": int((surf & (y == 0)).sum()),
                     "rule_removes_irrelevant": int((gone & (y == 0)).sum()),
                     "rule_removes_relevant": int((gone & (y == 1)).sum())}
    return out


def counts(d: G.Data, lack: Any, q: Any, t: float, listing: bool = False) -> dict[str, Any]:
    """Relevant and irrelevant items lacking the set; those of the irrelevant ones left above the threshold."""
    y = d.y
    rel = [i for i in range(len(y)) if y[i] and lack[i]]
    left = [i for i in range(len(y)) if not y[i] and lack[i] and q[i] >= t]
    out: dict[str, Any] = {
        "relevant_lacking": len(rel), "relevant_lacking_surfaced": sum(1 for i in rel if q[i] >= t),
        "irrelevant_lacking": int(((y == 0) & lack).sum()), "irrelevant_left_lacking": len(left),
        "left_lacking_by_ruling": Counter(str(d.items[i].label.get("ruling")) for i in left).most_common()}
    if listing:
        out["relevant"] = [{"id": d.items[i].id, "q": round(float(q[i]), 4),
                            "borderline": bool(d.items[i].label.get("borderline")),
                            "ruling": d.items[i].label.get("ruling")} for i in sorted(rel, key=lambda i: q[i])]
    return out


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    from classifiers import training as T
    from classifiers.corpus import load_real
    from classifiers.engine import Classifier
    from pipeline.plans import load_plan
    from tests.support.plan import PRIMARY_PLAN

    ap = argparse.ArgumentParser(prog="python -m tests.quality.term_cv", description=__doc__)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--folds", default="stratified,file,outlet", help="fold kinds for the rule ('' for none)")
    ap.add_argument("--list", action="store_true", help="list the relevant items that lack every term")
    args = ap.parse_args(argv)
    clf = Classifier.for_plan(load_plan(PRIMARY_PLAN), model=False)
    fz = T.featurize(clf, [it for it in load_real() if it.split == "train" and it.real])
    d = G.build(fz.items, fz.X)
    cand = G.Candidate()
    q, t = _calibrated(G._oof(d, np.arange(len(d.y)), [G.folds(d, "stratified", s) for s in (0, 1, 2)], cand), d.y)
    out: dict[str, Any] = {"items": len(d.y), "relevant": int(d.y.sum()), "threshold": round(t, 4),
                           "irrelevant_left": int(((q >= t) & (d.y == 0)).sum())}
    for name in args.sets.split(","):
        lack = np.array([lacks(an.index, SETS[name]) for an in fz.analyses])
        out[name] = counts(d, lack, q, t, args.list)
        for kind in filter(None, args.folds.split(",")):
            out[name][kind] = rule(d, lack, kind, cand)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
