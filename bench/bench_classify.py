"""Throughput of classification: a realistic mix (mostly irrelevant) and candidates only.

Mix = the 3,000 real articles of ../shared/corpora/vietnews-sample.jsonl (read in place) + the dev set.
Prints: prefilter pass rate and cost, docs/s on the mix, docs/s on candidates only (match + score + model),
and on real candidates: the 806 articles of ../shared/corpora/vietnews-mamnon-dev.jsonl (all mention
"mầm non", mean ~2.9 KB), on one core (the process pins itself to one CPU where it can).
Run: .venv/bin/python bench/bench_classify.py [--corpus PATH] [--repeat N] [--cpu]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "vietnews-sample.jsonl"
DEVSET = ROOT / "tests" / "quality" / "devset.jsonl"
MAMNON = ROOT.parent / "shared" / "corpora" / "vietnews-mamnon-dev.jsonl"


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CPU_TIME = False  # --cpu: time with process CPU time (what one core costs, whatever else the machine runs)


def _timed(fn: Any, docs: list[dict[str, Any]], repeat: int) -> float:
    clock = time.process_time if CPU_TIME else time.perf_counter
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        for d in docs:
            fn(d)
        best = min(best, clock() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cpu", action="store_true", help="time with process CPU time instead of wall time")
    args = ap.parse_args()
    global CPU_TIME
    CPU_TIME = args.cpu
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from classifiers import classifier_for
    from pipeline.plan_registry import load_settings
    from pipeline.plans import load_plan

    clf = classifier_for(load_plan(str(load_settings().primary)))  # the office's primary plan (data/plans.toml)
    real = _load(args.corpus) if args.corpus.exists() else []
    dev = [{k: v for k, v in d.items() if not k.startswith("label_")} for d in _load(DEVSET)]
    mix = real + dev
    clf.classify(dev[0])  # warm up

    def prefilter(d: dict[str, Any]) -> bool:
        return clf.prefilter.is_candidate(d.get("title"), d.get("lead"), d.get("text"))

    cands = [d for d in mix if prefilter(d)]
    t_pre = _timed(prefilter, mix, args.repeat)
    t_mix = _timed(clf.classify, mix, args.repeat)
    t_cand = _timed(clf.classify, cands, args.repeat)
    t_real = _timed(clf.classify, real, args.repeat) if real else 0.0
    kb = statistics.mean(len((d.get("title") or "") + (d.get("text") or "")) for d in cands) / 1024 if cands else 0
    kb_all = statistics.mean(len((d.get("title") or "") + (d.get("text") or "")) for d in mix) / 1024

    print(f"classifier_version     {clf.version}")
    print(f"mix                    {len(mix)} docs ({len(real)} real vietnews + {len(dev)} dev set), "
          f"mean {kb_all:.1f} KB")
    print(f"prefilter pass rate    {len(cands)}/{len(mix)} = {len(cands) / len(mix):.1%} "
          f"(real corpus: {sum(1 for d in real if prefilter(d))}/{len(real)})")
    print(f"prefilter alone        {len(mix) / t_pre:,.0f} docs/s ({t_pre / len(mix) * 1e6:.0f} us/doc)")
    print(f"classify, mix          {len(mix) / t_mix:,.0f} docs/s ({t_mix / len(mix) * 1e3:.2f} ms/doc)")
    if real:
        print(f"classify, real only    {len(real) / t_real:,.0f} docs/s")
    print(f"classify, candidates   {len(cands) / t_cand:,.1f} docs/s ({t_cand / len(cands) * 1e3:.1f} ms/doc, "
          f"mean {kb:.1f} KB)")
    # candidates of article size: dev-set candidates with their body repeated up to ~3 KB
    big = []
    for d in cands[:60]:
        body = d.get("text") or ""
        reps = max(1, 3072 // max(1, len(body)))
        big.append({**d, "text": "\n".join([body] * (reps + 1))[:3072]})
    t_big = _timed(clf.classify, big, args.repeat)
    print(f"classify, 3 KB cands   {len(big) / t_big:,.1f} docs/s ({t_big / len(big) * 1e3:.1f} ms/doc)")
    if MAMNON.exists():
        mam = _load(MAMNON)
        kb_m = statistics.mean(len(d["title"] + d["text"].encode("utf-8").decode()) for d in mam) / 1024
        mb = sum(len((d["title"] + d["text"]).encode("utf-8")) for d in mam) / len(mam) / 1024
        assert all(prefilter(d) for d in mam)
        t_mam = _timed(clf.classify, mam, args.repeat)
        print(f"classify, real cands   {len(mam) / t_mam:,.1f} docs/s ({t_mam / len(mam) * 1e3:.2f} ms/doc; "
              f"{len(mam)} vietnews-mamnon-dev articles, all candidates, mean {kb_m:.1f} K chars = {mb:.1f} KB UTF-8)")
        from classifiers.engine import Classifier

        rules = Classifier.for_plan(clf.plan, model=False)
        t_rules = _timed(rules.classify, mam, args.repeat)
        print(f"  rules alone          {len(mam) / t_rules:,.1f} docs/s ({t_rules / len(mam) * 1e3:.2f} ms/doc; "
              f"the model's features and weights cost the difference)")
    if hasattr(os, "getloadavg"):
        print(f"load average           {os.getloadavg()[0]:.1f} (2 cores shared: wall-time figures drop as it rises; "
              f"timed with {'process CPU time' if CPU_TIME else 'wall time'})")


if __name__ == "__main__":
    main()
