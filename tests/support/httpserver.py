"""The one local HTTP server the tests use: threaded, on 127.0.0.1 with a free port, started by the test
itself (`with Site() as site:`), counting the requests it gets per path.

A subclass decides how to answer in `handle(h)`: tests/crawl/server.py maps paths to canned replies,
tests/faults/servers.py has one subclass per misbehaviour. `h.reply(...)` writes a plain answer; faults that
break HTTP on purpose write through `h.raw(...)` or `h.wfile`."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            site.hits[self.path] += 1
            site.requests.append((self.path, dict(self.headers)))
        try:
            site.handle(self)
        except (TimeoutError, BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def reply(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        """Status, headers (`headers` may override Content-Type and Content-Length) and the body (none for
        204 and 304)."""
        sent = {"Content-Type": ctype, **(headers or {})}
        self.send_response(status)
        for k, v in sent.items():
            self.send_header(k, v)
        if "Content-Length" not in sent:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and status not in (204, 304):
            self.wfile.write(body)

    def raw(self, data: bytes) -> None:
        """Write bytes as they are and drop the connection (broken framing)."""
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    site: LocalSite

    def handle_error(self, request: Any, client_address: Any) -> None:  # clients hang up: quiet
        pass


class LocalSite:
    """A server on 127.0.0.1 (a free port), serving from a daemon thread between __enter__ and __exit__.
    `hits` counts requests per path (with query); `requests` keeps (path, headers) in order."""

    __test__ = False

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.httpd = _HTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.site = self
        self.port = int(self.httpd.server_address[1])
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def handle(self, h: Handler) -> None:
        h.reply(404, b"not found")

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
