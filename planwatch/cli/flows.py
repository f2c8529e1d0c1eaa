"""Pipeline commands: crawl, backfill, reprocess, demo, serve."""

from __future__ import annotations

import datetime as dt
import errno
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from planwatch.cli.common import day_option, fail, live_progress
from planwatch.config import Paths


def _date(value: str | None, option: str) -> dt.date | None:
    return day_option(value, option)  # YYYY-MM-DD or dd/mm/yyyy


@contextmanager
def _clear_errors() -> Iterator[None]:
    """Configuration mistakes and a missing snapshot end with one clear line, not a traceback."""
    from crawlers.registry import RegistryError
    from pipeline.locking import LockTimeout
    from pipeline.plans import PlanError
    from pipeline.snapshot import NoSnapshot

    try:
        yield
    except (RegistryError, PlanError, NoSnapshot, LockTimeout) as exc:
        fail(str(exc))
    except Exception as exc:
        if not _disk_full(exc):
            raise
        fail(f"out of disk space ({type(exc).__name__}: {str(exc).splitlines()[0][:300]}). Nothing was "
             "published: the previous snapshot is unchanged. Free some space and run the command again; "
             "the interrupted run is completed then.", code=1)


_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DISK_FULL_TEXT = ("no space left on device", "disk quota exceeded", "file too large")


def _disk_full(exc: BaseException) -> bool:
    """ENOSPC/EDQUOT/EFBIG from Python, or DuckDB's wrapped message for the same errors."""
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS:
        return True
    return any(text in str(exc).lower() for text in _DISK_FULL_TEXT)


def _print_summary(summary: dict) -> None:
    decisions = ", ".join(f"{k}: {v}" for k, v in sorted(summary["decisions"].items())) or "none"
    typer.echo(f"Run {summary['run_id']}: {summary['fetches']} fetches, {summary['pages']} article pages, "
               f"{summary['documents_new']} new / {summary['documents_updated']} updated documents; "
               f"decisions {decisions}; extraction errors {len(summary['extract_errors'])}.")
    if summary.get("publish_error"):
        typer.echo("Chưa công bố được lên lake (kho dữ liệu đã lưu lượt chạy; lần ghi tới sẽ công bố bù): "
                   f"{summary['publish_error']}", err=True)
    if summary.get("stages"):
        from pipeline.stages import format_stages

        typer.echo(f"Stages (seconds, items): {format_stages(summary['stages'])}")


def _warm_workers() -> None:
    """Start the worker pool's fork server first thing (pipeline.workers.warm_up): its imports (about 0.3 s of
    CPU) then run in their own process while this one imports the pipeline and reads the snapshot, instead of
    after it (a crawl and a reprocess of any size use the pool; a tiny reprocess runs inline and leaves the
    server idle). The console script started it already, before typer loaded (planwatch.cli.early): then this
    finds it running; the app run in-process (tests) starts it here."""
    from pipeline.workers import warm_up

    warm_up()


def _prestart_crawl() -> None:
    """Start the crawl subprocess first thing too (crawlers.run.prestart): Scrapy's imports then run while this
    process imports the pipeline and prepares the job, instead of after it (the fresh crawl's serial start).
    Started once: a no-op after planwatch.cli.early started it."""
    from crawlers.run import prestart

    prestart(Paths.from_env().runs)


def _tune_gc() -> None:
    """The collector of this one-shot command, once the pipeline is imported (pipeline.gc_tuning)."""
    from pipeline.gc_tuning import tune

    tune()


def crawl(
    sources: Path = typer.Option(None, "--sources", help="A sources TOML file or folder (default data/sources)."),
    since: str = typer.Option(None, "--since", help="Only items published on or after this date "
                         "(YYYY-MM-DD or dd/mm/yyyy)."),
    until: str = typer.Option(None, "--until", help="Only items published on or before this date "
                         "(YYYY-MM-DD or dd/mm/yyyy)."),
    no_politeness: bool = typer.Option(False, "--no-politeness",
                                       help="No delays nor AutoThrottle (local mirrors and benchmarks only)."),
) -> None:
    """Discover and fetch new pages, extract, classify, store and publish (the nightly recipe, no Prefect)."""
    _warm_workers()
    _prestart_crawl()
    from pipeline.nightly import run_once

    _tune_gc()

    start, end = _date(since, "--since"), _date(until, "--until")
    options = {"politeness": "off"} if no_politeness else {}
    with _clear_errors(), live_progress() as progress:
        summary = run_once(Paths.from_env(), sources, start, end, "nightly", progress=progress, **options)
    _print_summary(summary.as_dict())


def backfill(
    since: str = typer.Option(..., "--since", help="First day of the range (YYYY-MM-DD or dd/mm/yyyy)."),
    until: str = typer.Option(..., "--until", help="Last day of the range (YYYY-MM-DD or dd/mm/yyyy)."),
    sources: Path = typer.Option(None, "--sources", help="A sources TOML file or folder (default data/sources)."),
) -> None:
    """Collect a past date range: listings and sitemaps back to --since, plus site search."""
    _warm_workers()
    _prestart_crawl()
    from pipeline.nightly import run_once

    _tune_gc()
    start, end = _date(since, "--since"), _date(until, "--until")
    if start and end and end < start:
        fail("--until is before --since")
    with _clear_errors(), live_progress() as progress:
        summary = run_once(Paths.from_env(), sources, start, end, "backfill", progress=progress)
    _print_summary(summary.as_dict())


def reprocess(
    sources: Path = typer.Option(None, "--sources", help="The sources the documents came from."),
    full: bool = typer.Option(False, "--full", help="Compute everything again, also what an unchanged "
                              "document keeps (docs/decisions.md entry 26)."),
) -> None:
    """Re-extract and reclassify every stored page from the raw archive, without fetching anything."""
    _warm_workers()
    from pipeline.nightly import reprocess as run_reprocess

    _tune_gc()

    with _clear_errors(), live_progress() as progress:
        summary = run_reprocess(Paths.from_env(), sources, progress=progress, full=full)
    _print_summary(summary.as_dict())


def demo(
    serve_only: bool = typer.Option(False, "--serve-only", help="Only serve the offline mirror until Ctrl-C."),
    fresh: bool = typer.Option(False, "--fresh", help="Start from an empty state folder."),
) -> None:
    """Run the whole pipeline offline: serve data/demo on 127.0.0.1, crawl 2022 through Prefect, report."""
    from flows.demo import run_demo, serve_mirror_forever

    if serve_only:
        serve_mirror_forever()
        return
    started = time.monotonic()
    run_demo(Paths.from_env(), fresh=fresh, say=typer.echo)
    typer.echo(f"\nDemo finished in {time.monotonic() - started:.0f} s.")


def serve(
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the deployments and schedules, do not serve."),
) -> None:
    """Register the nightly crawl and weekly digest deployments with their schedules and run them."""
    from flows.serve import describe_deployments, serve_deployments

    if dry_run:
        for line in describe_deployments():
            typer.echo(line)
        return
    serve_deployments()


def register(app: typer.Typer) -> None:
    app.command()(crawl)
    app.command()(backfill)
    app.command()(reprocess)
    app.command()(demo)
    app.command()(serve)
