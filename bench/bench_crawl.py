"""Crawl throughput on a local server (127.0.0.1) of N generated article pages.

Prints: pages/s with politeness off (N pages through a sitemap), the wall time of a small crawl with the
default politeness (robots.txt, AutoThrottle, the source's delay), and the second-run figure: article pages
fetched again when nothing changed (known URLs + conditional GET) — must be 0.

    .venv/bin/python bench/bench_crawl.py [--pages 1000] [--polite-pages 8] [--delay 1.0]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawlers.job import CrawlJob
from crawlers.run import run_crawl

ARTICLE = ("<html><head><title>Bài {n}</title><meta property='article:published_time' "
           "content='2022-06-{d:02d}T08:00:00+07:00'></head><body><h1>Bồi dưỡng giáo viên mầm non {n}</h1>"
           "<div class='article__body'>" + "<p>Nội dung bài viết về Đề án 33.</p>" * 40 + "</div></body></html>")


def make_server(n_pages: int) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # TCP_NODELAY: headers and body are two writes; with Nagle on, the body waited for the client's delayed ACK
        # (about 40 ms on loopback) on every keep-alive response, capping 16 connections near 400 pages/s
        disable_nagle_algorithm = True

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"  # type: ignore[index]
            headers = {"Content-Type": "text/html; charset=utf-8"}
            if self.path == "/robots.txt":
                body, headers["Content-Type"] = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/sitemap.xml":
                if self.headers.get("If-None-Match") == '"sm1"':
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                urls = "".join(f"<url><loc>{base}/bai-{i}-post{i}.html</loc><lastmod>2022-06-{i % 28 + 1:02d}"
                               "</lastmod></url>" for i in range(n_pages))
                body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        f"{urls}</urlset>").encode()
                headers.update({"Content-Type": "application/xml", "ETag": '"sm1"'})
            elif self.path.startswith("/bai-"):
                n = int(self.path.split("-")[1])
                body = ARTICLE.format(n=n, d=n % 28 + 1).encode()
            else:
                body = b"not found"
                self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self.send_response(200)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def sources_file(path: Path, port: int, delay: float) -> Path:
    path.write_text(f"""[[source]]
id = "bench"
name = "Bench outlet"
kind = "newspaper"
scope = "central"
homepage = "http://127.0.0.1:{port}/"
sitemaps = ["http://127.0.0.1:{port}/sitemap.xml"]
article_url_pattern = "-post\\\\d+\\\\.html$"
layout_check = "div.article__body"
allow_private = true
[source.politeness]
delay = {delay}
concurrency = 1
""", encoding="utf-8")
    return path


def article_fetches(out_dir: Path) -> int:
    rows = [json.loads(x) for x in (out_dir / "fetches.jsonl").read_text().splitlines() if x.strip()]
    return sum(1 for r in rows if r["kind"] == "article" and r["status"] == 200)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--polite-pages", type=int, default=8)
    ap.add_argument("--delay", type=float, default=1.0, help="source politeness delay for the polite run")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_crawl_"))

    server = make_server(args.pages)
    port = server.server_address[1]
    src = sources_file(tmp / "bench.toml", port, 0.0)
    job = CrawlJob(run_id="fast", out_dir=str(tmp / "runs/fast"), raw_dir=str(tmp / "raw"), sources=str(src),
                   politeness="off", validators_file=str(tmp / "validators.json"), time_limit=600)
    t0 = time.monotonic()
    result = run_crawl(job)
    wall = time.monotonic() - t0
    assert result.ok, result.log_tail
    crawl_s = _crawl_seconds(result.summary) or wall
    print(f"politeness off: {result.pages} pages in {wall:.1f} s wall ({crawl_s:.1f} s inside the crawl, "
          f"subprocess start included in wall) -> {result.pages / crawl_s:.0f} pages/s "
          f"({result.pages / wall:.0f} pages/s wall)")

    known = tmp / "known.txt"
    known.write_text("\n".join(json.loads(x)["canonical_url"]
                               for x in (Path(job.out_dir) / "pages.jsonl").read_text().splitlines()) + "\n")
    job2 = CrawlJob(run_id="again", out_dir=str(tmp / "runs/again"), raw_dir=str(tmp / "raw"), sources=str(src),
                    politeness="off", validators_file=str(tmp / "validators.json"), known_urls_file=str(known))
    again = run_crawl(job2)
    statuses = [json.loads(x)["status"] for x in (Path(job2.out_dir) / "fetches.jsonl").read_text().splitlines()]
    print(f"second run, nothing changed: {article_fetches(Path(job2.out_dir))} article pages fetched again "
          f"({len(statuses)} fetches: {statuses.count(304)} x 304 sitemap, robots.txt; {again.elapsed_s:.1f} s)")
    server.shutdown()

    small = make_server(args.polite_pages)
    port = small.server_address[1]
    src = sources_file(tmp / "polite.toml", port, args.delay)
    job3 = CrawlJob(run_id="polite", out_dir=str(tmp / "runs/polite"), raw_dir=str(tmp / "raw"), sources=str(src),
                    politeness="default", time_limit=600)
    t0 = time.monotonic()
    polite = run_crawl(job3)
    wall = time.monotonic() - t0
    print(f"default politeness (delay {args.delay:.1f} s ± 50%, concurrency 1, AutoThrottle): "
          f"{polite.pages} pages, {polite.fetches} fetches in {wall:.1f} s wall "
          f"({(_crawl_seconds(polite.summary) or wall) / max(1, polite.fetches):.2f} s per fetch)")
    small.shutdown()


def _crawl_seconds(summary: dict[str, Any]) -> float | None:
    import datetime as dt

    try:
        a = dt.datetime.fromisoformat(summary["started_at"])
        b = dt.datetime.fromisoformat(summary["finished_at"])
    except (KeyError, ValueError):
        return None
    return max(0.001, (b - a).total_seconds())


if __name__ == "__main__":
    main()
