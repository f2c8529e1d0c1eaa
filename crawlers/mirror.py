"""The offline demo mirror: serves data/demo/site on 127.0.0.1, one port (origin) per outlet.

    with start_mirror(auto_ports=True) as mirror:      # tests: free ports
        sources = mirror.write_sources(tmp / "sources.toml")
        ...crawl mirror.base_urls["giaoducthoidai"]...

    python -m crawlers.mirror            # serve on the default ports until Ctrl-C

Routes come from data/demo/site/<outlet>/_routes.json (written by crawlers.mirror_build): a request is
looked up by its normalized key (lowercased path + sorted non-empty parameters), then by the
content-selecting parameters only (ItemID, page, q), so SharePoint URLs such as
``tin-tong-hop.aspx?date=&EventID=0&Page=2`` and ``?Page=2`` both work. Every 200 response carries an
ETag (hash of the body) and Last-Modified; conditional GETs answer 304. The GD&TĐ-style outlet also
serves a server-rendered search page (/tim-kiem/?q=&page=). Unknown paths get 404.
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import json
import math
import signal
import tempfile
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import jinja2

from crawlers.mirror_build import DEMO_DIR, route_key, significant_key, slugify
from planwatch.core.text import fold

HOST = "127.0.0.1"
SEARCH_PER_PAGE = 10
SEARCH_OUTLETS = {"giaoducthoidai": "/tim-kiem/"}


@dataclass
class OutletSite:
    """What one outlet's server needs: its routes, files and the origin rewrite."""

    outlet: str
    layout: str
    root: Path
    default_port: int
    routes: dict[str, dict[str, Any]]
    rewrites: list[tuple[bytes, bytes]] = field(default_factory=list)
    search_index: list[dict[str, Any]] = field(default_factory=list)
    env: jinja2.Environment | None = None
    origin: str = ""
    cache: dict[str, bytes] = field(default_factory=dict)

    def body(self, rel: str) -> bytes:
        data = self.cache.get(rel)
        if data is None:
            data = (self.root / rel).read_bytes()
            for old, new in self.rewrites:
                data = data.replace(old, new)
            self.cache[rel] = data
        return data


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog (5) drops SYNs under concurrent crawls (1 s retransmits)
    allow_reuse_address = True
    site: OutletSite

    def handle_error(self, request: Any, client_address: Any) -> None:  # quiet: clients hang up
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "Microsoft-IIS/8.5"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY: headers and body are two writes; with Nagle on, the body waited for the client's delayed ACK
    # (about 40 ms on loopback) on every keep-alive response, capping 16 connections near 400 pages/s
    disable_nagle_algorithm = True

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:  # quiet logs
        pass

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    # -- helpers

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None,
              head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head and status != 304:
            self.wfile.write(body)

    def _not_found(self, head: bool) -> None:
        body = b"<html><head><title>404 Not Found</title></head><body><h1>404 - Not Found</h1></body></html>\n"
        self._send(404, body, "text/html; charset=utf-8", head=head)

    def _serve(self, head: bool) -> None:
        site = self.server.site
        parts = urlsplit(self.path)
        path = unquote(parts.path) or "/"
        search_path = SEARCH_OUTLETS.get(site.outlet)
        if search_path and path.lower().rstrip("/") + "/" == search_path:
            self._send(200, self._search(parts.query), "text/html; charset=utf-8", head=head)
            return
        entry = site.routes.get(route_key(path, parts.query)) or site.routes.get(significant_key(path, parts.query))
        if entry is None:
            self._not_found(head)
            return
        body = site.body(entry["file"])
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        headers = {"ETag": etag, "Cache-Control": "max-age=60"}
        if entry.get("last_modified"):
            headers["Last-Modified"] = entry["last_modified"]
        ctype = f"{entry['type']}; charset={entry['charset']}"
        status = int(entry.get("status", 200))
        if status == 200 and self._not_modified(etag, entry.get("last_modified")):
            self._send(304, b"", ctype, headers, head=True)
            return
        self._send(status, body, ctype, headers, head=head)

    def _not_modified(self, etag: str, last_modified: str | None) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and last_modified:
            try:
                return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

    def _search(self, query: str) -> bytes:
        site = self.server.site
        params = parse_qs(query)
        q = (params.get("q") or [""])[0].strip()
        try:
            page = max(1, int((params.get("page") or ["1"])[0]))
        except ValueError:
            page = 1
        terms = fold(q).split()
        hits = [e for e in site.search_index if terms and all(t in fold(e["title"] + " " + e["lead"]) for t in terms)]
        pages = max(1, math.ceil(len(hits) / SEARCH_PER_PAGE))

        def url_for(n: int) -> str:
            return f"/tim-kiem/?q={quote(q)}&page={n}"

        ctx = {
            "heading": f"Kết quả tìm kiếm: {q}" if q else "Tìm kiếm",
            "entries": hits[(page - 1) * SEARCH_PER_PAGE : page * SEARCH_PER_PAGE],
            "page": page,
            "pages": pages,
            "page_links": [(n, url_for(n)) for n in range(1, pages + 1)],
            "prev_url": url_for(page - 1) if page > 1 else "",
            "next_url": url_for(page + 1) if page < pages else "",
            "canonical": url_for(page),
        }
        assert site.env is not None
        template = site.env.get_template(f"{site.layout}.html")
        html = template.render(kind="listing", l=ctx, origin=site.origin, charset="utf-8",
                               form_action="./")
        return html.encode("utf-8")


def load_config(demo_dir: Path = DEMO_DIR) -> dict[str, dict[str, Any]]:
    cfg = tomllib.loads((demo_dir / "mirror.toml").read_text(encoding="utf-8"))
    return dict(cfg["outlets"])


