"""Pure parts of the crawler: URLs, dates, SSRF guard, registry validation, discovery parsers."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from crawlers.dates import date_from_url, find_date, parse_date
from crawlers.discovery import DiscoveryError, parse_feed, parse_listing, parse_sitemap
from crawlers.output import RunWriter, read_jsonl
from crawlers.registry import RegistryError, load_queries, load_sources, source_rows, sync_sources
from crawlers.safety import UnsafeURL, check_url, is_safe
from crawlers.urls import canonical_url
from tests.crawl.helpers import write_sources
from tests.support.fresh import assert_in_fresh_interpreter


@pytest.mark.parametrize(("raw", "canon"), [
    ("HTTPS://Giaoducthoidai.VN/a-post1.html?utm_source=fb&utm_medium=x#top", "https://giaoducthoidai.vn/a-post1.html"),
    ("https://vnexpress.net/a-5079708.html?fbclid=abc&gclid=1&zarsrc=30", "https://vnexpress.net/a-5079708.html"),
    ("https://m.vnexpress.net/a-5079708.html", "https://vnexpress.net/a-5079708.html"),
    ("https://tuoitre.vn/a-20251201163412554.htm/amp", "https://tuoitre.vn/a-20251201163412554.htm"),
    ("https://x.vn/section/", "https://x.vn/section"),
    ("https://x.vn:443/", "https://x.vn/"),
    ("https://moet.gov.vn/tintuc/Pages/tin-tong-hop.aspx?ItemID=9865&utm_campaign=a",
     "https://moet.gov.vn/tintuc/Pages/tin-tong-hop.aspx?ItemID=9865"),
    ("https://x.vn/list?b=2&a=1", "https://x.vn/list?a=1&b=2"),
])
def test_canonical_url(raw: str, canon: str) -> None:
    assert canonical_url(raw) == canon
    assert canonical_url(canon) == canon


@pytest.mark.parametrize(("text", "iso"), [
    ("Mon, 20 Jun 2022 08:30:00 GMT+7", "2022-06-20T08:30:00+07:00"),
    ("Mon, 20 Jun 2022 08:30:00 ICT", "2022-06-20T08:30:00+07:00"),
    ("Mon, 20 Jun 2022 01:30:00 GMT", "2022-06-20T01:30:00+00:00"),
    ("20/06/2022 08:30", "2022-06-20T08:30:00+07:00"),
    ("Thứ bảy, 24/8/2025, 09:00 (GMT+7)", "2025-08-24T09:00:00+07:00"),
    ("Thứ Ba, 22:35, 26/08/2025", "2025-08-26T22:35:00+07:00"),
    ("Thứ năm, ngày 16 tháng 6 năm 2022", "2022-06-16T00:00:00+07:00"),
    ("15/06/2022 | 08:30", "2022-06-15T08:30:00+07:00"),
    ("2026-09-07T12:48:05+0700", "2026-09-07T12:48:05+07:00"),
])
def test_parse_date(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.isoformat() == iso


def test_dates_in_text_and_urls() -> None:
    assert find_date("Cập nhật 08:30 16/06/2022 ...").isoformat() == "2022-06-16T08:30:00+07:00"  # type: ignore[union-attr]
    assert date_from_url("https://tuoitre.vn/x-20251201163412554.htm").date().isoformat() == "2025-12-01"  # type: ignore[union-attr]
    assert date_from_url("https://x.vn/a-post464262.html") is None
    assert parse_date("not a date") is None


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
                                 "file:///etc/passwd", "gopher://x.vn/", "http://10.1.2.3/", "http://localhost:8080/",
                                 "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "ftp://x.vn/", "data:text/html,hi"])
def test_ssrf_guard_refuses(url: str) -> None:
    with pytest.raises(UnsafeURL):
        check_url(url, resolve=lambda h: ["93.184.216.34"])


def test_ssrf_guard_allow_private_and_dns() -> None:
    assert is_safe("http://127.0.0.1:8000/", allow_private=True)
    assert not is_safe("http://169.254.169.254/", allow_private=True)  # metadata range: never
    assert is_safe("https://example.vn/", resolve=lambda h: ["93.184.216.34"])
    assert not is_safe("https://evil.example/", resolve=lambda h: ["93.184.216.34", "10.0.0.5"])


def test_registry_real_files_load() -> None:
    sources = load_sources(None)
    ids = {s.id for s in sources}
    assert {"moet-portal", "moet-portal-legacy", "giaoducthoidai", "vnexpress", "vov"} <= ids
    provincial = [s for s in sources if s.scope == "provincial"]
    assert len(provincial) >= 15
    assert all(s.province_historical and s.province_current for s in provincial)
    vp = next(s for s in sources if s.id == "vinhphuc-sgddt")
    assert (vp.province_historical, vp.province_current) == ("Vĩnh Phúc", "Phú Thọ")
    assert [q.text for q in load_queries()][:1] == ["Đề án 33"]


def test_registry_errors_name_file_source_field_and_fix(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('''
[[source]]
id = "a1"
name = "A"
kind = "blog"
scope = "central"
homepage = "https://a.vn/"
[[source.listings]]
url = "https://a.vn/list"

[[source]]
id = "a1"
name = "dup"
kind = "tv"
scope = "provincial"
homepage = "https://b.vn/"
province_historical = "Vĩnh Phúc"
province_current = "Phú Thọ"

[[source]]
id = "c1"
name = "C"
kind = "tv"
scope = "central"
search = "https://c.vn/s?q={qury}"
''', encoding="utf-8")
    with pytest.raises(RegistryError) as err:
        load_sources(bad)
    msg = str(err.value)
    assert "source 'a1': field 'kind': unknown kind 'blog'" in msg
    assert "listing URL has no {page}" in msg
    assert "duplicate id" in msg
    assert "source 'c1': field 'homepage': missing" in msg
    assert "unknown placeholder" in msg
    assert str(bad) in msg and "Fix:" in msg


def test_registry_folder_ignores_subfolders(tmp_path: Path) -> None:
    write_sources(tmp_path / "a.toml", [{"id": "s1", "homepage": "http://127.0.0.1:1/"}])
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "x.toml").write_text("not = [valid", encoding="utf-8")
    (tmp_path / "search_queries.toml").write_text('[[query]]\ntext = "mầm non"\n', encoding="utf-8")
    assert [s.id for s in load_sources(tmp_path)] == ["s1"]


def test_sync_sources_upserts(home) -> None:
    import dataclasses

    import duckdb

    from pipeline.store import open_writer

    sources = load_sources(None)
    with open_writer(home) as writer:
        assert sync_sources(writer, sources) == len(sources)
    renamed = dataclasses.replace(sources[0], name="Tên mới")
    with open_writer(home) as writer:  # a second sync replaces rows, never duplicates them
        sync_sources(writer, [renamed])
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT source_id) FROM sources").fetchone() == (
            len(sources), len(sources))
        assert conn.execute("SELECT name FROM sources WHERE source_id = ?", [renamed.id]).fetchone() == ("Tên mới",)
        cols = {r[0] for r in conn.execute("DESCRIBE sources").fetchall()}
    assert cols >= {"source_id", "name", "kind", "scope", "province_historical", "province_current",
                    "homepage", "config_json", "updated_at"}
    assert source_rows(sources[:1])[0]["config_json"].startswith("{")


RSS = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>A</title><link>https://x.vn/a-post1.html</link><pubDate>Mon, 20 Jun 2022 08:30:00 GMT+7</pubDate></item>
<item><title>B</title><link>/b-post2.html</link><pubDate>Tue, 21 Jun 2022 23:30:00 ICT</pubDate></item>
<item><title>C</title><link>https://x.vn/c-post3.html</link><pubDate>22/06/2022 10:00</pubDate></item>
</channel></rss>"""

