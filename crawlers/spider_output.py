"""One spider middleware for Scrapy's three that only look at the requests a callback yields (crawlers.settings)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.spidermiddlewares.referer import RefererMiddleware
from scrapy.spidermiddlewares.start import StartSpiderMiddleware
from scrapy.spidermiddlewares.urllength import UrlLengthMiddleware
from scrapy.utils.misc import build_from_crawler

# in the order Scrapy applied them to a callback's output (decreasing order: 800, 700, 25) and to start requests
FOLDED = (UrlLengthMiddleware, RefererMiddleware, StartSpiderMiddleware)


class SpiderOutput(BaseSpiderMiddleware):
    """Scrapy's UrlLength, Referer and Start spider middlewares, each built as Scrapy builds it (one that its
    settings turn off is left out), applied to each request in their order: one async layer over every callback's
    output (and the start requests) instead of three, the same requests out. Scrapy's HttpError middleware, which
    looks at responses before the callback, stays as it is."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.steps: list[Callable[[Request, Response | None], Request | None]] = []
        for cls in FOLDED:
            try:
                self.steps.append(build_from_crawler(cls, crawler).get_processed_request)
            except NotConfigured:
                continue

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        for step in self.steps:
            processed = step(request, response)
            if processed is None:
                return None
            request = processed
        return request

    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        return item
