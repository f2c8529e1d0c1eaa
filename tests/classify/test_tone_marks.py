"""Matching respects tone marks: text written with diacritics is matched with them; only a document
written without diacritics is matched on folded syllables (classifiers.matcher)."""

from __future__ import annotations

import dataclasses
import unicodedata
from functools import cache

import pytest

from classifiers.lexicon import Lexicon, Term, load_lexicon
from classifiers.matcher import Matcher, Syllables, has_diacritics
from classifiers.scoring import match_zones
from classifiers.textfold import fast_fold
from classifiers.zones import Zone
from pipeline.normalize import normalize_text
from tests.support.plan import PRIMARY_PLAN


@cache
def _plan_lexicon() -> Lexicon:
    from pipeline.plans import load_plan

    return load_lexicon(load_plan(PRIMARY_PLAN).lexicon)


def found(terms: list[str], text: str) -> list[str]:
    """The terms the classifier's own matching (scoring.match_zones: the trie walk, then leftmost-longest within a
    category) finds in `text`, with `terms` as one category."""
    lex = dataclasses.replace(_plan_lexicon(), owners=tuple(("t", Term(t, t, 1.0)) for t in terms),
                              matcher=Matcher(terms))
    norm = normalize_text(text)
    zone = Zone(name="body", text=norm, syl=Syllables.of(norm), plain=not has_diacritics(text))
    return [h.key for h in match_zones([zone], lex).get("t", [])]


# (term, text where only a look-alike occurs, text where the term occurs)
COLLISIONS = [
    ("lương", "Nâng cao chất lượng đội ngũ giáo viên mầm non.", "Giáo viên mầm non than lương thấp."),
    ("tôi", "Lớp bồi dưỡng kéo dài tới cuối tháng, buổi tối học trực tuyến.", "Bản thân tôi nhận thấy cần học thêm."),
    ("khóa học", "Hội thảo khoa học về giáo dục mầm non.", "Kết thúc khóa học, học viên nhận chứng chỉ."),
    ("người viết", "Nhiều người Việt quan tâm tới giáo dục mầm non.", "Theo người viết, bài thu hoạch cần ngắn."),
    ("trường mầm non", "Hiệu trưởng, trưởng mầm non xã cùng tham dự.", "Giáo viên trường mầm non Hoa Sen."),
]


@pytest.mark.parametrize(("term", "lookalike", "real"), COLLISIONS, ids=[c[0] for c in COLLISIONS])
def test_collision_is_gone_when_the_text_has_diacritics(term, lookalike, real):
    assert term not in found([term], lookalike)
    assert found([term], real) == [term]


@pytest.mark.parametrize(("term", "lookalike", "real"), COLLISIONS, ids=[c[0] for c in COLLISIONS])
def test_text_without_diacritics_is_matched_folded(term, lookalike, real):
    # typed without diacritics, the writer's intent is unknown: the folded form matches (recall first)
    assert found([term], fast_fold(real)) == [term]


def test_collisions_in_the_classifier_evidence():
    from classifiers import classify_document
    from pipeline.plans import load_plan

    doc = {"id": "q", "title": "Nâng cao chất lượng bồi dưỡng giáo viên mầm non",
           "text": "Sở tổ chức hội thảo khoa học về chất lượng đội ngũ. Trường mầm non Hoa Sen cử giáo viên đi học "
                   "tới tháng 8, buổi tối học trực tuyến; nhiều người Việt quan tâm."}
    ev = classify_document(doc, load_plan(PRIMARY_PLAN))["evidence"]
    keys = {t["key"] for t in ev["terms"]} | {t["key"] for n in ev["negatives"] for t in n["terms"]}
    assert not keys & {"luong", "toi", "khoa hoc", "nguoi viet"}, keys


def test_old_tone_placement_and_nfd_match():
    assert found(["hòa nhập"], "giáo dục hoà nhập cho trẻ") == ["hòa nhập"]
    assert found(["khóa học"], unicodedata.normalize("NFD", "Kết thúc khoá học")) == ["khóa học"]
    assert found(["thúy"], "cô giáo Thuý") == ["thúy"]


def test_document_level_diacritic_detection():
    assert has_diacritics("Giáo viên mầm non được bồi dưỡng")
    assert not has_diacritics("Giao vien mam non duoc boi duong thuong xuyen")
    # a few marked names in otherwise plain text do not make it "with diacritics"
    assert not has_diacritics("giao vien mam non o Đà Nẵng duoc boi duong thuong xuyen trong nam hoc moi nay "
                              "va cac lop tap huan chuyen mon cho can bo quan ly")


def test_terms_cross_punctuation_inside_a_phrase_but_not_a_sentence_break():
    assert found(["33/QĐ-TTg"], "Quyết định 33/QĐ-TTg ngày 8/1/2018") == ["33/QĐ-TTg"]
    assert found(["giai đoạn 2018-2025"], "giai đoạn 2018 – 2025") == ["giai đoạn 2018-2025"]
    assert found(["đào tạo, bồi dưỡng"], "đào tạo bồi dưỡng nhà giáo") == ["đào tạo, bồi dưỡng"]
    assert found(["mầm non"], "Trẻ lớp mầm. Non sông đất nước") == []
    assert found(["Đề án 33"], "Đề án 330 về giao thông") == []


def test_optional_word_and_longest_first():
    assert found(["Quyết định [số] 33/QĐ-TTg"], "Quyết định số 33/QĐ-TTg") == ["Quyết định [số] 33/QĐ-TTg"]
    assert found(["Quyết định [số] 33/QĐ-TTg"], "Quyết định 33/QĐ-TTg") == ["Quyết định [số] 33/QĐ-TTg"]
    assert found(["bồi dưỡng", "bồi dưỡng thường xuyên"], "bồi dưỡng thường xuyên và bồi dưỡng hè") == [
        "bồi dưỡng thường xuyên", "bồi dưỡng"]
