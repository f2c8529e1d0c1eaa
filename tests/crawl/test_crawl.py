"""End-to-end crawls in a subprocess against local servers on 127.0.0.1 (started here; no internet)."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from crawlers.output import raw_path
from crawlers.rawpack import as_location, read_raw_gz
from crawlers.run import REPO_ROOT, collect, run_crawl
from tests.crawl.helpers import crawl, fetches, health, make_job, pages, write_sources
from tests.crawl.server import Reply, TestServer
from tests.support.net import free_port

PAT = r"-post\d+\.html$"
ROBOTS_OK = Reply(body="User-agent: *\nDisallow: /private/\n", content_type="text/plain")


def rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>" for t, u, d in items)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>{body}</channel></rss>'


def article(title: str = "Bài") -> Reply:
    return Reply(body=f'<html><head><title>{title}</title></head><body><h1>{title}</h1>'
                      f'<div class="article__body">Nội dung</div></body></html>')


def article_fetches(result, path: str = "") -> list[dict]:
    return [f for f in fetches(result) if f["kind"] in ("article", "manual") and path in f["url"]]


def test_feed_dates_window_tracking_duplicates_and_layout(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/robots.txt"] = ROBOTS_OK
        srv.routes["/rss"] = Reply(body=rss([
            ("A", srv.url("/a-post1.html?utm_source=rss&fbclid=x"), "Mon, 20 Jun 2022 08:30:00 GMT+7"),
            ("A again", srv.url("/a-post1.html#comments"), "Mon, 20 Jun 2022 08:30:00 GMT+7"),
            ("B", srv.url("/b-post2.html"), "Tue, 21 Jun 2022 23:30:00 ICT"),
            ("Old", srv.url("/old-post3.html"), "01/01/2021 10:00"),
        ]), content_type="application/rss+xml", headers={"ETag": '"v1"'})
        srv.routes["/a-post1.html"] = article("A")
        srv.routes["/b-post2.html"] = Reply(body="<html><body>redesigned page</body></html>")
        src = write_sources(tmp_path / "s.toml", [{"id": "gdtd", "homepage": srv.url("/"), "feeds": [srv.url("/rss")],
                                                   "article_url_pattern": PAT, "layout_check": "div.article__body"}])
        result = crawl(tmp_path, src, since="2022-06-01")
        assert result.ok, result.log_tail
        assert srv.hits["/a-post1.html?utm_source=rss&fbclid=x"] == 1
        assert not any(k.startswith("/a-post1.html#") for k in srv.hits)
        assert "/old-post3.html" not in srv.hits
        got = {p["canonical_url"]: p for p in pages(result)}
        assert set(got) == {srv.url("/a-post1.html"), srv.url("/b-post2.html")}
        assert got[srv.url("/b-post2.html")]["hint"]["published"] == "2022-06-21T23:30:00+07:00"
        assert got[srv.url("/a-post1.html")]["discovered_via"] == "feed"
        h = health(result, "gdtd")
        assert h["items_found"] == 2 and h["pages_fetched"] == 2 and h["layout_misses"] == 1
        assert h["skipped_window"] == 1 and h["errors"] == 0
        assert all(h.get("User-Agent", "").startswith("planwatch/") for _, h in srv.requests)
        kinds = [f["kind"] for f in fetches(result)]
        assert kinds.count("robots") == 1 and kinds.count("feed") == 1
        for f in fetches(result):
            assert {"fetch_id", "status", "bytes", "elapsed_ms", "error", "fetched_at"} <= set(f)
        assert (result.out_dir / "done").exists()

        # Second night: validators -> 304 recorded; known URLs -> no article fetched again.
        validators = tmp_path / "validators.json"
        run_crawl(make_job(tmp_path, src, "r1b", validators_file=str(validators)))
        assert json.loads(validators.read_text())[srv.url("/rss")]["etag"] == '"v1"'
        srv.routes["/rss"] = lambda h: (Reply(status=304) if h.headers.get("If-None-Match") == '"v1"'
                                        else Reply(body="changed"))
        known = tmp_path / "known.txt"
        known.write_text("\n".join(p["url"] for p in pages(result)) + "\n")
        again = run_crawl(make_job(tmp_path, src, "r2", validators_file=str(validators),
                                   known_urls_file=str(known)))
        feed_fetch = [f for f in fetches(again) if f["kind"] == "feed"]
        assert [f["status"] for f in feed_fetch] == [304]
        assert health(again, "gdtd")["not_modified"] == 1 and article_fetches(again) == []


def test_known_urls_skip_articles_from_feed(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body=rss([("A", srv.url("/a-post1.html?utm_medium=x"), "20/06/2022 08:00"),
                                             ("B", srv.url("/b-post2.html"), "20/06/2022 09:00")]))
        srv.routes["/a-post1.html"] = article()
        srv.routes["/b-post2.html"] = article()
        src = write_sources(tmp_path / "s.toml", [{"id": "s", "homepage": srv.url("/"), "feeds": [srv.url("/rss")]}])
        known = tmp_path / "known.txt"
        known.write_text(srv.url("/a-post1.html") + "\n")
        result = crawl(tmp_path, src, known_urls_file=str(known))
        assert [p["canonical_url"] for p in pages(result)] == [srv.url("/b-post2.html")]
        assert health(result, "s")["skipped_known"] == 1


def sitemap_index(srv: TestServer) -> str:
    return ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<sitemap><loc>{srv.url("/sitemap-news.xml")}</loc><lastmod>2022-06-30</lastmod></sitemap>'
            f'<sitemap><loc>{srv.url("/sitemap-2019.xml")}</loc><lastmod>2019-12-31</lastmod></sitemap>'
            '</sitemapindex>')


def test_sitemap_index_news_sitemap_date_filter(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/sitemap.xml"] = Reply(body=sitemap_index(srv), content_type="application/xml")
        news = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">')
        for n, day in ((1, "2022-06-15T08:00:00+07:00"), (2, "2022-06-20"), (3, "2022-05-01T00:00:00+07:00"),
                       (4, "2022-07-20T00:00:00+07:00")):
            news += (f'<url><loc>{srv.url(f"/n{n}-post{n}.html")}</loc><news:news><news:publication_date>{day}'
                     f'</news:publication_date><news:title>T{n}</news:title></news:news></url>')
        news += f'<url><loc>{srv.url("/chuyen-muc/giao-duc")}</loc><lastmod>2022-06-16</lastmod></url></urlset>'
        srv.routes["/sitemap-news.xml"] = Reply(body=news, content_type="application/xml")
        for n in range(1, 5):
            srv.routes[f"/n{n}-post{n}.html"] = article()
        src = write_sources(tmp_path / "s.toml", [{"id": "nd", "homepage": srv.url("/"),
                                                   "sitemaps": [srv.url("/sitemap.xml")], "article_url_pattern": PAT}])
        result = crawl(tmp_path, src, since="2022-06-01", until="2022-06-30", mode="backfill")
        assert result.ok, result.log_tail
        assert "/sitemap-2019.xml" not in srv.hits
        got = sorted(p["canonical_url"].rsplit("/", 1)[1] for p in pages(result))
        assert got == ["n1-post1.html", "n2-post2.html"]
        p1 = next(p for p in pages(result) if "n1-" in p["url"])
        assert p1["hint"]["title"] == "T1" and p1["hint"]["published_origin"] == "sitemap"


def listing_page(srv: TestServer, page: int, per_page: int = 3) -> Reply:
    # Page p holds items dated 30 - (p-1)*per_page - i days after 2022-05-01 ... i.e. newest first.
    items = []
    for i in range(per_page):
        n = (page - 1) * per_page + i
        day = 30 - n * 3  # 30, 27, 24, ... days into June 2022 then May
        date = f"{day:02d}/06/2022 08:00" if day > 0 else f"{day + 31:02d}/05/2022 08:00"
        items.append(f'<li class="item"><a href="/bai-{n}-post{100 + n}.html">Bài {n}</a>'
                     f'<span class="date">{date}</span></li>')
    return Reply(body=f'<html><body><ul>{"".join(items)}</ul><footer>© 2003-2022</footer></body></html>')


def test_listing_pagination_stops_at_since(tmp_path: Path) -> None:
    with TestServer() as srv:
        for p in range(1, 9):
            srv.routes[f"/tin-tuc?Page={p}"] = listing_page(srv, p)
        for n in range(0, 24):
            srv.routes[f"/bai-{n}-post{100 + n}.html"] = article()
        src = write_sources(tmp_path / "s.toml", [{
            "id": "moet", "homepage": srv.url("/"), "article_url_pattern": PAT,
            "listings": [{"url": srv.url("/tin-tuc?Page={page}"), "first_page": 1, "max_pages": 8}]}])
        # since 2022-06-10: items on day 30..12 (n=0..6) are in; page 3 holds n=6,7,8 (12, 9, 6 June):
        # partly in -> page 4 fetched (3 June, 31 May, 28 May) is wholly older -> stop; page 5 never fetched.
        result = crawl(tmp_path, src, since="2022-06-10")
        assert result.ok, result.log_tail
        listing_hits = sorted(k for k in srv.hits if k.startswith("/tin-tuc"))
        assert listing_hits == [f"/tin-tuc?Page={p}" for p in range(1, 5)]
        got = sorted(int(p["url"].split("-")[1]) for p in pages(result))
        assert got == list(range(0, 7))
        assert all(p["hint"]["published_origin"] == "listing" for p in pages(result))


def test_site_search_in_backfill(tmp_path: Path) -> None:
    with TestServer() as srv:
        def search(handler):
            from urllib.parse import parse_qs, urlsplit

            q = parse_qs(urlsplit(handler.path).query)
            page = int(q["page"][0])
            if q["q"][0] != "mầm non" or page > 2:
                return Reply(body="<html><body>Không tìm thấy</body></html>")
            return Reply(body=f'<html><body><div><a href="/s{page}-post{page}.html">Kết quả {page}</a>'
                              f'<span>1{page}/06/2022</span></div></body></html>')

        srv.routes["/tim-kiem/"] = search
        srv.routes["/s1-post1.html"] = article()
        srv.routes["/s2-post2.html"] = article()
        src = write_sources(tmp_path / "s.toml", [{"id": "gd", "homepage": srv.url("/"), "article_url_pattern": PAT,
                                                   "search": srv.url("/tim-kiem/?q={query}&page={page}")}])
        nightly = crawl(tmp_path, src, "n1", queries=["mầm non"])
        assert pages(nightly) == []  # search is a backfill tool
        result = crawl(tmp_path, src, "b1", mode="backfill", queries=["mầm non"], since="2022-01-01")
        assert sorted(p["discovered_via"] for p in pages(result)) == ["search", "search"]
        assert sum(1 for k in srv.hits if k.startswith("/tim-kiem/")) == 3  # pages 1, 2 and the empty 3


def test_robots_allow_deny_and_failure_policies(tmp_path: Path) -> None:
    with TestServer() as ok, TestServer() as broken, TestServer() as missing:
        ok.routes["/robots.txt"] = ROBOTS_OK
        ok.routes["/rss"] = Reply(body=rss([("P", ok.url("/private/x-post1.html"), "20/06/2022"),
                                            ("Q", ok.url("/public/y-post2.html"), "20/06/2022")]))
        ok.routes["/public/y-post2.html"] = article()
        ok.routes["/private/x-post1.html"] = article()
        broken.routes["/robots.txt"] = Reply(status=503, body="down")
        broken.routes["/rss"] = Reply(body=rss([("Z", broken.url("/z-post9.html"), "20/06/2022")]))
        missing.routes["/rss"] = Reply(body=rss([("M", missing.url("/m-post5.html"), "20/06/2022")]))
        missing.routes["/m-post5.html"] = article()
        src = write_sources(tmp_path / "s.toml", [
            {"id": "ok", "homepage": ok.url("/"), "feeds": [ok.url("/rss")]},
            {"id": "broken", "homepage": broken.url("/"), "feeds": [broken.url("/rss")]},
            {"id": "missing", "homepage": missing.url("/"), "feeds": [missing.url("/rss")]},
        ])
        result = crawl(tmp_path, src, retry_times=1)
        assert result.ok, result.log_tail
        assert "/private/x-post1.html" not in ok.hits and ok.hits["/public/y-post2.html"] == 1
        assert health(result, "ok")["blocked_robots"] == 1
        assert broken.hits["/robots.txt"] == 2 and "/rss" not in broken.hits  # 503 -> retried -> disallow-all
        hb = health(result, "broken")
        assert "disallow-all" in json.dumps(hb["robots"]) and "robots" in hb["last_error"]
        assert missing.hits["/m-post5.html"] == 1  # 404 robots.txt -> allow all
        assert "allow-all" in json.dumps(health(result, "missing")["robots"])


def test_retry_after_429_and_5xx_retries(tmp_path: Path) -> None:
    with TestServer() as srv:
        state = {"n": 0}

        def throttled(handler):
            state["n"] += 1
            if state["n"] == 1:
                return Reply(status=429, body="slow down", headers={"Retry-After": "1"})
            return article().__class__(body="<html>ok</html>")

        srv.routes["/rss"] = Reply(body=rss([("A", srv.url("/a-post1.html"), "20/06/2022"),
                                             ("B", srv.url("/b-post2.html"), "20/06/2022")]))
        srv.routes["/a-post1.html"] = throttled
        srv.routes["/b-post2.html"] = Reply(status=500, body="boom")
        # the host that answers Retry-After 3600 is another host name (localhost): a host given up for the run
        # skips its pending retries, so on the same host as /a-post1 the test would hang on which came first
        other = f"http://localhost:{srv.port}"
        srv.routes["/rss2"] = Reply(body=rss([("C", other + "/c-post3.html", "20/06/2022")]))
        srv.routes["/c-post3.html"] = Reply(status=429, body="go away", headers={"Retry-After": "3600"})
        src = write_sources(tmp_path / "s.toml", [{"id": "s", "homepage": srv.url("/"), "feeds": [srv.url("/rss")]},
                                                  {"id": "s2", "homepage": other + "/", "feeds": [other + "/rss2"]}])
        result = crawl(tmp_path, src, retry_times=1)
        assert result.ok, result.log_tail
        a = article_fetches(result, "/a-post1")
        assert [f["status"] for f in a] == [429, 200]
        from datetime import datetime

        waited = (datetime.fromisoformat(a[1]["fetched_at"]) - datetime.fromisoformat(a[0]["fetched_at"]))
        assert waited.total_seconds() >= 0.9  # Retry-After: 1 honoured before the retry
        assert [p["canonical_url"] for p in pages(result)] == [srv.url("/a-post1.html")]
        assert [f["status"] for f in article_fetches(result, "/b-post2")] == [500, 500]  # 1 retry
        assert srv.hits["/c-post3.html"] == 1  # Retry-After beyond the bound: given up, not retried
        h = health(result, "s")
        assert h["errors"] >= 1 and h["pages_fetched"] == 1  # /b-post2 (a page fetched on its retry is none)
        assert health(result, "s2")["errors"] >= 1
        assert [f["status"] for f in article_fetches(result, "/c-post3")] == [429]


def test_timeout_redirect_loop_oversize_and_gzip_bomb(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body=rss([(n, srv.url(f"/{n}-post{i}.html"), "20/06/2022") for i, n in
                                             enumerate(["slow", "loop", "big", "bomb", "fine", "br"])]))
        srv.routes["/slow-post0.html"] = Reply(body="late", delay=2.5)
        srv.routes["/loop-post1.html"] = Reply(status=302, headers={"Location": "/loop-b"})
        srv.routes["/loop-b"] = Reply(status=302, headers={"Location": "/loop-post1.html"})
        srv.routes["/big-post2.html"] = Reply(body=b"x" * 300_000)
        bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
        srv.routes["/bomb-post3.html"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
        srv.routes["/fine-post4.html"] = article()
        import brotli

        srv.routes["/br-post5.html"] = Reply(body=brotli.compress(b"\0" * (20 * 1024 * 1024), quality=1),
                                             headers={"Content-Encoding": "br"})
        src = write_sources(tmp_path / "s.toml", [{"id": "s", "homepage": srv.url("/"), "feeds": [srv.url("/rss")]}])
        result = crawl(tmp_path, src, download_timeout=1.0, retry_times=0, max_bytes=200_000, redirect_max=3)
        assert result.ok, result.log_tail
        assert [p["url"] for p in pages(result)] == [srv.url("/fine-post4.html")]
        by_url: dict[str, list[dict]] = {}
        for f in fetches(result):
            by_url.setdefault(f["url"].split("/")[-1], []).append(f)
        assert "Timeout" in by_url["slow-post0.html"][0]["error"]
        assert by_url["slow-post0.html"][0]["status"] is None
        loop = [f["status"] for f in fetches(result) if "loop" in f["url"]]
        assert loop and all(s == 302 for s in loop) and len(loop) <= 4
        assert by_url["big-post2.html"][-1]["status"] is None and by_url["big-post2.html"][-1]["error"]
        assert by_url["bomb-post3.html"][-1]["error"]
        assert not any(f["raw_sha256"] for f in by_url["bomb-post3.html"])
        assert by_url["br-post5.html"][-1]["error"] and not by_url["br-post5.html"][-1]["raw_sha256"]
        assert health(result, "s")["errors"] >= 4


def test_bad_xml_is_an_error_for_that_source_only(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/bomb.rss"] = Reply(body=(
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><title>&lol3;</title>'
            f'<link>{srv.url("/x-post1.html")}</link></item></channel></rss>'))
        srv.routes["/broken.xml"] = Reply(body="<urlset><url><loc>http://127.0.0.1/a</loc></url")
        srv.routes["/good.rss"] = Reply(body=rss([("G", srv.url("/g-post2.html"), "20/06/2022")]))
        srv.routes["/g-post2.html"] = article()
        src = write_sources(tmp_path / "s.toml", [
            {"id": "bomb", "homepage": srv.url("/"), "feeds": [srv.url("/bomb.rss")]},
            {"id": "broken", "homepage": srv.url("/"), "sitemaps": [srv.url("/broken.xml")]},
            {"id": "good", "homepage": srv.url("/"), "feeds": [srv.url("/good.rss")]},
        ])
        result = crawl(tmp_path, src)
        assert result.ok, result.log_tail
        assert "/x-post1.html" not in srv.hits
        assert "entit" in health(result, "bomb")["last_error"] and health(result, "bomb")["errors"] == 1
        assert "malformed" in health(result, "broken")["last_error"]
        assert health(result, "good")["pages_fetched"] == 1


def test_failing_source_does_not_stop_others(tmp_path: Path) -> None:
    dead = free_port()
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body=rss([("A", srv.url("/a-post1.html"), "20/06/2022")]))
        srv.routes["/a-post1.html"] = article()
        src = write_sources(tmp_path / "s.toml", [
            {"id": "dead", "homepage": f"http://127.0.0.1:{dead}/", "feeds": [f"http://127.0.0.1:{dead}/rss"]},
            {"id": "dns", "homepage": "http://nonexistent.invalid/", "feeds": ["http://nonexistent.invalid/rss"]},
            {"id": "alive", "homepage": srv.url("/"), "feeds": [srv.url("/rss")]},
        ])
        result = crawl(tmp_path, src, retry_times=0)
        assert result.ok, result.log_tail
        assert health(result, "alive")["pages_fetched"] == 1
        assert health(result, "dead")["errors"] >= 1 and health(result, "dead")["last_error"]
        assert health(result, "dns")["errors"] >= 1


def test_raw_bytes_kept_intact_windows1258_and_nfd(tmp_path: Path) -> None:
    nfd_text = unicodedata.normalize("NFD", "<html><body><h1>Bồi dưỡng giáo viên mầm non</h1></body></html>")
    nfd = nfd_text.encode("utf-8")
    # windows-1258 writes "ầ" as "â" + a combining grave accent (0xCC): base letters precomposed, tones apart.
    cp = '<html><head><meta charset="windows-1258"></head><body>Gi\u00e1o vi\u00ean m\u00e2\u0300m non</body></html>'
    cp1258 = cp.encode("cp1258")
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body=rss([("N", srv.url("/nfd-post1.html"), "20/06/2022"),
                                             ("W", srv.url("/cp-post2.html"), "20/06/2022")]))
        srv.routes["/nfd-post1.html"] = Reply(body=nfd)
        srv.routes["/cp-post2.html"] = Reply(body=cp1258, content_type="text/html")
        src = write_sources(tmp_path / "s.toml", [{"id": "s", "homepage": srv.url("/"), "feeds": [srv.url("/rss")]}])
        result = crawl(tmp_path, src)
        got = {p["url"].rsplit("/", 1)[1]: p for p in pages(result)}
        for name, body in (("nfd-post1.html", nfd), ("cp-post2.html", cp1258)):
            # in the run's pack (crawlers.rawpack), found by the page row's location and by sha alone
            sha = got[name]["raw_sha256"]
            where = as_location(got[name]["raw_pack"])
            assert where is not None and where[0] == result.run_id
            assert gzip.decompress(read_raw_gz(tmp_path / "raw", sha, where)) == body
            assert gzip.decompress(read_raw_gz(tmp_path / "raw", sha)) == body
            assert not raw_path(tmp_path / "raw", sha).exists()  # no file per page
        assert got["cp-post2.html"]["encoding"] in ("cp1258", "windows-1258")


def test_ssrf_guard_in_crawl(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body=rss([("A", srv.url("/a-post1.html"), "20/06/2022")]))
        srv.routes["/a-post1.html"] = Reply(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data"})
        src = write_sources(tmp_path / "s.toml", [
            {"id": "public", "homepage": srv.url("/"), "feeds": [srv.url("/rss")], "allow_private": False},
        ])
        manual = [{"url": u} for u in ("http://169.254.169.254/latest/meta-data", "http://[::1]/x", "file:///etc/passwd",
                                       "gopher://127.0.0.1:70/x", srv.url("/a-post1.html"))]
        result = crawl(tmp_path, src, manual_urls=manual)
        assert result.ok, result.log_tail
        assert sum(srv.hits.values()) == 0  # nothing reached the loopback server
        refused = [f for f in fetches(result) if (f["error"] or "").startswith("refused")]
        assert len(refused) >= 6
        assert health(result, "public")["refused"] >= 1

        # A private-allowed source may reach its mirror, but a redirect to the metadata range is refused.
        src2 = write_sources(tmp_path / "s2.toml", [{"id": "mirror", "homepage": srv.url("/"),
                                                     "feeds": [srv.url("/rss")]}])
        result2 = crawl(tmp_path, src2, "r2")
        a = [f for f in fetches(result2) if "169.254" in f["url"]]
        assert srv.hits["/a-post1.html"] == 1 and a and a[0]["error"].startswith("refused")
        assert pages(result2) == []


@pytest.mark.slow
def test_sigkill_mid_crawl_then_rerun_completes_without_duplicates(tmp_path: Path) -> None:
    n = 30
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body=rss([(f"T{i}", srv.url(f"/p{i}-post{i}.html?utm_source=z"), "20/06/2022")
                                             for i in range(n)]))
        for i in range(n):
            srv.routes[f"/p{i}-post{i}.html?utm_source=z"] = Reply(body=f"<html>{i}</html>", delay=0.1)
        src = write_sources(tmp_path / "s.toml", [{"id": "s", "homepage": srv.url("/"), "feeds": [srv.url("/rss")],
                                                   "politeness": {"delay": 0.0, "concurrency": 1}}])
        job = make_job(tmp_path, src, "kill", settings={"CONCURRENT_REQUESTS": 1, "CONCURRENT_REQUESTS_PER_DOMAIN": 1})
        out = Path(job.out_dir)
        out.mkdir(parents=True)
        (out / "job.json").write_text(job.to_json())
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
        proc = subprocess.Popen([sys.executable, "-m", "crawlers.run", str(out / "job.json")], cwd=REPO_ROOT,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            p = out / "pages.jsonl"
            if p.exists() and p.read_text().count("\n") >= 5:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        first = collect(job)
        assert not first.done and 5 <= first.pages < n
        first_urls = {json.loads(x)["url"] for x in (out / "pages.jsonl").read_text().splitlines() if x.strip()}
        with open(out / "pages.jsonl", "a") as fh:  # simulate a line torn by the kill
            fh.write('{"url": "torn')
        result = run_crawl(job)
        assert result.ok, result.log_tail
        rows = [json.loads(x) for x in (out / "pages.jsonl").read_text().splitlines()]
        urls = [r["url"] for r in rows]
        assert len(urls) == len(set(urls)) == n  # no gaps, no duplicates, torn line gone
        for url in first_urls:  # recorded before the kill -> never fetched again
            assert srv.hits[url.replace(srv.base, "")] == 1
        ids = [json.loads(x)["fetch_id"] for x in (out / "fetches.jsonl").read_text().splitlines()]
        assert len(ids) == len(set(ids))
        assert result.summary["resumed"] is True


def test_resolver_refuses_private_answers_dns_rebinding(tmp_path: Path) -> None:
    # The host name passes the request-level guard (allow_private source) but the crawl-wide resolver is
    # strict here: the connection is never made, as for a public name that re-resolves to a private address.
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body="<rss><channel></channel></rss>")
        base = f"http://localhost:{srv.port}"
        src = write_sources(tmp_path / "s.toml", [{"id": "t1", "homepage": base + "/", "feeds": [base + "/rss"]}])
        result = crawl(tmp_path, src, retry_times=0, settings={"PLANWATCH_ALLOW_PRIVATE": False})
        assert sum(srv.hits.values()) == 0
        assert any("DNS lookup failed" in (f["error"] or "") for f in fetches(result))


@pytest.mark.slow
def test_default_politeness_obeys_robots_crawl_delay(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/robots.txt"] = Reply(body="User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
        srv.routes["/rss"] = Reply(body=rss([(f"T{i}", srv.url(f"/t{i}-post{i}.html"), "20/06/2022")
                                             for i in range(3)]))
        for i in range(3):
            srv.routes[f"/t{i}-post{i}.html"] = article()
        src = write_sources(tmp_path / "s.toml", [{"id": "s", "homepage": srv.url("/"), "feeds": [srv.url("/rss")],
                                                   "politeness": {"delay": 0.0, "concurrency": 1}}])
        result = crawl(tmp_path, src, politeness="default")
        assert result.ok and len(pages(result)) == 3
        from datetime import datetime

        stamps = sorted(datetime.fromisoformat(f["fetched_at"]) for f in fetches(result) if f["kind"] != "robots")
        gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(stamps)]
        assert min(gaps) >= 0.45, gaps  # Crawl-delay 1 s with ±50 % jitter
