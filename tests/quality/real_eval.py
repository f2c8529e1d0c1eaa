"""The shipped classifier on the real labelled corpus (tests/quality/real, texts of ../shared read in place).

Figures on the fixed holdout (never fitted on, never used for thresholds), on the train split (fitted: for
information only) and on the 806 vietnews-mamnon-dev articles.
Run: .venv/bin/python -m tests.quality.real_eval [--errors]
"""

from __future__ import annotations

import json
import sys
from typing import Any

from classifiers.corpus import Item, load_real
from classifiers.evaluation import metrics
from tests.support.plan import PRIMARY_PLAN

PLAN_ID = PRIMARY_PLAN


def shipped_classifier() -> Any:
    """The classifier with the repo's model (data/models), whatever a local PLANWATCH_HOME holds."""
    from classifiers.engine import Classifier
    from classifiers.model import Model, shipped_model_path
    from pipeline.plans import load_plan

    return Classifier.for_plan(load_plan(PLAN_ID), model=Model.load(shipped_model_path(PLAN_ID)))


def evaluate_real(clf: Any = None, items: list[Item] | None = None) -> dict[str, Any]:
    clf = clf or shipped_classifier()
    items = items if items is not None else load_real()
    results = {it.id: clf.classify(it.doc) for it in items}
    pairs = [(it, results[it.id]) for it in items]
    out = {
        "classifier_version": clf.version,
        "holdout": metrics((i, r) for i, r in pairs if i.split == "holdout"),
        "train": metrics((i, r) for i, r in pairs if i.split == "train"),
        "mamnon_806": metrics((i, r) for i, r in pairs if i.source == "vietnews"),
        "mamnon_806_holdout": metrics((i, r) for i, r in pairs if i.source == "vietnews" and i.split == "holdout"),
    }
    out["_pairs"] = pairs
    return out


def main(argv: list[str]) -> None:
    figs = evaluate_real()
    pairs = figs.pop("_pairs")
    keys = ("items", "relevant", "accept_precision", "accept_precision_activity", "surfaced_recall",
            "accept_recall", "activity_accuracy", "review_share", "irrelevant_accepted", "irrelevant_accepted_share",
            "decisions")
    print("classifier", figs.pop("classifier_version"))
    for name, m in figs.items():
        print(name.ljust(20), json.dumps({k: m[k] for k in keys}, ensure_ascii=False))
    if "--errors" in argv:
        for it, r in pairs:
            bad = (it.relevant and (r["decision"] == "reject" or r["activity"] != it.activity)) or \
                  (not it.relevant and r["decision"] == "accept")
            if bad or ("--reviews" in argv and r["decision"] == "review"):
                print(f"- {it.split:7} {it.id:34} label={it.relevant}/{it.activity} ({it.label.get('ruling')}) "
                      f"got={r['decision']}/{r['activity']} p={r['score']} reasons={r['reasons']} "
                      f"| {str(it.doc.get('title') or '')[:70]}")


if __name__ == "__main__":
    main(sys.argv[1:])
