"""Honest source health for the real web (crawlers/realweb.py): one crawl against local servers on 127.0.0.1
meets a JavaScript challenge, a block by address (403 on every page), a feed that answers HTML, a listing
whose next page repeats the first and a sitemap that stops at a date; source_health and the digest query name
each in Vietnamese with the next step, and a healthy source beside them stays 'ok'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crawlers.realweb import challenge_reason, looks_like_html, primary, sitemap_stops
from pipeline.ingest import _health_row
from pipeline.snapshot import open_snapshot
from pipeline.sql import query as query_text
from pipeline.store import open_writer
from tests.crawl.helpers import crawl, health
from tests.crawl.server import Reply, TestServer
from tests.support.warehouse import source

CHALLENGE = ('<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>'
             '<div id="challenge-running">Checking your browser before accessing the site.</div>'
             '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></body></html>')
JS_RELOAD = ('<html><head><script>document.cookie="D1N=a91b; path=/";window.location.reload();</script></head>'
             '<body></body></html>')
ROBOTS = Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")


def _rss(url: str) -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item><title>A</title>'
            f'<link>{url}</link><pubDate>Mon, 20 Jun 2022 08:30:00 GMT+7</pubDate></item></channel></rss>')


def _article(title: str) -> Reply:
    return Reply(body=f"<html><body><h1>{title}</h1><div class='article__body'><p>Nội dung bài {title} về giáo "
                      "viên mầm non.</p></div></body></html>")


def _listing(links: list[str]) -> Reply:
    items = "".join(f'<div class="item"><a href="{u}">Tin {u}</a></div>' for u in links)
    return Reply(body=f"<html><body>{items}<button>Xem thêm</button></body></html>")


def test_pure_detectors() -> None:
    assert challenge_reason(CHALLENGE.encode())
    assert challenge_reason(JS_RELOAD.encode())
    article = "<html><body><h1>Tin</h1>" + "<p>Giáo viên mầm non được bồi dưỡng.</p>" * 30 + "</body></html>"
    assert challenge_reason(article.encode()) is None
    assert challenge_reason(b"<html><script>var a = 1;</script><body>" + b"chu " * 200 + b"</body></html>") is None
    assert looks_like_html(b"\xef\xbb\xbf<!DOCTYPE html><html><body>RSS</body></html>")
    assert not looks_like_html(b'<?xml version="1.0"?><rss></rss>', "text/html")
    now = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    old = [dt.datetime(2024, 5, 1, tzinfo=dt.UTC), dt.datetime(2024, 4, 1, tzinfo=dt.UTC), None]
    assert sitemap_stops(old, now) == dt.date(2024, 5, 1)
    assert sitemap_stops([*old, dt.datetime(2026, 12, 1, tzinfo=dt.UTC)], now) is None
    assert sitemap_stops([None], now) is None
    assert primary({"listing_repeats": "x", "blocked": "y"}) == ("blocked", "y")


def test_real_web_states_named_with_next_step(tmp_path: Path, home) -> None:
    recent = (dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    with TestServer() as ch, TestServer() as bl, TestServer() as fh, TestServer() as rp, TestServer() as st, \
            TestServer() as ok, TestServer() as mo:
        ch.routes["/robots.txt"] = ROBOTS
        ch.routes["/tin-tuc"] = Reply(403, CHALLENGE)
        for path in ("/robots.txt", "/rss", "/tin-tuc"):
            bl.routes[path] = Reply(403, "<html><body><h1>403 Forbidden</h1></body></html>")
        fh.routes["/robots.txt"] = ROBOTS
        fh.routes["/rss/giao-duc.rss"] = Reply(body="<!DOCTYPE html><html><head><title>Trang chủ</title></head>"
                                                    "<body><h1>Báo điện tử</h1><p>Tin mới</p></body></html>")
        rp.routes["/robots.txt"] = ROBOTS
        first = [rp.url(f"/tin-{i}-post{i}.html") for i in range(1, 4)]
        rp.routes["/giao-duc"] = _listing(first)  # ?page=2 gives the same page: "Xem thêm" is JavaScript
        for u in first:
            rp.routes[u.removeprefix(rp.base)] = _article(u)
        st.routes["/robots.txt"] = ROBOTS
        st.routes["/sitemap.xml"] = Reply(content_type="application/xml", body=(
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<url><loc>{st.url("/cu-post1.html")}</loc><lastmod>2024-05-01T08:00:00+07:00</lastmod></url>'
            f'<url><loc>{st.url("/cu-post2.html")}</loc><lastmod>2024-04-20T08:00:00+07:00</lastmod></url>'
            "</urlset>"))
        st.routes["/cu-post1.html"] = _article("cu 1")
        st.routes["/cu-post2.html"] = _article("cu 2")
        # monthly child sitemaps: an old month beside a current one is not a sitemap that stopped
        mo.routes["/robots.txt"] = ROBOTS
        mo.routes["/sitemap.xml"] = Reply(content_type="application/xml", body=(
            '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<sitemap><loc>{mo.url("/sm-2021-07.xml")}</loc><lastmod>2021-07-31</lastmod></sitemap>'
            f'<sitemap><loc>{mo.url("/sm-now.xml")}</loc><lastmod>{recent}</lastmod></sitemap></sitemapindex>'))
        mo.routes["/sm-2021-07.xml"] = Reply(content_type="application/xml", body=(
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<url><loc>{mo.url("/xua-post9.html")}</loc><lastmod>2021-07-20</lastmod></url></urlset>'))
        mo.routes["/sm-now.xml"] = Reply(content_type="application/xml", body=(
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<url><loc>{mo.url("/moi-post8.html")}</loc><lastmod>{recent}</lastmod></url></urlset>'))
        mo.routes["/xua-post9.html"] = _article("xưa")
        mo.routes["/moi-post8.html"] = _article("mới")
        ok.routes["/robots.txt"] = ROBOTS
        ok.routes["/rss"] = Reply(body=_rss(ok.url("/a-post1.html")), content_type="application/rss+xml")
        ok.routes["/a-post1.html"] = _article("A")
        pat = r"-post\d+\.html$"
        from tests.crawl.helpers import write_sources

        src = write_sources(tmp_path / "s.toml", [
            {"id": "challenge", "homepage": ch.url("/"), "article_url_pattern": pat,
             "listings": [{"url": ch.url("/tin-tuc?page={page}"), "max_pages": 3}]},
            {"id": "blocked", "homepage": bl.url("/"), "feeds": [bl.url("/rss")], "article_url_pattern": pat,
             "listings": [{"url": bl.url("/tin-tuc?page={page}"), "max_pages": 3}]},
            {"id": "feedhtml", "homepage": fh.url("/"), "feeds": [fh.url("/rss/giao-duc.rss")]},
            {"id": "repeats", "homepage": rp.url("/"), "article_url_pattern": pat,
             "listings": [{"url": rp.url("/giao-duc?page={page}"), "max_pages": 5}]},
            {"id": "stale", "homepage": st.url("/"), "sitemaps": [st.url("/sitemap.xml")], "article_url_pattern": pat},
            {"id": "healthy", "homepage": ok.url("/"), "feeds": [ok.url("/rss")], "article_url_pattern": pat},
            {"id": "monthly", "homepage": mo.url("/"), "sitemaps": [mo.url("/sitemap.xml")],
             "article_url_pattern": pat},
        ])
        result = crawl(tmp_path, src)
        assert result.ok, result.log_tail
        assert rp.hits["/giao-duc?page=2"] == 1 and rp.hits["/giao-duc?page=3"] == 0  # stopped after the repeat
        assert ch.hits["/tin-tuc?page=1"] >= 1
        assert mo.hits["/sm-2021-07.xml"] == 1 and mo.hits["/sm-now.xml"] == 1
    problems = {sid: set(health(result, sid).get("problems") or {}) for sid in
                ("challenge", "blocked", "feedhtml", "repeats", "stale", "healthy", "monthly")}
    assert problems == {"challenge": {"js_challenge"}, "blocked": {"blocked"}, "feedhtml": {"feed_html"},
                        "repeats": {"listing_repeats"}, "stale": {"sitemap_stale"}, "healthy": set(),
                        "monthly": set()}
    assert health(result, "stale")["problems"]["sitemap_stale"] == "2024-05-01"

    rows = [_health_row(h, "r1") for h in result.health]
    with open_writer(home) as writer:
        writer.insert("sources", [source(s) for s in problems])
        writer.insert("source_health_log", rows)
    with open_snapshot(home) as conn:
        got = {r[0]: r[1:] for r in conn.execute(
            "SELECT source_id, health, problem_vi, next_step_vi FROM source_health").fetchall()}
        digest = conn.execute(query_text("digest_source_health")).fetchall()
    assert got["healthy"][0] == "ok" and got["healthy"][1] is None
    assert got["challenge"][:2] == ("js_challenge", "Trang trả về thử thách JavaScript (chống bot) thay cho nội dung")
    assert got["blocked"][0] == "blocked" and "403/451" in got["blocked"][1]
    assert got["feedhtml"][0] == "feed_html" and "RSS" in got["feedhtml"][1]
    assert got["repeats"][0] == "listing_repeats" and "Xem thêm" in got["repeats"][1]
    assert got["stale"][:2] == ("sitemap_stale", "Sitemap dừng ở ngày 01/05/2024, không còn cập nhật")
    for sid in ("challenge", "blocked", "feedhtml", "repeats", "stale"):
        assert got[sid][2] and ("add-url" in got[sid][2] or "RSS" in got[sid][2] or "tòa soạn" in got[sid][2]), sid
    assert "add-url" in got["blocked"][2] and "tòa soạn" in got["blocked"][2]
    assert "sitemap" in got["challenge"][2] and "RSS" in got["repeats"][2]
    listed = [r[0] for r in digest]
    assert set(listed) >= {"challenge", "blocked", "feedhtml", "repeats", "stale"} and "healthy" not in listed
