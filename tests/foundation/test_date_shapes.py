"""One answer per date string, wherever it is read (issue 13: feeds, sitemaps, listings and pages agree).

Every date shape ../shared/sites.md lists (plus the RFC 822 feed shapes and the Unix time of the issue) goes
through each entry point that reads dates: a feed item's pubDate, a sitemap's lastmod, a listing item's
<time datetime> and its visible text (crawlers.discovery), and an article page's meta tag and visible date
block (pipeline.dates.find_published). All must give the same aware datetime (or all none)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from html import escape

import pytest

from crawlers.dates import date_from_url, find_date, parse_date
from crawlers.discovery import parse_feed, parse_listing, parse_sitemap
from pipeline.dates import find_published, parse_vn_datetime, url_date
from planwatch.config import REPO_ROOT
from planwatch.core import dates as core_dates

SITES_MD = REPO_ROOT.parent / "shared" / "sites.md"
VN = timezone(timedelta(hours=7))


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN)  # type: ignore[misc]


# (shape as written, where sites.md (or the issue) has it, the expected aware datetime or None)
SHAPES: list[tuple[str, str, datetime | None]] = [
    ("30/06/2026, 19:00:20 - Tin tổng hợp - Lượt xem: 7", "moet.gov.vn .news-date", vn(2026, 6, 30, 19, 0, 20)),
    ("2026-09-07T12:48:05+0700", "giaoducthoidai article:published_time", vn(2026, 9, 7, 12, 48, 5)),
    ("Thứ bảy, 24/8/2025, 09:00 (GMT+7)", "VnExpress", vn(2025, 8, 24, 9, 0)),
    ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "VnExpress, unpadded day and month", vn(2026, 3, 7, 0, 5)),
    ("07/10/2020 05:28 GMT+7", "Tuổi Trẻ", vn(2020, 10, 7, 5, 28)),
    ("Thứ sáu, 09/05/2025 - 11:02", "Dân Trí", vn(2025, 5, 9, 11, 2)),
    ("Thứ Sáu, 26/12/2025 - 22:10", "VietnamNet", vn(2025, 12, 26, 22, 10)),
    ("Thứ Ba, 22:35, 26/08/2025", "VOV: the time before the date", vn(2025, 8, 26, 22, 35)),
    ("Thứ năm, ngày 16 tháng 6 năm 2022", "other shapes seen", vn(2022, 6, 16)),
    ("15/06/2022 | 08:30", "other shapes seen", vn(2022, 6, 15, 8, 30)),
    ("16/06/2022 08:30", "other shapes seen", vn(2022, 6, 16, 8, 30)),
    ("28/01/2026 - 06:52", "hanoimoi .block-sc-publish-time", vn(2026, 1, 28, 6, 52)),
    # hanoimoi's meta is in US order: day-first it is month 28, so it is no date at all (never a wrong one)
    ("1/28/2026 6:52:01 AM", "hanoimoi article:published_time (US order)", None),
    ("Wed, 15 Jun 2022 08:30:00 GMT+7", "RSS pubDate with GMT+7", vn(2022, 6, 15, 8, 30)),
    ("Wed, 15 Jun 2022 08:30:00 ICT", "RSS pubDate with ICT (UTC+7)", vn(2022, 6, 15, 8, 30)),
    ("Wed, 15 Jun 2022 01:30:00 GMT", "RSS pubDate in GMT", datetime(2022, 6, 15, 1, 30, tzinfo=UTC)),
    ("1655346600", "issue 13: a Unix time", vn(2022, 6, 16, 9, 30)),
]
IDS = [s for s, _, _ in SHAPES]
UNIX_TIME = re.compile(r"^\d{10}$")

# URL shapes of sites.md and the issue: (article URL, expected date, precision)
URLS: list[tuple[str, datetime | None, str | None]] = [
    ("https://tuoitre.vn/bai-viet-20251201163412554.htm", vn(2025, 12, 1, 16, 34, 12), "day"),
    ("https://dantri.com.vn/giao-duc/bai-viet-20250509103306115.htm", vn(2025, 5, 9, 10, 33, 6), "day"),
    ("https://example.vn/2022/06/15/bai-viet/", vn(2022, 6, 15), "day"),
    ("https://baothainguyen.vn/giao-duc/202206/bai-viet-3ac6d79/", vn(2022, 6, 1), "month"),
    ("https://baokhanhhoa.vn/giao-duc/202211/bai-viet-b956a11/", vn(2022, 11, 1), "month"),
    ("https://giaoducthoidai.vn/bai-viet-post464262.html", None, None),
    ("https://vnexpress.net/bai-viet-5079708.html", None, None),
    ("https://tienphong.vn/bai-viet-post1873523.tpo", None, None),
]


def _same(got: datetime | None, expected: datetime | None) -> None:
    if expected is None:
        assert got is None
        return
    assert got is not None and got.tzinfo is not None
    assert got == expected and got.utcoffset() == expected.utcoffset()


def _feed(pub_date: str, link: str = "https://x.vn/bai-viet-post1.html") -> datetime | None:
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>Bài</title><link>{escape(link)}</link>"
            f"{f'<pubDate>{escape(pub_date)}</pubDate>' if pub_date else ''}</item></channel></rss>")
    items = parse_feed(body.encode("utf-8"), "https://x.vn/rss/giao-duc.rss").items
    assert len(items) == 1
    return items[0].published


def _sitemap(lastmod: str) -> datetime | None:
    body = ('<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>https://x.vn/bai-viet-post1.html</loc><lastmod>{escape(lastmod)}</lastmod></url></urlset>")
    entries = parse_sitemap(body.encode("utf-8")).entries
    assert len(entries) == 1
    return entries[0].published


def _listing(item_html: str, link: str = "https://x.vn/bai-viet-post1.html") -> datetime | None:
    html = (f'<html><body><div class="list"><div class="item"><a href="{escape(link)}">Bài viết về giáo viên</a>'
            f"{item_html}</div></div></body></html>")
    found = parse_listing(html, "https://x.vn/giao-duc/", lambda url: "bai-viet" in url)
    assert [c.url for c in found] == [link]
    return found[0].published


def _page(head: str = "", body: str = "", url: str = "https://x.vn/bai-viet-post1.html") -> tuple:
    html = f"<html><head>{head}</head><body><h1>Tiêu đề bài viết</h1>{body}<p>Nội dung.</p></body></html>"
    return find_published(html, url)


@pytest.mark.parametrize(("shape", "where", "expected"), SHAPES, ids=IDS)
def test_every_entry_point_reads_a_shape_the_same_way(shape: str, where: str, expected: datetime | None) -> None:
    answers = {
        "parser": parse_vn_datetime(shape),
        "crawler name": parse_date(shape),
        "feed pubDate": _feed(shape),
        "sitemap lastmod": _sitemap(shape),
        "listing <time datetime>": _listing(f'<time datetime="{escape(shape)}"></time>'),
        "page meta": _page(head=f'<meta property="article:published_time" content="{escape(shape)}">')[0],
        "page date block": _page(body=f'<div class="date">{escape(shape)}</div>')[0],
    }
    if not UNIX_TIME.match(shape):  # a bare 10-digit number in a listing's text is an id, not a time
        answers["listing text"] = _listing(f'<span class="time">{escape(shape)}</span>')
        answers["listing text block"] = find_date(f"Giáo dục {shape} Xem thêm")
    for entry, got in answers.items():
        try:
            _same(got, expected)
        except AssertionError:
            pytest.fail(f"{entry} read {shape!r} ({where}) as {got!r}, expected {expected!r}")


@pytest.mark.parametrize(("url", "expected", "precision"), URLS, ids=[u for u, _, _ in URLS])
def test_url_dates_agree(url: str, expected: datetime | None, precision: str | None) -> None:
    assert core_dates.url_date(url) == (expected, precision)
    _same(date_from_url(url), expected)
    _same(url_date(url)[0], expected)
    _same(_feed("", link=url), expected)  # a feed item without a date falls back to its URL
    _same(_listing("", link=url), expected)  # so does a listing item
    published, source, _ = _page(url=url)  # and a page without any date
    _same(published, expected)
    assert source == ("url" if expected else None)


def test_the_table_covers_every_date_shape_in_sites_md() -> None:
    if not SITES_MD.exists():
        pytest.skip("../shared/sites.md is not present")
    quoted = re.findall(r'"([^"]+)"', SITES_MD.read_text(encoding="utf-8"))
    written = [q for q in quoted if re.search(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}T|tháng \d+ năm", q)]
    assert len(written) >= 10
    table = " ".join(IDS)
    for shape in written:
        head = shape.split("...")[0].split("…")[0].strip(" -")
        assert head in table, f"sites.md date shape {shape!r} is not in SHAPES"
