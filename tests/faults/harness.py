"""Running the nightly recipe against fault servers and reading what it stored.

`nightly()` is pipeline.nightly.run_once with job options (small timeouts and caps for the tests):
recover pending runs, discover and fetch in a subprocess, ingest + publish. `Stored` reads the published
snapshot. Every fault case is tallied in FAULT_TALLY so `PLANWATCH_FAULT_REPORT=path` (set by
bench/fault_matrix_report.py) collects the figures of docs/reliability.md."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.ingest import IngestSummary
from pipeline.nightly import discover_and_fetch, ingest, recover_pending_runs
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths

# Small limits so the matrix stays fast; every value is a CrawlJob field.
FAST = {"politeness": "off", "download_timeout": 2.0, "retry_times": 1, "retry_after_max": 5.0,
        "time_limit": 90.0}


def nightly(paths: Paths, sources: Path, **job_options: Any) -> IngestSummary:
    """pipeline.nightly.run_once, with job options passed to the crawl."""
    recover_pending_runs(paths, sources)
    run_dir = discover_and_fetch(paths, sources, None, None, "nightly", **{**FAST, **job_options})
    return ingest(paths, run_dir, sources, "nightly")


@dataclass
class Stored:
    documents: list[dict[str, Any]]
    fetch_log: list[dict[str, Any]]
    health: dict[str, dict[str, Any]]
    health_log: list[dict[str, Any]]
    classifications: int

    def docs_of(self, source_id: str) -> list[dict[str, Any]]:
        return [d for d in self.documents if d["source_id"] == source_id]

    def fetches_of(self, source_id: str) -> list[dict[str, Any]]:
        return [f for f in self.fetch_log if f["source_id"] == source_id]

    def duplicates(self) -> int:
        ids = [d["doc_id"] for d in self.documents]
        urls = [d["canonical_url"] for d in self.documents]
        return (len(ids) - len(set(ids))) + (len(urls) - len(set(urls)))


def _rows(conn: Any, sql: str) -> list[dict[str, Any]]:
    cur = conn.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def stored(paths: Paths) -> Stored:
    with open_snapshot(paths) as conn:
        docs = _rows(conn, "SELECT doc_id, url, canonical_url, source_id, title, text, extraction_flags, "
                           "extraction_quality FROM documents ORDER BY doc_id")
        fetches = _rows(conn, "SELECT source_id, url, final_url, kind, status, error, bytes FROM fetch_log")
        health = {h["source_id"]: h for h in _rows(conn, "SELECT * FROM source_health")}
        health_log = _rows(conn, "SELECT * FROM source_health_log")
        row = conn.execute("SELECT count(*) FROM classifications").fetchone()
    return Stored(docs, fetches, health, health_log, int(row[0]) if row else 0)


def record(case: str, **figures: Any) -> None:
    """Append one case's outcome to the report file named by PLANWATCH_FAULT_REPORT (if set)."""
    target = os.environ.get("PLANWATCH_FAULT_REPORT")
    if not target:
        return
    line = {"case": case, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **figures}
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
