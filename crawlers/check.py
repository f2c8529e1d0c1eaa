"""`planwatch sources check`: robots.txt plus one feed, sitemap or listing page per source, in-process
(plain urllib, no Scrapy), with the same SSRF guard, timeouts and size cap as a crawl. It only reports.
Each connection goes to an address the guard checked for the source it belongs to (no second DNS lookup)."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from crawlers.discovery import DiscoveryError, default_article_test, parse_feed, parse_listing, parse_sitemap
from crawlers.registry import Source, fill_template
from crawlers.safety import UnsafeURL, check_host, check_url

MAX_BYTES = 5 * 1024 * 1024


@dataclass
class Probe:
    what: str
    url: str
    ok: bool
    detail: str


@dataclass
class SourceCheck:
    source_id: str
    probes: list[Probe] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.probes) and all(p.ok for p in self.probes)

    def as_dict(self) -> dict[str, Any]:
        return {"source_id": self.source_id, "ok": self.ok,
                "probes": [p.__dict__ for p in self.probes]}


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        check_url(newurl, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def pinned_connect(allow_private: bool) -> Callable[..., socket.socket]:
    """A replacement for socket.create_connection that resolves and checks the host once (the SSRF guard)
    and connects to one of the addresses it checked, never to a second resolution of the name (DNS
    rebinding). TLS still verifies the certificate against the host name (http.client wraps this socket)."""

    def connect(address: tuple[str, int], timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
                source_address: Any = None, *args: Any, **kwargs: Any) -> socket.socket:
        host, port = address[0], address[1]
        last: OSError | None = None
        for ip in check_host(host, allow_private=allow_private):
            try:
                return socket.create_connection((str(ip), port), timeout, source_address)
            except OSError as exc:
                last = exc
        raise last or OSError(f"cannot connect to {host}")

    return connect


def _pinned(base: type[http.client.HTTPConnection], allow_private: bool) -> Callable[..., Any]:
    def make(host: str, *args: Any, **kwargs: Any) -> http.client.HTTPConnection:
        conn = base(host, *args, **kwargs)
        conn._create_connection = pinned_connect(allow_private)  # type: ignore[attr-defined]
        return conn

    return make


class _PinnedHTTP(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req: Any) -> Any:
        return self.do_open(_pinned(http.client.HTTPConnection, self.allow_private), req)


class _PinnedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def https_open(self, req: Any) -> Any:
        return self.do_open(_pinned(http.client.HTTPSConnection, self.allow_private), req,
                            context=self._context)  # type: ignore[attr-defined]


def _get(url: str, src: Source, user_agent: str, timeout: float) -> tuple[int, bytes, str]:
    check_url(url, allow_private=src.allow_private)  # a clear refusal before any connection is tried
    opener = urllib.request.build_opener(_SafeRedirects(src.allow_private), urllib.request.ProxyHandler({}),
                                         _PinnedHTTP(src.allow_private), _PinnedHTTPS(src.allow_private))
    req = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept-Encoding": "identity"})
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.read(MAX_BYTES), resp.geturl()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(65536) if exc.fp else b"", url


def check_source(src: Source, *, user_agent: str, timeout: float = 15.0) -> SourceCheck:
    out = SourceCheck(src.id)
    homepage = urlsplit(src.homepage)
    robots_url = f"{homepage.scheme}://{homepage.netloc}/robots.txt"
    robots = None
    try:
        t0 = time.monotonic()
        status, body, _ = _get(robots_url, src, user_agent, timeout)
        ms = (time.monotonic() - t0) * 1000
        if status >= 500:
            out.probes.append(Probe("robots", robots_url, False, f"HTTP {status}: a crawl treats this as disallow-all"))
        elif status >= 400:
            out.probes.append(Probe("robots", robots_url, True, f"HTTP {status}: no rules (allow all)"))
        else:
            from protego import Protego

            robots = Protego.parse(body.decode("utf-8", errors="replace"))
            out.probes.append(Probe("robots", robots_url, True, f"HTTP {status}, {len(body)} bytes, {ms:.0f} ms"))
    except (UnsafeURL, OSError, ValueError) as exc:
        out.probes.append(Probe("robots", robots_url, False, f"{type(exc).__name__}: {exc} (crawl: disallow-all)"))
    target: tuple[str, str] | None = None
    if src.feeds:
        target = ("feed", src.feeds[0])
    elif src.sitemaps:
        target = ("sitemap", src.sitemaps[0])
    elif src.listings:
        target = ("listing", src.listings[0].page_url(src.listings[0].first_page))
    elif src.search:
        target = ("search", fill_template(src.search, page=1, query="mầm non"))
    if target is None:
        out.probes.append(Probe("discovery", src.homepage, True, "no feed, sitemap, listing or search configured "
                                "(manual URLs only)"))
        return out
    what, url = target
    if robots is not None and not robots.can_fetch(url, "planwatch"):
        out.probes.append(Probe(what, url, False, "disallowed by robots.txt"))
        return out
    try:
        status, body, final = _get(url, src, user_agent, timeout)
    except (UnsafeURL, OSError, ValueError) as exc:
        out.probes.append(Probe(what, url, False, f"{type(exc).__name__}: {exc}"))
        return out
    if status >= 400:
        out.probes.append(Probe(what, url, False, f"HTTP {status}"))
        return out
    try:
        if what == "feed":
            feed = parse_feed(body, final)
            items = feed.items
            detail = f"{len(items)} items" + (f" ({feed.warning})" if feed.warning else "")
            dated = sum(1 for i in items if i.published)
            detail += f", {dated} dated"
        elif what == "sitemap":
            sm = parse_sitemap(body)
            detail = f"sitemap {sm.kind}, {len(sm.entries)} entries"
            items = sm.entries
        else:
            test = src.is_article if src.article_url_pattern else default_article_test(src.homepage)
            items = parse_listing(body.decode("utf-8", errors="replace"), final, test)
            detail = f"{len(items)} article links, {sum(1 for i in items if i.published)} dated"
    except (DiscoveryError, OSError, EOFError) as exc:
        out.probes.append(Probe(what, url, False, str(exc)))
        return out
    out.probes.append(Probe(what, url, bool(items), f"HTTP {status}, {detail}"))
    return out
