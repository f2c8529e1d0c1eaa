"""Downloader middlewares: safety, robots policy, Retry-After, fetch logging, per-source politeness floor; and the
one spider middleware that stands in for Scrapy's three output ones.

Order (process_request runs low -> high, process_response high -> low):
  40  AttemptGate           every attempt (first requests, retries, redirect targets, robots.txt), in this order:
                            SafetyMiddleware (SSRF guard, hosts given up for the run), RobotsPolicyMiddleware
                            (robots.txt per host, with a documented policy when robots.txt itself fails), the
                            host's Retry-After pause, the request defaults Scrapy's DownloadTimeout, DefaultHeaders
                            and UserAgent middlewares set (the same values, set the same way), the attempt's clock
  585 ResponseRecorder      FetchRecorder (one fetches.jsonl line per response, after decompression, or download
                            error), then RetryAfterMiddleware's response side (429/503 with Retry-After: wait, bounded,
                            then retry; host paused meanwhile)
  645 RedirectRecorder      one fetches.jsonl line per followed 3xx (RedirectMiddleware sits at 600)
Each step was a middleware of its own (and Scrapy's three defaults theirs): Scrapy wraps every middleware method
it calls, a few microseconds a request each, so the steps that run back to back are one middleware now, each still
a class of its own with the same methods. The spider owns the counters and the run writer; middlewares reach it
through `crawler.spider`."""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from protego import Protego
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response
from scrapy.resolver import CachingThreadedResolver

from crawlers.safety import UnsafeURL, address_problem, check_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawlers.spider import PlanwatchSpider

REDIRECT_CODES = (301, 302, 303, 307, 308)
RESOLVED_HOSTS = 1024


def _spider(crawler: Crawler) -> PlanwatchSpider:
    spider = crawler.spider
    assert spider is not None
    return spider  # type: ignore[return-value]


def host_of(request: Request) -> str:
    return (urlsplit(request.url).hostname or "").lower()


class SafetyMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        # hosts whose check passed once: their addresses are in the resolver's cache (crawlers.safety), so checking
        # them again cannot block and runs here, without a thread hop per request
        self.resolved: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafetyMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        sp = _spider(self.crawler)
        sp.new_attempt(request)
        source = sp.source_of(request)
        allow = bool(source and source.allow_private)
        host = host_of(request)
        try:
            if host in self.resolved:
                check_url(request.url, allow_private=allow)
            else:
                # Name resolution may block for seconds: off the reactor thread (results are cached per host).
                await asyncio.get_running_loop().run_in_executor(
                    None, lambda: check_url(request.url, allow_private=allow))
                if len(self.resolved) >= RESOLVED_HOSTS:  # well inside the resolver cache's 4,096 hosts
                    self.resolved.clear()
                self.resolved.add(host)
        except UnsafeURL as exc:
            sp.record_failure(request, f"refused: {exc}", counts_as="refused")
            raise IgnoreRequest(f"refused: {exc}") from None
        if allow:  # this source may reach private addresses on this host: tell the resolver (per host)
            private_hosts(self.crawler).add(host)
        reason = sp.given_up_hosts.get(host)
        if reason and request.meta.get("pw_kind") != "robots":
            sp.record_failure(request, f"skipped: {reason}", counts_as="skipped_host")
            raise IgnoreRequest(reason)


