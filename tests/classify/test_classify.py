from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from classifiers import classify_document, classify_many
from classifiers.engine import Classifier
from classifiers.textfold import fast_fold
from pipeline.plans import load_plan
from tests.support.plan import PRIMARY_PLAN

PLAN = load_plan(PRIMARY_PLAN)
RULES = Classifier.for_plan(PLAN, model=False)  # the rules alone: evidence and hard constraints under the model
KEYS = {"id", "relevant", "activity", "format", "score", "decision", "activity_scores", "reasons", "evidence",
        "classifier_version"}

COURSE = {
    "id": "c1", "title": "Nghệ An: Khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán",
    "text": "Ngày 12/7, Sở GDĐT Nghệ An khai giảng lớp bồi dưỡng giáo viên mầm non cốt cán năm 2022 với 300 học "
            "viên.\nNội dung tập trung vào phát triển chương trình giáo dục nhà trường. Kết thúc khóa học, các học "
            "viên được cấp chứng chỉ. Giáo viên cốt cán sẽ hỗ trợ đồng nghiệp tại trường.",
    "published_at": "2022-07-12T08:00:00+07:00",
}
POLICY = {
    "id": "p1", "title": "Nâng chuẩn trình độ giáo viên mầm non: lộ trình theo Nghị định 71",
    "text": "Nghị định 71/2020/NĐ-CP của Chính phủ quy định lộ trình nâng trình độ chuẩn được đào tạo của giáo "
            "viên mầm non. Luật Giáo dục 2019 quy định giáo viên mầm non phải có bằng cao đẳng sư phạm. Chính "
            "sách này thể hiện chủ trương của Đảng, Nhà nước về phát triển đội ngũ nhà giáo.",
    "published_at": "2022-06-01T08:00:00+07:00",
}
GOALS = {
    "id": "g1", "title": "Đề án 33: mục tiêu đến năm 2025 100% giáo viên mầm non đạt chuẩn",
    "text": "Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non giai đoạn 2018-2025 đặt mục "
            "tiêu đến năm 2025 có 100% giáo viên đạt chuẩn. Các nhóm nhiệm vụ, giải pháp trọng tâm giai đoạn "
            "2021-2025 gồm đổi mới nội dung, phương thức bồi dưỡng và phát triển đội ngũ cốt cán.",
    "published_at": "2022-05-20T08:00:00+07:00",
}


def test_contract_keys_and_types():
    r = classify_document(COURSE, PLAN)
    assert set(r) == KEYS | {"probability", "features"}  # the learned model adds two keys
    assert r["id"] == "c1" and isinstance(r["relevant"], bool) and 0.0 <= r["score"] <= 1.0
    assert r["format"] in ("article", "report") and r["decision"] in ("accept", "review", "reject")
    assert set(r["activity_scores"]) == {"1", "2a", "2b"}
    assert r["classifier_version"].startswith("model-") and r["probability"] == r["score"]
    assert r["features"] and all({"feature", "value", "contribution"} <= set(f) for f in r["features"])
    rules = RULES.classify(COURSE)
    assert set(rules) == KEYS and rules["classifier_version"].startswith("rules-")


@pytest.mark.parametrize(("doc", "activity"), [(COURSE, "2b"), (POLICY, "1"), (GOALS, "2a")])
def test_positives_accepted_with_activity(doc, activity):
    r = classify_document(doc, PLAN)
    assert (r["decision"], r["activity"], r["relevant"]) == ("accept", activity, True), r["evidence"]


def test_nfd_and_no_diacritics_score_like_nfc():
    nfc = classify_document(COURSE, PLAN)
    nfd = classify_document({**COURSE, "title": unicodedata.normalize("NFD", COURSE["title"]),
                             "text": unicodedata.normalize("NFD", COURSE["text"])}, PLAN)
    plain = classify_document({**COURSE, "title": fast_fold(COURSE["title"]), "text": fast_fold(COURSE["text"])},
                              PLAN)
    assert nfd["score"] == nfc["score"] and nfd["activity"] == nfc["activity"]
    assert plain["decision"] == "accept" and plain["activity"] == "2b"


