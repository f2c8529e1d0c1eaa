"""Sentence-level features (classifiers.sentences): a training term, the people trained and the preschool level
or professional content count together only when one sentence carries them."""

from __future__ import annotations

from classifiers.engine import Classifier
from classifiers.sentences import sentence_features
from pipeline.plans import load_plan
from tests.support.plan import PRIMARY_PLAN

RULES = Classifier.for_plan(load_plan(PRIMARY_PLAN), model=False)


def feats(title: str, text: str) -> dict[str, float]:
    an = RULES.analyse({"id": "t", "title": title, "text": text})
    return sentence_features(an.zones, an.index)


def test_one_training_sentence_carries_people_level_and_content():
    f = feats("Tập huấn chuyên môn cho giáo viên mầm non",
              "Sáng 5/6, Phòng Giáo dục tổ chức tập huấn cho 200 giáo viên mầm non về phương pháp giáo dục. "
              "Các lớp kéo dài ba ngày.")
    assert f["s:train_all"] > 0 and f["s:train_people_preschool"] > 0 and f["s:train_in_head"] == 1.0
    assert "s:offtopic_dominates" not in f
    assert 0 < f["s:train_share"] <= 1.0


def test_the_same_words_scattered_over_sentences_do_not_count():
    # an abuse story: teachers, preschool and training are named, never in one sentence
    f = feats("Cô giáo bạo hành trẻ ở nhóm lớp tư thục",
              "Camera ghi lại cảnh cô giáo đánh trẻ tại một nhóm lớp mầm non. Phụ huynh phản ánh nhiều lần. "
              "Cơ quan chức năng đã đình chỉ nhóm lớp. Ngành giáo dục cho biết sẽ tăng cường tập huấn.")
    assert "s:train_people" not in f and "s:train_all" not in f and "s:train_in_head" not in f
    assert f["s:offtopic_dominates"] == 1.0
    assert f["s:offtopic_share"] > f["s:train_share"]


def test_training_next_to_non_professional_content():
    f = feats("Diễn tập phòng cháy chữa cháy",
              "Trường mầm non tổ chức tập huấn phòng cháy chữa cháy cho nhân viên bảo vệ và nhân viên nấu ăn.")
    assert f["s:train_nonprofessional"] > 0
    assert "s:train_people_content" not in f


def test_line_breaks_end_a_sentence():
    joined = feats("", "Tập huấn cho giáo viên mầm non về phương pháp giáo dục")
    split = feats("", "Tập huấn\ncho giáo viên mầm non về phương pháp giáo dục")
    assert joined["s:train_all"] > 0
    assert "s:train_all" not in split
