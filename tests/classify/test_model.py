"""The model file's optional reject part (classifiers.model): loaded when present, absent in older files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers.model import Model, shipped_model_path
from tests.support.plan import PRIMARY_PLAN


def _minimal(tmp_path: Path, **extra: object) -> Path:
    obj = {"format": 1, "plan": "p", "version": "m0",
           "relevance": {"bias": 0.0, "calibration": [1.0, 0.0], "weights": {"a": 2.0}},
           "thresholds": {"accept": 0.9, "reject": 0.01}, **extra}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    return path


def test_a_model_without_a_reject_part_has_no_reject_probability(tmp_path: Path) -> None:
    assert Model.load(_minimal(tmp_path)).reject_probability({"a": 1.0}) is None


def test_the_reject_part_is_its_own_calibrated_logistic_model(tmp_path: Path) -> None:
    m = Model.load(_minimal(tmp_path, reject={"bias": -1.0, "calibration": [2.0, 0.5], "weights": {"a": 3.0}}))
    q = m.reject_probability({"a": 1.0, "b": 5.0})
    assert q is not None and abs(q - 1 / (1 + 2.718281828459045 ** -(2.0 * (-1.0 + 3.0) + 0.5))) < 1e-9
    assert m.probability({"a": 1.0}) != q  # the main model is unchanged


def test_the_shipped_model_has_a_reject_part_and_its_threshold() -> None:
    m = Model.load(shipped_model_path(PRIMARY_PLAN))
    assert m.reject_weights and "reject_model" in m.thresholds
    assert 0.0 < m.thresholds["reject_model"] < m.thresholds["accept"]


def test_the_accept_threshold_keeps_a_margin_of_one_false_positive() -> None:
    from classifiers.training import accept_threshold

    # 33 relevant items above one irrelevant at 0.70: 33/34 = 0.971 would pass a bare 0.97 rule, 33/35 does not
    p = [0.99 - i * 0.005 for i in range(33)] + [0.70, 0.60, 0.50]
    y = [1] * 33 + [0, 1, 0]
    assert accept_threshold(p, y) == p[32]
    # with no false positive above it, the lowest relevant item sets the threshold
    assert accept_threshold(p[:33], y[:33]) == p[32]
    # 40 relevant items above the irrelevant one: 40/42 = 0.952 < 0.97 still keeps it out
    p2 = [0.99 - i * 0.005 for i in range(40)] + [0.70]
    assert accept_threshold(p2, [1] * 40 + [0]) == p2[39]


def test_the_shipped_reject_part_records_its_n_gram_scale_chosen_on_cross_validation() -> None:
    from classifiers.training import REJECT_NGRAM_SCALES, REJECT_RECALL

    rej = json.loads(shipped_model_path(PRIMARY_PLAN).read_text(encoding="utf-8"))["reject"]
    assert rej["ngram_scale"] in REJECT_NGRAM_SCALES
    shares, recalls = rej["cv_irrelevant_surfaced"], rej["cv_surfaced_recall"]
    assert set(shares) == set(recalls) == {str(s) for s in REJECT_NGRAM_SCALES}
    best = max(min(r, REJECT_RECALL) for r in recalls.values())
    chosen = str(rej["ngram_scale"])
    assert min(recalls[chosen], REJECT_RECALL) == best
    assert shares[chosen] == min(v for k, v in shares.items() if min(recalls[k], REJECT_RECALL) == best)


def test_the_reject_model_takes_the_n_gram_scale_that_leaves_fewer_irrelevant_items(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import classifiers.training as T

    # relevant pages say "bồi dưỡng" only in their n-grams; a lexicon feature is noise shared by both classes
    X, y = [], []
    for i in range(60):
        rel = i % 4 == 0
        x = {"z:sector:body": 1.0 if i % 3 else 0.0, f"b:x{i % 7}": 1.0}
        if rel:
            x["b:bồi dưỡng"] = 1.0
        X.append(x)
        y.append(int(rel))
    monkeypatch.setattr(T, "REJECT_NGRAM_SCALES", (0.01, 1.0))
    model, t, q = T._reject_model(X, y, [1.0] * len(y), list(range(len(y))))
    assert model["ngram_scale"] == 1.0
    assert model["cv_irrelevant_surfaced"]["1.0"] < model["cv_irrelevant_surfaced"]["0.01"]
    assert sum(1 for qi, yi in zip(q, y, strict=True) if yi and qi < t) <= len([v for v in y if v]) * 0.03


def test_the_accept_threshold_is_chosen_among_items_the_routing_would_accept() -> None:
    """A page the routing sends to review whatever its probability (here: the rules' activity cues are close)
    cannot be a false acceptance, so it does not hold the accept threshold up (ninth session)."""
    from classifiers.corpus import load_real
    from classifiers.engine import Classifier
    from classifiers.training import acceptable, routable
    from pipeline.plans import load_plan

    clf = Classifier.for_plan(load_plan(PRIMARY_PLAN), model=False)
    items = {it.id: it for it in load_real()}
    profile = items["web-0c2ae450eb85"]  # a kindergarten's management-board profile page, labelled irrelevant
    an = clf.analyse(profile.doc)
    assert acceptable(profile, an.features, clf)  # the hard rules alone let it through
    for activity in ("1", "2a", "2b"):
        assert not routable(profile, an, {activity: 0.9, "x": 0.1}, 0.0, clf)
    clean = items["web-8a5078b99889"]  # a policy page on the teachers' qualification roadmap, activity 1
    an = clf.analyse(clean.doc)
    assert routable(clean, an, {"1": 0.9, "2a": 0.05, "2b": 0.05}, 0.5, clf)
    assert not routable(clean, an, {"1": 0.9, "2a": 0.05, "2b": 0.05}, 0.95, clf)  # below activity_min
    assert not routable(clean, an, {"2b": 0.9, "1": 0.1}, 0.0, clf)  # the cues point to another activity


def test_nested_accept_precision_counts_only_items_the_threshold_was_not_set_on() -> None:
    """The accept rule is exact on the items it is set on by construction; on held-out items an irrelevant item
    that scores among the relevant ones is accepted in some folds (tenth session: C is chosen on this figure)."""
    from classifiers.training import _nested_precision, accept_threshold

    y = [1] * 60 + [0] * 60
    separable = [0.8 + 0.003 * k for k in range(60)] + [0.1 + 0.005 * k for k in range(60)]
    assert _nested_precision(separable, y, list(range(120))) == 1.0
    mixed = separable[:]
    mixed[60] = 0.95  # one irrelevant item among the top relevant ones
    idx = list(range(120))
    assert accept_threshold([mixed[i] for i in idx], [y[i] for i in idx]) > 0.95  # the full-data rule avoids it
    nested = _nested_precision(mixed, y, idx)
    assert 0.9 < nested < 1.0
    assert nested == _nested_precision(mixed, y, idx)  # fixed shuffle seeds


def test_the_accept_threshold_is_lifted_until_no_held_out_irrelevant_item_is_accepted() -> None:
    """Eleventh session: the rule sets the threshold just above the highest irrelevant item, so a second one close
    below it is accepted whenever the first is held out; the margin is the smallest that keeps every held fifth
    free of false acceptances, in every fold-seed group."""
    from classifiers.training import ACCEPT_LOGIT_MARGINS, _accept_margin, _nested_precision, accept_threshold, lifted

    assert lifted(0.7, 0.0) == 0.7
    assert 0.7 < lifted(0.7, 0.25) < lifted(0.7, 0.5) < 1.0
    y = [1] * 60 + [0] * 60
    separable = [0.6 + 0.0065 * k for k in range(60)] + [0.1 + 0.005 * k for k in range(60)]
    idx = list(range(120))
    margin, by_margin = _accept_margin([separable, separable], y, idx)
    assert margin == 0.0 and by_margin == {"0.0": [1.0, 1.0]}
    close = separable[:]
    close[60:66] = [0.78, 0.70, 0.69, 0.68, 0.67, 0.66]  # the highest irrelevant item, the next ones near 0.70
    assert accept_threshold(close, y) > 0.78  # the full-data rule keeps them all out
    assert _nested_precision(close, y, idx) < 1.0  # held out, 0.78 is accepted above a threshold set near 0.70
    margin, by_margin = _accept_margin([separable, close], y, idx)
    assert margin == 0.5  # 0.70 lifted by 0.25: 0.75, below 0.78; by 0.5: 0.79, above it
    assert by_margin[str(margin)] == [1.0, 1.0]
    assert all(min(by_margin[str(m)]) < 1.0 for m in ACCEPT_LOGIT_MARGINS if m < margin)
    inside = separable[:]
    inside[60] = 0.985  # above every relevant item: no margin of the grid keeps it out when it is held
    margin, by_margin = _accept_margin([inside], y, idx)
    assert margin == ACCEPT_LOGIT_MARGINS[-1] and all(v[0] < 1.0 for v in by_margin.values())


def test_the_accept_margin_grid_steps_by_a_twentieth_of_a_logit() -> None:
    """Sixteenth session (accept17): the margin is the smallest of a grid in steps of 0.05 from 0 to 1 that passes
    the nested check; with steps of 0.25 the choice could sit up to a quarter of a logit above it, and that step
    moved the accepted items out of fold by +-4 (docs/classification.md)."""
    from itertools import pairwise

    from classifiers.training import ACCEPT_LOGIT_MARGINS, _accept_margin, lifted

    assert ACCEPT_LOGIT_MARGINS[0] == 0.0 and ACCEPT_LOGIT_MARGINS[-1] == 1.0
    steps = {round(b - a, 6) for a, b in pairwise(ACCEPT_LOGIT_MARGINS)}
    assert steps == {0.05}
    assert all(str(m) == f"{m:g}" or str(m) == f"{m:.1f}" for m in ACCEPT_LOGIT_MARGINS)  # clean keys in the model file
    y = [1] * 60 + [0] * 60
    p = [0.6 + 0.0065 * k for k in range(60)] + [0.1 + 0.005 * k for k in range(60)]
    p[60:66] = [0.72, 0.70, 0.69, 0.68, 0.67, 0.66]  # held out, 0.72 is accepted above a threshold set near 0.69
    margin, by_margin = _accept_margin([p], y, list(range(120)))
    assert margin == 0.15  # the old grid's first passing step was 0.25
    assert lifted(0.69, margin) > 0.72 > lifted(0.69, 0.1)
    assert by_margin[str(margin)] == [1.0] and all(v[0] < 1.0 for k, v in by_margin.items() if float(k) < margin)


def test_irrelevant_pages_labelled_borderline_do_not_shape_the_reject_model() -> None:
    """Twelfth session: the reject side's model leaves out the irrelevant items a second reader could call relevant
    (their weight is REJECT_BORDERLINE_NEGATIVE_WEIGHT, 0); the other items keep their own weights."""
    import classifiers.training as T
    from classifiers.corpus import Item

    def item(relevant: bool, borderline: bool) -> Item:
        return Item(id="x", doc={}, relevant=relevant, activity="2b" if relevant else None, split="train",
                    source="web_pages", label={"borderline": borderline})

    its = [item(False, True), item(False, False), item(True, True), item(True, False)]
    assert T.REJECT_BORDERLINE_NEGATIVE_WEIGHT == 0.0
    assert T.reject_weights(its, [0.5, 1.0, 0.5, 1.0]) == [0.0, 1.0, 0.5, 1.0]
    # a zero weight leaves the item out of the fit: the same weights as without it
    X = [{"z:a": 1.0}, {"z:a": 1.0, "z:b": 1.0}, {"z:b": 1.0}, {"z:a": 1.0, "z:b": 1.0}, {"z:c": 1.0}, {"z:b": 1.0}]
    y = [0, 0, 0, 1, 1, 1]
    with_zero = T.fit_relevance(X, y, [0.0, 1, 1, 1, 1, 1], 0.3)
    without = T.fit_relevance(X[1:], y[1:], [1.0] * 5, 0.3)
    assert with_zero[0] != T.fit_relevance(X, y, [1.0] * 6, 0.3)[0]
    assert with_zero[0] == pytest.approx(without[0], abs=1e-9)
    assert with_zero[1] == pytest.approx(without[1], abs=1e-9)
