"""A page whose text never names the preschool level but whose URL does is a candidate, never accepted."""

from __future__ import annotations

import pytest

from classifiers.engine import Classifier
from classifiers.url_subject import url_subject
from pipeline.plans import load_plan
from tests.support.plan import PRIMARY_PLAN


@pytest.mark.parametrize(("url", "sign"), [
    ("https://yenso.hanoi.gov.vn/y-te-giao-duc/giao-vien-truong-mam-non-hoa-sua-chu-dong-tiep-can-ai.htm", "mamnon"),
    ("http://mnsapa.pgdsapa.edu.vn/tin-tuc/ngay-16-4-2020-pgd-dt-sa-pa-boi-duong-chuyen-mon.html", "mnsapa"),
    ("https://mghoamai.locninh.edu.vn/chuyen-mon/tap-huan-truc-tuyen.html", "mghoamai"),
    ("https://example.vn/tin/truong-mau-giao-so-1-khai-giang", "maugiao"),
    ("https://example.vn/tin/nhatre-hoa-hong", "nhatre"),
    ("https://example.vn/tin/m%E1%BA%A7m-non-tap-huan", "mamnon"),  # percent-encoded "mầm-non"
])
def test_url_names_the_preschool_level(url, sign):
    assert url_subject(url) == sign


@pytest.mark.parametrize("url", [
    None, "", "not a url", "https://vnexpress.net/giao-duc/tap-huan-giao-vien-tieu-hoc-123.html",
    "https://mnews.example.com/mam-nonsense",        # "mam-non" must be a whole run of the slug
    "https://mnhoa.example.com/tap-huan",            # an "mn" host counts only under .edu.vn
    "https://thcs.mnhoa.edu.vn/tap-huan",            # ... as its first label
    "https://example.vn/tin/chua-mam-nong-nghiep",
])
def test_url_without_the_level(url):
    assert url_subject(url) is None


TRAINING = ("Phòng Giáo dục và Đào tạo tổ chức bồi dưỡng chuyên môn cho cán bộ quản lý và giáo viên các trường "
            "trong huyện về tổ chức hoạt động trải nghiệm, phát triển chương trình nhà trường.")


def _doc(url: str | None) -> dict:
    d = {"id": "u1", "title": "Bồi dưỡng chuyên môn hè", "text": TRAINING}
    if url:
        d["url"] = url
    return d


def test_a_url_only_page_is_a_candidate_and_never_accepted():
    plan = load_plan(PRIMARY_PLAN)
    clf = Classifier.for_plan(plan)
    plain = clf.classify(_doc(None))
    assert plain["decision"] == "reject" and plain["evidence"]["stage"] == "prefilter"
    via_url = clf.classify(_doc("http://mnsapa.pgdsapa.edu.vn/tin-tuc/boi-duong-chuyen-mon.html"))
    assert via_url["evidence"]["stage"] == "scored"
    assert via_url["evidence"]["prefilter_hit"] == "url:mnsapa"
    # a training story: the model finds it likely relevant, but the text names no preschool subject
    assert via_url["decision"] == "review" and "no_preschool_subject" in via_url["reasons"]
    # the URL is read only when the text names nothing: a text candidate keeps its text hit
    text_hit = clf.classify({**_doc("http://mnsapa.pgdsapa.edu.vn/x.html"), "text": TRAINING + " Giáo viên mầm non."})
    assert text_hit["evidence"]["prefilter_hit"] == "mam non"
