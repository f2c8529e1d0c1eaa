"""Render the digest HTML in headless Chromium: it must draw (non-blank screenshot) and show the
Vietnamese text. Also checks the mail variant renders with the chart inlined as a data: URI
(what a mail client does with cid:)."""

from __future__ import annotations

import base64
import os
from email import policy
from email.parser import BytesParser

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    # in CI (`make test` installs chromium) a missing browser fails instead of skipping
    pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                       reason="needs Debian's /usr/bin/chromium"),
]


def _distinct_colors(png: bytes) -> int:
    import io

    from matplotlib.image import imread

    pixels = imread(io.BytesIO(png))
    flat = (pixels[..., :3] * 255).astype("uint8").reshape(-1, 3)
    return len({tuple(p) for p in flat[:: max(1, len(flat) // 20000)]})


def test_digest_renders_in_chromium(w37_digest, tmp_path):
    import playwright.sync_api as playwright

    files = w37_digest
    msg = BytesParser(policy=policy.default).parsebytes(files.eml.read_bytes())
    html_part = msg.get_body(("html",))
    image = next(p for p in msg.walk() if p.get_content_type() == "image/png")
    cid = image["Content-ID"].strip("<>")
    data_uri = "data:image/png;base64," + base64.b64encode(image.get_content()).decode()
    mail_html = html_part.get_content().replace(f"cid:{cid}", data_uri)  # type: ignore[union-attr]

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 760, "height": 900})
            page.goto(files.html.as_uri())  # the copy on disk, chart as a sibling file
            shot = page.screenshot(full_page=True)
            text = page.inner_text("body")
            chart_width = page.eval_on_selector("img", "img => img.naturalWidth")
            page.set_content(mail_html)
            mail_chart_width = page.eval_on_selector("img", "img => img.naturalWidth")
            mail_text = page.inner_text("body")
        finally:
            browser.close()

    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and _distinct_colors(shot) > 20  # not a blank page
    assert chart_width == 640 and mail_chart_width == 640
    for needle in ("Tuần 2022-W37", "Tiến độ theo hoạt động", "Chậm tiến độ", "Đúng tiến độ",
                   "Tin mới được xác nhận trong tuần (3)", "Thanh Hóa bồi dưỡng cán bộ quản lý mầm non",
                   "<script>alert('x')</script>", "Nguồn tin có vấn đề (2)", "4/20", "1/8", "Đạt 0/6 chỉ tiêu"):
        assert needle in text, needle
        assert needle in mail_text, needle
    if os.environ.get("PLANWATCH_UPDATE_DOCS_SCREENSHOT") == "1":
        from PIL import Image

        from planwatch.config import REPO_ROOT

        target = REPO_ROOT / "docs" / "img" / "digest.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "shot.png").write_bytes(shot)
        Image.open(tmp_path / "shot.png").convert("RGB").quantize(colors=64).save(target, optimize=True)


def test_digest_fits_a_phone(w37_digest, tmp_path):
    """Fluid width (at most 680 px, never a fixed width): on a 390 px phone nothing is cut off or scrolls
    sideways; on a desktop it stays 680 px wide."""
    import playwright.sync_api as playwright

    html = w37_digest.html.read_text(encoding="utf-8")
    assert ";width:680px" not in html and '"width:680px' not in html and "max-width:680px" in html
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(w37_digest.html.as_uri())
            phone_scroll = page.evaluate("document.documentElement.scrollWidth")
            card = page.evaluate("document.querySelectorAll('table')[1].getBoundingClientRect().width")
            img = page.eval_on_selector("img", "img => img.getBoundingClientRect().right")
            page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
            if os.environ.get("PLANWATCH_UPDATE_DOCS_SCREENSHOT") == "1":
                from PIL import Image

                from planwatch.config import REPO_ROOT

                target = REPO_ROOT / "docs" / "img" / "digest-390.png"
                page.screenshot(path=str(target), full_page=True)
                Image.open(target).convert("RGB").quantize(colors=64).save(target, optimize=True)
            page.set_viewport_size({"width": 1000, "height": 900})
            desktop = page.evaluate("document.querySelectorAll('table')[1].getBoundingClientRect().width")
        finally:
            browser.close()
    assert phone_scroll <= 390 and card <= 390 - 16 and img <= 390
    assert desktop == 680