@pytest.mark.parametrize("doc", [
    {"id": "n1677", "title": "Sơ kết Đề án phát triển giáo dục mầm non giai đoạn 2018-2025",
     "text": "Thực hiện Đề án 1677, tỉnh đã xây mới 300 phòng học kiên cố, tỷ lệ huy động trẻ mẫu giáo đạt 99%. "
             "Cơ sở vật chất các trường mầm non được cải thiện, nhiều điểm trường lẻ được sáp nhập."},
    {"id": "nlevel", "title": "Tập huấn giáo viên tiểu học, THCS dạy chương trình mới",
     "text": "Sở GDĐT tập huấn cho 500 giáo viên tiểu học và THCS. Sở cũng bồi dưỡng cho các cấp học từ mầm non "
             "đến THPT về chuyển đổi số. Giáo viên THCS được hướng dẫn dạy môn tích hợp, giáo viên tiểu học học "
             "đánh giá học sinh."},
    {"id": "npay", "title": "Giáo viên mầm non bỏ nghề vì lương thấp",
     "text": "Với mức lương chưa đến 4 triệu đồng, nhiều giáo viên mầm non bỏ nghề. Phụ cấp thấp, thu nhập không "
             "đủ sống. Ngành giáo dục kiến nghị tăng phụ cấp cho giáo viên mầm non."},
    {"id": "n2011", "title": "Bồi dưỡng giáo viên mầm non giai đoạn 2011-2015",
     "text": "Thực hiện Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý cơ sở giáo dục mầm non giai đoạn "
             "2011-2015, tỉnh đã mở 20 lớp bồi dưỡng cho giáo viên mầm non.", "published_at": "2013-04-02"},
    {"id": "n33", "title": "Nghị quyết 33 về văn hóa vào trường học",
     "text": "Thực hiện Nghị quyết 33-NQ/TW, các trường từ mầm non đến THPT tổ chức hoạt động văn hóa."},
    {"id": "nessay", "title": "Bài thu hoạch bồi dưỡng thường xuyên giáo viên mầm non module MN 1",
     "text": "Họ và tên: Nguyễn Thị A. Đơn vị công tác: Trường Mầm non Hoa Sen. Bản thân tôi nhận thấy việc bồi "
             "dưỡng thường xuyên giúp giáo viên mầm non nâng cao năng lực theo chuẩn nghề nghiệp."},
])
def test_traps_are_not_accepted(doc):
    # the rules alone reject them; the model never accepts them (it may send one to a person)
    r = RULES.classify(doc)
    assert r["decision"] == "reject" and r["relevant"] is False and r["activity"] is None, r["evidence"]
    assert classify_document(doc, PLAN)["decision"] != "accept"


def test_non_candidates_are_never_prepared(monkeypatch):
    import classifiers.engine as engine

    def boom(*args, **kwargs):
        raise AssertionError("prepared a non-candidate")

    monkeypatch.setattr(engine, "prepare", boom)
    r = classify_document({"id": "x", "title": "Giá vàng hôm nay tăng mạnh", "text": "Thị trường vàng sôi động."},
                          PLAN)
    assert r["decision"] == "reject" and r["evidence"]["stage"] == "prefilter"


def test_title_weighs_more_than_body():
    in_title = classify_document({"id": "t", "title": "Bồi dưỡng giáo viên mầm non",
                                  "text": "Tin tổng hợp trong tuần. " * 30}, PLAN)
    in_body = classify_document({"id": "b", "title": "Tin tổng hợp",
                                 "text": "Tin tổng hợp trong tuần. " * 30 + "Bồi dưỡng giáo viên mầm non."}, PLAN)
    assert in_title["evidence"]["topic"] > in_body["evidence"]["topic"]


def test_review_reasons_window_edge_and_low_date_confidence():
    edge = classify_document({**COURSE, "published_at": "2022-11-29T10:00:00+07:00"}, PLAN)
    assert edge["decision"] == "review" and "window_edge" in edge["reasons"]
    low = classify_document({**COURSE, "published_at": dt.datetime(2022, 11, 15, 9, tzinfo=dt.UTC),
                             "date_confidence": 0.2}, PLAN)
    assert "low_date_confidence" in low["reasons"]


def test_review_reasons_quality_and_short_text():
    r = classify_document({**COURSE, "extraction_quality": 0.1}, PLAN)
    assert r["decision"] == "review" and "low_extraction_quality" in r["reasons"]
    short = classify_document({"id": "s", "title": "Tập huấn giáo viên mầm non",
                               "text": "Sở tập huấn cho 90 giáo viên mầm non."}, PLAN)
    assert "short_text" in short["reasons"]


def test_format_from_document_else_cues():
    assert classify_document({**COURSE, "format": "report"}, PLAN)["format"] == "report"
    tv = classify_document({**COURSE, "title": "Phóng sự: " + COURSE["title"], "source_kind": "tv",
                            "text": "MC: Kính thưa quý vị. " + COURSE["text"]}, PLAN)
    assert tv["format"] == "report" and tv["evidence"]["format"]["source"] == "cues"
    assert classify_document(COURSE, PLAN)["format"] == "article"


def test_classify_many_keeps_order():
    out = classify_many([COURSE, {"id": "z", "title": "Bóng đá", "text": "Trận đấu."}, POLICY], PLAN)
    assert [r["id"] for r in out] == ["c1", "z", "p1"]


def test_odd_inputs_do_not_crash():
    r = classify_document({"id": "o", "title": None, "text": None}, PLAN)
    assert r["decision"] == "reject"
    r = classify_document({**COURSE, "published_at": "hôm qua", "date_confidence": "?",
                           "extraction_quality": None}, PLAN)
    assert r["decision"] == "accept"
    r = classify_document({**COURSE, "published_at": dt.date(2022, 4, 2)}, PLAN)
    assert "window_edge" in r["reasons"]


