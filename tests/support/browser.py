"""Headless Debian Chromium through playwright, for page tests (the same launch as tests/review)."""

from __future__ import annotations

from collections.abc import Iterator
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
