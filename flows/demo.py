"""`planwatch demo`: the whole pipeline, offline, on the bundled mirror (data/demo), through Prefect."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from planwatch.config import Paths, data_path

DEMO_SINCE = dt.date(2022, 1, 1)
DEMO_UNTIL = dt.date(2022, 12, 31)
# The plans shown: every plan data/plans.toml makes active on DEMO_UNTIL; each plan's digest is for the week
# its last window closes (plan 661: 30/11/2022, week 2022-W48).

Say = Callable[[str], Any]


def demo_sources() -> Path:
    return data_path("demo", "sources.toml")


def serve_mirror_forever() -> None:
    from crawlers.mirror import serve_forever

    serve_forever()


@contextmanager
def _demo_mirror(mirror: Any, say: Say) -> Iterator[tuple[dict[str, str], Path | None]]:
    """The mirror to crawl: one given by the caller, else one on the default ports (stable URLs make the
    second run incremental), else the one already serving there (`planwatch demo --serve-only`)."""
    if mirror is not None:
        yield mirror.base_urls, None
        return
    from crawlers.mirror import default_ports, start_mirror

    ports = default_ports()
    try:
        started = start_mirror(ports=ports)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE or not _mirror_answers(ports):
            raise RuntimeError(f"a default mirror port ({', '.join(map(str, sorted(ports.values())))}) is taken by "
                               f"something that is not the demo mirror: free it and run again ({exc})") from exc
        say("    (dùng bản sao đang chạy sẵn trên các cổng mặc định)")
        yield {o: f"http://127.0.0.1:{p}/" for o, p in ports.items()}, demo_sources()
        return
    with started:
        yield started.base_urls, None


def _mirror_answers(ports: dict[str, int]) -> bool:
    for port in ports.values():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2) as resp:
                if resp.status != 200:
                    return False
        except OSError:
            return False
    return True


def run_demo(paths: Paths, *, fresh: bool = False, say: Say = print, mirror: Any = None) -> dict[str, Any]:
    """Serve the mirror, initialise, run the nightly flow through Prefect for 2022, report, write the digest.
    `mirror`: an already started crawlers.mirror.Mirror (tests use one on free ports)."""
    from flows.prefect_env import configure_prefect

    if fresh and paths.home.exists():
        shutil.rmtree(paths.home)
    paths.ensure()
    # The flow's tasks find the state folder through the environment, as in production.
    os.environ["PLANWATCH_HOME"] = str(paths.home)
    configure_prefect(paths)
    from pipeline.bootstrap import initialize

    clock = _Clock(say)
    clock.step("Khởi động bản sao ngoại tuyến của các cơ quan báo chí (127.0.0.1)")
    with _demo_mirror(mirror, say) as (base_urls, sources_file):
        for outlet, url in sorted(base_urls.items()):
            say(f"    {outlet:<18} {url}")
        sources = sources_file or (mirror.write_sources(paths.home / "demo-sources.toml") if mirror
                                   else demo_sources())
        clock.step("Khởi tạo kho dữ liệu, kế hoạch và danh sách nguồn")
        initialize(paths, str(sources))
        clock.step("Chạy luồng thu thập hằng đêm qua Prefect (năm 2022) — lần đầu có thể mất 10-20 giây khởi động")
        from flows.nightly import nightly_crawl

        # Production politeness (robots.txt, AutoThrottle); the demo sources set no per-source delay.
        summary = nightly_crawl(sources=str(sources), since=DEMO_SINCE, until=DEMO_UNTIL, politeness="default")
    say(f"    {summary['fetches']} lượt tải, {summary['pages']} trang bài viết, "
        f"{summary['documents_new']} tài liệu mới, quyết định: {summary['decisions']}")
    plans = _demo_plans(paths)
    digests: list[str] = []
    for plan in plans:
        clock.step(f"Báo cáo mức độ thực hiện kế hoạch {plan.number} ({plan.id})")
        say(_report_table(paths, plan.id))
    for plan in plans:
        week = _digest_week(plan)
        clock.step(f"Viết bản tin tuần {week} — kế hoạch {plan.number}")
        digest_path = _write_digest(paths, plan.id, week)
        digests.append(str(digest_path))
        say(f"    {digest_path}")
    say("")
    say(f"Snapshot (read-only, for analysts): {paths.snapshot}")
    say('  planwatch sql "SELECT activity, format, planned, actual, status FROM coverage"')
    say(f"  .venv/bin/duckdb -readonly {paths.snapshot}")
    say("  planwatch review list   ·   planwatch review serve   ·   docs/analysts.md")
    return {"summary": summary, "digest": digests[0] if digests else None, "digests": digests,
            "plans": [p.id for p in plans], "snapshot": str(paths.snapshot)}


def _demo_plans(paths: Paths) -> list[Any]:
    """The plans data/plans.toml makes the default on the demo's last day, as the snapshot holds them."""
    from pipeline.plan_registry import default_plan_ids
    from pipeline.plans import load_plan
    from pipeline.snapshot import open_snapshot

    with open_snapshot(paths) as conn:
        known = [r[0] for r in conn.execute("SELECT plan_id FROM plans ORDER BY 1").fetchall()]
    return [load_plan(pid) for pid in default_plan_ids(DEMO_UNTIL, known)]


def _digest_week(plan: Any) -> str:
    from pipeline.digest import IsoWeek

    last = min(max(a.window_end for a in plan.activities), DEMO_UNTIL)
    return str(IsoWeek.containing(last))


def _report_table(paths: Paths, plan_id: str) -> str:
    from pipeline.report import build_report, render_table
    from pipeline.snapshot import open_snapshot

    with open_snapshot(paths) as conn:
        return render_table(build_report(conn, plan_id, DEMO_UNTIL))


def _write_digest(paths: Paths, plan_id: str, week: str) -> Path:
    from pipeline.digest import build_and_write_digest

    files = build_and_write_digest(paths, plan_id, week, None)
    return Path(files.eml)


class _Clock:
    def __init__(self, say: Say) -> None:
        self.say, self.started, self.n = say, time.monotonic(), 0

    def step(self, message: str) -> None:
        self.n += 1
        self.say(f"[{time.monotonic() - self.started:5.1f}s] {self.n}. {message}")
