"""The review page in headless Chromium: list, open, decide by keystroke, escaping, sandboxed archive."""

from __future__ import annotations

import pytest

from pipeline.journal import read_decisions
from tests.review.auth import new_token
from tests.review.conftest import XSS_TITLE, qid
from tests.review.webserver import running_app
from tests.support.browser import new_page
from tests.support.journal import wait_for_stored_decisions

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    import playwright.sync_api as sync_api

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    yield from new_page(browser)


def _login(page, base, token):
    page.goto(base + "/")
    page.wait_for_url("**/login*")  # every page needs a logged-in reviewer
    page.fill("#token", token)
    page.click("#login-submit")
    page.wait_for_url(base + "/")


def test_review_by_keyboard(queue_home, page):
    token = new_token(queue_home, "Nguyễn Thị Lan")
    with running_app(queue_home) as base:
        _login(page, base, token)
        assert page.text_content("#reviewer-name") == "Nguyễn Thị Lan"
        assert page.text_content("#pending-count") == "3"
        assert page.locator("h1").first.text_content() == "Hàng chờ duyệt"
        # the crawled title is shown literally and nothing in it runs
        assert page.get_by_text(XSS_TITLE, exact=True).count() == 1
        assert page.evaluate("typeof window.__xss") == "undefined"
        links = page.locator("a.item-link")
        assert links.count() == 3

        links.first.click()
        page.wait_for_url(f"**/item/{qid('q-edge')}")
        assert "Tiếp theo" in page.text_content("#next-link")
        page.keyboard.press("n")
        page.wait_for_url(f"**/item/{qid('q-xss')}")
        assert page.text_content("#item-title") == XSS_TITLE
        assert page.evaluate("typeof window.__xss") == "undefined"
        page.keyboard.press("k")
        page.wait_for_url(f"**/item/{qid('q-edge')}")

        page.keyboard.press("x")        # confirm, then on to the next item
        page.wait_for_url(f"**/item/{qid('q-xss')}?done=confirm*")
        assert page.text_content("#pending-count") == "2"
        assert "Đã xác nhận" in page.text_content("#flash")
        assert page.text_content("#reviewer") == "Nguyễn Thị Lan"  # the logged-in reviewer

        page.keyboard.press("3")        # activity 2b
        assert page.input_value("#activity") == "2b"
        page.keyboard.press("Enter")    # Enter confirms too
        page.wait_for_url(f"**/item/{qid('q-far')}?done=confirm*")
        assert page.text_content("#pending-count") == "1"

        page.keyboard.press("r")        # reject the last one: back to the (now empty) list
        page.wait_for_url("**/?done=reject*")
        assert page.text_content("#pending-count") == "0"
        assert page.is_visible("#empty")

        page.keyboard.press("u")        # undo the rejection from the flash message
        page.wait_for_url(f"**/item/{qid('q-far')}?done=undo*")
        assert page.text_content("#pending-count") == "1"
        assert page.errors == []

    decisions = read_decisions(queue_home.review_journal)
    assert [(d["doc_id"], d["action"], d["activity"]) for d in decisions] == [
        ("q-edge", "confirm", "2b"), ("q-xss", "confirm", "2b"), ("q-far", "reject", None), ("q-far", "undo", None)]
    assert {d["reviewer"] for d in decisions} == {"Nguyễn Thị Lan"}
    # the app folded the journal into the warehouse in the background
    assert wait_for_stored_decisions(queue_home, 4, seconds=20) == 4


def test_item_page_evidence_and_sandboxed_archive(queue_home, page):
    token = new_token(queue_home, "Lan")
    with running_app(queue_home, background_sync=False) as base:
        _login(page, base, token)
        response = page.goto(f"{base}/item/{qid('q-far')}")
        headers = response.headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        marks = page.locator("#excerpt mark").all_text_contents()
        assert "Đề án 33" in marks and "mầm non" in marks
        assert page.get_attribute("iframe.archive", "sandbox") == ""
        page.click("summary:has-text('Bản lưu trữ')")
        frame = page.frame_locator("iframe.archive")
        assert frame.locator("h1").text_content() == "Bài gốc"
        assert page.evaluate("typeof window.__archive_xss") == "undefined"
        archive = page.request.get(f"{base}/item/{qid('q-far')}/archive")
        assert archive.headers["content-security-policy"].startswith("sandbox")
        assert page.get_attribute("#original-link", "href") == "http://127.0.0.1/hanoi-tv/q-far.html"
