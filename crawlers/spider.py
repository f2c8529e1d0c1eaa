"""The crawl spider: one spider for every source and every discovery method.

Discovery (feeds, sitemaps, listings page by page, site search in backfill, manual URLs) yields article
candidates; each candidate is fetched at most once per run and never when its canonical URL is known
already. Every HTTP attempt is one fetches.jsonl line (written by crawlers.middlewares), every stored
article one pages.jsonl line, every source one health.jsonl line at the end."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.dates import local_day, parse_day
from crawlers.discovery import Candidate, DiscoveryError, default_article_test, parse_feed, parse_listing, parse_sitemap
from crawlers.job import CrawlJob
from crawlers.known_index import KnownUrls
from crawlers.output import RunWriter, header_pairs, load_known_urls, load_validators, utcnow_iso, write_progress
from crawlers.realweb import BLOCK_STATUSES, challenge_reason, looks_like_html, sitemap_stops
from crawlers.registry import Source, fill_template, find_source, source_for_url
from crawlers.safety import UnsafeURL, check_url
from crawlers.urls import canonical_url

DISCOVERY_KINDS = ("feed", "sitemap", "listing", "search")
KNOWN_BATCH = 256  # candidates whose canonical URLs are looked up in the known-URL index together (_articles)
MANUAL_SOURCE = Source(id="manual", name="Manual URLs", kind="portal", scope="central", homepage="http://manual.invalid/")


@dataclass
class Health:
    source_id: str
    items_found: int = 0
    pages_fetched: int = 0
    errors: int = 0
    layout_misses: int = 0
    last_error: str | None = None
    fetches: int = 0
    not_modified: int = 0
    skipped_known: int = 0
    skipped_window: int = 0
    blocked_robots: int = 0
    refused: int = 0
    discovery_ok: int = 0
    robots: dict[str, str] = field(default_factory=dict)
    ok_responses: int = 0
    blocked_responses: int = 0  # HTTP 403/451
    # real-web states (crawlers.realweb.PROBLEMS): code -> detail (a date for sitemap_stale)
    problems: dict[str, str] = field(default_factory=dict)
    sitemap_newest: str | None = None  # the newest date across every sitemap document of the run (ISO)

    def error(self, message: str, count: bool = True) -> None:
        if count:
            self.errors += 1
        self.last_error = message[:500]

    def problem(self, code: str, detail: str) -> None:
        self.problems.setdefault(code, detail[:300])

    def saw_sitemap_dates(self, dates: Iterable[dt.datetime | None]) -> None:
        newest = max((d for d in dates if d is not None), default=None)
        if newest is None:
            return
        stamp = newest.astimezone(dt.UTC).isoformat()  # one offset, so the ISO strings compare as times
        if self.sitemap_newest is None or stamp > self.sitemap_newest:
            self.sitemap_newest = stamp

    def finish(self, reference: dt.datetime) -> None:
        """States only the whole run can tell: every answer a 403/451 means a block by address; the newest
        entry of all the source's sitemaps (index lastmods included) long before `reference` means its
        sitemaps stopped at that date (one old monthly child sitemap alone says nothing)."""
        if self.blocked_responses and not self.ok_responses:
            self.problem("blocked", f"{self.blocked_responses} response(s), all HTTP 403/451")
        if self.sitemap_newest is not None:
            stopped = sitemap_stops([dt.datetime.fromisoformat(self.sitemap_newest)], reference)
            if stopped is not None:
                self.problem("sitemap_stale", stopped.isoformat())


def _protocol(response: Response) -> str | None:
    """'HTTP/1.1' as the server answered, when the download handler reports it."""
    value = getattr(response, "protocol", None)
    return str(value) if value else None


def _site_key(url: str) -> tuple[str, int | None]:
    """Host (without www./m.) and explicit non-default port: http and https of one site are the same site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    try:
        port = parts.port
    except ValueError:
        port = -1
    return host, (None if port in (80, 443) else port)


