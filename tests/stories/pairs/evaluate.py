"""Precision and recall of the syndication rule on the labelled pairs (the gate pins the floors).

Boilerplate is learned from the pair set's documents taken as one corpus, exactly as the warehouse learns it
(pipeline.boilerplate), then each pair is checked with pipeline.syndication.verify.

    .venv/bin/python -m tests.stories.pairs.evaluate            # figures and the pairs it gets wrong
    .venv/bin/python -m tests.stories.pairs.evaluate --sweep    # the thresholds grid behind the chosen ones
    .venv/bin/python -m tests.stories.pairs.evaluate --real-found  # the real pairs as found, on their own
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pipeline import syndication
from pipeline.boilerplate import Occurrence, countable_hashes, learn
from pipeline.syndication import Doc, verify
from tests.stories.pairs.build import Pair, pairs, real_found_pairs


@dataclass
class Result:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    wrong: list[tuple[Pair, dict[str, Any]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def boilerplate_of(docs: list[Doc]) -> set[int]:
    index: dict[int, list[Occurrence]] = defaultdict(list)
    for doc in {d.doc_id: d for d in docs}.values():
        day = doc.published.date() if doc.published else None
        for h in countable_hashes(doc.paragraphs):
            index[h].append(Occurrence(doc.doc_id, doc.source_id, day))
    return learn(index)


def evaluate(labelled: list[Pair] | None = None) -> Result:
    labelled = labelled if labelled is not None else list(pairs())
    boiler = boilerplate_of([d for p in labelled for d in (p.a, p.b)])
    result = Result()
    for pair in labelled:
        verdict = verify(pair.a, pair.b, boiler)
        outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[
            (pair.copy, verdict.copy)]
        setattr(result, outcome, getattr(result, outcome) + 1)
        result.by_kind[pair.kind][outcome] += 1
        if outcome in ("fp", "fn"):
            result.wrong.append((pair, verdict.as_dict()))
    return result


def report(result: Result) -> str:
    lines = [f"pairs: {result.tp + result.fn} copies, {result.fp + result.tn} not copies",
             f"precision {result.precision:.4f}  recall {result.recall:.4f}  "
             f"(tp {result.tp}, fp {result.fp}, fn {result.fn}, tn {result.tn})", ""]
    for kind, counts in sorted(result.by_kind.items()):
        lines.append(f"  {kind:28s} " + " ".join(f"{k}={counts[k]}" for k in ("tp", "fn", "tn", "fp") if counts[k]))
    for pair, verdict in result.wrong:
        lines.append(f"WRONG {pair.kind}: {pair.a.doc_id} ~ {pair.b.doc_id}: {verdict}")
    return "\n".join(lines)


def ablation() -> None:
    """What each part of the rule is worth: no boilerplate removal, no date window."""
    labelled = list(pairs())
    import pipeline.syndication as rule

    full = evaluate(labelled)
    print(f"full rule:          precision {full.precision:.4f} recall {full.recall:.4f}")
    saved_window = rule.WINDOW_DAYS
    rule.WINDOW_DAYS = 10**6
    try:
        r = evaluate(labelled)
        print(f"no date window:     precision {r.precision:.4f} recall {r.recall:.4f} fp {r.fp}")
    finally:
        rule.WINDOW_DAYS = saved_window
    global boilerplate_of
    saved_learn = boilerplate_of
    boilerplate_of = lambda docs: set()  # noqa: E731
    try:
        r = evaluate(labelled)
        print(f"no boilerplate:     precision {r.precision:.4f} recall {r.recall:.4f} fp {r.fp}")
        rule.WINDOW_DAYS = 10**6
        r = evaluate(labelled)
        print(f"neither:            precision {r.precision:.4f} recall {r.recall:.4f} fp {r.fp}")
    finally:
        boilerplate_of = saved_learn
        rule.WINDOW_DAYS = saved_window


def sweep() -> None:
    labelled = list(pairs())
    saved = (syndication.J_HIGH, syndication.J_LOW, syndication.TL_MIN, syndication.C_MIN)
    try:
        for j_high in (0.45, 0.55, 0.7):
            for j_low in (0.15, 0.25, 0.35):
                for tl in (0.3, 0.5, 0.7):
                    for c_min in (0.8, 1.01):
                        if j_low >= j_high:
                            continue
                        syndication.J_HIGH, syndication.J_LOW, syndication.TL_MIN, syndication.C_MIN = (
                            j_high, j_low, tl, c_min)
                        r = evaluate(labelled)
                        print(f"J_HIGH={j_high:.2f} J_LOW={j_low:.2f} TL_MIN={tl:.2f} C_MIN={c_min:.2f}  "
                              f"precision {r.precision:.4f} recall {r.recall:.4f} fp {r.fp} fn {r.fn}")
    finally:
        syndication.J_HIGH, syndication.J_LOW, syndication.TL_MIN, syndication.C_MIN = saved


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--ablation", action="store_true")
    parser.add_argument("--real-found", action="store_true", help="The real pairs as found (not gated), alone.")
    args = parser.parse_args()
    if args.sweep:
        sweep()
    elif args.ablation:
        ablation()
    elif args.real_found:
        print(report(evaluate(list(real_found_pairs()))))
    else:
        print(report(evaluate()))
