"""The shipped classifier of the primary plan and the first articles of ../shared's vietnews-mamnon-dev corpus
(read in place), for tests that compare the model's outputs on real text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"


def primary_classifier_and_articles(n: int) -> tuple[Any, list[dict[str, Any]]]:
    """(Classifier with its shipped model, the corpus's first n rows); skips when ../shared is absent."""
    path = SHARED / "corpora" / "vietnews-mamnon-dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpora not present")
    from classifiers.engine import Classifier
    from pipeline.plans import list_plans, load_plan
    from tests.support.plan import PRIMARY_PLAN

    plan = next(load_plan(p) for p in list_plans() if load_plan(p).id == PRIMARY_PLAN)
    clf = Classifier.for_plan(plan)
    assert clf.model is not None
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(x) for x in fh if x.strip()][:n]
    return clf, rows