BOMB = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title><link>https://x.vn/a</link></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&xxe;</loc></url></urlset>"""


def test_feed_dates() -> None:
    feed = parse_feed(RSS, "https://x.vn/rss/giao-duc.rss")
    got = {i.url: i.published.isoformat() for i in feed.items if i.published}
    assert got == {"https://x.vn/a-post1.html": "2022-06-20T08:30:00+07:00",
                   "https://x.vn/b-post2.html": "2022-06-21T23:30:00+07:00",
                   "https://x.vn/c-post3.html": "2022-06-22T10:00:00+07:00"}


def test_unsafe_xml_refused() -> None:
    with pytest.raises(DiscoveryError, match="entit"):
        parse_feed(BOMB, "https://x.vn/rss")
    with pytest.raises(DiscoveryError, match="entit"):
        parse_sitemap(XXE)
    with pytest.raises(DiscoveryError):
        parse_sitemap(b"<urlset><url><loc>https://x.vn/a</loc></url")
    with pytest.raises(DiscoveryError):
        parse_feed(b"\x00\x01 garbage <<<", "https://x.vn/rss")
    with pytest.raises(DiscoveryError, match="bomb"):
        parse_sitemap(gzip.compress(b"<urlset>" + b" " * (60 * 1024 * 1024) + b"</urlset>"))


