"""The nightly crawl and the backfill: short recipes over pipeline.nightly's plain functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact

from pipeline import nightly
from pipeline.progress import LineReporter
from planwatch.config import Paths


def run_log_progress() -> LineReporter:
    """The CLI's plain progress lines (per source every few seconds, per source at the end) in the run log."""
    return LineReporter(write=get_run_logger().info)


@task(name="recover-unfinished-runs")
def recover(sources: str | None) -> list[dict[str, Any]]:
    return [s.as_dict() for s in nightly.recover_pending_runs(Paths.from_env(), sources)]


@task(name="discover-and-fetch", retries=2, retry_delay_seconds=[30, 120])
def discover_and_fetch(sources: str | None, since: dt.date | None, until: dt.date | None, mode: str,
                       politeness: str = "default") -> str:
    return str(nightly.discover_and_fetch(Paths.from_env(), sources, since, until, mode, politeness=politeness,
                                          progress=run_log_progress()))


@task(name="extract-classify-store")
def ingest(run_dir: str, sources: str | None, mode: str, since: dt.date | None,
           until: dt.date | None) -> dict[str, Any]:
    return nightly.ingest(Paths.from_env(), run_dir, sources, mode, since, until,
                          progress=run_log_progress()).as_dict()


def _report_stages(summary: dict[str, Any]) -> None:
    stages = summary.get("stages") or {}
    if stages:
        create_table_artifact(key="run-stages", table=[{"stage": k, **v} for k, v in stages.items()],
                              description=f"Seconds and items per stage of run {summary['run_id']}")


def _report_sources(summary: dict[str, Any]) -> None:
    _report_stages(summary)
    health = nightly.latest_source_health(Paths.from_env())
    if health:
        create_table_artifact(key="source-health", table=health,
                              description=f"Per-source results of run {summary['run_id']}")


@flow(name="nightly-crawl", log_prints=False)
def nightly_crawl(sources: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, politeness: str = "default") -> dict[str, Any]:
    """Discover and fetch new pages, extract, classify, store and publish.
    politeness "off" drops delays and AutoThrottle (robots.txt is still obeyed): only for local mirrors."""
    logger = get_run_logger()
    recovered = recover(sources)
    if recovered:
        logger.warning("completed %d run(s) left unfinished by an earlier crash", len(recovered))
    run_dir = discover_and_fetch(sources, since, until, "nightly", politeness)
    summary = ingest(run_dir, sources, "nightly", since, until)
    _report_sources(summary)
    logger.info("run %s: %d pages, %d new documents", summary["run_id"], summary["pages"], summary["documents_new"])
    if summary.get("publish_error"):  # stored, not in the lake yet: the next publish brings it (decisions entry 22)
        logger.warning("run %s: %s", summary["run_id"], summary["publish_error"])
    return summary


@flow(name="backfill", log_prints=False)
def backfill(since: dt.date, until: dt.date, sources: str | None = None) -> dict[str, Any]:
    """Collect a past date range (listings, sitemaps and site search back to `since`)."""
    recover(sources)
    run_dir = discover_and_fetch(sources, since, until, "backfill")
    summary = ingest(run_dir, sources, "backfill", since, until)
    _report_sources(summary)
    return summary
