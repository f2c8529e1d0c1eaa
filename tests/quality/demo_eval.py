"""The classifier against the demo mirror's ground truth (data/demo/manifest.json, written by the project
maintainers, not by the classifier's author): every mirror page is extracted as the pipeline would
(pipeline.extract.extract_page) and classified.

What `planwatch demo` needs from the classifier: every page the manifest calls `counted` is accepted with its
activity; no `not_relevant` page is accepted; `pending` pages go to review (not accepted).
Run: .venv/bin/python -m tests.quality.demo_eval [--errors]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

from tests.support.plan import PRIMARY_PLAN

PLAN_ID = PRIMARY_PLAN


def demo_documents() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(manifest page, extracted document) for every article page served with status 200."""
    from pipeline.training_data import demo_documents as docs

    return docs()


def evaluate_demo() -> tuple[dict[str, Any], list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]]:
    from classifiers import classify_many
    from pipeline.plans import load_plan

    pairs = demo_documents()
    results = classify_many([d for _, d in pairs], load_plan(PLAN_ID))
    rows = [(p, d, r) for (p, d), r in zip(pairs, results, strict=True)]
    counted = [(p, r) for p, _, r in rows if p["expected"] == "counted"]
    not_rel = [(p, r) for p, _, r in rows if p["expected"] == "not_relevant"]
    pending = [(p, r) for p, _, r in rows if p["expected"] == "pending"]
    relevant = [(p, r) for p, _, r in rows if p.get("activity")]
    figures = {
        "pages": len(rows),
        "counted_accepted_right": sum(r["decision"] == "accept" and r["activity"] == p["activity"] for p, r in counted),
        "counted": len(counted),
        "counted_format_right": sum(r["format"] == p["format"] for p, r in counted),
        "not_relevant_accepted": sum(r["decision"] == "accept" for _, r in not_rel),
        "not_relevant_reviewed": sum(r["decision"] == "review" for _, r in not_rel),
        "not_relevant": len(not_rel),
        "pending_reviewed": sum(r["decision"] == "review" for _, r in pending),
        "pending_accepted": sum(r["decision"] == "accept" for _, r in pending),
        "pending": len(pending),
        "relevant_activity_right": sum(r["activity"] == p["activity"] for p, r in relevant),
        "relevant": len(relevant),
        "decisions": dict(Counter(r["decision"] for _, _, r in rows)),
    }
    return figures, rows


def main(argv: list[str]) -> None:
    figures, rows = evaluate_demo()
    print(json.dumps(figures, ensure_ascii=False))
    if "--errors" in argv:
        for p, d, r in rows:
            exp = p["expected"]
            bad = (exp == "counted" and (r["decision"] != "accept" or r["activity"] != p["activity"]
                                         or r["format"] != p["format"])) \
                or (exp == "not_relevant" and r["decision"] != "reject") \
                or (exp == "pending" and r["decision"] != "review") \
                or (p.get("activity") and r["activity"] not in (p["activity"], None) and exp != "pending")
            if bad:
                print(f"- {exp:13} {p['story']:38} label={p.get('activity')}/{p['format']} got={r['decision']}/"
                      f"{r['activity']}/{r['format']} score={r['score']} reasons={r['reasons']} "
                      f"date={d.get('published_at')} traps={p.get('traps')}")


if __name__ == "__main__":
    main(sys.argv[1:])
