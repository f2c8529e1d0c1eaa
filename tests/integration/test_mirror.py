"""The offline demo mirror (crawlers/mirror.py) and its truth manifest (data/demo/manifest.json)."""

from __future__ import annotations

import json
import shutil
import tomllib
import unicodedata
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from crawlers.mirror import Mirror, default_ports, start_mirror
from crawlers.mirror_build import DEMO_DIR, Builder, fingerprint, totals

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
MANIFEST = json.loads((DEMO_DIR / "manifest.json").read_text(encoding="utf-8"))
PAGES = MANIFEST["pages"]


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="module")
def mirror() -> Iterator[Mirror]:
    with start_mirror(auto_ports=True) as running:
        yield running


def pick(**conds: object) -> dict:
    for page in PAGES:
        if all(page.get(k) == v for k, v in conds.items()):
            return page
    raise AssertionError(f"no page with {conds}")


def test_binds_loopback_on_free_ports(mirror: Mirror) -> None:
    assert set(mirror.base_urls) == set(MANIFEST["outlets"])
    for outlet, url in mirror.base_urls.items():
        assert url == f"http://127.0.0.1:{mirror.ports[outlet]}/"
        assert mirror.ports[outlet] > 0
    assert set(default_ports()) == set(mirror.ports)


def test_serves_an_article_with_rewritten_origin(mirror: Mirror) -> None:
    page = pick(outlet="giaoducthoidai", expected="counted")
    status, headers, body = fetch(mirror.url("giaoducthoidai", page["path"]))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    html = body.decode("utf-8")
    assert 'class="article__title cms-title"' in html
    assert page["title"] in html
    assert 'property="article:published_time"' in html
    assert f'href="{mirror.base_urls["giaoducthoidai"]}' in html  # canonical points at the bound port
    assert "127.0.0.1:18102" not in html or mirror.ports["giaoducthoidai"] == 18102


def test_sharepoint_listing_by_page_parameter(mirror: Mirror) -> None:
    full = fetch(mirror.url("moet-legacy", "/tintuc/Pages/tin-tong-hop.aspx?date=&EventID=0&Page=2"))
    short = fetch(mirror.url("moet-legacy", "/tintuc/Pages/tin-tong-hop.aspx?Page=2"))
    first = fetch(mirror.url("moet-legacy", "/tintuc/Pages/tin-tong-hop.aspx?date=&EventID=0&Page=1"))
    assert full[0] == short[0] == first[0] == 200
    assert full[2] == short[2] != first[2]
    html = full[2].decode("utf-8")
    assert html.count("tin-tong-hop.aspx?ItemID=") >= 10
    assert 'class="news-date"' in html
    item = pick(outlet="moet-legacy", expected="counted")
    status, _, body = fetch(mirror.url("moet-legacy", item["path"]))
    assert status == 200 and b'id="news-detail"' in body