def test_listing_item_dates_ignore_footer() -> None:
    html = """<html><body><div class="list">
      <article><h3><a href="/a-post1.html">Tin A</a></h3><span class="time">16/06/2022 08:30</span></article>
      <article><a href="/b-post2.html"><img></a><h3><a href="/b-post2.html">Tin B</a></h3>
         <time datetime="2022-05-10T07:00:00+07:00">10/05</time></article>
      <article><h3><a href="/c-post3.html">Tin C</a></h3></article>
    </div><footer>© 1997-2022, 01/01/2020</footer></body></html>"""
    import re

    items = {c.url: c for c in parse_listing(html, "https://x.vn/list?page=1",
                                             lambda u: bool(re.search(r"-post\d+\.html$", u)))}
    assert items["https://x.vn/a-post1.html"].published.isoformat() == "2022-06-16T08:30:00+07:00"  # type: ignore[union-attr]
    assert items["https://x.vn/b-post2.html"].published.isoformat() == "2022-05-10T07:00:00+07:00"  # type: ignore[union-attr]
    assert items["https://x.vn/c-post3.html"].published is None
    assert items["https://x.vn/a-post1.html"].title == "Tin A"


def test_run_writer_cuts_torn_line_and_resumes(tmp_path: Path) -> None:
    w = RunWriter(tmp_path / "run", tmp_path / "raw", "r")
    w.fetch(url="https://x.vn/a", kind="article", status=200)
    w.page({"url": "https://x.vn/a?utm_source=1", "canonical_url": "https://x.vn/a"})
    w.close()
    with open(tmp_path / "run" / "pages.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"url": "https://x.vn/b", "canon')  # torn by a SIGKILL
    w2 = RunWriter(tmp_path / "run", tmp_path / "raw", "r")
    assert w2.recorded_pages == {"https://x.vn/a"}
    row = w2.fetch(url="https://x.vn/a", kind="article", status=200)
    w2.close()
    assert len(list(read_jsonl(tmp_path / "run" / "pages.jsonl"))) == 1
    ids = [r["fetch_id"] for r in read_jsonl(tmp_path / "run" / "fetches.jsonl")]
    assert len(set(ids)) == 2 and row["fetch_id"] == ids[-1]
    assert (tmp_path / "run" / "pages.jsonl").read_bytes().endswith(b"\n")


def test_guarded_resolver_refuses_private_answers() -> None:
    from crawlers.middlewares import GuardedResolver

    strict = GuardedResolver.__new__(GuardedResolver)
    strict.allow_private = False
    assert strict.check_answer("93.184.216.34", "example.vn") == "93.184.216.34"
    with pytest.raises(UnsafeURL):
        strict.check_answer("10.0.0.7", "rebind.example")
    lenient = GuardedResolver.__new__(GuardedResolver)
    lenient.allow_private = True
    assert lenient.check_answer("127.0.0.1", "mirror.local") == "127.0.0.1"
    with pytest.raises(UnsafeURL):
        lenient.check_answer("169.254.169.254", "metadata.example")


def test_the_ssrf_check_runs_for_every_request_to_a_host_already_resolved(monkeypatch: pytest.MonkeyPatch) -> None:
    """SafetyMiddleware checks a host that passed once inline (no thread hop), but still checks every request with
    its own source's allow_private: a host that one mirror source may reach is refused to a public source."""
    import asyncio
    from types import SimpleNamespace

    from scrapy import Request
    from scrapy.exceptions import IgnoreRequest

    from crawlers import middlewares

    checked: list[tuple[str, bool]] = []

    def spy(url: str, *, allow_private: bool = False) -> str:
        checked.append((url, allow_private))
        return check_url(url, allow_private=allow_private)

    monkeypatch.setattr(middlewares, "check_url", spy)
    sources = {"mirror": SimpleNamespace(allow_private=True), "public": SimpleNamespace(allow_private=False)}
    refused: list[str] = []
    spider = SimpleNamespace(new_attempt=lambda request: None, given_up_hosts={},
                             source_of=lambda request: sources[request.meta["pw_source"]],
                             record_failure=lambda request, error, counts_as: refused.append(request.url))
    crawler = SimpleNamespace(spider=spider, settings=SimpleNamespace(getlist=lambda name: []))
    safety = middlewares.SafetyMiddleware(crawler)  # type: ignore[arg-type]

    def ask(url: str, source: str) -> None:
        asyncio.run(safety.process_request(Request(url, meta={"pw_source": source})))

    ask("http://127.0.0.1:8000/a", "mirror")
    ask("http://127.0.0.1:8000/b", "mirror")  # resolved once: checked again, inline
    with pytest.raises(IgnoreRequest):
        ask("http://127.0.0.1:8000/c", "public")
    assert checked == [("http://127.0.0.1:8000/a", True), ("http://127.0.0.1:8000/b", True),
                       ("http://127.0.0.1:8000/c", False)]
    assert refused == ["http://127.0.0.1:8000/c"] and safety.resolved == {"127.0.0.1"}


def test_settings_and_user_agent(monkeypatch: pytest.MonkeyPatch) -> None:
    from crawlers.job import CrawlJob
    from crawlers.settings import build_settings

    monkeypatch.setenv("PLANWATCH_CONTACT", "crawl-team@example.vn")
    job = CrawlJob(run_id="r", out_dir="/tmp/x", raw_dir="/tmp/raw")
    assert job.user_agent().startswith("planwatch/") and "mailto:crawl-team@example.vn" in job.user_agent()
    sources = load_sources(None)
    s = build_settings(job, sources)
    assert s["DOWNLOAD_HANDLERS"] == {"file": None, "data": None, "ftp": None, "s3": None}
    assert s["REDIRECT_MAX_TIMES"] <= 5 and s["DOWNLOAD_MAXSIZE"] <= 10 * 1024 * 1024
    # robots.txt is obeyed by RobotsPolicyMiddleware, one step of AttemptGate
    assert s["ROBOTSTXT_OBEY"] is False and "crawlers.middlewares.AttemptGate" in s["DOWNLOADER_MIDDLEWARES"]
    assert s["AUTOTHROTTLE_ENABLED"] is True and s["PLANWATCH_ALLOW_PRIVATE"] is False
    assert s["DOWNLOAD_SLOTS"]["vov.vn"]["delay"] == 3.0 and s["DOWNLOAD_SLOTS"]["vov.vn"]["concurrency"] == 1
    assert s["DOWNLOAD_SLOTS"]["moet.gov.vn"]["delay"] == 3.0  # two sources share the host: strictest wins
    off = build_settings(CrawlJob(run_id="r", out_dir="/tmp/x", raw_dir="/tmp/raw", politeness="off"), sources)
    assert off["DOWNLOAD_DELAY"] == 0.0 and "DOWNLOAD_SLOTS" not in off


def test_crawler_extensions_leave_remote_control_and_telnet_unloaded() -> None:
    """Scrapy imports every extension its settings name, even one set to None: the base list leaves them out,
    the other default extensions stay."""
    code = (
        "import sys\n"
        "from scrapy.crawler import Crawler\n"
        "from crawlers.job import CrawlJob\n"
        "from crawlers.registry import load_sources\n"
        "from crawlers.settings import build_settings\n"
        "from crawlers.spider import PlanwatchSpider\n"
        "from scrapy.utils.reactor import install_reactor\n"
        "install_reactor('twisted.internet.asyncioreactor.AsyncioSelectorReactor')\n"
        "for politeness in ('default', 'off'):\n"
        "    job = CrawlJob(run_id='r', out_dir='/tmp/x', raw_dir='/tmp/raw', politeness=politeness)\n"
        "    crawler = Crawler(PlanwatchSpider, build_settings(job, load_sources(None)))\n"
        "    crawler._apply_settings()\n"
        "    names = {type(e).__name__ for e in crawler.extensions.middlewares}\n"
        "    assert {'CoreStats', 'LogStats', 'CloseSpider'} <= names, names\n"
        "    assert not names & {'RemoteControl', 'TelnetConsole'}, names\n"
        "assert 'scrapy.extensions.remote_control' not in sys.modules\n"
        "assert 'aiohttp' not in sys.modules\n"
    )
    assert_in_fresh_interpreter(code)


def test_unused_scrapy_middlewares_are_left_out_and_the_safety_ones_stay() -> None:
    """The base lists drop middlewares a crawl never uses (Scrapy would import and, for most, run them per request);
    the ones that enforce limits, retries, redirects and headers stay, in both politeness modes."""
    from scrapy.settings import Settings
    from scrapy.utils.conf import build_component_list

    from crawlers.job import CrawlJob
    from crawlers.settings import build_settings

    for politeness in ("default", "off"):
        job = CrawlJob(run_id="r", out_dir="/tmp/x", raw_dir="/tmp/raw", politeness=politeness)
        s = Settings(build_settings(job, load_sources(None)))
        down = {name.rsplit(".", 1)[-1] for name in build_component_list(s.getwithbase("DOWNLOADER_MIDDLEWARES"))}
        spider = {name.rsplit(".", 1)[-1] for name in build_component_list(s.getwithbase("SPIDER_MIDDLEWARES"))}
        # AttemptGate: safety, robots.txt, the Retry-After pause and what DownloadTimeout, DefaultHeaders and
        # UserAgent set; ResponseRecorder: the fetch line and the Retry-After retry
        assert {"AttemptGate", "ResponseRecorder", "RedirectRecorder", "RetryMiddleware", "HttpCompressionMiddleware",
                "RedirectMiddleware", "HttpProxyMiddleware"} <= down
        assert not down & {"RobotsTxtMiddleware", "OffsiteMiddleware", "HttpAuthMiddleware", "MetaRefreshMiddleware",
                           "CookiesMiddleware", "DownloaderStats", "HttpCacheMiddleware", "DownloadTimeoutMiddleware",
                           "DefaultHeadersMiddleware", "UserAgentMiddleware"}, down
        # SpiderOutput: Scrapy's UrlLength, Referer and Start, applied in one layer
        assert {"HttpErrorMiddleware", "SpiderOutput"} <= spider
        assert not spider & {"DepthMiddleware", "MetaCopyDetectionMiddleware", "RefererMiddleware",
                             "UrlLengthMiddleware", "StartSpiderMiddleware"}, spider


def test_crawl_gc_tuning_and_its_opt_out() -> None:
    code = (
        "import gc, os\n"
        "from crawlers.run import _tune_gc\n"
        "default = gc.get_threshold()\n"
        "os.environ['PLANWATCH_CRAWL_GC'] = 'default'\n"
        "_tune_gc()\n"
        "assert gc.get_threshold() == default and gc.get_freeze_count() == 0\n"
        "del os.environ['PLANWATCH_CRAWL_GC']\n"
        "_tune_gc()\n"
        "assert gc.get_threshold() == (10_000, 10, 10) and gc.get_freeze_count() > 0\n"
        "assert gc.isenabled()\n"
    )
    assert_in_fresh_interpreter(code)


def test_a_prestarted_child_freezes_its_imports_without_a_full_collection() -> None:
    """The freeze before the job (crawlers.run._wait_for_job) does not walk the imports' objects in a collection; the
    one after the engine is built still collects what was made since."""
    code = (
        "import gc\n"
        "from crawlers.run import _freeze\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(info['generation']) if phase == 'start' else None)\n"
        "assert _freeze(collect=False) and runs == [] and gc.get_freeze_count() > 0\n"
        "assert _freeze() and runs == [2]\n"
    )
    assert_in_fresh_interpreter(code)


def test_provinces_table_and_checks(tmp_path: Path) -> None:
    from crawlers.registry import load_provinces

    table = load_provinces()
    assert table is not None
    assert len(table.current) == 34 and len(table.current_of) == 63
    assert table.current_of[table.canonical("Thừa Thiên Huế")] == "Huế"
    ok = write_sources(tmp_path / "ok.toml", [
        {"id": "a", "homepage": "https://a.vn/", "scope": "provincial", "province_historical": "Hậu Giang",
         "province_current": "Cần Thơ"},
        {"id": "b", "homepage": "https://b.vn/", "scope": "provincial", "province_historical": "TP.HCM",
         "province_current": "Hồ Chí Minh"}])
    assert len(load_sources(ok)) == 2
    bad = write_sources(tmp_path / "bad.toml", [
        {"id": "c", "homepage": "https://c.vn/", "scope": "provincial", "province_historical": "Vĩnh Phúc",
         "province_current": "Vĩnh Phúc"},
        {"id": "d", "homepage": "https://d.vn/", "scope": "provincial", "province_historical": "Hà Tây",
         "province_current": "Hà Nội"}])
    with pytest.raises(RegistryError) as err:
        load_sources(bad)
    assert 'Vĩnh Phúc became Phú Thọ in 2025' in str(err.value) and 'province_current = "Phú Thọ"' in str(err.value)
    assert "'Hà Tây' is not a provincial unit of 2022" in str(err.value)
