"""The model file's optional reject part (classifiers.model): loaded when present, absent in older files."""

from __future__ import annotations

import json
from pathlib import Path

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
