"""What a crawl of the real web meets besides pages (sites.md, December 2026 evidence): a JavaScript challenge
instead of content, a block by address (403/451 on every page), a feed URL answering an HTML page, a listing
whose next page repeats the first (JavaScript "Xem thêm" paging), a sitemap that stops at a date.

Pure functions and the problem codes; the spider and `sources check --report` record them, ingest stores them
in source_health_log, and the source_health view names them in Vietnamese with the next step
(data/sql/views/05_labels.sql)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

# Problem codes, most serious first (the first one present is the source's health in source_health).
PROBLEMS = ("blocked", "js_challenge", "feed_html", "sitemap_stale", "listing_repeats")
BLOCK_STATUSES = (403, 451)
SITEMAP_STALE_DAYS = 30

# Known anti-bot markers, in the order a search reports them (ASCII case-insensitive: looked up in the
# lowercased page, as a re.I search over bytes matches them)
_CHALLENGE_MARKERS = (
    b"cf-browser-verification", b"challenge-platform", b"cf_chl_", b"__cf_chl", b"/cdn-cgi/challenge", b"jschl_",
    b"jschl-", b"checking your browser", b"just a moment...", b"ddos protection by", b"attention required!",
    b"_incapsula_resource", b"incap_ses_", b"sucuri website firewall", b"awswaf", b"captcha-delivery",
    b"enable javascript and cookies to continue", "vui lòng bật javascript".encode(),
)
_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script>", re.I | re.S)
_TAG = re.compile(rb"<[^>]+>")
_REDIRECT_JS = re.compile(rb"document\.cookie\s*=|location\.(?:reload|replace|href)\s*[=(]|window\.location\s*=", re.I)


def _first_marker(head: bytes) -> bytes | None:
    """The first anti-bot marker in the page (the leftmost; at one position, the first in the list), as written
    there. One lowercasing and a substring search per marker: a case-insensitive regex alternation over the
    page cost about a millisecond per page in the crawl."""
    lowered = head.lower()
    best: tuple[int, int] | None = None
    for marker in _CHALLENGE_MARKERS:
        at = lowered.find(marker)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, len(marker))
    return None if best is None else head[best[0] : best[0] + best[1]]


def challenge_reason(body: bytes) -> str | None:
    """Why a response is a JavaScript challenge rather than content, or None.

    Known anti-bot markers (Cloudflare, Incapsula, Sucuri, AWS WAF, "Checking your browser"), or a small page
    whose only work is a script that sets a cookie and reloads, with almost no visible text."""
    head = body[:200_000]
    found = _first_marker(head)
    if found:
        return f"anti-bot marker {found.decode('latin-1')!r}"
    if len(body) > 60_000:
        return None
    scripts = b" ".join(_SCRIPT.findall(head))
    if not scripts or not _REDIRECT_JS.search(scripts):
        return None
    text = _TAG.sub(b" ", _SCRIPT.sub(b" ", head))
    words = len(text.split())
    if words < 40:
        return f"a script that sets a cookie or reloads the page, and {words} words of text"
    return None


def looks_like_html(body: bytes, content_type: str | None = None) -> bool:
    """An HTML page (what a feed or sitemap URL must not be)."""
    start = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf")):
        return False
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return True
    return bool(content_type and "html" in content_type.lower() and b"<html" in body[:4096].lower())


def sitemap_stops(dates: Iterable[dt.datetime | None], now: dt.datetime,
                  days: int = SITEMAP_STALE_DAYS) -> dt.date | None:
    """The newest date of a sitemap's entries when it is older than `days` before now (the sitemap stopped
    being updated there), else None. Entries without dates say nothing."""
    dated = [d for d in dates if d is not None]
    if not dated:
        return None
    newest = max(dated)
    return newest.date() if now - newest > dt.timedelta(days=days) else None


def primary(problems: dict[str, str]) -> tuple[str | None, str | None]:
    """The most serious problem code and its detail."""
    for code in PROBLEMS:
        if code in problems:
            return code, problems[code]
    return None, None
