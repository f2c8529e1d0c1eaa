"""The middlewares folded into one (crawlers.middlewares.AttemptGate and ResponseRecorder, crawlers.spider_output)
do what the separate ones did: the same request headers in the same order, the same timeout, the same requests
kept, dropped and given a Referer, one Retry-After pause for both sides."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.defaultheaders import DefaultHeadersMiddleware
from scrapy.downloadermiddlewares.downloadtimeout import DownloadTimeoutMiddleware
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware
from scrapy.http import HtmlResponse, Response
from scrapy.settings import Settings
from scrapy.spidermiddlewares.referer import RefererMiddleware
from scrapy.spidermiddlewares.start import StartSpiderMiddleware
from scrapy.spidermiddlewares.urllength import UrlLengthMiddleware

from crawlers import middlewares
from crawlers.job import CrawlJob
from crawlers.registry import load_sources
from crawlers.settings import build_settings
from crawlers.spider_output import SpiderOutput


def _crawler(extra: dict[str, Any] | None = None) -> Any:
    job = CrawlJob(run_id="r", out_dir="/tmp/x", raw_dir="/tmp/raw", politeness="off", settings=extra or {})
    spider = SimpleNamespace(new_attempt=lambda request: None, given_up_hosts={},
                             source_of=lambda request: SimpleNamespace(allow_private=True))
    return SimpleNamespace(spider=spider, settings=Settings(build_settings(job, load_sources(None))),
                           signals=SimpleNamespace(connect=lambda *a, **k: None),
                           stats=SimpleNamespace(inc_value=lambda *a, **k: None))


def _requests() -> list[Request]:
    return [Request("http://127.0.0.1:8000/a-post1.html", meta={"pw_kind": "robots"}),
            Request("http://127.0.0.1:8000/b-post2.html", meta={"pw_kind": "robots", "download_timeout": 3},
                    headers={"If-None-Match": '"x"', "Referer": "http://127.0.0.1:8000/rss", "Accept": "text/xml"}),
            Request("http://127.0.0.1:8000/c-post3.html", meta={"pw_kind": "robots"},
                    headers={"User-Agent": "someone else", "If-Modified-Since": "Mon, 20 Jun 2022 08:30:00 GMT"})]


@pytest.mark.parametrize("extra", [{}, {"DEFAULT_REQUEST_HEADERS": {"Accept-Language": "vi", "X-A": "1"},
                                        "USER_AGENT": "other/1.0", "DOWNLOAD_TIMEOUT": 7}])
def test_the_gate_sets_what_scrapys_three_request_middlewares_set(extra: dict[str, Any]) -> None:
    crawler = _crawler(extra)
    scrapy_steps: list[Any] = [DownloadTimeoutMiddleware.from_crawler(crawler),
                               DefaultHeadersMiddleware.from_crawler(crawler),
                               UserAgentMiddleware.from_crawler(crawler)]
    gate = middlewares.AttemptGate(crawler)
    for theirs, ours in zip(_requests(), _requests(), strict=True):
        for step in scrapy_steps:
            step.process_request(theirs)
        asyncio.run(gate.process_request(ours))
        assert list(ours.headers.items()) == list(theirs.headers.items())
        assert ours.meta["download_timeout"] == theirs.meta["download_timeout"]
        assert "pw_t0" in ours.meta  # the attempt's clock starts at the gate


def test_a_retry_after_pause_set_by_the_response_side_holds_the_gate() -> None:
    crawler = _crawler()
    crawler.spider.record_response = lambda request, response, **kw: None
    crawler.spider.give_up_host = lambda *a: None
    gate, recorder = middlewares.AttemptGate(crawler), middlewares.ResponseRecorder(crawler)
    request = Request("http://127.0.0.1:8000/a-post1.html", meta={"pw_kind": "robots"})
    retry = recorder.process_response(request, Response(request.url, status=429, headers={"Retry-After": "30"}))
    assert isinstance(retry, Request) and retry.meta["pw_retry_after_times"] == 1
    assert gate.retry_after is recorder.retry_after and 25 < gate.retry_after.pause_left(retry) <= 30
    other = Request("http://other.example/a", meta={"pw_kind": "robots"})
    assert gate.retry_after.pause_left(other) <= 0
    ok = Response(request.url, status=200)
    assert recorder.process_response(request, ok) is ok


def test_spider_output_keeps_drops_and_marks_requests_as_scrapys_three_did() -> None:
    crawler = _crawler({"URLLENGTH_LIMIT": 60})
    ours = SpiderOutput(crawler)
    theirs = [UrlLengthMiddleware.from_crawler(crawler), RefererMiddleware.from_crawler(crawler),
              StartSpiderMiddleware.from_crawler(crawler)]
    page = HtmlResponse("https://x.vn/listing?page=2", body=b"<html></html>")

    def chain(request: Request, response: Response | None) -> Request | None:
        out: Request | None = request
        for mw in theirs:
            out = mw.get_processed_request(out, response) if out is not None else None
        return out

    urls = ["https://x.vn/a-post1.html", "https://x.vn/" + "b" * 80 + "-post2.html", "http://x.vn/c-post3.html"]
    for response in (page, None):
        for url in urls:
            a, b = Request(url), Request(url)
            got, want = ours.get_processed_request(a, response), chain(b, response)
            assert (got is None) == (want is None)
            if got is not None and want is not None:
                assert list(got.headers.items()) == list(want.headers.items()) and got.meta == want.meta
    referred = ours.get_processed_request(Request(urls[0]), page)
    started = ours.get_processed_request(Request(urls[0]), None)
    assert referred is not None and referred.headers.get("Referer") == b"https://x.vn/listing?page=2"
    assert started is not None and started.meta["is_start_request"] is True
    assert ours.get_processed_request(Request(urls[1]), page) is None  # longer than URLLENGTH_LIMIT


def test_proxy_middleware_only_when_the_environment_names_a_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    job = CrawlJob(run_id="r", out_dir="/tmp/x", raw_dir="/tmp/raw")
    assert build_settings(job, [])["HTTPPROXY_ENABLED"] is False
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    assert build_settings(job, [])["HTTPPROXY_ENABLED"] is True
