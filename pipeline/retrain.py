"""`planwatch train`: retrain from the labelled corpus plus every reviewer decision, compare, record.

The new model must not be worse than the current classifier on the fixed holdout (real labelled items and
reviewed documents whose id hashes to the holdout): worse = accept precision or surfaced recall lower by
more than TOLERANCE, or activity accuracy lower by more than TOLERANCE. `force` writes it anyway.
A job (it folds the review journal in, reads the snapshot, writes model files), so it lives in pipeline/;
the learning itself is classifiers.training.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TOLERANCE = 0.005
COMPARED = ("accept_precision", "surfaced_recall", "activity_accuracy")


@dataclass
class RetrainResult:
    written: Path | None
    version: str
    current_version: str
    cv_before: dict[str, Any] | None
    cv_after: dict[str, Any]
    holdout_before: dict[str, Any]
    holdout_after: dict[str, Any]
    worse: list[str]
    sources: dict[str, int]


def worse_on(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [k for k in COMPARED if after[k] < before[k] - TOLERANCE]


def retrain(plan_id: str, *, out: Path | None = None, reviews: bool = True, force: bool = False,
            paths: Any = None) -> RetrainResult:
    from collections import Counter

    from classifiers.corpus import data_digest, load_devset, load_real
    from classifiers.engine import Classifier, classifier_for
    from classifiers.evaluation import evaluate_items
    from classifiers.lexicon import lexicon_path
    from classifiers.model import Model, state_model_path
    from classifiers.training import code_digest, train, write_model
    from pipeline.plans import load_plan
    from pipeline.training_data import load_demo, load_reviews

    plan = load_plan(plan_id)
    rules = Classifier.for_plan(plan, model=False)
    current = classifier_for(plan)
    items = load_real() + load_devset() + load_demo()
    if reviews:
        from pipeline.review.decisions import sync
        from planwatch.config import Paths

        state = paths or Paths.from_env()
        if state.warehouse.exists():  # fold the review journal in first: every decision counts
            sync(state, lock_timeout=10.0, background=False)
        known = {it.id for it in items}
        items += [it for it in load_reviews(plan.id, paths) if it.id not in known]
    trained = train(rules, items, data_digest=data_digest(items), code_digest=code_digest(lexicon_path(plan.lexicon)))
    out = out or state_model_path(plan.id, paths.home if paths is not None else None)
    tmp = out.with_suffix(".candidate.json")
    write_model(trained.model, tmp)
    new = dataclasses.replace(rules, model=Model.load(tmp))
    new = dataclasses.replace(new, version=_version(rules, new))
    holdout = [it for it in items if it.split == "holdout" and it.real]
    before = evaluate_items(current, holdout)
    after = evaluate_items(new, holdout)
    worse = worse_on(before, after) if current.model is not None else []
    written: Path | None = None
    if not worse or force:
        tmp.replace(out)
        written = out
        state_dir = state_model_path(plan.id, paths.home if paths is not None else None).parent
        _history(state_dir, trained.model, before, after, current.version, forced=bool(worse))
    else:
        tmp.unlink()
    return RetrainResult(written=written, version=new.version, current_version=current.version,
                         cv_before=(current.model.meta.get("cv") if current.model else None), cv_after=trained.cv,
                         holdout_before=before, holdout_after=after, worse=worse,
                         sources=dict(Counter(it.source for it in items)))


def _version(rules: Any, clf: Any) -> str:
    from classifiers.engine import version_of

    return version_of(rules.lexicon, rules.plan, clf.model)


def _history(folder: Path, model: dict[str, Any], before: dict[str, Any], after: dict[str, Any],
             previous: str, *, forced: bool) -> None:
    keep = ("items", "relevant", "accept_precision", "surfaced_recall", "activity_accuracy", "review_share")
    row = {"at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), "model_version": model["version"],
           "previous": previous, "forced": forced, "data_digest": model["data_digest"],
           "holdout_before": {k: before[k] for k in keep}, "holdout_after": {k: after[k] for k in keep},
           "training": model["training"]}
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "history.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
