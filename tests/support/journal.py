"""Waiting for the review journal to reach the published snapshot (the background sync is asynchronous)."""

from __future__ import annotations

import time

from pipeline.snapshot import open_snapshot
from planwatch.config import Paths


def wait_for_stored_decisions(paths: Paths, expected: int, seconds: float) -> int:
    """Poll the snapshot until it holds `expected` review decisions or `seconds` pass; the last count seen."""
    deadline = time.monotonic() + seconds
    while True:
        with open_snapshot(paths) as conn:
            row = conn.execute("SELECT count(*) FROM review_decisions").fetchone()
        stored = int(row[0]) if row else 0
        if stored == expected or time.monotonic() > deadline:
            return stored
        time.sleep(0.2)
