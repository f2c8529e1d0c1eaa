"""Routing by the model's calibrated probability (classifiers.routing.route)."""

from __future__ import annotations

from classifiers.routing import route

THRESHOLDS = {"accept": 0.85, "reject": 0.01, "activity_min": 0.5}


def test_reject_only_below_the_reject_threshold() -> None:
    assert route(0.009, {"2b": 0.9}, THRESHOLDS, subject=True).decision == "reject"
    assert route(0.011, {"2b": 0.9}, THRESHOLDS, subject=True).decision == "review"


def test_accept_needs_a_preschool_subject_and_no_flag() -> None:
    assert route(0.95, {"2b": 0.9}, THRESHOLDS, subject=True).decision == "accept"
    no_subject = route(0.95, {"2b": 0.9}, THRESHOLDS, subject=False)
    assert (no_subject.decision, no_subject.reasons) == ("review", ("no_preschool_subject",))
    flagged = route(0.95, {"2b": 0.9}, THRESHOLDS, subject=True, flags=("non_teaching_staff",))
    assert (flagged.decision, flagged.reasons) == ("review", ("non_teaching_staff",))


def test_each_reason_is_given_once() -> None:
    # an unclear activity (top probability below activity_min) and the rules' own close-activities flag
    routed = route(0.95, {"1": 0.45, "2b": 0.4, "2a": 0.15}, THRESHOLDS, subject=True,
                   flags=("close_activities", "before_project_start", "close_activities"))
    assert routed.decision == "review"
    assert routed.reasons == ("close_activities", "before_project_start")


def test_with_a_reject_model_only_its_probability_rejects() -> None:
    thresholds = {**THRESHOLDS, "reject_model": 0.012}
    # the main model finds the page unlikely, the reject side's model keeps it for a reviewer
    kept = route(0.004, {"2b": 0.9}, thresholds, subject=True, reject_probability=0.02)
    assert (kept.decision, kept.reasons) == ("review", ("borderline",))
    assert route(0.3, {"2b": 0.9}, thresholds, subject=True, reject_probability=0.011).decision == "reject"
    # a page the main model accepts is never rejected by the reject side
    assert route(0.95, {"2b": 0.9}, thresholds, subject=True, reject_probability=0.001).decision == "accept"
    # a model file without the reject part keeps the main model's reject threshold
    assert route(0.009, {"2b": 0.9}, THRESHOLDS, subject=True, reject_probability=0.5).decision == "reject"
