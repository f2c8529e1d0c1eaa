"""Plan 999's classifier on real news items found with the search tool (tests/quality/plans/*-real.jsonl:
URL, title, a short excerpt, and a label given by reading). Figures: 10 items, 1 relevant."""

from __future__ import annotations

import json

from classifiers import classify_many
from pipeline.plans import load_plan
from planwatch.config import REPO_ROOT

ITEMS = REPO_ROOT / "tests" / "quality" / "plans" / "999-KH-SGDDT-2022-real.jsonl"


def test_real_items_labelled_by_reading_agree_on_relevance() -> None:
    items = [json.loads(line) for line in ITEMS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(items) >= 10 and all(i["url"].startswith("http") for i in items)
    results = classify_many(items, load_plan("999-KH-SGDDT-2022"))
    for item, result in zip(items, results, strict=True):
        if item["label_relevant"]:
            assert result["decision"] in ("accept", "review"), item["id"]  # a person sees it
        else:
            assert result["decision"] == "reject", (item["id"], result["score"], result["reasons"])
