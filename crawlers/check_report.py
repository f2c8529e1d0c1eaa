"""`planwatch sources check --report`: per source, what answered, what was found and what to fix, ready for
the first run with internet.

Every entry point a source declares is tried once (robots.txt, each feed, each sitemap, the first page of each
listing and its second page when it is paged, site search) plus one example article, through the same fetcher
as `sources check` (crawlers.check: SSRF guard, timeouts, size cap). Answers are read with the crawler's own
parsers and the real-web detectors of crawlers.realweb, so the report names the states a crawl would meet: a
JavaScript challenge, a block by address, a feed answering HTML, a listing repeating its first page, a sitemap
that stops at a date, an article pattern that matches nothing, a layout that misses. The fixes are written in
Vietnamese for the person who edits data/sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from crawlers.discovery import DiscoveryError, default_article_test, parse_feed, parse_listing, parse_sitemap
from crawlers.realweb import BLOCK_STATUSES, challenge_reason, looks_like_html, sitemap_stops
from crawlers.registry import Source, fill_template

# (url, source) -> (HTTP status, body, final URL); raises OSError/ValueError when nothing answered
Fetch = Callable[[str, Source], tuple[int, bytes, str]]

FIXES = {
    "unreachable": "Không kết nối được: kiểm tra tên miền và mạng; nếu cổng chặn mạng này, chạy từ mạng khác.",
    "http_error": "Địa chỉ trả lỗi HTTP: sửa hoặc bỏ địa chỉ này trong data/sources.",
    "blocked": "Bị chặn theo địa chỉ (403/451): đề nghị tòa soạn cho phép máy thu thập; trong lúc chờ dùng add-url.",
    "js_challenge": "Thử thách JavaScript thay cho nội dung: dùng RSS hoặc sitemap nếu có, nếu không dùng add-url.",
    "feed_html": "RSS trả về trang HTML: sửa địa chỉ RSS (xem trang RSS của báo) hoặc dùng sitemap.",
    "not_a_feed": "Không đọc được RSS: sửa địa chỉ RSS hoặc bỏ nó.",
    "not_a_sitemap": "Không đọc được sitemap: sửa địa chỉ sitemap hoặc bỏ nó.",
    "sitemap_stale": "Sitemap dừng ở ngày {detail}: dùng RSS hoặc trang danh sách thay thế.",
    "listing_repeats": "Trang 2 lặp lại trang 1 (\"Xem thêm\" chạy bằng JavaScript): đặt max_pages = 1, lấy tin cũ qua "
                       "RSS/sitemap.",
    "no_articles": "Không tìm thấy liên kết bài nào: sửa article_url_pattern hoặc địa chỉ trang danh sách.",
    "robots_disallow": "robots.txt không cho phép địa chỉ này: bỏ nó hoặc hỏi tòa soạn.",
    "layout_miss": "Trang bài mẫu không khớp bộ chọn của layout: cập nhật data/sources/layouts (thêm phiên bản mới).",
    "example_not_article": "URL bài mẫu không khớp article_url_pattern: sửa mẫu hoặc URL.",
    "no_entry": "Chưa có RSS, sitemap hay trang danh sách: tìm một cách vào, hoặc thêm bài bằng add-url.",
    "guess": "Nguồn còn dựa trên phỏng đoán: khi mọi mục trên trả lời đúng, ghi verified = \"live\" và evidence.",
}


@dataclass
class Entry:
    kind: str          # robots | feed | sitemap | listing | listing-2 | search | example
    url: str
    status: int | None = None
    answered: bool = False
    found: str = ""
    problem: str | None = None
    detail: str = ""


@dataclass
class SourceReport:
    source_id: str
    name: str
    verified: str
    evidence: list[str]
    entries: list[Entry] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """ready: every entry answered without a problem; partial: some did; failing: none did."""
        useful = [e for e in self.entries if e.kind not in ("robots",)]
        good = [e for e in useful if e.answered and not e.problem]
        if useful and len(good) == len(useful):
            return "ready"
        return "partial" if good else "failing"

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["verdict"] = self.verdict
        return out


def report_source(src: Source, fetch: Fetch, *, now: dt.datetime | None = None) -> SourceReport:
    now = now or dt.datetime.now(dt.UTC)
    rep = SourceReport(src.id, src.name, src.verified, [e.label() for e in src.evidence])
    robots = _robots(src, fetch, rep)
    targets: list[tuple[str, str]] = [("feed", u) for u in src.feeds] + [("sitemap", u) for u in src.sitemaps]
    for listing in src.listings:
        targets.append(("listing", listing.page_url(listing.first_page)))
        if listing.paged and listing.max_pages > 1:
            targets.append(("listing-2", listing.page_url(listing.first_page + 1)))
    if src.search:
        targets.append(("search", fill_template(src.search, page=1, query="mầm non")))
    if src.example_articles:
        targets.append(("example", src.example_articles[0]))
    if not (src.feeds or src.sitemaps or src.listings or src.search):
        rep.entries.append(Entry("discovery", src.homepage, problem="no_entry"))
    first_listing: set[str] | None = None
    for kind, url in targets:
        entry = Entry(kind, url)
        rep.entries.append(entry)
        if robots is not None and not robots.can_fetch(url, "planwatch"):
            entry.problem = "robots_disallow"
            continue
        try:
            status, body, final = fetch(url, src)
        except (OSError, ValueError) as exc:
            entry.problem, entry.detail = "unreachable", f"{type(exc).__name__}: {exc}"[:300]
            continue
        entry.status = status
        reason = challenge_reason(body) if body else None
        if reason:
            entry.problem, entry.detail = "js_challenge", reason
            continue
        if status in BLOCK_STATUSES:
            entry.problem = "blocked"
            continue
        if status >= 400:
            entry.problem, entry.detail = "http_error", f"HTTP {status}"
            continue
        entry.answered = True
        urls = _read(kind, body, final, src, entry, now)
        if kind == "listing":
            first_listing = urls
        elif kind == "listing-2" and urls and first_listing is not None and urls == first_listing:
            entry.problem = "listing_repeats"
    _fixes(src, rep)
    return rep


def _robots(src: Source, fetch: Fetch, rep: SourceReport) -> Any:
    from urllib.parse import urlsplit

    from protego import Protego

    home = urlsplit(src.homepage)
    url = f"{home.scheme}://{home.netloc}/robots.txt"
    entry = Entry("robots", url)
    rep.entries.append(entry)
    try:
        status, body, _ = fetch(url, src)
    except (OSError, ValueError) as exc:
        entry.problem, entry.detail = "unreachable", f"{type(exc).__name__}: {exc}"[:300]
        return None
    entry.status = status
    if status in BLOCK_STATUSES:
        entry.problem = "blocked"
        return None
    entry.answered = True
    if status >= 400:
        entry.found = f"HTTP {status}: không có quy tắc (cho phép tất cả)"
        return None
    entry.found = f"{len(body)} byte"
    return Protego.parse(body.decode("utf-8", errors="replace"))


def _read(kind: str, body: bytes, final: str, src: Source, entry: Entry, now: dt.datetime) -> set[str]:
    """Fill entry.found / entry.problem from one answer; the article URLs found (listing pages)."""
    if kind == "feed":
        if looks_like_html(body):
            entry.problem = "feed_html"
            return set()
        try:
            items = parse_feed(body, final).items
        except DiscoveryError as exc:
            entry.problem, entry.detail = "not_a_feed", str(exc)[:300]
            return set()
        articles = [i for i in items if src.is_article(i.url)] if src.article_url_pattern else items
        newest = max((i.published for i in items if i.published), default=None)
        entry.found = f"{len(items)} mục, {len(articles)} khớp mẫu bài" + (f", mới nhất {newest:%d/%m/%Y}"
                                                                            if newest else "")
        if not articles:
            entry.problem = "no_articles"
        return set()
    if kind == "sitemap":
        try:
            sitemap = parse_sitemap(body)
        except (DiscoveryError, OSError, EOFError) as exc:
            entry.problem, entry.detail = "not_a_sitemap", str(exc)[:300]
            return set()
        stopped = sitemap_stops((c.published for c in sitemap.entries), now)
        entry.found = f"sitemap {'chỉ mục' if sitemap.kind == 'index' else 'URL'}: {len(sitemap.entries)} mục"
        if stopped is not None:
            entry.problem, entry.detail = "sitemap_stale", stopped.strftime("%d/%m/%Y")
        return set()
    if kind == "example":
        entry.found = f"{len(body)} byte"
        if not src.is_article(entry.url):
            entry.problem = "example_not_article"
        selector = src.layout_selector()
        if selector and not entry.problem:
            import lxml.html

            try:
                hit = bool(lxml.html.document_fromstring(body.decode("utf-8", errors="replace")).cssselect(selector))
            except Exception:
                hit = False
            if not hit:
                entry.problem, entry.detail = "layout_miss", selector
        return set()
    test = src.is_article if src.article_url_pattern else default_article_test(src.homepage)
    cands = parse_listing(body.decode("utf-8", errors="replace"), final, test)
    dated = sum(1 for c in cands if c.published)
    entry.found = f"{len(cands)} liên kết bài, {dated} có ngày"
    if not cands:
        entry.problem = "no_articles"
    return {c.url for c in cands}


def _fixes(src: Source, rep: SourceReport) -> None:
    seen: set[str] = set()
    for e in rep.entries:
        if e.problem and e.problem not in seen:
            seen.add(e.problem)
            rep.fixes.append(f"{e.kind} {e.url}: " + FIXES[e.problem].replace("{detail}", e.detail))
    if src.verified == "guess":
        rep.fixes.append(FIXES["guess"])


VERDICT_VI = {"ready": "sẵn sàng", "partial": "một phần", "failing": "không dùng được"}


def render_table(reports: list[SourceReport]) -> str:
    """A plain-text table: one block per source, one line per entry point, then what to fix."""
    lines = [f"{'nguồn':<20} {'xác minh':<9} {'kết luận':<16} mục đã thử"]
    lines.append("-" * 78)
    for r in reports:
        lines.append(f"{r.source_id:<20} {r.verified:<9} {VERDICT_VI[r.verdict]:<16} "
                     f"{sum(1 for e in r.entries if e.answered and not e.problem)}/{len(r.entries)} trả lời tốt")
        for e in r.entries:
            state = "ok " if e.answered and not e.problem else "LỖI"
            status = str(e.status) if e.status is not None else "-"
            what = e.found or e.detail
            lines.append(f"    {state} {e.kind:<9} {status:>3} {e.url}")
            if what or e.problem:
                lines.append(f"        {what}{'  [' + e.problem + ']' if e.problem else ''}")
        for fix in r.fixes:
            lines.append(f"    cần làm: {fix}")
    ready = sum(1 for r in reports if r.verdict == "ready")
    lines.append(f"{ready}/{len(reports)} nguồn sẵn sàng cho lần chạy đầu tiên")
    return "\n".join(lines)
