"""The hard review choice in headless Chromium: activities labelled by what tells them apart, each with its
score; counter-evidence in another colour with its reason; a proportional font for the full text; a queue
usable on a 390 px phone; filters that refuse unknown values and list the valid ones."""

from __future__ import annotations

import json

import pytest

from planwatch.config import Paths
from tests.review.auth import browser_login
from tests.review.conftest import qid
from tests.review.webserver import running_app
from tests.support.browser import launch_browser, new_page, screenshot
from tests.support.warehouse import classification, document, seed, source

pytestmark = pytest.mark.browser
browser = pytest.fixture(scope="module")(launch_browser)
page = pytest.fixture(new_page)
TEXT = ("Sở GDĐT tỉnh Nghệ An tổ chức lớp bồi dưỡng giáo viên mầm non theo Đề án 33, giai đoạn 2021-2025. "
        "Chiều 12/7, các học viên về đào tạo, bồi dưỡng nhà giáo được phổ biến mục tiêu, định hướng của Đề án. "
        "Cũng trong tuần, sở công bố kế hoạch tuyển sinh lớp 10 và tuyển sinh đại học năm 2022.")


@pytest.fixture
def hard_choice(home: Paths) -> Paths:
    """One item between 2a and 2b, with counter-evidence (tuyển sinh, đại học), and two plain ones."""
    evidence = {"terms": [{"term": "de an 33", "surface": "Đề án 33", "category": "project"},
                          {"term": "boi duong", "surface": "bồi dưỡng", "category": "action"},
                          {"term": "muc tieu", "surface": "mục tiêu", "category": "activity:2a"}],
                "negatives": [{"group": "off_topic_preschool", "mode": "ratio", "penalty": 9.3,
                               "terms": [{"term": "tuyen sinh", "surface": "tuyển sinh", "count": 2}]},
                              {"group": "other_levels", "mode": "ratio", "penalty": 1.4,
                               "terms": [{"term": "dai hoc", "surface": "đại học", "count": 1}]}]}
    hard = classification("hard", "2a", "review", score=0.52, reasons=["close_activities"])
    hard["activity_scores"] = json.dumps({"1": 0.08, "2a": 0.52, "2b": 0.47})
    hard["evidence"] = json.dumps(evidence, ensure_ascii=False)
    long_title = ("Nghệ An: bồi dưỡng giáo viên mầm non cốt cán theo Đề án 33, một tiêu đề rất dài để thử "
                  "màn hình điện thoại hẹp mà không phải cuộn ngang")
    seed(home, sources=[source("giaoducthoidai", "Báo Giáo dục và Thời đại"),
                        source("baonghean", "Báo Nghệ An", scope="provincial", province_historical="Nghệ An",
                               province_current="Nghệ An")],
         documents=[document("hard", "2022-07-12", source_id="baonghean", title="Nghệ An bồi dưỡng giáo viên "
                             "mầm non: mục tiêu của Đề án 33", text=TEXT),
                    document("long", "2022-08-01", title=long_title,
                             url="http://127.0.0.1/giaoducthoidai/" + "rat-dai-" * 20 + ".html"),
                    document("plain", "2022-09-01", title="Tập huấn giáo viên mầm non")],
         classifications=[hard, classification("long", "2b", "review", score=0.5),
                          classification("plain", "1", "review", score=0.45)])
    return home


def test_activities_scores_and_counter_evidence(hard_choice, page, tmp_path):
    with running_app(hard_choice, background_sync=False) as base:
        browser_login(page, base, hard_choice)
        page.set_viewport_size({"width": 1200, "height": 1400})
        page.goto(f"{base}/item/{qid('hard')}")
        options = page.locator("#activity option").all_text_contents()
        assert options == ["1 — chủ trương chính sách (điểm 0.08)",
                           "2a — mục tiêu, định hướng, nội dung, nhiệm vụ và giải pháp (điểm 0.52)",
                           "2b — việc thực hiện Đề án 33 (điểm 0.47)"]
        scores = page.locator("#activity-scores li").all_text_contents()
        assert scores == ["1 chủ trương chính sách: 0.08",
                          "2a mục tiêu, định hướng, nội dung, nhiệm vụ và giải pháp: 0.52",
                          "2b việc thực hiện Đề án 33: 0.47"]
        against = page.locator("#against li").all_text_contents()
        assert any(a.startswith("tuyển sinh — chuyện mầm non khác") for a in against)
        assert any(a.startswith("đại học — cấp học khác") for a in against)
        # in the text: support in yellow, counter-evidence in another colour, with its reason on hover
        support = page.locator("#excerpt mark:not(.neg)").all_text_contents()
        counter = page.locator("#excerpt mark.neg").all_text_contents()
        assert "Đề án 33" in support and "tuyển sinh" in counter and "đại học" in counter
        assert "tuyển sinh" not in support
        colour = "el => getComputedStyle(el).backgroundColor"
        assert page.eval_on_selector("#excerpt mark.neg", colour) != \
            page.eval_on_selector("#excerpt mark:not(.neg)", colour)
        assert "cấp học khác" in page.get_attribute("#excerpt mark.neg >> nth=-1", "title")
        # the full text in the page's proportional font, not a monospace one
        page.click("summary:has-text('Toàn văn')")
        font = page.eval_on_selector("#fulltext", "el => getComputedStyle(el).fontFamily")
        body = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert font == body and "mono" not in font.lower()
        assert page.locator("#fulltext mark.neg").count() == 3
        screenshot(page, "review-item.png", tmp_path)
        assert page.errors == []


@pytest.mark.parametrize("path", ["/", "/item/{hard}"])
def test_usable_at_390_px(hard_choice, page, path, tmp_path):
    with running_app(hard_choice, background_sync=False) as base:
        browser_login(page, base, hard_choice)
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(base + path.format(hard=qid("hard")))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        if path == "/":
            assert page.locator("a.item-link").count() == 3
            # one card per item, each value with its label (the table header is hidden on a phone)
            assert not page.is_visible("table.queue thead")
            label = page.eval_on_selector("td[data-label='Báo/đài']",
                                          "el => getComputedStyle(el, '::before').content")
            assert label == '"Báo/đài: "'
            box = page.locator("a.item-link").first.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 390
            screenshot(page, "review-queue-390.png", tmp_path)


@pytest.mark.parametrize(("query", "says", "lists"), [
    ("source=gdtd", "Không có báo/đài nào khớp 'gdtd'", "baonghean, giaoducthoidai"),
    ("activity=9", "Không có hoạt động '9'", "2b (việc thực hiện Đề án 33)"),
])
def test_unknown_filter_values_say_which_are_valid(hard_choice, page, query, says, lists):
    with running_app(hard_choice, background_sync=False) as base:
        browser_login(page, base, hard_choice)
        response = page.goto(f"{base}/?{query}")
        assert response.status == 400
        error = page.text_content("#error")
        assert says in error and lists in error
        assert page.locator("a.item-link").count() == 3  # the queue is shown unfiltered, not empty
        ok = page.goto(f"{base}/?source=Ngh%E1%BB%87%20An")  # part of a name is fine
        assert ok.status == 200 and page.locator("a.item-link").count() == 1
