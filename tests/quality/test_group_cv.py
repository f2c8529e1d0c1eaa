"""The grouped cross-validation tool (tests.quality.group_cv): its fit is training.fit_relevance's, its folds hold
whole files or outlets out, and its nested figures come from thresholds set without the held fold."""

from __future__ import annotations

import random

from classifiers import training as T
from classifiers.corpus import Item
from tests.quality import group_cv as G


def _data(n: int = 60) -> G.Data:
    rnd = random.Random(0)
    items, X = [], []
    for i in range(n):
        rel = i % 3 == 0
        src = f"file{i % 4}"
        items.append(Item(id=f"i{i}", doc={"url": f"https://o{i % 6}.vn/a{i}"}, relevant=rel,
                          activity="2b" if rel else None, split="train", source=src,
                          label={"borderline": i % 7 == 0}))
        x = {"r:score": rnd.random() + (1.0 if rel else 0.0), "k:term": float(rel or i % 5 == 0),
             "t:word": 1.0, f"b:w{i % 3}": 1.0, f"b:rare{i}": 1.0}
        X.append(x)
    return G.build(items, X)


def test_fit_gives_the_margins_of_the_training_code() -> None:
    import numpy as np

    d = _data()
    X = [{k: float(d.M[i, j]) for j, k in enumerate(d.vocab) if d.M[i, j]} for i in range(len(d.y))]
    tr = np.arange(40)
    coef, b = G.fit(d, tr, 0.3, 30.0, 0.6)
    wts, b2 = T.fit_relevance([X[i] for i in tr], [int(v) for v in d.y[tr]], [float(v) for v in d.w[tr]], 0.3,
                              30.0, 0.6)
    ours = d.M @ coef + b
    theirs = [T._margin(wts, b2, x) for x in X]
    assert max(abs(u - v) for u, v in zip(ours, theirs, strict=True)) < 1e-5


def test_file_and_outlet_folds_hold_whole_groups_out() -> None:
    d = _data()
    for kind, key in (("file", lambda it: it.source), ("outlet", G.outlet)):
        for tr, te in G.folds(d, kind):
            assert not {key(d.items[i]) for i in tr} & {key(d.items[i]) for i in te}
    assert len(G.folds(d, "file")) == 4
    assert G.outlet(Item(id="x", doc={}, relevant=False, activity=None, split="train", source="rss")) == "rss"


def test_pooled_and_nested_figures_count_the_relevant_items_and_the_irrelevant_left() -> None:
    d = _data()
    cand = G.Candidate(scales=(0.45, 0.6))
    p = G.pooled(d, "stratified", cand, seeds=(0,))
    n = G.nested(d, "file", cand, detail=True)
    for out in (p, n):
        assert out["items"] == 60 and out["relevant"] == 20
        assert out["relevant_lost"] == round(20 * (1 - out["surfaced_recall"]))
        assert 0 <= out["irrelevant_left"] <= 40
    assert sum(n["lost_by_group"].values()) == n["relevant_lost"]


def test_the_activity_only_columns_stay_out_and_weight_one_is_balanced_as_in_training() -> None:
    """Since the fifteenth session the relevance and reject models leave the activity-only features out
    (training.activity_only); at positive weight 1 fit_relevance's classes are "balanced" by sample weight."""
    import numpy as np

    d = _data()
    X = [{k: float(d.M[i, j]) for j, k in enumerate(d.vocab) if d.M[i, j]} for i in range(len(d.y))]
    Xa = [{**x, "ac:percent": float(i % 2), "k:feature:act_instrument:title": 1.0} for i, x in enumerate(X)]
    da = G.build(d.items, Xa)
    assert da.vocab == d.vocab and not any(T.activity_only(k) for k in da.vocab)
    w = [0.2 if i % 5 == 0 else 1.0 for i in range(len(d.y))]
    da.w = np.array(w)
    tr = np.arange(50)
    coef, b = G.fit(da, tr, 0.1, 1.0, 0.3)
    wts, b2 = T.fit_relevance([Xa[i] for i in tr], [int(v) for v in da.y[tr]], [w[i] for i in tr], 0.1)
    theirs = [T._margin(wts, b2, x) for x in Xa]
    assert max(abs(u - v) for u, v in zip(da.M @ coef + b, theirs, strict=True)) < 1e-5