def test_conditional_get_on_feed_sitemap_and_listing(mirror: Mirror) -> None:
    for outlet, path in [
        ("giaoducthoidai", "/rss/giao-duc.rss"),
        ("nhandan-mirror", "/sitemap.xml"),
        ("sgddt-vinhphuc", "/tin-tuc?page=2"),
    ]:
        url = mirror.url(outlet, path)
        status, headers, body = fetch(url)
        assert status == 200 and body
        assert fetch(url, {"If-None-Match": headers["ETag"]})[0] == 304
        assert fetch(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
        assert fetch(url, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200
        assert fetch(url, {"If-None-Match": '"stale"'})[0] == 200


def test_feed_dates_and_sitemaps(mirror: Mirror) -> None:
    rss = fetch(mirror.url("giaoducthoidai", "/rss/giao-duc.rss"))[2].decode("utf-8")
    assert "+0700</pubDate>" in rss and "GMT+7</pubDate>" in rss
    index = fetch(mirror.url("nhandan-mirror", "/sitemap.xml"))[2].decode("utf-8")
    assert "/sitemap-news.xml" in index and "/sitemaps/sitemap-article-2022-06.xml" in index
    news = fetch(mirror.url("nhandan-mirror", "/sitemap-news.xml"))[2].decode("utf-8")
    assert "<news:publication_date>" in news
    assert mirror.base_urls["nhandan-mirror"] in news


def test_unknown_path_is_404(mirror: Mirror) -> None:
    assert fetch(mirror.url("giaoducthoidai", "/khong-ton-tai-post1.html"))[0] == 404
    assert fetch(mirror.url("moet-legacy", "/tintuc/Pages/tin-tong-hop.aspx?ItemID=1"))[0] == 404


def test_robots_disallow_holds_a_listed_relevant_page(mirror: Mirror) -> None:
    for outlet, info in MANIFEST["outlets"].items():
        status, _, body = fetch(mirror.url(outlet, "/robots.txt"))
        assert status == 200
        assert f"Disallow: {info['robots_disallow']}" in body.decode()
    blocked = [p for p in PAGES if "robots-disallowed" in p["traps"]]
    assert {p["outlet"] for p in blocked} == set(MANIFEST["outlets"])
    for page in blocked:
        assert page["expected"] == "unreachable" and page["activity"] is not None
        prefix = MANIFEST["outlets"][page["outlet"]]["robots_disallow"]
        assert page["path"].lower().startswith(prefix.lower())
    # linked from a listing page the crawler does read
    gdtd = next(p for p in blocked if p["outlet"] == "giaoducthoidai")
    found = any(
        gdtd["path"] in fetch(mirror.url("giaoducthoidai", f"/giao-duc/?page={n}"))[2].decode() for n in range(1, 8)
    )
    assert found


def test_search_is_server_rendered_and_filtered(mirror: Mirror) -> None:
    status, _, body = fetch(mirror.url("giaoducthoidai", "/tim-kiem/?q=" + quote("mầm non") + "&page=1"))
    html = body.decode("utf-8")
    assert status == 200 and html.count('class="story"') == 10 and "Trang sau" in html
    assert "/api/" not in html
    none = fetch(mirror.url("giaoducthoidai", "/tim-kiem/?q=zzzqqq&page=1"))[2].decode("utf-8")
    assert 'class="story"' not in none


def test_charset_and_unicode_forms(mirror: Mirror) -> None:
    page = pick(charset="windows-1258")
    status, headers, body = fetch(mirror.url(page["outlet"], page["path"]))
    assert status == 200 and headers["Content-Type"].endswith("charset=windows-1258")
    assert b"charset=windows-1258" in body
    text = unicodedata.normalize("NFC", body.decode("cp1258"))
    assert page["title"] in text
    nfd = next(p for p in PAGES if "nfd-text" in p["traps"])
    raw = fetch(mirror.url(nfd["outlet"], nfd["path"]))[2].decode("utf-8")
    assert unicodedata.normalize("NFC", raw) != raw
    assert unicodedata.normalize("NFC", nfd["title"]) in unicodedata.normalize("NFC", raw)


def test_every_manifest_page_resolves_as_recorded(mirror: Mirror) -> None:
    for page in PAGES:
        status, _, body = fetch(mirror.url(page["outlet"], page["path"]))
        assert status == page["status"], page["path"]
        if "broken" in page["traps"]:
            assert not body.rstrip().endswith(b"</html>")
        elif status == 200:
            assert body.rstrip().endswith(b"</html>"), page["path"]


def test_manifest_truth_is_consistent() -> None:
    windows = {a: (date.fromisoformat(w[0]), date.fromisoformat(w[1])) for a, w in MANIFEST["windows"].items()}
    by_story: dict[str, list[dict]] = defaultdict(list)
    for page in PAGES:
        by_story[page["story"]].append(page)
        assert page["expected"] in {"counted", "pending", "duplicate", "out_of_window", "not_relevant", "unreachable"}
        assert page["format"] in {"article", "report"}
        if page["activity"] is None:
            assert page["expected"] in {"not_relevant", "unreachable"}
        else:
            lo, hi = windows[page["activity"]]
            assert page["in_window"] == (lo <= date.fromisoformat(page["published"]) <= hi)
        if page["expected"] == "counted":
            assert page["in_window"] and page["activity"]
    # syndicated copies share a story id; a story counts at most once
    syndicated = [s for s, pages in by_story.items() if len({p["outlet"] for p in pages}) > 1]
    assert len(syndicated) >= 15
    for pages in by_story.values():
        assert sum(p["expected"] in {"counted", "pending", "out_of_window"} for p in pages) <= 1
        assert len({(p["activity"], p["format"]) for p in pages}) == 1
    # every activity has in-window positives, articles and reports, and the totals are not the plan's
    t = totals(PAGES)
    for act in ("1", "2a", "2b"):
        assert t[f"{act}/article"]["counted"] > 0 and t[f"{act}/report"]["counted"] > 0
        assert t[f"{act}/article"]["out_of_window"] > 0
    planned = {"1/article": 3, "1/report": 2, "2a/article": 3, "2a/report": 2, "2b/article": 14, "2b/report": 4}
    assert {k: t[k]["counted"] for k in planned} != planned
    assert t == MANIFEST["totals"]
    assert len(PAGES) >= 250
    traps = {trap for p in PAGES for trap in p["traps"]}
    for needed in ("de-an-1677", "2011-plan", "primary-teachers", "pay", "tuition", "abuse", "food-safety",
                   "course-module", "other-33", "no-date-meta", "footer-year", "school-year-in-body",
                   "related-newer-dates", "broken", "robots-disallowed", "nfd-text", "windows-1258"):
        assert needed in traps, needed


def test_write_sources_points_at_bound_ports(mirror: Mirror, tmp_path: Path) -> None:
    path = mirror.write_sources(tmp_path / "sources.toml")
    sources = tomllib.loads(path.read_text(encoding="utf-8"))["source"]
    assert {s["id"] for s in sources} == set(MANIFEST["outlets"])
    for source in sources:
        assert source["allow_private"] is True
        assert source["homepage"] == mirror.base_urls[source["id"]]
        assert fetch(source["homepage"])[0] == 200
        for listing in source.get("listings", []):
            assert fetch(listing["url"].format(page=1))[0] == 200
        for feed in source["feeds"] + source["sitemaps"]:
            assert fetch(feed)[0] == 200


def test_generated_site_is_current_and_deterministic(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    demo.mkdir()
    for name in ("mirror.toml", "sources.toml"):
        shutil.copy(DEMO_DIR / name, demo / name)
    for name in ("content", "templates"):
        shutil.copytree(DEMO_DIR / name, demo / name)
    Builder(demo).build()
    assert fingerprint(demo) == fingerprint(DEMO_DIR)


def test_busy_default_ports_fall_back_to_free_ones() -> None:
    with start_mirror() as first, start_mirror() as second:
        assert set(first.ports.values()).isdisjoint(second.ports.values())
        for running in (first, second):
            assert fetch(running.url("sgddt-vinhphuc", "/robots.txt"))[0] == 200
