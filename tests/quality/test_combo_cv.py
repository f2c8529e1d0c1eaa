"""The combination tool (tests.quality.combo_cv): its main model is training's (real fitted rows plus every written
item), and its `a=1` combination (the reject side alone) gives group_cv's figures."""

from __future__ import annotations

import random

from classifiers import training as T
from classifiers.corpus import Item
from tests.quality import combo_cv as K
from tests.quality import group_cv as G


def _items(n: int = 75) -> tuple[list[Item], list[dict[str, float]]]:
    rnd = random.Random(1)
    items, X = [], []
    for i in range(n):
        rel = i % 3 == 0
        src = "devset" if i >= 60 else f"file{i % 4}"
        items.append(Item(id=f"i{i}", doc={"url": f"https://o{i % 6}.vn/a{i}"}, relevant=rel,
                          activity="2b" if rel else None, split="train", source=src,
                          weight=0.2 if i >= 60 else 1.0, label={"borderline": i % 7 == 0}))
        X.append({"r:score": rnd.random() + (1.0 if rel else 0.0), "k:term": float(rel or i % 5 == 0),
                  "t:word": 1.0, f"b:w{i % 3}": 1.0, f"b:rare{i}": 1.0, "ac:percent": float(i % 2)})
    return items, X


def test_the_main_model_is_fitted_as_training_fits_it() -> None:
    import numpy as np

    items, X = _items()
    full, d, real, written = K.split_data(items, X)
    assert len(real) == 60 and len(written) == 15 and len(d.y) == 60
    tr, te = np.arange(40), np.arange(40, 60)
    ours = K.margins_main(full, real, written, tr, te)
    rows = sorted([*real[tr], *written])
    wts, b = T.fit_relevance([X[i] for i in rows], [int(items[i].relevant) for i in rows],
                             [T.sample_weight(items[i]) for i in rows], K.MAIN_C)
    theirs = [T._margin(wts, b, X[i]) for i in real[te]]
    assert max(abs(u - v) for u, v in zip(ours, theirs, strict=True)) < 1e-5


def test_the_reject_side_alone_gives_group_cv_figures_and_every_combination_runs() -> None:
    items, X = _items()
    full, d, real, written = K.split_data(items, X)
    mg = K.margins_by_fold(full, d, real, written, "file")
    alone = K.judge(d, mg, "a=1")
    p, n = G.pooled(d, "file", G.Candidate()), G.nested(d, "file", G.Candidate())
    assert alone == {"pooled": [p["relevant_lost"], p["irrelevant_left"]],
                     "nested": [n["relevant_lost"], n["irrelevant_left"]]}
    for name in K.COMBOS:
        out = K.judge(d, mg, name)
        assert 0 <= out["pooled"][1] <= 40 and 0 <= out["nested"][0] <= 20