class PlanwatchSpider(scrapy.Spider):
    name = "planwatch"

    def __init__(self, job: CrawlJob, sources: list[Source], queries: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.job = job
        self.sources = {s.id: s for s in sources}
        self.queries = queries
        self.since = parse_day(job.since)
        self.until = parse_day(job.until)
        self.run = RunWriter(Path(job.out_dir), Path(job.raw_dir), job.run_id)
        self.known = KnownUrls(load_known_urls(Path(job.known_urls_file) if job.known_urls_file else None),
                               Path(job.known_index_file) if job.known_index_file else None)
        self.validators = load_validators(Path(job.validators_file) if job.validators_file else None)
        self.health: dict[str, Health] = {s.id: Health(s.id) for s in sources}
        self.scheduled: set[str] = set()       # canonical article URLs requested in this attempt
        self.given_up_hosts: dict[str, str] = {}
        self.started_at = utcnow_iso()
        self.article_counts: dict[str, int] = {}
        self.layout_selectors: dict[str, str] = {}
        self.outstanding: dict[str, int] = {}  # per source: requests scheduled and not yet out of the downloader
        self.clock0 = time.monotonic()
        self._progress_loop: Any = None
        self._attempt_ids = itertools.count(1)

    # -- progress (runs/<id>/progress.json, read by the parent) -------------------------------------------
    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PlanwatchSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(spider._on_left, signal=signals.request_left_downloader)
        crawler.signals.connect(spider._on_left, signal=signals.request_dropped)
        crawler.signals.connect(spider._start_progress, signal=signals.spider_opened)
        return spider

    def _on_scheduled(self, request: Request, **_: Any) -> None:
        sid = request.meta.get("pw_source") or MANUAL_SOURCE.id
        self.outstanding[sid] = self.outstanding.get(sid, 0) + 1

    def _on_left(self, request: Request, **_: Any) -> None:
        sid = request.meta.get("pw_source") or MANUAL_SOURCE.id
        self.outstanding[sid] = max(0, self.outstanding.get(sid, 0) - 1)

    def _start_progress(self, **_: Any) -> None:
        from twisted.internet import task

        self._progress_loop = task.LoopingCall(self.write_progress)
        self._progress_loop.start(1.0, now=True)

    def _delay(self, sid: str) -> float:
        src = self.sources.get(sid)
        engine = getattr(getattr(self, "crawler", None), "engine", None)
        if src is None or engine is None or engine.downloader is None:
            return 0.0
        downloader = engine.downloader
        delays = [downloader.slots[h].delay for h in src.hosts() if h in downloader.slots]
        if not delays:
            floor = self.crawler.settings.getfloat("DOWNLOAD_DELAY")
            delays = [float(downloader.per_slot_settings.get(h, {}).get("delay", floor)) for h in src.hosts()]
        return round(max(delays, default=0.0), 2)

    def progress_snapshot(self) -> dict[str, Any]:
        rows = [{"source_id": sid, "fetched": h.fetches, "found": h.items_found, "pages": h.pages_fetched,
                 "errors": h.errors, "last_error": h.last_error, "pending": self.outstanding.get(sid, 0),
                 "delay": self._delay(sid)} for sid, h in self.health.items()]
        return {"run_id": self.job.run_id, "elapsed_s": round(time.monotonic() - self.clock0, 1),
                "fetched": sum(r["fetched"] for r in rows), "found": sum(r["found"] for r in rows),
                "pages": sum(r["pages"] for r in rows), "errors": sum(r["errors"] for r in rows), "sources": rows}

    def write_progress(self, final: bool = False) -> None:
        try:  # progress is for people: it never stops a crawl
            write_progress(Path(self.job.out_dir), {**self.progress_snapshot(), "final": final})
        except Exception as exc:
            self.logger.warning("progress file not written: %s", exc)

    # -- helpers used by the middlewares -----------------------------------------------------------
    def source_of(self, request: Request) -> Source | None:
        sid = request.meta.get("pw_source")
        if sid == MANUAL_SOURCE.id:
            return MANUAL_SOURCE
        return self.sources.get(sid) if sid else None

    def _health(self, request: Request) -> Health:
        sid = request.meta.get("pw_source") or MANUAL_SOURCE.id
        if sid not in self.health:
            self.health[sid] = Health(sid)
        return self.health[sid]

    def new_attempt(self, request: Request) -> None:
        # unique within this crawl process, which is all the token is compared in (uuid4 cost a getrandom call)
        request.meta["pw_token"] = f"a{next(self._attempt_ids)}"
        request.meta.setdefault("pw_t0", time.monotonic())

    def _mark_recorded(self, request: Request) -> bool:
        """True the first time an attempt is recorded."""
        token = request.meta.get("pw_token")
        if token and request.meta.get("pw_recorded") == token:
            return False
        request.meta["pw_recorded"] = token
        return True

    def _elapsed(self, request: Request) -> float | None:
        t0 = request.meta.get("pw_t0")
        return round((time.monotonic() - t0) * 1000, 1) if t0 else None

    def record_response(self, request: Request, response: Response, *, final_url: str | None = None) -> None:
        if not self._mark_recorded(request):
            return
        health = self._health(request)
        health.fetches += 1
        kind = request.meta.get("pw_kind", "article")
        sha = None
        if 200 <= response.status < 300 and response.body:
            sha = self.run.store_raw(response.body)
            request.meta["pw_raw_sha256"] = sha
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        self.run.fetch(
            source_id=request.meta.get("pw_source"), url=request.url, final_url=final_url or response.url,
            kind=kind, status=response.status, bytes=len(response.body), elapsed_ms=self._elapsed(request),
            error=None if response.status < 400 else f"HTTP {response.status}", raw_sha256=sha,
            etag=etag.decode("latin-1") if etag else None,
            last_modified=modified.decode("latin-1") if modified else None,
            response_headers=header_pairs(response.headers), request_headers=header_pairs(request.headers),
            protocol=_protocol(response))
        if response.status == 304:
            health.not_modified += 1
        reason = challenge_reason(response.body) if response.body else None
        request.meta["pw_challenge"] = (response.body, reason)  # parse_article asks the same of this body
        if reason:  # a challenge often comes with 403/503: it is named as such, not as a block by address
            health.problem("js_challenge", f"{request.url}: {reason}")
        elif response.status in BLOCK_STATUSES:
            health.blocked_responses += 1
        elif 200 <= response.status < 300:
            health.ok_responses += 1

    def record_failure(self, request: Request, error: str, *, counts_as: str = "error") -> None:
        """A fetch line for an attempt without a (usable) response; counters by cause."""
        if not self._mark_recorded(request):
            return
        health = self._health(request)
        if counts_as != "attempt_error":
            request.meta["pw_counted"] = request.meta.get("pw_token")
        if counts_as in ("attempt_error", "error"):
            health.fetches += 1  # a real attempt that got no response (refusals and robots blocks are not)
        self.run.fetch(source_id=request.meta.get("pw_source"), url=request.url, final_url=None,
                       kind=request.meta.get("pw_kind", "article"), status=None, bytes=0,
                       elapsed_ms=self._elapsed(request) if counts_as in ("attempt_error", "error") else 0.0,
                       error=error[:1000], raw_sha256=None, etag=None, last_modified=None)
        if counts_as == "blocked_robots":
            health.blocked_robots += 1
            health.error(error, count=False)
        elif counts_as == "refused":
            health.refused += 1
            health.error(error)
        elif counts_as == "skipped_host":
            health.error(error, count=False)
        elif counts_as == "error":
            health.error(error)
        # attempt_error: a retry may follow; the final failure is counted by the errback

    def note_robots(self, source_id: str | None, netloc: str, policy: str, detail: str) -> None:
        health = self.health.get(source_id or "")
        if health is None:
            return
        health.robots[netloc] = policy
        if policy == "disallow-all":
            health.error(detail)

    def give_up_host(self, host: str, reason: str, request: Request) -> None:
        self.given_up_hosts.setdefault(host, reason)
        self._health(request).error(reason)
        request.meta["pw_counted"] = request.meta.get("pw_token")

    # -- requests ---------------------------------------------------------------------------------
    def _request(self, url: str, kind: str, source: Source, callback: Any, *, conditional: bool = False,
                 **meta: Any) -> Request:
        headers: dict[str, str] = {}
        if conditional and self.job.mode == "nightly":
            known = self.validators.get(url) or {}
            if known.get("etag"):
                headers["If-None-Match"] = str(known["etag"])
            if known.get("last_modified"):
                headers["If-Modified-Since"] = str(known["last_modified"])
        return Request(url, callback=callback, errback=self.on_error, headers=headers, dont_filter=True,
                       meta={"pw_source": source.id, "pw_kind": kind, **meta})

    async def start(self) -> AsyncIterator[Any]:
        for request in self.start_requests_list():
            yield request

    def start_requests_list(self) -> list[Request]:
        out: list[Request] = []
        for src in self.sources.values():
            for url in src.feeds:
                out.append(self._request(url, "feed", src, self.parse_feed, conditional=True))
            for url in src.sitemaps:
                out.append(self._request(url, "sitemap", src, self.parse_sitemap, conditional=True))
            for index, listing in enumerate(src.listings):
                out.append(self._request(listing.page_url(listing.first_page), "listing", src, self.parse_listing,
                                         conditional=True, pw_listing=index, pw_page=listing.first_page,
                                         pw_prev=[]))
            if self.job.mode == "backfill" and src.search:
                for query in self.queries:
                    out.append(self._request(fill_template(src.search, page=1, query=query), "search", src,
                                             self.parse_listing, pw_query=query, pw_page=1, pw_prev=[]))
        out.extend(self._manual_requests())
        return out

    def _manual_requests(self) -> list[Request]:
        out: list[Request] = []
        for item in self.job.manual_urls:
            url = str(item.get("url", "")).strip()
            if not url:
                continue
            sid = item.get("source_id") or ""
            src = find_source(self.sources.values(), sid) if sid else source_for_url(self.sources.values(), url)
            src = src or MANUAL_SOURCE
            health = self.health.setdefault(src.id, Health(src.id))
            try:
                check_url(url, allow_private=src.allow_private)
            except UnsafeURL as exc:
                self.run.fetch(source_id=src.id, url=url, final_url=None, kind="manual", status=None, bytes=0,
                               elapsed_ms=0.0, error=f"refused: {exc}", raw_sha256=None, etag=None,
                               last_modified=None)
                health.refused += 1
                health.error(f"refused: {exc}")
                continue
            canon = canonical_url(url)
            if canon in self.run.recorded_pages or canon in self.scheduled:
                continue
            self.scheduled.add(canon)
            health.items_found += 1
            out.append(self._request(url, "manual", src, self.parse_article, pw_url=url, pw_via="manual",
                                     pw_hint={}))
        return out

    def _in_window(self, cand: Candidate) -> bool:
        if cand.published is None:
            return True
        day = local_day(cand.published)
        if self.since and day < self.since:
            return False
        return not (self.until and day > self.until)

    def _older_than_since(self, cand: Candidate) -> bool:
        return bool(cand.published and self.since and local_day(cand.published) < self.since)

    def _articles(self, src: Source, candidates: Iterable[Candidate], via: str) -> Iterable[Request]:
        health = self.health[src.id]
        listed = list(candidates)
        # the known-URL index is asked for KNOWN_BATCH candidates at a time (what it holds does not change while the
        # crawl runs): one query each was 1.9% of a fresh crawl's subprocess CPU at the bench (3,306 sitemap
        # entries); a group is small enough that the first request still goes out at once
        for start in range(0, len(listed), KNOWN_BATCH):
            group = [(cand, canonical_url(cand.url) if self._in_window(cand) else None)
                     for cand in listed[start:start + KNOWN_BATCH]]
            known = self.known.among({canon for _, canon in group if canon is not None})
            for cand, canon in group:
                if canon is None:
                    health.skipped_window += 1
                    continue
                if canon in self.scheduled:
                    continue
                self.scheduled.add(canon)
                health.items_found += 1
                if canon in known or canon in self.run.recorded_pages:
                    health.skipped_known += 1
                    continue
                cap = self.job.max_articles_per_source
                if cap and self.article_counts.get(src.id, 0) >= cap:
                    continue
                self.article_counts[src.id] = self.article_counts.get(src.id, 0) + 1
                yield self._request(cand.url, "article", src, self.parse_article, pw_url=cand.url, pw_via=via,
                                    pw_hint=cand.hint())

    def _remember_validators(self, response: Response) -> None:
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        if etag or modified:
            self.run.validator(response.request.url if response.request else response.url,
                               etag.decode("latin-1") if etag else None,
                               modified.decode("latin-1") if modified else None)

    def _discovery_failed(self, response: Response, src: Source, exc: Exception) -> None:
        self.health[src.id].error(f"{response.meta.get('pw_kind')} {response.url}: {exc}")

    # -- callbacks ----------------------------------------------------------------------------------
    def parse_feed(self, response: Response) -> Iterable[Request]:
        src = self.sources[response.meta["pw_source"]]
        content_type = response.headers.get(b"Content-Type")
        if looks_like_html(response.body, content_type.decode("latin-1") if content_type else None):
            if not challenge_reason(response.body):
                self.health[src.id].problem("feed_html", response.url)
            self._discovery_failed(response, src, DiscoveryError("the feed URL answers an HTML page, not RSS"))
            return
        try:
            feed = parse_feed(response.body, response.url)
        except DiscoveryError as exc:
            self._discovery_failed(response, src, exc)
            return
        if feed.warning:
            self.health[src.id].error(f"feed {response.url}: {feed.warning}", count=False)
        self.health[src.id].discovery_ok += 1
        self._remember_validators(response)
        yield from self._articles(src, feed.items, "feed")

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        src = self.sources[response.meta["pw_source"]]
        try:
            sitemap = parse_sitemap(response.body)
        except (DiscoveryError, OSError, EOFError) as exc:
            self._discovery_failed(response, src, exc)
            return
        self.health[src.id].discovery_ok += 1
        self._remember_validators(response)
        self.health[src.id].saw_sitemap_dates(c.published for c in sitemap.entries)
        own = {_site_key(response.url), _site_key(src.homepage)}
        foreign = [c.url for c in sitemap.entries if _site_key(c.url) not in own]
        if foreign:  # a sitemap speaks for its own host only (sitemaps.org): the rest is not fetched
            self.health[src.id].error(f"sitemap {response.url}: {len(foreign)} url(s) on other hosts ignored "
                                      f"(first: {foreign[0]})", count=False)
            sitemap.entries = [c for c in sitemap.entries if _site_key(c.url) in own]
        if sitemap.kind == "index":
            budget = self.job.max_sitemaps_per_source - int(response.meta.get("pw_sitemaps", 0))
            # A child sitemap last modified before --since holds nothing newer; one modified long after
            # --until (a month of slack: lastmod moves on edits) holds nothing older in dated sitemaps.
            slack = dt.timedelta(days=31)
            children = [c for c in sitemap.entries if not self._older_than_since(c)
                        and not (c.published and self.until and local_day(c.published) > self.until + slack)]
            for child in children[:max(0, budget)]:
                yield self._request(child.url, "sitemap", src, self.parse_sitemap, conditional=True,
                                    pw_sitemaps=int(response.meta.get("pw_sitemaps", 0)) + len(children))
            return
        test = src.is_article if src.article_url_pattern else (lambda _u: True)
        yield from self._articles(src, [c for c in sitemap.entries if test(c.url)], "sitemap")

    def parse_listing(self, response: Response) -> Iterable[Request]:
        src = self.sources[response.meta["pw_source"]]
        kind = response.meta["pw_kind"]
        if not isinstance(response, TextResponse):
            self._discovery_failed(response, src, ValueError("not an HTML page"))
            return
        test = src.is_article if src.article_url_pattern else default_article_test(src.homepage)
        cands = parse_listing(response.text, response.url, test)
        health = self.health[src.id]
        health.discovery_ok += 1
        if response.meta.get("pw_page") == (src.listings[response.meta["pw_listing"]].first_page
                                            if kind == "listing" else 1):
            self._remember_validators(response)
        yield from self._articles(src, cands, kind)
        # Pagination: stop on an empty page, a page repeating the previous one, a page whose dated items
        # are all older than --since, and (nightly) a page with nothing not already known.
        urls = sorted(canonical_url(c.url) for c in cands)
        if cands and urls == response.meta.get("pw_prev"):
            health.problem("listing_repeats", response.url)  # "Xem thêm" paging in JavaScript
        if not cands or urls == response.meta.get("pw_prev"):
            return
        dated = [c for c in cands if c.published]
        if dated and all(self._older_than_since(c) for c in dated):
            return
        if self.job.mode == "nightly" and all(u in self.known for u in urls):
            return
        page = int(response.meta["pw_page"]) + 1
        if kind == "listing":
            listing = src.listings[response.meta["pw_listing"]]
            if page >= listing.first_page + listing.max_pages:
                return
            yield self._request(listing.page_url(page), "listing", src, self.parse_listing, conditional=True,
                                pw_listing=response.meta["pw_listing"], pw_page=page, pw_prev=urls)
        else:
            if page > src.search_max_pages:
                return
            query = response.meta["pw_query"]
            yield self._request(fill_template(src.search, page=page, query=query), "search", src,
                                self.parse_listing, pw_query=query, pw_page=page, pw_prev=urls)

    def parse_article(self, response: Response) -> None:
        sid = response.meta["pw_source"]
        src = self.sources.get(sid, MANUAL_SOURCE)
        health = self._health(response.request) if response.request else self.health[sid]
        url = response.meta.get("pw_url") or response.url
        checked = response.meta.get("pw_challenge")
        reason = checked[1] if checked and checked[0] is response.body else challenge_reason(response.body)
        if reason:  # not the article: never stored as one (health names the state)
            health.error(f"article {response.url}: a JavaScript challenge page instead of the article")
            return
        sha = response.meta.get("pw_raw_sha256") or self.run.store_raw(response.body)
        content_type = response.headers.get(b"Content-Type")
        encoding = response.encoding if isinstance(response, TextResponse) else None
        final_canon = canonical_url(response.url)
        self.run.page({
            "url": url, "canonical_url": canonical_url(url), "final_url": response.url, "source_id": sid,
            "fetched_at": utcnow_iso(), "raw_sha256": sha,
            "content_type": content_type.decode("latin-1") if content_type else None, "encoding": encoding,
            "discovered_via": response.meta.get("pw_via"), "hint": response.meta.get("pw_hint") or {},
            "status": response.status, "run_id": self.job.run_id,
        })
        self.scheduled.add(final_canon)
        health.pages_fetched += 1
        selector = self.layout_selectors.get(src.id)
        if selector is None:
            selector = self.layout_selectors[src.id] = src.layout_selector()
        if selector and isinstance(response, TextResponse):
            try:
                matched = bool(response.css(selector))
            except Exception:
                matched = False
            if not matched:
                health.layout_misses += 1

    def on_error(self, failure: Failure) -> None:
        request: Request = failure.request  # type: ignore[attr-defined]
        health = self._health(request)
        exc = failure.value
        if isinstance(exc, HttpError):
            status = exc.response.status
            if status == 304 or request.meta.get("pw_counted") == request.meta.get("pw_token"):
                return
            health.error(f"{request.meta.get('pw_kind')} {request.url}: HTTP {status}")
            return
        message = f"{type(exc).__name__}: {exc}"
        if self._mark_recorded(request):  # e.g. a decompression bomb refused after the download
            self.run.fetch(source_id=request.meta.get("pw_source"), url=request.url, final_url=None,
                           kind=request.meta.get("pw_kind", "article"), status=None, bytes=0,
                           elapsed_ms=self._elapsed(request), error=message[:1000], raw_sha256=None, etag=None,
                           last_modified=None)
        if request.meta.get("pw_counted") == request.meta.get("pw_token"):
            return  # refused, blocked or given up: counted where it happened
        health.error(f"{request.meta.get('pw_kind')} {request.url}: {message}")

    # -- end of run -----------------------------------------------------------------------------------
    def closed(self, reason: str) -> None:
        # a backfill over a past range (--until) expects sitemaps to end there; a nightly run expects today
        reference = (dt.datetime.combine(self.until + dt.timedelta(days=1), dt.time(), dt.UTC) if self.until
                     else dt.datetime.now(dt.UTC))
        if self._progress_loop is not None and self._progress_loop.running:
            self._progress_loop.stop()
        self.write_progress(final=True)
        rows = []
        for h in self.health.values():
            h.finish(reference)
            row = asdict(h)
            row["run_id"] = self.job.run_id
            row["checked_at"] = utcnow_iso()
            rows.append(row)
        summary = {"run_id": self.job.run_id, "reason": reason, "started_at": self.started_at,
                   "finished_at": utcnow_iso(), "mode": self.job.mode, "since": self.job.since,
                   "until": self.job.until, "resumed": self.run.resumed, "sources": len(self.sources),
                   "fetches": self.run.counts.get("fetches.jsonl", 0), "pages": self.run.counts.get("pages.jsonl", 0),
                   "errors": sum(h.errors for h in self.health.values())}
        self.run.finish(rows, summary)
