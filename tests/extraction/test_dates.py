"""Dates: every shape outlets and feeds use, provenance order, and the traps (footer years, school years,
related-news lists)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pipeline.dates import VN_TZ, find_published, parse_vn_datetime, url_date

VN = timezone(timedelta(hours=7))


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=VN)


SHAPES = [
    ("Thứ bảy, 24/8/2025, 09:00 (GMT+7)", vn(2025, 8, 24, 9, 0)),  # VnExpress
    ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", vn(2025, 10, 22, 19, 25)),
    ("07/10/2020 05:28 GMT+7", vn(2020, 10, 7, 5, 28)),  # Tuổi Trẻ
    ("Thứ sáu, 09/05/2025 - 11:02", vn(2025, 5, 9, 11, 2)),  # Dân Trí
    ("Thứ Sáu, 26/12/2025 - 22:10", vn(2025, 12, 26, 22, 10)),  # VietnamNet
    ("Thứ Ba, 22:35, 26/08/2025", vn(2025, 8, 26, 22, 35)),  # VOV: time before the date
    ("30/06/2026, 19:00:20", vn(2026, 6, 30, 19, 0, 20)),  # new ministry portal
    ("30/06/2026, 19:00:20 - Tin tổng hợp - Lượt xem: 7", vn(2026, 6, 30, 19, 0, 20)),
    ("Thứ năm, ngày 16 tháng 6 năm 2022", vn(2022, 6, 16)),  # provincial papers
    ("Thứ năm, ngày 16 tháng 6 năm 2022 08:30", vn(2022, 6, 16, 8, 30)),
    ("15/06/2022 | 08:30", vn(2022, 6, 15, 8, 30)),  # old ministry portal, provincial TV
    ("16/06/2022 08:30", vn(2022, 6, 16, 8, 30)),  # Sở GDĐT portals
    ("(16/06/2022)", vn(2022, 6, 16)),
    ("16-06-2022 08h30", vn(2022, 6, 16, 8, 30)),
    ("16.06.2022", vn(2022, 6, 16)),
    ("Wed, 15 Jun 2022 08:30:00 GMT+7", vn(2022, 6, 15, 8, 30)),  # RSS with GMT+7 (feedparser gives None)
    ("Wed, 15 Jun 2022 08:30:00 +0700", vn(2022, 6, 15, 8, 30)),
    ("Wed, 15 Jun 2022 08:30:00 ICT", vn(2022, 6, 15, 8, 30)),  # ICT is UTC+7, not UTC
    ("Wed, 15 Jun 2022 01:30:00 GMT", datetime(2022, 6, 15, 1, 30, tzinfo=UTC)),
    ("15 June 2022", vn(2022, 6, 15)),
    ("2026-09-07T12:48:05+0700", vn(2026, 9, 7, 12, 48, 5)),  # article:published_time, GD&TĐ CMS
    ("2025-10-22T19:25:52+07:00", vn(2025, 10, 22, 19, 25, 52)),
    ("2022-06-15T01:00:00Z", datetime(2022, 6, 15, 1, 0, tzinfo=UTC)),
    ("2022-06-15T08:30:00.123+07:00", vn(2022, 6, 15, 8, 30)),
    ("2022-06-15 08:30:00", vn(2022, 6, 15, 8, 30)),
    ("2022-06-15", vn(2022, 6, 15)),
    ("Cập nhật: 2022-06-15 08:30", vn(2022, 6, 15, 8, 30)),
    ("1698927645", vn(2023, 11, 2, 19, 20, 45)),  # its_publication (Unix time)
]


@pytest.mark.parametrize(("text", "expected"), SHAPES, ids=[s for s, _ in SHAPES])
def test_parse_vn_datetime_shapes(text: str, expected: datetime) -> None:
    got = parse_vn_datetime(text)
    assert got is not None and got.tzinfo is not None
    assert got == expected
    assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "năm học 2025-2026",
        "© 1997-2023 Báo Thái Nguyên điện tử",
        "© 2010-2022 Sở GDĐT Vĩnh Phúc",
        "giai đoạn 2018-2025",
        "Lượt xem: 1523",
        "32/13/2022",
        "29/02/2023",
        "Ngày 22/10",  # no year
        "",
        None,
        "01/01/1900",
    ],
)
def test_parse_vn_datetime_rejects(text: str | None) -> None:
    assert parse_vn_datetime(text) is None


def test_no_offset_means_vietnam_time() -> None:
    got = parse_vn_datetime("16/06/2022 08:30")
    assert got is not None and got.utcoffset() == timedelta(hours=7)
    assert got.astimezone(UTC).hour == 1


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_meta_wins_over_visible_and_url() -> None:
    html = _page(
        '<h1>T</h1><span class="date">01/01/2021 10:00</span>',
        '<meta property="article:published_time" content="2022-06-20T12:48:05+0700">',
    )
    dt, source, conf = find_published(html, "https://x.vn/a-20230101101010123.htm")
    assert (dt, source) == (vn(2022, 6, 20, 12, 48, 5), "meta") and conf >= 0.9


def test_itemprop_pubdate_meta() -> None:
    html = _page("<h1>T</h1>", '<meta content="2025-10-22T19:25:52+07:00" itemprop="datePublished" name="pubdate"/>')
    assert find_published(html, "")[:2] == (vn(2025, 10, 22, 19, 25, 52), "meta")


def test_jsonld() -> None:
    html = _page(
        "<h1>T</h1>",
        '<script type="application/ld+json">'
        '{"@graph":[{"@type":"NewsArticle","datePublished":"2022-06-17T07:05:00+07:00"}]}'
        "</script>",
    )
    assert find_published(html, "")[:2] == (vn(2022, 6, 17, 7, 5), "jsonld")


def test_layout_date_block() -> None:
    html = _page(
        '<h1 id="news-title">T</h1><div class="news-info"><span class="news-date">15/06/2022 | 08:30</span></div>'
    )
    dt, source, conf = find_published(html, "", layout={"date": [".news-info .news-date"], "title": ["#news-title"]})
    assert (dt, source, conf) == (vn(2022, 6, 15, 8, 30), "visible", 0.9)


def test_related_list_before_the_date_is_not_read() -> None:
    """Related-news lists with newer dates sit before the article's own date on some pages."""
    html = _page(
        '<div class="box-related"><ul><li><a>Tin mới</a> '
        '<time datetime="2023-03-01T08:00:00+0700">01/03/2023</time></li>'
        '<li><a>Tin khác</a> <span class="time">02/03/2023 08:00</span></li></ul></div>'
        '<article><h1>Tiêu đề bài</h1><div class="meta"><span class="time">04/07/2022 09:15</span></div>'
        "<p>Nội dung bài viết rất dài.</p></article>"
    )
    assert find_published(html, "")[:2] == (vn(2022, 7, 4, 9, 15), "visible")


