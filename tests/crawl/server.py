"""A programmable HTTP server for crawl tests: paths mapped to canned replies (tests.support.httpserver runs it)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tests.support.httpserver import Handler, LocalSite


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_type: str = "text/html; charset=utf-8"


Route = Reply | Callable[[Any], Reply]


class TestServer(LocalSite):
    """Routes map a path (with query) to a Reply or a function(handler) -> Reply; unknown paths 404.
    `hits` counts requests per path+query; `requests` keeps (path, headers) in order."""

    __test__ = False

    def __init__(self) -> None:
        super().__init__()
        self.routes: dict[str, Route] = {}

    def handle(self, h: Handler) -> None:
        route = self.routes.get(h.path)
        if route is None:
            route = self.routes.get(urlsplit(h.path).path)
        if route is None:
            reply = Reply(404, b"not found")
        elif callable(route):
            reply = route(h)
        else:
            reply = route
        if reply.delay:
            time.sleep(reply.delay)
        body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
        h.reply(reply.status, body, reply.content_type, reply.headers)

    def __enter__(self) -> TestServer:
        super().__enter__()
        return self
