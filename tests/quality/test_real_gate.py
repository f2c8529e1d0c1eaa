"""Quality gate on text nobody here wrote: the shipped model on the real labelled holdout, the 806-article
file, and digests of the files the gate reads (a silent change of labels, corpus or model is caught)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from classifiers.corpus import LABELS_FILE, REAL_DIR, file_sha256, load_real, mamnon_corpus
from tests.quality.real_eval import evaluate_real
from tests.support.plan import PRIMARY_PLAN

HERE = Path(__file__).parent
FLOORS = tomllib.loads((HERE / "floors.toml").read_text(encoding="utf-8"))
DIGESTS = tomllib.loads((HERE / "real_digests.toml").read_text(encoding="utf-8"))
CORPUS = mamnon_corpus()

pytestmark = pytest.mark.skipif(not CORPUS.exists() and not os.environ.get("CI"),
                                reason=f"{CORPUS} not available (CI fails instead of skipping)")


@pytest.fixture(scope="module")
def figures() -> dict:
    figs = evaluate_real()
    figs.pop("_pairs")
    for name in ("holdout", "mamnon_806"):
        print(name, {k: v for k, v in figs[name].items() if not k.endswith("_ids")})
    return figs


def test_real_holdout_floors(figures):
    got, floors = figures["holdout"], FLOORS["real_holdout"]
    # an empty or positive-free holdout scores 1.0 everywhere: it must not pass
    assert got["items"] >= floors["min_items"] and got["relevant"] >= floors["min_relevant"], got
    for key, floor in floors.items():
        if key.startswith("min_"):
            continue
        if key.endswith("_max"):
            name = key.removesuffix("_max")
            assert got[name] <= floor, f"holdout {name} {got[name]} above ceiling {floor}"
        else:
            assert got[key] >= floor, f"holdout {key} {got[key]} below floor {floor}"


def test_mamnon_806_irrelevant_accepted(figures):
    got = figures["mamnon_806"]
    assert got["items"] == 806
    assert got["irrelevant_accepted_share"] <= FLOORS["mamnon_806"]["irrelevant_accepted_share_max"], \
        got["irrelevant_accepted_ids"]


def test_the_gate_reads_the_pinned_files():
    """Labels, corpus and model as pinned: a changed file must come with new pins (and a retrained model)."""
    files = {LABELS_FILE.name: LABELS_FILE, CORPUS.name: CORPUS,
             "model": HERE.parents[1] / "data" / "models" / f"{PRIMARY_PLAN}.json"}
    files.update({p.name: p for p in sorted(REAL_DIR.glob("*.jsonl"))})
    got = {name: file_sha256(path) for name, path in files.items()}
    assert got == DIGESTS["sha256"], "pinned digests differ: update tests/quality/real_digests.toml " \
                                     "after retraining (planwatch train --ship)"


def test_holdout_split_is_the_fixed_rule():
    import hashlib

    items = load_real()
    assert items
    for it in items:
        want = "holdout" if int(hashlib.sha256(it.id.encode()).hexdigest(), 16) % 10 < 3 else "train"
        assert it.split == want and it.label.get("split", want) == want, it.id