class RobotsPolicyMiddleware:
    """robots.txt per scheme+host. Policy when robots.txt itself fails (docs/crawling.md):
    2xx -> parsed and obeyed; 4xx (incl. 404) -> allow all; 5xx after retries, timeout or connection error
    -> disallow all for this run (recorded in the source's health)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.parsers: dict[str, Any] = {}
        self.user_agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or "planwatch"

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsPolicyMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        if request.meta.get("pw_kind") == "robots" or request.meta.get("dont_obey_robotstxt"):
            return
        sp = _spider(self.crawler)
        parts = urlsplit(request.url)
        netloc = f"{parts.scheme}://{parts.netloc}"
        policy = self.parsers.get(netloc)
        if policy is None:
            future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            self.parsers[netloc] = future
            result = await self._fetch(request, netloc)
            self.parsers[netloc] = result
            future.set_result(result)
            policy = result
        elif isinstance(policy, asyncio.Future):
            policy = await policy
        kind, rules = policy
        if kind == "allow":
            return
        if kind == "deny" or not rules.can_fetch(request.url, self.user_agent):
            why = "robots.txt unavailable: disallow-all for this run" if kind == "deny" else "disallowed by robots.txt"
            sp.record_failure(request, f"robots: {why}", counts_as="blocked_robots")
            raise IgnoreRequest(why)

    async def _fetch(self, request: Request, netloc: str) -> tuple[str, Any]:
        sp = _spider(self.crawler)
        source_id = request.meta.get("pw_source")
        robots_req = Request(f"{netloc}/robots.txt", priority=1000, dont_filter=True,
                             meta={"pw_kind": "robots", "pw_source": source_id, "dont_obey_robotstxt": True,
                                   "handle_httpstatus_all": True})
        try:
            resp = await self.crawler.engine.download_async(robots_req)
        except Exception as exc:  # timeouts, refused connections, refusals by the safety guard
            detail = f"robots.txt {netloc}: {type(exc).__name__}: {exc}"
            sp.note_robots(source_id, netloc, "disallow-all", detail)
            return ("deny", None)
        if resp.status >= 500:
            sp.note_robots(source_id, netloc, "disallow-all", f"robots.txt {netloc}: HTTP {resp.status}")
            return ("deny", None)
        if resp.status >= 400:
            sp.note_robots(source_id, netloc, "allow-all", f"robots.txt {netloc}: HTTP {resp.status} (no rules)")
            return ("allow", None)
        if resp.status >= 300:  # redirects exhausted
            sp.note_robots(source_id, netloc, "disallow-all", f"robots.txt {netloc}: unresolved redirect")
            return ("deny", None)
        try:
            text = resp.body.decode("utf-8", errors="replace")
            rules = Protego.parse(text)
        except Exception as exc:
            sp.note_robots(source_id, netloc, "allow-all", f"robots.txt {netloc}: unparsable ({exc})")
            return ("allow", None)
        sp.note_robots(source_id, netloc, "rules", f"robots.txt {netloc}: HTTP {resp.status}")
        self._apply_crawl_delay(rules, urlsplit(netloc).hostname or "")
        return ("rules", rules)

    def _apply_crawl_delay(self, rules: Any, host: str) -> None:
        """Crawl-delay for our agent raises the host's slot delay (capped at CRAWL_DELAY_MAX, 30 s), in
        polite mode only."""
        if not self.crawler.settings.getbool("PLANWATCH_POLITE"):
            return
        try:
            wanted = rules.crawl_delay(self.user_agent)
        except Exception:
            return
        if not wanted:
            return
        delay = min(float(wanted), self.crawler.settings.getfloat("CRAWL_DELAY_MAX", 30.0))
        downloader = self.crawler.engine.downloader
        entry = downloader.per_slot_settings.setdefault(host, {})
        entry["delay"] = max(float(entry.get("delay", 0.0)), delay)
        slot = downloader.slots.get(host)
        if slot is not None and slot.delay < entry["delay"]:
            slot.delay = entry["delay"]


def parse_retry_after(value: bytes | str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


class RetryAfterMiddleware:
    """429/503 carrying Retry-After: pause the host, then retry (at most RETRY_TIMES). A wait longer than
    RETRY_AFTER_MAX (default 120 s) gives the host up for the run. Without Retry-After, Scrapy's
    RetryMiddleware handles the status as usual."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("RETRY_AFTER_MAX", 120.0)
        self.max_times = crawler.settings.getint("RETRY_TIMES", 2)
        self.paused_until: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def pause_left(self, request: Request) -> float:
        """Seconds the request's host is still paused for (0 or less: not paused)."""
        if not self.paused_until:
            return 0.0
        return self.paused_until.get(host_of(request), 0.0) - time.monotonic()

    async def process_request(self, request: Request, spider: Any = None) -> None:
        wait = self.pause_left(request)
        if wait > 0:
            await asyncio.sleep(wait)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if response.status not in (429, 503) or request.meta.get("dont_retry"):
            return response
        wait = parse_retry_after(response.headers.get(b"Retry-After"))
        if wait is None:
            return response
        sp = _spider(self.crawler)
        host = host_of(request)
        if wait > self.max_wait:
            sp.give_up_host(host, f"HTTP {response.status} Retry-After {wait:.0f}s > {self.max_wait:.0f}s: "
                                  f"host given up for this run", request)
            request.meta["dont_retry"] = True
            return response
        tries = int(request.meta.get("pw_retry_after_times", 0))
        if tries >= self.max_times:
            request.meta["dont_retry"] = True
            return response
        self.paused_until[host] = max(self.paused_until.get(host, 0.0), time.monotonic() + wait)
        retry = request.copy()
        retry.meta["pw_retry_after_times"] = tries + 1
        retry.dont_filter = True
        return retry


