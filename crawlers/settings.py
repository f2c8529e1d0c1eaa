"""Scrapy settings for a crawl job. Nothing is read at import time: `build_settings(job, sources)`."""

from __future__ import annotations

from typing import Any
from urllib.request import getproxies

from scrapy.settings import default_settings

from crawlers.job import CrawlJob
from crawlers.registry import Source

M = "crawlers.middlewares"
# RemoteControl imports aiohttp at start (about 0.1 s of CPU) to serve nothing here. Turning it off in EXTENSIONS
# (None) still imports it (Scrapy loads every named component to merge the dicts), so the base list itself leaves it
# and the telnet console out.
_UNUSED_EXTENSIONS = ("scrapy.extensions.telnet.TelnetConsole", "scrapy.extensions.remote_control.RemoteControl",
                      # off by their own settings here (no MEMDEBUG_ENABLED, JOBDIR, FEEDS): imported for nothing
                      "scrapy.extensions.memdebug.MemoryDebugger", "scrapy.extensions.spiderstate.SpiderState",
                      "scrapy.extensions.feedexport.FeedExporter")
_EXTENSIONS_BASE = {name: order for name, order in default_settings.EXTENSIONS_BASE.items()
                    if name not in _UNUSED_EXTENSIONS}
# The same for middlewares a crawl never uses: robots.txt is obeyed by our RobotsPolicyMiddleware and offsite requests
# are never made by the spider; no credentials (HttpAuth ran for every request to find none); cookies, meta refresh,
# the HTTP cache and per-response byte stats are off (the cookies module alone imports tldextract).
_UNUSED_DOWNLOADER_MIDDLEWARES = tuple(f"scrapy.downloadermiddlewares.{name}" for name in (
    "robotstxt.RobotsTxtMiddleware", "offsite.OffsiteMiddleware", "httpauth.HttpAuthMiddleware",
    "redirect.MetaRefreshMiddleware", "cookies.CookiesMiddleware", "stats.DownloaderStats",
    "httpcache.HttpCacheMiddleware"))
# DownloadTimeout, DefaultHeaders and UserAgent set a request's download_timeout, Accept, Accept-Language and
# User-Agent (setdefault each): crawlers.middlewares.AttemptGate sets the same from the same settings, in the same
# order, in the one middleware call it already makes for every attempt
_FOLDED_DOWNLOADER_MIDDLEWARES = tuple(f"scrapy.downloadermiddlewares.{name}" for name in (
    "downloadtimeout.DownloadTimeoutMiddleware", "defaultheaders.DefaultHeadersMiddleware",
    "useragent.UserAgentMiddleware"))
_DOWNLOADER_MIDDLEWARES_BASE = {name: order for name, order in default_settings.DOWNLOADER_MIDDLEWARES_BASE.items()
                                if name not in _UNUSED_DOWNLOADER_MIDDLEWARES + _FOLDED_DOWNLOADER_MIDDLEWARES}
# DepthMiddleware only counts depths (no DEPTH_LIMIT, DEPTH_PRIORITY 0); MetaCopyDetectionMiddleware only warns
# when a request carries Scrapy's internal meta keys copied from a response (the spider builds every request's meta
# itself, crawlers/spider.py `_request`): each was one more async layer over every callback's output
_UNUSED_SPIDER_MIDDLEWARES = ("scrapy.spidermiddlewares.depth.DepthMiddleware",
                              "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware")
# Start, Referer and UrlLength only look at each request a callback yields, one at a time: crawlers.spider_output
# applies the three in their order as one middleware (each was an async layer over every callback's output)
_FOLDED_SPIDER_MIDDLEWARES = ("scrapy.spidermiddlewares.start.StartSpiderMiddleware",
                              "scrapy.spidermiddlewares.referer.RefererMiddleware",
                              "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware")
_SPIDER_MIDDLEWARES_BASE = {name: order for name, order in default_settings.SPIDER_MIDDLEWARES_BASE.items()
                            if name not in _UNUSED_SPIDER_MIDDLEWARES + _FOLDED_SPIDER_MIDDLEWARES}


def component_modules() -> list[str]:
    """The modules of every middleware and extension a crawl's engine loads from these settings (crawlers.run
    imports them ahead in a prestarted child)."""
    names = [*_DOWNLOADER_MIDDLEWARES_BASE, *_SPIDER_MIDDLEWARES_BASE, *_EXTENSIONS_BASE, *_FOLDED_SPIDER_MIDDLEWARES,
             f"{M}.AttemptGate", "crawlers.spider_output.SpiderOutput"]
    return sorted({name.rsplit(".", 1)[0] for name in names})


def _polite_slots(sources: list[Source]) -> dict[str, dict[str, Any]]:
    """A download slot per host; sources sharing a host share its slot: the strictest politeness wins."""
    slots: dict[str, dict[str, Any]] = {}
    for src in sources:
        for host in src.hosts():
            current = slots.get(host)
            delay = max(src.politeness.delay, current["delay"] if current else 0.0)
            conc = min(src.politeness.concurrency, current["concurrency"] if current else 99)
            slots[host] = {"delay": delay, "concurrency": conc, "jitter": 0.5}
    return slots


