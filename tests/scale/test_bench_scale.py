"""bench/bench_scale.py builds a small synthetic warehouse and prints every figure it promises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
FIELDS = ("docs", "build_s", "report_ms", "coverage_items_ms", "search_ms", "decision_visible_ms",
          "decision_visible_warm_ms", "publish_ms", "ingest_500_s", "story_lookup_ms", "warehouse_mb", "peak_rss_mb")


@pytest.mark.slow
def test_bench_scale_prints_every_field(tmp_path: Path) -> None:
    home = tmp_path / "scale"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWATCH_DUCKDB_")}
    done = subprocess.run([sys.executable, str(REPO / "bench" / "bench_scale.py"), "--docs", "1000", "--json",
                           "--home", str(home)], capture_output=True, text=True, timeout=540, check=False, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(FIELDS) <= result.keys()
    assert result["docs"] == 1000
    for field in FIELDS[1:]:
        assert isinstance(result[field], int | float) and result[field] > 0, field
    assert result["duckdb_memory"] == {"general": "1GB", "readers": "1GB", "rebuild": "4GB"}  # the defaults
    # the 500-document write job and every journal decision (the bench's `review decide` included) are
    # in the published snapshot
    journal = (home / "review" / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
    conn = duckdb.connect(str(home / "snapshot" / "planwatch.duckdb"), read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1500,)
        assert conn.execute("SELECT count(*) FROM review_decisions").fetchone() == (len(journal),)
    finally:
        conn.close()


def test_peak_rss_is_the_measuring_process_own() -> None:
    """The measuring child is started by the parent that built the warehouse; Linux carries ru_maxrss across fork
    and exec, so a child reading it reported the parent's build memory (4.5 GB at 100k). The child's own peak is
    what the bench prints."""
    ballast = bytearray(400 * 1024 * 1024)
    ballast[::4096] = b"x" * len(range(0, len(ballast), 4096))  # touched: resident in this process
    code = f"import sys; sys.path.insert(0, {str(REPO / 'bench')!r}); import bench_scale; print(bench_scale._peak_mb())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert len(ballast) and float(done.stdout.strip().splitlines()[-1]) < 300
