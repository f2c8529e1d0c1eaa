"""In-service professional development told without a training verb (eighteenth session, lex19's c4): demonstration
and observed lessons, cluster and subject-group sessions, study visits are training terms of the plan-661 lexicon,
matched with their tone marks (docs/labelling.md: relevant when they are the main subject; a contest word is not a
training term by itself)."""

from __future__ import annotations

import pytest

from classifiers import classify_document
from classifiers.lexicon import load_lexicon
from pipeline.plans import load_plan
from tests.support.plan import PRIMARY_PLAN

PD_TERMS = ["thao giảng", "hội giảng", "dự giờ", "tiết dạy minh họa", "sinh hoạt chuyên đề", "cụm chuyên môn",
            "tổ chuyên môn", "sinh hoạt cụm", "tham quan học tập", "học tập kinh nghiệm", "tham quan học hỏi",
            "học hỏi kinh nghiệm", "hội thảo chuyên môn"]


def _action_keys(title: str, text: str) -> set[str]:
    ev = classify_document({"id": "pd", "title": title, "text": text}, load_plan(PRIMARY_PLAN))["evidence"]
    return {t["key"] for t in ev["terms"] if t["category"] == "action"}


def test_the_terms_are_training_terms_and_contest_words_are_not() -> None:
    lex = load_lexicon(load_plan(PRIMARY_PLAN).lexicon)
    action = {t.text for t in lex.subject["action"].terms}
    assert set(PD_TERMS) <= action
    assert not {"giáo viên dạy giỏi", "dạy giỏi", "hội thi"} & action


@pytest.mark.parametrize("term", PD_TERMS)
def test_each_term_is_found_in_a_preschool_story(term: str) -> None:
    keys = _action_keys(f"Trường mầm non Hoa Sen: {term} cho giáo viên",
                        f"Các cô giáo mầm non của trường tham gia {term} trong tháng 10.")
    assert keys, term


def test_look_alikes_with_other_tone_marks_are_not_training_terms() -> None:
    # "dư giờ" (hours over the norm) is not "dự giờ" (observing a lesson); "tố" is not "tổ"
    assert not _action_keys("Giáo viên mầm non dư giờ dạy", "Nhiều cô giáo mầm non dư giờ, tố chuyên môn kém.")