def build_settings(job: CrawlJob, sources: list[Source]) -> dict[str, Any]:
    polite = job.politeness == "default"
    settings: dict[str, Any] = {
        "BOT_NAME": "planwatch",
        "USER_AGENT": job.user_agent(),
        "ROBOTSTXT_OBEY": False,  # our RobotsPolicyMiddleware obeys robots.txt, with a policy for failures
        "ROBOTSTXT_USER_AGENT": "planwatch",
        "TELNETCONSOLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "LOG_LEVEL": job.log_level,
        "LOG_ENABLED": True,
        "DOWNLOAD_TIMEOUT": job.download_timeout,
        "DNS_TIMEOUT": max(1, int(job.download_timeout)),
        "DOWNLOAD_MAXSIZE": job.max_bytes,        # on the wire and, by HttpCompressionMiddleware, decompressed
        "DOWNLOAD_WARNSIZE": max(1, job.max_bytes // 2),
        "REDIRECT_MAX_TIMES": job.redirect_max,
        "METAREFRESH_ENABLED": False,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": job.retry_times,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "RETRY_AFTER_MAX": job.retry_after_max,
        # Only http(s): no file://, data:, ftp://, s3:// handlers at all.
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "ftp": None, "s3": None},
        "DOWNLOADER_MIDDLEWARES_BASE": dict(_DOWNLOADER_MIDDLEWARES_BASE),
        "SPIDER_MIDDLEWARES_BASE": dict(_SPIDER_MIDDLEWARES_BASE),
        "DOWNLOADER_MIDDLEWARES": {
            f"{M}.AttemptGate": 40,          # safety, robots.txt, Retry-After pause, request defaults, clock
            f"{M}.ResponseRecorder": 585,    # the fetch line, then the Retry-After retry
            f"{M}.RedirectRecorder": 645,
        },
        # Scrapy's Start (25), Referer (700) and UrlLength (800) as one layer, where Referer was
        "SPIDER_MIDDLEWARES": {"crawlers.spider_output.SpiderOutput": 700},
        # no proxy in the environment (the usual case): HttpProxyMiddleware would look at every request for none
        "HTTPPROXY_ENABLED": bool(getproxies()),
        "EXTENSIONS_BASE": dict(_EXTENSIONS_BASE),
        "EXTENSIONS": {},
        # per-response byte counts in Scrapy's stats (nothing here reads them): DownloaderStats rebuilt each
        # response's raw HTTP form to measure it
        "DOWNLOADER_STATS": False,
        "CONCURRENT_REQUESTS": 16,
        # what a callback yields (requests; no item pipelines here) is handed on by this many asyncio tasks per
        # response: Scrapy's default (100) made about 100 tasks per article page, most of the crawl's event-loop CPU
        "CONCURRENT_ITEMS": 4,
        "DNS_RESOLVER": f"{M}.GuardedResolver",
        "PLANWATCH_ALLOW_PRIVATE": any(s.allow_private for s in sources),
        # the resolver lets private answers through only for these hosts (and hosts their requests reach)
        "PLANWATCH_PRIVATE_HOSTS": sorted({h for s in sources if s.allow_private for h in s.hosts()}),
        "PLANWATCH_POLITE": polite,
        "CRAWL_DELAY_MAX": 30.0,
    }
    if polite:
        slots = _polite_slots(sources)
        settings.update({
            "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
            # Floor for hosts without a slot of their own (cross-host links): the gentlest source delay asked
            # for, so a local mirror with delay 0 is not slowed to 1 s per page.
            "DOWNLOAD_DELAY": min((src.politeness.delay for src in sources), default=1.0),
            "DOWNLOAD_DELAY_JITTER": 0.5,
            "DOWNLOAD_SLOTS": slots,
            "AUTOTHROTTLE_ENABLED": True,  # through PoliteAutoThrottle (keeps per-source delay floors)
            "AUTOTHROTTLE_START_DELAY": 3.0,
            "AUTOTHROTTLE_MAX_DELAY": 60.0,
            "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        })
        settings["EXTENSIONS"] = {**settings["EXTENSIONS"],
                                  "scrapy.extensions.throttle.AutoThrottle": None, f"{M}.PoliteAutoThrottle": 0}
    else:
        settings.update({"CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0.0,
                         "DOWNLOAD_DELAY_JITTER": 0.0, "AUTOTHROTTLE_ENABLED": False})
    if job.time_limit > 120:
        # Close cleanly (health.jsonl + done) a minute before the parent would kill the subprocess.
        settings["CLOSESPIDER_TIMEOUT"] = int(job.time_limit - 60)
    settings.update(job.settings)
    return settings
