"""`planwatch sources check --report` against local servers on 127.0.0.1: a source serving the real saved
VnExpress section and article pages (../shared, read in place, links pointed at the local server) is ready;
one with a feed answering HTML, a listing repeating page 1, a stale sitemap and a JavaScript challenge gets
each named with its fix; one answering 403 everywhere is blocked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.config import REPO_ROOT
from tests.crawl.helpers import write_sources
from tests.crawl.server import Reply, TestServer

runner = CliRunner()
REAL = REPO_ROOT.parent / "shared" / "real-pages" / "vn-outlets-2026"
ARTICLE = "/cach-cac-nuoc-doi-pho-cu-soc-nang-luong-tu-trung-dong-5047363.html"
ROBOTS = Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")
CHALLENGE = "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"


def test_check_report_table_and_json(tmp_path: Path) -> None:
    if not (REAL / "vnexpress_list.html").exists():
        pytest.skip("../shared/real-pages not available")
    with TestServer() as vne, TestServer() as bad, TestServer() as wall:
        local = vne.base.encode()
        vne.routes["/robots.txt"] = ROBOTS
        vne.routes["/kinh-doanh"] = Reply(body=(REAL / "vnexpress_list.html").read_bytes()
                                          .replace(b"https://vnexpress.net", local))
        vne.routes[ARTICLE] = Reply(body=(REAL / "vnexpress_article.html").read_bytes())
        bad.routes["/robots.txt"] = ROBOTS
        bad.routes["/rss/giao-duc.rss"] = Reply(body="<!DOCTYPE html><html><body><h1>Trang chủ</h1></body></html>")
        bad.routes["/giao-duc"] = Reply(body="".join(f'<a href="/tin-{i}-post{i}.html">Tin {i}</a>' for i in range(5)))
        bad.routes["/sitemap.xml"] = Reply(content_type="application/xml", body=(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
            f'<loc>{bad.url("/cu-post1.html")}</loc><lastmod>2023-01-05</lastmod></url></urlset>'))
        bad.routes["/tin-1-post1.html"] = Reply(403, CHALLENGE)
        wall.routes["/robots.txt"] = Reply(403, "Forbidden")
        wall.routes["/rss"] = Reply(403, "Forbidden")
        src = write_sources(tmp_path / "s.toml", [
            {"id": "vnexpress-local", "homepage": vne.url("/"), "article_url_pattern": r"-\d{7}\.html$",
             "layout": "vnexpress-v1", "example_articles": [vne.url(ARTICLE)],
             "listings": [{"url": vne.url("/kinh-doanh"), "max_pages": 1}]},
            {"id": "trouble", "homepage": bad.url("/"), "feeds": [bad.url("/rss/giao-duc.rss")],
             "sitemaps": [bad.url("/sitemap.xml")], "article_url_pattern": r"-post\d+\.html$",
             "example_articles": [bad.url("/tin-1-post1.html")],
             "listings": [{"url": bad.url("/giao-duc?page={page}"), "max_pages": 5}]},
            {"id": "walled", "homepage": wall.url("/"), "feeds": [wall.url("/rss")]},
        ])
        table = runner.invoke(app, ["sources", "check", "--report", "--sources", str(src), "--timeout", "5"])
        data = runner.invoke(app, ["sources", "check", "--report", "--format", "json", "--sources", str(src),
                                   "--timeout", "5"])
    assert table.exit_code == 0, table.output
    assert data.exit_code == 0, data.output
    reports = {r["source_id"]: r for r in json.loads(data.output)}
    ready = reports["vnexpress-local"]
    assert ready["verdict"] == "ready", ready
    listing = next(e for e in ready["entries"] if e["kind"] == "listing")
    assert listing["found"].startswith("50 liên kết bài")  # the saved page's 50 stories
    example = next(e for e in ready["entries"] if e["kind"] == "example")
    assert example["answered"] and example["problem"] is None  # the vnexpress-v1 layout matches the real page
    assert any("verified" in f for f in ready["fixes"])  # still a guess until checked live: says so

    trouble = {e["kind"]: e["problem"] for e in reports["trouble"]["entries"]}
    assert trouble == {"robots": None, "feed": "feed_html", "sitemap": "sitemap_stale", "listing": None,
                       "listing-2": "listing_repeats", "example": "js_challenge"}
    assert reports["trouble"]["verdict"] == "partial"
    fixes = " ".join(reports["trouble"]["fixes"])
    assert "RSS trả về trang HTML" in fixes and "Sitemap dừng ở ngày 05/01/2023" in fixes
    assert "max_pages = 1" in fixes and "add-url" in fixes
    assert reports["walled"]["verdict"] == "failing"
    assert {e["problem"] for e in reports["walled"]["entries"]} == {"blocked"}
    assert "đề nghị tòa soạn" in " ".join(reports["walled"]["fixes"])
    assert "vnexpress-local" in table.output and "sẵn sàng" in table.output and "cần làm:" in table.output
    assert "1/3 nguồn sẵn sàng" in table.output
