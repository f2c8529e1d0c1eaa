"""Headless Debian Chromium through playwright, for page tests (the same launch as tests/review)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch_browser() -> Iterator[Any]:
    """Generator for a module-scoped fixture: one Chromium per test module."""
    import playwright.sync_api as sync_api

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_page(browser: Any) -> Iterator[Any]:
    """Generator for a per-test fixture: a Vietnamese-locale page that records script errors in .errors."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(8000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


def screenshot(page: Any, name: str, tmp: Path) -> Path:
    """A full-page PNG: into docs/img with PLANWATCH_UPDATE_DOCS_SCREENSHOT=1 (as the digest's), else into tmp,
    so a test run does not rewrite the committed images."""
    target = DOCS_IMG / name if os.environ.get("PLANWATCH_UPDATE_DOCS_SCREENSHOT") == "1" else tmp / name
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if target.parent == DOCS_IMG:  # 64 colours, as docs/img/digest.png: a third of the size, text stays sharp
        from PIL import Image

        Image.open(target).convert("RGB").quantize(colors=64).save(target, optimize=True)
    return target