def test_nested_inner_seed_zero_is_the_default_split() -> None:
    d = _data()
    cand = G.Candidate()
    assert G.nested(d, "file", cand) == G.nested(d, "file", cand, inner_seed=0)
    for s in (1, 2):
        out = G.nested(d, "file", cand, inner_seed=s)
        assert out["items"] == 60 and 0 <= out["relevant_lost"] <= 20


def test_the_cli_forwards_a_candidate_lexicon_and_reports_each_inner_seed(monkeypatch, capsys) -> None:
    import json

    seen: list[str | None] = []

    def fake_load(lexicon: str | None = None) -> G.Data:
        seen.append(lexicon)
        return _data()

    monkeypatch.setattr(G, "load_train", fake_load)
    assert G.main(["--folds", "file", "--lexicon", "/tmp/cand.toml", "--inner-seeds", "0,1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert seen == ["/tmp/cand.toml"] and out["lexicon"] == "/tmp/cand.toml"
    assert set(out["file"]) == {"pooled", "nested_inner0", "nested_inner1"}
    assert G.main(["--folds", "file"]) == 0
    assert set(json.loads(capsys.readouterr().out)["file"]) == {"pooled", "nested"}


def test_a_lexicon_path_replaces_the_plans_lexicon(tmp_path) -> None:
    import dataclasses

    from classifiers.engine import Classifier
    from classifiers.lexicon import lexicon_path
    from pipeline.plans import load_plan
    from tests.support.plan import PRIMARY_PLAN

    plan = load_plan(PRIMARY_PLAN)
    own = Classifier.for_plan(plan, model=False)
    text = lexicon_path(plan.lexicon).read_text(encoding="utf-8")
    cand = tmp_path / "cand.toml"
    cand.write_text(text.replace('"sinh hoạt chuyên môn",\n]', '"sinh hoạt chuyên môn", "thao giảng",\n]', 1),
                    encoding="utf-8")
    other = Classifier.for_plan(dataclasses.replace(plan, lexicon=str(cand)), model=False)
    assert other.lexicon.digest != own.lexicon.digest


def _run(left: tuple[int, int, int], lost: tuple[list[int], list[int], list[int]]) -> dict:
    return {kind: {"pooled": {"irrelevant_left": n},
                   **{f"nested_inner{s}": {"relevant_lost": v} for s, v in enumerate(per_seed)}}
            for kind, n, per_seed in zip(("stratified", "file", "outlet"), left, lost, strict=True)}


def test_the_verdict_counts_every_fold_kind_stratified_nesting_too() -> None:
    # the eighteenth session's figures on the enlarged train split: c4 wins file and outlet, loses stratified nested
    main = _run((185, 250, 237), ([2, 4, 3], [5, 4, 6], [5, 5, 5]))
    c4 = _run((158, 194, 197), ([3, 5, 6], [4, 5, 6], [4, 5, 5]))
    v = G.verdict(c4, main)
    assert v["kinds"]["stratified"]["nested_lost"] == [14, 9] and v["kinds"]["outlet"]["nested_lost"] == [14, 15]
    assert v["ships"] is False
    better = _run((158, 194, 197), ([2, 4, 3], [4, 5, 6], [4, 5, 5]))
    assert G.verdict(better, main)["ships"] is True
    equal_left = _run((185, 194, 197), ([2, 4, 3], [4, 5, 6], [4, 5, 5]))
    assert G.verdict(equal_left, main)["ships"] is False  # fewer left is required, not as many


def test_the_verdict_refuses_runs_with_different_seeds() -> None:
    import pytest

    main = _run((185, 250, 237), ([2, 4, 3], [5, 4, 6], [5, 5, 5]))
    one_seed = {k: {"pooled": v["pooled"], "nested": v["nested_inner0"]} for k, v in main.items()}
    with pytest.raises(ValueError, match="inner seeds"):
        G.verdict(one_seed, main)