def test_footer_year_and_school_year_are_never_dates() -> None:
    html = _page(
        "<h1>Bồi dưỡng giáo viên</h1><p>Kế hoạch năm học 2025-2026 và giai đoạn 2018-2025.</p>"
        '<div class="footer">© 1997-2023 Báo Thái Nguyên điện tử</div>'
    )
    dt, source, _ = find_published(html, "https://baothainguyen.vn/giao-duc/bai-viet-123/")
    assert dt is None and source is None


def test_body_sentence_with_full_date_is_not_the_date_block() -> None:
    long_sentence = (
        "Sáng 16/6/2022, Bộ Giáo dục và Đào tạo tổ chức hội nghị trực tuyến với 63 tỉnh, thành phố về Đề án 33."
    )
    html = _page(f"<h1>Tiêu đề</h1><p>{long_sentence}</p>")
    assert find_published(html, "")[0] is None


def test_long_vietnamese_date_near_title() -> None:
    html = _page(
        '<h1 class="detail-title">Tiêu đề</h1><div class="detail-time">Thứ năm, ngày 16 tháng 6 năm 2022</div>'
        '<div class="detail-related"><a>Thứ hai, ngày 5 tháng 9 năm 2022</a></div><footer>© 1997-2023</footer>'
    )
    assert find_published(html, "")[:2] == (vn(2022, 6, 16), "visible")


@pytest.mark.parametrize(
    ("url", "expected", "conf"),
    [
        ("https://tuoitre.vn/bai-viet-20251201163412554.htm", vn(2025, 12, 1, 16, 34, 12), 0.6),
        ("https://dantri.com.vn/giao-duc/bai-20250509103306115.htm", vn(2025, 5, 9, 10, 33, 6), 0.6),
        ("https://baothainguyen.vn/giao-duc/202206/bai-viet-2961/", vn(2022, 6, 1), 0.4),
        ("https://example.vn/2022/06/15/bai-viet/", vn(2022, 6, 15), 0.6),
        ("https://vnexpress.net/bai-viet-4954454.html", None, 0.0),
        ("https://giaoducthoidai.vn/bai-post464262.html", None, 0.0),
    ],
)
def test_url_dates(url: str, expected: datetime | None, conf: float) -> None:
    assert url_date(url) == (expected, conf)


def test_feed_hint_then_first_seen() -> None:
    html = _page("<h1>T</h1><p>Không có ngày.</p>")
    dt, source, conf = find_published(html, "https://x.vn/a.html", {"published": "Thu, 16 Jun 2022 10:00:00 GMT+7"})
    assert (dt, source, conf) == (vn(2022, 6, 16, 10), "feed", 0.7)
    dt, source, conf = find_published(
        html, "https://x.vn/a.html", {"published": "2022-06-16", "published_origin": "listing"}
    )
    assert source == "feed" and conf == 0.5
    seen = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    assert find_published(html, "https://x.vn/a.html", None, fetched_at=seen) == (seen, "first_seen", 0.2)
    assert find_published(html, "https://x.vn/a.html") == (None, None, 0.0)


def test_tree_input_and_bytes_input() -> None:
    from lxml import html as lxml_html

    page = _page('<h1>T</h1><span class="date">16/06/2022 08:30</span>')
    assert find_published(lxml_html.fromstring(page), "")[0] == vn(2022, 6, 16, 8, 30)
    assert find_published(page.encode(), "")[0] == vn(2022, 6, 16, 8, 30)
    assert VN_TZ.utcoffset(None) == timedelta(hours=7)


def test_layout_by_id_and_url_origin_hint() -> None:
    html = _page(
        '<h2 class="title-news">T</h2><div class="box-news-detail"><div class="date-news">16/06/2022 08:30</div></div>'
    )
    assert find_published(html, "", layout="sgddt-portal-v1")[:2] == (vn(2022, 6, 16, 8, 30), "visible")
    _, source, conf = find_published(_page("<p>x</p>"), "", {"published": "2022-06-01", "published_origin": "url"})
    assert (source, conf) == ("url", 0.4)
