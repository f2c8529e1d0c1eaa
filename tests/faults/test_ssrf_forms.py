"""SSRF holes found from outside: IPv6 forms that carry a forbidden IPv4 address, `sources check` resolving a
name again after checking it (DNS rebinding), and allow_private leaking from one source to the whole job."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.crawler import Crawler

import crawlers.safety as safety
from crawlers.check import check_source
from crawlers.job import CrawlJob
from crawlers.manual import add_manual_urls
from crawlers.middlewares import GuardedResolver, private_hosts
from crawlers.registry import load_sources
from crawlers.safety import UnsafeURL, check_url
from crawlers.settings import build_settings
from planwatch.config import Paths
from tests.crawl.helpers import write_sources

# Each carries 127.0.0.1 (loopback) or 169.254.169.254 (cloud metadata) in one IPv6 form.
LOOPBACK_FORMS = {
    "NAT64": "64:ff9b::7f00:1",
    "NAT64 local-use": "64:ff9b:1::7f00:1",
    "6to4": "2002:7f00:1::",
    "Teredo": "2001:0:4136:e378:8000:63bf:80ff:fffe",  # client 127.0.0.1 (obfuscated)
    "IPv4-mapped": "::ffff:127.0.0.1",
    "IPv4-compatible": "::127.0.0.1",
}
METADATA_FORMS = {
    "NAT64": "64:ff9b::a9fe:a9fe",
    "6to4": "2002:a9fe:a9fe::",
    "IPv4-mapped": "::ffff:169.254.169.254",
    "IPv4-compatible": "::169.254.169.254",
}


@pytest.mark.parametrize("form", sorted(LOOPBACK_FORMS))
def test_ipv6_forms_of_loopback_are_refused(form: str) -> None:
    url = f"http://[{LOOPBACK_FORMS[form]}]:8080/admin"
    with pytest.raises(UnsafeURL, match="loopback"):
        check_url(url)
    # and through a host name that resolves to it
    with pytest.raises(UnsafeURL, match="loopback"):
        check_url("http://innocent.example/", resolve=lambda host: [LOOPBACK_FORMS[form]])


@pytest.mark.parametrize("form", sorted(METADATA_FORMS))
def test_ipv6_forms_of_the_metadata_address_are_refused_even_for_allow_private(form: str) -> None:
    with pytest.raises(UnsafeURL, match="link-local"):
        check_url(f"http://[{METADATA_FORMS[form]}]/latest/meta-data/", allow_private=True)


def test_public_ipv4_inside_ipv6_forms_still_passes() -> None:
    for address in ("64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8", "2606:4700:4700::1111"):
        assert check_url(f"http://[{address}]/", resolve=None) == address


def test_manual_urls_in_ipv6_forms_are_refused(home: Paths, tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "s.toml", [{"id": "public", "homepage": "http://nonexistent.invalid/",
                                                  "allow_private": False}])
    urls = [f"http://[{a}]/x" for a in LOOPBACK_FORMS.values()]
    added, problems = add_manual_urls(home.home, urls, list(load_sources(sources)))
    assert added == [] and len(problems) == len(urls)


# -- sources check: the connection goes to the address that was checked -------------------------------------

class _Counting(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], name: str) -> None:
        self.hits: list[str] = []
        name_ = name

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.server.hits.append(self.path)  # type: ignore[attr-defined]
                body = (b"<rss><channel><item><title>T</title><link>http://rebind.test/tin-tuc/a.html</link>"
                        b"</item></channel></rss>") if self.path == "/rss" else name_.encode()
                self.send_response(200 if self.path != "/robots.txt" else 404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(address, Handler)


@pytest.fixture
def outlet_and_internal() -> Iterator[tuple[_Counting, _Counting]]:
    outlet = _Counting(("127.0.0.1", 0), "outlet")
    internal = _Counting(("127.0.0.2", outlet.server_address[1]), "internal")
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in (outlet, internal)]
    for t in threads:
        t.start()
    try:
        yield outlet, internal
    finally:
        for s in (outlet, internal):
            s.shutdown()
            s.server_close()


def test_sources_check_connects_to_the_address_it_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          outlet_and_internal: tuple[_Counting, _Counting]) -> None:
    """A name that answers 127.0.0.1 when checked and 127.0.0.2 (another, 'internal' service) afterwards:
    every request must land on the checked address."""
    outlet, internal = outlet_and_internal
    port = outlet.server_address[1]
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1"])

    def rebinding(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.test":
            return real(next(answers, "127.0.0.2"), *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    safety._cached_resolve.cache_clear()
    try:
        base = f"http://rebind.test:{port}"
        path = write_sources(tmp_path / "s.toml", [{"id": "rebind", "homepage": base + "/", "feeds": [base + "/rss"]}])
        (src,) = load_sources(path)
        result = check_source(src, user_agent="planwatch-test", timeout=5)
    finally:
        safety._cached_resolve.cache_clear()
    assert internal.hits == []
    assert outlet.hits == ["/robots.txt", "/rss"]
    assert result.ok, result.as_dict()


# -- allow_private is per source, also in the crawler's DNS resolver -------------------------------------------

class _Reactor:
    def callFromThread(self, *args: Any) -> None:
        raise AssertionError("not used")


def test_allow_private_of_one_source_does_not_open_private_answers_for_another(tmp_path: Path) -> None:
    path = write_sources(tmp_path / "s.toml", [
        {"id": "mirror", "homepage": "http://127.0.0.1:8000/", "feeds": ["http://127.0.0.1:8000/rss"]},
        {"id": "public", "homepage": "https://news.example/", "feeds": ["https://news.example/rss"],
         "allow_private": False},
    ])
    sources = list(load_sources(path))
    settings = build_settings(CrawlJob(run_id="r", out_dir=str(tmp_path), raw_dir=str(tmp_path / "raw")), sources)
    crawler = Crawler(Spider, settings)
    resolver = GuardedResolver.from_crawler(crawler, _Reactor())
    assert resolver.check_answer("127.0.0.1", "127.0.0.1") == "127.0.0.1"  # the mirror's own host
    with pytest.raises(UnsafeURL):
        resolver.check_answer("127.0.0.1", "news.example")  # rebinding of the public source's name
    with pytest.raises(UnsafeURL):
        resolver.check_answer("10.0.0.5", "news.example")
    # a host an allow_private source's request reached (e.g. a redirect) is let through from then on
    private_hosts(crawler).add("mirror-cdn.local")
    assert resolver.check_answer("127.0.0.1", "mirror-cdn.local") == "127.0.0.1"
    with pytest.raises(UnsafeURL):  # link-local never passes
        resolver.check_answer("169.254.169.254", "127.0.0.1")
