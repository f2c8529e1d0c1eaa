"""Figures of a classifier on labelled items (the quality gate, `planwatch train`, docs).

accept_precision     accepted items a person labelled relevant / accepted items (an accepted item is counted)
accept_precision_activity  ... relevant and with the labelled activity / accepted items
surfaced_recall      relevant items accepted or sent to review / relevant items
accept_recall        relevant items accepted / relevant items
activity_accuracy    surfaced relevant items with the labelled activity / surfaced relevant items
review_share         items sent to review / all items
irrelevant_accepted  accepted items labelled irrelevant (count and share of all items)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from classifiers.corpus import Item


def metrics(pairs: Iterable[tuple[Item, dict[str, Any]]]) -> dict[str, Any]:
    pairs = list(pairs)
    n = len(pairs)
    rel = [(i, r) for i, r in pairs if i.relevant]
    accepted = [(i, r) for i, r in pairs if r["decision"] == "accept"]
    surfaced_rel = [(i, r) for i, r in rel if r["decision"] != "reject"]
    with_act = [(i, r) for i, r in surfaced_rel if i.activity]
    bad_accept = [i.id for i, r in accepted if not i.relevant]

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 1.0

    return {
        "items": n, "relevant": len(rel),
        "decisions": dict(Counter(r["decision"] for _, r in pairs)),
        "accept_precision": ratio(sum(i.relevant for i, _ in accepted), len(accepted)),
        "accept_precision_activity": ratio(sum(i.relevant and r["activity"] == i.activity for i, r in accepted),
                                           len(accepted)),
        "surfaced_recall": ratio(len(surfaced_rel), len(rel)),
        "accept_recall": ratio(sum(r["decision"] == "accept" for _, r in rel), len(rel)),
        "activity_accuracy": ratio(sum(r["activity"] == i.activity for i, r in with_act), len(with_act)),
        "review_share": ratio(sum(r["decision"] == "review" for _, r in pairs), n),
        "irrelevant_accepted": len(bad_accept),
        "irrelevant_accepted_share": ratio(len(bad_accept), n) if n else 0.0,
        "irrelevant_accepted_ids": bad_accept,
        "relevant_rejected_ids": [i.id for i, r in rel if r["decision"] == "reject"],
        "activity_wrong_ids": [i.id for i, r in with_act if r["activity"] != i.activity],
    }


def evaluate_items(clf: Any, items: list[Item]) -> dict[str, Any]:
    return metrics((it, clf.classify(it.doc)) for it in items)


SUMMARY_KEYS = ("items", "relevant", "accept_precision", "surfaced_recall", "activity_accuracy", "review_share",
                "accept_recall", "irrelevant_accepted")


def summary(m: dict[str, Any]) -> str:
    return "  ".join(f"{k}={m[k]}" for k in SUMMARY_KEYS if k in m)
