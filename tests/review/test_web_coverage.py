"""The read-only coverage page (/coverage on the review server) in headless Chromium: targets met, each
activity × format with planned, actual, pending and time elapsed, the stories and their copies (outlet,
date, link, archived copy, who confirmed), the cumulative chart and the sources' health; at 390 px too."""

from __future__ import annotations

import gzip
import hashlib

import pytest

from pipeline.store import open_writer
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse
from tests.review.auth import browser_login
from tests.review.webserver import running_app
from tests.support.browser import launch_browser, new_page, screenshot

pytestmark = pytest.mark.browser
browser = pytest.fixture(scope="module")(launch_browser)
page = pytest.fixture(new_page)
RAW = "<html><body><h1>Chính sách đào tạo</h1></body></html>".encode()


@pytest.fixture
def covered(home: Paths) -> Paths:
    """The analysts' warehouse (a story with three copies, a reviewer's confirm, a failing and a silent
    source), with the archived bytes of one copy."""
    analyst_warehouse(home)
    sha = hashlib.sha256(RAW).hexdigest()
    (home.raw_archive / sha[:2]).mkdir(parents=True, exist_ok=True)
    (home.raw_archive / sha[:2] / f"{sha}.gz").write_bytes(gzip.compress(RAW))
    with open_writer(home) as writer:
        writer.conn.execute("UPDATE documents SET raw_sha256 = ? WHERE doc_id = 'd01'", [sha])
        writer.conn.execute("UPDATE source_health_log SET last_error = 'robots: disallowed' "
                            "WHERE source_id = 'moet-portal' AND run_id = 'run-3'")
    return home


def test_coverage_page(covered, page, tmp_path):
    with running_app(covered, background_sync=False) as base:
        browser_login(page, base, covered)
        page.set_viewport_size({"width": 1200, "height": 1000})
        response = page.goto(f"{base}/coverage?as_of=31/12/2022")
        assert response.status == 200
        assert page.locator("h1").text_content() == "Tiến độ kế hoạch 661-KH-BGDDT-2022"
        targets = page.text_content("#targets")
        assert "Đạt 0/6 chỉ tiêu" in targets and "31/12/2022" in targets
        rows = page.locator("#coverage tbody tr")
        assert rows.count() == 6
        first = page.locator("#row-1-article td").all_text_contents()
        assert first[0] == "1 chủ trương chính sách" and first[1] == "Bài báo" and first[2] == "3"
        assert first[3].startswith("1") and "thiếu 2" in first[3]
        assert first[5].startswith("100%") and "01/04/2022 – 30/09/2022" in first[5]
        assert page.locator("#row-2b-article td").nth(4).text_content() == "1"  # d08 (d09 is outside 2b)
        # drill down: the story counted once, its three copies, who confirmed, the archived copy
        page.click("#stories-1-article summary")
        copies = page.locator("#stories-1-article li.copy")
        assert copies.count() == 3
        assert "Cổng TTĐT Bộ GDĐT" in copies.first.text_content()
        assert "20/04/2022" in copies.first.text_content()
        assert "tự động (bộ phân loại)" in copies.first.text_content()
        assert copies.first.locator("a.original").get_attribute("href") == "http://127.0.0.1/moet-portal/d01.html"
        archive = copies.first.locator("a.archived").get_attribute("href")
        assert archive and page.request.get(base + archive).text() == RAW.decode()
        assert copies.nth(1).locator("a.archived").count() == 0  # no bytes kept for that copy
        page.click("#stories-2b-article summary")
        assert "lan (người duyệt)" in page.text_content("#stories-2b-article")  # d05, confirmed by lan
        # the cumulative chart: plan pace and counted stories, one per format
        assert page.locator("#chart-article svg polyline.actual").count() == 1
        assert page.locator("#chart-article svg polyline.pace").count() == 1
        assert page.text_content("#chart-article figcaption") == "Bài báo: 3/20"
        # source health, in Vietnamese; never "ok" with a current error
        health = dict(zip(page.locator("#sources td:nth-child(1)").all_text_contents(),
                          page.locator("#sources td.health").all_text_contents(), strict=True))
        assert health["Đài Truyền hình Việt Nam (vtv)"] == "Lỗi thu thập"
        assert health["Báo Hà Giang (baohagiang)"] == "Im lặng (không có tin mới)"
        assert health["Cổng TTĐT Bộ GDĐT (moet-portal)"] == "Có lỗi ở lần chạy gần nhất"
        assert health["Báo Cà Mau (baocamau)"] == "Bình thường"
        screenshot(page, "coverage.png", tmp_path)
        # read-only: nothing to post
        assert page.locator("form[method=post]:not([action=\"/logout\"])").count() == 0  # only the logout button
        assert page.request.post(f"{base}/coverage").status == 405
        assert page.errors == []


def test_coverage_page_on_a_phone_and_bad_input(covered, page, tmp_path):
    with running_app(covered, background_sync=False) as base:
        browser_login(page, base, covered)
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{base}/coverage?as_of=2022-12-31")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert "Đạt 0/6 chỉ tiêu" in page.text_content("#targets")
        svg = page.locator("#chart-article svg").bounding_box()
        assert svg is not None and svg["x"] + svg["width"] <= 390
        screenshot(page, "coverage-390.png", tmp_path)
        bad = page.goto(f"{base}/coverage?as_of=31/02/2022")
        assert bad.status == 400 and "Ngày '31/02/2022' không hợp lệ" in page.text_content("#detail")
        unknown = page.goto(f"{base}/coverage?plan=nope")
        assert unknown.status == 404 and "661-KH-BGDDT-2022" in page.text_content("#detail")
