"""Decisions: accept / review / reject from the score, and the reasons a person should look.

Reasons (only for pages that pass `review`): borderline, close_activities, no_activity_cue, mixed_projects,
window_edge (unless the date is trusted: machine-readable with a time zone), low_date_confidence,
low_extraction_quality, short_text.
The language rule: a page the extractor found in another language than Vietnamese is rejected
(`not_vietnamese`), on every path (ingest, reclassify, `planwatch classify` and `explain`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from classifiers.contract import Classification
from classifiers.lexicon import Lexicon
from pipeline.plans import Plan
from planwatch.core.vntime import local_date

NOT_VIETNAMESE = "not_vietnamese"


def review_reasons(doc: dict[str, Any], *, score: float, shares: dict[str, float], activity: str | None,
                   text_chars: int, lex: Lexicon, plan: Plan, activity_cues: bool = True,
                   mixed: list[str] | None = None, raw: dict[str, float] | None = None) -> list[str]:
    reasons: list[str] = []
    if score < lex.t("accept") + lex.t("borderline_margin"):
        reasons.append("borderline")
    ranked = sorted(shares.values(), reverse=True)
    second_raw = sorted((raw or {}).values(), reverse=True)[1:2]
    if len(ranked) > 1 and (ranked[0] - ranked[1] < lex.t("activity_margin") or (
            # a page that does two things at length ("quán triệt mục tiêu ... và khai mạc lớp bồi dưỡng")
            ranked[1] >= lex.t("second_activity_share") and second_raw
            and second_raw[0] >= lex.t("second_activity_raw"))):
        reasons.append("close_activities")
    if not activity_cues:
        reasons.append("no_activity_cue")
    if mixed:
        reasons.append("mixed_projects")
    day = local_date(doc.get("published_at"))
    if day is not None and activity is not None:
        try:
            act = plan.activity(activity)
        except KeyError:
            act = None
        if act is not None:
            edge = min(abs((day - act.window_start).days), abs((day - act.window_end).days))
            conf = doc.get("date_confidence")
            trusted = isinstance(conf, int | float) and conf >= lex.t("edge_trusted_date_confidence")
            if edge <= lex.t("window_edge_days") and not trusted:
                reasons.append("window_edge")
            if isinstance(conf, int | float) and conf < lex.t("low_date_confidence") \
                    and edge <= lex.t("low_date_edge_days"):
                reasons.append("low_date_confidence")
    quality = doc.get("extraction_quality")
    if isinstance(quality, int | float) and quality < lex.t("min_extraction_quality"):
        reasons.append("low_extraction_quality")
    if text_chars < lex.t("short_text_chars"):
        reasons.append("short_text")
    return reasons


def decide(score: float, reasons: list[str], lex: Lexicon) -> str:
    if score < lex.t("review"):
        return "reject"
    return "review" if reasons else "accept"


@dataclass(frozen=True)
class Routed:
    decision: str
    reasons: tuple[str, ...]


def route(probability: float, activity_probabilities: dict[str, float], thresholds: dict[str, float], *,
          subject: bool, mixed: bool = False, flags: tuple[str, ...] = (),
          reject_probability: float | None = None) -> Routed:
    """Decision from the model's calibrated probability (thresholds chosen on cross-validation).

    reject  only when confidently irrelevant: with a reject model (`reject_probability` given), when its
            probability is below `reject_model` and the main probability below `accept`; without one, when
            the main probability is below `reject`. The rules' damping is a feature of the model and never
            rejects by itself;
    accept  at or above `accept`, with a preschool subject in the text (hard rule), a clear activity
            (top activity probability >= `activity_min`), and none of the rules' `flags` (a training
            about something other than teaching, or of other staff);
    review  everything in between, with the reasons.
    """
    if reject_probability is not None and "reject_model" in thresholds:
        if reject_probability < thresholds["reject_model"] and probability < thresholds["accept"]:
            return Routed("reject", ())
    elif probability < thresholds["reject"]:
        return Routed("reject", ())
    reasons: list[str] = []
    if probability < thresholds["accept"]:
        reasons.append("borderline")
    if not subject:
        reasons.append("no_preschool_subject")
    if activity_probabilities and max(activity_probabilities.values()) < thresholds.get("activity_min", 0.0):
        reasons.append("close_activities")
    if mixed:
        reasons.append("mixed_projects")
    reasons.extend(f for f in dict.fromkeys(flags) if f not in reasons)  # each reason once
    return Routed("review" if reasons else "accept", tuple(reasons))


def language_rule(result: Classification, language: object) -> Classification:
    """The plans count Vietnamese press: a page in another language (the extractor's `language`, when known)
    is rejected whatever it scored, with the reason `not_vietnamese`; its score, activity and format are
    kept as what the classifier read. A page without a language, in Vietnamese or already rejected is
    returned as it is."""
    if not language or language == "vi" or result["decision"] == "reject":
        return result
    out = result.copy()
    out["decision"], out["relevant"], out["reasons"] = "reject", False, [*result["reasons"], NOT_VIETNAMESE]
    return out