class FetchRecorder:
    """fetches.jsonl lines for final responses (body already decompressed) and download errors."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchRecorder:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if response.status in REDIRECT_CODES and b"Location" in response.headers \
                and not request.meta.get("dont_redirect"):
            return response  # recorded by RedirectRecorder
        _spider(self.crawler).record_response(request, response)
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        if isinstance(exception, IgnoreRequest):
            return None
        _spider(self.crawler).record_failure(request, f"{type(exception).__name__}: {exception}",
                                             counts_as="attempt_error")
        return None


class ResponseRecorder:
    """FetchRecorder, then RetryAfterMiddleware's response side: the two response steps that ran back to back (585,
    560: nothing between them), as one middleware. Download errors are FetchRecorder's."""

    def __init__(self, crawler: Crawler) -> None:
        self.recorder = FetchRecorder(crawler)
        self.retry_after = retry_after_of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResponseRecorder:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        return self.retry_after.process_response(request, self.recorder.process_response(request, response))

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        return self.recorder.process_exception(request, exception)


def retry_after_of(crawler: Crawler) -> RetryAfterMiddleware:
    """The crawl's one RetryAfterMiddleware: the pause its response side sets is what AttemptGate waits for."""
    found: RetryAfterMiddleware | None = getattr(crawler, "_planwatch_retry_after", None)
    if found is None:
        found = RetryAfterMiddleware(crawler)
        crawler._planwatch_retry_after = found  # type: ignore[attr-defined]
    return found


class AttemptGate:
    """What every attempt passes before its download, as one middleware at 40: SafetyMiddleware, then
    RobotsPolicyMiddleware (40 and 100), the host's Retry-After pause (RetryAfterMiddleware's request side, 560),
    the defaults that Scrapy's DownloadTimeout (350), DefaultHeaders (400) and UserAgent (500) middlewares set
    (read from the same settings and set the same way, `setdefault`, in the same order, so the request's headers
    and their order are unchanged; those three leave the base list, crawlers.settings), then the attempt's clock
    (RedirectRecorder's request side, 645). Between these steps only they ran: each was a middleware Scrapy wrapped
    and called on its own for every request."""

    def __init__(self, crawler: Crawler) -> None:
        self.safety = SafetyMiddleware(crawler)
        self.robots = RobotsPolicyMiddleware(crawler)
        self.retry_after = retry_after_of(crawler)
        settings = crawler.settings
        self.timeout = settings.getfloat("DOWNLOAD_TIMEOUT")
        defaults = {k: v for k, v in (settings.getdict("DEFAULT_REQUEST_HEADERS") or {}).items() if v is not None}
        self.headers = list(defaults.items())
        if settings.get("USER_AGENT"):
            self.headers.append((b"User-Agent", settings.get("USER_AGENT")))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AttemptGate:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        await self.safety.process_request(request)
        await self.robots.process_request(request)
        wait = self.retry_after.pause_left(request)
        if wait > 0:
            await asyncio.sleep(wait)
        if self.timeout:
            request.meta.setdefault("download_timeout", self.timeout)
        headers = request.headers
        for name, value in self.headers:
            headers.setdefault(name, value)
        request.meta["pw_t0"] = time.monotonic()