def default_ports(demo_dir: Path = DEMO_DIR) -> dict[str, int]:
    return {outlet: int(c["port"]) for outlet, c in load_config(demo_dir).items()}


class Mirror:
    """A running mirror: one threaded HTTP server per outlet, on 127.0.0.1."""

    def __init__(self, demo_dir: Path, servers: dict[str, _Server], defaults: dict[str, int]) -> None:
        self.demo_dir = demo_dir
        self._servers = servers
        self._defaults = defaults
        self._threads: list[threading.Thread] = []
        self._stopped = False
        for outlet, server in servers.items():
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                                      name=f"mirror-{outlet}", daemon=True)
            thread.start()
            self._threads.append(thread)

    @property
    def ports(self) -> dict[str, int]:
        return {outlet: int(server.server_address[1]) for outlet, server in self._servers.items()}

    @property
    def base_urls(self) -> dict[str, str]:
        """outlet id -> "http://127.0.0.1:PORT/"."""
        return {outlet: f"http://{HOST}:{port}/" for outlet, port in self.ports.items()}

    def url(self, outlet: str, path: str) -> str:
        return self.base_urls[outlet].rstrip("/") + path

    def sources_text(self) -> str:
        text = (self.demo_dir / "sources.toml").read_text(encoding="utf-8")
        for outlet, port in self.ports.items():
            text = text.replace(f"http://{HOST}:{self._defaults[outlet]}", f"http://{HOST}:{port}")
        return text

    def write_sources(self, path: str | Path) -> Path:
        """Write data/demo/sources.toml with the default ports replaced by the bound ones."""
        target = Path(path)
        if target.is_dir():
            target = target / "sources.toml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.sources_text(), encoding="utf-8")
        return target

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        stoppers = [threading.Thread(target=server.shutdown) for server in self._servers.values()]
        for stopper in stoppers:  # in parallel: each shutdown waits up to one poll interval
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        for server in self._servers.values():
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=2)

    def __enter__(self) -> Mirror:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def start_mirror(ports: dict[str, int] | None = None, *, auto_ports: bool = False,
                 demo_dir: Path | None = None) -> Mirror:
    """Start serving every outlet of data/demo/mirror.toml in background threads.

    ``ports`` overrides default ports per outlet; ``auto_ports=True`` binds free ports (port 0). A default
    port that is already in use falls back to a free port (read the bound ones from ``Mirror.ports``).
    """
    demo = demo_dir or DEMO_DIR
    config = load_config(demo)
    defaults = {o: int(c["port"]) for o, c in config.items()}
    wanted = {o: 0 if auto_ports else (ports or {}).get(o, p) for o, p in defaults.items()}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(demo / "templates"), autoescape=True)
    env.filters["slug"] = slugify
    servers: dict[str, _Server] = {}
    try:
        for outlet, port in wanted.items():
            root = demo / "site" / outlet
            routes = json.loads((root / "_routes.json").read_text(encoding="utf-8"))
            site = OutletSite(outlet=outlet, layout=str(config[outlet]["layout"]), root=root,
                              default_port=defaults[outlet], routes=routes, env=env)
            index = root / "_search.json"
            if index.exists():
                site.search_index = json.loads(index.read_text(encoding="utf-8"))
            try:
                server = _Server((HOST, port), _Handler)
            except OSError as err:
                # a default port already taken (another demo running): fall back to a free port; the bound
                # ports are what base_urls and write_sources() report. Explicit ports must be honoured.
                if err.errno != errno.EADDRINUSE or port == 0 or outlet in (ports or {}):
                    raise
                server = _Server((HOST, 0), _Handler)
            server.site = site
            servers[outlet] = server
    except BaseException:
        for server in servers.values():
            server.server_close()
        raise
    bound = {o: int(s.server_address[1]) for o, s in servers.items()}
    for outlet, server in servers.items():
        server.site.origin = f"http://{HOST}:{bound[outlet]}"
        server.site.rewrites = [
            (f"http://{HOST}:{defaults[o]}".encode(), f"http://{HOST}:{bound[o]}".encode())
            for o in bound
            if bound[o] != defaults[o]
        ]
    return Mirror(demo, servers, defaults)


@contextmanager
def running_mirror(**kwargs: Any) -> Iterator[Mirror]:
    mirror = start_mirror(**kwargs)
    try:
        yield mirror
    finally:
        mirror.stop()


def serve_forever(ports: dict[str, int] | None = None) -> None:
    """Serve the mirror until Ctrl-C (or SIGTERM), printing the outlet URLs.

    This is what `planwatch demo --serve-only` calls. When the bound ports differ from the defaults, a
    sources file with the bound ports is written to the temp folder and its path printed.
    """
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
    mirror = start_mirror(ports)
    try:
        print("planwatch demo mirror on 127.0.0.1 (Ctrl-C to stop):")
        for outlet, url in mirror.base_urls.items():
            print(f"  {outlet:16} {url}")
        sources = mirror.demo_dir / "sources.toml"
        if mirror.ports != default_ports(mirror.demo_dir):
            sources = mirror.write_sources(Path(tempfile.gettempdir()) / "planwatch-demo-sources.toml")
        print(f"  sources file: {sources}", flush=True)
        while not stop.wait(1.0):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        mirror.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m crawlers.mirror", description=__doc__.split("\n")[0])
    parser.add_argument("--port", action="append", default=[], metavar="OUTLET=PORT",
                        help="override one outlet's port (repeatable)")
    args = parser.parse_args(argv)
    ports = {}
    for item in args.port:
        outlet, _, port = item.partition("=")
        ports[outlet] = int(port)
    serve_forever(ports or None)


if __name__ == "__main__":
    main()
