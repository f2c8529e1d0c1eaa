"""The activity model's own features (fifteenth session): the plan's activity definitions as lexicon groups and
counts, read by the activity model only (classifiers.training.activity_only)."""

from __future__ import annotations

from classifiers import training as T
from classifiers.engine import Classifier
from classifiers.features import activity_cues
from classifiers.model import Model, shipped_model_path
from classifiers.zones import prepare
from pipeline.plans import load_plan
from tests.support.plan import PRIMARY_PLAN


def _features(title: str, text: str) -> dict[str, float]:
    clf = Classifier.for_plan(load_plan(PRIMARY_PLAN), model=False)
    return clf.analyse({"id": "x", "title": title, "text": text}).features


def test_counts_of_people_percentages_and_target_years_by_zone() -> None:
    out: dict[str, float] = {}
    activity_cues(prepare({"title": "Bồi dưỡng 3.000 giáo viên mầm non",
                           "text": "Phấn đấu đến năm 2025 có 100% giáo viên đạt chuẩn. Đã có 120 lượt cán bộ quản lý."},
                          350), out)
    assert out.keys() >= {"ac:people_count:title", "ac:percent:lead", "ac:year_target:lead", "ac:people_count:lead"}
    out_plain: dict[str, float] = {}
    activity_cues(prepare({"title": "Boi duong 3000 giao vien", "text": "x"}, 350), out_plain)
    assert "ac:people_count:title" in out_plain


def test_the_plan_s_activity_groups_are_matched_by_zone() -> None:
    f = _features("Bộ GD&ĐT ban hành Thông tư về chuẩn nghề nghiệp giáo viên mầm non",
                  "Thông tư có hiệu lực từ tháng 8. Mục tiêu đến năm 2025 phấn đấu 100% giáo viên đạt chuẩn. "
                  "Lớp bồi dưỡng đã diễn ra với 200 học viên tham dự.")
    assert f.get("z:feature:act_instrument:title", 0) > 0
    assert f.get("z:feature:act_orientation:lead", 0) + f.get("z:feature:act_orientation:body", 0) > 0
    assert f.get("z:feature:act_implementation:lead", 0) + f.get("z:feature:act_implementation:body", 0) > 0


def test_only_the_activity_model_reads_activity_only_features() -> None:
    assert T.activity_only("ac:percent:lead") and T.activity_only("z:feature:act_orientation:title")
    assert T.activity_only("k:feature:act_instrument|thong tu") and T.activity_only("kt:feature:act_instrument|luat")
    assert not T.activity_only("z:activity:2a:title") and not T.activity_only("k:feature:what_professional|chuyen mon")
    X = [{"ac:percent:lead": 1.0, "z:sector:title": 1.0}, {"z:sector:title": 1.0}]
    assert "ac:percent:lead" not in T._vocabulary(X) and "ac:percent:lead" in T._vocabulary(X, activity=True)


def test_the_shipped_model_weighs_activity_only_features_in_its_activity_part_alone() -> None:
    m = Model.load(shipped_model_path(PRIMARY_PLAN))
    assert not any(T.activity_only(k) for k in m.weights)
    assert m.reject_weights is not None and not any(T.activity_only(k) for k in m.reject_weights)
    assert any(T.activity_only(k) for w in m.act_weights.values() for k in w)