class RedirectRecorder:
    """Records the 3xx responses RedirectMiddleware will follow (the attempt's clock is started by AttemptGate)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectRecorder:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        location = response.headers.get(b"Location")
        if response.status in REDIRECT_CODES and location and not request.meta.get("dont_redirect"):
            target = urljoin(request.url, location.decode("latin-1"))
            _spider(self.crawler).record_response(request, response, final_url=target)
            scheme = target.split(":", 1)[0].lower() if ":" in target else ""
            if scheme not in ("http", "https"):
                # RedirectMiddleware drops such targets silently: record the refusal for the source.
                meta = {**request.meta, "pw_token": f"{request.meta.get('pw_token')}>{scheme}"}  # its own line
                refused = request.replace(url=target, meta=meta) if scheme else request.replace(meta=meta)
                _spider(self.crawler).record_failure(refused, f"refused: redirect to a {scheme or 'schemeless'} "
                                                     f"URL ({target[:200]})", counts_as="refused")
        return response


class PoliteAutoThrottle(AutoThrottle):
    """AutoThrottle that never goes below a source's own politeness delay (DOWNLOAD_SLOTS[host]['delay'],
    raised by a robots.txt Crawl-delay); stock AutoThrottle only knows the global DOWNLOAD_DELAY floor."""

    def _response_downloaded(self, response: Response, request: Request, spider: Any = None) -> None:
        super()._response_downloaded(response, request, spider)
        key, slot = self._get_slot(request, spider)
        if slot is None or key is None:
            return
        per_slot = self.crawler.engine.downloader.per_slot_settings
        floor = float(per_slot.get(key, {}).get("delay", 0.0))
        if slot.delay < floor:
            slot.delay = floor


def private_hosts(crawler: Crawler) -> set[str]:
    """Host names that sources with allow_private = true reach in this job (shared by SafetyMiddleware and
    GuardedResolver): the hosts of their configured URLs, plus any host one of their requests went to."""
    hosts: set[str] | None = getattr(crawler, "_planwatch_private_hosts", None)
    if hosts is None:
        hosts = {h.lower() for h in crawler.settings.getlist("PLANWATCH_PRIVATE_HOSTS")}
        crawler._planwatch_private_hosts = hosts  # type: ignore[attr-defined]
    return hosts


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's DNS resolver, refusing answers that are not global addresses (closes DNS rebinding between
    the SafetyMiddleware check and the connection). Loopback and private answers pass only for the hosts of
    sources with allow_private = true (per source, not for the whole job; PLANWATCH_ALLOW_PRIVATE = false
    turns that off entirely); link-local and friends never pass."""

    allow_private = False
    private_hosts: set[str] | None = None  # None: every host (unit tests build the resolver bare)

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow_private = crawler.settings.getbool("PLANWATCH_ALLOW_PRIVATE")
        resolver.private_hosts = private_hosts(crawler)
        return resolver

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:  # Twisted interface name
        d = super().getHostByName(name, timeout)
        d.addCallback(self.check_answer, name)
        return d

    def check_answer(self, address: str, name: str) -> str:
        allow = self.allow_private and (self.private_hosts is None
                                        or name.lower().strip("[]").rstrip(".") in self.private_hosts)
        problem = address_problem(ipaddress.ip_address(address), allow_private=allow)
        if problem:
            raise UnsafeURL(f"host {name!r} resolved to {address}: {problem} refused")
        return address