def test_classification_needs_no_word_segmentation(monkeypatch):
    import underthesea

    def broken(text: str) -> list[str]:
        raise RuntimeError("word segmentation must not be called")

    monkeypatch.setattr(underthesea, "word_tokenize", broken)
    r = classify_document(COURSE, PLAN)
    assert r["decision"] == "accept" and r["evidence"]["pairs"]


def test_very_long_page_is_matched_to_the_end():
    filler = "Thời tiết hôm nay nắng nhẹ, chiều có mưa rào. " * 1000
    r = classify_document({**COURSE, "text": COURSE["text"] + "\n" + filler + " Bồi dưỡng giáo viên mầm non."},
                          PLAN)
    assert r["decision"] == "accept"
    # 2 in title + lead, the third at the very end of a 46 KB body
    (term,) = [t for t in r["evidence"]["terms"] if t["term"] == "boi duong"]
    assert term["count"] == 3 and "body" in term["where"], term


def test_trusted_dates_are_not_sent_to_review_at_the_edge():
    at_edge = {**COURSE, "published_at": "2022-04-01T00:30:00+07:00"}
    assert "window_edge" in classify_document(at_edge, PLAN)["reasons"]  # confidence unknown
    trusted = classify_document({**at_edge, "date_confidence": 0.95}, PLAN)
    assert trusted["decision"] == "accept"
    visible = classify_document({**at_edge, "date_confidence": 0.9}, PLAN)
    assert "window_edge" in visible["reasons"]


def test_page_naming_both_projects_goes_to_review():
    doc = {"id": "m", "title": "Hai đề án lớn về giáo dục mầm non cùng giai đoạn 2018-2025",
           "text": "Đề án phát triển giáo dục mầm non giai đoạn 2018-2025 theo Quyết định 1677/QĐ-TTg tập trung vào "
                   "trường lớp. Trong khi đó, Đề án đào tạo, bồi dưỡng nhà giáo và cán bộ quản lý giáo dục mầm non "
                   "hướng vào đội ngũ: nhiều giáo viên mầm non đã được bồi dưỡng, tập huấn."}
    r = classify_document(doc, PLAN)
    assert r["decision"] == "review" and "mixed_projects" in r["reasons"]


def test_page_without_activity_cue_goes_to_review():
    doc = {"id": "e", "title": "Ngày hội giáo viên mầm non sáng tạo",
           "text": "Hơn 200 giáo viên mầm non chia sẻ sáng kiến tổ chức hoạt động cho trẻ, kết hợp sinh hoạt "
                   "chuyên môn cụm trường. Ngày hội là một hình thức bồi dưỡng tại chỗ cho các cô."}
    r = RULES.classify(doc)
    assert r["decision"] == "review" and "no_activity_cue" in r["reasons"]
    assert classify_document(doc, PLAN)["decision"] == "review"


def test_project_name_without_the_sector_is_not_enough():
    doc = {"id": "o33", "title": "Triển khai Đề án 33 về đào tạo nghề cho lao động nông thôn",
           "text": "Huyện tổ chức hội nghị triển khai Đề án số 33 của Huyện ủy về đào tạo nghề, giải quyết việc làm "
                   "cho lao động nông thôn giai đoạn 2022-2025. Mỗi năm huyện đào tạo nghề cho 1.500 lao động."}
    assert RULES.classify(doc)["decision"] == "reject"
    assert classify_document(doc, PLAN)["decision"] != "accept"


def test_essay_genre_damps_strong_evidence():
    essay = {"id": "es", "title": "Bài thu hoạch bồi dưỡng thường xuyên giáo viên mầm non",
             "text": COURSE["text"] + " Bản thân tôi nhận thấy bồi dưỡng thường xuyên giúp tôi đáp ứng chuẩn nghề "
                     "nghiệp, góp phần thực hiện Đề án 33. Kết luận: tôi sẽ tiếp tục tự học."}
    r = RULES.classify(essay)
    assert r["decision"] == "reject", r["evidence"]["negatives"]
    assert any(n["mode"] == "damp" for n in r["evidence"]["negatives"])
    # under the model, damping is evidence, never a silent reject: an essay waits for a person at most
    m = classify_document(essay, PLAN)
    assert m["decision"] != "accept"
    assert m["decision"] == "reject" or "essay_or_module" in m["reasons"], m["reasons"]


def test_a_contest_in_the_title_is_never_accepted():
    """The same course story told as a contest: fostering only when the contest is professional (docs/labelling.md),
    so a reviewer decides (flag contest_or_event), whatever the model's probability."""
    assert classify_document(COURSE, PLAN)["decision"] == "accept"
    contest = {**COURSE, "id": "c2", "title": "Nghệ An: Hội thi giáo viên mầm non cốt cán giỏi năm 2022"}
    result = classify_document(contest, PLAN)
    assert result["decision"] == "review"
    assert "contest_or_event" in result["reasons"]
