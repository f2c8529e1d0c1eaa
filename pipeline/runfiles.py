"""Reading a crawl's run folder (see docs/architecture.md, "Crawl output").

Lines are written and flushed one at a time by the crawler, so a killed crawl leaves whole lines plus
at most one torn last line, which is skipped."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from crawlers.output import DONE, FETCHES, HEALTH, PAGES, raw_path, read_jsonl
from crawlers.rawpack import Location, read_raw_gz
from pipeline.rows import PageRow

__all__ = ["DONE", "FETCHES", "HEALTH", "INGESTED_MARKER", "PAGES", "pending_runs", "raw_path", "read_jsonl",
           "read_pages", "read_raw"]

# The run folder's format belongs to the crawler (crawlers/output.py): one reader serves both sides.
INGESTED_MARKER = "ingested"


def read_pages(run_dir: Path) -> Iterator[PageRow]:
    """The run's page rows (pages.jsonl), as the crawler wrote them (crawlers.spider)."""
    return cast(Iterator[PageRow], read_jsonl(run_dir / PAGES))


def read_raw(raw_dir: Path, sha256: str, where: Location | None = None) -> bytes:
    """The stored body (one gunzip in C: a quarter less CPU than reading through a GzipFile), from its pack
    location when known (a page row's `raw_pack`), else wherever the archive holds it (crawlers.rawpack)."""
    return gzip.decompress(read_raw_gz(raw_dir, sha256, where))


def pending_runs(runs_dir: Path) -> list[Path]:
    """Run folders whose output has not been ingested yet, oldest first (finished or killed alike)."""
    if not runs_dir.exists():
        return []
    return sorted(p for p in runs_dir.iterdir() if p.is_dir() and not (p / INGESTED_MARKER).exists())
