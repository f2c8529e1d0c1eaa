"""Reading a crawl's run folder (see docs/architecture.md, "Crawl output").

Lines are written and flushed one at a time by the crawler, so a killed crawl leaves whole lines plus
at most one torn last line, which is skipped."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DONE_MARKER = "done"
INGESTED_MARKER = "ingested"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                return  # torn last line of a killed writer
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def raw_path(raw_dir: Path, sha256: str) -> Path:
    return raw_dir / sha256[:2] / f"{sha256}.gz"


def read_raw(raw_dir: Path, sha256: str) -> bytes:
    with gzip.open(raw_path(raw_dir, sha256), "rb") as fh:
        return fh.read()


def pending_runs(runs_dir: Path) -> list[Path]:
    """Run folders whose output has not been ingested yet, oldest first (finished or killed alike)."""
    if not runs_dir.exists():
        return []
    return sorted(p for p in runs_dir.iterdir() if p.is_dir() and not (p / INGESTED_MARKER).exists())
