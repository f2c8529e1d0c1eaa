"""False positives on 3,000 real news articles (read in place from ../shared; skipped when absent)."""

from __future__ import annotations

import json
import os
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from planwatch.config import REPO_ROOT
from tests.support.plan import PRIMARY_PLAN

CORPUS = Path(os.environ.get("PLANWATCH_VIETNEWS", REPO_ROOT.parent / "shared" / "corpora" / "vietnews-sample.jsonl"))
CEILINGS = tomllib.loads(Path(__file__).with_name("floors.toml").read_text(encoding="utf-8"))["real_corpus"]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists() and not os.environ.get("CI"), reason=f"{CORPUS} not available")
def test_real_corpus_false_positives():
    from classifiers import classify_many
    from pipeline.plans import load_plan

    with CORPUS.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    results = classify_many(docs, load_plan(PRIMARY_PLAN))
    decisions = Counter(r["decision"] for r in results)
    print(f"{len(docs)} real articles: {dict(decisions)}; candidates "
          f"{sum(r['evidence']['stage'] == 'scored' for r in results)}")
    assert decisions["accept"] <= CEILINGS["accepted_max"]
    assert decisions["review"] <= CEILINGS["reviewed_max"]
