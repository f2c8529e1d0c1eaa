"""Crawl work spread over machines with Prefect work pools: the sources are partitioned, one deployment run
per partition, each picked up by a worker (`prefect worker start --pool POOL --work-queue part-N`) on any
machine that shares the state (PLANWATCH_HOME, or a PostgreSQL-backed lake: docs/scaling.md).

Each run crawls its partition into its own run folder, then ingests it as one write job: the writer lock
makes that one writer per batch, and the published state (snapshot or DuckLake snapshot) advances once per
batch. Nothing here is a queue of our own: Prefect schedules, retries and records the runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prefect import flow, task

from pipeline import nightly
from planwatch.config import REPO_ROOT, Paths

POOL = "planwatch-crawl"


def partition(source_ids: list[str], part: int, parts: int) -> list[str]:
    """Round-robin over the sorted ids: every source in exactly one partition, sizes within one."""
    if not 0 <= part < parts:
        raise ValueError(f"part {part} is not in 0..{parts - 1}")
    return [sid for i, sid in enumerate(sorted(source_ids)) if i % parts == part]


@task(name="discover-and-fetch-partition", retries=2, retry_delay_seconds=[30, 120])
def fetch_partition(sources: str | None, source_ids: list[str], since: dt.date | None, until: dt.date | None,
                    mode: str, politeness: str) -> str:
    return str(nightly.discover_and_fetch(Paths.from_env(), sources, since, until, mode, politeness=politeness,
                                          source_ids=source_ids))


@task(name="extract-classify-store-partition")
def ingest_partition(run_dir: str, sources: str | None, mode: str, since: dt.date | None,
                     until: dt.date | None) -> dict[str, Any]:
    return nightly.ingest(Paths.from_env(), run_dir, sources, mode, since, until).as_dict()


@flow(name="crawl-partition", log_prints=False)
def crawl_partition(part: int, parts: int, sources: str | None = None, since: dt.date | None = None,
                    until: dt.date | None = None, mode: str = "nightly", politeness: str = "default") -> dict[str, Any]:
    """Crawl partition `part` of `parts` of the registry, then store it (one write job)."""
    ids = partition([s.id for s in nightly.load_registry(sources)], part, parts)
    if not ids:
        return {"part": part, "sources": 0}
    run_dir = fetch_partition(sources, ids, since, until, mode, politeness)
    summary = ingest_partition(run_dir, sources, mode, since, until)
    return {"part": part, "sources": len(ids), **summary}


def register(parts: int, *, pool: str = POOL, sources: str | None = None, since: dt.date | None = None,
             until: dt.date | None = None, mode: str = "nightly", politeness: str = "default") -> list[str]:
    """One deployment per partition in work pool `pool`, on work queue `part-N` (a worker started with
    `--work-queue part-N` takes that partition; one started without takes any). Returns the deployment names."""
    from flows.prefect_env import configure_prefect

    configure_prefect()
    names = []
    for part in range(parts):
        deployment: Any = crawl_partition.to_deployment(  # sync call outside an event loop
            name=f"part-{part}-of-{parts}", work_pool_name=pool, work_queue_name=f"part-{part}",
            parameters={"part": part, "parts": parts, "sources": sources, "since": since, "until": until,
                        "mode": mode, "politeness": politeness},
            description=f"Crawl partition {part} of {parts} of the sources, then store it.", tags=["planwatch"])
        deployment.entrypoint = "flows/partitioned.py:crawl_partition"
        deployment._path = str(REPO_ROOT)  # workers run it from the checkout (same path on every machine)
        deployment.apply()
        names.append(f"crawl-partition/part-{part}-of-{parts}")
    return names
