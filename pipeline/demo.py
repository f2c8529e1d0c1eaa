"""`planwatch demo`: the whole pipeline, offline, on the bundled mirror (data/demo), through Prefect."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planwatch.config import Paths, data_path

PLAN_ID = "661-KH-BGDDT-2022"
DEMO_SINCE = dt.date(2022, 1, 1)
DEMO_UNTIL = dt.date(2022, 12, 31)
DEMO_DIGEST_WEEK = "2022-W48"  # the week plan 661's last window (to 30/11/2022) closes

Say = Callable[[str], Any]


def demo_sources() -> Path:
    return data_path("demo", "sources.toml")


def serve_mirror_forever() -> None:
    from crawlers.mirror import serve_forever

    serve_forever()


def run_demo(paths: Paths, *, fresh: bool = False, say: Say = print) -> dict[str, Any]:
    from flows.prefect_env import configure_prefect

    if fresh and paths.home.exists():
        shutil.rmtree(paths.home)
    paths.ensure()
    configure_prefect(paths)
    from crawlers.mirror import start_mirror

    from pipeline.bootstrap import initialize

    clock = _Clock(say)
    clock.step("Khởi động bản sao ngoại tuyến của các cơ quan báo chí (127.0.0.1)")
    with start_mirror() as mirror:
        for outlet, url in sorted(mirror.base_urls.items()):
            say(f"    {outlet:<18} {url}")
        sources = mirror.write_sources(paths.home / "demo-sources.toml")
        clock.step("Khởi tạo kho dữ liệu, kế hoạch và danh sách nguồn")
        initialize(paths, str(sources))
        clock.step("Chạy luồng thu thập hằng đêm qua Prefect (năm 2022) — lần đầu có thể mất 10-20 giây khởi động")
        from flows.nightly import nightly_crawl

        summary = nightly_crawl(sources=str(sources), since=DEMO_SINCE, until=DEMO_UNTIL)
    say(f"    {summary['fetches']} lượt tải, {summary['pages']} trang bài viết, "
        f"{summary['documents_new']} tài liệu mới, quyết định: {summary['decisions']}")
    clock.step("Báo cáo mức độ thực hiện kế hoạch 661/KH-BGDĐT")
    report_text = _report_table(paths)
    say(report_text)
    clock.step(f"Viết bản tin tuần {DEMO_DIGEST_WEEK}")
    digest_path = _write_digest(paths)
    say(f"    {digest_path}")
    say("")
    say(f"Snapshot (read-only, for analysts): {paths.snapshot}")
    say('  planwatch sql "SELECT activity, format, planned, actual, status FROM coverage"')
    say(f"  .venv/bin/duckdb -readonly {paths.snapshot}")
    say("  planwatch review list   ·   planwatch review serve   ·   docs/analysts.md")
    return {"summary": summary, "digest": str(digest_path), "snapshot": str(paths.snapshot)}


def _report_table(paths: Paths) -> str:
    from pipeline.report import build_report, render_table
    from pipeline.snapshot import open_snapshot

    with open_snapshot(paths) as conn:
        return render_table(build_report(conn, PLAN_ID))


def _write_digest(paths: Paths) -> Path:
    from pipeline.digest import build_and_write_digest

    files = build_and_write_digest(paths, PLAN_ID, DEMO_DIGEST_WEEK, None)
    return Path(files.eml)


class _Clock:
    def __init__(self, say: Say) -> None:
        self.say, self.started, self.n = say, time.monotonic(), 0

    def step(self, message: str) -> None:
        self.n += 1
        self.say(f"[{time.monotonic() - self.started:5.1f}s] {self.n}. {message}")
