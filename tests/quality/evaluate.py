"""Figures for the classifier on the labelled dev set (used by the quality gate and docs).

Run: .venv/bin/python -m tests.quality.evaluate [--errors]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tests.support.plan import PRIMARY_PLAN

DEVSET = Path(__file__).with_name("devset.jsonl")
PLAN_ID = PRIMARY_PLAN
INPUT_KEYS = ("id", "title", "lead", "text", "published_at", "source_kind", "date_confidence", "extraction_quality")


def load_devset(path: Path = DEVSET) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def classify_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Classify as the pipeline would, without the format label (format is measured from cues)."""
    from classifiers import classify_many
    from pipeline.plans import load_plan

    docs = [{k: it[k] for k in INPUT_KEYS if k in it} for it in items]
    return classify_many(docs, load_plan(PLAN_ID))


def metrics(items: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(items)
    rel = [(i, r) for i, r in zip(items, results, strict=True) if i["label_relevant"]]
    accepted = [(i, r) for i, r in zip(items, results, strict=True) if r["decision"] == "accept"]
    good_accepts = [1 for i, r in accepted if i["label_relevant"] and r["activity"] == i["label_activity"]]
    rel_accepted = [1 for i, r in rel if r["decision"] == "accept"]
    negs = [(i, r) for i, r in zip(items, results, strict=True) if not i["label_relevant"]]
    return {
        "items": n, "relevant": len(rel),
        "accept_precision": round(len(good_accepts) / len(accepted), 4) if accepted else 1.0,
        "accept_recall": round(len(rel_accepted) / len(rel), 4) if rel else 1.0,
        "activity_accuracy": round(sum(r["activity"] == i["label_activity"] for i, r in rel) / len(rel), 4)
        if rel else 1.0,
        "review_share": round(sum(r["decision"] == "review" for r in results) / n, 4) if n else 0.0,
        "relevant_recall": round(sum(r["decision"] != "reject" for _, r in rel) / len(rel), 4) if rel else 1.0,
        "negatives_accepted": sum(r["decision"] == "accept" for _, r in negs),
        "negatives_reviewed": sum(r["decision"] == "review" for _, r in negs),
        "format_accuracy": round(sum(r["format"] == i["format"] for i, r in zip(items, results, strict=True)) / n, 4)
        if n else 1.0,
        "decisions": dict(Counter(r["decision"] for r in results)),
        "reasons": dict(Counter(x for r in results for x in r["reasons"])),
    }


def evaluate(items: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    items = items if items is not None else load_devset()
    results = classify_items(items)
    out = {}
    for split in ("train", "holdout", "all"):
        pairs = [(i, r) for i, r in zip(items, results, strict=True) if split in ("all", i.get("split"))]
        out[split] = metrics([p[0] for p in pairs], [p[1] for p in pairs])
    return out


def main(argv: list[str]) -> None:
    items = load_devset()
    results = classify_items(items)
    for split in ("train", "holdout", "all"):
        pairs = [(i, r) for i, r in zip(items, results, strict=True) if split in ("all", i.get("split"))]
        print(split, json.dumps(metrics([p[0] for p in pairs], [p[1] for p in pairs]), ensure_ascii=False))
    if "--errors" in argv:
        for i, r in zip(items, results, strict=True):
            wrong = (i["label_relevant"] and (r["decision"] != "accept" or r["activity"] != i["label_activity"])) \
                or (not i["label_relevant"] and r["decision"] != "reject")
            if wrong:
                ev = r["evidence"]
                print(f"- {i['id']} [{i['style']},{i['variant']}] label={i['label_activity']} got={r['decision']}/"
                      f"{r['activity']} score={r['score']} topic={ev.get('topic')} reasons={r['reasons']} "
                      f"shares={ev.get('activity_shares')} parts={ev.get('parts')} gates={ev.get('gates')}")
                print(f"    {i['title'][:100]}")
                for neg in ev.get("negatives", []):
                    print(f"    neg {neg['group']} -{neg['penalty']}")


if __name__ == "__main__":
    main(sys.argv[1:])
